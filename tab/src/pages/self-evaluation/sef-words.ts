// The self-evaluation's words: Ofsted's ILACS judgement areas and three
// questions, flags and RAG, as the page shows them.
import type { IlacsArea, OfstedQuestion, Rag, SefStatement } from "../../api/leadership-types";

export const ilacsAreaWords: Record<IlacsArea, string> = {
  leaders: "The impact of leaders on social work practice with children and families",
  help_and_protection: "The experiences and progress of children who need help and protection",
  children_in_care: "The experiences and progress of children in care",
  care_leavers: "The experiences and progress of care leavers",
};

export const ofstedQuestionWords: Record<OfstedQuestion, string> = {
  know: "What do you know about the quality and impact of social work practice?",
  how_we_know: "How do you know it?",
  plans: "What are your plans for the next 12 months to maintain or improve practice?",
};

export const ilacsAreaOrder = Object.keys(ilacsAreaWords) as IlacsArea[];
export const ofstedQuestionOrder = Object.keys(ofstedQuestionWords) as OfstedQuestion[];

export const flagWords: Record<SefStatement["flags"][number], string> = {
  no_evidence: "No evidence linked: say how you know this, or link the records that show it.",
  missing_evidence: "Some linked evidence no longer exists.",
  not_written: "Not written yet.",
};

export const ragWords: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green", complete: "Complete", not_started: "No actions yet" };

export const ragBadgeColour: Record<Rag, "danger" | "warning" | "success" | "brand" | "informative"> = {
  red: "danger",
  amber: "warning",
  green: "success",
  complete: "brand",
  not_started: "informative",
};

/** "2026-27" for a year starting in April 2026: the year a new SEF is likely for. */
export function suggestedYear(today = new Date()): string {
  const start = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}
