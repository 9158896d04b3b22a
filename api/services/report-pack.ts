// Gathers one month's QA evidence for a scope (the authority, a service or
// an audit theme) from the store and builds the report pack model, with the
// QA lead's stored narratives. Only what the viewer may see is counted.
import { createHash } from "node:crypto";
import { agreementStatistics, gradeShift, moderatedGradePairs } from "../domain/agreement-statistics.js";
import { dashboardFigures } from "../domain/dashboard-figures.js";
import { DomainError } from "../domain/errors.js";
import type { ReportSectionKey } from "../domain/records/report-narrative.js";
import {
  actionsSection,
  feedbackSection,
  gradesSection,
  goodOrBetter,
  improvementPlanSection,
  kpiSection,
  moderationSection,
  percentText,
  summarySection,
  themesSection,
  workforceSection,
  type OverdueActionRow,
  type ReportPack,
  type ReportSection,
} from "../domain/report-pack.js";
import { monthBounds, monthLabel, monthsEnding, scopeKeyOf, type ReportScope } from "../domain/report-scope.js";
import { canSeeAction, canSeeAudit, scopeOf, type Viewer } from "../auth/viewer.js";
import { allRecords } from "../store/all-records.js";
import type { Saved, Store } from "../store/port.js";
import type { PerformanceService } from "./performance.js";
import { feedbackInput, kpiHeadlineRows, workforceInput } from "./report-pack-sources.js";
import { currentPlanProgress } from "./self-evaluation.js";
import type { WorkforceVoice } from "./workforce-voice.js";

export interface StoredNarrative {
  /** The narrative's record id (derived from month, scope and section), for PATCH once it has an ETag. */
  id: string;
  sectionKey: ReportSectionKey;
  text: string;
  /** null until the first save. */
  etag: string | null;
}

export interface ReportPackResult {
  pack: ReportPack;
  scopeKey: string;
  narratives: StoredNarrative[];
  leftOut: SectionLeftOut[];
}

/** Where the sections from other parts of Golden Thread read their figures. */
export interface ReportSources {
  performance: PerformanceService;
  workforce: WorkforceVoice;
}

/** A section the pack leaves out for this scope, and why (shown above the pack). */
export interface SectionLeftOut {
  sectionKey: ReportSectionKey;
  reason: string;
}

/** One narrative record per month, scope and section: its id is derived from the three, so two first saves cannot make two. */
export function narrativeId(period: string, scopeKey: string, sectionKey: ReportSectionKey): string {
  const scopePart = scopeKey === "authority" ? "authority" : createHash("sha256").update(scopeKey).digest("hex").slice(0, 16);
  return `narrative-${period}-${scopePart}-${sectionKey}`;
}

/** Who may read a report pack for a scope: authority-wide roles for any, service-wide roles for their own service. */
export function assertMaySeeReport(viewer: Viewer, scope: ReportScope): void {
  const reach = scopeOf(viewer);
  if (reach === "authority") return;
  if (reach === "service" && scope.kind === "service" && scope.serviceId === viewer.person.serviceId) return;
  throw new DomainError(
    "forbidden",
    reach === "service" ? "You can see the report pack for your own service only." : "Report packs are for the QA lead, senior leaders and heads of service.",
  );
}

export async function buildReportPack(store: Store, sources: ReportSources, viewer: Viewer, month: string, scope: ReportScope, now: Date): Promise<ReportPackResult> {
  assertMaySeeReport(viewer, scope);
  const { from, to } = monthBounds(month);
  const today = now.toISOString().slice(0, 10);
  const asAt = to < today ? to : today;
  const [authority] = await allRecords(store, "authority");
  if (!authority) throw new DomainError("not_found", "There is no authority set up yet.");
  const scale = await store.get("gradeScale", authority.gradeScaleId);
  if (!scale) throw new DomainError("not_found", "The authority's grade scale is missing.");

  let scopeLabel = authority.name;
  let serviceTeamIds: string[] | undefined;
  if (scope.kind === "service") {
    const service = await store.get("service", scope.serviceId);
    if (!service) throw new DomainError("not_found", `There is no service with id ${scope.serviceId}.`, { field: "serviceId" });
    scopeLabel = service.name;
    serviceTeamIds = (await allRecords(store, "team", { where: { serviceId: service.id } })).map((team) => team.id);
  } else if (scope.kind === "theme") {
    scopeLabel = `Theme: ${scope.theme}`;
  }
  const inScope = (audit: Saved<"audit">) =>
    canSeeAudit(viewer, audit) &&
    (scope.kind !== "service" || audit.serviceId === scope.serviceId) &&
    (scope.kind !== "theme" || (audit.theme ?? "").trim().toLowerCase() === scope.theme.trim().toLowerCase());

  // Audits submitted in the six months to the end of this one (the trend), and this month's.
  const trendMonths = monthsEnding(month, 6);
  const trendFrom = monthBounds(trendMonths[0]!).from;
  const submitted = (await allRecords(store, "audit", { where: { submittedAt: { gte: `${trendFrom}T00:00:00`, lte: `${to}T23:59:59.999Z` } } })).filter(inScope);
  const thisMonth = submitted.filter((audit) => audit.submittedAt!.slice(0, 10) >= from);
  const sections = await toolSections(store, submitted);
  const figuresFor = (audits: Saved<"audit">[]) => dashboardFigures({ audits, moderations: [], grades: scale.grades, sections, today });
  const monthFigures = figuresFor(thisMonth);
  const trend = trendMonths.map((trendMonth) => ({ month: trendMonth, grades: figuresFor(submitted.filter((audit) => audit.submittedAt!.startsWith(trendMonth))).grades }));

  // Moderations completed this month, of audits in scope.
  const pairs = [];
  let moderationCount = 0;
  for (const moderation of await allRecords(store, "moderation", { where: { status: "completed" } })) {
    const day = moderation.completedAt?.slice(0, 10);
    if (!day || day < from || day > to) continue;
    const audit = await store.get("audit", moderation.auditId);
    if (!audit || !inScope(audit)) continue;
    moderationCount += 1;
    pairs.push(...moderatedGradePairs(moderation.grades, scale));
  }
  const agreement = agreementStatistics(pairs, scale.grades.length);
  const shift = gradeShift(pairs);

  const themeOf = (audit: Saved<"audit">) => audit.theme ?? "No theme";
  const themeInput = {
    sections: monthFigures.sections,
    needsToBeBetter: thisMonth.flatMap((audit) => audit.findings.needsToBeBetter.map((finding) => ({ finding, theme: themeOf(audit) }))),
    workingWell: thisMonth.flatMap((audit) => audit.findings.workingWell.map((finding) => ({ finding, theme: themeOf(audit) }))),
  };

  const actionFigures = await actionsInScope(store, viewer, scope, serviceTeamIds, { from, to, asAt });
  const plan = scope.kind === "authority" ? await currentPlanProgress(store, today) : undefined;
  const kpis = scope.kind === "theme" ? undefined : await kpiHeadlineRows(sources.performance, month, scope);
  const feedback = await feedbackInput(store, { from, to, asAt }, scope, serviceTeamIds);
  const workforce = scope.kind === "theme" ? undefined : await workforceInput(store, sources.workforce, { from, to }, scope, scope.kind === "service" ? scopeLabel : "the whole authority");

  const scopeKey = scopeKeyOf(scope);
  const narratives = await storedNarratives(store, month, scopeKey);
  const narrativeOf = (key: ReportSectionKey) => narratives.find((narrative) => narrative.sectionKey === key)?.text ?? "";
  const graded = monthFigures.grades.reduce((sum, grade) => sum + grade.count, 0);
  const packSections: ReportSection[] = [
    summarySection(
      [
        { label: "Audits graded", value: String(graded) },
        { label: "Graded good or better", value: percentText(goodOrBetter(monthFigures.grades), graded) },
        { label: "Moderator agreed exactly", value: agreement.exactAgreement ? `${agreement.exactAgreement.percent.toFixed(0)}%` : "no data" },
        { label: "Actions overdue", value: String(actionFigures.overdue.length) },
      ],
      narrativeOf("summary"),
    ),
    ...(kpis ? [kpiSection(kpis.rows, kpis.scopeNote, narrativeOf("kpis"))] : []),
    gradesSection(monthFigures, trend, narrativeOf("grades")),
    moderationSection(agreement, shift, moderationCount, narrativeOf("moderation")),
    themesSection(themeInput, narrativeOf("themes")),
    actionsSection(actionFigures, narrativeOf("actions")),
    feedbackSection(feedback, narrativeOf("feedback")),
    ...(workforce ? [workforceSection(workforce, narrativeOf("workforce"))] : []),
  ];
  if (plan) packSections.push(improvementPlanSection(plan.year, plan.progress, narrativeOf("improvement_plan")));

  return {
    pack: {
      title: `QA report pack: ${monthLabel(month)}`,
      authorityName: authority.name,
      period: { month, label: monthLabel(month), from, to },
      scopeLabel,
      generatedAt: now.toISOString(),
      sections: packSections,
    },
    scopeKey,
    leftOut: [
      ...(scope.kind === "theme"
        ? [
            { sectionKey: "kpis" as const, reason: "KPIs are counted by team and service, not by audit theme." },
            { sectionKey: "workforce" as const, reason: "Workforce voice surveys are not asked by audit theme." },
          ]
        : []),
      ...(plan ? [] : [{ sectionKey: "improvement_plan" as const, reason: "The improvement plan is authority-wide: it is in the authority's pack." }]),
    ],
    narratives: packSections.map((section) => narratives.find((narrative) => narrative.sectionKey === section.key) ?? { id: narrativeId(month, scopeKey, section.key), sectionKey: section.key, text: "", etag: null }),
  };
}

async function toolSections(store: Store, audits: Saved<"audit">[]): Promise<{ key: string; title: string }[]> {
  const sections = new Map<string, string>();
  for (const toolId of new Set(audits.map((audit) => audit.toolId))) {
    const tool = await store.get("auditTool", toolId);
    for (const section of tool?.sections ?? []) if (!sections.has(section.key)) sections.set(section.key, section.title);
  }
  return [...sections].map(([key, title]) => ({ key, title }));
}

async function storedNarratives(store: Store, period: string, scopeKey: string): Promise<StoredNarrative[]> {
  const records = await allRecords(store, "reportNarrative", { where: { period, scopeKey } });
  return records.map((record) => ({ id: record.id, sectionKey: record.sectionKey, text: record.text, etag: record.etag }));
}

const sourceLabels = { performanceMeeting: "Meeting", improvementPriority: "Improvement plan" } as const;

async function actionsInScope(
  store: Store,
  viewer: Viewer,
  scope: ReportScope,
  serviceTeamIds: string[] | undefined,
  period: { from: string; to: string; asAt: string },
): Promise<{ open: number; overdue: OverdueActionRow[]; doneThisMonth: number; raisedThisMonth: number }> {
  let actions = (await allRecords(store, "action")).filter((action) => canSeeAction(viewer, action));
  if (scope.kind === "service") actions = actions.filter((action) => action.teamId !== undefined && serviceTeamIds!.includes(action.teamId));
  if (scope.kind === "theme") {
    const themed = new Set<string>();
    for (const auditId of new Set(actions.flatMap((action) => (action.auditId ? [action.auditId] : [])))) {
      const audit = await store.get("audit", auditId);
      if (audit && (audit.theme ?? "").trim().toLowerCase() === scope.theme.trim().toLowerCase()) themed.add(auditId);
    }
    actions = actions.filter((action) => action.auditId !== undefined && themed.has(action.auditId));
  }
  // "Open at the end of the month": raised by then and not done by then.
  const openAt = actions.filter(
    (action) => action.createdAt.slice(0, 10) <= period.asAt && action.status !== "cancelled" && !(action.completedAt && action.completedAt.slice(0, 10) <= period.asAt),
  );
  const overdue = openAt.filter((action) => action.dueDate < period.asAt).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const names = new Map<string, string>();
  const nameOf = async (kind: "person" | "team", id: string | undefined) => {
    if (!id) return "Not recorded";
    if (!names.has(`${kind}:${id}`)) {
      const record = await store.get(kind, id);
      names.set(`${kind}:${id}`, record ? ("displayName" in record ? record.displayName : record.name) : "Not recorded");
    }
    return names.get(`${kind}:${id}`)!;
  };
  const rows: OverdueActionRow[] = [];
  for (const action of overdue) {
    const days = Math.round((Date.parse(period.asAt) - Date.parse(action.dueDate)) / 86_400_000);
    rows.push({
      title: action.title,
      ownerName: await nameOf("person", action.ownerId),
      teamName: await nameOf("team", action.teamId),
      dueDate: action.dueDate,
      daysOverdue: days,
      raisedBy: action.sourceKind ? sourceLabels[action.sourceKind] : action.auditId ? "Audit" : "Raised directly",
    });
  }
  const inMonth = (stamp: string | undefined) => stamp !== undefined && stamp.slice(0, 10) >= period.from && stamp.slice(0, 10) <= period.to;
  return {
    open: openAt.length,
    overdue: rows,
    doneThisMonth: actions.filter((action) => action.status === "done" && inMonth(action.completedAt)).length,
    raisedThisMonth: actions.filter((action) => inMonth(action.createdAt)).length,
  };
}

