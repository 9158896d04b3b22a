// The register of compliments and complaints: recording, editing, and moving
// a complaint through the stages of the representations procedure
// (extension, response, escalation). Where each stage stands against its
// working-day timescale is worked out by the domain, never stored.
import {
  assertComplaintStages,
  currentStage,
  defaultDueSoonWorkingDays,
  escalate,
  stageDueOn,
  stageStatus,
  stageTimescales,
  type StageStatus,
  type Timeliness,
} from "../domain/complaint-timescales.js";
import { DomainError } from "../domain/errors.js";
import type { ComplaintOutcome, ComplaintStage, FeedbackSource, FeedbackType } from "../domain/records/feedback.js";
import type { Actor, RecordOperations, Saved, Store } from "../store/port.js";
import { requireRecord, staleRecord } from "./people.js";

export type SavedFeedback = Saved<"feedback">;

export interface FeedbackDetails {
  type: FeedbackType;
  source: FeedbackSource;
  receivedOn: string;
  theme: string;
  teamId: string;
  caseReference?: string;
  summary?: string;
}

/** Where a piece of feedback stands today: for a complaint, each stage against its timescale. */
export interface FeedbackStanding {
  open: boolean;
  stages: StageStatus[];
  /** The current stage's timeliness; absent for a compliment. */
  timeliness?: Timeliness;
}

export function standingOf(feedback: Pick<SavedFeedback, "type" | "stages">, today: string, dueSoonWorkingDays = defaultDueSoonWorkingDays): FeedbackStanding {
  if (feedback.type === "compliment") return { open: false, stages: [] };
  const stages = feedback.stages.map((stage) => stageStatus(stage, today, dueSoonWorkingDays));
  const current = stages.at(-1);
  return { open: current?.respondedOn === undefined, stages, timeliness: current?.timeliness };
}

export class FeedbackRegister {
  constructor(private readonly store: Store) {}

  /** A new compliment, or a complaint at stage 1 from the day it was received. */
  async record(details: FeedbackDetails, actor: Actor, options: { importKey?: string } = {}, tx: RecordOperations = this.store): Promise<SavedFeedback> {
    const team = requireRecord(await tx.get("team", details.teamId), "team", details.teamId);
    const stages: ComplaintStage[] = details.type === "complaint" ? [{ stage: 1, startedOn: details.receivedOn }] : [];
    assertComplaintStages(stages, details.receivedOn);
    // Refuses a date outside the working-day calendar now, not when the register is next shown.
    for (const stage of stages) stageDueOn(stage);
    return tx.create("feedback", { ...details, serviceId: team.serviceId, stages, recordedById: actor.id, importKey: options.importKey }, actor);
  }

  /** Corrects the details; a complaint's stage 1 moves with the day it was received. */
  async edit(feedbackId: string, changes: Partial<FeedbackDetails>, ifMatch: string, actor: Actor): Promise<SavedFeedback> {
    return this.change(feedbackId, ifMatch, actor, async (feedback, tx) => {
      if (changes.type !== undefined && changes.type !== feedback.type) {
        throw new DomainError("invalid_record", "A compliment cannot become a complaint, or the other way round: record it again as the right type.", { field: "type" });
      }
      const receivedOn = changes.receivedOn ?? feedback.receivedOn;
      const stages = feedback.stages.map((stage) => (stage.stage === 1 ? { ...stage, startedOn: receivedOn } : stage));
      const team = changes.teamId ? requireRecord(await tx.get("team", changes.teamId), "team", changes.teamId) : undefined;
      return { ...changes, stages, ...(team ? { serviceId: team.serviceId } : {}) };
    });
  }

  async extendStage(feedbackId: string, workingDays: number, reason: string, ifMatch: string, actor: Actor): Promise<SavedFeedback> {
    return this.change(feedbackId, ifMatch, actor, async (feedback) => {
      const stage = this.openStage(feedback);
      const timescale = stageTimescales[stage.stage];
      if (timescale.maximumWorkingDays === timescale.workingDays) {
        throw new DomainError("illegal_transition", `${timescale.name} cannot be extended: the panel must meet within ${timescale.workingDays} working days of the request.`);
      }
      return { stages: this.replaceCurrent(feedback, { ...stage, extendedToWorkingDays: workingDays, extensionReason: reason.trim() }) };
    });
  }

  async respond(feedbackId: string, respondedOn: string, outcome: ComplaintOutcome, ifMatch: string, actor: Actor, now: Date): Promise<SavedFeedback> {
    return this.change(feedbackId, ifMatch, actor, async (feedback) => {
      const stage = this.openStage(feedback);
      return { stages: this.replaceCurrent(feedback, { ...stage, respondedOn, outcome }), closedAt: now.toISOString() };
    });
  }

  /** The complainant asked for the next stage on `requestedOn`. */
  async escalate(feedbackId: string, requestedOn: string, ifMatch: string, actor: Actor): Promise<SavedFeedback> {
    return this.change(feedbackId, ifMatch, actor, async (feedback) => {
      if (feedback.type !== "complaint") throw new DomainError("illegal_transition", "Only a complaint has stages.");
      return { stages: escalate(feedback.stages, requestedOn), closedAt: undefined };
    });
  }

  private openStage(feedback: SavedFeedback): ComplaintStage {
    if (feedback.type !== "complaint") throw new DomainError("illegal_transition", "Only a complaint has stages.");
    const stage = currentStage(feedback.stages)!;
    if (stage.respondedOn !== undefined) {
      throw new DomainError("illegal_transition", `Stage ${stage.stage} was answered on ${stage.respondedOn}. If the complainant is not satisfied, move it to the next stage.`);
    }
    return stage;
  }

  private replaceCurrent(feedback: SavedFeedback, stage: ComplaintStage): ComplaintStage[] {
    return [...feedback.stages.slice(0, -1), stage];
  }

  private async change(
    feedbackId: string,
    ifMatch: string,
    actor: Actor,
    changesFor: (feedback: SavedFeedback, tx: RecordOperations) => Promise<Partial<SavedFeedback>>,
  ): Promise<SavedFeedback> {
    return this.store.transaction(async (tx) => {
      const feedback = requireRecord(await tx.get("feedback", feedbackId), "compliment or complaint", feedbackId);
      if (ifMatch !== feedback.etag) throw staleRecord("record");
      const changes = await changesFor(feedback, tx);
      const { id: _id, etag: _etag, createdAt: _created, updatedAt: _updated, ...current } = feedback;
      const next = { ...current, ...changes };
      assertComplaintStages(next.stages, next.receivedOn);
      for (const stage of next.stages) stageDueOn(stage);
      return tx.update("feedback", feedbackId, changes, feedback.etag, actor);
    });
  }
}
