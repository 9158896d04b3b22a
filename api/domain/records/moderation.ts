import { z } from "zod";
import { id, isoDateTime, text } from "./common.js";

// Seed §2.11: moderation checks that audits grade practice consistently.
// The auditor's grades are copied here and never overwritten; the
// moderator's grade sits beside each one.
export const ModeratedGrade = z.object({
  sectionKey: z.string(), // "overall" for the audit's overall grade
  auditorGrade: z.string(),
  moderatorGrade: z.string().optional(),
});
export type ModeratedGrade = z.infer<typeof ModeratedGrade>;

export const moderationOutcomes = ["agreed", "regraded_up", "regraded_down", "regraded"] as const;

export const Moderation = z
  .object({
    auditId: id,
    moderatorId: id,
    kind: z.enum(["peer", "panel", "external_parallel"]).default("peer"),
    status: z.enum(["requested", "completed"]).default("requested"),
    // Why this audit was chosen: the sampling rule's reason, for the record.
    sampledBecause: text(300).default(""),
    grades: z.array(ModeratedGrade).min(1, "A moderation needs the auditor's grades"),
    outcome: z.enum(moderationOutcomes).optional(),
    rationale: text(4000).optional(),
    completedAt: isoDateTime.optional(),
  })
  .refine((moderation) => moderation.outcome === undefined || moderation.outcome === "agreed" || Boolean(moderation.rationale?.trim()), {
    path: ["rationale"],
    message: "Say why you re-graded the audit",
  });
export type Moderation = z.infer<typeof Moderation>;

// Per authority: what share of audits is moderated, and which grades always are.
export const ModerationRule = z.object({
  sampleRate: z.number().min(0, "The sample rate is between 0 and 1").max(1, "The sample rate is between 0 and 1"),
  alwaysModerateGrades: z.array(z.string()).default([]),
  seed: z.string().min(1).default("golden-thread"),
});
export type ModerationRule = z.infer<typeof ModerationRule>;
