// Resolving a moderation through the REST API (the same services the cards
// use): the moderator re-grades, the auditor disputes, the QA lead decides.
// Every step needs the moderation's ETag, re-checks who is acting and the
// state, and refuses bad input by name, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let call: Caller;
let moderationId: string;
let auditId: string;
const sections = ["voice", "assessment", "planning", "oversight", "impact"];

beforeAll(async () => {
  app = await startTestApp();
  call = await signedInCaller(app.url, ["person-qa-lead", "person-psw", "person-hos", "person-tm-assessment", "person-tm-cp"]);
  const created = await call("person-qa-lead", "POST", "/api/audits", { type: "regular", toolId: "tool-regular-case-audit", caseId: "case-100231", auditorId: "person-tm-assessment" });
  auditId = created.body.id as string;
  const started = await call("person-tm-assessment", "POST", `/api/audits/${auditId}/start`, undefined, created.etag);
  const graded = await call(
    "person-tm-assessment",
    "PATCH",
    `/api/audits/${auditId}`,
    { sectionGrades: sections.map((sectionKey) => ({ sectionKey, grade: "good" })), overallGrade: "inadequate" },
    started.etag,
  );
  const submitted = await call("person-tm-assessment", "POST", `/api/audits/${auditId}/submit`, undefined, graded.etag);
  moderationId = submitted.body.moderationId as string;
});
afterAll(async () => app?.stop());

async function current() {
  return call("person-qa-lead", "GET", `/api/moderations/${moderationId}`);
}

describe("resolving a moderation over the API", () => {
  it("has the inadequate audit waiting for a moderator other than the auditor", async () => {
    const moderation = await current();
    expect(moderation.body).toMatchObject({ status: "requested", kind: "peer", caseReference: "NM-100231" });
    expect(["person-qa-lead", "person-psw", "person-hos"]).toContain(moderation.body.moderatorId);
  });

  it("needs the ETag, a rationale and grades on the scale to re-grade, and then waits for the auditor", async () => {
    const waiting = await current();
    const moderatorId = waiting.body.moderatorId as string;
    expect((await call(moderatorId, "POST", `/api/moderations/${moderationId}/moderate`, { agree: false, grades: [], rationale: "x" })).status).toBe(428);
    const offScale = await call(moderatorId, "POST", `/api/moderations/${moderationId}/moderate`, { agree: false, grades: [{ sectionKey: "overall", grade: "brilliant" }], rationale: "Safe" }, waiting.etag);
    expect(offScale.status).toBe(422);
    expect(offScale.body.detail).toContain('"brilliant" is not a grade');
    const noReason = await call(moderatorId, "POST", `/api/moderations/${moderationId}/moderate`, { agree: false, grades: [{ sectionKey: "overall", grade: "good" }], rationale: " " }, waiting.etag);
    expect(noReason.body.detail).toBe("Say why you re-graded the audit.");
    expect((await current()).etag).toBe(waiting.etag);

    const regraded = await call(
      moderatorId,
      "POST",
      `/api/moderations/${moderationId}/moderate`,
      { agree: false, grades: [{ sectionKey: "overall", grade: "requires_improvement", rationale: "Risk is managed" }], rationale: "The child is safe" },
      waiting.etag,
    );
    expect(regraded.status, JSON.stringify(regraded.body)).toBe(200);
    expect(regraded.body).toMatchObject({ status: "awaiting_auditor", outcome: "regraded_up", rationale: "The child is safe" });
    expect((regraded.body.grades as { sectionKey: string }[]).find((grade) => grade.sectionKey === "overall")).toMatchObject({ rationale: "Risk is managed", section: "Overall" });
  });

  it("lets only the auditor answer, needs a reason to disagree, and sends a disagreement to the QA lead", async () => {
    const waiting = await current();
    // Someone who cannot see the audit is told it is not there; the QA lead may see it but is not the auditor.
    expect((await call("person-tm-cp", "POST", `/api/moderations/${moderationId}/answer`, { accept: true }, waiting.etag)).status).toBe(404);
    const notAuditor = await call("person-qa-lead", "POST", `/api/moderations/${moderationId}/answer`, { accept: true }, waiting.etag);
    expect(notAuditor.status).toBe(403);
    expect(notAuditor.body.detail).toBe("Only the auditor can accept or dispute the moderated grades.");
    const noReason = await call("person-tm-assessment", "POST", `/api/moderations/${moderationId}/answer`, { accept: false, reason: "" }, waiting.etag);
    expect(noReason.status).toBe(422);
    expect(noReason.body.detail).toBe("Say why you disagree: the QA lead will read it.");
    const malformed = await call("person-tm-assessment", "POST", `/api/moderations/${moderationId}/answer`, { accept: "maybe" }, waiting.etag);
    expect(malformed.status).toBe(400);
    const disputed = await call("person-tm-assessment", "POST", `/api/moderations/${moderationId}/answer`, { accept: false, reason: "The risk was not managed in week 2" }, waiting.etag);
    expect(disputed.status).toBe(200);
    expect(disputed.body).toMatchObject({ status: "escalated", escalatedToName: "Priya Shah", auditorResponse: { accepted: false, reason: "The risk was not managed in week 2", by: "person-tm-assessment" } });
  });

  it("lets only a QA lead decide, records the decision as final beside the auditor's grade, and refuses a replay", async () => {
    const escalated = await current();
    const notLead = await call("person-tm-assessment", "POST", `/api/moderations/${moderationId}/decision`, { grades: [], rationale: "x" }, escalated.etag);
    expect(notLead.status).toBe(403);
    expect(notLead.body.detail).toBe("Only the QA lead decides a disputed moderation.");
    const noReason = await call("person-qa-lead", "POST", `/api/moderations/${moderationId}/decision`, { grades: [], rationale: "" }, escalated.etag);
    expect(noReason.body.detail).toContain("Give the reasons for your decision");
    const decided = await call("person-qa-lead", "POST", `/api/moderations/${moderationId}/decision`, { grades: [{ sectionKey: "overall", grade: "inadequate" }], rationale: "Week 2 risk unmanaged" }, escalated.etag);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: "completed", qaLeadDecision: { by: "person-qa-lead", name: "Priya Shah", rationale: "Week 2 risk unmanaged" } });
    expect((decided.body.grades as { sectionKey: string }[]).find((grade) => grade.sectionKey === "overall")).toMatchObject({
      auditorGrade: "inadequate",
      moderatorGrade: "requires_improvement",
      finalGrade: "inadequate",
    });
    expect((await call("person-qa-lead", "GET", `/api/audits/${auditId}`)).body).toMatchObject({ status: "completed", overallGrade: "inadequate", finalOverallGrade: "inadequate" });
    const replay = await call("person-qa-lead", "POST", `/api/moderations/${moderationId}/decision`, { grades: [], rationale: "Again" }, decided.etag);
    // A refusal's details name the record's status; the problem's own HTTP status is never replaced by it.
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ status: 409, code: "illegal_transition" });
    expect(replay.body.detail).toBe("You cannot decide it now: it has been resolved.");
  });

  it("answers an illegal audit step with 409, not a server error", async () => {
    const audit = await call("person-tm-assessment", "GET", `/api/audits/${auditId}`);
    const again = await call("person-tm-assessment", "POST", `/api/audits/${auditId}/start`, undefined, audit.etag);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, detail: "You cannot start it: the audit is completed.", allowedFrom: ["assigned", "reflection_requested"] });
  });

  it("hides a moderation from someone who cannot see its audit", async () => {
    const hidden = await call("person-tm-cp", "GET", `/api/moderations/${moderationId}`);
    expect(hidden.status).toBe(404);
  });
});
