// Audits: list (within the viewer's scope), read, create and assign, save
// answers and grades, start, decline, submit.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { AuditStatus, ChildFamilyView, SectionGrade } from "../../domain/records/audit.js";
import { AuditType } from "../../domain/records/audit-tool.js";
import { isoDate } from "../../domain/records/common.js";
import { isSealedFor, sealed } from "../../domain/parallel-audit.js";
import { auditFilters, canPlanAudits, canSeeAudit, type Viewer } from "../../auth/viewer.js";
import type { FieldCondition, Saved, Store } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";
import { PageQuery, pageWithinScope } from "./paging.js";

const AuditParams = z.object({ auditId: z.string().min(1).max(100) });

export const AuditListQuery = PageQuery.extend({
  status: z.union([AuditStatus, z.array(AuditStatus)], { error: `status is one of: ${AuditStatus.options.join(", ")}` }).optional(),
  type: AuditType.optional(),
  teamId: z.string().max(100).optional(),
  serviceId: z.string().max(100).optional(),
  auditorId: z.string().max(100).optional(),
  practitionerId: z.string().max(100).optional(),
  programmeId: z.string().max(100).optional(),
  dueBefore: isoDate.optional(),
  overallGrade: z.string().max(50).optional(),
  theme: z.string().max(200).optional(),
  // Submitted in a period (inclusive), for drill-down from the dashboard.
  submittedFrom: isoDate.optional(),
  submittedTo: isoDate.optional(),
});

const CreateAudit = z.object({
  type: AuditType,
  toolId: z.string().min(1).max(100),
  caseId: z.string().min(1, "caseId is required").max(100),
  programmeId: z.string().max(100).optional(),
  theme: z.string().trim().max(200).optional(),
  auditorId: z.string().max(100).optional(),
  dueDate: isoDate.optional(),
});

const Assign = z.object({ auditorId: z.string().min(1, "Choose an auditor").max(100), dueDate: isoDate.optional() });
const Decline = z.object({ reason: z.string().max(1000) });
const Assessment = z
  .object({
    answers: z.array(z.object({ questionKey: z.string().min(1).max(40), answer: z.string().max(8000) })).max(200).optional(),
    sectionGrades: z.array(SectionGrade).max(100).optional(),
    overallGrade: z.string().max(50).optional(),
    workingWell: z.array(z.string().max(4000)).max(50).optional(),
    needsToBeBetter: z.array(z.string().max(4000)).max(50).optional(),
    childFamilyView: ChildFamilyView.optional(),
  })
  .strict();

/**
 * An audit as this viewer may see it, with its case reference. One of a
 * parallel pair is sealed (no grades, answers or findings) for everyone but
 * its own auditor until both audits are submitted.
 */
export async function auditView(store: Store, audit: Saved<"audit">, viewerId: string) {
  const caseReference = (await store.get("caseReference", audit.caseId))?.reference ?? null;
  const partner = audit.parallelWithAuditId ? await store.get("audit", audit.parallelWithAuditId) : undefined;
  const shown = isSealedFor(audit, partner, viewerId) ? sealed(audit) : { ...audit, sealed: false };
  return { ...shown, caseReference };
}

async function visibleAudit(store: Store, viewer: Viewer, auditId: string): Promise<Saved<"audit">> {
  const audit = await store.get("audit", auditId);
  // Someone who may not see an audit is told it is not there, not that it is hidden.
  if (!audit || !canSeeAudit(viewer, audit)) throw new DomainError("not_found", `There is no audit with id ${auditId} that you can see.`, { auditId });
  return audit;
}

export function auditRoutes({ store, workflow, notificationsQueued }: ApiServices): Route[] {
  const respond = async (audit: Saved<"audit">, viewer: Viewer, status = 200) => ({ status, body: await auditView(store, audit, viewer.person.id), etag: audit.etag });
  return [
    route({
      method: "get",
      path: "/api/audits",
      tag: "Audits",
      summary: "Audits you can see, filtered and paged",
      query: AuditListQuery,
      responses: { 200: "A page of audits" },
      async handle({ viewer, query }) {
        const filters: Record<string, FieldCondition> = {};
        if (query.status !== undefined) filters.status = Array.isArray(query.status) ? { in: query.status } : query.status;
        for (const field of ["type", "teamId", "serviceId", "auditorId", "practitionerId", "programmeId", "overallGrade", "theme"] as const) {
          if (query[field] !== undefined) filters[field] = query[field];
        }
        if (query.dueBefore) filters.dueDate = { lte: query.dueBefore };
        if (query.submittedFrom || query.submittedTo) {
          filters.submittedAt = { gte: query.submittedFrom ?? "0000", lte: `${query.submittedTo ?? "9999-12-31"}T23:59:59.999Z` };
        }
        const page = await pageWithinScope(store, "audit", auditFilters(viewer), filters, "dueDate", query);
        const audits = await Promise.all(page.records.map((audit) => auditView(store, audit, viewer.person.id)));
        // A sealed audit's grade is not there to filter by.
        const shown = query.overallGrade === undefined ? audits : audits.filter((audit) => !audit.sealed);
        return { body: { audits: shown, nextCursor: page.nextCursor ?? null } };
      },
    }),
    route({
      method: "get",
      path: "/api/audits/:auditId",
      tag: "Audits",
      summary: "One audit, with its ETag",
      params: AuditParams,
      responses: { 200: "The audit", 404: "No such audit that you can see" },
      async handle({ viewer, params }) {
        return respond(await visibleAudit(store, viewer, params.auditId), viewer);
      },
    }),
    route({
      method: "post",
      path: "/api/audits",
      tag: "Audits",
      summary: "Create an audit of a case, and assign it if an auditor is given",
      body: CreateAudit,
      responses: { 201: "The new audit", 403: "You do not plan audits" },
      async handle({ viewer, body }) {
        if (!canPlanAudits(viewer)) throw new DomainError("forbidden", "Only the QA lead or a manager who plans audits can create them.");
        const caseRecord = await store.get("caseReference", body.caseId);
        const team = caseRecord ? await store.get("team", caseRecord.teamId) : undefined;
        // A case outside the planner's scope is "not there", as it is when reading.
        if (!caseRecord || !canSeeAudit(viewer, { teamId: caseRecord.teamId, serviceId: team?.serviceId, practitionerId: caseRecord.practitionerId, sharedWithIds: [] })) {
          throw new DomainError("invalid_record", `There is no case with id ${body.caseId}.`, { field: "caseId" });
        }
        let audit = await store.create(
          "audit",
          {
            type: body.type,
            toolId: body.toolId,
            caseId: body.caseId,
            programmeId: body.programmeId,
            theme: body.theme,
            teamId: caseRecord.teamId,
            serviceId: team?.serviceId,
            practitionerId: caseRecord.practitionerId,
            dueDate: body.dueDate,
          },
          viewer.person,
        );
        if (body.auditorId) {
          audit = await workflow.assign(audit.id, body.auditorId, body.dueDate, viewer.person);
          notificationsQueued();
        }
        return respond(audit, viewer, 201);
      },
    }),
    route({
      method: "post",
      path: "/api/audits/:auditId/assign",
      tag: "Audits",
      summary: "Assign (or reassign) the audit; the auditor gets a card in Teams",
      params: AuditParams,
      body: Assign,
      requiresIfMatch: true,
      responses: { 200: "The assigned audit" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleAudit(store, viewer, params.auditId);
        const audit = await workflow.assign(params.auditId, body.auditorId, body.dueDate, viewer.person, ifMatch);
        notificationsQueued();
        return respond(audit, viewer);
      },
    }),
    route({
      method: "post",
      path: "/api/audits/:auditId/share",
      tag: "Audits",
      summary: "Share the audit with an external auditor (who then sees it, and only what is shared)",
      params: AuditParams,
      body: z.object({ personId: z.string().min(1, "Choose who to share it with").max(100) }),
      requiresIfMatch: true,
      responses: { 200: "The audit, shared" },
      async handle({ viewer, params, body, ifMatch }) {
        if (!canPlanAudits(viewer)) throw new DomainError("forbidden", "Only the QA lead or a manager who plans audits can share audits.");
        const audit = await visibleAudit(store, viewer, params.auditId);
        const person = await store.get("person", body.personId);
        if (!person?.roles.includes("external_auditor")) {
          throw new DomainError("invalid_record", "Audits are shared with external auditors only; choose one.", { field: "personId" });
        }
        if (audit.sharedWithIds.includes(person.id)) return respond(audit, viewer);
        return respond(await store.update("audit", audit.id, { sharedWithIds: [...audit.sharedWithIds, person.id] }, ifMatch, viewer.person), viewer);
      },
    }),
    route({
      method: "delete",
      path: "/api/audits/:auditId/share/:personId",
      tag: "Audits",
      summary: "Stop sharing the audit with an external auditor",
      params: AuditParams.extend({ personId: z.string().min(1).max(100) }),
      requiresIfMatch: true,
      responses: { 200: "The audit, no longer shared with that person" },
      async handle({ viewer, params, ifMatch }) {
        if (!canPlanAudits(viewer)) throw new DomainError("forbidden", "Only the QA lead or a manager who plans audits can change who an audit is shared with.");
        const audit = await visibleAudit(store, viewer, params.auditId);
        if (!audit.sharedWithIds.includes(params.personId)) return respond(audit, viewer);
        const sharedWithIds = audit.sharedWithIds.filter((personId) => personId !== params.personId);
        return respond(await store.update("audit", audit.id, { sharedWithIds }, ifMatch, viewer.person), viewer);
      },
    }),
    route({
      method: "patch",
      path: "/api/audits/:auditId",
      tag: "Audits",
      summary: "Save the auditor's answers, grades and findings (a draft)",
      params: AuditParams,
      body: Assessment,
      requiresIfMatch: true,
      responses: { 200: "The saved audit" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleAudit(store, viewer, params.auditId);
        return respond(await workflow.assess(params.auditId, body, viewer.person, ifMatch), viewer);
      },
    }),
    route({
      method: "post",
      path: "/api/audits/:auditId/start",
      tag: "Audits",
      summary: "Start the audit",
      params: AuditParams,
      requiresIfMatch: true,
      responses: { 200: "The started audit" },
      async handle({ viewer, params, ifMatch }) {
        await visibleAudit(store, viewer, params.auditId);
        return respond(await workflow.start(params.auditId, viewer.person, ifMatch), viewer);
      },
    }),
    route({
      method: "post",
      path: "/api/audits/:auditId/decline",
      tag: "Audits",
      summary: "Decline the audit, with a reason; it returns to the QA lead",
      params: AuditParams,
      body: Decline,
      requiresIfMatch: true,
      responses: { 200: "The declined audit" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleAudit(store, viewer, params.auditId);
        const audit = await workflow.decline(params.auditId, body.reason, viewer.person, ifMatch);
        notificationsQueued();
        return respond(audit, viewer);
      },
    }),
    route({
      method: "post",
      path: "/api/audits/:auditId/submit",
      tag: "Audits",
      summary: "Submit the audit; the moderation rule decides whether it is moderated",
      params: AuditParams,
      requiresIfMatch: true,
      responses: { 200: "The submitted audit, and its moderation if one was requested" },
      async handle({ viewer, params, ifMatch }) {
        await visibleAudit(store, viewer, params.auditId);
        const { audit, moderation } = await workflow.submit(params.auditId, viewer.person, ifMatch);
        notificationsQueued();
        return { body: { ...(await auditView(store, audit, viewer.person.id)), moderationId: moderation?.id ?? null }, etag: audit.etag };
      },
    }),
  ];
}
