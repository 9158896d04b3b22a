// The audit's journey as the bot and the REST API both drive it: assign,
// start, decline, reflect, grade, submit, moderate. Every method checks that
// the person may take the step and that the audit's state allows it, then
// saves the change and its notifications in one transaction.
import { auditChangesFor } from "../domain/audit-steps.js";
import { dayOf } from "../domain/calendar.js";
import { DomainError } from "../domain/errors.js";
import { chooseModerator, lineManagerOf, moderationDecision, quarterBounds, quarterOf } from "../domain/moderation-sampling.js";
import { acceptedGrades, moderatedGrades, overallOutcome, panelDissent } from "../domain/moderation-resolution.js";
import type { Audit, SectionGrade } from "../domain/records/audit.js";
import { gradeOn } from "../domain/records/grade-scale.js";
import { ModerationRule, type Moderation } from "../domain/records/moderation.js";
import { allRecords } from "../store/all-records.js";
import type { RecordOperations, Saved, Store } from "../store/port.js";
import { enqueueNotification } from "./notify.js";
import { ModerationWorkflow } from "./moderation-workflow.js";
import { requestReflectiveFeedback } from "./workforce-voice.js";
import { forbidden, hasRole, peopleWithRole, requireRecord, staleRecord, type Person } from "./people.js";

export type SavedAudit = Saved<"audit">;

export interface AuditAssessment {
  answers?: { questionKey: string; answer: string }[];
  childFamilyView?: Audit["childFamilyView"];
  sectionGrades?: SectionGrade[];
  overallGrade?: string;
  workingWell?: string[];
  needsToBeBetter?: string[];
}

export type ModerationVerdict = { agree: true } | { agree: false; grades: { sectionKey: string; grade: string; rationale?: string }[]; rationale: string };

const planners = ["qa_lead", "principal_social_worker", "head_of_service", "service_manager"] as const;

export class AuditWorkflow {
  /** What follows the moderator's grades: resolution, panels, parallel audits. */
  readonly moderation: ModerationWorkflow;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.moderation = new ModerationWorkflow(store, now);
  }

  async assign(auditId: string, auditorId: string, dueDate: string | undefined, actor: Person, ifMatch?: string): Promise<SavedAudit> {
    if (!hasRole(actor, ...planners)) throw forbidden("Only the QA lead or a manager who plans audits can assign them.");
    return this.store.transaction(async (tx) => {
      const audit = await this.audit(tx, auditId, ifMatch);
      const auditor = requireRecord(await tx.get("person", auditorId), "person", auditorId);
      if (!hasRole(auditor, "auditor", "external_auditor", "qa_lead")) {
        throw new DomainError("invalid_record", `${auditor.displayName} is not an auditor.`, { field: "auditorId" });
      }
      if (audit.practitionerId === auditorId) {
        throw new DomainError("invalid_record", "A practitioner cannot audit their own case.", { field: "auditorId" });
      }
      const step = audit.status === "planned" ? "assign" : "reassign";
      let saved = await tx.update("audit", auditId, auditChangesFor(audit, { step, auditorId, dueDate }, this.now()), audit.etag, actor);
      await enqueueNotification(tx, auditorId, { kind: "audit_assigned", auditId }, actor, saved.etag);
      const tool = await tx.get("auditTool", audit.toolId);
      const practitionerId = saved.practitionerId;
      if (practitionerId && (tool?.reflectivePrompts.length ?? 0) > 0 && saved.reflection?.finishedAt === undefined) {
        saved = await tx.update("audit", auditId, auditChangesFor(saved, { step: "request_reflection" }, this.now()), saved.etag, actor);
        await enqueueNotification(tx, practitionerId, { kind: "reflection_requested", auditId }, actor);
      }
      return saved;
    });
  }

  async start(auditId: string, actor: Person, ifMatch?: string): Promise<SavedAudit> {
    return this.store.transaction(async (tx) => {
      const audit = await this.audit(tx, auditId, ifMatch);
      this.requireAuditor(audit, actor);
      return tx.update("audit", auditId, auditChangesFor(audit, { step: "start" }, this.now()), audit.etag, actor);
    });
  }

  async decline(auditId: string, reason: string, actor: Person, ifMatch?: string): Promise<SavedAudit> {
    return this.store.transaction(async (tx) => {
      const audit = await this.audit(tx, auditId, ifMatch);
      this.requireAuditor(audit, actor);
      const saved = await tx.update("audit", auditId, auditChangesFor(audit, { step: "decline", reason }, this.now()), audit.etag, actor);
      for (const lead of await peopleWithRole(tx, "qa_lead")) {
        await enqueueNotification(tx, lead.id, { kind: "audit_declined", auditId }, actor, saved.etag);
      }
      return saved;
    });
  }

  /** Saves one reflective answer (replacing an earlier answer to the same prompt). */
  async reflect(auditId: string, promptKey: string, answer: string, actor: Person): Promise<SavedAudit> {
    return this.store.transaction(async (tx) => {
      const audit = await this.reflectable(tx, auditId, actor);
      const tool = requireRecord(await tx.get("auditTool", audit.toolId), "audit tool", audit.toolId);
      if (!tool.reflectivePrompts.some((prompt) => prompt.key === promptKey)) {
        throw new DomainError("invalid_record", `This audit tool has no reflective prompt "${promptKey}".`, { field: "promptKey" });
      }
      const text = answer.trim();
      if (!text) throw new DomainError("invalid_record", "Type an answer, or skip this question.", { field: "answer" });
      const reflection = audit.reflection ?? { answers: [], skippedPromptKeys: [] };
      const answers = [
        ...reflection.answers.filter((existing) => existing.promptKey !== promptKey),
        { promptKey, answer: text, answeredAt: this.now().toISOString() },
      ];
      const skippedPromptKeys = reflection.skippedPromptKeys.filter((key) => key !== promptKey);
      return tx.update("audit", auditId, { reflection: { ...reflection, answers, skippedPromptKeys } }, audit.etag, actor);
    });
  }

  async skipReflectionPrompt(auditId: string, promptKey: string, actor: Person): Promise<SavedAudit> {
    return this.store.transaction(async (tx) => {
      const audit = await this.reflectable(tx, auditId, actor);
      const reflection = audit.reflection ?? { answers: [], skippedPromptKeys: [] };
      if (reflection.skippedPromptKeys.includes(promptKey)) return audit;
      const skippedPromptKeys = [...reflection.skippedPromptKeys, promptKey];
      return tx.update("audit", auditId, { reflection: { ...reflection, skippedPromptKeys } }, audit.etag, actor);
    });
  }

  async finishReflection(auditId: string, actor: Person): Promise<SavedAudit> {
    return this.store.transaction(async (tx) => {
      const audit = await this.reflectable(tx, auditId, actor);
      const reflection = audit.reflection ?? { answers: [], skippedPromptKeys: [] };
      return tx.update("audit", auditId, { reflection: { ...reflection, finishedAt: this.now().toISOString() } }, audit.etag, actor);
    });
  }

  /** Saves grades and findings as a draft; the audit must be in progress. */
  async assess(auditId: string, assessment: AuditAssessment, actor: Person, ifMatch?: string): Promise<SavedAudit> {
    return this.store.transaction(async (tx) => {
      const audit = await this.audit(tx, auditId, ifMatch);
      this.requireAuditor(audit, actor);
      if (audit.status !== "in_progress") {
        throw new DomainError("illegal_transition", "Start the audit before grading it.", { status: audit.status });
      }
      const tool = requireRecord(await tx.get("auditTool", audit.toolId), "audit tool", audit.toolId);
      const scale = requireRecord(await tx.get("gradeScale", tool.gradeScaleId), "grade scale", tool.gradeScaleId);
      const sectionKeys = new Set(tool.sections.map((section) => section.key));
      for (const grade of assessment.sectionGrades ?? []) {
        if (!sectionKeys.has(grade.sectionKey)) {
          throw new DomainError("invalid_record", `This audit tool has no section "${grade.sectionKey}".`, { field: "sectionGrades" });
        }
        gradeOn(scale, grade.grade);
      }
      if (assessment.overallGrade !== undefined) gradeOn(scale, assessment.overallGrade);
      const sectionGrades = mergeGrades(audit.sectionGrades, assessment.sectionGrades ?? []);
      const findings = {
        workingWell: assessment.workingWell ?? audit.findings.workingWell,
        needsToBeBetter: assessment.needsToBeBetter ?? audit.findings.needsToBeBetter,
      };
      const questionKeys = new Set(tool.sections.flatMap((section) => section.questions.map((question) => question.key)));
      for (const answer of assessment.answers ?? []) {
        if (!questionKeys.has(answer.questionKey)) {
          throw new DomainError("invalid_record", `This audit tool has no question "${answer.questionKey}".`, { field: "answers" });
        }
      }
      const answers = new Map(audit.answers.map((answer) => [answer.questionKey, answer.answer]));
      for (const answer of assessment.answers ?? []) answers.set(answer.questionKey, answer.answer);
      return tx.update(
        "audit",
        auditId,
        {
          sectionGrades,
          findings,
          overallGrade: assessment.overallGrade ?? audit.overallGrade,
          answers: [...answers].map(([questionKey, answer]) => ({ questionKey, answer })),
          childFamilyView: assessment.childFamilyView ?? audit.childFamilyView,
        },
        audit.etag,
        actor,
      );
    });
  }

  /** Submits the audit; the authority's moderation rule decides whether it is moderated. */
  async submit(auditId: string, actor: Person, ifMatch?: string): Promise<{ audit: SavedAudit; moderation?: Saved<"moderation"> }> {
    return this.store.transaction(async (tx) => {
      const audit = await this.audit(tx, auditId, ifMatch);
      this.requireAuditor(audit, actor);
      const tool = requireRecord(await tx.get("auditTool", audit.toolId), "audit tool", audit.toolId);
      const scale = requireRecord(await tx.get("gradeScale", tool.gradeScaleId), "grade scale", tool.gradeScaleId);
      let saved = await tx.update("audit", auditId, auditChangesFor(audit, { step: "submit", tool, scale }, this.now()), audit.etag, actor);
      await requestReflectiveFeedback(tx, saved, actor, dayOf(this.now()));
      if (saved.parallelWithAuditId) {
        // One of a parallel pair: compared with the other once both are in, never sampled.
        const comparison = await this.moderation.compareIfBothSubmitted(tx, saved, actor);
        return { audit: requireRecord(await tx.get("audit", auditId), "audit", auditId), moderation: comparison };
      }
      const [authority] = (await tx.query("authority", { limit: 1 })).records;
      const rule = authority?.moderationRule ?? ModerationRule.parse({ sampleRate: 0 });
      const auditor = requireRecord(await tx.get("person", actor.id), "person", actor.id);
      const quarter = quarterOf(saved.submittedAt!);
      const auditorQuarter = rule.minimumPerAuditorPerQuarter > 0 ? { quarter, moderatedSoFar: await this.moderatedInQuarter(tx, actor.id, quarter, auditId) } : undefined;
      const decision = moderationDecision(rule, saved, auditId, auditorQuarter);
      const lineManagerId = lineManagerOf(auditor, await allRecords(tx, "team"));
      const moderator = decision.sampled ? chooseModerator(await peopleWithRole(tx, "moderator"), saved, auditId, rule, lineManagerId) : undefined;
      if (!moderator) {
        saved = await tx.update("audit", auditId, auditChangesFor(saved, { step: "complete" }, this.now()), saved.etag, actor);
        return { audit: saved };
      }
      const moderation = await tx.create(
        "moderation",
        {
          auditId,
          moderatorId: moderator.id,
          sampledBecause: decision.because,
          sampleSeed: decision.seed,
          sampleDraw: decision.draw,
          grades: [
            ...saved.sectionGrades.map((grade) => ({ sectionKey: grade.sectionKey, auditorGrade: grade.grade })),
            { sectionKey: "overall", auditorGrade: saved.overallGrade! },
          ],
        },
        actor,
      );
      saved = await tx.update("audit", auditId, auditChangesFor(saved, { step: "send_to_moderation" }, this.now()), saved.etag, actor);
      await enqueueNotification(tx, moderator.id, { kind: "moderation_requested", moderationId: moderation.id }, actor);
      return { audit: saved, moderation };
    });
  }

  /**
   * The moderator's (or panel chair's) grades. Agreement resolves the
   * moderation at once; a re-grade goes back to the auditor to accept or
   * dispute. A panel's dissent is recorded with the chair's outcome.
   */
  async moderate(moderationId: string, verdict: ModerationVerdict, actor: Person, ifMatch?: string): Promise<Saved<"moderation">> {
    return this.store.transaction(async (tx) => {
      const moderation = requireRecord(await tx.get("moderation", moderationId), "moderation", moderationId);
      if (ifMatch !== undefined && ifMatch !== moderation.etag) throw staleRecord("moderation");
      if (moderation.kind === "external_parallel") {
        throw new DomainError("illegal_transition", "An external parallel audit is compared when both audits are submitted, not moderated.");
      }
      if (moderation.moderatorId !== actor.id) {
        throw forbidden(moderation.kind === "panel" ? "Only the panel's chair records the agreed outcome." : "This moderation was sent to someone else.");
      }
      if (moderation.status !== "requested") {
        throw new DomainError("illegal_transition", "This moderation has already been completed.", { status: moderation.status });
      }
      const audit = await this.audit(tx, moderation.auditId);
      const tool = requireRecord(await tx.get("auditTool", audit.toolId), "audit tool", audit.toolId);
      const scale = requireRecord(await tx.get("gradeScale", tool.gradeScaleId), "grade scale", tool.gradeScaleId);
      if (!verdict.agree && !verdict.rationale.trim()) {
        throw new DomainError("invalid_record", "Say why you re-graded the audit.", { field: "rationale" });
      }
      const grades = moderatedGrades(moderation.grades, verdict.agree ? [] : verdict.grades, scale, verdict.agree ? "" : verdict.rationale);
      const outcome = overallOutcome(grades);
      const at = this.now().toISOString();
      const changes: Partial<Moderation> = { grades, outcome, completedAt: at, status: "awaiting_auditor" };
      if (!verdict.agree) changes.rationale = verdict.rationale.trim();
      if (moderation.panel) changes.panel = { ...moderation.panel, dissent: panelDissent(moderation.panel.memberIds, moderation.panel.views, grades) };
      if (outcome === "agreed") {
        changes.grades = acceptedGrades(grades);
        changes.status = "completed";
        changes.resolvedAt = at;
      }
      const saved = await tx.update("moderation", moderationId, changes, moderation.etag, actor);
      if (outcome === "agreed") {
        await tx.update("audit", audit.id, { ...auditChangesFor(audit, { step: "complete" }, this.now()), finalOverallGrade: audit.overallGrade }, audit.etag, actor);
      }
      if (audit.auditorId) {
        await enqueueNotification(tx, audit.auditorId, { kind: "moderation_outcome", moderationId }, actor);
      }
      return saved;
    });
  }

  /** Moderations already drawn this quarter for audits this auditor submitted (not counting this one). */
  private async moderatedInQuarter(tx: RecordOperations, auditorId: string, quarter: string, exceptAuditId: string): Promise<number> {
    const { from, to } = quarterBounds(quarter);
    const audits = await allRecords(tx, "audit", { where: { auditorId, submittedAt: { gte: from, lte: `${to}T23:59:59.999Z` } } });
    let count = 0;
    for (const audit of audits) {
      if (audit.id === exceptAuditId || audit.parallelWithAuditId) continue;
      if ((await tx.query("moderation", { where: { auditId: audit.id }, limit: 1 })).records.length > 0) count += 1;
    }
    return count;
  }

  private async audit(tx: RecordOperations, auditId: string, ifMatch?: string): Promise<SavedAudit> {
    const audit = requireRecord(await tx.get("audit", auditId), "audit", auditId);
    if (ifMatch !== undefined && ifMatch !== audit.etag) throw staleRecord("audit");
    return audit;
  }

  private requireAuditor(audit: Audit, actor: Person): void {
    if (audit.auditorId !== actor.id) throw forbidden("This audit is assigned to someone else.");
  }

  private async reflectable(tx: RecordOperations, auditId: string, actor: Person): Promise<SavedAudit> {
    const audit = await this.audit(tx, auditId);
    if (audit.practitionerId !== actor.id) throw forbidden("Only the case's practitioner can add their reflection.");
    if (["submitted", "in_moderation", "completed", "cancelled"].includes(audit.status)) {
      throw new DomainError("illegal_transition", "This audit has been submitted, so its reflection is closed.", { status: audit.status });
    }
    return audit;
  }
}

function mergeGrades(current: SectionGrade[], changes: SectionGrade[]): SectionGrade[] {
  const merged = new Map(current.map((grade) => [grade.sectionKey, grade.grade]));
  for (const change of changes) merged.set(change.sectionKey, change.grade);
  return [...merged].map(([sectionKey, grade]) => ({ sectionKey, grade }));
}
