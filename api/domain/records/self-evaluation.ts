import { z } from "zod";
import { id, isoDate, isoDateTime, requiredText, text } from "./common.js";

// Seed §2.12 and Ofsted's ILACS framework: the self-evaluation (SEF) says what
// leaders know about practice, how they know it and what they will do, for
// each judgement area; the improvement plan turns that into priorities and
// actions. One SEF per year; a closed year is kept as it was.

export const ofstedQuestions = ["know", "how_we_know", "plans"] as const;
export const OfstedQuestion = z.enum(ofstedQuestions);
export type OfstedQuestion = z.infer<typeof OfstedQuestion>;

export const ofstedQuestionLabels: Record<OfstedQuestion, string> = {
  know: "What do you know about the quality and impact of social work practice?",
  how_we_know: "How do you know it?",
  plans: "What are your plans for the next 12 months to maintain or improve practice?",
};

// ILACS judgement areas (Ofsted, inspecting local authority children's services).
export const ilacsAreas = ["leaders", "help_and_protection", "children_in_care", "care_leavers"] as const;
export const IlacsArea = z.enum(ilacsAreas);
export type IlacsArea = z.infer<typeof IlacsArea>;

export const ilacsAreaLabels: Record<IlacsArea, string> = {
  leaders: "The impact of leaders on social work practice with children and families",
  help_and_protection: "The experiences and progress of children who need help and protection",
  children_in_care: "The experiences and progress of children in care",
  care_leavers: "The experiences and progress of care leavers",
};

/** A link to any record that evidences a statement: an audit, a moderation, a KPI, feedback, an observation… */
export const EvidenceReference = z.object({
  kind: z.string().regex(/^[a-zA-Z]{1,40}$/, "Name the kind of record the evidence is"),
  id,
  // Why this record is evidence for the statement, in the author's words.
  note: text(500).default(""),
});
export type EvidenceReference = z.infer<typeof EvidenceReference>;

export const SelfEvaluation = z.object({
  // e.g. "2026-27": the year the SEF looks forward over.
  year: z.string().regex(/^\d{4}-\d{2}$/, "Write the year as 2026-27"),
  startsOn: isoDate,
  status: z.enum(["open", "closed"]).default("open"),
  // The year this one followed, when unfinished priorities were carried forward.
  previousId: id.optional(),
  closedAt: isoDateTime.optional(),
});
export type SelfEvaluation = z.infer<typeof SelfEvaluation>;

export const SefStatement = z.object({
  selfEvaluationId: id,
  area: IlacsArea,
  question: OfstedQuestion,
  text: text(8000).default(""),
  evidence: z.array(EvidenceReference).max(100, "Link at most 100 records to one statement").default([]),
});
export type SefStatement = z.infer<typeof SefStatement>;

export const priorityStatuses = ["active", "achieved", "carried_forward"] as const;

export const ImprovementPriority = z.object({
  selfEvaluationId: id,
  title: requiredText("The priority", 300),
  // What will show the priority made a difference for children.
  impactMeasure: text(2000).default(""),
  ownerId: id,
  statementIds: z.array(id).default([]),
  evidence: z.array(EvidenceReference).max(100).default([]),
  status: z.enum(priorityStatuses).default("active"),
  // Carried forward: the priority it continues, or the one that continues it.
  carriedFromId: id.optional(),
  carriedToId: id.optional(),
  // Progress when the year closed, kept so the old plan still reads as it ended.
  progressAtClose: z
    .object({
      actions: z.number().int().min(0),
      done: z.number().int().min(0),
      rag: z.enum(["red", "amber", "green", "complete", "not_started"]),
      reason: text(300),
    })
    .optional(),
});
export type ImprovementPriority = z.infer<typeof ImprovementPriority>;
