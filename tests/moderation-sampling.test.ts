import { describe, expect, it } from "vitest";
import { moderationDecision, seededFraction } from "../api/domain/moderation-sampling.js";

const rule = { sampleRate: 0.25, alwaysModerateGrades: ["inadequate", "outstanding"], seed: "2026-q4", minimumPerAuditorPerQuarter: 0, excludeLineManager: true };
const graded = (overallGrade: string, sections: string[] = []) => ({
  overallGrade,
  sectionGrades: sections.map((grade, index) => ({ sectionKey: `s${index}`, grade })),
});

describe("moderation sampling", () => {
  it("always moderates an always-moderate grade, overall or in any section", () => {
    expect(moderationDecision(rule, graded("inadequate"), "a-1")).toMatchObject({ sampled: true, because: "Graded inadequate, which is always moderated" });
    expect(moderationDecision(rule, graded("good", ["good", "outstanding"]), "a-2").because).toBe("Graded outstanding, which is always moderated");
  });

  it("draws the same sample every time from the same seed, and a different one from another seed", () => {
    const ids = Array.from({ length: 200 }, (_, index) => `audit-${index}`);
    const sample = (seed: string) => ids.filter((id) => moderationDecision({ ...rule, seed }, graded("good"), id).sampled);
    expect(sample("2026-q4")).toEqual(sample("2026-q4"));
    expect(sample("2026-q4")).not.toEqual(sample("2027-q1"));
  });

  it("draws close to the configured share over many audits", () => {
    const drawn = Array.from({ length: 10_000 }, (_, index) => seededFraction("2026-q4", `audit-${index}`) < 0.25).filter(Boolean).length;
    expect(drawn / 10_000).toBeGreaterThan(0.23);
    expect(drawn / 10_000).toBeLessThan(0.27);
  });

  it("moderates none at 0% and all at 100%, and says why", () => {
    expect(moderationDecision({ ...rule, sampleRate: 0 }, graded("good"), "a-3")).toMatchObject({ sampled: false, because: 'Not drawn in the 0% sample (seed "2026-q4")' });
    expect(moderationDecision({ ...rule, sampleRate: 1 }, graded("good"), "a-3")).toMatchObject({ sampled: true, because: 'Drawn in the 100% sample (seed "2026-q4")' });
  });
});
