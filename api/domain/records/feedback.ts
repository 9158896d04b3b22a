import { z } from "zod";
import { caseReferencePattern } from "./case-reference.js";
import { id, isoDate, isoDateTime, requiredText, text } from "./common.js";

// Seed §2.7: compliments and complaints from children and families. A case
// is named only by its case reference, never by a child's or parent's name.

export const feedbackTypes = ["compliment", "complaint"] as const;
export const FeedbackType = z.enum(feedbackTypes);
export type FeedbackType = z.infer<typeof FeedbackType>;

export const feedbackSources = ["child_or_young_person", "parent_or_carer", "family_member", "advocate", "professional", "other"] as const;
export const FeedbackSource = z.enum(feedbackSources, { error: `The source is one of: ${feedbackSources.join(", ")}` });
export type FeedbackSource = z.infer<typeof FeedbackSource>;

export const feedbackSourceLabels: Record<FeedbackSource, string> = {
  child_or_young_person: "Child or young person",
  parent_or_carer: "Parent or carer",
  family_member: "Other family member",
  advocate: "Advocate",
  professional: "Professional on the family's behalf",
  other: "Someone else",
};

// The children's representations procedure (Children Act 1989 s.26 and the
// 2006 regulations): local resolution, investigation, review panel.
export const complaintStageNumbers = [1, 2, 3] as const;
export const ComplaintStageNumber = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type ComplaintStageNumber = z.infer<typeof ComplaintStageNumber>;

export const complaintOutcomes = ["upheld", "partly_upheld", "not_upheld", "withdrawn"] as const;
export const ComplaintOutcome = z.enum(complaintOutcomes, { error: `The outcome is one of: ${complaintOutcomes.join(", ")}` });
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

export const ComplaintStage = z.object({
  stage: ComplaintStageNumber,
  // The day the complaint (stage 1) or the request to go to this stage was received.
  startedOn: isoDate,
  // Set when the timescale was extended, with why (stages 1 and 2 only).
  extendedToWorkingDays: z.number().int().positive().optional(),
  extensionReason: text(1000).optional(),
  // Stage 1 and 2: the response sent; stage 3: the day the review panel met.
  respondedOn: isoDate.optional(),
  outcome: ComplaintOutcome.optional(),
});
export type ComplaintStage = z.infer<typeof ComplaintStage>;

export const Feedback = z
  .object({
    type: FeedbackType,
    source: FeedbackSource,
    receivedOn: isoDate,
    theme: requiredText("The theme", 200),
    teamId: id,
    // Copied from the team, for service-wide views without a join.
    serviceId: id.optional(),
    caseReference: z
      .string()
      .trim()
      .toUpperCase()
      .regex(caseReferencePattern, "A case reference is the case recording system's ID (such as NM-100231): no names or spaces")
      .optional(),
    summary: text(2000).default(""),
    // Complaints only: the stages reached, in order.
    stages: z.array(ComplaintStage).default([]),
    // Imported rows: "<participation tool>:<the tool's own id>", so a second import of the same file adds nothing.
    importKey: text(300).optional(),
    recordedById: id,
    closedAt: isoDateTime.optional(),
  })
  .superRefine((feedback, context) => {
    if (feedback.type === "compliment" && feedback.stages.length > 0) {
      context.addIssue({ code: "custom", path: ["stages"], message: "A compliment has no complaint stages" });
    }
    if (feedback.type === "complaint" && feedback.stages.length === 0) {
      context.addIssue({ code: "custom", path: ["stages"], message: "A complaint starts at stage 1" });
    }
    feedback.stages.forEach((stage, index) => {
      if (stage.stage !== index + 1) context.addIssue({ code: "custom", path: ["stages", index, "stage"], message: "Stages run 1, 2, 3 in order" });
    });
  });
export type Feedback = z.infer<typeof Feedback>;
