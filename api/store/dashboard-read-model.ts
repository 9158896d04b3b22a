// Where the QA dashboard's figures come from. Counting grades over tens of
// thousands of audits is a job for the store itself, so each store adapter
// may bring its own read model; api/services/dashboard.ts has the generic one
// that works on any store through the port.
import { dayBefore } from "../domain/calendar.js";
import type { DashboardFigures } from "../domain/dashboard-figures.js";
import type { Grade } from "../domain/records/grade-scale.js";
import type { FieldCondition } from "./port.js";

/** Which audits and actions the figures are for. */
export interface DashboardRequest {
  /** The viewer's view of audits: an audit counts when it matches any one of these (see auditFilters). */
  auditScopes: Record<string, FieldCondition>[];
  /** Filters every audit must match, on queryable fields (serviceId, teamId, type, toolId). */
  auditWhere: Record<string, FieldCondition>;
  /** The audit's theme, matched exactly. */
  theme?: string;
  /** Submitted on or after / on or before these dates. Audits not yet submitted count whatever the period. */
  from?: string;
  to?: string;
  /** The viewer's view of actions (see actionFilters). */
  actionScopes: Record<string, FieldCondition>[];
  /** Count overdue actions of these teams only (a team or service filter); undefined: every team. */
  actionTeamIds?: string[];
  grades: readonly Grade[];
  sections: readonly { key: string; title: string }[];
  /** Today (YYYY-MM-DD, UTC): audits and actions due before today are overdue. */
  today: string;
}

export type DashboardAnswer = DashboardFigures & { overdueActions: number };

/** Where the dashboard's figures come from; each store adapter may bring a faster one. */
export interface DashboardReadModel {
  figures(request: DashboardRequest): Promise<DashboardAnswer>;
}


/** Overdue actions: still open, and due before today. Both read models count these. */
export function overdueActionsWhere(request: Pick<DashboardRequest, "today" | "actionTeamIds">): Record<string, FieldCondition> {
  return {
    status: { in: ["open", "in_progress"] },
    dueDate: { lte: dayBefore(request.today) },
    ...(request.actionTeamIds ? { teamId: { in: request.actionTeamIds } } : {}),
  };
}
