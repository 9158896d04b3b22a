// The printable "you said, we did" page for children and families: plain
// words, large type, every value HTML-escaped, no scripts, and nothing that
// names a child or a case (the service refuses such text; action titles,
// which may carry case references, are never shown here, only whether the
// change is done).

export interface FamilyPageView {
  authorityName: string;
  theme: string;
  youSaid: string;
  response: string;
  weDid: { text: string; done: boolean; actionCount: number; lastDoneOn?: string }[];
  /** How many compliments and complaints it comes from (a count, never which). */
  feedbackCount: number;
  publishedOn?: string;
  draft: boolean;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dateText = (iso: string) => longDate.format(new Date(iso));

function paragraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, "<br>")}</p>`)
    .join("\n");
}

function evidenceLine(entry: FamilyPageView["weDid"][number]): string {
  const actions = entry.actionCount === 1 ? "1 action" : `${entry.actionCount} actions`;
  if (entry.done) return `Done${entry.lastDoneOn ? ` by ${dateText(entry.lastDoneOn)}` : ""}. We checked this against ${actions} in our records.`;
  return `We have started this. We are checking it against ${actions} in our records.`;
}

export function familyPageHtml(view: FamilyPageView): string {
  const title = `You said, we did: ${view.theme}`;
  const items = view.weDid
    .map(
      (entry) => `    <li>
      <p class="did">${escapeHtml(entry.text)}</p>
      <p class="evidence">${escapeHtml(evidenceLine(entry))}</p>
    </li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; font-size: 1.2rem; line-height: 1.6; color: #1b1b1b; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin-bottom: 0.25rem; }
  h2 { font-size: 1.5rem; margin-top: 2rem; border-bottom: 3px solid #1d70b8; padding-bottom: 0.25rem; }
  .theme { font-size: 1.4rem; }
  .from { color: #505a5f; margin-top: 0; }
  .draft { border: 3px dashed #d4351c; padding: 0.5rem 1rem; font-weight: bold; }
  ul.we-did { list-style: none; padding: 0; }
  ul.we-did li { border-left: 6px solid #00703c; padding: 0.25rem 1rem; margin: 1rem 0; }
  .did { font-weight: bold; margin: 0; }
  .evidence { margin: 0.25rem 0 0; color: #505a5f; font-size: 1rem; }
  footer { margin-top: 3rem; font-size: 1rem; color: #505a5f; }
  @media print {
    body { margin: 0; max-width: none; font-size: 12pt; color: #000; }
    h2 { break-after: avoid; }
    ul.we-did li { break-inside: avoid; }
    footer { position: static; }
  }
</style>
</head>
<body>
<main>
${view.draft ? '  <p class="draft">Draft: not yet published. Do not share this page yet.</p>\n' : ""}  <h1>You said, we did</h1>
  <p class="from">${escapeHtml(view.authorityName)} children's services${view.publishedOn ? `, ${escapeHtml(dateText(view.publishedOn))}` : ""}</p>
  <p class="theme">About: <strong>${escapeHtml(view.theme)}</strong></p>
  <h2>You said</h2>
${paragraphs(view.youSaid)}
${view.feedbackCount > 0 ? `  <p class="evidence">${view.feedbackCount === 1 ? "One child or family told us this." : `${view.feedbackCount} children and families told us this.`}</p>\n` : ""}
${view.response.trim() ? `  <h2>What we think</h2>\n${paragraphs(view.response)}\n` : ""}  <h2>We did</h2>
  <ul class="we-did">
${items}
  </ul>
</main>
<footer>
  <p>Thank you for telling us what you think. You can always talk to your social worker, or ask them how to tell us more.</p>
</footer>
</body>
</html>
`;
}
