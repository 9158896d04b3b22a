import { z } from "zod";
import { id, isoDate, isoDateTime, requiredText, text } from "./common.js";

// Workforce voice (seed §2, component ix): pulse surveys, annual health
// checks and reflective feedback after audits. Answers are anonymous, so
// they are kept in three separate kinds of record:
//   survey               what is asked, of whom, and when;
//   surveyParticipation  only that a person answered a survey (so they answer once);
//   surveyTally          the answers of a team, added up, with no person in it.
// Nothing links a participation to what was answered: see docs/workforce-voice.md.

export const surveyKinds = ["pulse", "health_check", "reflective"] as const;
export const surveyKindLabels: Record<(typeof surveyKinds)[number], string> = {
  pulse: "Pulse survey",
  health_check: "Annual health check",
  reflective: "Reflective feedback after audits",
};

const questionKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/, "A question key is 1 to 40 lower-case letters, digits, - or _");

export const ScaleQuestion = z.object({
  key: questionKey,
  type: z.literal("scale"),
  text: requiredText("The question", 300),
  // One label per point, lowest first: answers are 1..labels.length.
  labels: z.array(requiredText("A scale label", 40)).min(2, "A scale needs at least 2 points").max(7, "A scale has at most 7 points"),
});

export const FreeTextQuestion = z.object({
  key: questionKey,
  type: z.literal("free_text"),
  text: requiredText("The question", 300),
});

export const SurveyQuestion = z.discriminatedUnion("type", [ScaleQuestion, FreeTextQuestion]);
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

export const SurveyAudience = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("everyone") }),
  z.object({ scope: z.literal("services"), serviceIds: z.array(id).min(1, "Choose at least one service") }),
  z.object({ scope: z.literal("teams"), teamIds: z.array(id).min(1, "Choose at least one team") }),
]);
export type SurveyAudience = z.infer<typeof SurveyAudience>;

export const agreementLabels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

export const Survey = z
  .object({
    title: requiredText("The survey's title", 150),
    kind: z.enum(surveyKinds),
    introduction: text(1000).optional(),
    questions: z
      .array(SurveyQuestion)
      .min(1, "A survey needs at least one question")
      .max(20, "Keep a survey to 20 questions or fewer")
      .refine((questions) => new Set(questions.map((question) => question.key)).size === questions.length, "Each question needs its own key"),
    // Reflective feedback goes to an audit's practitioner and auditor, whatever the audience says.
    audience: SurveyAudience.default({ scope: "everyone" }),
    round: requiredText("The round (e.g. Autumn 2026)", 60),
    // The first round's id: rounds of one series are compared in trends.
    seriesId: id.optional(),
    opensOn: isoDate,
    closesOn: isoDate,
    status: z.enum(["draft", "sent"]).default("draft"),
    sentAt: isoDateTime.optional(),
    ownerId: id,
  })
  .refine((survey) => survey.closesOn >= survey.opensOn, { path: ["closesOn"], message: "The survey must close on or after the day it opens" });
export type Survey = z.infer<typeof Survey>;

// That a person answered: nothing about what, nor when beyond the store's own stamp.
export const SurveyParticipation = z.object({
  surveyId: id,
  personId: id,
  // For reflective feedback: the audit the answer was about (one answer per audit).
  occasion: z.string().max(100).default(""),
});
export type SurveyParticipation = z.infer<typeof SurveyParticipation>;

export const SurveyComment = z.object({
  // Random, so it says nothing about when the comment was made.
  id: z.uuid(),
  questionKey: questionKey,
  text: requiredText("A comment", 2000),
  // Themes the QA lead tagged by hand (keyword themes are worked out when read).
  tags: z.array(requiredText("A theme", 60)).max(10).default([]),
});
export type SurveyComment = z.infer<typeof SurveyComment>;

// One team's answers to one survey, added up. Comments are kept in no
// particular order. The audit log never holds these values (see
// auditLogWithheldFields), so its history cannot be replayed to single out
// the answer that arrived with a given participation.
export const SurveyTally = z.object({
  surveyId: id,
  // One tally per survey and group: see tallyGroupKey.
  groupKey: z.string().min(1).max(120),
  // Absent for staff not placed in a team (or a service).
  teamId: id.optional(),
  serviceId: id.optional(),
  respondents: z.number().int().min(0),
  // Per scale question: how many chose each point, lowest first.
  scaleCounts: z.record(z.string(), z.array(z.number().int().min(0))).default({}),
  comments: z.array(SurveyComment).default([]),
});
export type SurveyTally = z.infer<typeof SurveyTally>;

export const minimumGroupSizeFloor = 3;

export const SurveyTheme = z.object({
  name: requiredText("The theme's name", 60),
  // A comment belongs to the theme when it contains any of these words.
  keywords: z.array(requiredText("A keyword", 40)).max(30).default([]),
});
export type SurveyTheme = z.infer<typeof SurveyTheme>;

// The authority's settings for workforce voice, set by the QA lead.
export const SurveySettings = z.object({
  authorityId: id,
  minimumGroupSize: z
    .number({ error: "The smallest group shown must be a whole number" })
    .int("The smallest group shown must be a whole number")
    .min(minimumGroupSizeFloor, `Results are never shown for groups smaller than ${minimumGroupSizeFloor}: people could be recognised from their answers`)
    .max(50, "The smallest group shown can be at most 50")
    .default(5),
  themes: z.array(SurveyTheme).max(40).default([]),
});
export type SurveySettings = z.infer<typeof SurveySettings>;

/** The group a respondent's answers are added up in: their team, else their service, else "none". */
export function tallyGroupKey(teamId: string | undefined, serviceId: string | undefined): string {
  return teamId ? `team:${teamId}` : serviceId ? `service:${serviceId}` : "none";
}

/** The tally's fields that hold answers (the audit log records them only as "withheld"). */
export const surveyTallyWithheldFields = ["scaleCounts", "comments"] as const;
