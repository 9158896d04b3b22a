import { z } from "zod";
import { id, isoDateTime, requiredText, text } from "./common.js";
import { Month } from "./kpi-value.js";

// One CSV import of KPI values: the job the tab polls while it runs, and the
// lasting record of what it replaced (its changes are in the audit log).

export const kpiImportStatuses = ["validating", "writing", "imported", "rejected", "failed"] as const;
export const KpiImportStatus = z.enum(kpiImportStatuses);
export type KpiImportStatus = z.infer<typeof KpiImportStatus>;

export const RejectedRow = z.object({
  /** The row number in the file, counting the header as row 1. */
  row: z.number().int().min(1),
  reason: requiredText("The reason", 500),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const KpiImport = z.object({
  fileName: requiredText("The file's name", 200),
  status: KpiImportStatus,
  importedById: id,
  /** Rows of figures in the file (the header not counted). */
  rowCount: z.number().int().min(0),
  /** Rows checked so far (progress while validating). */
  checkedCount: z.number().int().min(0).default(0),
  months: z.array(Month).default([]),
  kpiCodes: z.array(z.string().max(20)).default([]),
  importedCount: z.number().int().min(0).default(0),
  /** Values of the same months and KPIs that this import replaced. */
  replacedCount: z.number().int().min(0).default(0),
  rejectedRows: z.array(RejectedRow).max(10_000).default([]),
  message: text(1000).default(""),
  finishedAt: isoDateTime.optional(),
});
export type KpiImport = z.infer<typeof KpiImport>;
