// Triangulation (seed: "not everything that counts can be counted"): for a
// team, a service or a theme and a period, the KPIs beside the audit grades
// and findings, the moderation results, and what children, families and
// observers said, so a leader reads the numbers against the practice.
import { canSeeFeedback, canSeeObservation, feedbackFilters, observationFilters } from "../auth/feedback-access.js";
import { auditFilters, canSeeAudit, narrowed, scopeOf, type Viewer } from "../auth/viewer.js";
import { DomainError } from "../domain/errors.js";
import { ragRule } from "../domain/performance/rag.js";
import { feedbackSourceLabels } from "../domain/records/feedback.js";
import { observationSettingLabels } from "../domain/records/observation.js";
import { allRecords } from "../store/all-records.js";
import type { FieldCondition, Saved, Store } from "../store/port.js";
import type { KpiMonthValue, PerformanceService, ValueFilter } from "./performance.js";

export interface TriangulationQuery {
  readonly teamId?: string;
  readonly serviceId?: string;
  readonly theme?: string;
  /** Dates, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
}

export interface Triangulation {
  readonly focus: { readonly kind: "team" | "service" | "theme" | "authority"; readonly name: string };
  readonly from: string;
  readonly to: string;
  readonly kpis: readonly { readonly kpiId: string; readonly code: string; readonly name: string; readonly unit: string; readonly ragRule: string; readonly confidence: string; readonly values: readonly KpiMonthValue[] }[];
  readonly audits: {
    readonly count: number;
    readonly grades: readonly { readonly grade: string; readonly label: string; readonly count: number }[];
    readonly findings: readonly { readonly auditId: string; readonly caseReference: string | null; readonly kind: "working_well" | "needs_to_be_better"; readonly text: string }[];
  };
  readonly moderation: { readonly completed: number; readonly agreed: number; readonly regradedUp: number; readonly regradedDown: number; readonly regraded: number; readonly waiting: number };
  /** Compliments and complaints received in the period, newest first. */
  readonly feedback: readonly FeedbackSummary[];
  /** Practice observations in the period, newest first. */
  readonly observations: readonly ObservationSummary[];
  /** What could not be brought in for this focus, in words (observations have no theme). */
  readonly notRecorded: readonly string[];
}

export interface FeedbackSummary {
  readonly id: string;
  readonly type: "compliment" | "complaint";
  /** Who it came from, in words ("Child or young person"). */
  readonly from: string;
  readonly theme: string;
  readonly receivedOn: string;
  readonly caseReference: string | null;
  readonly summary: string;
}

export interface ObservationSummary {
  readonly id: string;
  /** Where the practice was observed, in words ("Home visit"). */
  readonly setting: string;
  readonly observedOn: string;
  readonly caseReference: string | null;
  readonly strengths: string;
  readonly areasToDevelop: string;
}

const submitted = new Set(["submitted", "in_moderation", "completed"]);

export async function triangulate(store: Store, performance: PerformanceService, viewer: Viewer, query: TriangulationQuery): Promise<Triangulation> {
  if (query.from > query.to) throw new DomainError("invalid_query", "The period must end on or after the day it starts.", { field: "to" });
  const focus = await focusOf(store, viewer, query);
  const audits = await auditsIn(store, viewer, query);
  const teamIds = await focusTeamIds(store, query);
  const notRecorded = query.theme ? ["practice observations (they are not recorded by theme)"] : [];
  return {
    focus,
    from: query.from,
    to: query.to,
    kpis: await kpisFor(store, performance, query),
    audits: await auditSummary(store, audits),
    moderation: await moderationOf(store, audits),
    feedback: await feedbackIn(store, viewer, query, teamIds),
    observations: query.theme ? [] : await observationsIn(store, viewer, query, teamIds),
    notRecorded,
  };
}

/** Each KPI's monthly figures for the focus: the team's, the service's own, or the whole authority's (for a theme too). */
async function kpisFor(store: Store, performance: PerformanceService, query: TriangulationQuery): Promise<Triangulation["kpis"]> {
  const filter: ValueFilter = query.teamId ? { teamId: query.teamId, level: "team" } : query.serviceId ? { serviceId: query.serviceId, level: "service" } : { level: "authority" };
  const kpis = [];
  for (const kpi of await allRecords(store, "kpiDefinition", { orderBy: { field: "code" } })) {
    const values = await performance.values(kpi, { ...filter, from: query.from.slice(0, 7), to: query.to.slice(0, 7) });
    kpis.push({ kpiId: kpi.id, code: kpi.code, name: kpi.name, unit: kpi.unit, ragRule: ragRule(kpi), confidence: kpi.dataConfidence.rating, values });
  }
  return kpis;
}

/** The audits submitted in the period for the focus, within what the viewer may see, oldest first. */
async function auditsIn(store: Store, viewer: Viewer, query: TriangulationQuery): Promise<Saved<"audit">[]> {
  const where: Record<string, FieldCondition> = query.teamId ? { teamId: query.teamId } : query.serviceId ? { serviceId: query.serviceId } : query.theme ? { theme: query.theme } : {};
  const byId = new Map<string, Saved<"audit">>();
  for (const scope of auditFilters(viewer)) {
    const narrowedWhere = narrowed(scope, where);
    if (!narrowedWhere) continue;
    for (const audit of await allRecords(store, "audit", { where: narrowedWhere })) byId.set(audit.id, audit);
  }
  return [...byId.values()]
    .filter((audit) => {
      const day = audit.submittedAt?.slice(0, 10);
      return submitted.has(audit.status) && day !== undefined && day >= query.from && day <= query.to && canSeeAudit(viewer, audit);
    })
    .sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""));
}

async function auditSummary(store: Store, audits: readonly Saved<"audit">[]): Promise<Triangulation["audits"]> {
  const scale = (await store.query("gradeScale", { limit: 1 })).records[0];
  const gradeCounts = new Map<string, number>();
  for (const audit of audits) if (audit.overallGrade) gradeCounts.set(audit.overallGrade, (gradeCounts.get(audit.overallGrade) ?? 0) + 1);
  const grades = (scale?.grades ?? []).map((grade) => ({ grade: grade.key, label: grade.label, count: gradeCounts.get(grade.key) ?? 0 }));
  const findings: Triangulation["audits"]["findings"][number][] = [];
  for (const audit of audits) {
    const caseReference = (await store.get("caseReference", audit.caseId))?.reference ?? null;
    for (const text of audit.findings.workingWell) findings.push({ auditId: audit.id, caseReference, kind: "working_well", text });
    for (const text of audit.findings.needsToBeBetter) findings.push({ auditId: audit.id, caseReference, kind: "needs_to_be_better", text });
  }
  return { count: audits.length, grades, findings };
}

async function moderationOf(store: Store, audits: readonly Saved<"audit">[]): Promise<Triangulation["moderation"]> {
  const auditIds = audits.map((audit) => audit.id);
  const moderation = { completed: 0, agreed: 0, regradedUp: 0, regradedDown: 0, regraded: 0, waiting: 0 };
  for (let start = 0; start < auditIds.length; start += 200) {
    for (const record of await allRecords(store, "moderation", { where: { auditId: { in: auditIds.slice(start, start + 200) } } })) {
      if (record.status !== "completed") moderation.waiting += 1;
      else {
        moderation.completed += 1;
        if (record.outcome === "agreed") moderation.agreed += 1;
        else if (record.outcome === "regraded_up") moderation.regradedUp += 1;
        else if (record.outcome === "regraded_down") moderation.regradedDown += 1;
        else moderation.regraded += 1;
      }
    }
  }
  return moderation;
}

/** The teams of a team or service focus; undefined for the whole authority or a theme. */
async function focusTeamIds(store: Store, query: TriangulationQuery): Promise<string[] | undefined> {
  if (query.teamId) return [query.teamId];
  if (query.serviceId) return (await allRecords(store, "team", { where: { serviceId: query.serviceId } })).map((team) => team.id);
  return undefined;
}

/** Compliments and complaints received in the period, within what the viewer may see. */
async function feedbackIn(store: Store, viewer: Viewer, query: TriangulationQuery, teamIds: string[] | undefined): Promise<FeedbackSummary[]> {
  const where: Record<string, FieldCondition> = { receivedOn: { gte: query.from, lte: query.to } };
  if (teamIds) where.teamId = { in: teamIds };
  if (query.theme) where.theme = query.theme;
  const byId = new Map<string, Saved<"feedback">>();
  for (const scope of feedbackFilters(viewer)) {
    const narrowedWhere = narrowed(scope, where);
    if (!narrowedWhere) continue;
    for (const feedback of await allRecords(store, "feedback", { where: narrowedWhere })) if (canSeeFeedback(viewer, feedback)) byId.set(feedback.id, feedback);
  }
  return [...byId.values()]
    .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn))
    .map((feedback) => ({
      id: feedback.id,
      type: feedback.type,
      from: feedbackSourceLabels[feedback.source],
      theme: feedback.theme,
      receivedOn: feedback.receivedOn,
      caseReference: feedback.caseReference ?? null,
      summary: feedback.summary,
    }));
}

/** Practice observations in the period, within what the viewer may see. */
async function observationsIn(store: Store, viewer: Viewer, query: TriangulationQuery, teamIds: string[] | undefined): Promise<ObservationSummary[]> {
  const where: Record<string, FieldCondition> = { observedOn: { gte: query.from, lte: query.to } };
  if (teamIds) where.teamId = { in: teamIds };
  const byId = new Map<string, Saved<"observation">>();
  for (const scope of observationFilters(viewer)) {
    const narrowedWhere = narrowed(scope, where);
    if (!narrowedWhere) continue;
    for (const observation of await allRecords(store, "observation", { where: narrowedWhere })) if (canSeeObservation(viewer, observation)) byId.set(observation.id, observation);
  }
  return [...byId.values()]
    .sort((a, b) => b.observedOn.localeCompare(a.observedOn))
    .map((observation) => ({
      id: observation.id,
      setting: observationSettingLabels[observation.setting],
      observedOn: observation.observedOn,
      caseReference: observation.caseReference ?? null,
      strengths: observation.strengths,
      areasToDevelop: observation.areasToDevelop,
    }));
}

async function focusOf(store: Store, viewer: Viewer, query: TriangulationQuery): Promise<Triangulation["focus"]> {
  const scope = scopeOf(viewer);
  if (query.teamId) {
    const team = await store.get("team", query.teamId);
    if (!team) throw new DomainError("not_found", `There is no team with id ${query.teamId}.`);
    const allowed = scope === "authority" || (scope === "service" && viewer.serviceTeamIds.includes(team.id)) || (scope === "team" && viewer.person.teamId === team.id);
    if (!allowed) throw new DomainError("forbidden", `You can see triangulation for your own ${scope === "team" ? "team" : "service's teams"} only.`);
    return { kind: "team", name: team.name };
  }
  if (query.serviceId) {
    const service = await store.get("service", query.serviceId);
    if (!service) throw new DomainError("not_found", `There is no service with id ${query.serviceId}.`);
    if (scope !== "authority" && !(scope === "service" && viewer.person.serviceId === service.id)) throw new DomainError("forbidden", "You can see triangulation for your own service only.");
    return { kind: "service", name: service.name };
  }
  if (scope !== "authority") throw new DomainError("forbidden", "Triangulation across the whole authority or by theme is for the QA lead, PSW and senior leaders. Choose your team or service.");
  return query.theme ? { kind: "theme", name: query.theme } : { kind: "authority", name: "Whole authority" };
}
