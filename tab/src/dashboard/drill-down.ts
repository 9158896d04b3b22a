// Where each dashboard number leads: the audit list (#/audits?…) filtered so
// that it shows exactly the audits behind the number. Pure.
//
// The dashboard counts an audit in a period when it was submitted in the
// period, or has not been submitted yet (work still open counts whatever the
// period). The audit list filters by submission date only, so a number that
// mixes the two (all audits, audits of one type) has no exact list while a
// period is set: it gets no link rather than a list that disagrees with it.
// Imports name the .js file so that the tests (Node, NodeNext) can import it too.
import type { AuditStatus, AuditType } from "../api/types.js";
import { dayBefore, monthRange, type DashboardFilters } from "./dashboard-filters.js";

/** Query parameters for the audit list; a repeated parameter is an array. */
export type AuditListQuery = Record<string, string | string[] | undefined>;

/** Statuses of audits that have been submitted (and so graded). */
export const submittedStatuses: readonly AuditStatus[] = ["submitted", "in_moderation", "completed"];

/** Statuses the dashboard counts as overdue once the due date has passed. */
export const openStatuses: readonly AuditStatus[] = ["planned", "assigned", "reflection_requested", "in_progress", "declined"];

export type DrillDownTarget =
  | { kind: "all" }
  | { kind: "graded" }
  | { kind: "grade"; grade: string }
  | { kind: "month"; month: string; grade?: string }
  | { kind: "status"; status: AuditStatus }
  | { kind: "type"; type: AuditType }
  | { kind: "overdue"; today: string };

function later(a: string | undefined, b: string): string {
  return a && a > b ? a : b;
}

function earlier(a: string | undefined, b: string): string {
  return a && a < b ? a : b;
}

/** The audit list's query for the audits behind a number, or undefined when no list shows exactly those audits. */
export function drillDownQuery(filters: DashboardFilters, target: DrillDownTarget): AuditListQuery | undefined {
  const hasPeriod = Boolean(filters.from || filters.to);
  const base: AuditListQuery = {
    serviceId: filters.serviceId,
    teamId: filters.teamId,
    type: filters.type,
    theme: filters.theme,
  };
  const submittedInPeriod: AuditListQuery = hasPeriod ? { submittedFrom: filters.from, submittedTo: filters.to } : { status: [...submittedStatuses] };
  switch (target.kind) {
    case "all":
      return hasPeriod ? undefined : base;
    case "graded":
      return { ...base, ...submittedInPeriod };
    case "grade":
      return { ...base, overallGrade: target.grade, ...submittedInPeriod };
    case "month": {
      const month = monthRange(target.month);
      return {
        ...base,
        overallGrade: target.grade,
        submittedFrom: later(filters.from, month.from),
        submittedTo: earlier(filters.to, month.to),
      };
    }
    case "status":
      return submittedStatuses.includes(target.status)
        ? { ...base, status: target.status, submittedFrom: filters.from, submittedTo: filters.to }
        : { ...base, status: target.status };
    case "type":
      if (filters.type && filters.type !== target.type) return undefined;
      return hasPeriod ? undefined : { ...base, type: target.type };
    case "overdue":
      return { ...base, status: [...openStatuses], dueBefore: dayBefore(target.today) };
  }
}

/** "#/audits?…" with the parameters in a stable order; empty values are left out. */
export function auditListHash(query: AuditListQuery): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item !== "") parameters.append(name, item);
  }
  const text = parameters.toString();
  return `#/audits${text ? `?${text}` : ""}`;
}
