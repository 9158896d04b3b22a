import { describe, expect, it } from "vitest";
import type { auditSteps} from "../api/domain/audit-lifecycle.js";
import { nextAuditStatus, stepsAvailableFrom } from "../api/domain/audit-lifecycle.js";
import { auditChangesFor } from "../api/domain/audit-steps.js";
import { isDomainError } from "../api/domain/errors.js";
import { Audit, auditStatuses, AuditTool, ofstedGradeScale, type AuditStatus } from "../api/domain/records/index.js";

const now = new Date("2026-03-02T10:00:00Z");

describe("audit lifecycle", () => {
  it("follows the main path from planned to completed", () => {
    const path: [AuditStatus, (typeof auditSteps)[number], AuditStatus][] = [
      ["planned", "assign", "assigned"],
      ["assigned", "request_reflection", "reflection_requested"],
      ["reflection_requested", "start", "in_progress"],
      ["in_progress", "submit", "submitted"],
      ["submitted", "send_to_moderation", "in_moderation"],
      ["in_moderation", "complete", "completed"],
    ];
    for (const [from, step, to] of path) expect(nextAuditStatus(from, step)).toBe(to);
  });

  it("lets a declined audit be reassigned, and an audit be completed without moderation", () => {
    expect(nextAuditStatus("assigned", "decline")).toBe("declined");
    expect(nextAuditStatus("declined", "reassign")).toBe("assigned");
    expect(nextAuditStatus("assigned", "start")).toBe("in_progress");
    expect(nextAuditStatus("submitted", "complete")).toBe("completed");
  });

  it("refuses an illegal step, naming the state and the step", () => {
    try {
      nextAuditStatus("planned", "submit");
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, "illegal_transition")).toBe(true);
      expect((error as Error).message).toBe("You cannot submit it: the audit is planned.");
      expect((error as { details: object }).details).toMatchObject({ status: "planned", step: "submit", allowedFrom: ["in_progress"] });
    }
  });

  it("lets nothing happen to a completed or cancelled audit", () => {
    expect(stepsAvailableFrom("completed")).toEqual([]);
    expect(stepsAvailableFrom("cancelled")).toEqual([]);
    expect(() => nextAuditStatus("completed", "cancel")).toThrow(/completed/);
  });

  it("has every state reachable from planned", () => {
    const reached = new Set<AuditStatus>(["planned"]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const status of [...reached]) {
        for (const step of stepsAvailableFrom(status)) {
          const next = nextAuditStatus(status, step);
          if (!reached.has(next)) {
            reached.add(next);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...auditStatuses].sort());
  });
});

describe("audit step rules", () => {
  const tool = AuditTool.parse({
    name: "Regular case audit",
    auditTypes: ["regular"],
    gradeScaleId: "ofsted",
    sections: [
      { key: "voice", title: "Voice of the child", questions: [{ key: "q1", prompt: "Is the child's voice heard?" }] },
      { key: "plan", title: "Planning", questions: [{ key: "q2", prompt: "Is the plan clear?" }] },
    ],
  });
  const inProgress = Audit.parse({ type: "regular", toolId: "t", caseId: "c", status: "in_progress" });

  it("names the sections still to grade when submitting", () => {
    const partly = { ...inProgress, sectionGrades: [{ sectionKey: "voice", grade: "good" }], overallGrade: "good" };
    expect(() => auditChangesFor(partly, { step: "submit", tool, scale: ofstedGradeScale }, now)).toThrow(
      "Grade every section before submitting. Not graded yet: Planning.",
    );
  });

  it("refuses a grade that is not on the scale", () => {
    const wrong = {
      ...inProgress,
      sectionGrades: [
        { sectionKey: "voice", grade: "good" },
        { sectionKey: "plan", grade: "excellent" },
      ],
      overallGrade: "good",
    };
    expect(() => auditChangesFor(wrong, { step: "submit", tool, scale: ofstedGradeScale }, now)).toThrow(/"excellent" is not a grade/);
  });

  it("submits a fully graded audit and stamps the time", () => {
    const graded = {
      ...inProgress,
      sectionGrades: [
        { sectionKey: "voice", grade: "good" },
        { sectionKey: "plan", grade: "requires_improvement" },
      ],
      overallGrade: "requires_improvement",
    };
    expect(auditChangesFor(graded, { step: "submit", tool, scale: ofstedGradeScale }, now)).toEqual({
      status: "submitted",
      submittedAt: "2026-03-02T10:00:00.000Z",
    });
  });

  it("needs a reason to decline or cancel", () => {
    const assigned = { ...inProgress, status: "assigned" as const };
    expect(() => auditChangesFor(assigned, { step: "decline", reason: "  " }, now)).toThrow("Give a reason for declining the audit.");
    expect(auditChangesFor(assigned, { step: "decline", reason: "I supervise this worker" }, now)).toEqual({
      status: "declined",
      declineReason: "I supervise this worker",
    });
  });

  it("clears the decline reason when the audit is reassigned", () => {
    const declined = { ...inProgress, status: "declined" as const, declineReason: "conflict of interest" };
    expect(auditChangesFor(declined, { step: "reassign", auditorId: "p-9", dueDate: "2026-03-20" }, now)).toEqual({
      status: "assigned",
      auditorId: "p-9",
      dueDate: "2026-03-20",
      declineReason: undefined,
    });
  });
});
