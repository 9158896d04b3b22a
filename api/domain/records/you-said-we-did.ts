import { z } from "zod";
import { id, isoDateTime, requiredText, text } from "./common.js";

// Seed §2.7: "you said, we did". A theme from children's and families'
// feedback, what we heard, and what changed; every "we did" names the
// actions that evidence it. Published as a card to staff channels and as a
// plain-language page that can be printed for children and families, so
// nothing in it may identify a child (see familyTextProblems).
export const WeDid = z.object({
  text: requiredText("What we did", 600),
  actionIds: z.array(id).min(1, "Link at least one action that shows this was done").max(20),
});
export type WeDid = z.infer<typeof WeDid>;

export const YouSaidWeDid = z.object({
  theme: requiredText("The theme", 120),
  youSaid: requiredText("What children and families told us", 1500),
  response: text(1500).default(""),
  weDid: z.array(WeDid).min(1, "Say at least one thing we did").max(10, "Keep to ten things we did"),
  // Feedback records this theme came from (kind `feedback`, when the register holds them).
  feedbackIds: z.array(id).max(200).default([]),
  channelIds: z.array(id).max(50).default([]),
  status: z.enum(["draft", "published"]).default("draft"),
  authorId: id,
  publishedAt: isoDateTime.optional(),
});
export type YouSaidWeDid = z.infer<typeof YouSaidWeDid>;

// Case references (NM-100231), NHS numbers and dates of birth must never reach a family page.
const identifierPatterns: { pattern: RegExp; what: string }[] = [
  { pattern: /\b[A-Z]{1,4}-?\d{4,}\b/, what: "a case reference" },
  { pattern: /\b\d{3}\s?\d{3}\s?\d{4}\b/, what: "an NHS number" },
  { pattern: /\b\d{1,2}[/.]\d{1,2}[/.](19|20)\d{2}\b/, what: "a date of birth" },
];

/** Text fields of a "you said, we did" that look like they identify a child: field and what was found. */
export function familyTextProblems(update: Pick<YouSaidWeDid, "theme" | "youSaid" | "response" | "weDid">): { field: string; message: string }[] {
  const fields: [string, string][] = [
    ["theme", update.theme],
    ["youSaid", update.youSaid],
    ["response", update.response],
    ...update.weDid.map((entry, index): [string, string] => [`weDid.${index}.text`, entry.text]),
  ];
  const problems: { field: string; message: string }[] = [];
  for (const [field, value] of fields) {
    const found = identifierPatterns.find(({ pattern }) => pattern.test(value));
    if (found) problems.push({ field, message: `This looks like ${found.what}. This page is shared with children and families: take it out.` });
  }
  return problems;
}
