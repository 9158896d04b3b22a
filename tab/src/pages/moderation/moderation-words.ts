// Types and plain-English words for the moderation page (#/moderation).

export type ModerationKind = "peer" | "panel" | "external_parallel";
export type ModerationStatus = "requested" | "awaiting_auditor" | "escalated" | "completed";

export interface ModerationSummary {
  id: string;
  auditId: string;
  caseReference: string | null;
  auditorId: string | null;
  auditorName: string | null;
  moderatorId: string;
  moderatorName: string | null;
  sampledBecause: string;
  sampleSeed: string | null;
  kind: ModerationKind;
  status: ModerationStatus;
  outcome: string | null;
  completedAt: string | null;
  resolvedAt: string | null;
  parallelAuditId: string | null;
  escalatedToName: string | null;
}

/** One auditor–moderator pair of grades behind a figure. */
export interface GradePairRow {
  moderationId: string;
  auditId: string;
  caseReference: string | null;
  kind: string;
  sectionKey: string;
  section: string;
  auditorGrade: string;
  moderatorGrade: string;
  completedAt: string;
}

export interface ParallelComparison {
  moderationId: string;
  caseReference: string | null;
  internal: { auditId: string; auditorName: string | null; submittedAt: string | null };
  external: { auditId: string; auditorName: string | null; submittedAt: string | null };
  rows: { sectionKey: string; title: string; internalLabel: string | null; externalLabel: string | null; difference: number | null; agreed: boolean }[];
  findings: {
    internal: { workingWell: string[]; needsToBeBetter: string[] };
    external: { workingWell: string[]; needsToBeBetter: string[] };
  };
  agreedSections: number;
  gradedSections: number;
}

export const outcomeLabels: Record<string, string> = {
  agreed: "Agreed",
  regraded_up: "Re-graded up",
  regraded_down: "Re-graded down",
  regraded: "Re-graded",
};

/** How a parallel audit's external grade differs from the internal one, in words. */
export function differenceText(difference: number | null): string {
  if (difference === null) return "Not graded by both";
  if (difference === 0) return "Same grade";
  const steps = Math.abs(difference) === 1 ? "one grade" : `${Math.abs(difference)} grades`;
  return difference > 0 ? `External ${steps} lower` : `External ${steps} higher`;
}

export interface Coefficient {
  value: number;
  ci95: [number, number];
}

export interface AgreementSlice {
  key: string;
  label: string;
  moderationIds: string[];
  statistics: {
    n: number;
    minimumPairs: number;
    verdict: "ok" | "too_few_to_say";
    exactAgreement: { percent: number } | null;
    withinOneAgreement: { percent: number } | null;
    cohensKappa: Coefficient | null;
    linearWeightedKappa: Coefficient | null;
    quadraticWeightedKappa: Coefficient | null;
    gwetsAc1: Coefficient | null;
  };
  shift: { up: number; down: number; same: number; optimism: number | null };
}

export interface Agreement {
  period: { from: string | null; to: string | null };
  by: string | null;
  overall: AgreementSlice;
  slices: AgreementSlice[];
}

export const showByChoices = [
  { value: "", label: "Nothing (overall only)" },
  { value: "auditor", label: "Auditor" },
  { value: "team", label: "Team" },
  { value: "service", label: "Service" },
  { value: "type", label: "Audit type" },
  { value: "section", label: "Section" },
  { value: "month", label: "Month" },
  { value: "kind", label: "Kind of moderation" },
] as const;

export type ShowBy = (typeof showByChoices)[number]["value"];

export function isShowBy(value: string | undefined): value is ShowBy {
  return showByChoices.some((choice) => choice.value === value);
}

/** One line each: what the figures mean. */
export const figureExplanations: { term: string; meaning: string }[] = [
  { term: "Pairs", meaning: "each grade the auditor gave that a moderator also graded." },
  { term: "Exact agreement", meaning: "the share of pairs where the moderator gave the same grade." },
  { term: "Within one grade", meaning: "the share where the moderator's grade was the same or next to it." },
  { term: "Cohen's kappa", meaning: "agreement beyond chance: 1 is perfect, 0 is what chance alone would give." },
  { term: "Weighted kappas", meaning: "kappa that counts a near miss as part agreement (linear: a little, quadratic: more)." },
  { term: "Gwet's AC1", meaning: "agreement beyond chance that stays steady when most grades are the same." },
  { term: "95% interval", meaning: "the range the true figure very likely lies in; wide when there are few pairs." },
  { term: "Too few to say", meaning: "fewer than 10 pairs: the figures are too unsteady to act on (open them to see the numbers anyway)." },
];

export const percentText = (value: { percent: number } | null) => (value ? `${Math.round(value.percent)}%` : "None");
export const coefficientText = (value: Coefficient | null) => (value ? value.value.toFixed(2) : "None");
export const intervalText = (value: Coefficient | null) => (value ? `${value.ci95[0].toFixed(2)} to ${value.ci95[1].toFixed(2)}` : "");

/** "2026-10-01" style dates only: anything else in the address is ignored. */
export function isoDateOrUndefined(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
