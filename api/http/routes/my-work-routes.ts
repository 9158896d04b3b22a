// "Waiting for you" on My work: everything other features have asked of the
// signed-in person, besides audits and actions (the tab loads those itself).
// Each service decides what counts as waiting; titles carry case references
// and colleagues' names only, never a child's name.
import { Feedback360 } from "../../services/feedback-360.js";
import { Observations } from "../../services/observations.js";
import { WorkforceVoice } from "../../services/workforce-voice.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

export type WaitingKind = "observation_reflection" | "feedback_360" | "survey" | "bulletin";

export interface WaitingEntry {
  kind: WaitingKind;
  id: string;
  title: string;
  dueDate: string | null;
  /** The tab's hash route where it is done; null when it is answered only on its card in Teams. */
  link: string | null;
  /** Where to do it, in plain English. */
  where: string;
}

// Anonymous answers are given only on the card, so nothing in the tab ties them to a person.
const onCard = "Answer on its card in your Golden Thread chat in Teams. Your answers are anonymous.";

export function myWorkRoutes({ store, actions, bulletins, now }: ApiServices): Route[] {
  const observations = new Observations(store, actions, now);
  const feedback360 = new Feedback360(store);
  const voice = new WorkforceVoice(store, now);
  return [
    route({
      method: "get",
      path: "/api/my-work/waiting",
      tag: "My work",
      summary: "What is waiting for you: observations to reflect on, 360-degree feedback and surveys to answer, bulletins to read",
      responses: { 200: "Your waiting entries, with a due date where there is one" },
      async handle({ viewer }) {
        const person = viewer.person;
        const [reflections, rounds, surveys, unread] = await Promise.all([
          observations.awaitingReflectionFrom(person.id),
          feedback360.unansweredBy(person.id),
          voice.unansweredBy(person),
          bulletins.unreadBy(person),
        ]);
        const supervisorNames = new Map<string, string>();
        for (const round of rounds) {
          if (!supervisorNames.has(round.supervisorId)) supervisorNames.set(round.supervisorId, (await store.get("person", round.supervisorId))?.displayName ?? "a supervisor");
        }
        const waiting: WaitingEntry[] = [
          ...reflections.map((observation) => ({
            kind: "observation_reflection" as const,
            id: observation.id,
            title: observation.caseReference ? `Your reflection on the observation of your practice (case ${observation.caseReference})` : `Your reflection on the observation of your practice on ${observation.observedOn}`,
            dueDate: null,
            link: "#/observations",
            where: "Give your reflection on Observations.",
          })),
          ...rounds.map((round) => ({
            kind: "feedback_360" as const,
            id: round.id,
            title: `360-degree feedback on ${supervisorNames.get(round.supervisorId)}'s supervision`,
            dueDate: null,
            link: null,
            where: onCard,
          })),
          ...surveys.map((survey) => ({ kind: "survey" as const, id: survey.id, title: `Survey: ${survey.title}`, dueDate: survey.closesOn, link: null, where: onCard })),
          ...unread.map((bulletin) => ({ kind: "bulletin" as const, id: bulletin.id, title: `Learning bulletin: ${bulletin.title}`, dueDate: null, link: `#/bulletins/${encodeURIComponent(bulletin.id)}`, where: "Read it and mark it read." })),
        ];
        return { body: { waiting } };
      },
    }),
  ];
}
