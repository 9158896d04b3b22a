// The QA dashboard's figures for a set of audits: how practice was graded
// (overall and per section), how that moved month by month, where audits
// are in their lifecycle, what is overdue, and how often moderators agreed.
// Pure: the caller chooses the audits (scope, filters, period).
import { awaitingParallelPartner } from "./parallel-audit.js";
import type { Audit } from "./records/audit.js";
import type { Grade } from "./records/grade-scale.js";
import type { Moderation } from "./records/moderation.js";

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
  byStatus: { status: string; count: number }[];
  byType: { type: string; count: number }[];
  overdueAudits: number;
  moderation: { moderated: number; agreed: number; agreementPercent: number | null };
}

type DashboardAudit = Pick<Audit, "status" | "type" | "overallGrade" | "sectionGrades" | "submittedAt" | "dueDate" | "parallelWithAuditId">;

const finished = new Set(["submitted", "in_moderation", "completed", "cancelled"]);

function countGrades(grades: readonly Grade[], keys: (string | undefined)[]): GradeCount[] {
  return grades.map((grade) => ({ grade: grade.key, label: grade.label, count: keys.filter((key) => key === grade.key).length }));
}

function tally<T extends string>(values: T[]): { key: T; count: number }[] {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

export function dashboardFigures(input: {
  audits: readonly DashboardAudit[];
  moderations: readonly Pick<Moderation, "status" | "outcome">[];
  grades: readonly Grade[];
  sections: readonly { key: string; title: string }[];
  today: string;
}): DashboardFigures {
  const { audits, grades, today } = input;
  // A parallel audit whose partner is not in yet is sealed: its grade is not counted.
  const graded = audits.filter((audit) => audit.overallGrade !== undefined && audit.submittedAt !== undefined && !awaitingParallelPartner(audit));
  const months = [...new Set(graded.map((audit) => audit.submittedAt!.slice(0, 7)))].sort();
  const completedModerations = input.moderations.filter((moderation) => moderation.status === "completed");
  const agreed = completedModerations.filter((moderation) => moderation.outcome === "agreed").length;
  return {
    audits: audits.length,
    graded: graded.length,
    grades: countGrades(grades, graded.map((audit) => audit.overallGrade)),
    sections: input.sections.map((section) => ({
      sectionKey: section.key,
      title: section.title,
      grades: countGrades(grades, graded.map((audit) => audit.sectionGrades.find((grade) => grade.sectionKey === section.key)?.grade)),
    })),
    trend: months.map((month) => ({
      month,
      grades: countGrades(grades, graded.filter((audit) => audit.submittedAt!.startsWith(month)).map((audit) => audit.overallGrade)),
    })),
    byStatus: tally(audits.map((audit) => audit.status)).map(({ key, count }) => ({ status: key, count })),
    byType: tally(audits.map((audit) => audit.type)).map(({ key, count }) => ({ type: key, count })),
    overdueAudits: audits.filter((audit) => !finished.has(audit.status) && audit.dueDate !== undefined && audit.dueDate < today).length,
    moderation: {
      moderated: completedModerations.length,
      agreed,
      // Below five, a percentage says more than the numbers do.
      agreementPercent: completedModerations.length >= 5 ? Math.round((agreed / completedModerations.length) * 100) : null,
    },
  };
}

const submittedStatuses = ["submitted", "in_moderation", "completed"];

/** Whether an audit counts in the period: submitted in it, or not submitted at all. */
export function inDashboardPeriod(audit: { status: string; submittedAt?: string }, from?: string, to?: string): boolean {
  const day = audit.submittedAt?.slice(0, 10);
  if ((from || to) && !day) return !submittedStatuses.includes(audit.status);
  return (!from || day! >= from) && (!to || day! <= to);
}
