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
  audit: ["status", "type", "auditorId", "practitionerId", "caseId", "programmeId", "dueDate", "teamId", "serviceId", "submittedAt", "overallGrade", "toolId"],
  action: ["status", "ownerId", "auditId", "dueDate", "teamId"],
  moderation: ["auditId", "moderatorId", "status"],
  teamsConversation: ["conversationId", "aadObjectId", "personId", "status"],
  outboxMessage: ["idempotencyKey", "status", "recipientId", "notBefore"],
  frameworkComponent: ["number"],
};

export const recordTimestampFields = ["createdAt", "updatedAt"] as const;

export function assertQueryable(kind: RecordKind, field: string): void {
  if ((recordTimestampFields as readonly string[]).includes(field)) return;
  if (!queryableFields[kind].includes(field)) {
    throw new DomainError(
      "invalid_query",
      `Records of kind ${recordKindLabels[kind]} cannot be filtered or sorted by "${field}". Use one of: ${[...queryableFields[kind], ...recordTimestampFields].join(", ")}.`,
      { kind, field },
    );
  }
}
