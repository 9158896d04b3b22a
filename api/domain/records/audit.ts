import { z } from "zod";
import { id, isoDate, isoDateTime, text } from "./common.js";
import { AuditType } from "./audit-tool.js";

export const auditStatuses = [
  "planned",
  "assigned",
  "reflection_requested",
  "in_progress",
  "submitted",
  "in_moderation",
  "completed",
  "declined",
  "cancelled",
] as const;
export const AuditStatus = z.enum(auditStatuses);
export type AuditStatus = z.infer<typeof AuditStatus>;

export const QuestionAnswer = z.object({
  questionKey: z.string(),
  answer: text(8000),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;

// The auditor's grade for one section of the tool. Moderation keeps its own
// grade beside this one; the auditor's grade is never overwritten.
export const SectionGrade = z.object({
  sectionKey: z.string(),
  grade: z.string(),
});
export type SectionGrade = z.infer<typeof SectionGrade>;

// Seed §1.3: an effective model says what is working well and why, and
// what we need to do better.
export const Findings = z.object({
  workingWell: z.array(text(4000)).default([]),
  needsToBeBetter: z.array(text(4000)).default([]),
});
export type Findings = z.infer<typeof Findings>;

export const ReflectionAnswer = z.object({
  promptKey: z.string(),
  answer: text(4000),
  answeredAt: isoDateTime,
});
export type ReflectionAnswer = z.infer<typeof ReflectionAnswer>;

// Seed §2.9: the practitioner's own reflection on the case.
export const PractitionerReflection = z.object({
  answers: z.array(ReflectionAnswer).default([]),
  skippedPromptKeys: z.array(z.string()).default([]),
  finishedAt: isoDateTime.optional(),
});
export type PractitionerReflection = z.infer<typeof PractitionerReflection>;

// Seed §2.4: the child's and family's viewpoint of the work, where it was sought.
export const ChildFamilyView = z.object({
  soughtFrom: z.enum(["child", "parent_or_carer", "family", "not_sought"]),
  method: text(200).default(""),
  summary: text(4000).default(""),
});
export type ChildFamilyView = z.infer<typeof ChildFamilyView>;

export const Audit = z.object({
  type: AuditType,
  toolId: id,
  programmeId: id.optional(),
  caseId: id,
  // Copied from the case when the audit is created, so audits can be found
  // and counted by team and service without a join.
  teamId: id.optional(),
  serviceId: id.optional(),
  // An external auditor sees only the audits shared with them.
  sharedWithIds: z.array(id).default([]),
  // An external parallel audit: the other audit of the same case, done at the
  // same time by someone else. Neither sees the other's grades until both are in.
  parallelWithAuditId: id.optional(),
  theme: text(200).optional(),
  status: AuditStatus.default("planned"),
  auditorId: id.optional(),
  practitionerId: id.optional(),
  dueDate: isoDate.optional(),
  answers: z.array(QuestionAnswer).default([]),
  sectionGrades: z.array(SectionGrade).default([]),
  overallGrade: z.string().optional(),
  // The moderated (or QA lead's) overall grade once moderation is resolved;
  // overallGrade stays the auditor's own.
  finalOverallGrade: z.string().optional(),
  findings: Findings.default({ workingWell: [], needsToBeBetter: [] }),
  reflection: PractitionerReflection.optional(),
  childFamilyView: ChildFamilyView.optional(),
  declineReason: text(1000).optional(),
  cancelReason: text(1000).optional(),
  submittedAt: isoDateTime.optional(),
  completedAt: isoDateTime.optional(),
});
export type Audit = z.infer<typeof Audit>;
