// Shapes of the report pack, meeting and self-evaluation answers that the tab
// reads (see /api/openapi.json for the full description).
import type { Action } from "./types";

export type ReportSectionKey = "summary" | "kpis" | "grades" | "moderation" | "themes" | "actions" | "feedback" | "workforce" | "improvement_plan";

export interface ReportSection {
  key: ReportSectionKey;
  heading: string;
  intro: string;
  figures: { label: string; value: string }[];
  tables: { caption: string; columns: string[]; rows: string[][]; emptyText: string }[];
  chart?: { title: string; altText: string };
  narrative: string;
}

export interface ReportPackAnswer {
  pack: { title: string; authorityName: string; scopeLabel: string; period: { month: string; label: string; from: string; to: string }; sections: ReportSection[] };
  scopeKey: string;
  narratives: { id: string; sectionKey: ReportSectionKey; text: string; etag: string | null }[];
  /** Sections left out of this scope's pack, with why. */
  leftOut: { sectionKey: ReportSectionKey; reason: string }[];
  canWriteNarratives: boolean;
}

export type MeetingKind = "performance_meeting" | "qa_board" | "practice_review" | "other";

export interface Meeting {
  id: string;
  etag: string;
  title: string;
  kind: MeetingKind;
  heldOn: string;
  attendeeIds: string[];
  reportPeriod?: string;
  decisions: string[];
  notes: string;
}

export interface MeetingView extends Meeting {
  attendees: { id: string; displayName: string }[];
  actions: Action[];
}

export type IlacsArea = "leaders" | "help_and_protection" | "children_in_care" | "care_leavers";
export type OfstedQuestion = "know" | "how_we_know" | "plans";
export type Rag = "red" | "amber" | "green" | "complete" | "not_started";

export interface EvidenceReference {
  kind: string;
  id: string;
  note: string;
}

export interface DescribedEvidence extends EvidenceReference {
  label: string;
  exists: boolean;
}

export interface SelfEvaluation {
  id: string;
  etag: string;
  year: string;
  startsOn: string;
  status: "open" | "closed";
  previousId?: string;
}

export interface SefStatement {
  id: string;
  etag: string;
  selfEvaluationId: string;
  area: IlacsArea;
  question: OfstedQuestion;
  text: string;
  evidence: EvidenceReference[];
  evidenceDescribed: DescribedEvidence[];
  flags: ("no_evidence" | "missing_evidence" | "not_written")[];
}

export interface ImprovementPriority {
  id: string;
  etag: string;
  title: string;
  impactMeasure: string;
  ownerId: string;
  ownerName: string;
  statementIds: string[];
  status: "active" | "achieved" | "carried_forward";
  carriedFromId?: string;
  carriedToId?: string;
  progress: { rag: Rag; reason: string; actions: number; done: number };
  actions: (Action & { ownerName: string })[];
  evidenceDescribed: DescribedEvidence[];
}

export interface SelfEvaluationAnswer {
  selfEvaluation: SelfEvaluation;
  statements: SefStatement[];
  priorities: ImprovementPriority[];
  progress: { actions: number; done: number };
  canEdit: boolean;
}

export interface EvidenceSuggestion {
  kind: string;
  id: string;
  label: string;
  reasons: string[];
}
