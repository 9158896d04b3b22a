// Practice observation (seed §2.6), including observation of supervision
// (§2.5). Recording an observation raises its agreed actions in the action
// tracker in the same transaction, and asks the practitioner for their
// reflection by card; the reflection completes it.
import { DomainError } from "../domain/errors.js";
import { observationSettingLabels, type AgreedAction, type ObservationSetting } from "../domain/records/observation.js";
import { allRecords } from "../store/all-records.js";
import type { Saved, Store } from "../store/port.js";
import type { ActionTracker } from "./action-tracker.js";
import { enqueueNotification } from "./notify.js";
import { forbidden, requireRecord, staleRecord, type Person } from "./people.js";

export type SavedObservation = Saved<"observation">;

export interface ObservationDetails {
  practitionerId: string;
  setting: ObservationSetting;
  observedOn: string;
  caseReference?: string;
  strengths: string;
  areasToDevelop?: string;
  agreedActions?: Omit<AgreedAction, "actionId">[];
}

export class Observations {
  constructor(
    private readonly store: Store,
    private readonly actions: ActionTracker,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(details: ObservationDetails, observer: Person): Promise<SavedObservation> {
    if (details.practitionerId === observer.id) throw new DomainError("invalid_record", "You cannot observe your own practice: choose the practitioner you observed.", { field: "practitionerId" });
    if (details.observedOn > this.now().toISOString().slice(0, 10)) throw new DomainError("invalid_record", "The observation cannot be in the future.", { field: "observedOn" });
    return this.store.transaction(async (tx) => {
      const practitioner = requireRecord(await tx.get("person", details.practitionerId), "person", details.practitionerId);
      const agreed = details.agreedActions ?? [];
      for (const [index, action] of agreed.entries()) {
        if (!(await tx.get("person", action.ownerId))) throw new DomainError("invalid_record", `There is no person with id ${action.ownerId} to own agreed action ${index + 1}.`, { field: `agreedActions.${index}.ownerId` });
      }
      const observation = await tx.create(
        "observation",
        { ...details, agreedActions: agreed, observerId: observer.id, teamId: practitioner.teamId, status: "awaiting_reflection" },
        observer,
      );
      const reason = `Agreed at a practice observation (${observationSettingLabels[details.setting].toLowerCase()}) on ${details.observedOn}.`;
      const raised: AgreedAction[] = [];
      for (const action of agreed) {
        const saved = await this.actions.raiseWithin(tx, { title: action.title, ownerId: action.ownerId, dueDate: action.dueDate, reason }, observer);
        raised.push({ ...action, actionId: saved.id });
      }
      await enqueueNotification(tx, practitioner.id, { kind: "observation_reflection_requested", observationId: observation.id }, observer);
      return raised.length === 0 ? observation : tx.update("observation", observation.id, { agreedActions: raised }, observation.etag, observer);
    });
  }

  /** Observations still waiting for this practitioner's reflection, oldest first. */
  async awaitingReflectionFrom(practitionerId: string): Promise<SavedObservation[]> {
    const waiting = await allRecords(this.store, "observation", { where: { practitionerId, status: "awaiting_reflection" } });
    return waiting.sort((a, b) => a.observedOn.localeCompare(b.observedOn));
  }

  /** The practitioner's own reflection on what was observed; completes the observation. */
  async reflect(observationId: string, reflection: string, practitioner: Person, ifMatch?: string): Promise<SavedObservation> {
    return this.store.transaction(async (tx) => {
      const observation = requireRecord(await tx.get("observation", observationId), "observation", observationId);
      if (ifMatch !== undefined && ifMatch !== observation.etag) throw staleRecord("observation");
      if (observation.practitionerId !== practitioner.id) throw forbidden("Only the practitioner who was observed can give their reflection.");
      if (observation.status === "complete") throw new DomainError("illegal_transition", "You have already given your reflection on this observation.");
      if (!reflection.trim()) throw new DomainError("invalid_record", "Write your reflection before sending it.", { field: "reflection" });
      return tx.update("observation", observationId, { reflection: reflection.trim(), reflectedAt: this.now().toISOString(), status: "complete" }, observation.etag, practitioner);
    });
  }
}
