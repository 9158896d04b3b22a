import { z } from "zod";
import { id } from "./common.js";
import { Notification } from "./notification.js";

// Where the bot can reach someone, captured when it is installed. The
// reference is Bot Framework's own shape, kept opaque here so the domain
// knows nothing of Teams.
export const TeamsConversation = z.object({
  conversationId: z.string().min(1),
  conversationType: z.enum(["personal", "channel", "groupChat"]),
  personId: id.optional(),
  aadObjectId: z.string().optional(),
  teamId: z.string().optional(),
  // How Teams names a channel ("Team › Channel"), so people can choose where to post.
  title: z.string().max(300).optional(),
  status: z.enum(["installed", "uninstalled", "blocked"]).default("installed"),
  reference: z.record(z.string(), z.unknown()),
  // The reflection the person is answering in this chat, so a restart resumes it.
  reflection: z.object({ auditId: id, promptKey: z.string() }).optional(),
});
export type TeamsConversation = z.infer<typeof TeamsConversation>;

// A proactive message waiting to be sent, sent, or held back. The
// idempotency key (one per notification and recipient) makes a second
// enqueue of the same message a no-op, so retries and restarts never
// duplicate it.
export const OutboxMessage = z.object({
  idempotencyKey: z.string().min(1).max(300),
  // A person (their 1:1 chat with the bot), or for `to: "channel"` the stored channel conversation's record id.
  recipientId: id,
  to: z.enum(["person", "channel"]).default("person"),
  // The record the message is about (a bulletin…), to count its deliveries.
  subjectId: id.optional(),
  notification: Notification,
  // not_installed: waits for the person to install the bot; blocked: they blocked or removed it;
  // failed: gave up after repeated errors; cancelled: the record it was about has gone.
  status: z.enum(["pending", "sending", "sent", "not_installed", "blocked", "failed", "cancelled"]).default("pending"),
  attempts: z.number().int().min(0).default(0),
  notBefore: z.string().optional(),
  lastError: z.string().max(1000).optional(),
  conversationId: z.string().optional(),
  sentActivityId: z.string().optional(),
  sentAt: z.string().optional(),
  // When a shared queue transport (Azure Storage Queues) was told about it; cleared to tell it again.
  announcedAt: z.string().optional(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
