// Feedback from children and families (seed §2.7): the register of
// compliments and complaints with each complaint's stage against its
// working-day timescale, complaint stage progression, the child/family view
// from submitted audits as linked evidence, and CSV import from
// participation tools with its template.
import { z } from "zod";
import { canRecordFeedback, canSeeFeedback, feedbackFilters, isRecorder } from "../../auth/feedback-access.js";
import { narrowed, type Viewer } from "../../auth/viewer.js";
import { dayOf } from "../../domain/calendar.js";
import { DomainError } from "../../domain/errors.js";
import { isoDate } from "../../domain/records/common.js";
import { ComplaintOutcome, FeedbackSource, FeedbackType } from "../../domain/records/feedback.js";
import { childFamilyViewsFromAudits } from "../../services/child-family-views.js";
import { feedbackCsvTemplate, importFeedbackCsv } from "../../services/feedback-import.js";
import { FeedbackRegister, standingOf, type SavedFeedback } from "../../services/feedback-register.js";
import { allRecords } from "../../store/all-records.js";
import type { FieldCondition } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const FeedbackParams = z.object({ feedbackId: z.string().min(1).max(100) });
const standings = ["open", "on_time", "due_soon", "overdue", "closed"] as const;

const FeedbackListQuery = z.object({
  type: FeedbackType.optional(),
  teamId: z.string().max(100).optional(),
  theme: z.string().max(200).optional(),
  status: z.enum(standings, { error: `status is one of: ${standings.join(", ")}` }).optional(),
});

const caseReferenceText = z.string().trim().max(30).optional().transform((value) => value || undefined);

const FeedbackBody = z.object({
  type: FeedbackType,
  source: FeedbackSource,
  receivedOn: isoDate,
  theme: z.string().trim().min(1, "Give the theme").max(200),
  teamId: z.string().min(1, "Choose the team").max(100),
  caseReference: caseReferenceText,
  summary: z.string().trim().max(2000).default(""),
});

const FeedbackChanges = FeedbackBody.omit({ type: true }).partial();

const registerCap = 5000;

export function feedbackRoutes({ store, now }: ApiServices, options: { dueSoonWorkingDays: number }): Route[] {
  const register = new FeedbackRegister(store);
  const today = () => dayOf(now());

  async function describe(feedback: SavedFeedback) {
    const team = await store.get("team", feedback.teamId);
    return { ...feedback, teamName: team?.name ?? null, standing: standingOf(feedback, today(), options.dueSoonWorkingDays) };
  }
  const respond = async (feedback: SavedFeedback, status = 200) => ({ status, body: await describe(feedback), etag: feedback.etag });

  async function visible(viewer: Viewer, feedbackId: string): Promise<SavedFeedback> {
    const feedback = await store.get("feedback", feedbackId);
    if (!feedback || !canSeeFeedback(viewer, feedback)) throw new DomainError("not_found", `There is no compliment or complaint with id ${feedbackId} that you can see.`, { feedbackId });
    return feedback;
  }
  async function changeable(viewer: Viewer, feedbackId: string): Promise<SavedFeedback> {
    const feedback = await visible(viewer, feedbackId);
    if (!canRecordFeedback(viewer, feedback.teamId)) throw new DomainError("forbidden", "Only managers, the QA lead and the principal social worker can change the feedback register.");
    return feedback;
  }
  async function assertTeam(viewer: Viewer, teamId: string): Promise<void> {
    if (!(await store.get("team", teamId))) throw new DomainError("invalid_record", `There is no team with id ${teamId}.`, { field: "teamId" });
    if (!isRecorder(viewer)) throw new DomainError("forbidden", "Only managers, the QA lead and the principal social worker can record compliments and complaints.");
    if (!canRecordFeedback(viewer, teamId)) throw new DomainError("forbidden", "You can record feedback only for the teams you manage or lead.", { field: "teamId" });
  }

  return [
    route({
      method: "get",
      path: "/api/feedback",
      tag: "Feedback",
      summary: "Compliments and complaints you can see: overdue and due-soon complaints first, then newest",
      query: FeedbackListQuery,
      responses: { 200: "The register, each complaint with its stages against their timescales" },
      async handle({ viewer, query }) {
        const filters: Record<string, FieldCondition> = {};
        for (const field of ["type", "teamId", "theme"] as const) if (query[field] !== undefined) filters[field] = query[field];
        const found = new Map<string, SavedFeedback>();
        for (const scope of feedbackFilters(viewer)) {
          const where = narrowed(scope, filters);
          if (!where) continue;
          for (const feedback of await allRecords(store, "feedback", { where })) found.set(feedback.id, feedback);
          if (found.size > registerCap) throw new DomainError("invalid_query", "Too many records to list at once: choose a team or a type.", {});
        }
        const described = await Promise.all([...found.values()].map(describe));
        const matches = described.filter(({ standing, type }) => {
          switch (query.status) {
            case undefined:
              return true;
            case "open":
              return standing.open;
            case "closed":
              return type === "complaint" && !standing.open;
            default:
              return standing.open && standing.timeliness === query.status;
          }
        });
        const urgency = (entry: (typeof described)[number]) => (entry.standing.open ? (entry.standing.timeliness === "overdue" ? 0 : entry.standing.timeliness === "due_soon" ? 1 : 2) : 3);
        matches.sort((a, b) => urgency(a) - urgency(b) || b.receivedOn.localeCompare(a.receivedOn) || a.id.localeCompare(b.id));
        return { body: { feedback: matches, dueSoonWorkingDays: options.dueSoonWorkingDays } };
      },
    }),
    route({
      method: "get",
      path: "/api/feedback/audit-views",
      tag: "Feedback",
      summary: "What children and families told auditors: the child/family view of submitted audits you can see",
      query: z.object({ teamId: z.string().max(100).optional(), caseReference: caseReferenceText }),
      responses: { 200: "Child/family views, newest first, each linked to its audit" },
      async handle({ viewer, query }) {
        return { body: { views: await childFamilyViewsFromAudits(store, viewer, query) } };
      },
    }),
    route({
      method: "get",
      path: "/api/feedback/import-template",
      tag: "Feedback",
      summary: "The CSV template for importing feedback from a participation tool",
      responses: { 200: "A CSV file" },
      async handle() {
        return { body: null, download: { contentType: "text/csv; charset=utf-8", filename: "feedback-import-template.csv", text: feedbackCsvTemplate() } };
      },
    }),
    route({
      method: "post",
      path: "/api/feedback/import",
      tag: "Feedback",
      summary: "Import feedback from a participation tool's CSV: all rows or none; rows imported before are skipped",
      body: z.object({
        sourceSystem: z.string().trim().min(1, "Say which participation tool the file came from").max(100),
        csv: z.string().min(1, "Choose a CSV file").max(2_000_000, "The file is too big: import at most 2,000 rows at a time"),
      }),
      responses: { 200: "How many rows were imported, and how many were already there", 422: "Rows that cannot be imported, each with its line and reasons; nothing imported" },
      async handle({ viewer, body }) {
        if (!isRecorder(viewer)) {
          throw new DomainError("forbidden", "Only managers, the QA lead and the principal social worker can import feedback.");
        }
        const outcome = await importFeedbackCsv(store, body.csv, { sourceSystem: body.sourceSystem, mayRecordFor: (teamId) => canRecordFeedback(viewer, teamId), today: today() }, viewer.person);
        return { body: outcome };
      },
    }),
    route({
      method: "get",
      path: "/api/feedback/:feedbackId",
      tag: "Feedback",
      summary: "One compliment or complaint, with what auditors heard from the same case",
      params: FeedbackParams,
      responses: { 200: "The record, its stages and the child/family views of audits of the same case", 404: "No such record that you can see" },
      async handle({ viewer, params }) {
        const feedback = await visible(viewer, params.feedbackId);
        const auditViews = feedback.caseReference ? await childFamilyViewsFromAudits(store, viewer, { caseReference: feedback.caseReference }) : [];
        return { body: { ...(await describe(feedback)), auditViews }, etag: feedback.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/feedback",
      tag: "Feedback",
      summary: "Record a compliment, or a complaint (which starts at stage 1 on the day it was received)",
      body: FeedbackBody,
      responses: { 201: "The new record" },
      async handle({ viewer, body }) {
        await assertTeam(viewer, body.teamId);
        if (body.receivedOn > today()) throw new DomainError("invalid_record", "The date received cannot be in the future.", { field: "receivedOn" });
        return respond(await register.record(body, viewer.person), 201);
      },
    }),
    route({
      method: "patch",
      path: "/api/feedback/:feedbackId",
      tag: "Feedback",
      summary: "Correct the details of a compliment or complaint",
      params: FeedbackParams,
      body: FeedbackChanges,
      requiresIfMatch: true,
      responses: { 200: "The corrected record" },
      async handle({ viewer, params, body, ifMatch }) {
        await changeable(viewer, params.feedbackId);
        if (body.teamId !== undefined) await assertTeam(viewer, body.teamId);
        if (body.receivedOn !== undefined && body.receivedOn > today()) throw new DomainError("invalid_record", "The date received cannot be in the future.", { field: "receivedOn" });
        return respond(await register.edit(params.feedbackId, body, ifMatch, viewer.person));
      },
    }),
    route({
      method: "post",
      path: "/api/feedback/:feedbackId/extend",
      tag: "Feedback",
      summary: "Extend the current stage's timescale (stage 1 to at most 20 working days, stage 2 to at most 65), with the reason",
      params: FeedbackParams,
      body: z.object({ workingDays: z.number().int().positive(), reason: z.string().trim().min(1, "Say why the timescale is extended").max(1000) }),
      requiresIfMatch: true,
      responses: { 200: "The complaint with its new due date" },
      async handle({ viewer, params, body, ifMatch }) {
        await changeable(viewer, params.feedbackId);
        return respond(await register.extendStage(params.feedbackId, body.workingDays, body.reason, ifMatch, viewer.person));
      },
    }),
    route({
      method: "post",
      path: "/api/feedback/:feedbackId/respond",
      tag: "Feedback",
      summary: "Record the response to the current stage (for stage 3, the day the review panel met) and its outcome",
      params: FeedbackParams,
      body: z.object({ respondedOn: isoDate, outcome: ComplaintOutcome }),
      requiresIfMatch: true,
      responses: { 200: "The complaint, answered at this stage" },
      async handle({ viewer, params, body, ifMatch }) {
        await changeable(viewer, params.feedbackId);
        if (body.respondedOn > today()) throw new DomainError("invalid_record", "The response date cannot be in the future.", { field: "respondedOn" });
        return respond(await register.respond(params.feedbackId, body.respondedOn, body.outcome, ifMatch, viewer.person, now()));
      },
    }),
    route({
      method: "post",
      path: "/api/feedback/:feedbackId/escalate",
      tag: "Feedback",
      summary: "Move a complaint to the next stage, from the day the complainant asked",
      params: FeedbackParams,
      body: z.object({ requestedOn: isoDate }),
      requiresIfMatch: true,
      responses: { 200: "The complaint at its next stage" },
      async handle({ viewer, params, body, ifMatch }) {
        await changeable(viewer, params.feedbackId);
        if (body.requestedOn > today()) throw new DomainError("invalid_record", "The request date cannot be in the future.", { field: "requestedOn" });
        return respond(await register.escalate(params.feedbackId, body.requestedOn, ifMatch, viewer.person));
      },
    }),
  ];
}

