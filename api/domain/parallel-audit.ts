// External parallel audit (seed §2.11): the same case audited independently,
// at the same time, by an internal auditor and an external one. Until both
// audits are submitted each is sealed: nobody but its own auditor sees its
// grades, answers or findings. Then the two are compared section by section.
import type { Audit } from "./records/audit.js";
import type { AuditTool } from "./records/audit-tool.js";
import { gradeOn, type GradeScale } from "./records/grade-scale.js";

const submittedStatuses: readonly Audit["status"][] = ["submitted", "in_moderation", "completed"];

export function isSubmitted(audit: Pick<Audit, "status">): boolean {
  return submittedStatuses.includes(audit.status);
}

/**
 * Submitted, but its parallel partner is not: sealed for everyone but its
 * auditor, so counts of grades (dashboards, standards) must leave it out.
 * (Both audits of a pair complete together when the second is submitted.)
 */
export function awaitingParallelPartner(audit: Pick<Audit, "status" | "parallelWithAuditId">): boolean {
  return audit.parallelWithAuditId !== undefined && audit.status === "submitted";
}

/**
 * Whether this viewer must not see the audit's judgements yet: it is one of
 * a parallel pair, the viewer is not its auditor, and the pair is not both in.
 */
export function isSealedFor(audit: Pick<Audit, "status" | "auditorId" | "parallelWithAuditId">, partner: Pick<Audit, "status"> | undefined, viewerId: string): boolean {
  if (!audit.parallelWithAuditId) return false;
  if (audit.auditorId === viewerId) return false;
  return !(isSubmitted(audit) && partner !== undefined && isSubmitted(partner));
}

/** The audit with its judgements taken out: what a sealed audit shows. */
export function sealed<A extends Audit>(audit: A): A & { sealed: true } {
  return {
    ...audit,
    answers: [],
    sectionGrades: [],
    overallGrade: undefined,
    finalOverallGrade: undefined,
    findings: { workingWell: [], needsToBeBetter: [] },
    childFamilyView: undefined,
    reflection: undefined,
    sealed: true,
  };
}

export interface ComparisonRow {
  sectionKey: string;
  title: string;
  internalGrade: string | null;
  externalGrade: string | null;
  /** external rank − internal rank: positive when the external auditor graded worse. */
  difference: number | null;
  agreed: boolean;
}

export interface ParallelComparison {
  rows: ComparisonRow[];
  findings: {
    internal: Audit["findings"];
    external: Audit["findings"];
  };
  agreedSections: number;
  gradedSections: number;
}

/** Grades and findings of the two audits side by side, section by section, overall last. */
export function parallelComparison(internal: Audit, external: Audit, tool: AuditTool, scale: GradeScale): ParallelComparison {
  const gradeIn = (audit: Audit, sectionKey: string) =>
    sectionKey === "overall" ? audit.overallGrade : audit.sectionGrades.find((grade) => grade.sectionKey === sectionKey)?.grade;
  const sections = [...tool.sections.map((section) => ({ key: section.key, title: section.title })), { key: "overall", title: "Overall" }];
  const rows = sections.map(({ key, title }): ComparisonRow => {
    const internalGrade = gradeIn(internal, key) ?? null;
    const externalGrade = gradeIn(external, key) ?? null;
    const difference = internalGrade && externalGrade ? gradeOn(scale, externalGrade).rank - gradeOn(scale, internalGrade).rank : null;
    return { sectionKey: key, title, internalGrade, externalGrade, difference, agreed: difference === 0 };
  });
  return {
    rows,
    findings: { internal: internal.findings, external: external.findings },
    agreedSections: rows.filter((row) => row.agreed).length,
    gradedSections: rows.filter((row) => row.difference !== null).length,
  };
}
