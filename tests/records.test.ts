import { describe, expect, it } from "vitest";
import { isDomainError } from "../api/domain/errors.js";
import { GradeScale, gradeOn, ofstedGradeScale, parseRecord } from "../api/domain/records/index.js";

describe("records", () => {
  it("accepts a case reference from the case recording system and refuses anything that looks like a name", () => {
    expect(parseRecord("caseReference", { reference: "cr-104233", teamId: "t" }).reference).toBe("CR-104233");
    for (const reference of ["Jamie Smith", "J", "Smith, Jamie"]) {
      expect(() => parseRecord("caseReference", { reference, teamId: "t" })).toThrow(/case recording system's ID/);
    }
  });

  it("uses Ofsted's four grades as the default scale, best first", () => {
    expect(GradeScale.parse(ofstedGradeScale).grades.map((grade) => grade.label)).toEqual([
      "Outstanding",
      "Good",
      "Requires improvement to be good",
      "Inadequate",
    ]);
    expect(gradeOn(ofstedGradeScale, "inadequate").rank).toBe(4);
  });

  it("lets an authority configure another scale, and checks it is well formed", () => {
    const threePoint = { name: "Three-point", grades: [
      { key: "strong", label: "Strong", rank: 1 },
      { key: "adequate", label: "Adequate", rank: 2 },
      { key: "weak", label: "Weak", rank: 3 },
    ] };
    expect(parseRecord("gradeScale", threePoint).grades).toHaveLength(3);
    expect(() => parseRecord("gradeScale", { ...threePoint, grades: [threePoint.grades[0], threePoint.grades[0]] })).toThrow(
      /Each grade needs its own key/,
    );
  });

  it("needs evidence before an action is marked done", () => {
    const action = { title: "Update the child's plan", ownerId: "p-1", dueDate: "2026-04-01", status: "done" };
    expect(() => parseRecord("action", action)).toThrow(/evidence: Say what shows the action is done/);
    expect(parseRecord("action", { ...action, evidence: "Plan updated 28 March" }).status).toBe("done");
  });

  it("names every failing field in one error", () => {
    try {
      parseRecord("person", { displayName: "", email: "not-an-email", roles: [] });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, "invalid_record")).toBe(true);
      const fields = ((error as { details: { problems: { field: string }[] } }).details.problems).map((problem) => problem.field);
      expect(fields).toEqual(["displayName", "email", "roles"]);
    }
  });

  it("refuses an audit programme that ends before it starts", () => {
    expect(() =>
      parseRecord("auditProgramme", {
        name: "Spring thematic audit",
        auditType: "thematic",
        toolId: "t",
        periodStart: "2026-04-01",
        periodEnd: "2026-03-01",
        ownerId: "p",
      }),
    ).toThrow(/end on or after/);
  });
});
