import { z } from "zod";
import { id, isoDateTime, requiredText, text } from "./common.js";

// Seed §2.10 (learning culture): the Principal Social Worker's learning
// bulletin, posted to team channels and staff chats as an Adaptive Card.
// What it draws on is held by reference (an audit, an audit programme, a
// review's own reference), never by a child's details.

export const bulletinLayouts = ["standard", "seven_minute_briefing"] as const;
export const BulletinLayout = z.enum(bulletinLayouts);
export type BulletinLayout = z.infer<typeof BulletinLayout>;

export const BulletinLink = z.object({
  title: requiredText("The link's title", 120),
  url: z.url({ protocol: /^https?$/, message: "A link must be a full web address starting https://" }).max(1000),
});
export type BulletinLink = z.infer<typeof BulletinLink>;

export const bulletinSourceKinds = ["audit", "finding", "audit_programme", "review"] as const;
export const BulletinSource = z.object({
  kind: z.enum(bulletinSourceKinds),
  // The audit (also for a finding) or programme record; absent for a review, which is known by its reference alone.
  recordId: id.optional(),
  // A finding of that audit: "workingWell:0" is the first thing working well, "needsToBeBetter:1" the second to improve.
  findingKey: z.string().regex(/^(workingWell|needsToBeBetter):\d{1,2}$/, "A finding is workingWell:<n> or needsToBeBetter:<n>").optional(),
  // What the card shows: a case reference, a finding after its case reference, a programme name, or a review's reference such as "LCSPR 2026/03".
  reference: requiredText("What it draws on", 300),
});
export type BulletinSource = z.infer<typeof BulletinSource>;

// Who a bulletin is for. Readers are the members of `teamIds` plus
// `personIds`; each reader is counted as read or not read. Channel posts go
// to the stored Teams channel conversations in `channelIds`.
export const BulletinAudience = z.object({
  channelIds: z.array(id).max(50).default([]),
  teamIds: z.array(id).max(100).default([]),
  personIds: z.array(id).max(5000).default([]),
  // Also send every reader the card in their 1:1 chat with the bot.
  personalChats: z.boolean().default(false),
});
export type BulletinAudience = z.infer<typeof BulletinAudience>;

export const bulletinStatuses = ["draft", "scheduled", "published", "withdrawn"] as const;

export const Bulletin = z.object({
  title: requiredText("The bulletin's title", 150),
  summary: text(2000).default(""),
  keyMessages: z.array(requiredText("A key message", 500)).max(10, "Keep to ten key messages").default([]),
  themes: z.array(requiredText("A theme", 60)).max(10, "Keep to ten themes").default([]),
  links: z.array(BulletinLink).max(10, "Keep to ten links").default([]),
  drawsOn: z.array(BulletinSource).max(20, "Keep to twenty sources").default([]),
  layout: BulletinLayout.default("standard"),
  // The seven-minute briefing's own sections (background is the summary, information the key messages).
  whyItMatters: text(1500).default(""),
  reflectionQuestions: z.array(requiredText("A question", 300)).max(8, "Keep to eight questions").default([]),
  whatToDo: z.array(requiredText("A step", 300)).max(8, "Keep to eight steps").default([]),
  audience: BulletinAudience.default({ channelIds: [], teamIds: [], personIds: [], personalChats: false }),
  status: z.enum(bulletinStatuses).default("draft"),
  authorId: id,
  // When it goes (or went) out; in the future while scheduled.
  publishAt: isoDateTime.optional(),
  publishedById: id.optional(),
});
export type Bulletin = z.infer<typeof Bulletin>;

// One person has read one bulletin. Its id is derived from both, so reading
// twice (two clicks, two devices, card and tab) records one read.
export const BulletinRead = z.object({
  bulletinId: id,
  personId: id,
  readAt: isoDateTime,
  via: z.enum(["card", "tab"]),
});
export type BulletinRead = z.infer<typeof BulletinRead>;

export function bulletinReadId(bulletinId: string, personId: string): string {
  return `${bulletinId}~${personId}`;
}
