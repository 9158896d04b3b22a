import { z } from "zod";
import { id, isoDateTime, text } from "./common.js";

// Seed §2.11: moderation checks that audits grade practice consistently.
// The auditor's grades are copied here and never overwritten; the
// moderator's grade sits beside each one, and the resolved (final) grade
// beside that once the auditor accepts or the QA lead decides.
export const sectionOutcomes = ["agreed", "regraded_up", "regraded_down"] as const;
export const SectionOutcome = z.enum(sectionOutcomes);
export type SectionOutcome = z.infer<typeof SectionOutcome>;

export const ModeratedGrade = z.object({
  sectionKey: z.string(), // "overall" for the audit's overall grade
  auditorGrade: z.string(),
  moderatorGrade: z.string().optional(),
  outcome: SectionOutcome.optional(),
  // Why this section was re-graded (the moderator's own words for it, or their overall rationale).
  rationale: text(4000).optional(),
  finalGrade: z.string().optional(),
});
export type ModeratedGrade = z.infer<typeof ModeratedGrade>;

export const moderationOutcomes = ["agreed", "regraded_up", "regraded_down", "regraded"] as const;

// peer: one moderator. panel: several moderators give views and the chair
// (the moderation's moderatorId) records one agreed outcome, with dissent.
// external_parallel: an external auditor audits the same case at the same
// time; auditId is the internal audit and parallelAuditId the external one.
export const moderationKinds = ["peer", "panel", "external_parallel"] as const;
export const ModerationKind = z.enum(moderationKinds);
export type ModerationKind = z.infer<typeof ModerationKind>;

// requested: waiting for the moderator (or, for a parallel audit, for both audits).
// awaiting_auditor: re-graded; the auditor accepts or disagrees.
// escalated: the auditor disagreed; the QA lead decides, finally.
export const moderationStatuses = ["requested", "awaiting_auditor", "escalated", "completed"] as const;

export const GradeChoice = z.object({ sectionKey: z.string(), grade: z.string(), rationale: text(4000).optional() });
export type GradeChoice = z.infer<typeof GradeChoice>;

export const PanelView = z.object({
  moderatorId: id,
  grades: z.array(GradeChoice),
  comment: text(4000).default(""),
  givenAt: isoDateTime,
});
export type PanelView = z.infer<typeof PanelView>;

export const PanelDissent = z.object({
  moderatorId: id,
  // The sections where this member's view differs from the agreed grade; empty if they gave no view.
  sectionKeys: z.array(z.string()),
  note: text(4000).default(""),
});
export type PanelDissent = z.infer<typeof PanelDissent>;

export const ModerationPanel = z.object({
  memberIds: z.array(id).min(2, "A panel needs at least two moderators besides the chair"),
  views: z.array(PanelView).default([]),
  dissent: z.array(PanelDissent).default([]),
});
export type ModerationPanel = z.infer<typeof ModerationPanel>;

export const AuditorResponse = z.object({
  accepted: z.boolean(),
  reason: text(4000).default(""),
  by: id,
  at: isoDateTime,
});
export type AuditorResponse = z.infer<typeof AuditorResponse>;

export const QaLeadDecision = z.object({
  by: id,
  at: isoDateTime,
  rationale: text(4000),
});
export type QaLeadDecision = z.infer<typeof QaLeadDecision>;

export const Moderation = z
  .object({
    auditId: id,
    moderatorId: id,
    kind: ModerationKind.default("peer"),
    status: z.enum(moderationStatuses).default("requested"),
    // Why this audit was chosen: the sampling rule's reason, for the record,
    // with the seed and the draw so anyone can reproduce the sample.
    sampledBecause: text(300).default(""),
    sampleSeed: z.string().optional(),
    sampleDraw: z.number().min(0).max(1).optional(),
    grades: z.array(ModeratedGrade).default([]),
    outcome: z.enum(moderationOutcomes).optional(),
    rationale: text(4000).optional(),
    // When the moderator (or the panel chair, or the second parallel audit) gave the grades.
    completedAt: isoDateTime.optional(),
    panel: ModerationPanel.optional(),
    parallelAuditId: id.optional(),
    auditorResponse: AuditorResponse.optional(),
    escalatedToId: id.optional(),
    qaLeadDecision: QaLeadDecision.optional(),
    resolvedAt: isoDateTime.optional(),
  })
  .superRefine((moderation, context) => {
    if (moderation.kind !== "external_parallel" && moderation.grades.length === 0) {
      context.addIssue({ code: "custom", path: ["grades"], message: "A moderation needs the auditor's grades" });
    }
    if (moderation.kind !== "external_parallel" && moderation.outcome !== undefined && moderation.outcome !== "agreed" && !moderation.rationale?.trim()) {
      context.addIssue({ code: "custom", path: ["rationale"], message: "Say why you re-graded the audit" });
    }
    if (moderation.kind === "external_parallel" && !moderation.parallelAuditId) {
      context.addIssue({ code: "custom", path: ["parallelAuditId"], message: "An external parallel audit names the external auditor's audit" });
    }
  });
export type Moderation = z.infer<typeof Moderation>;

// Per authority: what share of audits is moderated, which grades always are,
// the fewest moderations each auditor has per quarter, and whether an
// auditor's own line manager may moderate them.
export const ModerationRule = z.object({
  sampleRate: z.number().min(0, "The sample rate is between 0 and 1").max(1, "The sample rate is between 0 and 1"),
  alwaysModerateGrades: z.array(z.string()).default([]),
  seed: z.string().min(1).default("golden-thread"),
  minimumPerAuditorPerQuarter: z.number().int("A whole number").min(0).max(50).default(0),
  excludeLineManager: z.boolean().default(true),
});
export type ModerationRule = z.infer<typeof ModerationRule>;
