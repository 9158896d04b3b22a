// Checks the shape of an incoming activity before botbuilder sees it: a bare
// adapter answers malformed bodies with a 500, and we want a specific 400.
import { z } from "zod";

const requiredString = (what: string) => z.string({ error: `${what} is required` }).min(1, `${what} is required`);

const account = (what: string) => z.object({ id: requiredString(`${what}.id`) }, { error: `${what} is required` }).loose();

export const IncomingActivity = z
  .object({
    type: requiredString("type"),
    serviceUrl: z.url({ error: "serviceUrl must be a URL" }),
    channelId: requiredString("channelId"),
    conversation: z.object({ id: requiredString("id") }, { error: "conversation is required" }).loose(),
    from: account("from"),
    recipient: account("recipient").optional(),
    id: z.string().optional(),
    text: z.string().max(28_000, "text is longer than Teams allows").optional(),
  })
  .loose();

export function activityProblems(body: unknown): string[] {
  const result = IncomingActivity.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
}
