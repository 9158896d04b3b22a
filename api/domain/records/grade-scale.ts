import { z } from "zod";
import { DomainError } from "../errors.js";
import { requiredText } from "./common.js";

// A grade scale is data so that an authority can use its own; Ofsted's four
// grades are the default. Grades are listed best first; `rank` 1 is best.
export const Grade = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, "A grade key is lower case letters, digits and '_'"),
  label: requiredText("The grade's label", 80),
  rank: z.number().int().positive(),
});
export type Grade = z.infer<typeof Grade>;

export const GradeScale = z
  .object({
    name: requiredText("The scale's name", 120),
    grades: z.array(Grade).min(2, "A grade scale needs at least two grades"),
  })
  .superRefine((scale, context) => {
    const keys = new Set(scale.grades.map((grade) => grade.key));
    if (keys.size !== scale.grades.length) {
      context.addIssue({ code: "custom", path: ["grades"], message: "Each grade needs its own key" });
    }
    const ranks = scale.grades.map((grade) => grade.rank);
    if (ranks.some((rank, index) => rank !== index + 1)) {
      context.addIssue({ code: "custom", path: ["grades"], message: "List grades best first, ranked 1, 2, 3 …" });
    }
  });
export type GradeScale = z.infer<typeof GradeScale>;

export const ofstedGradeScale: GradeScale = {
  name: "Ofsted four-point scale",
  grades: [
    { key: "outstanding", label: "Outstanding", rank: 1 },
    { key: "good", label: "Good", rank: 2 },
    { key: "requires_improvement", label: "Requires improvement to be good", rank: 3 },
    { key: "inadequate", label: "Inadequate", rank: 4 },
  ],
};

export function gradeOn(scale: GradeScale, key: string): Grade {
  const grade = scale.grades.find((candidate) => candidate.key === key);
  if (!grade) {
    const allowed = scale.grades.map((candidate) => candidate.key).join(", ");
    throw new DomainError("invalid_grade", `"${key}" is not a grade on the ${scale.name}; use one of: ${allowed}`, {
      grade: key,
    });
  }
  return grade;
}
