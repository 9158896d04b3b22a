// Moderation agreement through the API: the figures for a period, sliced,
// within the viewer's scope, and as a CSV file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, localToken } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
const grades = ["outstanding", "good", "requires_improvement", "inadequate"];

// Twelve moderated audits for Daniel's and Grace's teams: the moderator agrees
// on every section except "planning", which they mark one grade down.
beforeAll(async () => {
  app = await startTestApp();
  const actor = { id: "test:setup" };
  for (let index = 0; index < 12; index += 1) {
    const team = index % 2 ? "team-child-protection" : "team-assessment";
    const auditorId = index % 2 ? "person-tm-assessment" : "person-tm-cp";
    const grade = grades[index % 3]!;
    const audit = await app.store.create(
      "audit",
      { type: "regular", toolId: "tool-regular-case-audit", caseId: "case-100231", teamId: team, serviceId: "service-front-door", auditorId, status: "completed" },
      actor,
    );
    await app.store.create(
      "moderation",
      {
        auditId: audit.id,
        moderatorId: "person-qa-lead",
        status: "completed",
        completedAt: `2026-10-${String(10 + index).padStart(2, "0")}T10:00:00Z`,
        outcome: "regraded_down",
        rationale: "Planning was weaker than graded",
        grades: [
          { sectionKey: "voice", auditorGrade: grade, moderatorGrade: grade },
          { sectionKey: "planning", auditorGrade: grade, moderatorGrade: grades[grades.indexOf(grade) + 1]! },
        ],
      },
      actor,
    );
  }
});
afterAll(async () => app?.stop());

describe("moderation agreement", () => {
  it("reports agreement for the period: half the pairs agree exactly, all within one grade", async () => {
    const token = await localToken(app.url, "person-qa-lead");
    const response = await apiCall<{ overall: { statistics: { n: number; exactAgreement: { percent: number }; withinOneAgreement: { percent: number }; cohensKappa: { value: number; ci95: number[] } }; shift: { down: number; up: number; optimism: number } } }>(
      app.url, "get", "/api/moderation/agreement?from=2026-10-01&to=2026-10-31", { token },
    );
    expect(response.status).toBe(200);
    const { statistics, shift } = response.body.overall;
    expect(statistics.n).toBe(24);
    expect(statistics.exactAgreement.percent).toBe(50);
    expect(statistics.withinOneAgreement.percent).toBe(100);
    expect(statistics.cohensKappa.value).toBeGreaterThan(0);
    expect(statistics.cohensKappa.ci95[0]).toBeLessThan(statistics.cohensKappa.value);
    expect(shift).toMatchObject({ down: 12, up: 0, optimism: 1 });
  });

  it("slices by section and by auditor, listing the moderations behind each figure", async () => {
    const token = await localToken(app.url, "person-qa-lead");
    const bySection = await apiCall<{ slices: { key: string; label: string; statistics: { n: number; exactAgreement: { percent: number }; verdict: string }; moderationIds: string[] }[] }>(
      app.url, "get", "/api/moderation/agreement?by=section&from=2026-10-01", { token },
    );
    const planning = bySection.body.slices.find((slice) => slice.key === "planning")!;
    expect(planning).toMatchObject({ label: "Planning and review", statistics: { n: 12, exactAgreement: { percent: 0 }, verdict: "ok" } });
    expect(planning.moderationIds).toHaveLength(12);
    const byAuditor = await apiCall<{ slices: { label: string; statistics: { n: number } }[] }>(app.url, "get", "/api/moderation/agreement?by=auditor&from=2026-10-01", { token });
    expect(byAuditor.body.slices.map((slice) => [slice.label, slice.statistics.n])).toEqual([
      ["Daniel Price", 12],
      ["Grace Adeyemi", 12],
    ]);
  });

  it("shows a team manager only their team's moderations, and flags too few pairs", async () => {
    const token = await localToken(app.url, "person-tm-cp");
    const response = await apiCall<{ overall: { statistics: { n: number; verdict: string } } }>(app.url, "get", "/api/moderation/agreement?from=2026-10-01&to=2026-10-12", { token });
    // 10–12 October: his team's audit of the 11th plus the two he audited himself (10th, 12th),
    // not Grace's team's: 3 moderations, 6 pairs, fewer than the 10 needed to say.
    expect(response.body.overall.statistics).toMatchObject({ n: 6, verdict: "too_few_to_say" });
  });

  it("exports the figures as CSV and refuses an unknown slice, naming it", async () => {
    const token = await localToken(app.url, "person-qa-lead");
    const csv = await fetch(`${app.url}/api/moderation/agreement.csv?by=team&from=2026-10-01&to=2026-10-31`, { headers: { Authorization: `Bearer ${token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("moderation-agreement-2026-10-01-to-2026-10-31-by-team.csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toContain("Cohen's kappa");
    expect(lines.map((line) => line.split(",")[0])).toEqual(["slice", "All moderated grades", "Assessment team", "Child protection team"]);
    const wrong = await apiCall<{ problems: { field: string; message: string }[] }>(app.url, "get", "/api/moderation/agreement?by=colour", { token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.problems[0]).toMatchObject({ field: "query.by" });
  });
});
