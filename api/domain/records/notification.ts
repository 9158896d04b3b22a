import { z } from "zod";
import { id, isoDate } from "./common.js";

// Something a person must be told about. Services record a notification in
// the same transaction as the change it announces; the bot turns it into a
// card when it sends it, so the card shows the record as it is then.
export const Notification = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("audit_assigned"), auditId: id }),
  z.object({ kind: z.literal("audit_declined"), auditId: id }),
  z.object({ kind: z.literal("reflection_requested"), auditId: id }),
  z.object({ kind: z.literal("moderation_requested"), moderationId: id }),
  z.object({ kind: z.literal("moderation_outcome"), moderationId: id }),
  z.object({ kind: z.literal("moderation_panel_invited"), moderationId: id }),
  z.object({ kind: z.literal("moderation_escalated"), moderationId: id }),
  z.object({ kind: z.literal("moderation_resolved"), moderationId: id }),
  z.object({ kind: z.literal("parallel_audit_compared"), moderationId: id }),
  z.object({ kind: z.literal("action_raised"), actionId: id }),
  z.object({ kind: z.literal("action_overdue"), actionId: id, on: isoDate }),
  z.object({ kind: z.literal("bulletin_published"), bulletinId: id }),
  z.object({ kind: z.literal("you_said_we_did_published"), updateId: id }),
  z.object({ kind: z.literal("observation_reflection_requested"), observationId: id }),
  z.object({ kind: z.literal("feedback_360_requested"), roundId: id }),
  z.object({ kind: z.literal("survey_sent"), surveyId: id }),
  z.object({ kind: z.literal("reflective_feedback_requested"), surveyId: id, auditId: id }),
]);
export type Notification = z.infer<typeof Notification>;
