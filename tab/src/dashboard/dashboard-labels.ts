// Words and colours for the dashboard's figures. Pure.
// Imports name the .js file so that the tests (Node, NodeNext) can import it too.
import type { AuditStatus, AuditType } from "../api/types.js";

export const auditStatusLabels: Record<AuditStatus, string> = {
  planned: "Planned",
  assigned: "Assigned",
  reflection_requested: "Waiting for reflection",
  in_progress: "In progress",
  submitted: "Submitted",
  in_moderation: "In moderation",
  completed: "Completed",
  declined: "Declined",
  cancelled: "Cancelled",
};

export const auditStatusOrder: readonly AuditStatus[] = [
  "planned",
  "assigned",
  "reflection_requested",
  "in_progress",
  "submitted",
  "in_moderation",
  "completed",
  "declined",
  "cancelled",
];

export const auditTypeLabels: Record<AuditType, string> = {
  regular: "Regular case audit",
  thematic: "Thematic (deep dive)",
  multi_agency: "Multi-agency",
  focused: "Focused",
  external: "External",
  supervision: "Supervision",
};

export function statusLabel(status: string): string {
  return auditStatusLabels[status as AuditStatus] ?? status;
}

export function typeLabel(type: string): string {
  return auditTypeLabels[type as AuditType] ?? type;
}

/**
 * Grade colours, best grade first. Each has a contrast of at least 3.3:1
 * against white, Teams' light grey, Teams' dark backgrounds (#1f1f1f,
 * #292929) and black (high contrast), so one set serves every theme. Colour
 * never carries the meaning on its own: every bar is named in its axis,
 * legend or label, and every chart has a table.
 */
export const gradePalette = ["#0e8a5f", "#2f7fd6", "#c96300", "#e0474c", "#7a6cd9", "#0b8a7a"] as const;

/** The colour for the grade at `index` on the scale (0 is the best grade). */
export function gradeColour(index: number): string {
  return gradePalette[index % gradePalette.length]!;
}

/** One colour for charts of counts (statuses, types), with the same contrast. */
export const countColour = "#2f7fd6";

const numberFormat = new Intl.NumberFormat("en-GB");

export function formatCount(count: number): string {
  return numberFormat.format(count);
}

/** "45%" (whole numbers), or "–" when there is nothing to divide by. */
export function formatShare(count: number, total: number): string {
  return total > 0 ? `${Math.round((count / total) * 100)}%` : "–";
}

/** "1 audit", "3 audits". */
export function audits(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "audit" : "audits"}`;
}
