import { z } from "zod";
import { id, requiredText, text } from "./common.js";
import { Role } from "./person.js";

// Seed §2.8: clear QA roles and responsibilities, from political leaders to
// frontline practitioners. One record per component of the framework: who
// leads it, who contributes and who is kept informed.
export const FrameworkComponent = z.object({
  number: z.number().int().min(1).max(12),
  name: requiredText("The component's name", 200),
  leadRole: Role,
  leadPersonId: id.optional(),
  contributorRoles: z.array(Role).default([]),
  informedRoles: z.array(Role).default([]),
  notes: text(2000).default(""),
});
export type FrameworkComponent = z.infer<typeof FrameworkComponent>;

export const frameworkComponentNames = [
  "Performance meetings and reports",
  "Performance data",
  "Practice standards, procedures and regulation",
  "Case audit",
  "Supervision standards and audit",
  "Practice observation",
  "Feedback from children and families",
  "Distributed leadership and accountability",
  "Voice of the workforce",
  "Learning culture",
  "Moderation system",
  "Self-evaluation and improvement plan",
] as const;
