import { z } from "zod";
import { id, isoDate, requiredText, text } from "./common.js";
import { AuditType } from "./audit-tool.js";

// A planned set of audits for a period: the QA lead's schedule (seed §2.4).
export const AuditProgramme = z
  .object({
    name: requiredText("The programme's name", 200),
    auditType: AuditType,
    toolId: id,
    theme: text(200).optional(),
    periodStart: isoDate,
    periodEnd: isoDate,
    ownerId: id,
    // Which teams' cases are sampled, how many, and how.
    teamIds: z.array(id).default([]),
    caseCount: z.number().int().min(1, "Sample at least one case").max(1000, "Sample at most 1,000 cases").default(10),
    samplingMethod: z.enum(["random", "stratified"]).default("stratified"),
    // Recorded so anyone can draw the same sample again.
    samplingSeed: z.string().max(100).optional(),
    allowOwnTeamAuditors: z.boolean().default(false),
  })
  .refine((programme) => programme.periodEnd >= programme.periodStart, {
    path: ["periodEnd"],
    message: "The programme must end on or after the day it starts",
  });
export type AuditProgramme = z.infer<typeof AuditProgramme>;
