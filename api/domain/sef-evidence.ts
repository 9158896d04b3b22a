// Evidence for the self-evaluation: which QA records could back a statement,
// and which statements have nothing behind them. A suggestion is only made
// for a reason a person can check (shared words, the audit theme or a
// practice standard named in the statement), and the reasons are shown
// with it; the judgement area and the year only rank suggestions, never make
// one on their own. Pure: the service turns records into candidates.
import type { EvidenceReference, IlacsArea } from "./records/self-evaluation.js";

export interface EvidenceCandidate {
  kind: string;
  id: string;
  /** What the record is, in words a reader recognises (no child's name). */
  label: string;
  /** When it happened (YYYY-MM-DD), for the year check. */
  date?: string;
  theme?: string;
  standardCodes?: string[];
  /** The judgement areas the record's service or subject covers. */
  areas?: IlacsArea[];
  /** The words to match: findings, titles, decisions, evidence notes. */
  text: string;
}

export interface EvidenceSuggestion {
  kind: string;
  id: string;
  label: string;
  score: number;
  reasons: string[];
}

const stopWords = new Set(
  (
    "a about after all also an and any are as at be because been before being but by can could did do does for from had has have how " +
    "i if in into is it its more most much must no not of on or our out over so some such than that the their them then there these " +
    "they this those through to too under up us very was we well were what when where which while who why will with would you your " +
    "children child families family practice social work worker workers team teams service services know how year months good"
  ).split(" "),
);

/** Lower-case word stems, without common words: "Supervisions recorded" → supervision, record. */
export function keywordsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? [];
  const stems = new Set<string>();
  for (const word of words) {
    const bare = word.replace(/'s$/, "").replace(/'/g, "");
    if (bare.length < 4 || stopWords.has(bare)) continue;
    stems.add(stem(bare));
  }
  return stems;
}

function stem(word: string): string {
  for (const ending of ["ing", "ed", "es", "s"]) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** The judgement areas a service covers, read from its name. */
export function areasForServiceName(name: string): IlacsArea[] {
  const lower = name.toLowerCase();
  const areas: IlacsArea[] = [];
  if (/(front door|assessment|early help|mash|in need|protection|referral)/.test(lower)) areas.push("help_and_protection");
  if (/(in care|looked after|fostering|placement|permanence|adoption)/.test(lower)) areas.push("children_in_care");
  if (/(care leaver|leaving care|after care|pathway)/.test(lower)) areas.push("care_leavers");
  return areas;
}

const quoted = (words: string[]) => words.map((word) => `"${word}"`).join(", ");

export function suggestEvidence(
  statement: { text: string; area: IlacsArea; evidence: readonly EvidenceReference[] },
  candidates: readonly EvidenceCandidate[],
  options: { from: string; to: string; limit?: number },
): EvidenceSuggestion[] {
  const statementWords = keywordsOf(statement.text);
  const statementText = statement.text.toLowerCase();
  const linked = new Set(statement.evidence.map((reference) => `${reference.kind}:${reference.id}`));
  const suggestions: EvidenceSuggestion[] = [];
  for (const candidate of candidates) {
    if (linked.has(`${candidate.kind}:${candidate.id}`)) continue;
    const reasons: string[] = [];
    let score = 0;
    const shared = [...keywordsOf(candidate.text)].filter((word) => statementWords.has(word)).sort();
    if (shared.length > 0) {
      score += 2 * shared.length;
      reasons.push(`Shares the word${shared.length === 1 ? "" : "s"} ${quoted(shared.slice(0, 6))} with the statement`);
    }
    if (candidate.theme && statementText.includes(candidate.theme.toLowerCase())) {
      score += 3;
      reasons.push(`Its audit theme "${candidate.theme}" is named in the statement`);
    }
    const codes = (candidate.standardCodes ?? []).filter((code) => statementText.includes(code.toLowerCase()));
    if (codes.length > 0) {
      score += 3 * codes.length;
      reasons.push(`It covers practice standard ${codes.join(", ")}, named in the statement`);
    }
    if (score === 0) continue;
    if (candidate.areas?.includes(statement.area)) {
      score += 2;
      reasons.push("It comes from a service this judgement area covers");
    }
    if (candidate.date && candidate.date >= options.from && candidate.date <= options.to) {
      score += 1;
      reasons.push("It is from the year this self-evaluation covers");
    }
    suggestions.push({ kind: candidate.kind, id: candidate.id, label: candidate.label, score, reasons });
  }
  return suggestions
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, options.limit ?? 10);
}

export type StatementFlag = "no_evidence" | "missing_evidence" | "not_written";

export const statementFlagLabels: Record<StatementFlag, string> = {
  no_evidence: "No evidence linked: say how you know this, or link the records that show it.",
  missing_evidence: "Some linked evidence no longer exists.",
  not_written: "Not written yet.",
};

/** What needs attention in a statement. `exists` says whether a linked record is still there. */
export function statementFlags(statement: { text: string; evidence: readonly EvidenceReference[] }, exists: (reference: EvidenceReference) => boolean): StatementFlag[] {
  const flags: StatementFlag[] = [];
  if (!statement.text.trim()) flags.push("not_written");
  if (statement.evidence.length === 0) flags.push("no_evidence");
  else if (statement.evidence.some((reference) => !exists(reference))) flags.push("missing_evidence");
  return flags;
}
