// Actions: the tracker's list, raising an action, marking it done with
// evidence, and moving its due date with a reason.
import { z } from "zod";
import { dayBefore, dayOf } from "../../domain/calendar.js";
import { DomainError } from "../../domain/errors.js";
import { ActionStatus } from "../../domain/records/action.js";
import { isoDate } from "../../domain/records/common.js";
import { actionFilters, canPlanAudits, canSeeAction, canSeeAudit, type Viewer } from "../../auth/viewer.js";
import type { FieldCondition, Saved, Store } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";
import { PageQuery, pageWithinScope } from "./paging.js";

const ActionParams = z.object({ actionId: z.string().min(1).max(100) });

const ActionListQuery = PageQuery.extend({
  status: z.union([ActionStatus, z.array(ActionStatus)], { error: `status is one of: ${ActionStatus.options.join(", ")}` }).optional(),
  ownerId: z.string().max(100).optional(),
  teamId: z.string().max(100).optional(),
  auditId: z.string().max(100).optional(),
  overdue: z.enum(["true", "false"]).optional(),
});

const RaiseAction = z.object({
  title: z.string().trim().min(1, "Say what needs to happen").max(300),
  reason: z.string().trim().max(2000).default(""),
  ownerId: z.string().min(1, "Choose who owns the action").max(100),
  dueDate: isoDate,
  auditId: z.string().max(100).optional(),
});

async function visibleAction(store: Store, viewer: Viewer, actionId: string): Promise<Saved<"action">> {
  const action = await store.get("action", actionId);
  if (!action || !canSeeAction(viewer, action)) throw new DomainError("not_found", `There is no action with id ${actionId} that you can see.`, { actionId });
  return action;
}

export function actionRoutes({ store, actions, now, notificationsQueued }: ApiServices): Route[] {
  const respond = (action: Saved<"action">, status = 200) => ({ status, body: action, etag: action.etag });
  return [
    route({
      method: "get",
      path: "/api/actions",
      tag: "Actions",
      summary: "Actions you can see, soonest due first; overdue=true for overdue only",
      query: ActionListQuery,
      responses: { 200: "A page of actions" },
      async handle({ viewer, query }) {
        const filters: Record<string, FieldCondition> = {};
        if (query.status !== undefined) filters.status = Array.isArray(query.status) ? { in: query.status } : query.status;
        for (const field of ["ownerId", "teamId", "auditId"] as const) if (query[field] !== undefined) filters[field] = query[field];
        if (query.overdue === "true") {
          filters.dueDate = { lte: dayBefore(dayOf(now())) };
          filters.status ??= { in: ["open", "in_progress"] };
        }
        const page = await pageWithinScope(store, "action", actionFilters(viewer), filters, "dueDate", query);
        return { body: { actions: page.records, nextCursor: page.nextCursor ?? null } };
      },
    }),
    route({
      method: "get",
      path: "/api/actions/:actionId",
      tag: "Actions",
      summary: "One action, with its ETag",
      params: ActionParams,
      responses: { 200: "The action", 404: "No such action that you can see" },
      async handle({ viewer, params }) {
        return respond(await visibleAction(store, viewer, params.actionId));
      },
    }),
    route({
      method: "post",
      path: "/api/actions",
      tag: "Actions",
      summary: "Raise an action with a named owner; the owner gets a card in Teams",
      body: RaiseAction,
      responses: { 201: "The new action" },
      async handle({ viewer, body }) {
        if (!canPlanAudits(viewer) && !viewer.roles.includes("auditor") && !viewer.roles.includes("team_manager")) {
          throw new DomainError("forbidden", "Only auditors, managers and the QA lead can raise actions.");
        }
        if (!(await store.get("person", body.ownerId))) throw new DomainError("invalid_record", `There is no person with id ${body.ownerId}.`, { field: "ownerId" });
        if (body.auditId !== undefined) {
          const audit = await store.get("audit", body.auditId);
          if (!audit || !canSeeAudit(viewer, audit)) throw new DomainError("invalid_record", `There is no audit with id ${body.auditId} that you can see.`, { field: "auditId" });
        }
        const action = await actions.raise(body, viewer.person);
        notificationsQueued();
        return respond(action, 201);
      },
    }),
    route({
      method: "post",
      path: "/api/actions/:actionId/done",
      tag: "Actions",
      summary: "Mark the action done, with the evidence",
      params: ActionParams,
      body: z.object({ evidence: z.string().max(4000) }),
      requiresIfMatch: true,
      responses: { 200: "The action, done" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleAction(store, viewer, params.actionId);
        return respond(await actions.markDone(params.actionId, body.evidence, viewer.person, ifMatch));
      },
    }),
    route({
      method: "post",
      path: "/api/actions/:actionId/extend",
      tag: "Actions",
      summary: "Move the due date later, with a reason",
      params: ActionParams,
      body: z.object({ dueDate: isoDate, reason: z.string().max(1000) }),
      requiresIfMatch: true,
      responses: { 200: "The action with its new due date" },
      async handle({ viewer, params, body, ifMatch }) {
        await visibleAction(store, viewer, params.actionId);
        return respond(await actions.extend(params.actionId, body.dueDate, body.reason, viewer.person, ifMatch));
      },
    }),
  ];
}
