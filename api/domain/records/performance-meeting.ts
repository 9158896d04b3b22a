import { z } from "zod";
import { id, isoDate, requiredText, text } from "./common.js";

// Seed §2.1: performance meetings and boards look at the QA evidence, decide
// and set actions. The actions themselves live in the action tracker, linked
// back to the meeting, so they are chased like every other action.
export const meetingKinds = ["performance_meeting", "qa_board", "practice_review", "other"] as const;
export const MeetingKind = z.enum(meetingKinds);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const meetingKindLabels: Record<MeetingKind, string> = {
  performance_meeting: "Monthly performance meeting",
  qa_board: "QA board",
  practice_review: "Practice review meeting",
  other: "Other meeting",
};

export const PerformanceMeeting = z.object({
  title: requiredText("The meeting's title", 200),
  kind: MeetingKind,
  heldOn: isoDate,
  chairId: id.optional(),
  attendeeIds: z.array(id).min(1, "Name at least one person who attended"),
  // The month of QA evidence the meeting looked at (YYYY-MM), e.g. the report pack it discussed.
  reportPeriod: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month in the form YYYY-MM").optional(),
  decisions: z.array(requiredText("A decision", 2000)).default([]),
  notes: text(8000).default(""),
});
export type PerformanceMeeting = z.infer<typeof PerformanceMeeting>;
