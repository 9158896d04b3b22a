// External parallel audits: set one up (two audits of one case, assigned
// together), and compare the two side by side once both are submitted.
// Before then the comparison is refused: neither auditor sees the other's
// grades, and the audits themselves are sealed (see auditView).
import { z } from "zod";
import { canSeeAudit, type Viewer } from "../../auth/viewer.js";
import { DomainError } from "../../domain/errors.js";
import { isSubmitted, parallelComparison } from "../../domain/parallel-audit.js";
import { AuditType } from "../../domain/records/audit-tool.js";
import { isoDate } from "../../domain/records/common.js";
import type { Store } from "../../store/port.js";
import { requireRecord } from "../../services/people.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const StartParallelAudit = z.object({
  caseId: z.string().min(1, "Choose the case").max(100),
  toolId: z.string().min(1, "Choose the audit tool").max(100),
  type: AuditType.optional(),
  internalAuditorId: z.string().min(1, "Choose the internal auditor").max(100),
  externalAuditorId: z.string().min(1, "Choose the external auditor").max(100),
  dueDate: isoDate.optional(),
});

async function comparisonFor(store: Store, viewer: Viewer, moderationId: string) {
  const moderation = await store.get("moderation", moderationId);
  const internal = moderation ? await store.get("audit", moderation.auditId) : undefined;
  const external = moderation?.parallelAuditId ? await store.get("audit", moderation.parallelAuditId) : undefined;
  const me = viewer.person.id;
  const mayLook = internal && external && (canSeeAudit(viewer, internal) || canSeeAudit(viewer, external));
  if (!moderation || moderation.kind !== "external_parallel" || !internal || !external || !mayLook) {
    throw new DomainError("not_found", `There is no parallel audit with id ${moderationId} that you can see.`, { moderationId });
  }
  if (!isSubmitted(internal) || !isSubmitted(external)) {
    const waitingFor = [!isSubmitted(internal) && "the internal audit", !isSubmitted(external) && "the external audit"].filter(Boolean).join(" and ");
    throw new DomainError("illegal_transition", `Not yet: the comparison opens when both audits are submitted. Waiting for ${waitingFor}.`, {
      internalSubmitted: isSubmitted(internal),
      externalSubmitted: isSubmitted(external),
      yours: internal.auditorId === me ? "internal" : external.auditorId === me ? "external" : null,
    });
  }
  const tool = requireRecord(await store.get("auditTool", internal.toolId), "audit tool", internal.toolId);
  const scale = requireRecord(await store.get("gradeScale", tool.gradeScaleId), "grade scale", tool.gradeScaleId);
  const comparison = parallelComparison(internal, external, tool, scale);
  const nameOf = async (id: string | undefined) => (id ? ((await store.get("person", id))?.displayName ?? null) : null);
  const labelOf = (key: string | null) => (key ? (scale.grades.find((grade) => grade.key === key)?.label ?? key) : null);
  return {
    moderationId,
    caseReference: (await store.get("caseReference", internal.caseId))?.reference ?? null,
    internal: { auditId: internal.id, auditorName: await nameOf(internal.auditorId), submittedAt: internal.submittedAt ?? null },
    external: { auditId: external.id, auditorName: await nameOf(external.auditorId), submittedAt: external.submittedAt ?? null },
    ...comparison,
    rows: comparison.rows.map((row) => ({ ...row, internalLabel: labelOf(row.internalGrade), externalLabel: labelOf(row.externalGrade) })),
  };
}

export function parallelAuditRoutes({ store, workflow, notificationsQueued }: ApiServices): Route[] {
  return [
    route({
      method: "post",
      path: "/api/parallel-audits",
      tag: "Moderation",
      summary: "Set up an external parallel audit: the case is audited by an internal and an external auditor at the same time, each sealed from the other",
      body: StartParallelAudit,
      responses: { 201: "The two audits and the parallel audit's moderation record", 403: "You do not plan audits" },
      async handle({ viewer, body }) {
        const caseRecord = await store.get("caseReference", body.caseId);
        const team = caseRecord ? await store.get("team", caseRecord.teamId) : undefined;
        if (!caseRecord || !canSeeAudit(viewer, { teamId: caseRecord.teamId, serviceId: team?.serviceId, practitionerId: caseRecord.practitionerId, sharedWithIds: [] })) {
          throw new DomainError("invalid_record", `There is no case with id ${body.caseId}.`, { field: "caseId" });
        }
        const { moderation, internal, external } = await workflow.moderation.startParallelAudit(body, viewer.person);
        notificationsQueued();
        return { status: 201, body: { moderationId: moderation.id, internalAuditId: internal.id, externalAuditId: external.id } };
      },
    }),
    route({
      method: "get",
      path: "/api/parallel-audits/:moderationId/comparison",
      tag: "Moderation",
      summary: "Both audits' grades and findings side by side, per section; refused until both are submitted",
      params: z.object({ moderationId: z.string().min(1).max(100) }),
      responses: { 200: "The comparison", 409: "Not both submitted yet" },
      handle: async ({ viewer, params }) => ({ body: await comparisonFor(store, viewer, params.moderationId) }),
    }),
  ];
}
