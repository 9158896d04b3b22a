// Practice observation and 360-degree feedback, through the REST API and the
// real botbuilder stack: the "observe" form card, agreed actions landing in
// the action tracker, the practitioner's reflection by card, who may see an
// observation, and 360 answers that are anonymous and shown only from 3.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../api/domain/calendar.js";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { apiCall, expectProblem, localToken, signedInCaller, type Caller } from "./support/api-client.js";
import { startFakeBotConnector, type FakeBotConnector, type SentActivity } from "./support/fake-bot-connector.js";
import { cardAction, demoUser, installation, message, type TeamsUser } from "./support/teams-activities.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let connector: FakeBotConnector;
let call: Caller;
const today = dayOf(new Date());
const inAMonth = dayOf(new Date(Date.now() + 30 * 86_400_000));

const daniel = demoUser("person-tm-cp"); // team manager, child protection team
const liam = demoUser("person-sw-liam"); // practitioner, child protection team
const amira = demoUser("person-sw-amira"); // practitioner, assessment team
const grace = demoUser("person-tm-assessment");
const helen = demoUser("person-hos"); // head of service over the child protection team
const owen = demoUser("person-sm-front-door");
const priya = demoUser("person-qa-lead");

beforeAll(async () => {
  connector = await startFakeBotConnector();
  app = await startTestApp();
  call = await signedInCaller(app.url, [daniel, liam, amira, grace, helen, priya].map((user) => user.personId));
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

async function post(activity: object): Promise<Response> {
  return fetch(`${app.url}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(activity) });
}

async function invoke(user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<{ type: string; value: unknown }> {
  const response = await post(cardAction(user, connector.serviceUrl, verb, data));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { type: string; value: unknown };
  if (typeof body.value === "object") expect(adaptiveCardProblems(body.value)).toEqual([]);
  return body;
}

/** Waits for the bot to have sent `count` activities to the person's chat, and returns them. */
async function sentTo(user: TeamsUser, count: number): Promise<SentActivity[]> {
  const mine = () => connector.sent.filter((sent) => sent.conversationId === `a:personal-${user.personId}`);
  for (let waited = 0; mine().length < count; waited += 25) {
    if (waited > 5000) throw new Error(`Expected ${count} activities for ${user.name}, got ${mine().length}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return mine();
}
/** Waits for a card in the person's chat that `matches`, and returns it as JSON text. */
async function cardFor(user: TeamsUser, matches: (card: string) => boolean): Promise<string> {
  for (let waited = 0; waited <= 5000; waited += 25) {
    const found = cardsIn(connector.sent.filter((sent) => sent.conversationId === `a:personal-${user.personId}`)).map(text).find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`No matching card reached ${user.name}`);
}
const cardsIn = (sent: SentActivity[]) => sent.flatMap((item) => item.activity.attachments ?? []).map((attachment) => attachment.content);
const text = (value: unknown) => JSON.stringify(value);

const observation = (overrides: Record<string, unknown> = {}) => ({
  practitionerId: liam.personId,
  setting: "home_visit",
  observedOn: today,
  caseReference: "NM-100562",
  strengths: "Spoke to the child first, at their level, and checked they understood.",
  areasToDevelop: "Summarise the plan with the parents before leaving.",
  agreedActions: [
    { title: "Summarise the plan with the family at the end of each visit", ownerId: liam.personId, dueDate: inAMonth },
    { title: "Arrange a joint visit with the team manager", ownerId: daniel.personId, dueDate: inAMonth },
  ],
  ...overrides,
});

describe("recording an observation in the tab", () => {
  let observationId: string;

  it("raises the agreed actions in the action tracker, and asks the practitioner for their reflection", async () => {
    const created = await call(daniel.personId, "post", "/api/observations", observation());
    expect(created.status).toBe(201);
    observationId = created.body.id as string;
    const agreed = created.body.agreedActions as { title: string; ownerId: string; actionId: string }[];
    expect(agreed.every((action) => typeof action.actionId === "string")).toBe(true);
    const liamsActions = await call(liam.personId, "get", "/api/actions");
    const raised = (liamsActions.body.actions as { id: string; title: string; reason: string; teamId: string }[]).find((action) => action.id === agreed[0]!.actionId);
    expect(raised).toMatchObject({ title: "Summarise the plan with the family at the end of each visit", teamId: "team-child-protection" });
    expect(raised?.reason).toContain("Agreed at a practice observation (home visit)");
    const danielsAction = await app.store.get("action", agreed[1]!.actionId);
    expect(danielsAction).toMatchObject({ ownerId: daniel.personId, status: "open" });
    const queued = await app.store.query("outboxMessage", { where: { recipientId: liam.personId } });
    expect(queued.records.map((queuedMessage) => queuedMessage.notification)).toContainEqual({ kind: "observation_reflection_requested", observationId });
  });

  it("lets the practitioner, their managers and the QA lead see it; no one else", async () => {
    for (const user of [liam, daniel, helen, priya]) expect((await call(user.personId, "get", `/api/observations/${observationId}`)).status, user.name).toBe(200);
    for (const user of [amira, grace]) expectProblem(await apiCall(app.url, "get", `/api/observations/${observationId}`, { token: await localToken(app.url, user.personId) }), 404);
    const amirasList = await call(amira.personId, "get", "/api/observations");
    expect(amirasList.body.observations).toEqual([]);
    const liamsList = await call(liam.personId, "get", "/api/observations");
    expect((liamsList.body.observations as { id: string }[]).map((listed) => listed.id)).toContain(observationId);
  });

  it("refuses an observer outside the practitioner's team, and a practitioner observing", async () => {
    expectProblem(await apiCall(app.url, "post", "/api/observations", { token: await localToken(app.url, grace.personId), json: observation() }), 403);
    expectProblem(await apiCall(app.url, "post", "/api/observations", { token: await localToken(app.url, amira.personId), json: observation() }), 403);
  });

  it("saves nothing, not even the actions, when one agreed action cannot be raised", async () => {
    const actionsBefore = (await app.store.query("action", { limit: 500 })).records.length;
    const observationsBefore = (await app.store.query("observation", { limit: 500 })).records.length;
    const response = await apiCall(app.url, "post", "/api/observations", {
      token: await localToken(app.url, daniel.personId),
      json: observation({ agreedActions: [{ title: "Fine", ownerId: liam.personId, dueDate: inAMonth }, { title: "Nobody owns this", ownerId: "person-nobody", dueDate: inAMonth }] }),
    });
    expect(expectProblem(response, 422).detail).toContain("agreed action 2");
    expect((await app.store.query("action", { limit: 500 })).records.length).toBe(actionsBefore);
    expect((await app.store.query("observation", { limit: 500 })).records.length).toBe(observationsBefore);
  });

  it("takes the reflection from the practitioner only, once", async () => {
    const current = await call(liam.personId, "get", `/api/observations/${observationId}`);
    const token = await localToken(app.url, daniel.personId);
    expectProblem(await apiCall(app.url, "post", `/api/observations/${observationId}/reflection`, { token, json: { reflection: "Not mine to give" }, ifMatch: current.etag }), 403);
    const reflected = await call(liam.personId, "post", `/api/observations/${observationId}/reflection`, { reflection: "I rushed the ending; I will leave ten minutes for it." }, current.etag);
    expect(reflected.body).toMatchObject({ status: "complete", reflection: "I rushed the ending; I will leave ten minutes for it." });
    const again = await apiCall(app.url, "post", `/api/observations/${observationId}/reflection`, { token: await localToken(app.url, liam.personId), json: { reflection: "Again" }, ifMatch: reflected.etag });
    expectProblem(again, 409);
  });
});

describe("observation from a bot card", () => {
  it("opens the form with the 'observe' command, listing only practitioners the observer may observe", async () => {
    await post(installation(daniel, connector.serviceUrl));
    const before = connector.sent.filter((sent) => sent.conversationId === `a:personal-${daniel.personId}`).length;
    await post(message(daniel, connector.serviceUrl, "observe"));
    const sent = await sentTo(daniel, before + 1);
    const form = cardsIn(sent).map(text).find((card) => card.includes("Record a practice observation"));
    expect(form).toBeDefined();
    expect(adaptiveCardProblems(JSON.parse(form!))).toEqual([]);
    expect(form).toContain('"title":"Liam Carter","value":"person-sw-liam"');
    expect(form).not.toContain("Amira Hussain");
    expect(form).toContain('"verb":"observation.record"');
  });

  it("shows the form again with the reason when something is missing, saving nothing", async () => {
    const before = (await app.store.query("observation", { limit: 500 })).records.length;
    const body = await invoke(daniel, "observation.record", { practitionerId: liam.personId, setting: "supervision", observedOn: today, strengths: "" });
    expect(text(body.value)).toContain("Record a practice observation");
    expect(text(body.value)).toContain("What went well is required");
    expect((await app.store.query("observation", { limit: 500 })).records.length).toBe(before);
    const forged = await invoke(daniel, "observation.record", { practitionerId: amira.personId, setting: "supervision", observedOn: today, strengths: "x" });
    expect(text(forged.value)).toContain("only of practitioners in the teams you manage or lead");
  });

  it("records an observation of supervision from the card; the practitioner reflects on their card", async () => {
    await post(installation(liam, connector.serviceUrl));
    const body = await invoke(daniel, "observation.record", {
      practitionerId: liam.personId,
      setting: "supervision",
      observedOn: today,
      caseReference: "",
      strengths: "Clear about the risks and the plan.",
      areasToDevelop: "",
      agreedActions: "Bring the chronology to the next supervision",
      actionsDueOn: inAMonth,
    });
    expect(text(body.value)).toContain("Observation recorded");
    expect(text(body.value)).toContain("Waiting for Liam Carter's reflection");
    const recorded = (await app.store.query("observation", { where: { setting: "supervision", practitionerId: liam.personId } })).records[0]!;
    expect(recorded.agreedActions).toEqual([expect.objectContaining({ title: "Bring the chronology to the next supervision", ownerId: liam.personId, dueDate: inAMonth })]);

    const card = await cardFor(liam, (candidate) => candidate.includes('"verb":"observation.reflect"'));
    expect(card).toContain("Supervision");

    const forged = await invoke(daniel, "observation.reflect", { observationId: recorded.id, reflection: "Forged" });
    expect(text(forged.value)).toContain("Only the practitioner who was observed");
    const reflected = await invoke(liam, "observation.reflect", { observationId: recorded.id, reflection: "I will prepare the chronology." });
    expect(text(reflected.value)).toContain("I will prepare the chronology.");
    expect((await app.store.get("observation", recorded.id))?.status).toBe("complete");
  });
});

describe("360-degree feedback on supervision", () => {
  let roundId: string;
  const ratings = (rating: string) => ({ "rating:regular": rating, "rating:reflective": rating, "rating:decisions": rating });

  it("sends a card to each person asked", async () => {
    const created = await call(priya.personId, "post", "/api/supervision-feedback", { supervisorId: daniel.personId, recipientIds: [liam.personId, grace.personId, owen.personId, helen.personId] });
    expect(created.status).toBe(201);
    roundId = created.body.id as string;
    expect(created.body).not.toHaveProperty("answeredIds");
    const queued = await app.store.query("outboxMessage", { where: { recipientId: grace.personId } });
    expect(queued.records.map((queuedMessage) => queuedMessage.notification)).toContainEqual({ kind: "feedback_360_requested", roundId });
  });

  it("takes one anonymous answer per person asked; refuses anyone else and a second answer", async () => {
    const answered = await invoke(liam, "feedback360.answer", { roundId, ...ratings("4"), comment: "Supervision is rarely moved." });
    expect(text(answered.value)).toContain("recorded anonymously");
    expect(text(answered.value)).not.toContain("rarely moved");
    expect(text(answered.value)).not.toContain('"verb":"feedback360.answer"');
    const twice = await invoke(liam, "feedback360.answer", { roundId, ...ratings("1") });
    expect(text(twice.value)).toContain("You have already answered");
    const stranger = await invoke(amira, "feedback360.answer", { roundId, ...ratings("1") });
    expect(text(stranger.value)).toContain("was not sent to you");
    const badRating = await invoke(grace, "feedback360.answer", { roundId, "rating:regular": "9" });
    expect(text(badRating.value)).toContain("from 1 (strongly disagree) to 5");
    expect((await app.store.get("feedback360Round", roundId))?.answeredIds).toEqual([liam.personId]);
  });

  it("shows no results until 3 have answered, then only totals", async () => {
    await invoke(grace, "feedback360.answer", { roundId, ...ratings("2") });
    const two = await call(priya.personId, "get", `/api/supervision-feedback/${roundId}`);
    expect(two.body).toMatchObject({ answerCount: 2, summary: { shown: false, answerCount: 2, minimum: 3 } });
    expect(text(two.body)).not.toContain("rarely moved");

    await invoke(helen, "feedback360.answer", { roundId, ...ratings("5"), comment: "Good on wellbeing." });
    const three = await call(priya.personId, "get", `/api/supervision-feedback/${roundId}`);
    const summary = three.body.summary as { shown: boolean; questions: { key: string; counts: number[]; average: number }[]; comments: string[] };
    expect(summary.shown).toBe(true);
    expect(summary.questions.find((question) => question.key === "regular")).toMatchObject({ counts: [0, 1, 0, 1, 1], average: 3.7 });
    expect(summary.comments).toEqual(["Good on wellbeing.", "Supervision is rarely moved."]);
    expect(three.body).not.toHaveProperty("answeredIds");
  });

  it("stores only totals, and the audit log withholds them: no link from an answer to its author", async () => {
    const round = (await app.store.get("feedback360Round", roundId))!;
    expect(round.ratingCounts).toEqual({ regular: [0, 1, 0, 1, 1], reflective: [0, 1, 0, 1, 1], decisions: [0, 1, 0, 1, 1] });
    expect(round.comments).toEqual(["Good on wellbeing.", "Supervision is rarely moved."]);
    const log = await app.store.auditLog({ kind: "feedback360Round", recordId: roundId });
    const updates = log.filter((entry) => entry.operation === "update");
    expect(updates).toHaveLength(3);
    for (const entry of updates) {
      expect(entry.actorId).toBe("system:anonymous-feedback");
      expect(entry.changes.ratingCounts).toEqual({ from: "(withheld: anonymous answers)", to: "(withheld: anonymous answers)" });
      expect(entry.changes.comments).toEqual({ from: "(withheld: anonymous answers)", to: "(withheld: anonymous answers)" });
    }
    expect(JSON.stringify(log)).not.toMatch(/rarely moved|Good on wellbeing|\[0,1,0,1,1\]/);
  });

  it("shows the results only to whoever asked and managers over the supervisor's team", async () => {
    expect((await call(helen.personId, "get", `/api/supervision-feedback/${roundId}`)).status).toBe(200);
    const listed = await call(helen.personId, "get", "/api/supervision-feedback");
    expect(listed.body.rounds).toEqual([expect.objectContaining({ id: roundId, answerCount: 3, summary: expect.objectContaining({ shown: true }) })]);
    expect(text(listed.body)).not.toContain("answeredIds");
    expect((await call(liam.personId, "get", "/api/supervision-feedback")).body.rounds).toEqual([]);
    expectProblem(await apiCall(app.url, "post", `/api/supervision-feedback/${roundId}/close`, { token: await localToken(app.url, liam.personId) }), 404);
    expectProblem(await apiCall(app.url, "get", `/api/supervision-feedback/${roundId}`, { token: await localToken(app.url, liam.personId) }), 404);
    expectProblem(await apiCall(app.url, "get", `/api/supervision-feedback/${roundId}`, { token: await localToken(app.url, grace.personId) }), 404);
  });
});

describe("supervision audit", () => {
  it("runs a supervision audit with the seeded tool through the usual workflow, its child/family view joining the feedback view", async () => {
    const tool = await call(priya.personId, "get", "/api/audit-tools/tool-supervision-audit");
    expect(tool.body).toMatchObject({ name: "Supervision audit", auditTypes: ["supervision"] });
    const sections = (tool.body.sections as { key: string }[]).map((section) => section.key);

    const created = await call(priya.personId, "post", "/api/audits", { type: "supervision", toolId: "tool-supervision-audit", caseId: "case-100562", auditorId: daniel.personId, dueDate: inAMonth });
    expect(created.status).toBe(201);
    const auditId = created.body.id as string;
    const started = await call(daniel.personId, "post", `/api/audits/${auditId}/start`, {}, created.etag);
    expect(started.status).toBe(200);
    const assessed = await call(
      daniel.personId,
      "patch",
      `/api/audits/${auditId}`,
      {
        sectionGrades: sections.map((sectionKey) => ({ sectionKey, grade: "good" })),
        overallGrade: "good",
        workingWell: ["Decisions are recorded with reasons."],
        childFamilyView: { soughtFrom: "parent_or_carer", method: "Phone call", summary: "Knows who to ring when plans change." },
      },
      started.etag,
    );
    expect(assessed.status).toBe(200);
    const submitted = await call(daniel.personId, "post", `/api/audits/${auditId}/submit`, {}, assessed.etag);
    expect(submitted.status).toBe(200);

    const supervisionAudits = await call(priya.personId, "get", "/api/audits?type=supervision");
    expect((supervisionAudits.body.audits as { id: string }[]).map((audit) => audit.id)).toEqual([auditId]);
    const views = await call(daniel.personId, "get", "/api/feedback/audit-views?caseReference=NM-100562");
    expect(views.body.views).toEqual([expect.objectContaining({ auditId, caseReference: "NM-100562", soughtFrom: "parent_or_carer", summary: "Knows who to ring when plans change." })]);
  });
});

describe("closing a 360-degree feedback request", () => {
  it("takes no more answers once closed", async () => {
    const created = await call(priya.personId, "post", "/api/supervision-feedback", { supervisorId: daniel.personId, recipientIds: [liam.personId, grace.personId] });
    const roundId = created.body.id as string;
    const closed = await call(priya.personId, "post", `/api/supervision-feedback/${roundId}/close`);
    expect(closed.body).toMatchObject({ status: "closed", answerCount: 0 });
    const late = await invoke(liam, "feedback360.answer", { roundId, "rating:regular": "4" });
    expect(text(late.value)).toContain("This feedback request has closed.");
    expect((await app.store.get("feedback360Round", roundId))?.answeredIds).toEqual([]);
  });
});
