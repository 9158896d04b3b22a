// One moderation in full (grades per section with outcome and final grade,
// the panel's views and dissent, the auditor's answer, the QA lead's
// decision), and the steps that resolve it. The bot's cards take the same
// steps through the same services.
import { z } from "zod";
import { canSeeAudit, type Viewer } from "../../auth/viewer.js";
import { DomainError } from "../../domain/errors.js";
import { GradeChoice } from "../../domain/records/moderation.js";
import type { Saved, Store } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const ModerationParams = z.object({ moderationId: z.string().min(1).max(100) });
const Grades = z.array(GradeChoice).max(100).default([]);

/** Those involved in a moderation, and anyone who can see its audit, may read it. */
export async function visibleModeration(store: Store, viewer: Viewer, moderationId: string): Promise<Saved<"moderation">> {
  const moderation = await store.get("moderation", moderationId);
  const audit = moderation ? await store.get("audit", moderation.auditId) : undefined;
  const me = viewer.person.id;
  const involved =
    moderation !== undefined &&
    (moderation.moderatorId === me || moderation.escalatedToId === me || (moderation.panel?.memberIds.includes(me) ?? false));
  if (!moderation || !audit || !(involved || canSeeAudit(viewer, audit))) {
    throw new DomainError("not_found", `There is no moderation with id ${moderationId} that you can see.`, { moderationId });
  }
  return moderation;
}

async function moderationDetail(store: Store, moderation: Saved<"moderation">) {
  const names = new Map<string, string | null>();
  const nameOf = async (id: string | undefined) => {
    if (!id) return null;
    if (!names.has(id)) names.set(id, (await store.get("person", id))?.displayName ?? null);
    return names.get(id) ?? null;
  };
  const audit = await store.get("audit", moderation.auditId);
  const tool = audit ? await store.get("auditTool", audit.toolId) : undefined;
  const section = (key: string) => (key === "overall" ? "Overall" : (tool?.sections.find((candidate) => candidate.key === key)?.title ?? key));
  return {
    ...moderation,
    caseReference: audit ? ((await store.get("caseReference", audit.caseId))?.reference ?? null) : null,
    auditorName: await nameOf(audit?.auditorId),
    moderatorName: await nameOf(moderation.moderatorId),
    grades: moderation.grades.map((grade) => ({ ...grade, section: section(grade.sectionKey) })),
    panel: moderation.panel && {
      ...moderation.panel,
      members: await Promise.all(moderation.panel.memberIds.map(async (id) => ({ id, name: await nameOf(id) }))),
      views: await Promise.all(moderation.panel.views.map(async (view) => ({ ...view, name: await nameOf(view.moderatorId) }))),
      dissent: await Promise.all(moderation.panel.dissent.map(async (entry) => ({ ...entry, name: await nameOf(entry.moderatorId) }))),
    },
    escalatedToName: await nameOf(moderation.escalatedToId),
    qaLeadDecision: moderation.qaLeadDecision && { ...moderation.qaLeadDecision, name: await nameOf(moderation.qaLeadDecision.by) },
  };
}

export function moderationResolutionRoutes({ store, workflow, notificationsQueued }: ApiServices): Route[] {
  const respond = async (moderation: Saved<"moderation">) => {
    notificationsQueued();
    return { body: await moderationDetail(store, moderation), etag: moderation.etag };
  };
  return [
    route({
      method: "get",
      path: "/api/moderations/:moderationId",
      tag: "Moderation",
      summary: "One moderation: per section the auditor's, moderator's and final grade with the outcome; the panel, the auditor's answer and the QA lead's decision",
      params: ModerationParams,
      responses: { 200: "The moderation", 404: "No such moderation that you can see" },
      async handle({ viewer, params }) {
        const moderation = await visibleModeration(store, viewer, params.moderationId);
        return { body: await moderationDetail(store, moderation), etag: moderation.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/moderations/:moderationId/panel",
      tag: "Moderation",
      summary: "Make a waiting moderation a panel: its moderator chairs, the members are invited by card to give their views",
      params: ModerationParams,
      body: z.object({ memberIds: z.array(z.string().min(1).max(100)).min(2, "Invite at least two moderators besides the chair").max(12) }),
      requiresIfMatch: true,
      responses: { 200: "The panel moderation" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleModeration(store, viewer, params.moderationId);
        return respond(await workflow.moderation.convenePanel(params.moderationId, body.memberIds, viewer.person, ifMatch));
      },
    }),
    route({
      method: "post",
      path: "/api/moderations/:moderationId/view",
      tag: "Moderation",
      summary: "A panel member's view of the grades, with a comment",
      params: ModerationParams,
      body: z.object({ grades: Grades, comment: z.string().max(4000).default("") }),
      requiresIfMatch: true,
      responses: { 200: "The moderation with the view recorded" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleModeration(store, viewer, params.moderationId);
        return respond(await workflow.moderation.giveView(params.moderationId, body.grades, body.comment, viewer.person, ifMatch));
      },
    }),
    route({
      method: "post",
      path: "/api/moderations/:moderationId/moderate",
      tag: "Moderation",
      summary: "The moderator (or panel chair) agrees with the grades, or re-grades with a rationale",
      params: ModerationParams,
      body: z.discriminatedUnion("agree", [
        z.object({ agree: z.literal(true) }),
        z.object({ agree: z.literal(false), grades: Grades, rationale: z.string().max(4000) }),
      ]),
      requiresIfMatch: true,
      responses: { 200: "The moderated grades" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleModeration(store, viewer, params.moderationId);
        return respond(await workflow.moderate(params.moderationId, body, viewer.person, ifMatch));
      },
    }),
    route({
      method: "post",
      path: "/api/moderations/:moderationId/answer",
      tag: "Moderation",
      summary: "The auditor accepts the moderated grades, or disagrees with a reason (which sends it to the QA lead)",
      params: ModerationParams,
      body: z.discriminatedUnion("accept", [z.object({ accept: z.literal(true) }), z.object({ accept: z.literal(false), reason: z.string().max(4000) })]),
      requiresIfMatch: true,
      responses: { 200: "The moderation, resolved or escalated" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleModeration(store, viewer, params.moderationId);
        return respond(await workflow.moderation.respond(params.moderationId, body, viewer.person, ifMatch));
      },
    }),
    route({
      method: "post",
      path: "/api/moderations/:moderationId/decision",
      tag: "Moderation",
      summary: "The QA lead's final decision on a disputed moderation, with reasons",
      params: ModerationParams,
      body: z.object({ grades: Grades, rationale: z.string().max(4000) }),
      requiresIfMatch: true,
      responses: { 200: "The resolved moderation" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleModeration(store, viewer, params.moderationId);
        return respond(await workflow.moderation.decide(params.moderationId, body.grades, body.rationale, viewer.person, ifMatch));
      },
    }),
  ];
}
