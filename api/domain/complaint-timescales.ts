// The working-day timescales of the children's representations procedure
// (Children Act 1989 Representations Procedure (England) Regulations 2006
// and "Getting the best from complaints", DfES 2006):
//   stage 1 (local resolution): 10 working days, extendable to 20;
//   stage 2 (investigation): 25 working days, extendable to 65;
//   stage 3 (review panel): within 30 working days of the request.
// Counted with England and Wales bank holidays (working-days.ts), from the
// day after the complaint or request was received.
import { DomainError } from "./errors.js";
import type { ComplaintStage, ComplaintStageNumber } from "./records/feedback.js";
import { addWorkingDays, workingDaysBetween } from "./working-days.js";

export interface StageTimescale {
  workingDays: number;
  /** The most an extension may allow; equal to workingDays when it cannot be extended. */
  maximumWorkingDays: number;
  name: string;
}

export const stageTimescales: Record<ComplaintStageNumber, StageTimescale> = {
  1: { workingDays: 10, maximumWorkingDays: 20, name: "Stage 1: local resolution" },
  2: { workingDays: 25, maximumWorkingDays: 65, name: "Stage 2: investigation" },
  3: { workingDays: 30, maximumWorkingDays: 30, name: "Stage 3: review panel" },
};

/** A stage due within this many working days (and not yet overdue) is "due soon". */
export const defaultDueSoonWorkingDays = 3;

export type Timeliness = "on_time" | "due_soon" | "overdue" | "responded_on_time" | "responded_late";

export const timelinessLabels: Record<Timeliness, string> = {
  on_time: "On time",
  due_soon: "Due soon",
  overdue: "Overdue",
  responded_on_time: "Responded on time",
  responded_late: "Responded late",
};

export interface StageStatus {
  stage: ComplaintStageNumber;
  name: string;
  startedOn: string;
  workingDays: number;
  extended: boolean;
  dueOn: string;
  respondedOn?: string;
  timeliness: Timeliness;
  /** Working days from today to the due date: negative once overdue; absent once responded. */
  workingDaysLeft?: number;
}

export function stageDueOn(stage: Pick<ComplaintStage, "stage" | "startedOn" | "extendedToWorkingDays">): string {
  return addWorkingDays(stage.startedOn, stage.extendedToWorkingDays ?? stageTimescales[stage.stage].workingDays);
}

/** Where one stage stands on `today`. */
export function stageStatus(stage: ComplaintStage, today: string, dueSoonWorkingDays = defaultDueSoonWorkingDays): StageStatus {
  const timescale = stageTimescales[stage.stage];
  const dueOn = stageDueOn(stage);
  const base = {
    stage: stage.stage,
    name: timescale.name,
    startedOn: stage.startedOn,
    workingDays: stage.extendedToWorkingDays ?? timescale.workingDays,
    extended: stage.extendedToWorkingDays !== undefined,
    dueOn,
  };
  if (stage.respondedOn !== undefined) {
    return { ...base, respondedOn: stage.respondedOn, timeliness: stage.respondedOn <= dueOn ? "responded_on_time" : "responded_late" };
  }
  if (today > dueOn) return { ...base, timeliness: "overdue", workingDaysLeft: 0 - workingDaysBetween(dueOn, today) };
  const left = workingDaysBetween(today, dueOn);
  return { ...base, timeliness: left <= dueSoonWorkingDays ? "due_soon" : "on_time", workingDaysLeft: left };
}

/** The complaint's current stage: the last one. */
export function currentStage(stages: readonly ComplaintStage[]): ComplaintStage | undefined {
  return stages.at(-1);
}

/** Plain-English reasons these stages break the procedure's rules; empty when they keep them. */
export function complaintStageProblems(stages: readonly ComplaintStage[], receivedOn: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  stages.forEach((stage, index) => {
    const at = (field: string) => `stages.${index}.${field}`;
    const timescale = stageTimescales[stage.stage];
    if (stage.stage === 1 && stage.startedOn !== receivedOn) {
      problems.push({ field: at("startedOn"), message: "Stage 1 starts on the day the complaint was received" });
    }
    const previous = stages[index - 1];
    if (previous) {
      if (previous.respondedOn === undefined && stage.startedOn <= stageDueOn(previous)) {
        problems.push({
          field: at("startedOn"),
          message: `Stage ${previous.stage} has not been answered and is not yet overdue, so it cannot go to stage ${stage.stage}`,
        });
      }
      if (previous.respondedOn !== undefined && stage.startedOn < previous.respondedOn) {
        problems.push({ field: at("startedOn"), message: `Stage ${stage.stage} cannot start before the stage ${previous.stage} response` });
      }
      if (stage.startedOn < previous.startedOn) problems.push({ field: at("startedOn"), message: `Stage ${stage.stage} cannot start before stage ${previous.stage}` });
    }
    if (stage.extendedToWorkingDays !== undefined) {
      if (timescale.maximumWorkingDays === timescale.workingDays) {
        problems.push({ field: at("extendedToWorkingDays"), message: `${timescale.name} cannot be extended: the panel meets within ${timescale.workingDays} working days` });
      } else if (stage.extendedToWorkingDays <= timescale.workingDays || stage.extendedToWorkingDays > timescale.maximumWorkingDays) {
        problems.push({
          field: at("extendedToWorkingDays"),
          message: `${timescale.name} can be extended to between ${timescale.workingDays + 1} and ${timescale.maximumWorkingDays} working days`,
        });
      }
      if (!stage.extensionReason?.trim()) problems.push({ field: at("extensionReason"), message: "Say why the timescale was extended" });
    }
    if (stage.respondedOn !== undefined && stage.respondedOn < stage.startedOn) {
      problems.push({ field: at("respondedOn"), message: "The response cannot be before the stage started" });
    }
    if (stage.respondedOn !== undefined && stage.outcome === undefined) {
      problems.push({ field: at("outcome"), message: "Record the outcome with the response" });
    }
  });
  return problems;
}

/** Throws invalid_record naming every broken rule. */
export function assertComplaintStages(stages: readonly ComplaintStage[], receivedOn: string): void {
  const problems = complaintStageProblems(stages, receivedOn);
  if (problems.length > 0) {
    throw new DomainError("invalid_record", `This complaint cannot be saved. ${problems.map((problem) => problem.message).join("; ")}.`, { problems });
  }
}

/** The next stage after the current one, started on `requestedOn`; refused after stage 3. */
export function escalate(stages: readonly ComplaintStage[], requestedOn: string): ComplaintStage[] {
  const current = currentStage(stages);
  if (!current) throw new DomainError("illegal_transition", "This is not a complaint: there is no stage to escalate.");
  if (current.stage === 3) throw new DomainError("illegal_transition", "Stage 3 (the review panel) is the last stage. After it, the complainant can go to the Local Government and Social Care Ombudsman.");
  return [...stages, { stage: (current.stage + 1) as ComplaintStageNumber, startedOn: requestedOn }];
}
