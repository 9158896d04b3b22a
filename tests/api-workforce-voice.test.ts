// Workforce voice through the REST API on the demo authority: the seeded
// autumn pulse round (7 answers in the assessment team, 2 in child
// protection, 6 in children in care) shows the assessment team only; only
// the QA lead reads comments; practitioners read no results; the minimum
// group size is refused below 3; a survey is written, sent and answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { apiCall, expectProblem, localToken } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
const tokens: Record<string, string> = {};
const as = (who: string) => tokens[who]!;

interface Group {
  id: string;
  shown: boolean;
  respondents: number | null;
  hiddenBecause?: string;
  questions: { key: string; counts: number[] }[];
}
interface Results {
  results: { respondents: number | null; groups: Group[]; comments: { text: string; teamName: string | null; keywordThemes: string[] }[] };
  trends: { key: string; groups: { id: string; points: { round: string; average: number | null }[] }[] }[];
  canSeeComments: boolean;
}

beforeAll(async () => {
  app = await startTestApp();
  for (const who of ["person-qa-lead", "person-tm-cp", "person-sw-amira", "person-psw", "person-sm-front-door"]) tokens[who] = await localToken(app.url, who);
});
afterAll(async () => {
  await app.stop();
});

describe("results of the seeded autumn round", () => {
  it("shows the assessment team, and no breakdown for child protection (2 answered) nor children in care (it would give child protection away)", async () => {
    const response = await apiCall<Results>(app.url, "get", "/api/surveys/survey-pulse-autumn/results", { token: as("person-qa-lead") });
    expect(response.status).toBe(200);
    const group = (id: string) => response.body.results.groups.find((candidate) => candidate.id === id)!;
    expect(response.body.results.respondents).toBe(15);
    expect(group("team-assessment")).toMatchObject({ shown: true, respondents: 7 });
    expect(group("team-child-protection")).toMatchObject({ shown: false, respondents: null, questions: [] });
    expect(group("service-cin-cp")).toMatchObject({ shown: false, hiddenBecause: "too_few" });
    expect(group("service-children-in-care")).toMatchObject({ shown: false, hiddenBecause: "protects_smaller_group" });
    expect(group("team-children-in-care")).toMatchObject({ shown: false, respondents: null });
    const comments = response.body.results.comments;
    expect(comments.find((comment) => comment.text.startsWith("My supervisor"))).toMatchObject({ teamName: null, keywordThemes: ["Supervision"] });
    expect(comments.find((comment) => comment.text.startsWith("Less admin"))).toMatchObject({ teamName: "Assessment team", keywordThemes: ["Workload"] });
    const workload = response.body.trends.find((trend) => trend.key === "workload")!;
    expect(workload.groups.find((candidate) => candidate.id === "team-assessment")!.points.map((point) => point.round)).toEqual(["Spring 2026", "Autumn 2026"]);
    expect(workload.groups.find((candidate) => candidate.id === "team-child-protection")!.points.map((point) => point.average === null)).toEqual([false, true]);
  });

  it("gives a team manager the groups in scope and no comments, and a practitioner no results at all", async () => {
    const manager = await apiCall<Results>(app.url, "get", "/api/surveys/survey-pulse-autumn/results", { token: as("person-tm-cp") });
    expect(manager.status).toBe(200);
    expect(manager.body.canSeeComments).toBe(false);
    expect(manager.body.results.comments).toEqual([]);
    expect(manager.body.results.groups.map((group) => group.id).sort()).toEqual(["everyone", "service-cin-cp", "team-child-protection"]);
    expect(manager.body.results.groups.find((group) => group.id === "team-child-protection")).toMatchObject({ shown: false, respondents: null });
    const serviceManager = await apiCall<Results>(app.url, "get", "/api/surveys/survey-pulse-autumn/results", { token: as("person-sm-front-door") });
    expect(serviceManager.body.results.groups.map((group) => group.id).sort()).toEqual(["everyone", "service-front-door", "team-assessment"]);
    const trendGroups = serviceManager.body.trends.find((trend) => trend.key === "workload")!.groups.map((group) => group.id).sort();
    expect(trendGroups).toEqual(["everyone", "service-front-door", "team-assessment"]);
    const practitioner = await apiCall(app.url, "get", "/api/surveys/survey-pulse-autumn/results", { token: as("person-sw-amira") });
    expect(expectProblem(practitioner, 403).detail).toContain("anonymous");
  });
});

describe("reflective feedback after audits", () => {
  it("shows last quarter's closed round in the same anonymous view, and nothing yet of this quarter's open one", async () => {
    const summer = await apiCall<Results>(app.url, "get", "/api/surveys/survey-reflective-summer/results", { token: as("person-qa-lead") });
    const group = (id: string) => summer.body.results.groups.find((candidate) => candidate.id === id)!;
    expect(summer.body.results.respondents).toBe(14);
    expect(group("team-assessment")).toMatchObject({ shown: true, respondents: 6 });
    expect(group("team-child-protection")).toMatchObject({ shown: false, hiddenBecause: "too_few" });
    expect(summer.body.results.comments.find((comment) => comment.text === "It felt like an inspection")).toMatchObject({ teamName: null });
    const open = await apiCall<{ results: unknown }>(app.url, "get", "/api/surveys/survey-reflective/results", { token: as("person-qa-lead") });
    expect(open.body.results).toBeNull();
  });
});

describe("settings", () => {
  it("refuses a minimum group size below 3 with a problem naming the field, and changes nothing", async () => {
    const current = await apiCall<{ minimumGroupSize: number }>(app.url, "get", "/api/survey-settings", { token: as("person-qa-lead") });
    expect(current.body.minimumGroupSize).toBe(5);
    const etag = current.headers.get("etag")!;
    const refused = await apiCall(app.url, "patch", "/api/survey-settings", { token: as("person-qa-lead"), ifMatch: etag, json: { minimumGroupSize: 2 } });
    const problem = expectProblem(refused, 422);
    expect(problem.problems?.[0]).toMatchObject({ field: "minimumGroupSize" });
    expect(problem.detail).toContain("smaller than 3");
    expectProblem(await apiCall(app.url, "patch", "/api/survey-settings", { token: as("person-tm-cp"), ifMatch: etag, json: { minimumGroupSize: 6 } }), 403);
    expect((await apiCall<{ minimumGroupSize: number }>(app.url, "get", "/api/survey-settings", { token: as("person-qa-lead") })).body.minimumGroupSize).toBe(5);
  });
});

describe("writing, sending and answering a survey", () => {
  it("writes a draft, refuses a bad one clearly, sends it through the outbox, and hides drafts from staff", async () => {
    const bad = await apiCall(app.url, "post", "/api/surveys", {
      token: as("person-qa-lead"),
      json: { title: "x", kind: "pulse", questions: [], round: "Winter", opensOn: "2026-12-01", closesOn: "2026-11-01" },
    });
    const problem = expectProblem(bad, 422);
    expect(problem.problems?.map((entry) => entry.field).sort()).toEqual(["closesOn", "questions"]);
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const created = await apiCall<{ id: string }>(app.url, "post", "/api/surveys", {
      token: as("person-qa-lead"),
      json: {
        title: "Winter check-in",
        kind: "pulse",
        questions: [{ key: "ok", type: "scale", text: "I am OK", labels: ["No", "Mostly", "Yes"] }],
        audience: { scope: "teams", teamIds: ["team-assessment"] },
        round: "Winter 2026",
        opensOn: today,
        closesOn: later,
      },
    });
    expect(created.status).toBe(201);
    const listed = await apiCall<{ surveys: { id: string }[] }>(app.url, "get", "/api/surveys", { token: as("person-sw-amira") });
    expect(listed.body.surveys.map((survey) => survey.id)).not.toContain(created.body.id);
    expectProblem(await apiCall(app.url, "post", `/api/surveys/${created.body.id}/send`, { token: as("person-qa-lead") }), 428);
    const sent = await apiCall<{ queued: number }>(app.url, "post", `/api/surveys/${created.body.id}/send`, { token: as("person-qa-lead"), ifMatch: created.headers.get("etag")! });
    expect(sent.status).toBe(200);
    expect(sent.body.queued).toBe(2); // Grace and Amira
    const messages = (await app.store.query("outboxMessage", { where: { idempotencyKey: `survey_sent:${created.body.id}:person-sw-amira` } })).records;
    expect(messages).toHaveLength(1);

    // While it is open, no figures: before-and-after comparisons would single out each new answer.
    const open = await apiCall<{ results: unknown; answered: number; trends: unknown[] }>(app.url, "get", `/api/surveys/${created.body.id}/results`, { token: as("person-qa-lead") });
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ results: null, answered: 0, trends: [] });
  });
});

describe("previewing a draft's card", () => {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const draft = {
    title: "Spring check-in",
    kind: "pulse",
    introduction: "Two minutes, once a term.",
    questions: [
      { key: "supported", type: "scale", text: "I feel supported by my manager", labels: ["No", "Mostly", "Yes"] },
      { key: "change", type: "free_text", text: "What one thing would help?" },
    ],
    audience: { scope: "everyone" },
    round: "Spring 2027",
    opensOn: inDays(30),
    closesOn: inDays(44),
  };

  it("renders the bot's own survey card, valid Adaptive Card 1.5, as staff answer it once open, and saves nothing", async () => {
    const before = (await app.store.query("survey", { limit: 500 })).records.length;
    const preview = await apiCall<{ card: unknown }>(app.url, "post", "/api/surveys/preview", { token: as("person-qa-lead"), json: draft });
    expect(preview.status).toBe(200);
    expect(adaptiveCardProblems(preview.body.card)).toEqual([]);
    const text = JSON.stringify(preview.body.card);
    for (const words of ["Spring check-in", "Pulse survey: Spring 2027", "Two minutes, once a term.", "I feel supported by my manager", "What one thing would help? (optional)", "Mostly"]) {
      expect(text).toContain(words);
    }
    expect(text).toContain('"verb":"survey.answer"');
    expect(text).toContain("at least 5 people answered");
    expect((await app.store.query("survey", { limit: 500 })).records.length).toBe(before);
  });

  it("refuses a bad draft with a problem naming each field", async () => {
    const malformed = await apiCall(app.url, "post", "/api/surveys/preview", {
      token: as("person-qa-lead"),
      json: { ...draft, kind: "poll", questions: [{ key: "only", type: "scale", text: "One point", labels: ["Yes"] }] },
    });
    const malformedFields = JSON.stringify(expectProblem(malformed, 400).problems);
    expect(malformedFields).toContain("kind");
    expect(malformedFields).toContain("questions.0.labels");
    const bad = await apiCall(app.url, "post", "/api/surveys/preview", { token: as("person-qa-lead"), json: { ...draft, title: " ", questions: [], closesOn: inDays(1) } });
    expect(expectProblem(bad, 422).problems?.map((entry) => entry.field).sort()).toEqual(["closesOn", "questions", "title"]);
  });

  it("is only for those who write surveys", async () => {
    for (const who of ["person-sw-amira", "person-tm-cp"]) {
      expectProblem(await apiCall(app.url, "post", "/api/surveys/preview", { token: as(who), json: draft }), 403);
    }
    expect((await apiCall(app.url, "post", "/api/surveys/preview", { token: as("person-psw"), json: draft })).status).toBe(200);
  });
});
