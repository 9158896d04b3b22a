// A month's moderation end to end on the demo authority, through the real
// REST API and the real bot (Teams-shaped activities posted to
// /api/messages, cards captured by a local Bot Connector stand-in): the QA
// lead sets the sampling rule, auditors submit a month's audits and the rule
// samples them with its seed recorded; moderators moderate through cards; one
// auditor accepts a re-grade and one disputes, and the QA lead decides; a
// panel gives views and its chair records the outcome with dissent; an
// external parallel audit runs sealed until both audits are in and is then
// compared; and the agreement figures are read, sliced and drilled into.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededFraction } from "../api/domain/moderation-sampling.js";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { signedInCaller, type Caller } from "./support/api-client.js";
import { startFakeBotConnector, type FakeBotConnector } from "./support/fake-bot-connector.js";
import { cardAction, demoUser, installation, type TeamsUser } from "./support/teams-activities.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let connector: FakeBotConnector;
let call: Caller;

const people = ["person-qa-lead", "person-psw", "person-hos", "person-tm-cp", "person-tm-assessment", "person-sm-front-door", "person-external"] as const;
const tool = "tool-regular-case-audit";
const sections = ["voice", "assessment", "planning", "oversight", "impact"];
const seed = "northmoor-2026-11";

beforeAll(async () => {
  connector = await startFakeBotConnector();
  app = await startTestApp();
  call = await signedInCaller(app.url, people);
  for (const personId of people) await post(installation(demoUser(personId), connector.serviceUrl));
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

async function post(activity: object): Promise<Response> {
  const response = await fetch(`${app.url}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(activity) });
  expect(response.status).toBeLessThan(300);
  return response;
}

/** Clicks a card button as this person; returns the card (or message) the bot answers with. */
async function click(personId: string, verb: string, data: Record<string, unknown>): Promise<string> {
  const response = await post(cardAction(demoUser(personId), connector.serviceUrl, verb, data));
  const body = (await response.json()) as { value: unknown };
  if (typeof body.value === "object") expect(adaptiveCardProblems(body.value)).toEqual([]);
  return JSON.stringify(body.value);
}

/** Waits for a proactive card to reach this person's chat. */
async function cardTo(user: TeamsUser, text: string): Promise<string> {
  for (let waited = 0; waited < 5000; waited += 25) {
    const found = connector.sent
      .filter((sent) => sent.conversationId === `a:personal-${user.personId}`)
      .flatMap((sent) => sent.activity.attachments ?? [])
      .map((attachment) => JSON.stringify(attachment.content))
      .find((card) => card.includes(text));
    if (found) {
      expect(adaptiveCardProblems(JSON.parse(found))).toEqual([]);
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`No card containing "${text}" reached ${user.personId}`);
}

const gradesOf = (overall: string, section = overall) => ({ sectionGrades: sections.map((sectionKey) => ({ sectionKey, grade: section })), overallGrade: overall });

/** The QA lead plans and assigns the audit; the auditor starts, grades and submits it through the API. */
async function auditThrough(caseId: string, auditorId: string, overall: string): Promise<{ auditId: string; moderationId: string | null }> {
  const created = await call("person-qa-lead", "POST", "/api/audits", { type: "regular", toolId: tool, caseId, auditorId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const auditId = created.body.id as string;
  const started = await call(auditorId, "POST", `/api/audits/${auditId}/start`, undefined, created.etag);
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const graded = await call(auditorId, "PATCH", `/api/audits/${auditId}`, gradesOf(overall), started.etag);
  expect(graded.status, JSON.stringify(graded.body)).toBe(200);
  const submitted = await call(auditorId, "POST", `/api/audits/${auditId}/submit`, undefined, graded.etag);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { auditId, moderationId: submitted.body.moderationId as string | null };
}

const month: Record<string, { auditId: string; moderationId: string | null }> = {};

describe("a month's moderation on the demo authority", () => {
  it("lets only the QA lead set the sampling rule, which keeps what it was not told to change", async () => {
    const before = await call("person-qa-lead", "GET", "/api/moderation/rule");
    expect(before.body).toMatchObject({ sampleRate: 0.25, alwaysModerateGrades: ["inadequate", "outstanding"], excludeLineManager: true });
    const refused = await call("person-tm-cp", "PATCH", "/api/moderation/rule", { sampleRate: 1 }, before.etag);
    expect(refused.status).toBe(403);
    // No random share this month, so the sample is exactly what the rules require: always-moderate grades and the minimum per auditor.
    const saved = await call("person-qa-lead", "PATCH", "/api/moderation/rule", { sampleRate: 0, seed, minimumPerAuditorPerQuarter: 1 }, before.etag);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ sampleRate: 0, alwaysModerateGrades: ["inadequate", "outstanding"], seed, minimumPerAuditorPerQuarter: 1, excludeLineManager: true });
  });

  it("samples the month's audits: always-moderate grades, the minimum per auditor per quarter, the seed recorded and the draw reproducible", async () => {
    month.grace1 = await auditThrough("case-100231", "person-tm-assessment", "good");
    month.grace2 = await auditThrough("case-100478", "person-tm-assessment", "good");
    month.owen1 = await auditThrough("case-100562", "person-sm-front-door", "requires_improvement");
    month.owen2 = await auditThrough("case-100719", "person-sm-front-door", "good");
    month.priya1 = await auditThrough("case-100834", "person-qa-lead", "inadequate");
    month.daniel1 = await auditThrough("case-100902", "person-tm-cp", "good");

    // Grace and Owen had no moderation this quarter, so their first audits are moderated and their second are not;
    // Daniel already has one (the demo's), so his is not; Priya's inadequate grade always is.
    expect(Object.entries(month).filter(([, audit]) => audit.moderationId).map(([name]) => name).sort()).toEqual(["grace1", "owen1", "priya1"]);
    for (const name of ["grace2", "owen2", "daniel1"]) {
      expect((await call("person-qa-lead", "GET", `/api/audits/${month[name]!.auditId}`)).body.status, name).toBe("completed");
    }
    for (const name of ["grace1", "owen1", "priya1"]) {
      const { auditId, moderationId } = month[name]!;
      const moderation = await call("person-qa-lead", "GET", `/api/moderations/${moderationId}`);
      expect(moderation.body).toMatchObject({ sampleSeed: seed, sampleDraw: seededFraction(seed, auditId), status: "requested" });
      expect(moderation.body.sampledBecause).toMatch(name === "priya1" ? /inadequate, which is always moderated/ : /had 0 of the minimum 1 moderations in \d{4} Q\d/);
    }
    // Never the auditor, and never Grace's line manager (Owen, who is not a moderator anyway) nor Daniel's (Helen, who is).
    const priyaModeration = await call("person-qa-lead", "GET", `/api/moderations/${month.priya1!.moderationId}`);
    expect(priyaModeration.body.moderatorId).not.toBe("person-qa-lead");
    await cardTo(demoUser(priyaModeration.body.moderatorId as string), "Moderate the audit of case NM-100834");
  });

  it("moderates through cards: a forged click changes nothing; the moderator re-grades; the auditor accepts and the grade becomes final", async () => {
    const { moderationId, auditId } = month.priya1!;
    const moderatorId = (await call("person-qa-lead", "GET", `/api/moderations/${moderationId}`)).body.moderatorId as string;
    const forged = await click("person-tm-cp", "moderation.regrade", { moderationId, "grade:overall": "good", rationale: "Forged" });
    expect(forged).toContain("This moderation was sent to someone else.");

    const regraded = await click(moderatorId, "moderation.regrade", { moderationId, "grade:overall": "requires_improvement", rationale: "The child is safe; the plan needs dates." });
    expect(regraded).toContain("re-graded up");
    const toAuditor = await cardTo(demoUser("person-qa-lead"), "Moderation of case NM-100834: re-graded up");
    expect(toAuditor).toContain('"verb":"moderation.accept"');
    expect(toAuditor).toContain('"verb":"moderation.dispute"');

    const accepted = await click("person-qa-lead", "moderation.accept", { moderationId });
    expect(accepted).toContain("You accepted the moderated grades.");
    const audit = await call("person-qa-lead", "GET", `/api/audits/${auditId}`);
    expect(audit.body).toMatchObject({ status: "completed", overallGrade: "inadequate", finalOverallGrade: "requires_improvement" });
    const detail = await call("person-qa-lead", "GET", `/api/moderations/${moderationId}`);
    expect(detail.body).toMatchObject({ status: "completed", outcome: "regraded_up", auditorResponse: { accepted: true, by: "person-qa-lead" } });
    expect((detail.body.grades as { sectionKey: string }[]).find((grade) => grade.sectionKey === "overall")).toMatchObject({
      auditorGrade: "inadequate",
      moderatorGrade: "requires_improvement",
      outcome: "regraded_up",
      finalGrade: "requires_improvement",
    });
  });

  it("escalates one: the auditor disagrees with a reason, the QA lead's card decides, and the decision is final and recorded", async () => {
    const { moderationId, auditId } = month.owen1!;
    const moderatorId = (await call("person-qa-lead", "GET", `/api/moderations/${moderationId}`)).body.moderatorId as string;
    await click(moderatorId, "moderation.regrade", { moderationId, "grade:planning": "inadequate", "grade:overall": "inadequate", rationale: "No plan for months; drift." });
    await cardTo(demoUser("person-sm-front-door"), "Moderation of case NM-100562: re-graded down");

    const noReason = await click("person-sm-front-door", "moderation.dispute", { moderationId, reason: " " });
    expect(noReason).toContain("Say why you disagree");
    const disputed = await click("person-sm-front-door", "moderation.dispute", { moderationId, reason: "The plan was reviewed at the core group in week 3." });
    expect(disputed).toContain("Your disagreement has gone to the QA lead");

    const escalation = await cardTo(demoUser("person-qa-lead"), "Decide the disputed moderation of case NM-100562");
    expect(escalation).toContain("The plan was reviewed at the core group in week 3.");
    const notALead = await click("person-tm-cp", "moderation.decide", { moderationId, "grade:overall": "good", rationale: "I say so" });
    expect(notALead).toContain("Only the QA lead decides a disputed moderation.");

    const decided = await click("person-qa-lead", "moderation.decide", {
      moderationId,
      "grade:planning": "requires_improvement",
      "grade:overall": "requires_improvement",
      rationale: "The review happened but is not recorded; requires improvement, not inadequate.",
    });
    expect(decided).toContain("Your decision is recorded as final.");
    expect(decided).toContain("Decided by Priya Shah");
    const detail = await call("person-qa-lead", "GET", `/api/moderations/${moderationId}`);
    expect(detail.body).toMatchObject({
      status: "completed",
      escalatedToId: "person-qa-lead",
      auditorResponse: { accepted: false, reason: "The plan was reviewed at the core group in week 3." },
      qaLeadDecision: { by: "person-qa-lead", rationale: "The review happened but is not recorded; requires improvement, not inadequate.", at: expect.any(String) },
    });
    const planning = (detail.body.grades as { sectionKey: string }[]).find((grade) => grade.sectionKey === "planning");
    expect(planning).toMatchObject({
      auditorGrade: "requires_improvement",
      moderatorGrade: "inadequate",
      outcome: "regraded_down",
      rationale: "No plan for months; drift.",
      finalGrade: "requires_improvement",
    });
    const audit = await call("person-qa-lead", "GET", `/api/audits/${auditId}`);
    expect(audit.body).toMatchObject({ status: "completed", overallGrade: "requires_improvement", finalOverallGrade: "requires_improvement" });
    await cardTo(demoUser("person-sm-front-door"), "Decided by Priya Shah");
  });

  it("runs a panel: members give views by card, the chair records one outcome, and dissent is recorded", async () => {
    const { moderationId, auditId } = month.grace1!;
    const waiting = await call("person-qa-lead", "GET", `/api/moderations/${moderationId}`);
    const chairId = waiting.body.moderatorId as string;
    const members = ["person-qa-lead", "person-psw", "person-hos"].filter((personId) => personId !== chairId);
    const lineManager = await call("person-qa-lead", "POST", `/api/moderations/${moderationId}/panel`, { memberIds: [...members, "person-sm-front-door"] }, waiting.etag);
    expect(lineManager.status).toBe(422);
    expect(lineManager.body.detail).toBe("Owen Ridley cannot sit on this panel. The authority's rule is that an auditor's own line manager does not moderate their audits.");
    const stale = await call("person-qa-lead", "POST", `/api/moderations/${moderationId}/panel`, { memberIds: members }, `"stale"`);
    expect(stale.status).toBe(412);
    const convened = await call("person-qa-lead", "POST", `/api/moderations/${moderationId}/panel`, { memberIds: members }, waiting.etag);
    expect(convened.status, JSON.stringify(convened.body)).toBe(200);
    for (const memberId of members) await cardTo(demoUser(memberId), "Moderation panel for case NM-100231");
    await cardTo(demoUser(chairId), "You chair this panel.");

    const outsider = await click("person-tm-cp", "moderation.view", { moderationId, "grade:overall": "good" });
    expect(outsider).toContain("You were not invited to this panel.");
    await click(members[0]!, "moderation.view", { moderationId, "grade:overall": "requires_improvement", comment: "Assessment is descriptive, not analytical." });
    const second = await click(members[1]!, "moderation.view", { moderationId, "grade:overall": "good", comment: "Good enough: the child's voice is strong." });
    expect(second).toContain("Your view is recorded.");

    // The chair sees both views on their card; members do not see each other's.
    const chairCard = await click(chairId, "card.refresh", { card: "moderation", id: moderationId });
    expect(chairCard).toContain("Assessment is descriptive, not analytical.");
    expect(chairCard).toContain("Good enough: the child's voice is strong.");
    const member = members.find((personId) => personId !== "person-qa-lead")!; // the QA lead sees every view
    const othersView = member === members[0] ? "Good enough: the child's voice is strong." : "Assessment is descriptive, not analytical.";
    const memberCard = await click(member, "card.refresh", { card: "moderation", id: moderationId });
    expect(memberCard).toContain("Moderate the audit of case NM-100231");
    expect(memberCard).not.toContain(othersView);
    const chaired = await click(chairId, "moderation.regrade", { moderationId, "grade:overall": "requires_improvement", rationale: "The panel agreed the analysis is thin." });
    expect(chaired).toContain("re-graded down");
    const detail = await call("person-qa-lead", "GET", `/api/moderations/${moderationId}`);
    expect(detail.body).toMatchObject({ kind: "panel", status: "awaiting_auditor", outcome: "regraded_down" });
    expect((detail.body.panel as { dissent: unknown[] }).dissent).toEqual([
      expect.objectContaining({ moderatorId: members[1], sectionKeys: ["overall"], note: "Good enough: the child's voice is strong." }),
    ]);
    const toGrace = await cardTo(demoUser("person-tm-assessment"), "Moderation of case NM-100231: re-graded down");
    expect(toGrace).toContain("Dissent on the panel");
    await click("person-tm-assessment", "moderation.accept", { moderationId });
    expect((await call("person-qa-lead", "GET", `/api/audits/${auditId}`)).body.finalOverallGrade).toBe("requires_improvement");
  });

  it("agrees the demo's waiting moderation through its card", async () => {
    const agreed = await click("person-qa-lead", "moderation.agree", { moderationId: "moderation-demo" });
    expect(agreed).toContain("grades agreed");
    expect((await call("person-qa-lead", "GET", "/api/audits/audit-in-moderation")).body).toMatchObject({ status: "completed", finalOverallGrade: "good" });
  });

  it("runs one external parallel audit, each side sealed from the other until both are submitted, then compares them", async () => {
    const started = await call("person-qa-lead", "POST", "/api/parallel-audits", {
      caseId: "case-100719",
      toolId: tool,
      internalAuditorId: "person-tm-cp",
      externalAuditorId: "person-external",
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const { moderationId, internalAuditId, externalAuditId } = started.body as { moderationId: string; internalAuditId: string; externalAuditId: string };
    await cardTo(demoUser("person-external"), "Audit of case NM-100719");
    await cardTo(demoUser("person-tm-cp"), "Audit of case NM-100719");

    // The external auditor sees only the audit shared for them.
    expect((await call("person-external", "GET", `/api/audits/${internalAuditId}`)).status).toBe(404);
    const external = await call("person-external", "GET", `/api/audits/${externalAuditId}`);
    expect(external.status).toBe(200);
    const gradedBefore = (await call("person-qa-lead", "GET", "/api/dashboard")).body.graded;
    const standardBefore = JSON.stringify((await call("person-qa-lead", "GET", "/api/practice-standards/standard-1/grades")).body.months);
    const externalStarted = await call("person-external", "POST", `/api/audits/${externalAuditId}/start`, undefined, external.etag);
    const externalGraded = await call("person-external", "PATCH", `/api/audits/${externalAuditId}`, { ...gradesOf("requires_improvement", "good"), workingWell: ["Direct work is creative"], needsToBeBetter: ["Plans lack dates"] }, externalStarted.etag);
    const externalSubmitted = await call("person-external", "POST", `/api/audits/${externalAuditId}/submit`, undefined, externalGraded.etag);
    expect(externalSubmitted.status, JSON.stringify(externalSubmitted.body)).toBe(200);
    expect(externalSubmitted.body).toMatchObject({ status: "submitted", moderationId: null });

    // Submitted, but the internal audit is not: sealed for the internal auditor, the QA lead and everyone else but the external auditor.
    for (const personId of ["person-tm-cp", "person-qa-lead"]) {
      const seen = await call(personId, "GET", `/api/audits/${externalAuditId}`);
      expect(seen.body, personId).toMatchObject({ sealed: true, sectionGrades: [], findings: { workingWell: [], needsToBeBetter: [] } });
      expect(seen.body.overallGrade, personId).toBeUndefined();
      const comparison = await call(personId, "GET", `/api/parallel-audits/${moderationId}/comparison`);
      expect(comparison.status).toBe(409);
      expect(comparison.body.detail).toContain("Waiting for the internal audit");
    }
    const filtered = await call("person-qa-lead", "GET", "/api/audits?overallGrade=requires_improvement&limit=200");
    expect((filtered.body.audits as { id: string }[]).map((audit) => audit.id)).not.toContain(externalAuditId);
    // Nor do counts of grades give it away: the dashboard and the standards' grades leave it out until both are in.
    expect((await call("person-qa-lead", "GET", "/api/dashboard")).body.graded).toBe(gradedBefore);
    expect(JSON.stringify((await call("person-qa-lead", "GET", "/api/practice-standards/standard-1/grades")).body.months)).toBe(standardBefore);
    const moderations = await call("person-tm-cp", "GET", "/api/moderations");
    expect(JSON.stringify(moderations.body)).not.toContain("requires_improvement");
    const refresh = await click("person-tm-cp", "card.refresh", { card: "audit", id: externalAuditId });
    expect(refresh).not.toContain("Plans lack dates");

    // The internal auditor completes theirs through the bot card.
    await click("person-tm-cp", "audit.start", { auditId: internalAuditId });
    const submitted = await click("person-tm-cp", "audit.submit", {
      auditId: internalAuditId,
      ...Object.fromEntries(sections.map((sectionKey) => [`grade:${sectionKey}`, "good"])),
      overallGrade: "good",
      workingWell: "The child's voice is clear",
      needsToBeBetter: "",
    });
    expect(submitted).toContain("Submitted");

    const comparison = await call("person-external", "GET", `/api/parallel-audits/${moderationId}/comparison`);
    expect(comparison.status, JSON.stringify(comparison.body)).toBe(200);
    expect(comparison.body).toMatchObject({ caseReference: "NM-100719", agreedSections: 5, gradedSections: 6 });
    expect((comparison.body.rows as unknown[]).at(-1)).toMatchObject({ sectionKey: "overall", internalLabel: "Good", externalLabel: "Requires improvement to be good", difference: 1 });
    expect(comparison.body.findings).toEqual({
      internal: { workingWell: ["The child's voice is clear"], needsToBeBetter: [] },
      external: { workingWell: ["Direct work is creative"], needsToBeBetter: ["Plans lack dates"] },
    });
    expect((await call("person-tm-cp", "GET", `/api/audits/${externalAuditId}`)).body).toMatchObject({ sealed: false, overallGrade: "requires_improvement", status: "completed" });
    expect((await call("person-qa-lead", "GET", "/api/dashboard")).body.graded).toBe((gradedBefore as number) + 2);
    for (const personId of ["person-tm-cp", "person-external", "person-qa-lead"]) {
      const card = await cardTo(demoUser(personId), "Parallel audit of case NM-100719: both audits are in");
      expect(card).toContain("external graded lower");
    }
  });

  it("reads the agreement figures for the month, sliced by month and kind, with the pairs behind each figure and a CSV", async () => {
    const moderations = (await call("person-qa-lead", "GET", "/api/moderations?status=completed")).body.moderations as { completedAt: string }[];
    const monthKey = moderations[0]!.completedAt.slice(0, 7);
    const from = `${monthKey}-01`;
    const to = new Date(Date.UTC(Number(monthKey.slice(0, 4)), Number(monthKey.slice(5, 7)), 0)).toISOString().slice(0, 10);
    // Five moderations of six grade pairs each: the demo's, three sampled this month and the parallel audit.
    const agreement = await call("person-qa-lead", "GET", `/api/moderation/agreement?by=month&from=${from}&to=${to}`);
    expect(agreement.status).toBe(200);
    const overall = agreement.body.overall as { statistics: { n: number; verdict: string; cohensKappa: { ci95: number[] } }; shift: { up: number; down: number } };
    expect(overall.statistics.n).toBe(30);
    expect(overall.statistics.verdict).toBe("ok");
    expect(overall.statistics.cohensKappa.ci95).toHaveLength(2);
    // Up: Priya's overall. Down: Owen's planning and overall, Grace's overall (panel), the parallel audit's overall.
    expect(overall.shift).toMatchObject({ up: 1, down: 4 });
    expect((agreement.body.slices as { key: string }[]).map((slice) => slice.key)).toEqual([monthKey]);

    const byKind = await call("person-qa-lead", "GET", `/api/moderation/agreement?by=kind&from=${from}&to=${to}`);
    const kinds = Object.fromEntries((byKind.body.slices as { key: string; statistics: { n: number; verdict: string } }[]).map((slice) => [slice.key, slice.statistics]));
    expect(kinds).toMatchObject({ peer: { n: 18 }, panel: { n: 6, verdict: "too_few_to_say" }, external_parallel: { n: 6, verdict: "too_few_to_say" } });

    const pairs = await call("person-qa-lead", "GET", `/api/moderation/pairs?by=kind&key=external_parallel&from=${from}&to=${to}`);
    expect(pairs.body.pairs).toHaveLength(6);
    expect((pairs.body.pairs as { caseReference: string; section: string; auditorGrade: string; moderatorGrade: string }[]).at(-1)).toMatchObject({
      caseReference: "NM-100719",
      kind: "External parallel audit",
    });
    expect(pairs.body.pairs).toContainEqual(expect.objectContaining({ section: "Overall grade", auditorGrade: "Good", moderatorGrade: "Requires improvement to be good" }));

    const csv = await fetch(`${app.url}/api/moderation/agreement.csv?by=kind&from=${from}&to=${to}`, { headers: { Authorization: `Bearer ${await tokenFor("person-qa-lead")}` } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split("\n")[2]).toMatch(/^External parallel audit,6,too few to say/);
  });

  it("keeps what people typed (rationales, reasons, findings) out of the logs, which carry ids and kinds only", async () => {
    const typed = ["The child is safe; the plan needs dates.", "The plan was reviewed at the core group", "Plans lack dates", "Good enough: the child's voice is strong."];
    const logs = app.logs.join("\n");
    expect(logs).toMatch(/moderation_escalated|parallel_audit_compared|outbox/);
    for (const text of typed) expect(logs).not.toContain(text);
  });
});

async function tokenFor(personId: string): Promise<string> {
  const response = await fetch(`${app.url}/api/local-sign-in`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ personId }) });
  return ((await response.json()) as { token: string }).token;
}
