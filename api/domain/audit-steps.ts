// What each lifecycle step changes on an audit, with the rules that go with
// it (a decline needs a reason; a submission needs every section graded).
// Pure: callers save the returned changes through the store.
import { nextAuditStatus } from "./audit-lifecycle.js";
import { DomainError } from "./errors.js";
import type { Audit } from "./records/audit.js";
import type { AuditTool } from "./records/audit-tool.js";
import { gradeOn, type GradeScale } from "./records/grade-scale.js";

export type AuditStepRequest =
  | { step: "assign"; auditorId: string; dueDate?: string }
  | { step: "request_reflection" }
  | { step: "start" }
  | { step: "decline"; reason: string }
  | { step: "reassign"; auditorId: string; dueDate?: string }
  | { step: "submit"; tool: AuditTool; scale: GradeScale }
  | { step: "send_to_moderation" }
  | { step: "complete" }
  | { step: "cancel"; reason: string };

export function auditChangesFor(audit: Audit, request: AuditStepRequest, now: Date): Partial<Audit> {
  const status = nextAuditStatus(audit.status, request.step);
  switch (request.step) {
    case "assign":
    case "reassign":
      return { status, auditorId: request.auditorId, dueDate: request.dueDate ?? audit.dueDate, declineReason: undefined };
    case "decline":
      return { status, declineReason: requireReason(request.reason, "declining") };
    case "cancel":
      return { status, cancelReason: requireReason(request.reason, "cancelling") };
    case "submit":
      assertReadyToSubmit(audit, request.tool, request.scale);
      return { status, submittedAt: now.toISOString() };
    case "complete":
      return { status, completedAt: now.toISOString() };
    default:
      return { status };
  }
}

function requireReason(reason: string, doing: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new DomainError("invalid_record", `Give a reason for ${doing} the audit.`, { field: "reason" });
  return trimmed;
}

/** The sections of the tool that the audit has not graded yet, by title. */
export function ungradedSections(audit: Audit, tool: AuditTool): string[] {
  const graded = new Set(audit.sectionGrades.map((grade) => grade.sectionKey));
  return tool.sections.filter((section) => !graded.has(section.key)).map((section) => section.title);
}

function assertReadyToSubmit(audit: Audit, tool: AuditTool, scale: GradeScale): void {
  const missing = ungradedSections(audit, tool);
  if (missing.length > 0) {
    throw new DomainError("invalid_record", `Grade every section before submitting. Not graded yet: ${missing.join(", ")}.`, {
      missingSections: missing,
    });
  }
  for (const grade of audit.sectionGrades) gradeOn(scale, grade.grade);
  if (audit.overallGrade === undefined) {
    throw new DomainError("invalid_record", "Give the audit an overall grade before submitting.", { field: "overallGrade" });
  }
  gradeOn(scale, audit.overallGrade);
}
