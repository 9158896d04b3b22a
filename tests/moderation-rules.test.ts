// The moderation rules as pure functions: the minimum per auditor per
// quarter, the line-manager exclusion, the seeded draw's reproducibility,
// the resolution of grades, a panel's dissent, and the sealing of parallel audits.
import { describe, expect, it } from "vitest";
import { chooseModerator, lineManagerOf, moderationDecision, moderatorConflict, quarterBounds, quarterOf } from "../api/domain/moderation-sampling.js";
import { acceptedGrades, decidedGrades, finalOverallGrade, moderatedGrades, overallOutcome, panelDissent } from "../api/domain/moderation-resolution.js";
import { dashboardFigures } from "../api/domain/dashboard-figures.js";
import { awaitingParallelPartner, isSealedFor, parallelComparison, sealed } from "../api/domain/parallel-audit.js";
import { Audit } from "../api/domain/records/audit.js";
import { ofstedGradeScale } from "../api/domain/records/grade-scale.js";
import { Moderation, ModerationRule } from "../api/domain/records/moderation.js";
import { demoAuditTool } from "../api/seed/demo-authority.js";
import { AuditTool } from "../api/domain/records/audit-tool.js";

const rule = ModerationRule.parse({ sampleRate: 0.25, alwaysModerateGrades: ["inadequate", "outstanding"], seed: "2026-q4", minimumPerAuditorPerQuarter: 2 });
const good = { overallGrade: "good", sectionGrades: [{ sectionKey: "voice", grade: "good" }] };
// An audit id the 25% draw does not pick under seed "2026-q4".
const undrawn = Array.from({ length: 50 }, (_, index) => `audit-${index}`).find((id) => !moderationDecision({ ...rule, minimumPerAuditorPerQuarter: 0 }, good, id).sampled)!;

describe("minimum moderations per auditor per quarter", () => {
  it("moderates an audit the draw missed while the auditor is below the minimum, and says so", () => {
    const decision = moderationDecision(rule, good, undrawn, { quarter: "2026 Q4", moderatedSoFar: 1 });
    expect(decision).toMatchObject({ sampled: true, because: "The auditor had 1 of the minimum 2 moderations in 2026 Q4", seed: "2026-q4" });
  });

  it("leaves it to the draw once the minimum is met, or when no minimum is set", () => {
    expect(moderationDecision(rule, good, undrawn, { quarter: "2026 Q4", moderatedSoFar: 2 }).sampled).toBe(false);
    expect(moderationDecision({ ...rule, minimumPerAuditorPerQuarter: 0 }, good, undrawn, { quarter: "2026 Q4", moderatedSoFar: 0 }).sampled).toBe(false);
  });

  it("names quarters by calendar and knows their first and last days", () => {
    expect(quarterOf("2026-11-26T14:00:00Z")).toBe("2026 Q4");
    expect(quarterOf("2027-01-01")).toBe("2027 Q1");
    expect(quarterBounds("2026 Q4")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(quarterBounds("2028 Q1")).toEqual({ from: "2028-01-01", to: "2028-03-31" });
  });

  it("refuses a minimum that is not a whole number", () => {
    expect(ModerationRule.safeParse({ sampleRate: 0.1, minimumPerAuditorPerQuarter: 1.5 }).success).toBe(false);
  });
});

describe("never by the auditor's own line manager", () => {
  const teams = [{ id: "team-cp", managerId: "person-daniel" }];
  const audit = { auditorId: "person-grace", practitionerId: "person-liam" };

  it("finds the line manager on the person's record first, else their team's manager (not themselves)", () => {
    expect(lineManagerOf({ id: "person-grace", teamId: "team-cp" }, teams)).toBe("person-daniel");
    expect(lineManagerOf({ id: "person-grace", teamId: "team-cp", lineManagerId: "person-owen" }, teams)).toBe("person-owen");
    expect(lineManagerOf({ id: "person-daniel", teamId: "team-cp" }, teams)).toBeUndefined();
  });

  it("excludes the line manager when the rule says so, and not otherwise", () => {
    expect(moderatorConflict("person-daniel", audit, { excludeLineManager: true }, "person-daniel")).toMatch(/line manager/);
    expect(moderatorConflict("person-daniel", audit, { excludeLineManager: false }, "person-daniel")).toBeUndefined();
    expect(moderatorConflict("person-grace", audit, { excludeLineManager: false }, undefined)).toMatch(/own audit/);
    expect(moderatorConflict("person-liam", audit, { excludeLineManager: false }, undefined)).toMatch(/own case/);
  });

  it("never chooses the line manager, whatever the seed, and chooses nobody when only they are left", () => {
    const moderators = [{ id: "person-daniel" }, { id: "person-tom" }, { id: "person-priya" }];
    for (let index = 0; index < 100; index += 1) {
      const chosen = chooseModerator(moderators, audit, `audit-${index}`, { excludeLineManager: true, seed: `seed-${index}` }, "person-daniel");
      expect(chosen?.id).not.toBe("person-daniel");
    }
    expect(chooseModerator([{ id: "person-daniel" }], audit, "audit-1", { excludeLineManager: true, seed: "s" }, "person-daniel")).toBeUndefined();
  });
});

describe("the seeded draw", () => {
  it("gives the same sample, the same moderators and the same recorded draw from the same seed", () => {
    const ids = Array.from({ length: 100 }, (_, index) => `audit-${index}`);
    const moderators = [{ id: "m-1" }, { id: "m-2" }, { id: "m-3" }];
    const run = (seed: string) =>
      ids.map((id) => {
        const decision = moderationDecision({ ...rule, seed, minimumPerAuditorPerQuarter: 0 }, good, id);
        return [decision.sampled, decision.draw, chooseModerator(moderators, { auditorId: "a" }, id, { excludeLineManager: true, seed }, undefined)?.id];
      });
    expect(run("2026-q4")).toEqual(run("2026-q4"));
    expect(run("2026-q4")).not.toEqual(run("2027-q1"));
    const decision = moderationDecision(rule, good, "audit-7");
    expect(decision.seed).toBe("2026-q4");
    expect(decision.draw).toBeGreaterThanOrEqual(0);
    expect(decision.draw).toBeLessThan(1);
  });
});

describe("resolution", () => {
  const base = [
    { sectionKey: "voice", auditorGrade: "good" },
    { sectionKey: "overall", auditorGrade: "inadequate" },
  ];

  it("records per section the auditor's grade, the moderator's, and whether it was agreed or re-graded up or down", () => {
    const grades = moderatedGrades(base, [{ sectionKey: "voice", grade: "requires_improvement" }, { sectionKey: "overall", grade: "good" }], ofstedGradeScale);
    expect(grades).toEqual([
      { sectionKey: "voice", auditorGrade: "good", moderatorGrade: "requires_improvement", outcome: "regraded_down" },
      { sectionKey: "overall", auditorGrade: "inadequate", moderatorGrade: "good", outcome: "regraded_up" },
    ]);
    expect(overallOutcome(grades)).toBe("regraded_up");
    // Each re-graded section carries its rationale: its own, or the moderation's.
    const explained = moderatedGrades(base, [{ sectionKey: "voice", grade: "requires_improvement", rationale: "Not seen alone" }, { sectionKey: "overall", grade: "good" }], ofstedGradeScale, "Safe; plan lacks dates");
    expect(explained.map((grade) => grade.rationale)).toEqual(["Not seen alone", "Safe; plan lacks dates"]);
    expect(moderatedGrades(base, [{ sectionKey: "voice", grade: "good", rationale: "Same" }], ofstedGradeScale, "x")[0]).not.toHaveProperty("rationale");
    expect(overallOutcome(moderatedGrades(base, [], ofstedGradeScale))).toBe("agreed");
    expect(overallOutcome(moderatedGrades(base, [{ sectionKey: "voice", grade: "outstanding" }], ofstedGradeScale))).toBe("regraded");
  });

  it("makes the moderated grade final when the auditor accepts, and the QA lead's when they decide, keeping the auditor's", () => {
    const grades = moderatedGrades(base, [{ sectionKey: "overall", grade: "good" }], ofstedGradeScale);
    expect(finalOverallGrade(acceptedGrades(grades))).toBe("good");
    const decided = decidedGrades(grades, [{ sectionKey: "overall", grade: "requires_improvement" }], ofstedGradeScale);
    expect(decided.find((grade) => grade.sectionKey === "overall")).toEqual({
      sectionKey: "overall",
      auditorGrade: "inadequate",
      moderatorGrade: "good",
      outcome: "regraded_up",
      finalGrade: "requires_improvement",
    });
    expect(decided.find((grade) => grade.sectionKey === "voice")?.finalGrade).toBe("good");
  });

  it("refuses a grade off the scale or a section the audit does not have", () => {
    expect(() => moderatedGrades(base, [{ sectionKey: "voice", grade: "brilliant" }], ofstedGradeScale)).toThrow(/not a grade/);
    expect(() => decidedGrades(base, [{ sectionKey: "housing", grade: "good" }], ofstedGradeScale)).toThrow(/no graded section "housing"/);
  });

  it("requires a rationale for a re-grade, and the external audit for a parallel one", () => {
    expect(Moderation.safeParse({ auditId: "a", moderatorId: "m", grades: base, outcome: "regraded_up" }).success).toBe(false);
    expect(Moderation.safeParse({ auditId: "a", moderatorId: "m", kind: "external_parallel", grades: [] }).success).toBe(false);
    expect(Moderation.safeParse({ auditId: "a", moderatorId: "m", kind: "external_parallel", parallelAuditId: "b", grades: [] }).success).toBe(true);
  });
});

describe("panel dissent", () => {
  const agreed = moderatedGrades(
    [
      { sectionKey: "voice", auditorGrade: "good" },
      { sectionKey: "overall", auditorGrade: "good" },
    ],
    [{ sectionKey: "overall", grade: "requires_improvement" }],
    ofstedGradeScale,
  );
  const view = (moderatorId: string, overall: string, comment = "") => ({
    moderatorId,
    grades: [
      { sectionKey: "voice", grade: "good" },
      { sectionKey: "overall", grade: overall },
    ],
    comment,
    givenAt: "2026-11-02T10:00:00Z",
  });

  it("records as dissent each member whose view differs, naming the sections, and each who gave no view", () => {
    const dissent = panelDissent(["tom", "owen", "grace"], [view("tom", "requires_improvement"), view("owen", "good", "The plan is specific enough")], agreed);
    expect(dissent).toEqual([
      { moderatorId: "owen", sectionKeys: ["overall"], note: "The plan is specific enough" },
      { moderatorId: "grace", sectionKeys: [], note: "Gave no view before the chair recorded the outcome." },
    ]);
  });

  it("records no dissent when every member agrees with the outcome", () => {
    expect(panelDissent(["tom", "owen"], [view("tom", "requires_improvement"), view("owen", "requires_improvement")], agreed)).toEqual([]);
  });
});

describe("blindness of parallel audits", () => {
  const tool = AuditTool.parse(demoAuditTool.record);
  const audit = (id: string, auditorId: string, status: Audit["status"], grade: string) =>
    Audit.parse({
      type: "regular",
      toolId: "tool",
      caseId: "case",
      auditorId,
      status,
      parallelWithAuditId: id === "internal" ? "external" : "internal",
      sectionGrades: tool.sections.map((section) => ({ sectionKey: section.key, grade })),
      overallGrade: grade,
      findings: { workingWell: [`${auditorId} found`], needsToBeBetter: [] },
    });
  const internal = audit("internal", "grace", "submitted", "good");
  const externalDraft = audit("external", "ruth", "in_progress", "requires_improvement");
  const externalSubmitted = { ...externalDraft, status: "submitted" as const };

  it("seals each audit from everyone but its own auditor until both are submitted", () => {
    expect(isSealedFor(internal, externalDraft, "ruth")).toBe(true);
    expect(isSealedFor(externalDraft, internal, "grace")).toBe(true);
    expect(isSealedFor(internal, externalDraft, "priya")).toBe(true);
    expect(isSealedFor(internal, externalDraft, "grace")).toBe(false);
    expect(isSealedFor(internal, externalSubmitted, "ruth")).toBe(false);
    expect(isSealedFor({ ...internal, parallelWithAuditId: undefined }, undefined, "ruth")).toBe(false);
  });

  it("leaves a sealed audit out of counts of grades until its partner is in", () => {
    const submitted = { ...internal, submittedAt: "2026-11-02T10:00:00Z" };
    expect(awaitingParallelPartner(submitted)).toBe(true);
    expect(awaitingParallelPartner({ ...submitted, status: "completed" })).toBe(false);
    const figures = (audit: Audit) =>
      dashboardFigures({ audits: [audit], moderations: [], grades: ofstedGradeScale.grades, sections: [], today: "2026-11-03" });
    expect(figures(submitted).graded).toBe(0);
    expect(figures({ ...submitted, status: "completed" }).graded).toBe(1);
  });

  it("takes every judgement out of a sealed audit", () => {
    const shown = sealed(internal);
    expect(shown).toMatchObject({ sealed: true, sectionGrades: [], overallGrade: undefined, answers: [], findings: { workingWell: [], needsToBeBetter: [] } });
    expect(JSON.stringify(shown)).not.toContain("grace found");
  });

  it("compares the two audits section by section once both are in", () => {
    const comparison = parallelComparison(internal, externalSubmitted, tool, ofstedGradeScale);
    expect(comparison.rows).toHaveLength(tool.sections.length + 1);
    expect(comparison.rows.at(-1)).toEqual({ sectionKey: "overall", title: "Overall", internalGrade: "good", externalGrade: "requires_improvement", difference: 1, agreed: false });
    expect(comparison).toMatchObject({ agreedSections: 0, gradedSections: tool.sections.length + 1 });
    expect(comparison.findings.external.workingWell).toEqual(["ruth found"]);
  });
});
