// The questions a 360-degree feedback round asks about supervision; adding
// one answer to a round's totals; and what may be shown of the totals:
// nothing until at least `minimumAnswersShown` people have answered, so
// that no one answer can be picked out.
import type { Feedback360Round } from "./records/feedback-360.js";

export const feedback360Questions = [
  { key: "regular", prompt: "Supervision happens regularly and is rarely cancelled" },
  { key: "reflective", prompt: "Supervision helps me reflect on my practice, not just on tasks" },
  { key: "decisions", prompt: "Decisions made in supervision are clear and recorded with reasons" },
  { key: "child-focus", prompt: "Supervision keeps the child's experience at the centre" },
  { key: "wellbeing", prompt: "My wellbeing and workload are talked about and acted on" },
] as const;

export const ratingLabels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"] as const;

export const minimumAnswersShown = 3;

type Totals = Pick<Feedback360Round, "ratingCounts" | "comments">;

export interface Feedback360Answer {
  ratings: { questionKey: string; rating: number }[];
  comment: string;
}

/** The round's totals with one more answer added. Comments stay in alphabetical order, so their order says nothing about who answered when. */
export function withAnswer(totals: Totals, answer: Feedback360Answer): Totals {
  const ratingCounts = Object.fromEntries(Object.entries(totals.ratingCounts).map(([key, counts]) => [key, [...counts]]));
  for (const { questionKey, rating } of answer.ratings) {
    const counts = (ratingCounts[questionKey] ??= [0, 0, 0, 0, 0]);
    counts[rating - 1] = (counts[rating - 1] ?? 0) + 1;
  }
  const comment = answer.comment.trim();
  const comments = comment ? [...totals.comments, comment].sort((a, b) => a.localeCompare(b)) : totals.comments;
  return { ratingCounts, comments };
}

export interface QuestionSummary {
  key: string;
  prompt: string;
  /** How many chose each rating, 1 to 5. */
  counts: number[];
  average: number | null;
}

export type Feedback360Summary =
  | { shown: false; answerCount: number; minimum: number }
  | { shown: true; answerCount: number; minimum: number; questions: QuestionSummary[]; comments: string[] };

export function summariseFeedback360(totals: Totals & { answerCount: number }, minimum = minimumAnswersShown): Feedback360Summary {
  const floor = Math.max(minimum, minimumAnswersShown);
  if (totals.answerCount < floor) return { shown: false, answerCount: totals.answerCount, minimum: floor };
  const questions = feedback360Questions.map((question) => {
    const counts = totals.ratingCounts[question.key] ?? [0, 0, 0, 0, 0];
    const rated = counts.reduce((sum, count) => sum + count, 0);
    const total = counts.reduce((sum, count, index) => sum + count * (index + 1), 0);
    return { key: question.key, prompt: question.prompt, counts, average: rated === 0 ? null : Math.round((total / rated) * 10) / 10 };
  });
  return { shown: true, answerCount: totals.answerCount, minimum: floor, questions, comments: [...totals.comments] };
}
