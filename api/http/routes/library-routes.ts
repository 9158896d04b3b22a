// The authority's people, teams, services, cases, practice standards, audit
// tools and grade scales: what forms and filters are built from.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { canEditLibrary, scopeOf } from "../../auth/viewer.js";
import type { FieldCondition } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";
import { PageQuery } from "./paging.js";
import { allRecords } from "../../store/all-records.js";

const IdParams = z.object({ id: z.string().min(1).max(100) });

export function libraryRoutes({ store }: ApiServices): Route[] {
  return [
    route({
      method: "get",
      path: "/api/services",
      tag: "Organisation",
      summary: "The authority's services",
      responses: { 200: "All services" },
      handle: async () => ({ body: { services: await allRecords(store, "service") } }),
    }),
    route({
      method: "get",
      path: "/api/teams",
      tag: "Organisation",
      summary: "The authority's teams",
      responses: { 200: "All teams" },
      handle: async () => ({ body: { teams: await allRecords(store, "team") } }),
    }),
    route({
      method: "get",
      path: "/api/people",
      tag: "Organisation",
      summary: "Staff, with their roles, team and service (no contact details beyond work email)",
      query: z.object({ teamId: z.string().max(100).optional() }),
      responses: { 200: "Staff" },
      async handle({ query }) {
        const people = await allRecords(store, "person", query.teamId ? { where: { teamId: query.teamId } } : {});
        return { body: { people: people.map(({ id, displayName, roles, teamId, serviceId, jobTitle }) => ({ id, displayName, roles, teamId, serviceId, jobTitle })) } };
      },
    }),
    route({
      method: "get",
      path: "/api/cases",
      tag: "Organisation",
      summary: "Case references you can see (never names), by team",
      query: PageQuery.extend({ teamId: z.string().max(100).optional() }),
      responses: { 200: "A page of case references" },
      async handle({ viewer, query }) {
        const scope = scopeOf(viewer);
        const teamIds = scope === "authority" ? undefined : scope === "service" ? viewer.serviceTeamIds : viewer.person.teamId ? [viewer.person.teamId] : [];
        if (query.teamId && teamIds && !teamIds.includes(query.teamId)) return { body: { cases: [], nextCursor: null } };
        const where: Record<string, FieldCondition> = query.teamId ? { teamId: query.teamId } : teamIds ? { teamId: { in: teamIds } } : {};
        const page = await store.query("caseReference", { where, orderBy: { field: "reference" }, limit: query.limit, cursor: query.cursor });
        return { body: { cases: page.records, nextCursor: page.nextCursor ?? null } };
      },
    }),
    route({
      method: "get",
      path: "/api/practice-standards",
      tag: "Library",
      summary: "The authority's practice standards",
      responses: { 200: "All practice standards" },
      handle: async () => ({ body: { practiceStandards: await allRecords(store, "practiceStandard") } }),
    }),
    route({
      method: "post",
      path: "/api/practice-standards",
      tag: "Library",
      summary: "Add a practice standard (QA lead or PSW)",
      body: z.object({ code: z.string(), title: z.string(), description: z.string().optional(), source: z.string().optional() }),
      responses: { 201: "The new standard" },
      async handle({ viewer, body }) {
        if (!canEditLibrary(viewer)) throw new DomainError("forbidden", "Only the QA lead or the principal social worker can change practice standards.");
        const taken = (await store.query("practiceStandard", { where: { code: body.code.trim() }, limit: 1 })).records[0];
        if (taken) throw new DomainError("invalid_record", `The code ${body.code.trim()} is already used by "${taken.title}".`, { field: "code" });
        const standard = await store.create("practiceStandard", body, viewer.person);
        return { status: 201, body: standard, etag: standard.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/audit-tools",
      tag: "Library",
      summary: "Audit tools (sections, questions, reflective prompts)",
      responses: { 200: "All audit tools" },
      handle: async () => ({ body: { auditTools: await allRecords(store, "auditTool") } }),
    }),
    route({
      method: "get",
      path: "/api/audit-tools/:id",
      tag: "Library",
      summary: "One audit tool with its grade scale",
      params: IdParams,
      responses: { 200: "The audit tool" },
      async handle({ params }) {
        const tool = await store.get("auditTool", params.id);
        if (!tool) throw new DomainError("not_found", `There is no audit tool with id ${params.id}.`);
        const gradeScale = await store.get("gradeScale", tool.gradeScaleId);
        return { body: { ...tool, gradeScale }, etag: tool.etag };
      },
    }),
  ];
}
