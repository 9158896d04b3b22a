import { z } from "zod";
import { id, isoDateTime, text } from "./common.js";

// Seed §2.5: 360-degree feedback on a supervisor's supervision, from the
// supervisee and colleagues. Anonymous in aggregate: a round knows who was
// asked and who has answered, an answer knows only its round, and nothing
// stored links the two.

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
  status: z.enum(feedback360Statuses).default("open"),
  closedAt: isoDateTime.optional(),
});
export type Feedback360Round = z.infer<typeof Feedback360Round>;

export const Feedback360Answer = z.object({
  roundId: id,
  ratings: z.array(z.object({ questionKey: z.string().max(40), rating: z.number().int().min(1).max(5) })),
  comment: text(2000).default(""),
});
export type Feedback360Answer = z.infer<typeof Feedback360Answer>;
