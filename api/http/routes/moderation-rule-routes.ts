// The authority's moderation sampling rule: the share of audits drawn, the
// grades always moderated, the minimum per auditor per quarter, whether an
// auditor's line manager may moderate them, and the seed of the draw.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { ModerationRule } from "../../domain/records/moderation.js";
import type { Store } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

// Only the fields sent change (no defaults here, so a missing field keeps its value).
const RuleChanges = z
  .object({
    sampleRate: z.number().min(0, "The sample rate is between 0 and 1").max(1, "The sample rate is between 0 and 1"),
    alwaysModerateGrades: z.array(z.string().max(50)).max(20),
    seed: z.string().trim().min(1, "The seed cannot be empty").max(100),
    minimumPerAuditorPerQuarter: z.number().int("The minimum is a whole number").min(0).max(50),
    excludeLineManager: z.boolean(),
  })
  .partial()
  .strict();

async function theAuthority(store: Store) {
  const [authority] = (await store.query("authority", { limit: 1 })).records;
  if (!authority) throw new DomainError("not_found", "There is no authority set up yet.");
  return authority;
}

export function moderationRuleRoutes({ store }: ApiServices): Route[] {
  return [
    route({
      method: "get",
      path: "/api/moderation/rule",
      tag: "Moderation",
      summary: "The authority's moderation sampling rule, with the authority's ETag",
      responses: { 200: "The rule" },
      async handle() {
        const authority = await theAuthority(store);
        return { body: authority.moderationRule, etag: authority.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/moderation/rule",
      tag: "Moderation",
      summary: "Change the moderation sampling rule (QA lead). Audits submitted from now on are sampled by it; earlier samples keep the seed they were drawn with",
      body: RuleChanges,
      requiresIfMatch: true,
      responses: { 200: "The rule as saved" },
      async handle({ viewer, body, ifMatch }) {
        if (!viewer.roles.includes("qa_lead")) throw new DomainError("forbidden", "Only the QA lead sets the moderation rule.");
        const authority = await theAuthority(store);
        const moderationRule = ModerationRule.parse({ ...authority.moderationRule, ...body });
        const saved = await store.update("authority", authority.id, { moderationRule }, ifMatch, viewer.person);
        return { body: saved.moderationRule, etag: saved.etag };
      },
    }),
  ];
}
