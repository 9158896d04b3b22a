import { z } from "zod";
import { id, requiredText } from "./common.js";
import { ModerationRule } from "./moderation.js";

// English local authority code (e.g. "E10000014"), as in DfE statistics.
export const Authority = z.object({
  name: requiredText("The authority's name", 120),
  laCode: z.string().regex(/^E\d{8}$/, "A local authority code looks like E10000014").optional(),
  gradeScaleId: id,
  moderationRule: ModerationRule.default({
    sampleRate: 0.25,
    alwaysModerateGrades: ["inadequate", "outstanding"],
    seed: "golden-thread",
    minimumPerAuditorPerQuarter: 0,
    excludeLineManager: true,
  }),
});
export type Authority = z.infer<typeof Authority>;

export const Service = z.object({
  authorityId: id,
  name: requiredText("The service's name", 120),
});
export type Service = z.infer<typeof Service>;

export const Team = z.object({
  serviceId: id,
  name: requiredText("The team's name", 120),
  managerId: id.optional(),
});
export type Team = z.infer<typeof Team>;
