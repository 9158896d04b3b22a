import { z } from "zod";
import { id, isoDateTime, requiredText, text } from "./common.js";

// A key performance indicator (framework component ii): what it measures and
// why, which way is better, its target, and how far its figures can be
// trusted. "Evidence, not assertion": the data confidence travels with every
// chart and report that shows the KPI.

export const kpiPolarities = ["higher_is_better", "lower_is_better"] as const;
export const KpiPolarity = z.enum(kpiPolarities);
export type KpiPolarity = z.infer<typeof KpiPolarity>;

export const kpiUnits = ["percent", "count", "days", "per_worker"] as const;
export const KpiUnit = z.enum(kpiUnits);
export type KpiUnit = z.infer<typeof KpiUnit>;

export const confidenceRatings = ["not_rated", "low", "medium", "high"] as const;
export const ConfidenceRating = z.enum(confidenceRatings);
export type ConfidenceRating = z.infer<typeof ConfidenceRating>;

export const confidenceRatingLabels: Record<ConfidenceRating, string> = {
  not_rated: "Not rated yet",
  low: "Low confidence",
  medium: "Medium confidence",
  high: "High confidence",
};

export const DataConfidence = z
  .object({
    sourceSystem: requiredText("The source system", 200),
    sourceReport: requiredText("The source report", 200),
    /** How and when the figures are extracted. */
    extraction: requiredText("How and when the figures are extracted", 1000),
    knownIssues: text(2000).default(""),
    /** How current the figures are when they arrive (for example "a month in arrears"). */
    timeliness: requiredText("Timeliness", 500),
    rating: ConfidenceRating.default("not_rated"),
    ratingReason: text(1000).default(""),
    ratedById: id.optional(),
    ratedAt: isoDateTime.optional(),
  })
  .refine((confidence) => confidence.rating === "not_rated" || confidence.ratingReason !== "", {
    path: ["ratingReason"],
    message: "Say why you gave this confidence rating",
  });
export type DataConfidence = z.infer<typeof DataConfidence>;

/** Where the Department for Education publishes the same measure, for comparators. */
export const DfeMeasure = z.object({
  /** A file in the DfE data folder, such as c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv. */
  file: z.string().trim().regex(/^[A-Za-z0-9_.-]+\.csv$/, "Name a .csv file in the DfE data folder"),
  /** A measure column of that file, such as rereferral_percent. */
  measure: z.string().trim().regex(/^[A-Za-z0-9_]+$/, "Name a column of the file"),
  /** What DfE calls it, in plain words. */
  label: requiredText("What the DfE figure is", 300),
});
export type DfeMeasure = z.infer<typeof DfeMeasure>;

export const focusedAuditComparators = ["target", "neighbours", "region", "england"] as const;
export const FocusedAuditComparator = z.enum(focusedAuditComparators);
export type FocusedAuditComparator = z.infer<typeof FocusedAuditComparator>;

/** When a KPI's monthly figures should prompt a focused audit (audit type iv). */
export const FocusedAuditRule = z.object({
  comparator: FocusedAuditComparator,
  consecutiveMonths: z.number().int().min(1, "At least one month").max(12, "At most twelve months"),
});
export type FocusedAuditRule = z.infer<typeof FocusedAuditRule>;

export const KpiDefinition = z
  .object({
    /** Short code used in the CSV import, such as REREF-12. */
    code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "Use 2 to 20 capital letters, digits and '-', such as REREF-12"),
    name: requiredText("The KPI's name", 200),
    measures: requiredText("What the KPI measures", 1000),
    purpose: requiredText("Why the KPI matters", 1000),
    polarity: KpiPolarity,
    unit: KpiUnit,
    target: z.number().finite(),
    /** How far from the target is still amber rather than red, in the KPI's unit. */
    tolerance: z.number().finite().min(0, "The tolerance cannot be negative"),
    dataConfidence: DataConfidence,
    dfeMeasure: DfeMeasure.optional(),
    focusedAuditRule: FocusedAuditRule.optional(),
  })
  .refine((kpi) => kpi.focusedAuditRule === undefined || kpi.focusedAuditRule.comparator === "target" || kpi.dfeMeasure !== undefined, {
    path: ["focusedAuditRule"],
    message: "A rule against DfE comparators needs the KPI mapped to a DfE measure",
  });
export type KpiDefinition = z.infer<typeof KpiDefinition>;
