// Triangulation (seed: "not everything that counts can be counted"): for a
// team, a service or a theme and a period, the KPIs beside the audit grades
// and findings, the moderation results, and what children, families and
// observers said, so a leader reads the numbers against the practice.
import { auditFilters, canSeeAudit, narrowed, scopeOf, type Viewer } from "../auth/viewer.js";
import { DomainError } from "../domain/errors.js";
import { ragRule } from "../domain/performance/rag.js";
import { recordSchemas } from "../domain/records/index.js";
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
  /** Feedback and observation records, when those parts of the framework are installed. */
  readonly feedback: readonly { readonly id: string; readonly summary: string; readonly receivedOn?: string }[];
  readonly observations: readonly { readonly id: string; readonly summary: string; readonly observedOn?: string }[];
  /** Sources this installation does not record yet, in words. */
  readonly notRecorded: readonly string[];
}

const submitted = new Set(["submitted", "in_moderation", "completed"]);

export async function triangulate(store: Store, performance: PerformanceService, viewer: Viewer, query: TriangulationQuery): Promise<Triangulation> {
  if (query.from > query.to) throw new DomainError("invalid_query", "The period must end on or after the day it starts.", { field: "to" });
  const focus = await focusOf(store, viewer, query);
  const audits = await auditsIn(store, viewer, query);
  const notRecorded: string[] = [];
  if (!("feedback" in recordSchemas)) notRecorded.push("feedback from children and families (not part of this installation yet)");
  if (!("observation" in recordSchemas)) notRecorded.push("practice observations (not part of this installation yet)");
  return {
    focus,
    from: query.from,
    to: query.to,
    kpis: await kpisFor(store, performance, query),
    audits: await auditSummary(store, audits),
    moderation: await moderationOf(store, audits),
    feedback: [],
    observations: [],
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
