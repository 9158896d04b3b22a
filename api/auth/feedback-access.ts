// Who may see and record feedback from children and families, practice
// observations and 360-degree feedback. Feedback belongs to a team: staff
// see their own team's (a practitioner learns from what their team's
// families say), managers their team or service, and the QA lead, PSW and
// senior leaders everything. No one sees another team's complaints.
import type { FieldCondition } from "../store/port.js";
import { scopedFilters, scopeOf, type Viewer } from "./viewer.js";

const recorders = ["team_manager", "service_manager", "head_of_service", "qa_lead", "principal_social_worker"] as const;

function teamScope(viewer: Viewer): Record<string, FieldCondition> | undefined {
  switch (scopeOf(viewer)) {
    case "authority":
      return {};
    case "service":
      return { teamId: { in: viewer.serviceTeamIds } };
    case "team":
    case "own":
      return viewer.person.teamId ? { teamId: viewer.person.teamId } : undefined;
  }
}

export function feedbackFilters(viewer: Viewer): Record<string, FieldCondition>[] {
  if (viewer.roles.length === 1 && viewer.roles[0] === "external_auditor") return [];
  const scope = teamScope(viewer);
  return scope ? [scope] : [];
}

export function canSeeFeedback(viewer: Viewer, feedback: { teamId: string }): boolean {
  if (viewer.roles.length === 1 && viewer.roles[0] === "external_auditor") return false;
  return inTeamScope(viewer, feedback.teamId);
}

/** Managers, the QA lead and the PSW keep the feedback register. */
export function isRecorder(viewer: Viewer): boolean {
  return viewer.roles.some((role) => (recorders as readonly string[]).includes(role));
}

/** Recorders, for the teams they can see. */
export function canRecordFeedback(viewer: Viewer, teamId: string): boolean {
  if (!isRecorder(viewer)) return false;
  return inTeamScope(viewer, teamId);
}

function inTeamScope(viewer: Viewer, teamId: string): boolean {
  switch (scopeOf(viewer)) {
    case "authority":
      return true;
    case "service":
      return viewer.serviceTeamIds.includes(teamId);
    case "team":
    case "own":
      return viewer.person.teamId === teamId;
  }
}

/** Observations: the practitioner and observer see their own; managers their team or service. */
export function observationFilters(viewer: Viewer): Record<string, FieldCondition>[] {
  const me = viewer.person.id;
  return scopedFilters(viewer, [{ practitionerId: me }, { observerId: me }]);
}

export function canSeeObservation(viewer: Viewer, observation: { practitionerId: string; observerId: string; teamId?: string }): boolean {
  const me = viewer.person.id;
  if (observation.practitionerId === me || observation.observerId === me) return true;
  if (scopeOf(viewer) === "own") return false;
  return observation.teamId !== undefined && inTeamScope(viewer, observation.teamId);
}

/** Observers: anyone who manages or leads practice, for a practitioner they can see. */
export function canObserve(viewer: Viewer, practitionerTeamId: string | undefined): boolean {
  if (!viewer.roles.some((role) => (recorders as readonly string[]).includes(role) || role === "auditor")) return false;
  if (scopeOf(viewer) === "authority") return true;
  return practitionerTeamId !== undefined && inTeamScope(viewer, practitionerTeamId);
}

/** 360 results: whoever asked for them, and managers over the supervisor's team. */
export function canSeeFeedback360(viewer: Viewer, round: { requestedById: string; teamId?: string }): boolean {
  if (round.requestedById === viewer.person.id || scopeOf(viewer) === "authority") return true;
  if (scopeOf(viewer) === "own") return false;
  return round.teamId !== undefined && inTeamScope(viewer, round.teamId);
}
