// Card actions, routed by verb. Each one re-checks on the server who is
// clicking and what state the record is in (the services do both), so a
// forged, replayed or stale action changes nothing and is answered with the
// card as it is now and a short explanation.
import { z } from "zod";
import { isDomainError } from "../api/domain/errors.js";
import type { ActionTracker } from "../api/services/action-tracker.js";
import type { AuditWorkflow } from "../api/services/audit-workflow.js";
import type { BulletinService } from "../api/services/bulletins.js";
import type { Person } from "../api/services/people.js";
import type { WorkforceVoice } from "../api/services/workforce-voice.js";
import type { Store } from "../api/store/port.js";
import { cardFor, cardKinds, type CardSubject } from "./card-catalogue.js";
import type { AdaptiveCard } from "./cards/render-card.js";
import { canObserve } from "../api/auth/feedback-access.js";
import { observationFormCard } from "./cards/observation-form-card.js";
import { answerFeedback360, recordObservationFromCard, reflectOnObservation, viewerOfPerson, type ObservationForm } from "./observation-actions.js";
import { observationFormView } from "./observation-views.js";

export interface CardActionServices {
  store: Store;
  workflow: AuditWorkflow;
  actions: ActionTracker;
  bulletins: BulletinService;
  voice: WorkforceVoice;
  tabUrl: () => string;
  today: () => string;
  /** Starts the reflection conversation in the chat the card was clicked in. */
  beginReflection: (auditId: string, person: Person) => Promise<void>;
}

export interface CardActionResult {
  card?: AdaptiveCard;
  /** Plain text when there is no card to show (e.g. the record was deleted). */
  message?: string;
}

const id = z.string().trim().min(1).max(100);
const text = (max: number) => z.string().max(max).optional().default("");
const lines = (value: string) => value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

// Inputs from the card arrive merged into the action's data.
const gradesFrom = (data: Record<string, unknown>) =>
  Object.entries(data)
    .filter(([key, value]) => key.startsWith("grade:") && typeof value === "string" && value !== "")
    .map(([key, value]) => ({ sectionKey: key.slice("grade:".length), grade: value as string }));

const schemas = {
  "audit.start": z.object({ auditId: id }),
  "audit.decline": z.object({ auditId: id, reason: text(1000) }),
  "audit.assess": z.object({ auditId: id, overallGrade: text(50), workingWell: text(4000), needsToBeBetter: text(4000) }).loose(),
  "audit.submit": z.object({ auditId: id, overallGrade: text(50), workingWell: text(4000), needsToBeBetter: text(4000) }).loose(),
  "reflection.begin": z.object({ auditId: id }),
  "moderation.agree": z.object({ moderationId: id }),
  "moderation.regrade": z.object({ moderationId: id, rationale: text(4000) }).loose(),
  "moderation.view": z.object({ moderationId: id, comment: text(4000) }).loose(),
  "moderation.accept": z.object({ moderationId: id }),
  "moderation.dispute": z.object({ moderationId: id, reason: text(4000) }),
  "moderation.decide": z.object({ moderationId: id, rationale: text(4000) }).loose(),
  "action.done": z.object({ actionId: id, evidence: text(4000) }),
  "action.extend": z.object({ actionId: id, dueDate: text(10), reason: text(1000) }),
  "bulletin.read": z.object({ bulletinId: id }),
  "observation.record": z.object({
    practitionerId: text(100),
    setting: text(40),
    observedOn: text(10),
    caseReference: text(30),
    strengths: text(4000),
    areasToDevelop: text(4000),
    agreedActions: text(3000),
    actionsDueOn: text(10),
  }),
  "observation.reflect": z.object({ observationId: id, reflection: text(4000) }),
  "feedback360.answer": z.object({ roundId: id, comment: text(2000) }).loose(),
  "survey.answer": z.object({ surveyId: id, occasion: z.string().max(100).optional().default("") }).loose(),
  "card.refresh": z.object({ card: z.enum(cardKinds), id, occasion: z.string().max(100).optional() }),
} as const;

export type CardVerb = keyof typeof schemas;
export const cardVerbs = Object.keys(schemas) as CardVerb[];

function subjectFor(verb: CardVerb, data: Record<string, string>): CardSubject {
  if (verb === "card.refresh") return { card: data.card as CardSubject["card"], id: data.id!, ...(data.occasion ? { occasion: data.occasion } : {}) };
  if (verb === "survey.answer") return { card: "survey", id: data.surveyId!, ...(data.occasion ? { occasion: data.occasion } : {}) };
  if (verb === "reflection.begin") return { card: "reflection", id: data.auditId! };
  if (verb.startsWith("audit.")) return { card: "audit", id: data.auditId! };
  if (verb === "moderation.view") return { card: "moderation_panel", id: data.moderationId! };
  if (verb === "moderation.accept" || verb === "moderation.dispute") return { card: "moderation_outcome", id: data.moderationId! };
  if (verb === "moderation.decide") return { card: "moderation_escalation", id: data.moderationId! };
  if (verb.startsWith("moderation.")) return { card: "moderation", id: data.moderationId! };
  if (verb === "bulletin.read") return { card: "bulletin", id: data.bulletinId! };
  if (verb.startsWith("observation.")) return { card: "observation", id: data.observationId ?? "" };
  if (verb === "feedback360.answer") return { card: "feedback_360", id: data.roundId! };
  return { card: "action", id: data.actionId! };
}

export async function runCardAction(
  services: CardActionServices,
  person: Person,
  teamsUserId: string | undefined,
  verb: string,
  rawData: unknown,
): Promise<CardActionResult> {
  if (!(verb in schemas)) return { message: "Golden Thread did not recognise that button. The card may be out of date." };
  const typedVerb = verb as CardVerb;
  const parsed = schemas[typedVerb].safeParse(rawData ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    return { message: `That card action is missing or has invalid details (${fields}). Nothing was changed.` };
  }
  const data = parsed.data as Record<string, string>;
  let subject = subjectFor(typedVerb, data);
  let notice = "";
  let noticeIsProblem = false;
  try {
    const done = await perform(services, person, typedVerb, data, rawData as Record<string, unknown>);
    notice = typeof done === "string" ? done : done.notice;
    if (typeof done !== "string") subject = done.subject;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "not_found") return { message: error.message };
    // A refused new observation: show the form again with the reason, nothing saved.
    if (typedVerb === "observation.record") return { card: await observationFormFor(services, person, error.message) };
    notice = error.message;
    noticeIsProblem = true;
  }
  const context = { store: services.store, tabUrl: services.tabUrl(), today: services.today(), viewerId: person.id, notice, noticeIsProblem };
  try {
    return { card: await cardFor(subject, context, teamsUserId) };
  } catch (error) {
    if (isDomainError(error, "not_found")) return { message: error.message };
    throw error;
  }
}

async function perform(
  services: CardActionServices,
  person: Person,
  verb: CardVerb,
  data: Record<string, string>,
  raw: Record<string, unknown>,
): Promise<string | { notice: string; subject: CardSubject }> {
  const { workflow, actions, bulletins, voice, beginReflection } = services;
  switch (verb) {
    case "audit.start":
      await workflow.start(data.auditId!, person);
      return "Audit started. Grade it below when you are ready.";
    case "audit.decline":
      await workflow.decline(data.auditId!, data.reason ?? "", person);
      return "You declined this audit. The QA lead has been told.";
    case "audit.assess":
    case "audit.submit": {
      // Save what was typed first, so a failed submission loses nothing.
      await workflow.assess(
        data.auditId!,
        {
          sectionGrades: gradesFrom(raw),
          overallGrade: data.overallGrade || undefined,
          workingWell: lines(data.workingWell ?? ""),
          needsToBeBetter: lines(data.needsToBeBetter ?? ""),
        },
        person,
      );
      if (verb === "audit.assess") return "Draft saved.";
      const { moderation } = await workflow.submit(data.auditId!, person);
      return moderation ? "Submitted. It has been sent for moderation; you will hear the outcome here." : "Submitted and complete. It was not chosen for moderation.";
    }
    case "reflection.begin":
      await beginReflection(data.auditId!, person);
      return "Answer the questions in this chat.";
    case "moderation.agree":
      await workflow.moderate(data.moderationId!, { agree: true }, person);
      return "You agreed with the auditor's grades. They have been told.";
    case "moderation.regrade":
      await workflow.moderate(data.moderationId!, { agree: false, grades: gradesFrom(raw), rationale: data.rationale ?? "" }, person);
      return "Your grades are recorded beside the auditor's. The auditor has been asked to accept them or say why not.";
    case "moderation.view":
      await workflow.moderation.giveView(data.moderationId!, gradesFrom(raw), data.comment ?? "", person);
      return "Your view is recorded. The chair will record the panel's outcome.";
    case "moderation.accept":
      await workflow.moderation.respond(data.moderationId!, { accept: true }, person);
      return "You accepted the moderated grades. They are now the audit's final grades; your own grades are kept beside them.";
    case "moderation.dispute":
      await workflow.moderation.respond(data.moderationId!, { accept: false, reason: data.reason ?? "" }, person);
      return "Your disagreement has gone to the QA lead, whose decision is final.";
    case "moderation.decide":
      await workflow.moderation.decide(data.moderationId!, gradesFrom(raw), data.rationale ?? "", person);
      return "Your decision is recorded as final. The auditor and moderator have been told.";
    case "action.done":
      await actions.markDone(data.actionId!, data.evidence ?? "", person);
      return "Marked done. Thank you.";
    case "action.extend":
      await actions.extend(data.actionId!, data.dueDate ?? "", data.reason ?? "", person);
      return "The due date has moved.";
    case "bulletin.read": {
      const { alreadyRead } = await bulletins.markRead(data.bulletinId!, person, "card");
      return alreadyRead ? `${person.displayName} had already marked this as read.` : `Thank you, ${person.displayName}: your read is recorded.`;
    }
    case "survey.answer":
      await voice.answer(data.surveyId!, data.occasion ?? "", raw, person);
      return "Thank you. Your answers are in, without your name.";
    case "card.refresh":
      return "";
    case "observation.record": {
      const observationId = await recordObservationFromCard(services.store, actions, person, data as unknown as ObservationForm);
      return { notice: "Observation recorded. The practitioner has been asked for their reflection.", subject: { card: "observation", id: observationId } };
    }
    case "observation.reflect":
      await reflectOnObservation(services.store, actions, person, data.observationId!, data.reflection ?? "");
      return "Thank you: your reflection has been added to the observation.";
    case "feedback360.answer":
      await answerFeedback360(services.store, person, data.roundId!, raw, data.comment ?? "");
      return "";
  }
}

/** The "observe" form, for the person, with a notice (why the last attempt was refused). */
export async function observationFormFor(services: Pick<CardActionServices, "store" | "tabUrl" | "today">, person: Person, notice = ""): Promise<AdaptiveCard> {
  const viewer = await viewerOfPerson(services.store, person);
  const context = { store: services.store, tabUrl: services.tabUrl(), today: services.today(), viewerId: person.id, notice, noticeIsProblem: notice !== "" };
  return observationFormCard(await observationFormView(context, (teamId) => canObserve(viewer, teamId)));
}
