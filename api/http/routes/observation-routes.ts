// Practice observation (seed §2.5, §2.6): recording an observation with its
// agreed actions, the practitioner's reflection, and the list each person
// may see; and 360-degree feedback requests with their anonymous results.
import { z } from "zod";
import { canObserve, canSeeFeedback360, canSeeObservation, observationFilters } from "../../auth/feedback-access.js";
import type { Viewer } from "../../auth/viewer.js";
import { dayOf } from "../../domain/calendar.js";
import { DomainError } from "../../domain/errors.js";
import { feedback360Questions } from "../../domain/feedback-360-summary.js";
import { isoDate } from "../../domain/records/common.js";
import { ObservationSetting, ObservationStatus } from "../../domain/records/observation.js";
import { Feedback360, type SavedRound } from "../../services/feedback-360.js";
import { Observations, type SavedObservation } from "../../services/observations.js";
import { allRecords } from "../../store/all-records.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";
import { PageQuery, pageWithinScope } from "./paging.js";

const ObservationParams = z.object({ observationId: z.string().min(1).max(100) });
const RoundParams = z.object({ roundId: z.string().min(1).max(100) });

const RecordObservation = z.object({
  practitionerId: z.string().min(1, "Choose the practitioner you observed").max(100),
  setting: ObservationSetting,
  observedOn: isoDate,
  caseReference: z.string().trim().max(30).optional().transform((value) => value || undefined),
  strengths: z.string().trim().min(1, "Say what went well").max(4000),
  areasToDevelop: z.string().trim().max(4000).default(""),
  agreedActions: z
    .array(z.object({ title: z.string().trim().min(1, "Say what needs to happen").max(300), ownerId: z.string().min(1).max(100), dueDate: isoDate }))
    .max(20)
    .default([]),
});

/** A round as the API shows it: who answered and the raw totals stay inside; results come from the summary. */
function withoutAnswers({ answeredIds: _answered, ratingCounts: _counts, comments: _comments, ...round }: SavedRound) {
  return round;
}

export function observationRoutes({ store, actions, now, notificationsQueued }: ApiServices): Route[] {
  const observations = new Observations(store, actions, now);
  const feedback360 = new Feedback360(store);
  const respond = (observation: SavedObservation, status = 200) => ({ status, body: observation, etag: observation.etag });

  async function visibleObservation(viewer: Viewer, observationId: string): Promise<SavedObservation> {
    const observation = await store.get("observation", observationId);
    if (!observation || !canSeeObservation(viewer, observation)) throw new DomainError("not_found", `There is no observation with id ${observationId} that you can see.`, { observationId });
    return observation;
  }

  return [
    route({
      method: "get",
      path: "/api/observations",
      tag: "Observation",
      summary: "Practice observations you can see, most recent first",
      query: PageQuery.extend({ practitionerId: z.string().max(100).optional(), status: ObservationStatus.optional(), setting: ObservationSetting.optional() }),
      responses: { 200: "A page of observations" },
      async handle({ viewer, query }) {
        const filters: Record<string, string> = {};
        for (const field of ["practitionerId", "status", "setting"] as const) if (query[field] !== undefined) filters[field] = query[field];
        const page = await pageWithinScope(store, "observation", observationFilters(viewer), filters, "observedOn", query);
        return { body: { observations: page.records, nextCursor: page.nextCursor ?? null } };
      },
    }),
    route({
      method: "get",
      path: "/api/observations/:observationId",
      tag: "Observation",
      summary: "One observation",
      params: ObservationParams,
      responses: { 200: "The observation", 404: "No such observation that you can see" },
      async handle({ viewer, params }) {
        return respond(await visibleObservation(viewer, params.observationId));
      },
    }),
    route({
      method: "post",
      path: "/api/observations",
      tag: "Observation",
      summary: "Record an observation; its agreed actions go to the action tracker and the practitioner is asked for their reflection",
      body: RecordObservation,
      responses: { 201: "The observation, with the ids of the actions raised" },
      async handle({ viewer, body }) {
        const practitioner = await store.get("person", body.practitionerId);
        if (!practitioner) throw new DomainError("invalid_record", `There is no person with id ${body.practitionerId}.`, { field: "practitionerId" });
        if (!canObserve(viewer, practitioner.teamId)) throw new DomainError("forbidden", "You can record observations only of practitioners in the teams you manage or lead.", { field: "practitionerId" });
        const observation = await observations.record(body, viewer.person);
        notificationsQueued();
        return respond(observation, 201);
      },
    }),
    route({
      method: "post",
      path: "/api/observations/:observationId/reflection",
      tag: "Observation",
      summary: "The practitioner's reflection on the observation",
      params: ObservationParams,
      body: z.object({ reflection: z.string().max(4000) }),
      requiresIfMatch: true,
      responses: { 200: "The observation, complete" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleObservation(viewer, params.observationId);
        return respond(await observations.reflect(params.observationId, body.reflection, viewer.person, ifMatch));
      },
    }),
    route({
      method: "post",
      path: "/api/supervision-feedback",
      tag: "Observation",
      summary: "Ask the supervisee and colleagues for anonymous 360-degree feedback on a supervisor's supervision (sent as cards)",
      body: z.object({
        supervisorId: z.string().min(1, "Choose the supervisor").max(100),
        recipientIds: z.array(z.string().min(1).max(100)).min(1, "Ask at least one person").max(50),
        auditId: z.string().max(100).optional(),
      }),
      responses: { 201: "The request" },
      async handle({ viewer, body }) {
        const supervisor = await store.get("person", body.supervisorId);
        if (!supervisor) throw new DomainError("invalid_record", `There is no person with id ${body.supervisorId}.`, { field: "supervisorId" });
        if (!canObserve(viewer, supervisor.teamId)) throw new DomainError("forbidden", "You can ask for 360-degree feedback only on supervisors in the teams you manage or lead.", { field: "supervisorId" });
        const round = await feedback360.request(body, viewer.person);
        notificationsQueued();
        return { status: 201, body: { ...withoutAnswers(round), answerCount: 0 }, etag: round.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/supervision-feedback",
      tag: "Observation",
      summary: "360-degree feedback requests you can see, newest first, each with its results in aggregate",
      responses: { 200: "The requests; results only where at least 3 people answered" },
      async handle({ viewer }) {
        const rounds = (await allRecords(store, "feedback360Round")).filter((round) => canSeeFeedback360(viewer, round));
        rounds.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        const shown = await Promise.all(
          rounds.map(async (round) => ({ ...withoutAnswers(round), answerCount: round.answeredIds.length, summary: feedback360.summary(round) })),
        );
        return { body: { rounds: shown, questions: feedback360Questions } };
      },
    }),
    route({
      method: "get",
      path: "/api/supervision-feedback/:roundId",
      tag: "Observation",
      summary: "A 360-degree feedback request and its results in aggregate (shown once at least 3 people have answered)",
      params: RoundParams,
      responses: { 200: "Who was asked, how many answered, and the results when enough have answered", 404: "No such request that you can see" },
      async handle({ viewer, params }) {
        const round = await store.get("feedback360Round", params.roundId);
        if (!round || !canSeeFeedback360(viewer, round)) throw new DomainError("not_found", `There is no 360-degree feedback request with id ${params.roundId} that you can see.`, { roundId: params.roundId });
        // Who answered stays inside the service: results list neither names nor order.
        return { body: { ...withoutAnswers(round), answerCount: round.answeredIds.length, questions: feedback360Questions, summary: feedback360.summary(round), today: dayOf(now()) } };
      },
    }),
    route({
      method: "post",
      path: "/api/supervision-feedback/:roundId/close",
      tag: "Observation",
      summary: "Close a 360-degree feedback request: no more answers are taken",
      params: RoundParams,
      responses: { 200: "The request, closed", 404: "No such request that you can see" },
      async handle({ viewer, params }) {
        const round = await store.get("feedback360Round", params.roundId);
        if (!round || !canSeeFeedback360(viewer, round)) throw new DomainError("not_found", `There is no 360-degree feedback request with id ${params.roundId} that you can see.`, { roundId: params.roundId });
        if (round.requestedById !== viewer.person.id && !canObserve(viewer, round.teamId)) throw new DomainError("forbidden", "Only whoever asked for this feedback, or a manager over the supervisor's team, can close it.");
        const closed = await feedback360.close(round.id, viewer.person, now());
        return { body: { ...withoutAnswers(closed), answerCount: closed.answeredIds.length, summary: feedback360.summary(closed) } };
      },
    }),
  ];
}
