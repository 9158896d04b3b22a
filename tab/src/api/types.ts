// Shapes of the API's answers that the tab reads. The server's OpenAPI
// document (/api/openapi.json) is the full description.
export type AuditStatus =
  | "planned"
  | "assigned"
  | "reflection_requested"
  | "in_progress"
  | "submitted"
  | "in_moderation"
  | "completed"
  | "declined"
  | "cancelled";

export type AuditType = "regular" | "thematic" | "multi_agency" | "focused" | "external" | "supervision";

export interface Me {
  id: string;
  displayName: string;
  roles: string[];
  roleLabels: string[];
  teamId: string | null;
  serviceId: string | null;
  scope: "own" | "team" | "service" | "authority";
  signIn: "entra" | "local";
}

export interface Audit {
  id: string;
  etag: string;
  type: AuditType;
  toolId: string;
  caseId: string;
  caseReference: string | null;
  teamId?: string;
  serviceId?: string;
  sharedWithIds: string[];
  theme?: string;
  status: AuditStatus;
  auditorId?: string;
  practitionerId?: string;
  dueDate?: string;
  answers: { questionKey: string; answer: string }[];
  sectionGrades: { sectionKey: string; grade: string }[];
  overallGrade?: string;
  /** The moderated (or QA lead's) overall grade once moderation is resolved; overallGrade stays the auditor's. */
  finalOverallGrade?: string;
  /** One of an external parallel audit: the other audit of the same case. */
  parallelWithAuditId?: string;
  /** Sealed: its grades, answers and findings are hidden until both parallel audits are submitted. */
  sealed?: boolean;
  findings: { workingWell: string[]; needsToBeBetter: string[] };
  reflection?: { answers: { promptKey: string; answer: string; answeredAt: string }[]; skippedPromptKeys: string[]; finishedAt?: string };
  childFamilyView?: { soughtFrom: "child" | "parent_or_carer" | "family" | "not_sought"; method: string; summary: string };
  declineReason?: string;
  submittedAt?: string;
  completedAt?: string;
}

export interface Action {
  id: string;
  etag: string;
  title: string;
  reason: string;
  ownerId: string;
  dueDate: string;
  status: "open" | "in_progress" | "done" | "cancelled";
  auditId?: string;
  teamId?: string;
  evidence?: string;
  extensionReason?: string;
  completedAt?: string;
}

export interface Grade {
  key: string;
  label: string;
  rank: number;
}

export interface AuditTool {
  id: string;
  etag: string;
  name: string;
  auditTypes: AuditType[];
  gradeScaleId: string;
  sections: { key: string; title: string; questions: { key: string; prompt: string; guidance: string; standardIds: string[] }[] }[];
  reflectivePrompts: { key: string; prompt: string }[];
  gradeScale?: { name: string; grades: Grade[] };
}

export interface PersonSummary {
  id: string;
  displayName: string;
  roles: string[];
  teamId?: string;
  serviceId?: string;
  jobTitle?: string;
}

export interface Team {
  id: string;
  name: string;
  serviceId: string;
  managerId?: string;
}

export interface Service {
  id: string;
  name: string;
}

export interface GradeCount {
  grade: string;
  label: string;
  count: number;
}

export interface DashboardFigures {
  audits: number;
  graded: number;
  grades: GradeCount[];
  sections: { sectionKey: string; title: string; grades: GradeCount[] }[];
  trend: { month: string; grades: GradeCount[] }[];
  byStatus: { status: AuditStatus; count: number }[];
  byType: { type: AuditType; count: number }[];
  overdueAudits: number;
  overdueActions: number;
  moderation: { moderated: number; agreed: number; agreementPercent: number | null };
}

/** GET /api/my-work/waiting: something another feature has asked of the signed-in person. */
export interface WaitingEntry {
  kind: "observation_reflection" | "feedback_360" | "survey" | "bulletin";
  id: string;
  title: string;
  dueDate: string | null;
  /** Hash route where it is done; null when it is answered on its card in Teams. */
  link: string | null;
  where: string;
}
