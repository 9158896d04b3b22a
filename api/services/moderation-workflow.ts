// Moderation after the moderator's grades: the auditor accepts or disagrees,
// a disagreement goes to the QA lead whose decision is final; moderation
// panels (several moderators' views, one outcome recorded by the chair with
// dissent); and external parallel audits (two independent audits of one
// case, compared once both are in). Each method re-checks who is acting and
// the moderation's state, and saves the change with its notifications in one
// transaction.
import { auditChangesFor } from "../domain/audit-steps.js";
import { DomainError } from "../domain/errors.js";
import { lineManagerOf, moderatorConflict } from "../domain/moderation-sampling.js";
import { acceptedGrades, decidedGrades, finalOverallGrade, moderatedGrades, overallOutcome } from "../domain/moderation-resolution.js";
import { isSubmitted } from "../domain/parallel-audit.js";
import type { AuditType } from "../domain/records/audit-tool.js";
import type { GradeScale } from "../domain/records/grade-scale.js";
import type { GradeChoice, ModeratedGrade, ModerationRule } from "../domain/records/moderation.js";
import { allRecords } from "../store/all-records.js";
import type { Actor, RecordOperations, Saved, Store } from "../store/port.js";
import { enqueueNotification } from "./notify.js";
import { forbidden, hasRole, peopleWithRole, requireRecord, staleRecord, type Person } from "./people.js";

export type SavedModeration = Saved<"moderation">;
export type AuditorAnswer = { accept: true } | { accept: false; reason: string };

export interface ParallelAuditRequest {
  caseId: string;
  toolId: string;
  type?: AuditType;
  internalAuditorId: string;
  externalAuditorId: string;
  dueDate?: string;
}

const planners = ["qa_lead", "principal_social_worker", "head_of_service", "service_manager"] as const;

export class ModerationWorkflow {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The auditor accepts the moderated grades (they become final) or disagrees, with a reason, and it goes to the QA lead. */
  async respond(moderationId: string, answer: AuditorAnswer, actor: Person, ifMatch?: string): Promise<SavedModeration> {
    return this.store.transaction(async (tx) => {
      const moderation = await this.moderation(tx, moderationId, ifMatch);
      const audit = requireRecord(await tx.get("audit", moderation.auditId), "audit", moderation.auditId);
      if (audit.auditorId !== actor.id) throw forbidden("Only the auditor can accept or dispute the moderated grades.");
      if (moderation.status !== "awaiting_auditor") throw notNow(moderation.status, "answer the moderator");
      const at = this.now().toISOString();
      if (answer.accept) {
        const grades = acceptedGrades(moderation.grades);
        const saved = await tx.update(
          "moderation",
          moderationId,
          { grades, status: "completed", resolvedAt: at, auditorResponse: { accepted: true, reason: "", by: actor.id, at } },
          moderation.etag,
          actor,
        );
        await this.completeAudit(tx, audit, grades, actor);
        await enqueueNotification(tx, moderation.moderatorId, { kind: "moderation_resolved", moderationId }, actor);
        return saved;
      }
      const reason = answer.reason.trim();
      if (!reason) throw new DomainError("invalid_record", "Say why you disagree: the QA lead will read it.", { field: "reason" });
      const lead = await this.qaLeadFor(tx, [audit.auditorId, moderation.moderatorId]);
      const saved = await tx.update(
        "moderation",
        moderationId,
        { status: "escalated", escalatedToId: lead.id, auditorResponse: { accepted: false, reason, by: actor.id, at } },
        moderation.etag,
        actor,
      );
      await enqueueNotification(tx, lead.id, { kind: "moderation_escalated", moderationId }, actor);
      return saved;
    });
  }

  /** The QA lead's decision on a disputed moderation: final, recorded with who, when and why. */
  async decide(moderationId: string, grades: GradeChoice[], rationale: string, actor: Person, ifMatch?: string): Promise<SavedModeration> {
    return this.store.transaction(async (tx) => {
      const moderation = await this.moderation(tx, moderationId, ifMatch);
      if (!hasRole(actor, "qa_lead")) throw forbidden("Only the QA lead decides a disputed moderation.");
      if (moderation.status !== "escalated") throw notNow(moderation.status, "decide it");
      const why = rationale.trim();
      if (!why) throw new DomainError("invalid_record", "Give the reasons for your decision: the auditor and moderator will read them.", { field: "rationale" });
      const audit = requireRecord(await tx.get("audit", moderation.auditId), "audit", moderation.auditId);
      const scale = await this.scaleOf(tx, audit.toolId);
      const final = decidedGrades(moderation.grades, grades, scale);
      const at = this.now().toISOString();
      const saved = await tx.update(
        "moderation",
        moderationId,
        { grades: final, status: "completed", resolvedAt: at, qaLeadDecision: { by: actor.id, at, rationale: why } },
        moderation.etag,
        actor,
      );
      await this.completeAudit(tx, audit, final, actor);
      for (const recipient of new Set([audit.auditorId, moderation.moderatorId].filter((id): id is string => Boolean(id) && id !== actor.id))) {
        await enqueueNotification(tx, recipient, { kind: "moderation_resolved", moderationId }, actor);
      }
      return saved;
    });
  }

  /** Turns a waiting moderation into a panel: the moderator chairs it and each member is invited to give a view. */
  async convenePanel(moderationId: string, memberIds: string[], actor: Person, ifMatch?: string): Promise<SavedModeration> {
    return this.store.transaction(async (tx) => {
      if (!hasRole(actor, "qa_lead")) throw forbidden("Only the QA lead convenes a moderation panel.");
      const moderation = await this.moderation(tx, moderationId, ifMatch);
      if (moderation.kind !== "peer" || moderation.status !== "requested") {
        throw new DomainError("illegal_transition", "Only a moderation still waiting for its moderator can become a panel.", { status: moderation.status, kind: moderation.kind });
      }
      const audit = requireRecord(await tx.get("audit", moderation.auditId), "audit", moderation.auditId);
      const members = [...new Set(memberIds)].filter((id) => id !== moderation.moderatorId);
      if (members.length < 2) throw new DomainError("invalid_record", "Invite at least two moderators besides the chair.", { field: "memberIds" });
      const rule = await this.rule(tx);
      const lineManagerId = await this.lineManagerId(tx, audit.auditorId);
      for (const memberId of members) {
        const member = requireRecord(await tx.get("person", memberId), "person", memberId);
        const conflict = moderatorConflict(memberId, audit, rule, lineManagerId);
        if (conflict) throw new DomainError("invalid_record", `${member.displayName} cannot sit on this panel. ${conflict}`, { field: "memberIds" });
        if (!hasRole(member, "moderator", "qa_lead")) throw new DomainError("invalid_record", `${member.displayName} is not a moderator.`, { field: "memberIds" });
      }
      const saved = await tx.update("moderation", moderationId, { kind: "panel", panel: { memberIds: members, views: [], dissent: [] } }, moderation.etag, actor);
      for (const memberId of members) await enqueueNotification(tx, memberId, { kind: "moderation_panel_invited", moderationId }, actor);
      // The chair's card is the moderation card again, now showing the panel and, as they come in, the members' views.
      await enqueueNotification(tx, moderation.moderatorId, { kind: "moderation_requested", moderationId }, actor, "panel");
      return saved;
    });
  }

  /** A panel member's view: their grades (a section left out keeps the auditor's grade) and a comment. Giving it again replaces it. */
  async giveView(moderationId: string, grades: GradeChoice[], comment: string, actor: Person, ifMatch?: string): Promise<SavedModeration> {
    return this.store.transaction(async (tx) => {
      const moderation = await this.moderation(tx, moderationId, ifMatch);
      if (moderation.kind !== "panel" || !moderation.panel) throw new DomainError("illegal_transition", "This moderation is not a panel.");
      if (!moderation.panel.memberIds.includes(actor.id)) throw forbidden("You were not invited to this panel.");
      if (moderation.status !== "requested") throw notNow(moderation.status, "give a view: the chair has recorded the outcome");
      const audit = requireRecord(await tx.get("audit", moderation.auditId), "audit", moderation.auditId);
      const scale = await this.scaleOf(tx, audit.toolId);
      const view = moderatedGrades(moderation.grades, grades, scale).map((grade) => ({ sectionKey: grade.sectionKey, grade: grade.moderatorGrade! }));
      const views = [
        ...moderation.panel.views.filter((existing) => existing.moderatorId !== actor.id),
        { moderatorId: actor.id, grades: view, comment: comment.trim(), givenAt: this.now().toISOString() },
      ];
      return tx.update("moderation", moderationId, { panel: { ...moderation.panel, views } }, moderation.etag, actor);
    });
  }

  /** Two audits of one case, one internal and one external, assigned together; each is sealed from the other until both are submitted. */
  async startParallelAudit(request: ParallelAuditRequest, actor: Person): Promise<{ moderation: SavedModeration; internal: Saved<"audit">; external: Saved<"audit"> }> {
    if (!hasRole(actor, ...planners)) throw forbidden("Only the QA lead or a manager who plans audits can set up a parallel audit.");
    return this.store.transaction(async (tx) => {
      const caseRecord = await tx.get("caseReference", request.caseId);
      if (!caseRecord) throw new DomainError("invalid_record", `There is no case with id ${request.caseId}.`, { field: "caseId" });
      const tool = await tx.get("auditTool", request.toolId);
      if (!tool) throw new DomainError("invalid_record", `There is no audit tool with id ${request.toolId}.`, { field: "toolId" });
      const internalAuditor = await tx.get("person", request.internalAuditorId);
      if (!internalAuditor || !hasRole(internalAuditor, "auditor", "qa_lead")) {
        throw new DomainError("invalid_record", "Choose an internal auditor.", { field: "internalAuditorId" });
      }
      const externalAuditor = await tx.get("person", request.externalAuditorId);
      if (!externalAuditor || !hasRole(externalAuditor, "external_auditor")) {
        throw new DomainError("invalid_record", "Choose an external auditor.", { field: "externalAuditorId" });
      }
      if (internalAuditor.id === caseRecord.practitionerId) throw new DomainError("invalid_record", "A practitioner cannot audit their own case.", { field: "internalAuditorId" });
      const team = await tx.get("team", caseRecord.teamId);
      const placed = { caseId: caseRecord.id, toolId: tool.id, teamId: caseRecord.teamId, serviceId: team?.serviceId, practitionerId: caseRecord.practitionerId };
      const now = this.now();
      let internal = await tx.create("audit", { ...placed, type: request.type ?? "regular" }, actor);
      let external = await tx.create("audit", { ...placed, type: "external", sharedWithIds: [externalAuditor.id], parallelWithAuditId: internal.id }, actor);
      internal = await tx.update("audit", internal.id, { parallelWithAuditId: external.id }, internal.etag, actor);
      internal = await tx.update("audit", internal.id, auditChangesFor(internal, { step: "assign", auditorId: internalAuditor.id, dueDate: request.dueDate }, now), internal.etag, actor);
      external = await tx.update("audit", external.id, auditChangesFor(external, { step: "assign", auditorId: externalAuditor.id, dueDate: request.dueDate }, now), external.etag, actor);
      const moderation = await tx.create(
        "moderation",
        {
          auditId: internal.id,
          parallelAuditId: external.id,
          moderatorId: externalAuditor.id,
          kind: "external_parallel",
          sampledBecause: `External parallel audit set up by ${actor.displayName}`,
          grades: [],
        },
        actor,
      );
      await enqueueNotification(tx, internalAuditor.id, { kind: "audit_assigned", auditId: internal.id }, actor);
      await enqueueNotification(tx, externalAuditor.id, { kind: "audit_assigned", auditId: external.id }, actor);
      return { moderation, internal, external };
    });
  }

  /**
   * Called when one audit of a parallel pair is submitted: once both are in,
   * their grades go side by side on the moderation (internal as the
   * auditor's, external as the moderator's), both audits complete, and the
   * two auditors and the QA leads are told.
   */
  async compareIfBothSubmitted(tx: RecordOperations, audit: Saved<"audit">, actor: Actor): Promise<SavedModeration | undefined> {
    const partner = audit.parallelWithAuditId ? await tx.get("audit", audit.parallelWithAuditId) : undefined;
    if (!partner || !isSubmitted(audit) || !isSubmitted(partner)) return undefined;
    const [moderation] = [
      ...(await tx.query("moderation", { where: { auditId: audit.id } })).records,
      ...(await tx.query("moderation", { where: { auditId: partner.id } })).records,
    ].filter((candidate) => candidate.kind === "external_parallel" && candidate.status === "requested");
    if (!moderation) return undefined;
    const internal = moderation.auditId === audit.id ? audit : partner;
    const external = moderation.auditId === audit.id ? partner : audit;
    const scale = await this.scaleOf(tx, internal.toolId);
    const externalGrades = [...external.sectionGrades, { sectionKey: "overall", grade: external.overallGrade! }];
    const base: ModeratedGrade[] = [
      ...internal.sectionGrades.map((grade) => ({ sectionKey: grade.sectionKey, auditorGrade: grade.grade })),
      { sectionKey: "overall", auditorGrade: internal.overallGrade! },
    ];
    const known = new Set(base.map((grade) => grade.sectionKey));
    const grades = moderatedGrades(base, externalGrades.filter((grade) => known.has(grade.sectionKey)), scale);
    const at = this.now().toISOString();
    const saved = await tx.update(
      "moderation",
      moderation.id,
      { grades, outcome: overallOutcome(grades), status: "completed", completedAt: at, resolvedAt: at },
      moderation.etag,
      actor,
    );
    for (const finished of [internal, external]) {
      const current = requireRecord(await tx.get("audit", finished.id), "audit", finished.id);
      if (current.status === "submitted") await tx.update("audit", current.id, auditChangesFor(current, { step: "complete" }, this.now()), current.etag, actor);
    }
    const recipients = new Set([internal.auditorId, external.auditorId, ...(await peopleWithRole(tx, "qa_lead")).map((lead) => lead.id)]);
    for (const recipient of recipients) if (recipient) await enqueueNotification(tx, recipient, { kind: "parallel_audit_compared", moderationId: moderation.id }, actor);
    return saved;
  }

  private async moderation(tx: RecordOperations, moderationId: string, ifMatch?: string): Promise<SavedModeration> {
    const moderation = requireRecord(await tx.get("moderation", moderationId), "moderation", moderationId);
    if (ifMatch !== undefined && ifMatch !== moderation.etag) throw staleRecord("moderation");
    return moderation;
  }

  private async scaleOf(tx: RecordOperations, toolId: string): Promise<GradeScale> {
    const tool = requireRecord(await tx.get("auditTool", toolId), "audit tool", toolId);
    return requireRecord(await tx.get("gradeScale", tool.gradeScaleId), "grade scale", tool.gradeScaleId);
  }

  private async rule(tx: RecordOperations): Promise<ModerationRule> {
    const [authority] = (await tx.query("authority", { limit: 1 })).records;
    return authority?.moderationRule ?? { sampleRate: 0, alwaysModerateGrades: [], seed: "golden-thread", minimumPerAuditorPerQuarter: 0, excludeLineManager: true };
  }

  private async lineManagerId(tx: RecordOperations, auditorId: string | undefined): Promise<string | undefined> {
    const auditor = auditorId ? await tx.get("person", auditorId) : undefined;
    return auditor ? lineManagerOf(auditor, await allRecords(tx, "team")) : undefined;
  }

  /** A QA lead to decide a dispute: one not involved in it if there is one. */
  private async qaLeadFor(tx: RecordOperations, involved: (string | undefined)[]): Promise<Person> {
    const leads = (await peopleWithRole(tx, "qa_lead")).sort((a, b) => a.id.localeCompare(b.id));
    const lead = leads.find((candidate) => !involved.includes(candidate.id)) ?? leads[0];
    if (!lead) throw new DomainError("invalid_record", "There is no QA lead to decide the disagreement. Ask an administrator to give someone the QA lead role.");
    return lead;
  }

  private async completeAudit(tx: RecordOperations, audit: Saved<"audit">, grades: ModeratedGrade[], actor: Actor): Promise<void> {
    const changes = audit.status === "in_moderation" ? auditChangesFor(audit, { step: "complete" }, this.now()) : {};
    await tx.update("audit", audit.id, { ...changes, finalOverallGrade: finalOverallGrade(grades) }, audit.etag, actor);
  }
}

function notNow(status: string, doing: string): DomainError {
  const where: Record<string, string> = {
    requested: "it is still waiting for the moderator",
    awaiting_auditor: "it is waiting for the auditor's answer",
    escalated: "it is with the QA lead",
    completed: "it has been resolved",
  };
  return new DomainError("illegal_transition", `You cannot ${doing} now: ${where[status] ?? status}.`, { status });
}

