import { z } from "zod";
import { id, isoDateTime, text } from "./common.js";

// Seed §2.5: 360-degree feedback on a supervisor's supervision, from the
// supervisee and colleagues. Anonymous in aggregate: a round knows who was
// asked and who has answered, and holds the answers only added up (how many
// chose each rating, the comments in alphabetical order), so no stored
// answer can be traced to the person who gave it. The audit log records
// these totals only as "withheld" (auditLogWithheldFields).

export const feedback360Statuses = ["open", "closed"] as const;

export const Feedback360Round = z.object({
  supervisorId: id,
  teamId: id.optional(),
  requestedById: id,
  // The supervision audit this round is part of, when there is one.
  auditId: id.optional(),
  recipientIds: z.array(id).min(1, "Ask at least one person"),
  // Who has answered, so nobody answers twice; never which answer is theirs.
  answeredIds: z.array(id).default([]),
  // Per question: how many chose each rating, 1 to 5.
  ratingCounts: z.record(z.string().max(40), z.array(z.number().int().min(0)).length(5)).default({}),
  comments: z.array(text(2000)).default([]),
  status: z.enum(feedback360Statuses).default("open"),
  closedAt: isoDateTime.optional(),
});
export type Feedback360Round = z.infer<typeof Feedback360Round>;

/** The totals the audit log never shows (see api/store/record-changes.ts). */
export const feedback360WithheldFields = ["ratingCounts", "comments"] as const;
