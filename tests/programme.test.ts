// Audit programmes: the seeded, reproducible sample (random and stratified),
// auditor matching, and the plan → sample → assign flow through the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawSample, matchAuditors } from "../api/domain/programme-sampling.js";
import { signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const cases = [
  ...Array.from({ length: 40 }, (_, index) => ({ id: `big-${index}`, teamId: "big" })),
  ...Array.from({ length: 8 }, (_, index) => ({ id: `small-${index}`, teamId: "small" })),
  ...Array.from({ length: 2 }, (_, index) => ({ id: `tiny-${index}`, teamId: "tiny" })),
];

describe("drawing a sample", () => {
  it("draws the same cases from the same seed, and others from another seed", () => {
    expect(drawSample(cases, 10, "random", "2026-q4")).toEqual(drawSample(cases, 10, "random", "2026-q4"));
    expect(drawSample(cases, 10, "random", "2026-q4")).not.toEqual(drawSample(cases, 10, "random", "2027-q1"));
    expect(new Set(drawSample(cases, 10, "random", "x").map((item) => item.id)).size).toBe(10);
  });

  it("stratifies in proportion to each team's caseload, with every team represented", () => {
    const sample = drawSample(cases, 10, "stratified", "2026-q4");
    const perTeam = (team: string) => sample.filter((item) => item.teamId === team).length;
    expect(sample).toHaveLength(10);
    expect(perTeam("big")).toBe(7);
    expect(perTeam("small")).toBe(2);
    expect(perTeam("tiny")).toBe(1);
  });

  it("never draws more cases than there are", () => {
    expect(drawSample(cases.slice(0, 3), 10, "stratified", "s")).toHaveLength(3);
    expect(drawSample([], 5, "random", "s")).toEqual([]);
  });
});

describe("matching auditors", () => {
  const auditors = [
    { id: "a", teamId: "big" },
    { id: "b", teamId: "small" },
    { id: "c", teamId: "big" },
  ];

  it("keeps auditors off their own team's cases and spreads the work", () => {
    const matches = matchAuditors(drawSample(cases, 10, "stratified", "s"), auditors, false);
    for (const [caseId, auditorId] of matches) {
      const team = cases.find((item) => item.id === caseId)!.teamId;
      expect(auditors.find((auditor) => auditor.id === auditorId)?.teamId).not.toBe(team);
    }
    const counts = ["a", "b", "c"].map((auditor) => [...matches.values()].filter((id) => id === auditor).length);
    expect(Math.max(...counts) - Math.min(...counts.filter((count) => count > 0))).toBeLessThanOrEqual(7);
  });

  it("leaves a case unmatched when nobody may audit it, and never gives a practitioner their own case", () => {
    const matches = matchAuditors([{ id: "k", teamId: "big", practitionerId: "b" }], auditors, false);
    expect(matches.get("k")).toBeUndefined();
  });
});

describe("audit programmes through the API", () => {
  let app: TestApp;
  let callAs: Caller;
  beforeAll(async () => {
    app = await startTestApp();
    callAs = await signedInCaller(app.url, ["person-qa-lead", "person-sm-front-door"]);
  });
  afterAll(async () => app?.stop());

  const call = (method: string, path: string, body?: unknown, ifMatch?: string) => callAs("person-qa-lead", method, path, body, ifMatch);

  it("plans a programme, draws a recorded sample, and assigns auditors from other teams", async () => {
    const planned = await call("POST", "/api/audit-programmes", {
      name: "Thematic audit: neglect, winter 2026",
      auditType: "thematic",
      toolId: "tool-regular-case-audit",
      theme: "Neglect",
      periodStart: "2026-12-01",
      periodEnd: "2027-02-26",
      teamIds: ["team-assessment", "team-child-protection", "team-children-in-care"],
      caseCount: 3,
      samplingMethod: "stratified",
      samplingSeed: "winter-2026",
    });
    expect(planned.status).toBe(201);
    const programmeId = planned.body.id as string;

    const sampled = await call("POST", `/api/audit-programmes/${programmeId}/sample`, undefined, planned.etag);
    expect(sampled.status).toBe(200);
    const audits = sampled.body.audits as { caseReference: string; teamId: string; status: string; theme: string }[];
    expect(audits).toHaveLength(3);
    expect(new Set(audits.map((audit) => audit.teamId)).size).toBe(3); // one per team
    expect(audits.every((audit) => audit.status === "planned" && audit.theme === "Neglect")).toBe(true);
    expect((sampled.body.programme as { samplingSeed: string }).samplingSeed).toBe("winter-2026");

    const stale = await call("POST", `/api/audit-programmes/${programmeId}/sample`, undefined, planned.etag);
    expect(stale.status).toBe(412);

    const assigned = await call("POST", `/api/audit-programmes/${programmeId}/assign`, {}, sampled.etag);
    expect(assigned.status).toBe(200);
    const people = new Map(
      ((await call("GET", "/api/people")).body.people as { id: string; teamId?: string }[]).map((person) => [person.id, person]),
    );
    for (const audit of assigned.body.assigned as { auditorId: string; teamId: string; status: string }[]) {
      expect(people.get(audit.auditorId)?.teamId).not.toBe(audit.teamId);
      expect(["assigned", "reflection_requested"]).toContain(audit.status);
    }
    const queued = (await app.store.query("outboxMessage", { where: { status: { in: ["pending", "not_installed", "sent", "sending"] } }, limit: 200 })).records;
    expect(queued.filter((message) => message.notification.kind === "audit_assigned").length).toBeGreaterThanOrEqual((assigned.body.assigned as unknown[]).length);
  });

  it("lets a service manager plan only for their own service's teams", async () => {
    const plan = (teamIds: string[]) =>
      callAs("person-sm-front-door", "POST", "/api/audit-programmes", {
        name: "Front door dip sample",
        auditType: "regular",
        toolId: "tool-regular-case-audit",
        periodStart: "2026-12-01",
        periodEnd: "2026-12-31",
        teamIds,
        caseCount: 1,
      });
    expect((await plan(["team-assessment"])).status).toBe(201);
    expect((await plan(["team-child-protection"])).status).toBe(403);
  });

  it("refuses a programme with no teams, naming the field", async () => {
    const response = await call("POST", "/api/audit-programmes", {
      name: "Empty",
      auditType: "regular",
      toolId: "tool-regular-case-audit",
      periodStart: "2026-12-01",
      periodEnd: "2026-12-31",
      teamIds: [],
      caseCount: 1,
    });
    expect(response.status).toBe(400);
    expect(response.body.problems).toContainEqual({ field: "body.teamIds", message: "Choose at least one team" });
  });
});
