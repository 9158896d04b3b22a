// The monthly QA report pack: its model as JSON (for the tab's preview and
// narrative boxes), the Word document, the printable HTML, and saving the QA
// lead's narrative for one section (with its ETag, like the audit form).
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { ReportSectionKey, reportMonth } from "../../domain/records/report-narrative.js";
import { scopeFromKey, scopeKeyOf, type ReportScope } from "../../domain/report-scope.js";
import { canWriteReportNarrative, type Viewer } from "../../auth/viewer.js";
import { reportPackDocx } from "../../documents/report-pack-docx.js";
import { reportPackHtml } from "../../documents/report-pack-html.js";
import type { PerformanceService } from "../../services/performance.js";
import { assertMaySeeReport, buildReportPack, narrativeId } from "../../services/report-pack.js";
import { WorkforceVoice } from "../../services/workforce-voice.js";
import { staleRecord } from "../../services/people.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const scopeFields = {
  scope: z.enum(["authority", "service", "theme"], { error: "scope is one of: authority, service, theme" }).default("authority"),
  serviceId: z.string().trim().max(100).optional(),
  theme: z.string().trim().max(200).optional(),
};

const withScope = <T extends { scope: "authority" | "service" | "theme"; serviceId?: string; theme?: string }>(schema: z.ZodType<T>) =>
  schema
    .refine((input) => input.scope !== "service" || Boolean(input.serviceId), { path: ["serviceId"], message: "Choose the service the report is for" })
    .refine((input) => input.scope !== "theme" || Boolean(input.theme), { path: ["theme"], message: "Name the theme the report is for" });

// Without a period, the current month.
const PackQuery = withScope(z.object({ period: reportMonth.optional(), ...scopeFields }));
type PackQuery = z.infer<typeof PackQuery>;

const narrativeText = z.string().max(8000, "Keep the narrative under 8000 characters");
const NewNarrative = withScope(z.object({ period: reportMonth, ...scopeFields, sectionKey: ReportSectionKey, text: narrativeText }));
const NarrativeParams = z.object({ narrativeId: z.string().min(1).max(100) });

function scopeOfQuery(query: { scope: "authority" | "service" | "theme"; serviceId?: string; theme?: string }): ReportScope {
  if (query.scope === "service") return { kind: "service", serviceId: query.serviceId! };
  if (query.scope === "theme") return { kind: "theme", theme: query.theme! };
  return { kind: "authority" };
}

const fileName = (query: PackQuery & { period: string }, extension: string) => {
  const scope = query.scope === "authority" ? "authority" : query.scope === "service" ? `service-${query.serviceId}` : `theme-${query.theme}`;
  return `qa-report-pack-${query.period}-${scope.replace(/[^A-Za-z0-9-]+/g, "-").toLowerCase()}.${extension}`;
};

export function reportRoutes({ store, now }: ApiServices, performance: PerformanceService): Route[] {
  const sources = { performance, workforce: new WorkforceVoice(store, now) };
  const withPeriod = (query: PackQuery) => ({ ...query, period: query.period ?? now().toISOString().slice(0, 7) });
  const mayWrite = (viewer: Viewer) => {
    if (!canWriteReportNarrative(viewer)) throw new DomainError("forbidden", "Only the QA lead or the principal social worker writes the report pack's narratives.");
  };
  return [
    route({
      method: "get",
      path: "/api/reports/pack",
      tag: "Reports",
      summary: "The month's QA report pack for a scope (authority, a service or a theme): sections with figures, tables, chart specifications and narratives",
      query: PackQuery,
      responses: { 200: "The report pack model, the narratives with their ETags, and the sections this build cannot fill" },
      async handle({ viewer, query: asked }) {
        const query = withPeriod(asked);
        const result = await buildReportPack(store, sources, viewer, query.period, scopeOfQuery(query), now());
        return { body: { ...result, canWriteNarratives: canWriteReportNarrative(viewer) } };
      },
    }),
    route({
      method: "get",
      path: "/api/reports/pack.docx",
      tag: "Reports",
      summary: "The same report pack as a Word document, charts as images with alt text",
      query: PackQuery,
      responses: { 200: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      async handle({ viewer, query: asked }) {
        const query = withPeriod(asked);
        const { pack } = await buildReportPack(store, sources, viewer, query.period, scopeOfQuery(query), now());
        return {
          body: null,
          download: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", filename: fileName(query, "docx"), text: await reportPackDocx(pack) },
        };
      },
    }),
    route({
      method: "get",
      path: "/api/reports/pack.html",
      tag: "Reports",
      summary: "The same report pack as one printable HTML page (print it to save a PDF)",
      query: PackQuery,
      responses: { 200: "text/html" },
      async handle({ viewer, query: asked }) {
        const query = withPeriod(asked);
        const { pack } = await buildReportPack(store, sources, viewer, query.period, scopeOfQuery(query), now());
        return { body: null, download: { contentType: "text/html; charset=utf-8", filename: fileName(query, "html"), text: reportPackHtml(pack) } };
      },
    }),
    route({
      method: "post",
      path: "/api/reports/narratives",
      tag: "Reports",
      summary: "Save the first version of the QA lead's narrative for one section of a month's report pack (later versions: PATCH with its ETag)",
      body: NewNarrative,
      responses: { 201: "The saved narrative, with its ETag" },
      async handle({ viewer, body }) {
        mayWrite(viewer);
        const scope = scopeOfQuery(body);
        assertMaySeeReport(viewer, scope);
        const scopeKey = scopeKeyOf(scope);
        const id = narrativeId(body.period, scopeKey, body.sectionKey);
        // Someone else saved the first version already: theirs is never overwritten.
        if (await store.get("reportNarrative", id)) throw staleRecord("narrative");
        const saved = await store.create("reportNarrative", { period: body.period, scopeKey, sectionKey: body.sectionKey, text: body.text }, viewer.person, { id }).catch(async (error: unknown) => {
          if (await store.get("reportNarrative", id)) throw staleRecord("narrative");
          throw error;
        });
        return { status: 201, body: saved, etag: saved.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/reports/narratives/:narrativeId",
      tag: "Reports",
      summary: "Change the QA lead's narrative for one section; a stale ETag is refused and changes nothing",
      params: NarrativeParams,
      body: z.object({ text: narrativeText }),
      requiresIfMatch: true,
      responses: { 200: "The saved narrative, with its new ETag" },
      async handle({ viewer, params, body, ifMatch }) {
        mayWrite(viewer);
        const existing = await store.get("reportNarrative", params.narrativeId);
        if (!existing) throw new DomainError("not_found", `There is no narrative with id ${params.narrativeId}.`);
        assertMaySeeReport(viewer, scopeFromKey(existing.scopeKey));
        if (ifMatch !== existing.etag) throw staleRecord("narrative");
        const saved = await store.update("reportNarrative", existing.id, { text: body.text }, ifMatch, viewer.person);
        return { body: saved, etag: saved.etag };
      },
    }),
  ];
}
