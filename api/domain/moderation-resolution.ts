// How a moderation is resolved, as pure rules: the outcome of each section
// (agreed, re-graded up, re-graded down), the final grade once the auditor
// accepts or the QA lead decides, and a panel's dissent. The auditor's own
// grades are never changed: every result here sits beside them.
import { DomainError } from "./errors.js";
import { gradeOn, type GradeScale } from "./records/grade-scale.js";
import type { GradeChoice, ModeratedGrade, Moderation, PanelDissent, PanelView, SectionOutcome } from "./records/moderation.js";

/** Up means the moderator graded better than the auditor (a lower rank is better). */
export function sectionOutcome(scale: GradeScale, auditorGrade: string, moderatorGrade: string): SectionOutcome {
  const shift = gradeOn(scale, moderatorGrade).rank - gradeOn(scale, auditorGrade).rank;
  return shift < 0 ? "regraded_up" : shift > 0 ? "regraded_down" : "agreed";
}

/**
 * The moderator's grades beside the auditor's, each with its outcome. A
 * section not re-graded keeps the auditor's grade. Each re-graded section
 * carries its rationale: its own if given, else `rationale` (the moderation's).
 */
export function moderatedGrades(grades: readonly ModeratedGrade[], regrades: readonly GradeChoice[], scale: GradeScale, rationale = ""): ModeratedGrade[] {
  const known = new Set(grades.map((grade) => grade.sectionKey));
  for (const regrade of regrades) {
    if (!known.has(regrade.sectionKey)) {
      throw new DomainError("invalid_record", `This audit has no graded section "${regrade.sectionKey}".`, { field: "grades" });
    }
  }
  const chosen = new Map(regrades.map((regrade) => [regrade.sectionKey, { grade: gradeOn(scale, regrade.grade).key, rationale: regrade.rationale?.trim() || rationale.trim() }]));
  return grades.map((grade) => {
    const choice = chosen.get(grade.sectionKey);
    const moderatorGrade = choice?.grade ?? grade.auditorGrade;
    const outcome = sectionOutcome(scale, grade.auditorGrade, moderatorGrade);
    const moderated: ModeratedGrade = { sectionKey: grade.sectionKey, auditorGrade: grade.auditorGrade, moderatorGrade, outcome };
    if (outcome !== "agreed" && choice?.rationale) moderated.rationale = choice.rationale;
    return moderated;
  });
}

/** The moderation's overall outcome: the overall grade's direction, or "regraded" when only sections changed. */
export function overallOutcome(grades: readonly ModeratedGrade[]): NonNullable<Moderation["outcome"]> {
  const overall = grades.find((grade) => grade.sectionKey === "overall");
  if (overall?.outcome && overall.outcome !== "agreed") return overall.outcome;
  return grades.every((grade) => grade.outcome === "agreed") ? "agreed" : "regraded";
}

/** The auditor accepted: the moderated grade is final. */
export function acceptedGrades(grades: readonly ModeratedGrade[]): ModeratedGrade[] {
  return grades.map((grade) => ({ ...grade, finalGrade: grade.moderatorGrade ?? grade.auditorGrade }));
}

/** The QA lead decided: their grade is final for every section they name; others keep the moderated grade. */
export function decidedGrades(grades: readonly ModeratedGrade[], decision: readonly GradeChoice[], scale: GradeScale): ModeratedGrade[] {
  const known = new Set(grades.map((grade) => grade.sectionKey));
  for (const choice of decision) {
    if (!known.has(choice.sectionKey)) {
      throw new DomainError("invalid_record", `This audit has no graded section "${choice.sectionKey}".`, { field: "grades" });
    }
  }
  const chosen = new Map(decision.map((choice) => [choice.sectionKey, gradeOn(scale, choice.grade).key]));
  return grades.map((grade) => ({ ...grade, finalGrade: chosen.get(grade.sectionKey) ?? grade.moderatorGrade ?? grade.auditorGrade }));
}

/** The final overall grade, once resolved. */
export function finalOverallGrade(grades: readonly ModeratedGrade[]): string | undefined {
  return grades.find((grade) => grade.sectionKey === "overall")?.finalGrade;
}

/**
 * A panel's dissent: each member whose view differs from the agreed grades
 * on any section (naming the sections, with their comment), and each member
 * who gave no view. The chair's own view is the agreed outcome.
 */
export function panelDissent(memberIds: readonly string[], views: readonly PanelView[], agreed: readonly ModeratedGrade[]): PanelDissent[] {
  const agreedGrade = new Map(agreed.map((grade) => [grade.sectionKey, grade.moderatorGrade ?? grade.auditorGrade]));
  const dissent: PanelDissent[] = [];
  for (const memberId of memberIds) {
    const view = views.find((candidate) => candidate.moderatorId === memberId);
    if (!view) {
      dissent.push({ moderatorId: memberId, sectionKeys: [], note: "Gave no view before the chair recorded the outcome." });
      continue;
    }
    const differing = view.grades.filter((grade) => agreedGrade.has(grade.sectionKey) && agreedGrade.get(grade.sectionKey) !== grade.grade).map((grade) => grade.sectionKey);
    if (differing.length > 0) dissent.push({ moderatorId: memberId, sectionKeys: differing, note: view.comment });
  }
  return dissent;
}
