// QA records as evidence for the self-evaluation: what a linked record is
// called (for the workspace and the exported appendix), and the records the
// app may suggest for a statement. Labels carry case references, never a
// child's name.
import { areasForServiceName, type EvidenceCandidate } from "../domain/sef-evidence.js";
import { DomainError } from "../domain/errors.js";
import { meetingKindLabels, recordKindLabels, recordKinds, type EvidenceReference, type RecordKind } from "../domain/records/index.js";
import { allRecords } from "../store/all-records.js";
import type { RecordOperations, Saved } from "../store/port.js";

export interface DescribedEvidence extends EvidenceReference {
  label: string;
  exists: boolean;
}

const gradeLabel = (grade: string | undefined) => (grade ? grade.replace(/_/g, " ") : "not graded");

async function caseReference(store: RecordOperations, caseId: string): Promise<string> {
  return (await store.get("caseReference", caseId))?.reference ?? "an unknown case";
}

/** A readable name for any record, used when no better one is written below. */
function genericLabel(kind: string, record: Record<string, unknown>): string {
  const title = ["title", "name", "displayName", "question", "summary"].map((field) => record[field]).find((value) => typeof value === "string" && value.trim());
  const kindLabel = (recordKindLabels as Record<string, string>)[kind] ?? kind;
  return title ? `${kindLabel[0]!.toUpperCase()}${kindLabel.slice(1)}: ${String(title).slice(0, 120)}` : `${kindLabel[0]!.toUpperCase()}${kindLabel.slice(1)} ${String(record.id)}`;
}

export async function labelOf(store: RecordOperations, kind: RecordKind, record: Saved<RecordKind>): Promise<string> {
  switch (kind) {
    case "audit": {
      const audit = record as Saved<"audit">;
      const day = (audit.completedAt ?? audit.submittedAt)?.slice(0, 10);
      return `Audit of ${await caseReference(store, audit.caseId)}${audit.theme ? ` (${audit.theme})` : ""}: ${gradeLabel(audit.overallGrade)}${day ? `, ${day}` : ""}`;
    }
    case "moderation": {
      const moderation = record as Saved<"moderation">;
      const audit = await store.get("audit", moderation.auditId);
      const reference = audit ? await caseReference(store, audit.caseId) : "an audit";
      return `Moderation of the audit of ${reference}: ${moderation.outcome ? moderation.outcome.replace(/_/g, " ") : moderation.status}${moderation.completedAt ? `, ${moderation.completedAt.slice(0, 10)}` : ""}`;
    }
    case "action": {
      const action = record as Saved<"action">;
      return `Action: ${action.title} (${action.status.replace(/_/g, " ")}, due ${action.dueDate})`;
    }
    case "performanceMeeting": {
      const meeting = record as Saved<"performanceMeeting">;
      return `${meetingKindLabels[meeting.kind]}, ${meeting.heldOn}: ${meeting.title}`;
    }
    case "kpiDefinition": {
      const kpi = record as Saved<"kpiDefinition">;
      return `KPI ${kpi.code}: ${kpi.name}`;
    }
    case "feedback": {
      const feedback = record as Saved<"feedback">;
      return `${feedback.type === "complaint" ? "Complaint" : "Compliment"} about "${feedback.theme}", received ${feedback.receivedOn}${feedback.caseReference ? ` (${feedback.caseReference})` : ""}`;
    }
    case "observation": {
      const observation = record as Saved<"observation">;
      return `Practice observation, ${observation.observedOn}${observation.caseReference ? ` (${observation.caseReference})` : ""}`;
    }
    case "youSaidWeDid": {
      const update = record as Saved<"youSaidWeDid">;
      return `"You said, we did": ${update.theme}${update.publishedAt ? `, published ${update.publishedAt.slice(0, 10)}` : " (draft)"}`;
    }
    default:
      return genericLabel(kind, record as unknown as Record<string, unknown>);
  }
}

export function isRecordKind(kind: string): kind is RecordKind {
  return (recordKinds as readonly string[]).includes(kind);
}

export async function describeEvidence(store: RecordOperations, reference: EvidenceReference): Promise<DescribedEvidence> {
  const record = isRecordKind(reference.kind) ? await store.get(reference.kind, reference.id) : undefined;
  if (!record) return { ...reference, label: `A ${reference.kind} record that no longer exists (${reference.id})`, exists: false };
  return { ...reference, label: await labelOf(store, reference.kind as RecordKind, record), exists: true };
}

// Records that only run the app, never evidence of practice.
const notEvidence: readonly string[] = ["teamsConversation", "outboxMessage", "reportNarrative", "selfEvaluation", "sefStatement", "improvementPriority", "gradeScale", "authority"];

/** Refuses links to kinds that are not evidence, and to records that do not exist. */
export async function checkEvidence(store: RecordOperations, references: readonly Pick<EvidenceReference, "kind" | "id">[]): Promise<void> {
  for (const reference of references) {
    if (!isRecordKind(reference.kind) || notEvidence.includes(reference.kind)) {
      throw new DomainError("invalid_record", `"${reference.kind}" is not a kind of record that can be evidence.`, { field: "evidence" });
    }
    if (!(await store.get(reference.kind, reference.id))) {
      throw new DomainError("invalid_record", `There is no ${recordKindLabels[reference.kind]} with id ${reference.id} to link as evidence.`, { field: "evidence" });
    }
  }
}

/**
 * Candidates for suggestions: submitted audits (findings, theme, the child's
 * view), completed moderations, done actions, KPI definitions, feedback,
 * practice observations, published "you said, we did" and meetings.
 */
export async function evidenceCandidates(store: RecordOperations): Promise<EvidenceCandidate[]> {
  const candidates: EvidenceCandidate[] = [];
  const services = new Map((await allRecords(store, "service")).map((service) => [service.id, service]));
  const standards = new Map((await allRecords(store, "practiceStandard")).map((standard) => [standard.id, standard]));
  const tools = new Map((await allRecords(store, "auditTool")).map((tool) => [tool.id, tool]));
  const areasOf = (serviceId: string | undefined) => {
    const service = serviceId ? services.get(serviceId) : undefined;
    return service ? areasForServiceName(service.name) : [];
  };

  const audits = new Map<string, Saved<"audit">>();
  for (const audit of await allRecords(store, "audit", { where: { status: { in: ["submitted", "in_moderation", "completed"] } } })) {
    audits.set(audit.id, audit);
    const tool = tools.get(audit.toolId);
    const standardIds = new Set(tool?.sections.flatMap((section) => section.questions.flatMap((question) => question.standardIds)) ?? []);
    const standardCodes = [...standardIds].flatMap((id) => (standards.get(id) ? [standards.get(id)!.code] : []));
    candidates.push({
      kind: "audit",
      id: audit.id,
      label: await labelOf(store, "audit", audit),
      date: (audit.completedAt ?? audit.submittedAt)?.slice(0, 10),
      theme: audit.theme,
      standardCodes,
      areas: areasOf(audit.serviceId),
      text: [audit.theme ?? "", ...audit.findings.workingWell, ...audit.findings.needsToBeBetter, audit.childFamilyView?.summary ?? ""].join(" "),
    });
  }
  for (const moderation of await allRecords(store, "moderation", { where: { status: "completed" } })) {
    const audit = audits.get(moderation.auditId);
    candidates.push({
      kind: "moderation",
      id: moderation.id,
      label: await labelOf(store, "moderation", moderation),
      date: moderation.completedAt?.slice(0, 10),
      theme: audit?.theme,
      areas: ["leaders", ...areasOf(audit?.serviceId)],
      text: `moderation agreement grading consistency ${moderation.rationale ?? ""} ${audit?.theme ?? ""}`,
    });
  }
  for (const action of await allRecords(store, "action", { where: { status: "done" } })) {
    candidates.push({
      kind: "action",
      id: action.id,
      label: await labelOf(store, "action", action),
      date: action.completedAt?.slice(0, 10),
      text: `${action.title} ${action.reason} ${action.evidence ?? ""}`,
    });
  }
  const teamServices = new Map((await allRecords(store, "team")).map((team) => [team.id, team.serviceId]));
  for (const kpi of await allRecords(store, "kpiDefinition")) {
    candidates.push({ kind: "kpiDefinition", id: kpi.id, label: await labelOf(store, "kpiDefinition", kpi), text: `${kpi.name} ${kpi.measures} ${kpi.purpose}` });
  }
  for (const feedback of await allRecords(store, "feedback")) {
    candidates.push({
      kind: "feedback",
      id: feedback.id,
      label: await labelOf(store, "feedback", feedback),
      date: feedback.receivedOn,
      theme: feedback.theme,
      areas: areasOf(feedback.serviceId ?? teamServices.get(feedback.teamId)),
      text: `${feedback.theme} ${feedback.summary}`,
    });
  }
  for (const observation of await allRecords(store, "observation")) {
    candidates.push({
      kind: "observation",
      id: observation.id,
      label: await labelOf(store, "observation", observation),
      date: observation.observedOn,
      areas: areasOf(observation.teamId ? teamServices.get(observation.teamId) : undefined),
      text: `${observation.strengths} ${observation.areasToDevelop}`,
    });
  }
  for (const update of await allRecords(store, "youSaidWeDid", { where: { status: "published" } })) {
    candidates.push({
      kind: "youSaidWeDid",
      id: update.id,
      label: await labelOf(store, "youSaidWeDid", update),
      date: update.publishedAt?.slice(0, 10),
      theme: update.theme,
      text: `${update.theme} ${update.youSaid} ${update.weDid.map((entry) => entry.text).join(" ")}`,
    });
  }
  for (const meeting of await allRecords(store, "performanceMeeting")) {
    candidates.push({
      kind: "performanceMeeting",
      id: meeting.id,
      label: await labelOf(store, "performanceMeeting", meeting),
      date: meeting.heldOn,
      areas: ["leaders"],
      text: `${meeting.title} ${meeting.decisions.join(" ")} ${meeting.notes}`,
    });
  }
  return candidates;
}
