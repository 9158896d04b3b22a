// What the observation and 360-degree feedback cards show, for one viewer,
// built from the store (as card-views.ts does for audits). Staff names and
// case references only; a 360 card never shows anyone's answers.
import { feedback360Questions, ratingLabels } from "../api/domain/feedback-360-summary.js";
import { observationSettingLabels, observationSettings } from "../api/domain/records/observation.js";
import type { RecordOperations, Saved } from "../api/store/port.js";
import { allRecords } from "../api/store/all-records.js";
import type { ViewContext } from "./card-views.js";
import { formatDate, formatDue } from "./format.js";

type Notice = { notice: string; noticeColor: "Good" | "Attention" };

export interface ObservationCardView extends Notice {
  observationId: string;
  practitionerName: string;
  observerName: string;
  setting: string;
  observedOn: string;
  caseReference: string;
  strengths: string;
  areasToDevelop: string;
  actions: { title: string; detail: string }[];
  reflection: string;
  canReflect: boolean;
  waitingForReflection: boolean;
  observationUrl: string;
}

export interface ObservationFormView extends Notice {
  practitioners: { title: string; value: string }[];
  settings: { title: string; value: string }[];
  today: string;
}

export interface Feedback360CardView extends Notice {
  roundId: string;
  supervisorName: string;
  questions: { key: string; prompt: string }[];
  ratings: { title: string; value: string }[];
  canAnswer: boolean;
  answered: boolean;
  closed: boolean;
}

function notice(context: ViewContext): Notice {
  return { notice: context.notice ?? "", noticeColor: context.noticeIsProblem ? "Attention" : "Good" };
}

async function personName(store: RecordOperations, personId: string): Promise<string> {
  return (await store.get("person", personId))?.displayName ?? "Someone who has left";
}

export function observationUrl(tabUrl: string, observationId: string): string {
  return `${tabUrl}index.html#/observations?observationId=${encodeURIComponent(observationId)}`;
}

export async function observationView(context: ViewContext, observation: Saved<"observation">): Promise<ObservationCardView> {
  const { store } = context;
  return {
    observationId: observation.id,
    practitionerName: await personName(store, observation.practitionerId),
    observerName: await personName(store, observation.observerId),
    setting: observationSettingLabels[observation.setting],
    observedOn: formatDate(observation.observedOn),
    caseReference: observation.caseReference ?? "—",
    strengths: observation.strengths,
    areasToDevelop: observation.areasToDevelop || "—",
    actions: await Promise.all(
      observation.agreedActions.map(async (action) => ({ title: action.title, detail: `${await personName(store, action.ownerId)}, due ${formatDue(action.dueDate, context.today)}` })),
    ),
    reflection: observation.reflection ?? "",
    canReflect: observation.practitionerId === context.viewerId && observation.status === "awaiting_reflection",
    waitingForReflection: observation.status === "awaiting_reflection" && observation.practitionerId !== context.viewerId,
    observationUrl: observationUrl(context.tabUrl, observation.id),
    ...notice(context),
  };
}

/** The form the "observe" command opens: practitioners the observer may observe. */
export async function observationFormView(context: ViewContext, mayObserve: (teamId: string | undefined) => boolean): Promise<ObservationFormView> {
  const people = await allRecords(context.store, "person");
  return {
    practitioners: people
      .filter((person) => person.id !== context.viewerId && person.roles.includes("practitioner") && mayObserve(person.teamId))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((person) => ({ title: person.displayName, value: person.id })),
    settings: observationSettings.map((setting) => ({ title: observationSettingLabels[setting], value: setting })),
    today: context.today,
    ...notice(context),
  };
}

export async function feedback360View(context: ViewContext, round: Saved<"feedback360Round">): Promise<Feedback360CardView> {
  const asked = round.recipientIds.includes(context.viewerId);
  const answered = round.answeredIds.includes(context.viewerId);
  return {
    roundId: round.id,
    supervisorName: await personName(context.store, round.supervisorId),
    questions: feedback360Questions.map((question) => ({ key: question.key, prompt: question.prompt })),
    ratings: ratingLabels.map((label, index) => ({ title: label, value: String(index + 1) })),
    canAnswer: asked && !answered && round.status === "open",
    answered,
    closed: round.status === "closed",
    ...notice(context),
  };
}
