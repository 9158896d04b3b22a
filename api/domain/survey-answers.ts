// Reading one person's answers to a survey from a card, and adding them to
// their team's tally. Every scale question must be answered (so each
// question's figures cover the same people as the group's count); comments
// are optional. Pure: randomness is passed in.
import { DomainError } from "./errors.js";
import type { Survey, SurveyTally } from "./records/survey.js";

export interface SurveyAnswers {
  scale: Record<string, number>;
  comments: { questionKey: string; text: string }[];
}

/** Card inputs are named "q:<question key>". */
export const answerInputName = (questionKey: string) => `q:${questionKey}`;

export function readAnswers(survey: Pick<Survey, "questions">, inputs: Record<string, unknown>): SurveyAnswers {
  const answers: SurveyAnswers = { scale: {}, comments: [] };
  const missing: string[] = [];
  for (const question of survey.questions) {
    const raw = inputs[answerInputName(question.key)];
    const value = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
    if (question.type === "scale") {
      const point = Number(value);
      if (value === "") {
        missing.push(question.text);
        continue;
      }
      if (!Number.isInteger(point) || point < 1 || point > question.labels.length) {
        throw new DomainError("invalid_record", `"${question.text}" needs one of the ${question.labels.length} choices. Nothing was saved.`, { field: question.key });
      }
      answers.scale[question.key] = point;
    } else if (value !== "") {
      if (value.length > 2000) {
        throw new DomainError("invalid_record", `Keep your answer to "${question.text}" under 2,000 characters. Nothing was saved.`, { field: question.key });
      }
      answers.comments.push({ questionKey: question.key, text: value });
    }
  }
  if (missing.length > 0) {
    throw new DomainError("invalid_record", `Please answer: ${missing.join("; ")}. Nothing was saved.`, { field: "answers" });
  }
  if (Object.keys(answers.scale).length === 0 && answers.comments.length === 0) {
    throw new DomainError("invalid_record", "Write at least one answer before sending. Nothing was saved.", { field: "answers" });
  }
  return answers;
}

export interface Shuffle {
  /** A fresh random comment id. */
  newId(): string;
  /** A random whole number from 0 to `below` - 1. */
  position(below: number): number;
}

/** The tally with one more respondent's answers in it; comments go in at random places. */
export function tallyWithAnswers(
  tally: Pick<SurveyTally, "respondents" | "scaleCounts" | "comments">,
  survey: Pick<Survey, "questions">,
  answers: SurveyAnswers,
  shuffle: Shuffle,
): Pick<SurveyTally, "respondents" | "scaleCounts" | "comments"> {
  const scaleCounts: Record<string, number[]> = { ...tally.scaleCounts };
  for (const question of survey.questions) {
    if (question.type !== "scale") continue;
    const counts = question.labels.map((_, index) => scaleCounts[question.key]?.[index] ?? 0);
    const point = answers.scale[question.key];
    if (point !== undefined) counts[point - 1]! += 1;
    scaleCounts[question.key] = counts;
  }
  const comments = [...tally.comments];
  for (const comment of answers.comments) {
    comments.splice(shuffle.position(comments.length + 1), 0, { id: shuffle.newId(), questionKey: comment.questionKey, text: comment.text, tags: [] });
  }
  return { respondents: tally.respondents + 1, scaleCounts, comments };
}

export type SurveyState = "draft" | "scheduled" | "open" | "closed";

export function surveyState(survey: Pick<Survey, "status" | "opensOn" | "closesOn">, today: string): SurveyState {
  if (survey.status === "draft") return "draft";
  if (today < survey.opensOn) return "scheduled";
  return today > survey.closesOn ? "closed" : "open";
}
