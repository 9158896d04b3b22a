// Performance data (framework component ii): KPIs with their data
// confidence, monthly values and DfE comparators; the CSV import with its
// template; focused audit proposals; and triangulation for a team, service or theme.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { canManagePerformance, canSeePerformance, type Viewer } from "../../auth/viewer.js";
import { DomainError } from "../../domain/errors.js";
import { KPI_CSV_COLUMNS } from "../../domain/performance/kpi-csv.js";
import { addMonths, monthOf } from "../../domain/performance/months.js";
import { isoDate } from "../../domain/records/common.js";
import { ConfidenceRating, KpiDefinition } from "../../domain/records/kpi-definition.js";
import { KpiValueLevel, Month } from "../../domain/records/kpi-value.js";
import { proposalStatuses } from "../../domain/records/focused-audit-proposal.js";
import { FocusedAudits } from "../../services/focused-audits.js";
import { KpiImports } from "../../services/kpi-import.js";
import type { PerformanceService } from "../../services/performance.js";
import { triangulate } from "../../services/triangulation.js";
import { allRecords } from "../../store/all-records.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const Id = z.string().min(1).max(100);

function requireReader(viewer: Viewer): void {
  if (!canSeePerformance(viewer)) throw new DomainError("forbidden", "Performance figures are for the authority's own staff.");
}

function requireQaLead(viewer: Viewer, what: string): void {
  if (!canManagePerformance(viewer)) throw new DomainError("forbidden", `Only the QA lead can ${what}.`);
}

/** `performance` is the app's one PerformanceService, shared with whatever else reads KPIs (the report pack). */
export function performanceRoutes({ store, now }: ApiServices, performance: PerformanceService): Route[] {
  const focusedAudits = new FocusedAudits(store, performance, now);
  const imports = new KpiImports(store, now, async (actor) => {
    await focusedAudits.checkRules(actor);
  });
  const routes = [
    route({
      method: "get",
      path: "/api/performance/kpis",
      tag: "Performance",
      summary: "The KPIs with their data confidence, RAG rule and focused audit rule, and the comparator authority",
      responses: { 200: "KPIs and comparator settings" },
      async handle({ viewer }) {
        requireReader(viewer);
        return { body: { kpis: await performance.kpis(), comparatorAuthority: await performance.comparatorSettings() } };
      },
    }),
    route({
      method: "get",
      path: "/api/performance/kpis/:kpiId",
      tag: "Performance",
      summary: "One KPI's monthly values with RAG status, and its DfE comparators for the chosen authority",
      params: z.object({ kpiId: Id }),
      query: z.object({ from: Month.optional(), to: Month.optional(), teamId: Id.optional(), serviceId: Id.optional(), level: KpiValueLevel.optional() }),
      responses: { 200: "The KPI's report" },
      async handle({ viewer, params, query }) {
        requireReader(viewer);
        const report = await performance.report(params.kpiId, query);
        return { body: report, etag: report.kpi.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/performance/kpis",
      tag: "Performance",
      summary: "Define a KPI (QA lead): what it measures and why, polarity, unit, target and tolerance, data confidence, and optionally its DfE measure and focused audit rule",
      body: KpiDefinition,
      responses: { 201: "The new KPI" },
      async handle({ viewer, body }) {
        requireQaLead(viewer, "define KPIs");
        const kpi = await performance.defineKpi(body, viewer.person, now());
        return { status: 201, body: kpi, etag: kpi.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/performance/kpis/:kpiId",
      tag: "Performance",
      summary: "Change a KPI's definition (QA lead); the fields sent replace the KPI's own",
      params: z.object({ kpiId: Id }),
      body: z.record(z.string(), z.unknown()),
      requiresIfMatch: true,
      responses: { 200: "The changed KPI" },
      async handle({ viewer, params, body, ifMatch }) {
        requireQaLead(viewer, "change KPIs");
        const kpi = await performance.changeKpi(params.kpiId, body, ifMatch, viewer.person, now());
        return { body: kpi, etag: kpi.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/performance/kpis/:kpiId/confidence",
      tag: "Performance",
      summary: "Rate how far a KPI's figures can be trusted, with the reason (QA lead)",
      params: z.object({ kpiId: Id }),
      body: z.object({ rating: ConfidenceRating, reason: z.string().trim().max(1000) }),
      requiresIfMatch: true,
      responses: { 200: "The KPI with its new rating" },
      async handle({ viewer, params, body, ifMatch }) {
        requireQaLead(viewer, "rate data confidence");
        const kpi = await performance.rateConfidence(params.kpiId, body.rating, body.reason, ifMatch, viewer.person, now());
        return { body: kpi, etag: kpi.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/performance/dfe-measures",
      tag: "Performance",
      summary: "The DfE statistics files and their measure columns, to map a KPI to",
      responses: { 200: "Files and measures" },
      async handle({ viewer }) {
        requireReader(viewer);
        return { body: { files: await performance.dfeMeasures() } };
      },
    }),
    route({
      method: "get",
      path: "/api/performance/comparator-authority",
      tag: "Performance",
      summary: "The local authority whose DfE figures are the comparators, and every authority to choose from (South East first)",
      responses: { 200: "The chosen authority and the choices" },
      async handle({ viewer }) {
        requireReader(viewer);
        const ordered = await performance.comparatorAuthorities();
        const authority = (await store.query("authority", { limit: 1 })).records[0];
        return { body: { ...(await performance.comparatorSettings()), authorities: ordered }, etag: authority?.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/performance/comparator-authority",
      tag: "Performance",
      summary: "Choose the local authority code whose published figures, region and statistical neighbours are the comparators (QA lead)",
      body: z.object({ laCode: z.string().trim().min(1, "Choose an authority").max(20) }),
      requiresIfMatch: true,
      responses: { 200: "The chosen authority" },
      async handle({ viewer, body, ifMatch }) {
        requireQaLead(viewer, "choose the comparator authority");
        const settings = await performance.chooseComparatorAuthority(body.laCode, ifMatch, viewer.person);
        const authority = (await store.query("authority", { limit: 1 })).records[0];
        return { body: settings, etag: authority?.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/performance/headlines",
      tag: "Performance",
      summary: "Every KPI's authority-wide figure for a month (last month unless given) with RAG and the latest DfE comparators (the report pack's headline KPIs)",
      query: z.object({ month: Month.optional() }),
      responses: { 200: "Headline KPIs" },
      async handle({ viewer, query }) {
        requireReader(viewer);
        const month = query.month ?? addMonths(monthOf(now()), -1);
        return { body: { month, headlines: await performance.headlines(month) } };
      },
    }),
    route({
      method: "get",
      path: "/api/performance/import-template.csv",
      tag: "Performance",
      summary: "A CSV template for last month's KPI values: one row per KPI for each team, service and the whole authority",
      responses: { 200: "text/csv" },
      async handle({ viewer }) {
        requireReader(viewer);
        const month = addMonths(monthOf(now()), -1);
        const kpis = await allRecords(store, "kpiDefinition", { orderBy: { field: "code" } });
        const services = await allRecords(store, "service", { orderBy: { field: "name" } });
        const teams = await allRecords(store, "team", { orderBy: { field: "name" } });
        const rows: string[][] = [];
        for (const kpi of kpis) {
          rows.push([kpi.code, month, "", "", "", "whole authority"]);
          for (const service of services) {
            rows.push([kpi.code, month, "", service.name, "", ""]);
            for (const team of teams.filter((candidate) => candidate.serviceId === service.id)) rows.push([kpi.code, month, team.name, service.name, "", ""]);
          }
        }
        const text = stringify([[...KPI_CSV_COLUMNS], ...rows]);
        return { body: text, download: { contentType: "text/csv; charset=utf-8", filename: `kpi-values-${month}.csv`, text } };
      },
    }),
    route({
      method: "post",
      path: "/api/performance/imports",
      tag: "Performance",
      summary: "Import KPI values from CSV (QA lead): checked row by row, then written all together or not at all; poll the import for progress",
      body: z.object({ fileName: z.string().trim().min(1, "Name the file").max(200), csv: z.string().min(1, "The file is empty").max(240_000, "The file is too large: import at most 240 KB (about 5,000 rows) at a time") }),
      responses: { 202: "The import has started; poll it" },
      async handle({ viewer, body }) {
        requireQaLead(viewer, "import KPI values");
        const started = await imports.start(body.fileName, body.csv, viewer.person);
        return { status: 202, body: started };
      },
    }),
    route({
      method: "get",
      path: "/api/performance/imports",
      tag: "Performance",
      summary: "Recent KPI imports, newest first",
      responses: { 200: "Imports" },
      async handle({ viewer }) {
        requireReader(viewer);
        const page = await store.query("kpiImport", { orderBy: { field: "createdAt", direction: "desc" }, limit: 20 });
        return { body: { imports: page.records.map(({ rejectedRows, ...summary }) => ({ ...summary, rejectedRowCount: rejectedRows.length })) } };
      },
    }),
    route({
      method: "get",
      path: "/api/performance/imports/:importId",
      tag: "Performance",
      summary: "One KPI import: its status, progress while it runs, and every rejected row with its reason",
      params: z.object({ importId: Id }),
      responses: { 200: "The import" },
      async handle({ viewer, params }) {
        requireReader(viewer);
        return { body: await imports.view(params.importId) };
      },
    }),
    route({
      method: "get",
      path: "/api/performance/proposals",
      tag: "Performance",
      summary: "Focused audits proposed by the KPI rules, newest first",
      query: z.object({ status: z.enum(proposalStatuses).optional() }),
      responses: { 200: "Proposals" },
      async handle({ viewer, query }) {
        requireReader(viewer);
        return { body: { proposals: await focusedAudits.list(query.status) } };
      },
    }),
    route({
      method: "post",
      path: "/api/performance/proposals/check",
      tag: "Performance",
      summary: "Check every KPI's focused audit rule now (QA lead); a rule that fires proposes a focused audit",
      body: z.object({}),
      responses: { 200: "What each rule found" },
      async handle({ viewer }) {
        requireQaLead(viewer, "check the focused audit rules");
        return { body: { checks: await focusedAudits.checkRules(viewer.person) } };
      },
    }),
    route({
      method: "post",
      path: "/api/performance/proposals/:proposalId/accept",
      tag: "Performance",
      summary: "Accept a focused audit proposal into the audit programmes (QA lead): plans a focused audit programme for the teams concerned",
      params: z.object({ proposalId: Id }),
      body: z.object({ toolId: Id.optional(), periodStart: isoDate.optional(), periodEnd: isoDate.optional(), caseCount: z.number().int().min(1).max(1000).optional() }),
      requiresIfMatch: true,
      responses: { 200: "The accepted proposal and the planned programme" },
      async handle({ viewer, params, body, ifMatch }) {
        requireQaLead(viewer, "accept a focused audit proposal");
        const accepted = await focusedAudits.accept(params.proposalId, body, ifMatch, viewer.person);
        return { body: accepted, etag: accepted.proposal.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/performance/proposals/:proposalId/dismiss",
      tag: "Performance",
      summary: "Dismiss a focused audit proposal with the reason (QA lead)",
      params: z.object({ proposalId: Id }),
      body: z.object({ reason: z.string().trim().min(1, "Say why you are dismissing this proposal").max(1000) }),
      requiresIfMatch: true,
      responses: { 200: "The dismissed proposal" },
      async handle({ viewer, params, body, ifMatch }) {
        requireQaLead(viewer, "dismiss a focused audit proposal");
        const dismissed = await focusedAudits.dismiss(params.proposalId, body.reason, ifMatch, viewer.person);
        return { body: dismissed, etag: dismissed.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/triangulation",
      tag: "Performance",
      summary: "KPIs, audit grades and findings, moderation, feedback and observations side by side for a team, service or theme and a period (by default the last six months)",
      query: z
        .object({ teamId: Id.optional(), serviceId: Id.optional(), theme: z.string().trim().min(1).max(200).optional(), from: isoDate.optional(), to: isoDate.optional() })
        .refine((query) => [query.teamId, query.serviceId, query.theme].filter(Boolean).length <= 1, { message: "Choose a team, a service or a theme, not more than one", path: ["teamId"] }),
      responses: { 200: "The triangulation" },
      async handle({ viewer, query }) {
        requireReader(viewer);
        // By default the last six whole months and this one so far.
        const today = now().toISOString().slice(0, 10);
        const from = query.from ?? `${addMonths(monthOf(now()), -6)}-01`;
        return { body: await triangulate(store, performance, viewer, { ...query, from, to: query.to ?? today }) };
      },
    }),
  ];
  return routes;
}
