import { z } from "zod";
import { text } from "./common.js";

// The QA lead's narrative for one section of one month's report pack: what
// the figures mean and what is being done. Stored per period, scope and
// section so that each box saves (with its ETag) on its own.
export const reportSectionKeys = [
  "summary",
  "kpis",
  "grades",
  "moderation",
  "themes",
  "actions",
  "feedback",
  "workforce",
  "improvement_plan",
] as const;
export const ReportSectionKey = z.enum(reportSectionKeys);
export type ReportSectionKey = z.infer<typeof ReportSectionKey>;

export const reportMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month in the form YYYY-MM");

export const ReportNarrative = z.object({
  period: reportMonth,
  // "authority", "service:<id>" or "theme:<theme>" (see report-scope.ts).
  scopeKey: z.string().trim().min(1).max(300),
  sectionKey: ReportSectionKey,
  text: text(8000).default(""),
});
export type ReportNarrative = z.infer<typeof ReportNarrative>;
