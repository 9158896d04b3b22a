// The questions a 360-degree feedback round asks about supervision, and what
// may be shown of the answers: nothing until at least `minimumAnswers`
// people have answered, so that no one answer can be picked out.
import type { Feedback360Answer } from "./records/feedback-360.js";

export const feedback360Questions = [
  { key: "regular", prompt: "Supervision happens regularly and is rarely cancelled" },
  { key: "reflective", prompt: "Supervision helps me reflect on my practice, not just on tasks" },
  { key: "decisions", prompt: "Decisions made in supervision are clear and recorded with reasons" },
  { key: "child-focus", prompt: "Supervision keeps the child's experience at the centre" },
  { key: "wellbeing", prompt: "My wellbeing and workload are talked about and acted on" },
] as const;

export const ratingLabels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"] as const;

export const minimumAnswersShown = 3;

export interface QuestionSummary {
  key: string;
  prompt: string;
  /** How many chose each rating, 1 to 5. */
  counts: [number, number, number, number, number];
  average: number | null;
}

export type Feedback360Summary =
  | { shown: false; answerCount: number; minimum: number }
  | { shown: true; answerCount: number; minimum: number; questions: QuestionSummary[]; comments: string[] };

export function summariseFeedback360(answers: readonly Pick<Feedback360Answer, "ratings" | "comment">[], minimum = minimumAnswersShown): Feedback360Summary {
  const floor = Math.max(minimum, minimumAnswersShown);
  if (answers.length < floor) return { shown: false, answerCount: answers.length, minimum: floor };
  const questions = feedback360Questions.map((question) => {
    const counts: QuestionSummary["counts"] = [0, 0, 0, 0, 0];
    let total = 0;
    let rated = 0;
    for (const answer of answers) {
      const rating = answer.ratings.find((candidate) => candidate.questionKey === question.key)?.rating;
      if (rating === undefined) continue;
      counts[(rating - 1) as 0 | 1 | 2 | 3 | 4] += 1;
      total += rating;
      rated += 1;
    }
    return { key: question.key, prompt: question.prompt, counts, average: rated === 0 ? null : Math.round((total / rated) * 10) / 10 };
  });
  // Sorted, so the order says nothing about who answered when.
  const comments = answers.map((answer) => answer.comment.trim()).filter(Boolean).sort((a, b) => a.localeCompare(b));
  return { shown: true, answerCount: answers.length, minimum: floor, questions, comments };
}
