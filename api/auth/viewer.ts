// Who is asking, and what they may see. A role comes with a scope (seed
// §2.8): a practitioner sees their own cases' audits and actions, a team
// manager their team, a service manager or head of service their service,
// the QA lead, PSW and senior leaders the whole authority, and an external
// auditor only the audits shared with them.
import type { Role } from "../domain/records/person.js";
import type { FieldCondition, Saved } from "../store/port.js";

export type Scope = "own" | "team" | "service" | "authority";

export interface Viewer {
  person: Saved<"person">;
  roles: Role[];
  /** How the viewer signed in: Teams single sign-on, or the local demo picker. */
  signIn: "entra" | "local";
  /** The teams in the viewer's service (for service-wide scope). */
  serviceTeamIds: string[];
}

const authorityWide: readonly Role[] = ["qa_lead", "principal_social_worker", "dcs", "lead_member"];
const serviceWide: readonly Role[] = ["head_of_service", "service_manager"];
const planners: readonly Role[] = ["qa_lead", "principal_social_worker", "head_of_service", "service_manager"];

export function scopeOf(viewer: Viewer): Scope {
  if (viewer.roles.some((role) => authorityWide.includes(role))) return "authority";
  if (viewer.roles.some((role) => serviceWide.includes(role)) && viewer.person.serviceId) return "service";
  if (viewer.roles.includes("team_manager") && viewer.person.teamId) return "team";
  return "own";
}

export function canPlanAudits(viewer: Viewer): boolean {
  return viewer.roles.some((role) => planners.includes(role));
}

export function canEditLibrary(viewer: Viewer): boolean {
  return viewer.roles.some((role) => role === "qa_lead" || role === "principal_social_worker");
}

interface Placed {
  teamId?: string;
  serviceId?: string;
}

/** Whether the viewer may see this audit at all. */
export function canSeeAudit(viewer: Viewer, audit: Placed & { auditorId?: string; practitionerId?: string; sharedWithIds: string[] }): boolean {
  const me = viewer.person.id;
  if (audit.auditorId === me || audit.practitionerId === me || audit.sharedWithIds.includes(me)) return true;
  if (viewer.roles.length === 1 && viewer.roles[0] === "external_auditor") return false;
  return inScope(viewer, audit);
}

export function canSeeAction(viewer: Viewer, action: { ownerId: string; teamId?: string }): boolean {
  return action.ownerId === viewer.person.id || inScope(viewer, { teamId: action.teamId });
}

function inScope(viewer: Viewer, record: Placed): boolean {
  switch (scopeOf(viewer)) {
    case "authority":
      return true;
    case "service":
      return record.teamId !== undefined && viewer.serviceTeamIds.includes(record.teamId);
    case "team":
      return record.teamId !== undefined && record.teamId === viewer.person.teamId;
    case "own":
      return false;
  }
}

/**
 * The store filters that cover everything the viewer may see in a list. Each
 * filter is one query; together they are the viewer's whole view, so a list
 * never has to load records it will then hide.
 */
export function auditFilters(viewer: Viewer): Record<string, FieldCondition>[] {
  const me = viewer.person.id;
  const own: Record<string, FieldCondition>[] = [{ auditorId: me }, { practitionerId: me }];
  if (viewer.roles.includes("external_auditor")) own.push({ sharedWithIds: { contains: me } });
  return scopedFilters(viewer, own);
}

export function actionFilters(viewer: Viewer): Record<string, FieldCondition>[] {
  return scopedFilters(viewer, [{ ownerId: viewer.person.id }]);
}

/**
 * Filters for records placed in a team: the teams the viewer's scope covers,
 * plus `own` (the records that are theirs wherever they are placed).
 */
export function scopedFilters(viewer: Viewer, own: Record<string, FieldCondition>[]): Record<string, FieldCondition>[] {
  switch (scopeOf(viewer)) {
    case "authority":
      return [{}];
    case "service":
      return [{ teamId: { in: viewer.serviceTeamIds } }, ...own];
    case "team":
      return [{ teamId: viewer.person.teamId! }, ...own];
    case "own":
      return own;
  }
}

/**
 * `scope` narrowed by `filters`, or undefined when nothing can match both.
 * Where both name a field, both are values or lists of values (scopes never
 * hold ranges), and the record must match both: their common values.
 */
export function narrowed(scope: Record<string, FieldCondition>, filters: Record<string, FieldCondition>): Record<string, FieldCondition> | undefined {
  const merged = { ...scope };
  for (const [field, condition] of Object.entries(filters)) {
    const scoped = merged[field];
    if (scoped === undefined || JSON.stringify(scoped) === JSON.stringify(condition)) {
      merged[field] = condition;
      continue;
    }
    const allowed = (value: FieldCondition) => (value !== null && typeof value === "object" && "in" in value ? value.in : typeof value === "object" ? undefined : [value]);
    const inScope = allowed(scoped);
    const wanted = allowed(condition);
    if (!inScope || !wanted) return undefined;
    const both = wanted.filter((value) => inScope.includes(value));
    if (both.length === 0) return undefined;
    merged[field] = both.length === 1 ? both[0]! : { in: both };
  }
  return merged;
}

/**
 * Whether the viewer line-manages this team: its manager, a team manager
 * placed in it, or a service manager or head of service over its service.
 * Who has not read a bulletin is shown only to them.
 */
export function managesTeam(viewer: Viewer, team: { id: string; managerId?: string }): boolean {
  if (team.managerId === viewer.person.id) return true;
  if (viewer.roles.includes("team_manager") && viewer.person.teamId === team.id) return true;
  return scopeOf(viewer) === "service" && viewer.serviceTeamIds.includes(team.id);
}

/** Performance figures are aggregate management information: every member of staff may read them; an external auditor may not. */
export function canSeePerformance(viewer: Viewer): boolean {
  return viewer.roles.some((role) => role !== "external_auditor");
}

/** The QA lead imports KPI values, rates data confidence, chooses comparators and decides on focused audit proposals. */
export function canManagePerformance(viewer: Viewer): boolean {
  return viewer.roles.includes("qa_lead");
}

// The self-evaluation is the authority's own account of itself: the QA lead
// and senior leaders write it; others with a service-wide or wider view read it.
const selfEvaluationAuthors: readonly Role[] = ["qa_lead", "principal_social_worker", "dcs", "head_of_service"];

export function canEditSelfEvaluation(viewer: Viewer): boolean {
  return viewer.roles.some((role) => selfEvaluationAuthors.includes(role));
}

/** Reading the SEF, the plan and meeting records: service-wide or authority-wide roles. */
export function canReadLeadershipRecords(viewer: Viewer): boolean {
  return scopeOf(viewer) === "authority" || scopeOf(viewer) === "service";
}

/** The report pack's narratives are the QA lead's (and the PSW's, who often deputises). */
export function canWriteReportNarrative(viewer: Viewer): boolean {
  return viewer.roles.some((role) => role === "qa_lead" || role === "principal_social_worker");
}

export function canRecordMeetings(viewer: Viewer): boolean {
  return canPlanAudits(viewer) || viewer.roles.includes("dcs");
}
