// The feedback register's API shapes and plain-English words for its codes.
export type FeedbackType = "compliment" | "complaint";
export type Timeliness = "on_time" | "due_soon" | "overdue" | "responded_on_time" | "responded_late";
export type ComplaintOutcome = "upheld" | "partly_upheld" | "not_upheld" | "withdrawn";

export interface StageStatus {
  stage: 1 | 2 | 3;
  name: string;
  startedOn: string;
  workingDays: number;
  extended: boolean;
  dueOn: string;
  respondedOn?: string;
  timeliness: Timeliness;
  workingDaysLeft?: number;
}

export interface Feedback {
  id: string;
  etag: string;
  type: FeedbackType;
  source: string;
  receivedOn: string;
  theme: string;
  teamId: string;
  teamName: string | null;
  caseReference?: string;
  summary: string;
  stages: { stage: 1 | 2 | 3; startedOn: string; extendedToWorkingDays?: number; extensionReason?: string; respondedOn?: string; outcome?: ComplaintOutcome }[];
  importKey?: string;
  standing: { open: boolean; timeliness?: Timeliness; stages: StageStatus[] };
}

export interface AuditChildFamilyView {
  auditId: string;
  caseReference: string;
  teamId: string | null;
  soughtFrom: "child" | "parent_or_carer" | "family";
  method: string;
  summary: string;
  submittedAt: string | null;
}

export const feedbackTypeWords: Record<FeedbackType, string> = { compliment: "Compliment", complaint: "Complaint" };

export const sourceWords: Record<string, string> = {
  child_or_young_person: "Child or young person",
  parent_or_carer: "Parent or carer",
  family_member: "Other family member",
  advocate: "Advocate",
  professional: "Professional on the family's behalf",
  other: "Someone else",
};

export const timelinessWords: Record<Timeliness, string> = {
  on_time: "On time",
  due_soon: "Due soon",
  overdue: "Overdue",
  responded_on_time: "Answered on time",
  responded_late: "Answered late",
};

export const outcomeWords: Record<ComplaintOutcome, string> = {
  upheld: "Upheld",
  partly_upheld: "Partly upheld",
  not_upheld: "Not upheld",
  withdrawn: "Withdrawn",
};

export const statusChoices = [
  { value: "", label: "Any" },
  { value: "open", label: "Open complaints" },
  { value: "overdue", label: "Overdue" },
  { value: "due_soon", label: "Due soon" },
  { value: "on_time", label: "On time" },
  { value: "closed", label: "Answered complaints" },
] as const;

/** The most each stage may be extended to, in working days (stage 3 cannot be). */
export const extensionLimits: Record<1 | 2 | 3, { base: number; maximum: number }> = {
  1: { base: 10, maximum: 20 },
  2: { base: 25, maximum: 65 },
  3: { base: 30, maximum: 30 },
};

export const recorderRoles = ["team_manager", "service_manager", "head_of_service", "qa_lead", "principal_social_worker"];
