// Audit programmes: plan one (type, period, teams, number of cases), draw a
// seeded random or stratified sample of case references, and assign
// auditors — who then get their cards in Teams.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { drawSample, matchAuditors } from "../../domain/programme-sampling.js";
import { AuditType } from "../../domain/records/audit-tool.js";
import { isoDate } from "../../domain/records/common.js";
import { auditFilters, canPlanAudits, scopeOf, type Viewer } from "../../auth/viewer.js";
import { peopleWithRole } from "../../services/people.js";
import type { Saved, Store } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";
import { auditView } from "./audit-routes.js";
import { pageWithinScope } from "./paging.js";
import { collectPages } from "../../store/all-records.js";

const ProgrammeParams = z.object({ programmeId: z.string().min(1).max(100) });

const PlanProgramme = z.object({
  name: z.string().trim().min(1, "Give the programme a name").max(200),
  auditType: AuditType,
  toolId: z.string().min(1, "Choose an audit tool").max(100),
  theme: z.string().trim().max(200).optional(),
  periodStart: isoDate,
  periodEnd: isoDate,
  teamIds: z.array(z.string().min(1).max(100)).min(1, "Choose at least one team").max(200),
  caseCount: z.number().int().min(1, "Sample at least one case").max(1000),
  samplingMethod: z.enum(["random", "stratified"]).default("stratified"),
  samplingSeed: z.string().trim().min(1).max(100).optional(),
  allowOwnTeamAuditors: z.boolean().default(false),
});

function requirePlanner(viewer: Viewer, teamIds: readonly string[] = []): void {
  if (!canPlanAudits(viewer)) throw new DomainError("forbidden", "Only the QA lead or a manager who plans audits can plan audit programmes.");
  // A service manager or head of service plans for their own service's teams only.
  if (scopeOf(viewer) !== "authority" && teamIds.some((teamId) => !viewer.serviceTeamIds.includes(teamId))) {
    throw new DomainError("forbidden", "You can plan audits only for the teams in your own service.");
  }
}

async function programmeOf(store: Store, programmeId: string, ifMatch?: string): Promise<Saved<"auditProgramme">> {
  const programme = await store.get("auditProgramme", programmeId);
  if (!programme) throw new DomainError("not_found", `There is no audit programme with id ${programmeId}.`);
  if (ifMatch !== undefined && ifMatch !== programme.etag) {
    throw new DomainError("conflict", "Someone else changed this programme after you opened it. Reload it, then try again.");
  }
  return programme;
}

export function programmeRoutes({ store, workflow, notificationsQueued }: ApiServices): Route[] {
  const programmeAudits = (viewer: Viewer, programmeId: string) =>
    collectPages((cursor) => pageWithinScope(store, "audit", auditFilters(viewer), { programmeId }, "dueDate", { limit: 200, cursor }));
  return [
    route({
      method: "get",
      path: "/api/audit-programmes",
      tag: "Audit programmes",
      summary: "Audit programmes, newest first",
      responses: { 200: "All programmes" },
      async handle() {
        const programmes = await collectPages((cursor) => store.query("auditProgramme", { orderBy: { field: "periodStart", direction: "desc" }, limit: 200, cursor }));
        return { body: { programmes } };
      },
    }),
    route({
      method: "get",
      path: "/api/audit-programmes/:programmeId",
      tag: "Audit programmes",
      summary: "One programme with the audits in it that you can see",
      params: ProgrammeParams,
      responses: { 200: "The programme and its audits" },
      async handle({ viewer, params }) {
        const programme = await programmeOf(store, params.programmeId);
        const audits = await Promise.all((await programmeAudits(viewer, programme.id)).map((audit) => auditView(store, audit, viewer.person.id)));
        return { body: { ...programme, audits }, etag: programme.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/audit-programmes",
      tag: "Audit programmes",
      summary: "Plan an audit programme",
      body: PlanProgramme,
      responses: { 201: "The planned programme" },
      async handle({ viewer, body }) {
        requirePlanner(viewer, body.teamIds);
        if (!(await store.get("auditTool", body.toolId))) throw new DomainError("invalid_record", `There is no audit tool with id ${body.toolId}.`, { field: "toolId" });
        for (const teamId of body.teamIds) {
          if (!(await store.get("team", teamId))) throw new DomainError("invalid_record", `There is no team with id ${teamId}.`, { field: "teamIds" });
        }
        const programme = await store.create("auditProgramme", { ...body, ownerId: viewer.person.id }, viewer.person);
        return { status: 201, body: programme, etag: programme.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/audit-programmes/:programmeId/sample",
      tag: "Audit programmes",
      summary: "Draw the programme's sample of cases and create a planned audit for each",
      params: ProgrammeParams,
      requiresIfMatch: true,
      responses: { 200: "The programme (with the seed used) and the audits created" },
      async handle({ viewer, params, ifMatch }) {
        const programme = await programmeOf(store, params.programmeId, ifMatch);
        requirePlanner(viewer, programme.teamIds);
        const seed = programme.samplingSeed ?? randomUUID();
        const { saved, created } = await store.transaction(async (tx) => {
          const already = new Set((await collectPages((cursor) => tx.query("audit", { where: { programmeId: programme.id }, limit: 500, cursor }))).map((audit) => audit.caseId));
          const cases = (await collectPages((cursor) => tx.query("caseReference", { where: { teamId: { in: programme.teamIds } }, limit: 500, cursor })))
            .filter((candidate) => !already.has(candidate.id));
          const wanted = Math.max(programme.caseCount - already.size, 0);
          const sample = drawSample(cases, wanted, programme.samplingMethod, seed);
          const teams = new Map((await collectPages((cursor) => tx.query("team", { limit: 500, cursor }))).map((team) => [team.id, team]));
          const audits = [];
          for (const chosen of sample) {
            const caseRecord = cases.find((candidate) => candidate.id === chosen.id)!;
            audits.push(
              await tx.create(
                "audit",
                {
                  type: programme.auditType,
                  toolId: programme.toolId,
                  programmeId: programme.id,
                  caseId: caseRecord.id,
                  teamId: caseRecord.teamId,
                  serviceId: teams.get(caseRecord.teamId)?.serviceId,
                  practitionerId: caseRecord.practitionerId,
                  theme: programme.theme,
                  dueDate: programme.periodEnd,
                },
                viewer.person,
              ),
            );
          }
          const updated = await tx.update("auditProgramme", programme.id, { samplingSeed: seed }, programme.etag, viewer.person);
          return { saved: updated, created: audits };
        });
        return { body: { programme: saved, audits: await Promise.all(created.map((audit) => auditView(store, audit, viewer.person.id))) }, etag: saved.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/audit-programmes/:programmeId/assign",
      tag: "Audit programmes",
      summary: "Give every unassigned audit in the programme an auditor and send the assignments to Teams",
      params: ProgrammeParams,
      body: z.object({ dueDate: isoDate.optional() }),
      requiresIfMatch: true,
      responses: { 200: "Who was assigned what, and any case no one may audit" },
      async handle({ viewer, params, body, ifMatch }) {
        const programme = await programmeOf(store, params.programmeId, ifMatch);
        requirePlanner(viewer, programme.teamIds);
        const planned = (await programmeAudits(viewer, programme.id)).filter((audit) => audit.status === "planned");
        const auditors = (await peopleWithRole(store, "auditor")).map((person) => ({ id: person.id, teamId: person.teamId }));
        const matches = matchAuditors(
          planned.map((audit) => ({ id: audit.id, teamId: audit.teamId ?? "", practitionerId: audit.practitionerId })),
          auditors,
          programme.allowOwnTeamAuditors,
        );
        const assigned = [];
        const unassigned = [];
        for (const audit of planned) {
          const auditorId = matches.get(audit.id);
          if (!auditorId) {
            unassigned.push((await auditView(store, audit, viewer.person.id)).caseReference);
            continue;
          }
          assigned.push(await auditView(store, await workflow.assign(audit.id, auditorId, body.dueDate ?? audit.dueDate, viewer.person), viewer.person.id));
        }
        notificationsQueued();
        return { body: { assigned, unassigned } };
      },
    }),
  ];
}
