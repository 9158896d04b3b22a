// The self-evaluation (SEF) workspace and the improvement plan: years,
// statements with linked evidence and suggestions, priorities and their
// actions, next year's SEF, and both as Word documents.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { isoDate } from "../../domain/records/common.js";
import { EvidenceReference, IlacsArea, OfstedQuestion, priorityStatuses } from "../../domain/records/self-evaluation.js";
import { canEditSelfEvaluation, canReadLeadershipRecords, type Viewer } from "../../auth/viewer.js";
import { improvementPlanDocx, selfEvaluationDocx } from "../../documents/self-evaluation-docx.js";
import { allRecords } from "../../store/all-records.js";
import { SelfEvaluations } from "../../services/self-evaluation.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const SefParams = z.object({ selfEvaluationId: z.string().min(1).max(100) });
const StatementParams = z.object({ statementId: z.string().min(1).max(100) });
const PriorityParams = z.object({ priorityId: z.string().min(1).max(100) });

const Evidence = z.array(EvidenceReference).max(100, "Link at most 100 records");

const NewStatement = z.object({ area: IlacsArea, question: OfstedQuestion, text: z.string().max(8000).default(""), evidence: Evidence.default([]) });
const StatementChanges = z.object({ text: z.string().max(8000).optional(), evidence: Evidence.optional() });

const PriorityFields = z.object({
  title: z.string().trim().min(1, "Say what the priority is").max(300),
  impactMeasure: z.string().trim().max(2000).default(""),
  ownerId: z.string().min(1, "Choose who owns the priority").max(100),
  statementIds: z.array(z.string().min(1).max(100)).max(100).default([]),
  evidence: Evidence.default([]),
});
const PriorityChanges = PriorityFields.partial().extend({ status: z.enum(priorityStatuses).optional() });

const PlanAction = z.object({
  title: z.string().trim().min(1, "Say what needs to happen").max(300),
  reason: z.string().trim().max(2000).optional(),
  ownerId: z.string().min(1, "Choose who owns the action").max(100),
  dueDate: isoDate,
});

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function mayRead(viewer: Viewer): void {
  if (!canReadLeadershipRecords(viewer)) throw new DomainError("forbidden", "The self-evaluation is for managers with a service-wide or authority-wide view.");
}

function mayEdit(viewer: Viewer): void {
  if (!canEditSelfEvaluation(viewer)) throw new DomainError("forbidden", "Only the QA lead and senior leaders (the DCS, the principal social worker and heads of service) change the self-evaluation.");
}

export function selfEvaluationRoutes({ store, actions, now, notificationsQueued }: ApiServices): Route[] {
  const sef = new SelfEvaluations(store, actions, now);
  const authorityName = async () => (await allRecords(store, "authority"))[0]?.name ?? "Golden Thread";
  return [
    route({
      method: "get",
      path: "/api/self-evaluations",
      tag: "Self-evaluation",
      summary: "The self-evaluation years, newest first",
      responses: { 200: "The years, and whether you may edit" },
      async handle({ viewer }) {
        mayRead(viewer);
        return { body: { selfEvaluations: await sef.list(), canEdit: canEditSelfEvaluation(viewer) } };
      },
    }),
    route({
      method: "post",
      path: "/api/self-evaluations",
      tag: "Self-evaluation",
      summary: "Start the first self-evaluation year (later years start from the previous one)",
      body: z.object({ year: z.string().regex(/^\d{4}-\d{2}$/, "Write the year as 2026-27"), startsOn: isoDate }),
      responses: { 201: "The new self-evaluation" },
      async handle({ viewer, body }) {
        mayEdit(viewer);
        const created = await sef.start(body.year, body.startsOn, viewer.person);
        return { status: 201, body: created, etag: created.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/self-evaluations/:selfEvaluationId",
      tag: "Self-evaluation",
      summary: "One year's self-evaluation: statements with their evidence and flags, and the improvement plan with progress",
      params: SefParams,
      responses: { 200: "The self-evaluation", 404: "No such year" },
      async handle({ viewer, params }) {
        mayRead(viewer);
        return { body: { ...(await sef.view(params.selfEvaluationId)), canEdit: canEditSelfEvaluation(viewer) } };
      },
    }),
    route({
      method: "post",
      path: "/api/self-evaluations/:selfEvaluationId/statements",
      tag: "Self-evaluation",
      summary: "Add a statement under a judgement area and one of Ofsted's three questions",
      params: SefParams,
      body: NewStatement,
      responses: { 201: "The statement" },
      async handle({ viewer, params, body }) {
        mayEdit(viewer);
        const statement = await sef.addStatement(params.selfEvaluationId, body, viewer.person);
        return { status: 201, body: statement, etag: statement.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/sef-statements/:statementId",
      tag: "Self-evaluation",
      summary: "Change a statement's text or its linked evidence",
      params: StatementParams,
      body: StatementChanges,
      requiresIfMatch: true,
      responses: { 200: "The statement" },
      async handle({ viewer, params, body, ifMatch }) {
        mayEdit(viewer);
        const statement = await sef.updateStatement(params.statementId, body, ifMatch, viewer.person);
        return { body: statement, etag: statement.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/sef-statements/:statementId/suggestions",
      tag: "Self-evaluation",
      summary: "QA records that could evidence the statement, each with the reasons it was suggested",
      params: StatementParams,
      responses: { 200: "Suggestions, best first" },
      async handle({ viewer, params }) {
        mayRead(viewer);
        return { body: { suggestions: await sef.suggestions(params.statementId) } };
      },
    }),
    route({
      method: "post",
      path: "/api/self-evaluations/:selfEvaluationId/priorities",
      tag: "Self-evaluation",
      summary: "Add a priority to the improvement plan",
      params: SefParams,
      body: PriorityFields,
      responses: { 201: "The priority" },
      async handle({ viewer, params, body }) {
        mayEdit(viewer);
        const priority = await sef.addPriority(params.selfEvaluationId, body, viewer.person);
        return { status: 201, body: priority, etag: priority.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/improvement-priorities/:priorityId",
      tag: "Self-evaluation",
      summary: "Change a priority (its owner, linked statements and evidence, or mark it achieved)",
      params: PriorityParams,
      body: PriorityChanges,
      requiresIfMatch: true,
      responses: { 200: "The priority" },
      async handle({ viewer, params, body, ifMatch }) {
        mayEdit(viewer);
        const priority = await sef.updatePriority(params.priorityId, body, ifMatch, viewer.person);
        return { body: priority, etag: priority.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/improvement-priorities/:priorityId/actions",
      tag: "Self-evaluation",
      summary: "Add an action to a priority: it joins the action tracker and its owner gets a card in Teams",
      params: PriorityParams,
      body: PlanAction,
      responses: { 201: "The action" },
      async handle({ viewer, params, body }) {
        mayEdit(viewer);
        const action = await sef.addPriorityAction(params.priorityId, body, viewer.person);
        notificationsQueued();
        return { status: 201, body: action, etag: action.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/self-evaluations/:selfEvaluationId/next-year",
      tag: "Self-evaluation",
      summary: "Close this year and start next year's self-evaluation, carrying forward unfinished priorities and their open actions",
      params: SefParams,
      responses: { 201: "Next year's self-evaluation" },
      async handle({ viewer, params }) {
        mayEdit(viewer);
        const next = await sef.startNextYear(params.selfEvaluationId, viewer.person);
        return { status: 201, body: next, etag: next.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/self-evaluations/:selfEvaluationId/self-evaluation.docx",
      tag: "Self-evaluation",
      summary: "The self-evaluation as a Word document, evidence as footnotes and an appendix",
      params: SefParams,
      responses: { 200: docxType },
      async handle({ viewer, params }) {
        mayRead(viewer);
        const view = await sef.view(params.selfEvaluationId);
        return { body: null, download: { contentType: docxType, filename: `self-evaluation-${view.selfEvaluation.year}.docx`, text: await selfEvaluationDocx(view, await authorityName()) } };
      },
    }),
    route({
      method: "get",
      path: "/api/self-evaluations/:selfEvaluationId/improvement-plan.docx",
      tag: "Self-evaluation",
      summary: "The improvement plan as a Word document, evidence as footnotes and an appendix",
      params: SefParams,
      responses: { 200: docxType },
      async handle({ viewer, params }) {
        mayRead(viewer);
        const view = await sef.view(params.selfEvaluationId);
        return {
          body: null,
          download: { contentType: docxType, filename: `improvement-plan-${view.selfEvaluation.year}.docx`, text: await improvementPlanDocx(view, await authorityName(), now().toISOString().slice(0, 10)) },
        };
      },
    }),
  ];
}
