// Performance meetings and QA boards: list, record, correct, and set actions
// that join the action tracker.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { isoDate } from "../../domain/records/common.js";
import { MeetingKind } from "../../domain/records/performance-meeting.js";
import { canReadLeadershipRecords, canRecordMeetings, type Viewer } from "../../auth/viewer.js";
import { PerformanceMeetings } from "../../services/performance-meetings.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const MeetingParams = z.object({ meetingId: z.string().min(1).max(100) });

const MeetingFields = z.object({
  title: z.string().trim().min(1, "Give the meeting a title").max(200),
  kind: MeetingKind,
  heldOn: isoDate,
  chairId: z.string().max(100).optional(),
  attendeeIds: z.array(z.string().min(1).max(100)).min(1, "Name at least one person who attended").max(100),
  reportPeriod: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month in the form YYYY-MM").optional(),
  decisions: z.array(z.string().trim().min(1, "A decision cannot be empty").max(2000)).max(100).default([]),
  notes: z.string().max(8000).default(""),
});

const MeetingAction = z.object({
  title: z.string().trim().min(1, "Say what needs to happen").max(300),
  reason: z.string().trim().max(2000).optional(),
  ownerId: z.string().min(1, "Choose who owns the action").max(100),
  dueDate: isoDate,
});

function mayRead(viewer: Viewer): void {
  if (!canReadLeadershipRecords(viewer)) throw new DomainError("forbidden", "Meeting records are for managers with a service-wide or authority-wide view.");
}

function mayRecord(viewer: Viewer): void {
  if (!canRecordMeetings(viewer)) throw new DomainError("forbidden", "Only the QA lead, the principal social worker, heads of service, service managers and the DCS record meetings.");
}

export function meetingRoutes({ store, actions, notificationsQueued }: ApiServices): Route[] {
  const meetings = new PerformanceMeetings(store, actions);
  return [
    route({
      method: "get",
      path: "/api/meetings",
      tag: "Meetings",
      summary: "Performance meetings and QA boards, most recent first",
      responses: { 200: "The meetings" },
      async handle({ viewer }) {
        mayRead(viewer);
        return { body: { meetings: await meetings.list() } };
      },
    }),
    route({
      method: "post",
      path: "/api/meetings",
      tag: "Meetings",
      summary: "Record a meeting: who came and what was decided",
      body: MeetingFields,
      responses: { 201: "The meeting" },
      async handle({ viewer, body }) {
        mayRecord(viewer);
        const meeting = await meetings.record(body, viewer.person);
        return { status: 201, body: await meetings.view(meeting.id), etag: meeting.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/meetings/:meetingId",
      tag: "Meetings",
      summary: "One meeting with its attendees' names and its actions from the tracker",
      params: MeetingParams,
      responses: { 200: "The meeting", 404: "No such meeting" },
      async handle({ viewer, params }) {
        mayRead(viewer);
        const meeting = await meetings.view(params.meetingId);
        return { body: meeting, etag: meeting.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/meetings/:meetingId",
      tag: "Meetings",
      summary: "Correct a meeting record (attendees, decisions, notes)",
      params: MeetingParams,
      body: MeetingFields.partial(),
      requiresIfMatch: true,
      responses: { 200: "The meeting" },
      async handle({ viewer, params, body, ifMatch }) {
        mayRecord(viewer);
        const saved = await meetings.update(params.meetingId, body, ifMatch, viewer.person);
        return { body: await meetings.view(saved.id), etag: saved.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/meetings/:meetingId/actions",
      tag: "Meetings",
      summary: "Set an action at the meeting: it joins the action tracker and its owner gets a card in Teams",
      params: MeetingParams,
      body: MeetingAction,
      responses: { 201: "The action" },
      async handle({ viewer, params, body }) {
        mayRecord(viewer);
        const action = await meetings.addAction(params.meetingId, body, viewer.person);
        notificationsQueued();
        return { status: 201, body: action, etag: action.etag };
      },
    }),
  ];
}
