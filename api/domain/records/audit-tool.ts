import { z } from "zod";
import { id, requiredText, text } from "./common.js";

export const auditTypes = ["regular", "thematic", "multi_agency", "focused", "external", "supervision"] as const;
export const AuditType = z.enum(auditTypes);
export type AuditType = z.infer<typeof AuditType>;

export const auditTypeLabels: Record<AuditType, string> = {
  regular: "Regular case audit",
  thematic: "Thematic (deep dive) audit",
  multi_agency: "Multi-agency audit",
  focused: "Focused audit",
  external: "Externally commissioned audit",
  // Seed §2.5: an audit of the supervision recorded on a case.
  supervision: "Supervision audit",
};

const localKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Use lower-case letters, digits and '-' (up to 40)");

export const AuditQuestion = z.object({
  key: localKey,
  prompt: requiredText("The question", 500),
  guidance: text(2000).default(""),
  // Which practice standards this question tests (seed §2.3: tools are built from standards).
  standardIds: z.array(id).default([]),
});
export type AuditQuestion = z.infer<typeof AuditQuestion>;

export const AuditSection = z.object({
  key: localKey,
  title: requiredText("The section's title", 200),
  questions: z.array(AuditQuestion).min(1, "A section needs at least one question"),
});
export type AuditSection = z.infer<typeof AuditSection>;

// Seed §2.9: practitioners reflect on what went well, what they would do
// differently and what would help them.
export const ReflectivePrompt = z.object({
  key: localKey,
  prompt: requiredText("The reflective prompt", 500),
});
export type ReflectivePrompt = z.infer<typeof ReflectivePrompt>;

export const AuditTool = z
  .object({
    name: requiredText("The audit tool's name", 200),
    auditTypes: z.array(AuditType).min(1, "Say which audit types this tool is for"),
    gradeScaleId: id,
    sections: z.array(AuditSection).min(1, "An audit tool needs at least one section"),
    reflectivePrompts: z.array(ReflectivePrompt).default([]),
    // A tool in use is never changed under its audits: a revision is a new
    // version, and the old one points to it.
    version: z.number().int().positive().default(1),
    previousVersionId: id.optional(),
    supersededById: id.optional(),
  })
  .superRefine((tool, context) => {
    const sectionKeys = tool.sections.map((section) => section.key);
    if (new Set(sectionKeys).size !== sectionKeys.length) {
      context.addIssue({ code: "custom", path: ["sections"], message: "Each section needs its own key" });
    }
    const questionKeys = tool.sections.flatMap((section) => section.questions.map((question) => question.key));
    if (new Set(questionKeys).size !== questionKeys.length) {
      context.addIssue({ code: "custom", path: ["sections"], message: "Each question needs its own key" });
    }
  });
export type AuditTool = z.infer<typeof AuditTool>;
