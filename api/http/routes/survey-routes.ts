// Workforce voice in the tab: the QA lead writes, previews and sends
// surveys; managers and the QA lead read results that hide small groups,
// with trends across rounds; only the QA lead reads the comments.
import { z } from "zod";
import { surveyView } from "../../../bot/card-views.js";
import { surveyCard } from "../../../bot/cards/survey-card.js";
import { scopeOf, type Viewer } from "../../auth/viewer.js";
import { dayOf } from "../../domain/calendar.js";
import { DomainError } from "../../domain/errors.js";
import { isoDate } from "../../domain/records/common.js";
import { parseRecord } from "../../domain/records/index.js";
import { SurveyAudience, SurveyQuestion, SurveyTheme, surveyKinds } from "../../domain/records/survey.js";
import { surveyState } from "../../domain/survey-answers.js";
import { everyoneId, type ResultGroup, type SurveyResults } from "../../domain/survey-results.js";
import { hasRole } from "../../services/people.js";
import { canRunSurveys, surveySettings, WorkforceVoice, type SavedSurvey } from "../../services/workforce-voice.js";
import { allRecords } from "../../store/all-records.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const SurveyParams = z.object({ surveyId: z.string().min(1).max(100) });
const CommentParams = SurveyParams.extend({ commentId: z.string().min(1).max(100) });

const SurveyDraft = z.object({
  title: z.string(),
  kind: z.enum(surveyKinds, { error: `kind is one of: ${surveyKinds.join(", ")}` }),
  introduction: z.string().optional(),
  questions: z.array(SurveyQuestion),
  audience: SurveyAudience.optional(),
  round: z.string(),
  seriesId: z.string().max(100).optional(),
  opensOn: isoDate,
  closesOn: isoDate,
});

const SettingsChanges = z.object({
  minimumGroupSize: z.number().optional(),
  themes: z.array(SurveyTheme).optional(),
});

function summary(survey: SavedSurvey, today: string) {
  const { id, title, kind, round, seriesId, opensOn, closesOn, status, sentAt, audience } = survey;
  return { id, title, kind, round, seriesId: seriesId ?? null, opensOn, closesOn, status, sentAt: sentAt ?? null, audience, state: surveyState(survey, today) };
}

function requireResultsReader(viewer: Viewer): void {
  if (scopeOf(viewer) === "own") {
    throw new DomainError("forbidden", "Survey results are for managers, the QA lead and senior leaders. Your answers are anonymous either way.");
  }
}

/** The groups inside the viewer's scope. Hiding is decided on the whole authority first, so this only narrows. */
function inScope(viewer: Viewer, group: Pick<ResultGroup, "id" | "level" | "parentId">): boolean {
  const scope = scopeOf(viewer);
  if (scope === "authority" || group.id === everyoneId) return true;
  const serviceId = viewer.person.serviceId;
  if (group.level === "service") return group.id === serviceId;
  if (scope === "service") return group.parentId === serviceId;
  return group.id === viewer.person.teamId;
}

function resultsFor(viewer: Viewer, results: SurveyResults): SurveyResults {
  return {
    ...results,
    groups: results.groups.filter((group) => inScope(viewer, group)),
    comments: hasRole(viewer.person, "qa_lead") ? results.comments : [],
  };
}

export function surveyRoutes({ store, now, tabUrl, notificationsQueued }: ApiServices): Route[] {
  const voice = new WorkforceVoice(store, now);
  const survey = async (surveyId: string) => {
    const found = await store.get("survey", surveyId);
    if (!found) throw new DomainError("not_found", `There is no survey with id ${surveyId}.`);
    return found;
  };
  return [
    route({
      method: "get",
      path: "/api/surveys",
      tag: "Workforce voice",
      summary: "Surveys, newest first: drafts only for the QA lead and PSW",
      responses: { 200: "The surveys" },
      async handle({ viewer }) {
        const today = dayOf(now());
        const surveys = (await allRecords(store, "survey"))
          .filter((found) => found.status === "sent" || canRunSurveys(viewer.person))
          .sort((a, b) => b.opensOn.localeCompare(a.opensOn) || a.title.localeCompare(b.title));
        return { body: { surveys: surveys.map((found) => summary(found, today)), canRunSurveys: canRunSurveys(viewer.person) } };
      },
    }),
    route({
      method: "post",
      path: "/api/surveys",
      tag: "Workforce voice",
      summary: "Write a new survey as a draft (QA lead or PSW)",
      body: SurveyDraft,
      responses: { 201: "The draft survey" },
      async handle({ viewer, body }) {
        const saved = await voice.compose(body, viewer.person);
        return { status: 201, body: saved, etag: saved.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/surveys/preview",
      tag: "Workforce voice",
      summary: "The Adaptive Card staff would answer a draft on, exactly as the bot renders it once the survey is open (QA lead or PSW)",
      body: SurveyDraft,
      responses: { 200: "The Adaptive Card (JSON)", 403: "Only the QA lead or the PSW writes surveys" },
      async handle({ viewer, body }) {
        if (!canRunSurveys(viewer.person)) throw new DomainError("forbidden", "Only the QA lead or the principal social worker can write surveys.");
        const draft = parseRecord("survey", { ...body, status: "draft", ownerId: viewer.person.id });
        // Shown as a person asked sees it on the day it opens (or today, if already open), not yet answered.
        const today = dayOf(now()) < draft.opensOn ? draft.opensOn : dayOf(now());
        const view = await surveyView({ store, tabUrl: tabUrl(), today, viewerId: viewer.person.id }, { ...draft, status: "sent", id: "preview" }, "", { asked: true, answered: false });
        return { body: { card: surveyCard(view) } };
      },
    }),
    route({
      method: "get",
      path: "/api/surveys/:surveyId",
      tag: "Workforce voice",
      summary: "One survey's questions, audience and dates",
      params: SurveyParams,
      responses: { 200: "The survey" },
      async handle({ viewer, params }) {
        const found = await survey(params.surveyId);
        if (found.status === "draft" && !canRunSurveys(viewer.person)) throw new DomainError("not_found", `There is no survey with id ${params.surveyId}.`);
        const settings = await surveySettings(store);
        return { body: { ...found, state: surveyState(found, dayOf(now())), minimumGroupSize: settings.minimumGroupSize }, etag: found.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/surveys/:surveyId",
      tag: "Workforce voice",
      summary: "Change a draft survey (QA lead or PSW)",
      params: SurveyParams,
      body: SurveyDraft.partial(),
      requiresIfMatch: true,
      responses: { 200: "The changed draft" },
      async handle({ viewer, params, body, ifMatch }) {
        const saved = await voice.revise(params.surveyId, body, ifMatch, viewer.person);
        return { body: saved, etag: saved.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/surveys/:surveyId/send",
      tag: "Workforce voice",
      summary: "Send a draft survey as a card to everyone it asks (reflective feedback is then asked after each audit)",
      params: SurveyParams,
      requiresIfMatch: true,
      responses: { 200: "The sent survey and how many cards were queued" },
      async handle({ viewer, params, ifMatch }) {
        const { survey: saved, queued } = await voice.send(params.surveyId, ifMatch, viewer.person);
        if (queued > 0) notificationsQueued();
        return { body: { survey: saved, queued }, etag: saved.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/surveys/:surveyId/results",
      tag: "Workforce voice",
      summary: "How many have answered; once the survey has closed, results by group (small groups hidden), trends across rounds, and comments for the QA lead",
      params: SurveyParams,
      responses: { 200: "Results" },
      async handle({ viewer, params }) {
        requireResultsReader(viewer);
        const found = await survey(params.surveyId);
        if (found.status === "draft") throw new DomainError("illegal_transition", "This survey has not been sent yet, so it has no results.");
        const results = await voice.results(found);
        const settings = await surveySettings(store);
        const trends = results ? (await voice.trends(found)).map((trend) => ({ ...trend, groups: trend.groups.filter((group) => inScope(viewer, group)) })) : [];
        return {
          body: {
            survey: summary(found, dayOf(now())),
            questions: found.questions,
            // Results only once closed: see WorkforceVoice.results.
            results: results ? resultsFor(viewer, results) : null,
            answered: await voice.answeredCount(found),
            minimumGroupSize: settings.minimumGroupSize,
            trends,
            themes: settings.themes,
            canSeeComments: hasRole(viewer.person, "qa_lead"),
          },
        };
      },
    }),
    route({
      method: "post",
      path: "/api/surveys/:surveyId/comments/:commentId/tags",
      tag: "Workforce voice",
      summary: "Tag one comment with themes by hand (QA lead)",
      params: CommentParams,
      body: z.object({ tags: z.array(z.string().max(60)).max(10) }),
      responses: { 200: "The comment's themes" },
      async handle({ viewer, params, body }) {
        await voice.tagComment(params.surveyId, params.commentId, body.tags, viewer.person);
        return { body: { tags: body.tags } };
      },
    }),
    route({
      method: "get",
      path: "/api/survey-settings",
      tag: "Workforce voice",
      summary: "The smallest group whose results are shown, and the comment themes",
      responses: { 200: "The settings" },
      async handle() {
        const { etag, ...settings } = await surveySettings(store);
        return { body: settings, etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/survey-settings",
      tag: "Workforce voice",
      summary: "Change the smallest group shown (never below 3) or the comment themes (QA lead)",
      body: SettingsChanges,
      requiresIfMatch: true,
      responses: { 200: "The changed settings" },
      async handle({ viewer, body, ifMatch }) {
        const { etag, ...settings } = await voice.saveSettings(body, ifMatch, viewer.person);
        return { body: settings, etag };
      },
    }),
  ];
}
