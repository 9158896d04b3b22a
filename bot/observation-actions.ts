// Card actions for practice observation and 360-degree feedback: recording
// an observation from the "observe" form, the practitioner's reflection, and
// an anonymous 360 answer. The services re-check who is acting and the
// record's state, as for every other card action.
import { canObserve } from "../api/auth/feedback-access.js";
import type { Viewer } from "../api/auth/viewer.js";
import { DomainError } from "../api/domain/errors.js";
import { Observation, ObservationSetting } from "../api/domain/records/observation.js";
import type { ActionTracker } from "../api/services/action-tracker.js";
import { Feedback360 } from "../api/services/feedback-360.js";
import { Observations } from "../api/services/observations.js";
import type { Person } from "../api/services/people.js";
import type { Store } from "../api/store/port.js";

/** The person as the API's authorisation rules see them. */
export async function viewerOfPerson(store: Store, person: Person): Promise<Viewer> {
  const serviceTeamIds = person.serviceId ? (await store.query("team", { where: { serviceId: person.serviceId }, limit: 500 })).records.map((team) => team.id) : [];
  return { person, roles: person.roles, signIn: "entra", serviceTeamIds };
}

export interface ObservationForm {
  practitionerId: string;
  setting: string;
  observedOn: string;
  caseReference: string;
  strengths: string;
  areasToDevelop: string;
  agreedActions: string;
  actionsDueOn: string;
}

/** Records the observation typed into the form card; returns its id. */
export async function recordObservationFromCard(store: Store, actions: ActionTracker, person: Person, form: ObservationForm): Promise<string> {
  const practitioner = await store.get("person", form.practitionerId);
  if (!practitioner) throw new DomainError("invalid_record", "Choose the practitioner you observed.", { field: "practitionerId" });
  if (!canObserve(await viewerOfPerson(store, person), practitioner.teamId)) {
    throw new DomainError("forbidden", "You can record observations only of practitioners in the teams you manage or lead.");
  }
  const setting = ObservationSetting.safeParse(form.setting);
  if (!setting.success) throw new DomainError("invalid_record", "Choose the setting of the observation.", { field: "setting" });
  const titles = form.agreedActions.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (titles.length > 0 && !/^\d{4}-\d{2}-\d{2}$/.test(form.actionsDueOn)) {
    throw new DomainError("invalid_record", "Give the date the agreed actions are due by.", { field: "actionsDueOn" });
  }
  const details = {
    practitionerId: practitioner.id,
    setting: setting.data,
    observedOn: form.observedOn,
    caseReference: form.caseReference.trim() || undefined,
    strengths: form.strengths,
    areasToDevelop: form.areasToDevelop,
    agreedActions: titles.map((title) => ({ title, ownerId: practitioner.id, dueDate: form.actionsDueOn })),
  };
  // The record's own rules (dates, case reference, lengths), named field by field, before anything is saved.
  const checked = Observation.safeParse({ ...details, observerId: person.id });
  if (!checked.success) {
    throw new DomainError("invalid_record", `The observation cannot be recorded: ${checked.error.issues.map((issue) => issue.message).join("; ")}.`);
  }
  const observation = await new Observations(store, actions).record(details, person);
  return observation.id;
}

export async function reflectOnObservation(store: Store, actions: ActionTracker, person: Person, observationId: string, reflection: string): Promise<void> {
  await new Observations(store, actions).reflect(observationId, reflection, person);
}

/** Ratings arrive as inputs named "rating:<question key>" with values "1" to "5". */
export async function answerFeedback360(store: Store, person: Person, roundId: string, raw: Record<string, unknown>, comment: string): Promise<void> {
  const ratings = Object.entries(raw)
    .filter(([key, value]) => key.startsWith("rating:") && typeof value === "string" && value !== "")
    .map(([key, value]) => ({ questionKey: key.slice("rating:".length), rating: Number(value) }));
  if (ratings.some((rating) => !Number.isInteger(rating.rating) || rating.rating < 1 || rating.rating > 5)) {
    throw new DomainError("invalid_record", "Each rating is from 1 (strongly disagree) to 5 (strongly agree).");
  }
  await new Feedback360(store).answer(roundId, person, ratings, comment);
}
