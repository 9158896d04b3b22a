// Builds what each card shows from the store, for one viewer. The outbox
// (first send) and card actions (every later update) both use these, so a
// card looks the same however it reached the screen. Views carry case
// references and staff names only: never a child's details.
import type { RecordOperations, Saved } from "../api/store/port.js";
import { ungradedSections } from "../api/domain/audit-steps.js";
import { gradeOn } from "../api/domain/records/grade-scale.js";
import { isSealedFor, sealed } from "../api/domain/parallel-audit.js";
import { requireRecord } from "../api/services/people.js";
import { auditStatusLabel, auditTypeLabel, formatDate, formatDue } from "./format.js";
import { answerInputName, surveyState } from "../api/domain/survey-answers.js";
import { surveyKindLabels, type Survey } from "../api/domain/records/survey.js";
import { surveySettings } from "../api/services/workforce-voice.js";

export const longToolSectionCount = 8;

export interface ViewContext {
  store: RecordOperations;
  tabUrl: string;
  today: string;
  viewerId: string;
  notice?: string;
  /** A refused action's notice is shown as a warning; a done one as good news. */
  noticeIsProblem?: boolean;
}

export interface AuditCardView {
  auditId: string;
  caseReference: string;
  auditType: string;
  toolName: string;
  practitionerName: string;
  auditorName: string;
  due: string;
  status: string;
  canStart: boolean;
  canGrade: boolean;
  longTool: boolean;
  declineReason: string;
  missing: string;
  sections: { key: string; title: string; grade: string }[];
  grades: { key: string; label: string }[];
  overallGrade: string;
  workingWell: string;
  needsToBeBetter: string;
  auditUrl: string;
  notice: string;
  noticeColor: "Good" | "Attention";
}

export interface ReflectionCardView {
  auditId: string;
  caseReference: string;
  auditorName: string;
  promptCount: number;
  progress: string;
  canReflect: boolean;
  startTitle: string;
  notice: string;
  noticeColor: "Good" | "Attention";
}

export interface ModerationCardRow {
  sectionKey: string;
  title: string;
  auditorGrade: string;
  auditorGradeKey: string;
  moderatorGrade: string;
  moderatorGradeKey: string;
  outcome: string;
  finalGrade: string;
}

export interface ModerationCardView {
  moderationId: string;
  caseReference: string;
  auditorName: string;
  moderatorName: string;
  auditType: string;
  kind: string;
  sampledBecause: string;
  status: string;
  rows: ModerationCardRow[];
  grades: { key: string; label: string }[];
  outcome: string;
  rationale: string;
  canModerate: boolean;
  /** The auditor may accept or dispute the moderated grades. */
  canRespond: boolean;
  /** The QA lead may decide the dispute. */
  canDecide: boolean;
  /** A panel member may give (or change) their view. */
  canGiveView: boolean;
  isPanel: boolean;
  panelMembers: string;
  panelViews: { name: string; grades: string; comment: string }[];
  dissent: { name: string; detail: string }[];
  auditorResponse: string;
  decision: string;
  escalatedTo: string;
  auditUrl: string;
  /** The side-by-side comparison of a parallel audit in the tab. */
  comparisonUrl: string;
  notice: string;
  noticeColor: "Good" | "Attention";
}

export interface ActionCardView {
  actionId: string;
  title: string;
  reason: string;
  caseReference: string;
  due: string;
  status: string;
  overdue: boolean;
  evidence: string;
  canUpdate: boolean;
  tomorrow: string;
  notice: string;
  noticeColor: "Good" | "Attention";
}

const outcomeLabels: Record<string, string> = {
  agreed: "grades agreed",
  regraded_up: "re-graded up",
  regraded_down: "re-graded down",
  regraded: "re-graded",
};

const parallelLabels: Record<string, string> = { agreed: "same grade", regraded_up: "external graded higher", regraded_down: "external graded lower" };

const kindLabels: Record<string, string> = { peer: "Peer moderation", panel: "Moderation panel", external_parallel: "External parallel audit" };

const moderationStatusLabels: Record<string, string> = {
  requested: "Waiting for moderation",
  awaiting_auditor: "Re-graded: waiting for the auditor to accept or disagree",
  escalated: "The auditor disagreed: with the QA lead to decide",
  completed: "Moderated",
};

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const when = (timestamp: string) => shortDate.format(new Date(timestamp));

function notice(context: ViewContext): { notice: string; noticeColor: "Good" | "Attention" } {
  return { notice: context.notice ?? "", noticeColor: context.noticeIsProblem ? "Attention" : "Good" };
}

async function personName(store: RecordOperations, personId: string | undefined): Promise<string> {
  if (!personId) return "Not yet assigned";
  return (await store.get("person", personId))?.displayName ?? "Someone who has left";
}

async function caseReferenceOf(store: RecordOperations, caseId: string): Promise<string> {
  return (await store.get("caseReference", caseId))?.reference ?? "(unknown case)";
}

export function auditUrl(tabUrl: string, auditId: string): string {
  return `${tabUrl}index.html#/audits/${encodeURIComponent(auditId)}`;
}

export async function auditView(context: ViewContext, audit: Saved<"audit">): Promise<AuditCardView> {
  const { store } = context;
  const tool = requireRecord(await store.get("auditTool", audit.toolId), "audit tool", audit.toolId);
  const scale = requireRecord(await store.get("gradeScale", tool.gradeScaleId), "grade scale", tool.gradeScaleId);
  const isAuditor = audit.auditorId === context.viewerId;
  // One of a parallel pair: nobody but its auditor sees its grades until both are in.
  const partner = audit.parallelWithAuditId ? await store.get("audit", audit.parallelWithAuditId) : undefined;
  const shown = isSealedFor(audit, partner, context.viewerId) ? sealed(audit) : audit;
  const gradeBySection = new Map(shown.sectionGrades.map((grade) => [grade.sectionKey, grade.grade]));
  const missing = audit.status === "in_progress" && audit.sectionGrades.length > 0 ? ungradedSections(audit, tool) : [];
  return {
    auditId: audit.id,
    caseReference: await caseReferenceOf(store, audit.caseId),
    auditType: auditTypeLabel(audit.type),
    toolName: tool.name,
    practitionerName: await personName(store, audit.practitionerId),
    auditorName: await personName(store, audit.auditorId),
    due: formatDue(audit.dueDate, context.today),
    status: auditStatusLabel(audit.status),
    canStart: isAuditor && (audit.status === "assigned" || audit.status === "reflection_requested"),
    canGrade: isAuditor && audit.status === "in_progress",
    longTool: tool.sections.length > longToolSectionCount,
    declineReason: audit.status === "declined" ? (audit.declineReason ?? "") : "",
    missing: missing.join(", "),
    sections: tool.sections.map((section) => ({ key: section.key, title: section.title, grade: gradeBySection.get(section.key) ?? "" })),
    grades: scale.grades.map((grade) => ({ key: grade.key, label: grade.label })),
    overallGrade: shown.overallGrade ?? "",
    workingWell: shown.findings.workingWell.join("\n"),
    needsToBeBetter: shown.findings.needsToBeBetter.join("\n"),
    auditUrl: auditUrl(context.tabUrl, audit.id),
    ...notice(context),
  };
}

export async function reflectionView(context: ViewContext, audit: Saved<"audit">): Promise<ReflectionCardView> {
  const { store } = context;
  const tool = requireRecord(await store.get("auditTool", audit.toolId), "audit tool", audit.toolId);
  const total = tool.reflectivePrompts.length;
  const answered = audit.reflection?.answers.length ?? 0;
  const finished = audit.reflection?.finishedAt !== undefined;
  const open = !["submitted", "in_moderation", "completed", "cancelled"].includes(audit.status);
  return {
    auditId: audit.id,
    caseReference: await caseReferenceOf(store, audit.caseId),
    auditorName: await personName(store, audit.auditorId),
    promptCount: total,
    progress: finished ? `Finished: ${answered} of ${total} answered` : `${answered} of ${total} answered`,
    canReflect: audit.practitionerId === context.viewerId && open,
    startTitle: answered > 0 || finished ? "Carry on with my reflection" : "Start my reflection",
    ...notice(context),
  };
}

export async function moderationView(context: ViewContext, moderation: Saved<"moderation">): Promise<ModerationCardView> {
  const { store } = context;
  const audit = requireRecord(await store.get("audit", moderation.auditId), "audit", moderation.auditId);
  const tool = requireRecord(await store.get("auditTool", audit.toolId), "audit tool", audit.toolId);
  const scale = requireRecord(await store.get("gradeScale", tool.gradeScaleId), "grade scale", tool.gradeScaleId);
  const viewer = await store.get("person", context.viewerId);
  const label = (key: string | undefined) => (key ? gradeOn(scale, key).label : "—");
  const titleOf = (sectionKey: string) =>
    sectionKey === "overall" ? "Overall" : (tool.sections.find((section) => section.key === sectionKey)?.title ?? sectionKey);
  const panel = moderation.panel;
  const names = new Map<string, string>();
  for (const personId of [...(panel?.memberIds ?? []), moderation.qaLeadDecision?.by, moderation.escalatedToId]) {
    if (personId && !names.has(personId)) names.set(personId, await personName(store, personId));
  }
  const response = moderation.auditorResponse;
  const decision = moderation.qaLeadDecision;
  return {
    moderationId: moderation.id,
    caseReference: await caseReferenceOf(store, audit.caseId),
    auditorName: await personName(store, audit.auditorId),
    moderatorName: await personName(store, moderation.moderatorId),
    auditType: auditTypeLabel(audit.type),
    kind: kindLabels[moderation.kind] ?? moderation.kind,
    sampledBecause: moderation.sampledBecause || "Chosen for moderation",
    status: moderationStatusLabels[moderation.status] ?? moderation.status,
    rows: moderation.grades.map((grade) => ({
      sectionKey: grade.sectionKey,
      title: titleOf(grade.sectionKey),
      auditorGrade: label(grade.auditorGrade),
      auditorGradeKey: grade.auditorGrade,
      moderatorGrade: label(grade.moderatorGrade),
      moderatorGradeKey: grade.moderatorGrade ?? grade.auditorGrade,
      outcome: grade.outcome ? (moderation.kind === "external_parallel" ? parallelLabels : outcomeLabels)[grade.outcome]! : "—",
      finalGrade: label(grade.finalGrade),
    })),
    grades: scale.grades.map((grade) => ({ key: grade.key, label: grade.label })),
    outcome: moderation.outcome ? outcomeLabels[moderation.outcome]! : "",
    rationale: moderation.rationale ?? "",
    canModerate: moderation.kind !== "external_parallel" && moderation.moderatorId === context.viewerId && moderation.status === "requested",
    canRespond: audit.auditorId === context.viewerId && moderation.status === "awaiting_auditor",
    canDecide: Boolean(viewer?.roles.includes("qa_lead")) && moderation.status === "escalated",
    canGiveView: Boolean(panel?.memberIds.includes(context.viewerId)) && moderation.status === "requested",
    isPanel: panel !== undefined,
    panelMembers: [...(panel?.memberIds ?? [])].map((personId) => names.get(personId)!).join(", "),
    // Members give their views independently: only the chair and the QA lead see them all.
    panelViews: (moderation.moderatorId === context.viewerId || viewer?.roles.includes("qa_lead") ? (panel?.views ?? []) : []).map((view) => ({
      name: names.get(view.moderatorId) ?? "A panel member",
      grades: view.grades.map((grade) => `${titleOf(grade.sectionKey)}: ${label(grade.grade)}`).join("; "),
      comment: view.comment || "No comment",
    })),
    dissent: (panel?.dissent ?? []).map((entry) => ({
      name: names.get(entry.moderatorId) ?? "A panel member",
      detail: entry.sectionKeys.length > 0 ? `Differs on ${entry.sectionKeys.map(titleOf).join(", ")}. ${entry.note}`.trim() : entry.note,
    })),
    auditorResponse: response ? `${response.accepted ? "Accepted" : "Disagreed"} on ${when(response.at)}${response.reason ? `: ${response.reason}` : ""}` : "",
    decision: decision ? `Decided by ${names.get(decision.by)} on ${when(decision.at)}: ${decision.rationale}` : "",
    escalatedTo: moderation.escalatedToId ? (names.get(moderation.escalatedToId) ?? "") : "",
    auditUrl: auditUrl(context.tabUrl, audit.id),
    comparisonUrl: `${context.tabUrl}index.html#/moderation?compare=${encodeURIComponent(moderation.id)}`,
    ...notice(context),
  };
}

const actionStatusLabels: Record<string, string> = { open: "Open", in_progress: "In progress", done: "Done", cancelled: "Cancelled" };

export async function actionView(context: ViewContext, action: Saved<"action">): Promise<ActionCardView> {
  const { store } = context;
  const audit = action.auditId ? await store.get("audit", action.auditId) : undefined;
  const isOpen = action.status === "open" || action.status === "in_progress";
  const next = new Date(`${action.dueDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    actionId: action.id,
    title: action.title,
    reason: action.reason || "—",
    caseReference: audit ? await caseReferenceOf(store, audit.caseId) : "—",
    due: formatDue(action.dueDate, context.today),
    status: actionStatusLabels[action.status] ?? action.status,
    overdue: isOpen && action.dueDate < context.today,
    evidence: action.evidence ?? "",
    canUpdate: action.ownerId === context.viewerId && isOpen,
    tomorrow: next.toISOString().slice(0, 10),
    ...notice(context),
  };
}

export interface SurveyCardView {
  surveyId: string;
  occasion: string;
  title: string;
  kindLabel: string;
  round: string;
  introduction: string;
  caseReference: string;
  minimumGroupSize: number;
  stateText: string;
  canAnswer: boolean;
  questions: { inputId: string; text: string; isScale: boolean; choices: { title: string; value: string }[] }[];
  notice: string;
  noticeColor: "Good" | "Attention";
}

/** `answered` and `asked` come from the workforce voice service: whether this viewer has answered, and was asked. */
export async function surveyView(
  context: ViewContext,
  // A saved survey, or a draft being previewed (see POST /api/surveys/preview).
  survey: Survey & { id: string },
  occasion: string,
  status: { asked: boolean; answered: boolean },
): Promise<SurveyCardView> {
  const { store } = context;
  const state = surveyState(survey, context.today);
  const audit = occasion ? await store.get("audit", occasion) : undefined;
  const stateText = status.answered
    ? "You have answered. Thank you."
    : !status.asked
      ? "This survey was not sent to you."
      : state === "open"
        ? `Open until ${formatDue(survey.closesOn, context.today)}`
        : state === "closed"
          ? `Closed on ${formatDate(survey.closesOn)}`
          : `Opens on ${formatDate(survey.opensOn)}`;
  return {
    surveyId: survey.id,
    occasion,
    title: survey.title,
    kindLabel: surveyKindLabels[survey.kind],
    round: survey.round,
    introduction: survey.introduction ?? "",
    caseReference: audit ? await caseReferenceOf(store, audit.caseId) : "",
    minimumGroupSize: (await surveySettings(store)).minimumGroupSize,
    stateText,
    canAnswer: status.asked && !status.answered && state === "open",
    questions: survey.questions.map((question) => ({
      inputId: answerInputName(question.key),
      text: question.text,
      isScale: question.type === "scale",
      choices: question.type === "scale" ? question.labels.map((label, index) => ({ title: label, value: String(index + 1) })) : [],
    })),
    ...notice(context),
  };
}
