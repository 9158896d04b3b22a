// What the learning bulletin and "you said, we did" cards show. The layout
// (standard or seven-minute briefing) is decided here, so one card template
// draws both, and the tab's preview is this same card.
import type { Bulletin } from "../api/domain/records/bulletin.js";
import type { Saved } from "../api/store/port.js";
import type { ViewContext } from "./card-views.js";

export interface CardSection {
  heading: string;
  /** Paragraphs or list entries, each shown as its own line. */
  lines: { text: string }[];
}

export interface BulletinCardView {
  bulletinId: string;
  kindLabel: string;
  title: string;
  sections: CardSection[];
  links: { title: string; url: string }[];
  canMarkRead: boolean;
  bulletinUrl: string;
  notice: string;
  noticeColor: "Good" | "Attention";
}

export interface YouSaidWeDidCardView {
  updateId: string;
  theme: string;
  /** "From 3 compliments and complaints in the feedback register", or "". */
  basedOn: string;
  youSaid: string;
  response: string;
  weDid: { text: string; evidence: { text: string }[] }[];
  updateUrl: string;
}

const bullet = (text: string) => ({ text: `• ${text}` });
const numbered = (text: string, index: number) => ({ text: `${index + 1}. ${text}` });

const sourceLabels: Record<string, string> = { audit: "Audit of", finding: "Finding from the audit of", audit_programme: "Audit programme:", review: "Review:" };

/** The sections of a bulletin in reading order, empty ones left out. */
export function bulletinSections(bulletin: Bulletin): CardSection[] {
  const drawsOn = bulletin.drawsOn.map((source) => bullet(`${sourceLabels[source.kind]} ${source.reference}`));
  if (bulletin.layout === "seven_minute_briefing") {
    // The briefing's familiar shape, numbered in order; a section with nothing in it is left out.
    const briefing: CardSection[] = [
      { heading: "Background", lines: bulletin.summary ? [{ text: bulletin.summary }] : [] },
      { heading: "Why it matters", lines: bulletin.whyItMatters ? [{ text: bulletin.whyItMatters }] : [] },
      { heading: "What we learnt", lines: bulletin.keyMessages.map(bullet) },
      { heading: "Where this comes from", lines: drawsOn },
      { heading: "Questions to reflect on", lines: bulletin.reflectionQuestions.map(bullet) },
      { heading: "What to do", lines: bulletin.whatToDo.map(numbered) },
      { heading: "Find out more", lines: bulletin.themes.length > 0 ? [{ text: `Themes: ${bulletin.themes.join(", ")}` }] : [] },
    ];
    return briefing.filter((section) => section.lines.length > 0).map((section, index) => ({ ...section, heading: `${index + 1}. ${section.heading}` }));
  }
  const sections: CardSection[] = [
    { heading: "", lines: bulletin.summary ? [{ text: bulletin.summary }] : [] },
    { heading: "Key messages", lines: bulletin.keyMessages.map(bullet) },
    { heading: "Questions to reflect on", lines: bulletin.reflectionQuestions.map(bullet) },
    { heading: "What to do", lines: bulletin.whatToDo.map(numbered) },
    { heading: "Where this comes from", lines: drawsOn },
    { heading: "Themes", lines: bulletin.themes.length > 0 ? [{ text: bulletin.themes.join(", ") }] : [] },
  ];
  return sections.filter((section) => section.lines.length > 0);
}

export function bulletinUrl(tabUrl: string, bulletinId: string): string {
  return `${tabUrl}index.html#/bulletins/${encodeURIComponent(bulletinId)}`;
}

export function bulletinView(context: Pick<ViewContext, "tabUrl" | "notice" | "noticeIsProblem">, bulletin: Saved<"bulletin"> | (Bulletin & { id: string })): BulletinCardView {
  return {
    bulletinId: bulletin.id,
    kindLabel: bulletin.layout === "seven_minute_briefing" ? "Seven-minute briefing" : "Learning bulletin",
    title: bulletin.title,
    sections: bulletinSections(bulletin),
    links: bulletin.links.map((link) => ({ title: link.title, url: link.url })),
    canMarkRead: true,
    bulletinUrl: bulletinUrl(context.tabUrl, bulletin.id),
    notice: context.notice ?? "",
    noticeColor: context.noticeIsProblem ? "Attention" : "Good",
  };
}

/** How many feedback records an update comes from, in words (never which). */
export function basedOn(feedbackCount: number): string {
  if (feedbackCount === 0) return "";
  return `From ${feedbackCount === 1 ? "1 compliment or complaint" : `${feedbackCount} compliments and complaints`} in the feedback register`;
}

const actionStatusWords: Record<string, string> = { open: "open", in_progress: "in progress", done: "done", cancelled: "cancelled" };

export async function youSaidWeDidView(context: Pick<ViewContext, "store" | "tabUrl">, update: Saved<"youSaidWeDid">): Promise<YouSaidWeDidCardView> {
  const weDid = [];
  for (const entry of update.weDid) {
    const evidence = [];
    for (const actionId of entry.actionIds) {
      const action = await context.store.get("action", actionId);
      evidence.push({ text: action ? `Evidence: ${action.title} (${actionStatusWords[action.status] ?? action.status})` : "Evidence: an action that has since been removed" });
    }
    weDid.push({ text: entry.text, evidence });
  }
  return {
    updateId: update.id,
    theme: update.theme,
    basedOn: basedOn(update.feedbackIds.length),
    youSaid: update.youSaid,
    response: update.response,
    weDid,
    updateUrl: `${context.tabUrl}index.html#/you-said-we-did/${encodeURIComponent(update.id)}`,
  };
}
