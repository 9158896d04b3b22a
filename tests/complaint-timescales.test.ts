// The children's representations procedure's working-day timescales, with
// due dates counted by hand on the calendar (written out below), across
// Christmas and New Year, Easter and the early May bank holiday.
import { describe, expect, it } from "vitest";
import { complaintStageProblems, escalate, stageDueOn, stageStatus } from "../api/domain/complaint-timescales.js";
import { DomainError } from "../api/domain/errors.js";
import type { ComplaintStage } from "../api/domain/records/feedback.js";
import { summariseFeedback360, withAnswer } from "../api/domain/feedback-360-summary.js";
import { standingOf } from "../api/services/feedback-register.js";

// Stage 1 received Tuesday 16 December 2025. Working days after it: 17, 18, 19, 22, 23, 24 (6);
// 25 and 26 are Christmas and Boxing Day; 29, 30, 31 (9); 1 January is New Year's Day; Friday 2 January (10).
const christmasStage1: ComplaintStage = { stage: 1, startedOn: "2025-12-16" };

describe("complaint stage due dates", () => {
  it("stage 1: 10 working days across Christmas and New Year", () => {
    expect(stageDueOn(christmasStage1)).toBe("2026-01-02");
  });

  it("stage 1 extended to 20 working days: ten more after 2 January", () => {
    // 5, 6, 7, 8, 9, 12, 13, 14, 15, 16 January 2026.
    expect(stageDueOn({ ...christmasStage1, extendedToWorkingDays: 20 })).toBe("2026-01-16");
  });

  it("stage 2: 25 working days across Easter 2026 and the early May bank holiday", () => {
    // From Monday 30 March: 31 Mar, 1 and 2 Apr (3); Good Friday 3 Apr and Easter Monday 6 Apr skipped;
    // 7–10 (7), 13–17 (12), 20–24 (17), 27–30 Apr and 1 May (22); Monday 4 May skipped; 5, 6, 7 May (25).
    expect(stageDueOn({ stage: 2, startedOn: "2026-03-30" })).toBe("2026-05-07");
  });

  it("stage 2 extended to 65 working days", () => {
    // From 7 May (25): 8 (26), 11–15 (31), 18–22 (36), 25 May is the spring bank holiday, 26–29 (40),
    // 1–5 Jun (45), 8–12 (50), 15–19 (55), 22–26 (60), 29 Jun–3 Jul (65).
    expect(stageDueOn({ stage: 2, startedOn: "2026-03-30", extendedToWorkingDays: 65 })).toBe("2026-07-03");
  });

  it("stage 3: the review panel within 30 working days, across Christmas 2026 (Boxing Day's substitute Monday) and New Year 2027", () => {
    // From Friday 18 December 2026: 21–24 (4); 25 Christmas, 28 Boxing Day substitute; 29–31 (7); 1 Jan 2027 skipped;
    // 4–8 (12), 11–15 (17), 18–22 (22), 25–29 (27), 1, 2, 3 February (30).
    expect(stageDueOn({ stage: 3, startedOn: "2026-12-18" })).toBe("2027-02-03");
  });
});

describe("on time, due soon, overdue", () => {
  it("is on time with more than 3 working days left, due soon within 3, overdue after the due date", () => {
    // Christmas Eve: 29, 30, 31 December and 2 January are 4 working days to go.
    expect(stageStatus(christmasStage1, "2025-12-24")).toMatchObject({ timeliness: "on_time", workingDaysLeft: 4, dueOn: "2026-01-02" });
    // Over Christmas the count does not move: Boxing Day still has 4 working days left.
    expect(stageStatus(christmasStage1, "2025-12-26")).toMatchObject({ timeliness: "on_time", workingDaysLeft: 4 });
    expect(stageStatus(christmasStage1, "2025-12-29")).toMatchObject({ timeliness: "due_soon", workingDaysLeft: 3 });
    expect(stageStatus(christmasStage1, "2026-01-02")).toMatchObject({ timeliness: "due_soon", workingDaysLeft: 0 });
    // The weekend after the due date: overdue, but no working day has passed yet.
    expect(stageStatus(christmasStage1, "2026-01-03")).toMatchObject({ timeliness: "overdue", workingDaysLeft: 0 });
    expect(stageStatus(christmasStage1, "2026-01-06")).toMatchObject({ timeliness: "overdue", workingDaysLeft: -2 });
  });

  it("uses the configured 'due soon' window", () => {
    expect(stageStatus(christmasStage1, "2025-12-24", 5).timeliness).toBe("due_soon");
    expect(stageStatus(christmasStage1, "2025-12-29", 1).timeliness).toBe("on_time");
  });

  it("an extension moves an overdue stage back to on time", () => {
    const extended = { ...christmasStage1, extendedToWorkingDays: 20, extensionReason: "The family asked to meet after the holidays" };
    expect(stageStatus(christmasStage1, "2026-01-05").timeliness).toBe("overdue");
    expect(stageStatus(extended, "2026-01-05")).toMatchObject({ timeliness: "on_time", workingDaysLeft: 9, extended: true, workingDays: 20 });
  });

  it("a response on or before the due date is on time; after it, late", () => {
    expect(stageStatus({ ...christmasStage1, respondedOn: "2026-01-02", outcome: "upheld" }, "2026-03-01").timeliness).toBe("responded_on_time");
    expect(stageStatus({ ...christmasStage1, respondedOn: "2026-01-05", outcome: "upheld" }, "2026-03-01").timeliness).toBe("responded_late");
  });

  it("a complaint's standing is its current stage's; a compliment has none", () => {
    const escalated: ComplaintStage[] = [{ ...christmasStage1, respondedOn: "2025-12-30", outcome: "not_upheld" }, { stage: 2, startedOn: "2026-01-05" }];
    // Stage 2 from Monday 5 January 2026: 25 working days is Monday 9 February.
    const standing = standingOf({ type: "complaint", stages: escalated }, "2026-02-04");
    expect(standing).toMatchObject({ open: true, timeliness: "due_soon" });
    expect(standing.stages.map((stage) => [stage.stage, stage.dueOn, stage.timeliness])).toEqual([
      [1, "2026-01-02", "responded_on_time"],
      [2, "2026-02-09", "due_soon"],
    ]);
    expect(standingOf({ type: "compliment", stages: [] }, "2026-02-04")).toEqual({ open: false, stages: [] });
  });
});

describe("stage rules", () => {
  it("accepts a well-formed complaint through all three stages", () => {
    const stages: ComplaintStage[] = [
      { ...christmasStage1, respondedOn: "2026-01-02", outcome: "not_upheld" },
      { stage: 2, startedOn: "2026-01-12", extendedToWorkingDays: 65, extensionReason: "Investigator appointed late", respondedOn: "2026-03-20", outcome: "partly_upheld" },
      { stage: 3, startedOn: "2026-03-27" },
    ];
    expect(complaintStageProblems(stages, "2025-12-16")).toEqual([]);
  });

  it("names each broken rule: extensions beyond the maximum, stage 3 extended, no reason, early escalation", () => {
    const problems = complaintStageProblems(
      [
        { stage: 1, startedOn: "2025-12-17", extendedToWorkingDays: 21 },
        { stage: 2, startedOn: "2025-12-20" },
        { stage: 3, startedOn: "2025-12-22", extendedToWorkingDays: 40, extensionReason: "x" },
      ],
      "2025-12-16",
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      "stages.0.startedOn",
      "stages.0.extendedToWorkingDays",
      "stages.0.extensionReason",
      "stages.1.startedOn",
      "stages.2.startedOn",
      "stages.2.extendedToWorkingDays",
    ]);
    expect(problems[1]!.message).toBe("Stage 1: local resolution can be extended to between 11 and 20 working days");
    expect(problems[5]!.message).toContain("cannot be extended");
  });

  it("lets a complainant escalate once a stage is overdue, even without a response", () => {
    expect(complaintStageProblems([christmasStage1, { stage: 2, startedOn: "2026-01-05" }], "2025-12-16")).toEqual([]);
    expect(complaintStageProblems([christmasStage1, { stage: 2, startedOn: "2026-01-02" }], "2025-12-16")).toHaveLength(1);
  });

  it("escalates to the next stage from the day of the request, and never beyond stage 3", () => {
    expect(escalate([christmasStage1], "2026-01-05").at(-1)).toEqual({ stage: 2, startedOn: "2026-01-05" });
    expect(() => escalate([christmasStage1, { stage: 2, startedOn: "2026-01-05" }, { stage: 3, startedOn: "2026-03-02" }], "2026-04-01")).toThrow(DomainError);
  });
});

describe("360-degree feedback in aggregate", () => {
  const answer = (rating: number, comment = "") => ({ ratings: [{ questionKey: "regular", rating }], comment });
  const totalsOf = (...answers: ReturnType<typeof answer>[]) => {
    const totals = answers.reduce((sum, next) => withAnswer(sum, next), { ratingCounts: {}, comments: [] as string[] });
    return { ...totals, answerCount: answers.length };
  };

  it("adds each answer to the totals, keeping comments in alphabetical order whoever answered first", () => {
    expect(totalsOf(answer(5, "Zero cancellations"), answer(2, "Always rushed"), answer(5))).toEqual({
      ratingCounts: { regular: [0, 1, 0, 0, 2] },
      comments: ["Always rushed", "Zero cancellations"],
      answerCount: 3,
    });
    expect(totalsOf(answer(2, "Always rushed"), answer(5), answer(5, "Zero cancellations"))).toEqual(totalsOf(answer(5, "Zero cancellations"), answer(2, "Always rushed"), answer(5)));
  });

  it("shows nothing until 3 people have answered", () => {
    expect(summariseFeedback360(totalsOf(answer(5), answer(4)))).toEqual({ shown: false, answerCount: 2, minimum: 3 });
  });

  it("never lowers the minimum below 3", () => {
    expect(summariseFeedback360(totalsOf(answer(5), answer(4)), 1)).toMatchObject({ shown: false, minimum: 3 });
    expect(summariseFeedback360(totalsOf(answer(5), answer(4), answer(3)), 5)).toMatchObject({ shown: false, minimum: 5 });
  });

  it("with 3 answers shows counts, averages and comments", () => {
    const summary = summariseFeedback360(totalsOf(answer(5, "Zero cancellations"), answer(2, "Always rushed"), answer(5)));
    if (!summary.shown) throw new Error("expected results to be shown");
    expect(summary.questions.find((question) => question.key === "regular")).toMatchObject({ counts: [0, 1, 0, 0, 2], average: 4 });
    expect(summary.questions.find((question) => question.key === "wellbeing")).toMatchObject({ counts: [0, 0, 0, 0, 0], average: null });
    expect(summary.comments).toEqual(["Always rushed", "Zero cancellations"]);
  });
});
