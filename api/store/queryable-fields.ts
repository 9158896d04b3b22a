// The fields each kind of record can be filtered and sorted by. Both adapters
// index exactly these (SharePoint refuses filters on unindexed columns of
// large lists), so a query on any other field is refused up front.
import { DomainError } from "../domain/errors.js";
import { recordKindLabels, type RecordKind } from "../domain/records/index.js";

export const queryableFields: Record<RecordKind, readonly string[]> = {
  authority: ["name"],
  gradeScale: ["name"],
  service: ["authorityId", "name"],
  team: ["serviceId", "managerId", "name"],
  person: ["aadObjectId", "email", "teamId", "serviceId", "displayName"],
  caseReference: ["reference", "teamId", "practitionerId"],
  practiceStandard: ["code"],
  auditTool: ["name", "supersededById"],
  auditProgramme: ["auditType", "ownerId", "periodStart"],
  audit: ["status", "type", "auditorId", "practitionerId", "caseId", "programmeId", "dueDate", "teamId", "serviceId", "submittedAt", "overallGrade", "toolId", "theme"],
  action: ["status", "ownerId", "auditId", "dueDate", "teamId", "sourceId"],
  moderation: ["auditId", "moderatorId", "status"],
  teamsConversation: ["conversationId", "aadObjectId", "personId", "status"],
  outboxMessage: ["idempotencyKey", "status", "recipientId", "notBefore", "subjectId", "announcedAt"],
  frameworkComponent: ["number"],
  bulletin: ["status", "authorId", "publishAt"],
  bulletinRead: ["bulletinId", "personId"],
  youSaidWeDid: ["status", "authorId"],
  feedback: ["type", "teamId", "serviceId", "theme", "receivedOn", "caseReference", "importKey"],
  observation: ["practitionerId", "observerId", "teamId", "observedOn", "status", "setting"],
  feedback360Round: ["supervisorId", "requestedById", "teamId", "auditId", "status"],
  survey: ["status", "kind", "seriesId", "opensOn", "closesOn"],
  surveyParticipation: ["surveyId", "personId", "occasion"],
  surveyTally: ["surveyId", "groupKey"],
  surveySettings: ["authorityId"],
  kpiDefinition: ["code"],
  kpiValue: ["kpiId", "month", "teamId", "serviceId", "importId"],
  kpiImport: ["status", "importedById"],
  focusedAuditProposal: ["kpiId", "status", "proposalKey"],
  performanceMeeting: ["kind", "heldOn"],
  reportNarrative: ["period", "scopeKey"],
  selfEvaluation: ["year", "status"],
  sefStatement: ["selfEvaluationId", "area"],
  improvementPriority: ["selfEvaluationId", "status"],
};

// Fields that hold a list: filtered with { contains: value } only. SQLite
// reads them with json_each (no index serves that), so keep them to small views.
export const listFields: Partial<Record<RecordKind, readonly string[]>> = {
  audit: ["sharedWithIds"],
};

export const recordTimestampFields = ["createdAt", "updatedAt"] as const;

export function assertQueryable(kind: RecordKind, field: string, condition?: unknown): void {
  if ((recordTimestampFields as readonly string[]).includes(field)) return;
  const isList = listFields[kind]?.includes(field) ?? false;
  const isContains = condition !== null && typeof condition === "object" && "contains" in condition;
  if (isList !== isContains) {
    throw new DomainError(
      "invalid_query",
      isList ? `"${field}" holds a list: filter it with { contains: value }, and do not sort by it.` : `"${field}" holds one value: "contains" is only for list fields.`,
      { kind, field },
    );
  }
  if (isList) return;
  if (!queryableFields[kind].includes(field)) {
    throw new DomainError(
      "invalid_query",
      `Records of kind ${recordKindLabels[kind]} cannot be filtered or sorted by "${field}". Use one of: ${[...queryableFields[kind], ...recordTimestampFields].join(", ")}.`,
      { kind, field },
    );
  }
}
