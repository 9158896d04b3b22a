// The framework's records: one zod schema per kind of record. The store
// validates every write against these, so nothing malformed is ever saved.
import type { z } from "zod";
import { DomainError } from "../errors.js";
import { Action } from "./action.js";
import { Audit } from "./audit.js";
import { AuditProgramme } from "./audit-programme.js";
import { AuditTool } from "./audit-tool.js";
import { CaseReference } from "./case-reference.js";
import { FrameworkComponent } from "./framework-component.js";
import { GradeScale } from "./grade-scale.js";
import { Authority, Service, Team } from "./organisation.js";
import { Moderation } from "./moderation.js";
import { Person } from "./person.js";
import { PracticeStandard } from "./practice-standard.js";
import { Bulletin, BulletinRead } from "./bulletin.js";
import { YouSaidWeDid } from "./you-said-we-did.js";
import { Feedback } from "./feedback.js";
import { Feedback360Round, feedback360WithheldFields } from "./feedback-360.js";
import { Observation } from "./observation.js";
import { PerformanceMeeting } from "./performance-meeting.js";
import { ReportNarrative } from "./report-narrative.js";
import { ImprovementPriority, SefStatement, SelfEvaluation } from "./self-evaluation.js";
import { OutboxMessage, TeamsConversation } from "./teams-conversation.js";
import { Survey, SurveyParticipation, SurveySettings, SurveyTally, surveyTallyWithheldFields } from "./survey.js";
import { KpiDefinition } from "./kpi-definition.js";
import { KpiValue } from "./kpi-value.js";
import { KpiImport } from "./kpi-import.js";
import { FocusedAuditProposal } from "./focused-audit-proposal.js";

export * from "./action.js";
export * from "./audit.js";
export * from "./audit-log.js";
export * from "./audit-programme.js";
export * from "./audit-tool.js";
export * from "./case-reference.js";
export * from "./framework-component.js";
export * from "./grade-scale.js";
export * from "./organisation.js";
export * from "./moderation.js";
export * from "./notification.js";
export * from "./person.js";
export * from "./practice-standard.js";
export * from "./teams-conversation.js";
export * from "./bulletin.js";
export * from "./you-said-we-did.js";
export * from "./feedback.js";
export * from "./feedback-360.js";
export * from "./observation.js";
export * from "./survey.js";
export * from "./kpi-definition.js";
export * from "./kpi-value.js";
export * from "./kpi-import.js";
export * from "./focused-audit-proposal.js";
export * from "./performance-meeting.js";
export * from "./report-narrative.js";
export * from "./self-evaluation.js";

export const recordSchemas = {
  authority: Authority,
  gradeScale: GradeScale,
  service: Service,
  team: Team,
  person: Person,
  caseReference: CaseReference,
  practiceStandard: PracticeStandard,
  auditTool: AuditTool,
  auditProgramme: AuditProgramme,
  audit: Audit,
  action: Action,
  moderation: Moderation,
  teamsConversation: TeamsConversation,
  outboxMessage: OutboxMessage,
  frameworkComponent: FrameworkComponent,
  bulletin: Bulletin,
  bulletinRead: BulletinRead,
  youSaidWeDid: YouSaidWeDid,
  feedback: Feedback,
  observation: Observation,
  feedback360Round: Feedback360Round,
  survey: Survey,
  surveyParticipation: SurveyParticipation,
  surveyTally: SurveyTally,
  surveySettings: SurveySettings,
  kpiDefinition: KpiDefinition,
  kpiValue: KpiValue,
  kpiImport: KpiImport,
  focusedAuditProposal: FocusedAuditProposal,
  performanceMeeting: PerformanceMeeting,
  reportNarrative: ReportNarrative,
  selfEvaluation: SelfEvaluation,
  sefStatement: SefStatement,
  improvementPriority: ImprovementPriority,
} as const;

export type RecordKind = keyof typeof recordSchemas;
export const recordKinds = Object.keys(recordSchemas) as RecordKind[];

/** What a record holds once validated (defaults filled in). */
export type RecordOf<K extends RecordKind> = z.output<(typeof recordSchemas)[K]>;
/** What a caller may supply to create one (defaults optional). */
export type RecordInput<K extends RecordKind> = z.input<(typeof recordSchemas)[K]>;

export const recordKindLabels: Record<RecordKind, string> = {
  authority: "authority",
  gradeScale: "grade scale",
  service: "service",
  team: "team",
  person: "person",
  caseReference: "case reference",
  practiceStandard: "practice standard",
  auditTool: "audit tool",
  auditProgramme: "audit programme",
  audit: "audit",
  action: "action",
  moderation: "moderation",
  teamsConversation: "Teams conversation",
  outboxMessage: "outgoing message",
  frameworkComponent: "framework component",
  bulletin: "learning bulletin",
  bulletinRead: "bulletin read",
  youSaidWeDid: "\"you said, we did\" update",
  feedback: "compliment or complaint",
  observation: "practice observation",
  feedback360Round: "360-degree feedback request",
  survey: "survey",
  surveyParticipation: "survey participation",
  surveyTally: "survey tally",
  surveySettings: "survey settings",
  kpiDefinition: "KPI definition",
  kpiValue: "KPI value",
  kpiImport: "KPI import",
  focusedAuditProposal: "focused audit proposal",
  performanceMeeting: "performance meeting",
  reportNarrative: "report narrative",
  selfEvaluation: "self-evaluation",
  sefStatement: "self-evaluation statement",
  improvementPriority: "improvement priority",
};

/** Fields whose values the audit log records only as "withheld": anonymous answers. */
export const auditLogWithheldFields: Partial<Record<RecordKind, readonly string[]>> = {
  surveyTally: surveyTallyWithheldFields,
  feedback360Round: feedback360WithheldFields,
};

export interface FieldProblem {
  field: string;
  message: string;
}

/** Validates a record, turning every failing field into a named, plain-English problem. */
export function parseRecord<K extends RecordKind>(kind: K, input: unknown): RecordOf<K> {
  const result = recordSchemas[kind].safeParse(input);
  if (result.success) return result.data as RecordOf<K>;
  const problems: FieldProblem[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(record)",
    message: issue.message,
  }));
  const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join("; ");
  throw new DomainError("invalid_record", `This ${recordKindLabels[kind]} cannot be saved. ${summary}`, {
    kind,
    problems,
  });
}
