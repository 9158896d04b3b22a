// Plain-English words for the API's codes, and dates as people write them
// in England ("3 December 2026"). Case references only: records never carry names.
import type { Action, AuditStatus, AuditType } from "../api/types";

export const auditTypeWords: Record<AuditType, string> = {
  regular: "Regular case audit",
  thematic: "Thematic (deep dive) audit",
  multi_agency: "Multi-agency audit",
  focused: "Focused audit",
  external: "Externally commissioned audit",
  supervision: "Supervision audit",
};

/** Plural, for headings such as "Regular case audits graded Good". */
export const auditTypePlural: Record<AuditType, string> = {
  regular: "Regular case audits",
  thematic: "Thematic (deep dive) audits",
  multi_agency: "Multi-agency audits",
  focused: "Focused audits",
  external: "Externally commissioned audits",
  supervision: "Supervision audits",
};

export const auditStatusWords: Record<AuditStatus, string> = {
  planned: "Planned, not assigned yet",
  assigned: "Assigned, not started",
  reflection_requested: "Assigned, waiting for the practitioner's reflection",
  in_progress: "In progress",
  submitted: "Submitted",
  in_moderation: "With a moderator",
  completed: "Completed",
  declined: "Declined",
  cancelled: "Cancelled",
};

export const actionStatusWords: Record<Action["status"], string> = {
  open: "Not started",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};

export const soughtFromWords = {
  child: "The child",
  parent_or_carer: "A parent or carer",
  family: "The family",
  not_sought: "Not sought",
} as const;

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const clockTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

function utcDate(isoDate: string): Date | undefined {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "2026-12-03" or "2026-12-03T10:00:00Z" → "3 December 2026". */
export function longDateText(isoDate: string | undefined): string {
  const date = isoDate ? utcDate(isoDate) : undefined;
  return date ? longDate.format(date) : "";
}

/** "2026-10-01" → "October 2026". */
export function monthText(isoDate: string): string {
  const date = utcDate(isoDate);
  return date ? monthYear.format(date) : isoDate;
}

/** The time of day, "14:32", in the user's time zone. */
export function clockText(date: Date): string {
  return clockTime.format(date);
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** A due date before today, for work that is not finished. */
export function isOverdue(dueDate: string | undefined, today = todayIso()): boolean {
  return dueDate !== undefined && dueDate < today;
}

/** Overdue first, then soonest due; work with no due date last. */
export function byUrgency<T extends { dueDate?: string }>(isOpen: (item: T) => boolean, today = todayIso()) {
  return (a: T, b: T): number => {
    const overdueA = isOpen(a) && isOverdue(a.dueDate, today);
    const overdueB = isOpen(b) && isOverdue(b.dueDate, today);
    if (overdueA !== overdueB) return overdueA ? -1 : 1;
    return (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999");
  };
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}
