// Dates and labels as a busy practitioner reads them.
import { auditStatusLabels } from "../api/domain/audit-lifecycle.js";
import type { AuditStatus } from "../api/domain/records/audit.js";
import { auditTypeLabels, type AuditType } from "../api/domain/records/audit-tool.js";
import { workingDaysBetween } from "../api/domain/working-days.js";

const longDate = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

/** "Friday 11 December 2026 (8 working days left)", or "… (overdue)". */
export function formatDue(dueDate: string | undefined, today: string): string {
  if (!dueDate) return "No due date";
  if (dueDate < today) return `${formatDate(dueDate)} (overdue)`;
  if (dueDate === today) return `${formatDate(dueDate)} (today)`;
  try {
    const left = workingDaysBetween(today, dueDate);
    return `${formatDate(dueDate)} (${left} working day${left === 1 ? "" : "s"} left)`;
  } catch {
    return formatDate(dueDate); // beyond the bank-holiday calendar: show the date alone
  }
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const auditStatusLabel = (status: AuditStatus) => capitalised(auditStatusLabels[status]);
export const auditTypeLabel = (type: AuditType) => auditTypeLabels[type];
