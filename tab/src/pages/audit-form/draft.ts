// The audit form's working copy (a "draft") and how it maps to the API:
// from an audit to the draft, from the draft to the PATCH body, and the
// draft's fields by name, to list what was not saved after a conflict.
import type { Audit, AuditTool } from "../../api/types";
import { soughtFromWords } from "../../components/words";

export type SoughtFrom = NonNullable<Audit["childFamilyView"]>["soughtFrom"];

export interface Draft {
  answers: Record<string, string>;
  sectionGrades: Record<string, string>;
  overallGrade: string;
  /** One finding per line. */
  workingWell: string;
  needsToBeBetter: string;
  soughtFrom: SoughtFrom | "";
  method: string;
  summary: string;
}

/** What PATCH /api/audits/:id takes. */
export interface Assessment {
  answers: { questionKey: string; answer: string }[];
  sectionGrades: { sectionKey: string; grade: string }[];
  overallGrade?: string;
  workingWell: string[];
  needsToBeBetter: string[];
  childFamilyView?: { soughtFrom: SoughtFrom; method: string; summary: string };
}

export function draftFrom(audit: Audit): Draft {
  return {
    answers: Object.fromEntries(audit.answers.map((answer) => [answer.questionKey, answer.answer])),
    sectionGrades: Object.fromEntries(audit.sectionGrades.map((grade) => [grade.sectionKey, grade.grade])),
    overallGrade: audit.overallGrade ?? "",
    workingWell: audit.findings.workingWell.join("\n"),
    needsToBeBetter: audit.findings.needsToBeBetter.join("\n"),
    soughtFrom: audit.childFamilyView?.soughtFrom ?? "",
    method: audit.childFamilyView?.method ?? "",
    summary: audit.childFamilyView?.summary ?? "",
  };
}

export function findingLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function assessmentFrom(draft: Draft): Assessment {
  const assessment: Assessment = {
    answers: Object.entries(draft.answers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([questionKey, answer]) => ({ questionKey, answer })),
    sectionGrades: Object.entries(draft.sectionGrades)
      .filter(([, grade]) => grade !== "")
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([sectionKey, grade]) => ({ sectionKey, grade })),
    workingWell: findingLines(draft.workingWell),
    needsToBeBetter: findingLines(draft.needsToBeBetter),
  };
  if (draft.overallGrade) assessment.overallGrade = draft.overallGrade;
  if (draft.soughtFrom) assessment.childFamilyView = { soughtFrom: draft.soughtFrom, method: draft.method.trim(), summary: draft.summary.trim() };
  return assessment;
}

/** A stable text of what would be saved, to tell whether anything changed. */
export function savedForm(draft: Draft): string {
  return JSON.stringify(assessmentFrom(draft));
}

/** Sections of the tool with no grade in the draft, in the tool's order. */
export function ungradedSections(draft: Draft, tool: AuditTool): AuditTool["sections"] {
  return tool.sections.filter((section) => !draft.sectionGrades[section.key]);
}

export interface DraftField {
  id: string;
  label: string;
  /** What the field holds, as the person would read it. */
  text: string;
}

/** The draft as named fields (normalised as they would be saved), to compare two drafts. */
export function draftFields(draft: Draft, tool: AuditTool): DraftField[] {
  const gradeLabel = (key: string) => tool.gradeScale?.grades.find((grade) => grade.key === key)?.label ?? key;
  const fields: DraftField[] = [];
  for (const section of tool.sections) {
    for (const question of section.questions) {
      fields.push({ id: `answer:${question.key}`, label: question.prompt, text: (draft.answers[question.key] ?? "").trim() });
    }
    const grade = draft.sectionGrades[section.key];
    fields.push({ id: `grade:${section.key}`, label: `Grade for ${section.title}`, text: grade ? gradeLabel(grade) : "" });
  }
  fields.push({ id: "overallGrade", label: "Overall grade", text: draft.overallGrade ? gradeLabel(draft.overallGrade) : "" });
  fields.push({ id: "workingWell", label: "What is working well", text: findingLines(draft.workingWell).join("\n") });
  fields.push({ id: "needsToBeBetter", label: "What needs to be better", text: findingLines(draft.needsToBeBetter).join("\n") });
  fields.push({ id: "soughtFrom", label: "Whose view you sought", text: draft.soughtFrom ? soughtFromWords[draft.soughtFrom] : "" });
  fields.push({ id: "method", label: "How you sought it", text: draft.method.trim() });
  fields.push({ id: "summary", label: "What they said", text: draft.summary.trim() });
  return fields;
}

/** Copy the named fields from `from` onto `onto`. */
export function withFields(onto: Draft, from: Draft, ids: readonly string[]): Draft {
  const next: Draft = { ...onto, answers: { ...onto.answers }, sectionGrades: { ...onto.sectionGrades } };
  for (const id of ids) {
    const [kind, key = ""] = id.split(":");
    if (kind === "answer") next.answers[key] = from.answers[key] ?? "";
    else if (kind === "grade") next.sectionGrades[key] = from.sectionGrades[key] ?? "";
    else if (kind === "overallGrade" || kind === "workingWell" || kind === "needsToBeBetter" || kind === "soughtFrom" || kind === "method" || kind === "summary") {
      (next as unknown as Record<string, unknown>)[kind] = from[kind];
    }
  }
  return next;
}
