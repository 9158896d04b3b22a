// How the improvement plan is going: each priority's actions (from the
// action tracker) give it a RAG status, with the reason in words, so the
// colour can always be explained. Pure: the caller passes the actions.
import type { ActionStatus } from "./records/action.js";
import { addWorkingDays } from "./working-days.js";

export type Rag = "red" | "amber" | "green" | "complete" | "not_started";

/** An action is amber when it is not done and due within this many working days. */
export const AMBER_WITHIN_WORKING_DAYS = 10;

export interface PlanAction {
  title: string;
  status: ActionStatus;
  dueDate: string;
}

export interface PriorityProgress {
  priorityId: string;
  title: string;
  ownerName: string;
  actions: number;
  done: number;
  rag: Rag;
  reason: string;
}

export interface PlanProgress {
  priorities: PriorityProgress[];
  actions: number;
  done: number;
}

export function actionRag(action: PlanAction, today: string): Rag {
  if (action.status === "done" || action.status === "cancelled") return "complete";
  if (action.dueDate < today) return "red";
  if (action.dueDate <= addWorkingDays(today, AMBER_WITHIN_WORKING_DAYS)) return "amber";
  return "green";
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function priorityProgress(
  priority: { id: string; title: string; ownerName: string },
  actions: readonly PlanAction[],
  today: string,
): PriorityProgress {
  const live = actions.filter((action) => action.status !== "cancelled");
  const done = live.filter((action) => action.status === "done").length;
  const base = { priorityId: priority.id, title: priority.title, ownerName: priority.ownerName, actions: live.length, done };
  if (live.length === 0) return { ...base, rag: "not_started", reason: "No actions have been set for this priority yet." };
  const rags = live.map((action) => actionRag(action, today));
  const red = rags.filter((rag) => rag === "red").length;
  const amber = rags.filter((rag) => rag === "amber").length;
  if (red > 0) return { ...base, rag: "red", reason: `${plural(red, "action")} overdue.` };
  if (amber > 0) return { ...base, rag: "amber", reason: `${plural(amber, "action")} due within ${AMBER_WITHIN_WORKING_DAYS} working days and not done.` };
  if (done === live.length) return { ...base, rag: "complete", reason: "Every action is done." };
  return { ...base, rag: "green", reason: `${plural(live.length - done, "action")} open, all on track.` };
}

export function planProgress(priorities: PriorityProgress[]): PlanProgress {
  return {
    priorities,
    actions: priorities.reduce((sum, priority) => sum + priority.actions, 0),
    done: priorities.reduce((sum, priority) => sum + priority.done, 0),
  };
}
