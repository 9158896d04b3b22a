// What the performance API answers, and the words and number formats the
// performance, import and triangulation pages share.

export type Rag = "green" | "amber" | "red";
export type Unit = "percent" | "count" | "days" | "per_worker";
export type ConfidenceRating = "not_rated" | "low" | "medium" | "high";

export type ComparatorValue = { published: true; value: number } | { published: false; code: string; reason: string };

export interface DataConfidence {
  sourceSystem: string;
  sourceReport: string;
  extraction: string;
  knownIssues: string;
  timeliness: string;
  rating: ConfidenceRating;
  ratingReason: string;
  ratedByName?: string;
  ratedAt?: string;
}

export interface Kpi {
  id: string;
  etag: string;
  code: string;
  name: string;
  measures: string;
  purpose: string;
  polarity: "higher_is_better" | "lower_is_better";
  unit: Unit;
  target: number;
  tolerance: number;
  dataConfidence: DataConfidence;
  dfeMeasure?: { file: string; measure: string; label: string };
  focusedAuditRule?: { comparator: "target" | "neighbours" | "region" | "england"; consecutiveMonths: number };
  ragRule: string;
  focusedAuditRuleText?: string;
}

export interface ComparatorAuthority {
  laCode: string;
  authorityName: string;
  regionName: string;
  isDefault: boolean;
}

export interface ComparatorPeriod {
  timePeriod: string;
  authority: ComparatorValue;
  region: ComparatorValue & { name: string };
  england: ComparatorValue;
  neighbourAverage: ComparatorValue;
  neighboursPublished: number;
  neighbours: { rank: number; name: string; laCode: string | null; closeness: string; value: ComparatorValue }[];
}

export type KpiComparators =
  | { available: true; file: string; measure: string; label: string; laCode: string; authorityName: string; regionName: string; neighbourGroupFound: boolean; periods: ComparatorPeriod[] }
  | { available: false; reason: string };

export interface KpiMonthValue {
  month: string;
  level: "team" | "service" | "authority";
  teamId?: string;
  serviceId?: string;
  placeName: string;
  value: number;
  rag: Rag;
  note?: string;
}

export interface KpiReport {
  kpi: Kpi;
  values: KpiMonthValue[];
  comparators: KpiComparators;
}

export interface RejectedRow {
  row: number;
  reason: string;
}

export interface KpiImport {
  id: string;
  fileName: string;
  status: "validating" | "writing" | "imported" | "rejected" | "failed";
  rowCount: number;
  checkedCount: number;
  months: string[];
  importedCount: number;
  replacedCount: number;
  rejectedRows: RejectedRow[];
  message: string;
  createdAt: string;
  progress?: { phase: "checking" | "writing"; done: number; total: number };
}

export interface Proposal {
  id: string;
  etag: string;
  kpiCode: string;
  kpiName: string;
  rule: string;
  benchmarkLabel: string;
  months: string[];
  teams: { id: string; name: string }[];
  evidence: { teamId: string; month: string; value: number }[];
  status: "proposed" | "accepted" | "dismissed";
  dismissedReason?: string;
  programmeId?: string;
  createdAt: string;
}

export const ragWords: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };

export const confidenceWords: Record<ConfidenceRating, string> = {
  not_rated: "Not rated yet",
  low: "Low confidence",
  medium: "Medium confidence",
  high: "High confidence",
};

export function formatValue(unit: Unit, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const number = rounded.toLocaleString("en-GB", { maximumFractionDigits: 1 });
  switch (unit) {
    case "percent":
      return `${number}%`;
    case "days":
      return `${number} ${rounded === 1 ? "day" : "days"}`;
    case "per_worker":
      return `${number} per worker`;
    case "count":
      return number;
  }
}

/** A DfE figure, or "not published" with the reason. Never zero for a suppressed value. */
export function comparatorText(unit: Unit, value: ComparatorValue): string {
  return value.published ? formatValue(unit, value.value) : `Not published (${value.reason})`;
}

/** "Oct 2026". */
export function shortMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 1, 1)).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
}

export function monthDate(month: string): Date {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 1, 1));
}
