// Workforce voice: answers are anonymous (nothing stored links an answer to
// the person who gave it, the audit log included), each person answers once,
// small groups show no figures, no hidden figure can be worked out by
// subtraction, the minimum is never below 3, and trends follow the rounds.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isDomainError } from "../api/domain/errors.js";
import { parseRecord } from "../api/domain/records/index.js";
import { agreementLabels, type SurveyQuestion } from "../api/domain/records/survey.js";
import { readAnswers } from "../api/domain/survey-answers.js";
import { keywordThemesOf, suppressGroups, surveyResults, type GroupLevel } from "../api/domain/survey-results.js";
import { AuditWorkflow } from "../api/services/audit-workflow.js";
import type { Person } from "../api/services/people.js";
import { WorkforceVoice } from "../api/services/workforce-voice.js";
import { BulletinService } from "../api/services/bulletins.js";
import { seedDemoAuthority } from "../api/seed/seed-demo.js";
import type { Saved, Store } from "../api/store/port.js";
import { withheldValue } from "../api/store/record-changes.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import { runCardAction, type CardActionServices } from "../bot/card-actions.js";
import { ActionTracker } from "../api/services/action-tracker.js";

let store: Store;
let clock: Date;
const now = () => clock;
const setup = { id: "system:test-setup" };

async function refused(promise: Promise<unknown>, code: string): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(isDomainError(error), String(error)).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return (error as Error).message;
}

const questions: SurveyQuestion[] = [
  { key: "workload", type: "scale", text: "My workload is manageable", labels: agreementLabels },
  { key: "supervision", type: "scale", text: "Supervision helps me think about children", labels: agreementLabels },
  { key: "help", type: "free_text", text: "What would help you most?" },
];

/** One service with three teams: Alpha (7 staff), Bravo (2) and Charlie (6), and a QA lead. */
async function organisation(target: Store): Promise<{ qaLead: Person; staff: Record<string, Person[]> }> {
  await target.create("authority", { name: "Testshire", gradeScaleId: "scale" }, setup, { id: "authority" });
  await target.create("service", { authorityId: "authority", name: "Safeguarding" }, setup, { id: "service-1" });
  const sizes: Record<string, number> = { alpha: 7, bravo: 2, charlie: 6 };
  const staff: Record<string, Person[]> = {};
  for (const [team, size] of Object.entries(sizes)) {
    await target.create("team", { serviceId: "service-1", name: `${team[0]!.toUpperCase()}${team.slice(1)} team` }, setup, { id: `team-${team}` });
    staff[team] = [];
    for (let index = 0; index < size; index += 1) {
      staff[team]!.push(
        (await target.create(
          "person",
          { displayName: `${team} worker ${index}`, email: `${team}${index}@testshire.example`, roles: ["practitioner"], teamId: `team-${team}`, serviceId: "service-1" },
          setup,
          { id: `person-${team}-${index}` },
        )) as Person,
      );
    }
  }
  const qaLead = (await target.create("person", { displayName: "QA lead", email: "qa@testshire.example", roles: ["qa_lead"] }, setup, { id: "person-qa" })) as Person;
  return { qaLead, staff };
}

async function sentSurvey(voice: WorkforceVoice, qaLead: Person, overrides: Record<string, unknown> = {}) {
  const draft = await voice.compose({ title: "How are you doing?", kind: "pulse", questions, round: "Autumn 2026", opensOn: "2026-11-23", closesOn: "2026-12-04", ...overrides }, qaLead);
  return (await voice.send(draft.id, draft.etag, qaLead)).survey;
}

/** The results as they are once the survey has closed (the clock moves past its closing day). */
async function closedResults(voice: WorkforceVoice, survey: Saved<"survey">) {
  clock = new Date(`${survey.closesOn}T00:00:00Z`);
  clock.setUTCDate(clock.getUTCDate() + 1);
  const results = await voice.results(survey);
  expect(results, "results once closed").toBeDefined();
  return results!;
}

const answer = (workload: number, supervision: number, help = "") => ({ "q:workload": String(workload), "q:supervision": String(supervision), "q:help": help });

beforeEach(() => {
  store = new SqliteStore({ path: ":memory:" });
  clock = new Date("2026-11-26T09:00:00Z");
});
afterEach(async () => {
  await store.close();
});

describe("anonymity", () => {
  it("stores nothing that links an answer to the person who gave it, in the records or the audit log", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead);
    const amira = staff.alpha![0]!;
    const before = (await store.auditLog({ limit: 1000 })).at(-1)!.sequence;
    await voice.answer(survey.id, "", answer(2, 4, "Caseloads in the duty week are too high"), amira);

    const participation = (await store.query("surveyParticipation", { where: { surveyId: survey.id } })).records;
    expect(participation).toHaveLength(1);
    // The participation holds who and which survey, nothing else.
    const { id: _id, etag: _etag, createdAt: _createdAt, updatedAt: _updatedAt, ...held } = participation[0]!;
    expect(held).toEqual({ surveyId: survey.id, personId: amira.id, occasion: "" });

    const [tally] = (await store.query("surveyTally", { where: { surveyId: survey.id } })).records;
    expect(JSON.stringify(tally)).not.toContain(amira.id);
    expect(tally).toMatchObject({ teamId: "team-alpha", respondents: 1, scaleCounts: { workload: [0, 1, 0, 0, 0] } });

    const entries = await store.auditLog({ after: before, limit: 1000 });
    expect(entries.map((entry) => [entry.kind, entry.actorId])).toEqual([
      ["surveyParticipation", amira.id],
      ["surveyTally", "system:workforce-voice"],
    ]);
    const logged = JSON.stringify(entries);
    expect(logged).not.toContain("Caseloads");
    expect(entries[1]!.changes.scaleCounts).toEqual({ to: withheldValue });
    expect(entries[1]!.changes.comments).toEqual({ to: withheldValue });
    expect(JSON.stringify(entries[1])).not.toContain(amira.id);

    // A second answer updates the tally: the log still says only that it changed.
    await voice.answer(survey.id, "", answer(5, 5, "More time with families"), staff.alpha![1]!);
    const update = (await store.auditLog({ kind: "surveyTally", limit: 1000 })).at(-1)!;
    expect(update).toMatchObject({ operation: "update", actorId: "system:workforce-voice", changes: { scaleCounts: { from: withheldValue, to: withheldValue } } });
    expect(JSON.stringify(update)).not.toMatch(/More time|Caseloads/);
    // An answer without a comment reads the same in the log as one with a comment.
    await voice.answer(survey.id, "", answer(3, 3), staff.alpha![2]!);
    const silent = (await store.auditLog({ kind: "surveyTally", limit: 1000 })).at(-1)!;
    expect(Object.keys(silent.changes).sort()).toEqual(Object.keys(update.changes).sort());
    expect(silent.changes.comments).toEqual({ from: withheldValue, to: withheldValue });
  });

  it("keeps comments in no particular order and with random ids, so their place says nothing about who wrote them", async () => {
    const { qaLead, staff } = await organisation(store);
    const positions: number[] = [0, 0, 1, 0];
    let next = 0;
    const voice = new WorkforceVoice(store, now, { newId: () => crypto.randomUUID(), position: (below) => Math.min(positions[next++] ?? 0, below - 1) });
    const survey = await sentSurvey(voice, qaLead);
    for (const [index, text] of ["first", "second", "third"].entries()) await voice.answer(survey.id, "", answer(3, 3, text), staff.alpha![index]!);
    const [tally] = (await store.query("surveyTally", { where: { surveyId: survey.id } })).records;
    expect(tally!.comments.map((comment) => comment.text)).toEqual(["second", "third", "first"]);
  });
});

describe("answering once", () => {
  it("refuses a second answer from the same person and leaves the tally as it was", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead);
    const liam = staff.bravo![0]!;
    await voice.answer(survey.id, "", answer(4, 4), liam);
    expect(await refused(voice.answer(survey.id, "", answer(1, 1), liam), "conflict")).toContain("already answered");
    const [tally] = (await store.query("surveyTally", { where: { surveyId: survey.id } })).records;
    expect(tally).toMatchObject({ respondents: 1, scaleCounts: { workload: [0, 0, 0, 1, 0] } });
    expect((await store.query("surveyParticipation", { where: { surveyId: survey.id } })).records).toHaveLength(1);
  });

  it("takes one of two answers sent at the same moment, and the store itself refuses a second participation", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead);
    const person = staff.charlie![1]!;
    const outcomes = await Promise.allSettled([voice.answer(survey.id, "", answer(1, 1), person), voice.answer(survey.id, "", answer(5, 5), person)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const [tally] = (await store.query("surveyTally", { where: { surveyId: survey.id } })).records;
    expect(tally!.respondents).toBe(1);
    await refused(store.create("surveyParticipation", { surveyId: survey.id, personId: person.id }, setup), "conflict");
  });

  it("refuses people the survey was not sent to, closed surveys, and answers missing a scale question or off the scale", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead, { audience: { scope: "teams", teamIds: ["team-alpha"] } });
    await refused(voice.answer(survey.id, "", answer(3, 3), staff.bravo![0]!), "forbidden");
    expect(await refused(voice.answer(survey.id, "", { "q:workload": "3" }, staff.alpha![0]!), "invalid_record")).toContain("Supervision helps me");
    await refused(voice.answer(survey.id, "", answer(6, 3), staff.alpha![0]!), "invalid_record");
    clock = new Date("2026-12-05T09:00:00Z");
    expect(await refused(voice.answer(survey.id, "", answer(3, 3), staff.alpha![0]!), "illegal_transition")).toContain("closed");
    expect((await store.query("surveyParticipation", { where: { surveyId: survey.id } })).records).toEqual([]);
    expect((await store.query("surveyTally", { where: { surveyId: survey.id } })).records).toEqual([]);
  });

  it("takes the answer from the card, and a forged or repeated card action changes nothing", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead);
    const services = { store, voice, bulletins: new BulletinService(store, now), workflow: new AuditWorkflow(store, now), actions: new ActionTracker(store, now), tabUrl: () => "http://127.0.0.1/tab/", today: () => "2026-11-26", beginReflection: async () => undefined } satisfies CardActionServices;
    const person = staff.charlie![0]!;
    expect((await runCardAction(services, person, undefined, "survey.answer", { occasion: "x" })).message).toContain("Nothing was changed");
    const first = await runCardAction(services, person, "29:c0", "survey.answer", { surveyId: survey.id, ...answer(4, 5, "Good team") });
    const firstCard = JSON.stringify(first.card);
    expect(firstCard).toContain("Your answers are in");
    expect(firstCard).toContain("You have answered");
    expect(firstCard).not.toContain("Input.ChoiceSet");
    expect(firstCard).not.toContain("Good team");
    const again = await runCardAction(services, person, "29:c0", "survey.answer", { surveyId: survey.id, ...answer(1, 1) });
    expect(JSON.stringify(again.card)).toContain("already answered");
    const [tally] = (await store.query("surveyTally", { where: { surveyId: survey.id } })).records;
    expect(tally).toMatchObject({ respondents: 1, scaleCounts: { workload: [0, 0, 0, 1, 0] } });
  });
});

describe("staff not in a team", () => {
  it("are added up by service, each service apart", async () => {
    const { qaLead } = await organisation(store);
    await store.create("service", { authorityId: "authority", name: "Fostering" }, setup, { id: "service-2" });
    const managers: Person[] = [];
    for (const serviceId of ["service-1", "service-2"]) {
      managers.push((await store.create("person", { displayName: `Manager of ${serviceId}`, email: `${serviceId}@testshire.example`, roles: ["service_manager"], serviceId }, setup)) as Person);
    }
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead);
    for (const manager of managers) await voice.answer(survey.id, "", answer(3, 3), manager);
    await voice.answer(survey.id, "", answer(3, 3), qaLead);
    const tallies = (await store.query("surveyTally", { where: { surveyId: survey.id } })).records;
    expect(tallies.map((tally) => [tally.groupKey, tally.respondents]).sort()).toEqual([["none", 1], ["service:service-1", 1], ["service:service-2", 1]]);
  });
});

describe("sending", () => {
  it("queues one card per person asked through the outbox, and only the QA lead or PSW can send", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const draft = await voice.compose({ title: "Health check", kind: "health_check", questions, round: "2026", opensOn: "2026-11-23", closesOn: "2026-12-04", audience: { scope: "teams", teamIds: ["team-alpha", "team-bravo"] } }, qaLead);
    await refused(voice.send(draft.id, draft.etag, staff.alpha![0]!), "forbidden");
    const { queued } = await voice.send(draft.id, draft.etag, qaLead);
    expect(queued).toBe(9);
    const messages = (await store.query("outboxMessage", { limit: 100 })).records;
    expect(messages.map((message) => message.notification)).toContainEqual({ kind: "survey_sent", surveyId: draft.id });
    expect(new Set(messages.map((message) => message.recipientId)).size).toBe(9);
    const sent = (await store.get("survey", draft.id))!;
    await refused(voice.send(draft.id, sent.etag, qaLead), "illegal_transition");
    await refused(voice.revise(draft.id, { title: "Changed" }, sent.etag, qaLead), "illegal_transition");
  });
});

describe("the minimum group size", () => {
  it("is 5 by default and can be set per authority, but never below 3", async () => {
    const { qaLead } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    expect(() => parseRecord("surveySettings", { authorityId: "a", minimumGroupSize: 2 })).toThrow(/never shown for groups smaller than 3/);
    expect(() => parseRecord("surveySettings", { authorityId: "a", minimumGroupSize: 3.5 })).toThrow(/whole number/);
    expect(parseRecord("surveySettings", { authorityId: "a" }).minimumGroupSize).toBe(5);
    expect(await refused(voice.saveSettings({ minimumGroupSize: 2 }, '"0"', qaLead), "invalid_record")).toContain("never shown for groups smaller than 3");
    const saved = await voice.saveSettings({ minimumGroupSize: 3 }, '"0"', qaLead);
    expect(saved.minimumGroupSize).toBe(3);
    await refused(voice.saveSettings({ minimumGroupSize: 4 }, '"999"', qaLead), "conflict");
  });
});

describe("results", () => {
  it("shows no breakdown for a team where fewer than 5 answered, nor for a team whose figures would give it away", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead);
    for (const person of staff.alpha!) await voice.answer(survey.id, "", answer(4, 5, "Supportive manager"), person);
    for (const person of staff.bravo!) await voice.answer(survey.id, "", answer(1, 1, "Too many cases"), person);
    for (const person of staff.charlie!.slice(0, 5)) await voice.answer(survey.id, "", answer(2, 3), person);

    expect(await voice.results(survey), "nothing while the survey is open").toBeUndefined();
    const results = await closedResults(voice, survey);
    const group = (id: string) => results.groups.find((candidate) => candidate.id === id)!;
    expect(results.respondents).toBe(14);
    expect(group("service-1")).toMatchObject({ shown: true, respondents: 14 });
    expect(group("team-bravo")).toMatchObject({ shown: false, respondents: null, hiddenBecause: "too_few", questions: [] });
    // Service minus Alpha minus Charlie would give Bravo: so the smaller of the two is hidden as well.
    expect(group("team-charlie")).toMatchObject({ shown: false, respondents: null, hiddenBecause: "protects_smaller_group", questions: [] });
    expect(group("team-alpha")).toMatchObject({ shown: true, respondents: 7 });
    expect(group("team-alpha").questions[0]).toMatchObject({ key: "workload", counts: [0, 0, 0, 7, 0], average: 4, favourablePercent: 100 });
    expect(JSON.stringify(results.groups.filter((candidate) => !candidate.shown))).not.toMatch(/"counts"/);
    // Comments: team named only where its results are shown.
    expect(results.comments.filter((comment) => comment.text === "Too many cases").map((comment) => comment.teamName)).toEqual([null, null]);
    expect(results.comments.find((comment) => comment.text === "Supportive manager")!.teamName).toBe("Alpha team");
  });

  it("shows nothing at all, comments included, when fewer than the minimum answered the whole survey", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead);
    for (const person of staff.alpha!.slice(0, 4)) await voice.answer(survey.id, "", answer(4, 5, "A comment"), person);
    const results = await closedResults(voice, survey);
    expect(results.respondents).toBeNull();
    expect(results.groups.every((group) => !group.shown)).toBe(true);
    expect(results.comments).toEqual([]);
  });
});

describe("complementary suppression", () => {
  const node = (id: string, level: GroupLevel, respondents: number, parentId?: string) => ({ id, level, respondents, parentId }) as { id: string; level: GroupLevel; respondents: number; parentId?: string; hiddenBecause?: "too_few" | "protects_smaller_group" };
  const hidden = (groups: ReturnType<typeof node>[]) => Object.fromEntries(groups.map((group) => [group.id, group.hiddenBecause ?? "shown"]));

  it("hides the next smallest group when one hidden group could be worked out from its parent", () => {
    const groups = suppressGroups([node("all", "everyone", 30), node("s", "service", 30, "all"), node("a", "team", 12, "s"), node("b", "team", 2, "s"), node("c", "team", 9, "s"), node("d", "team", 7, "s")], 5);
    expect(hidden(groups)).toEqual({ all: "shown", s: "shown", a: "shown", b: "too_few", c: "shown", d: "protects_smaller_group" });
  });

  it("leaves the rest alone when the hidden groups together reach the minimum", () => {
    const groups = suppressGroups([node("s", "service", 20), node("a", "team", 14, "s"), node("b", "team", 3, "s"), node("c", "team", 3, "s")], 5);
    expect(hidden(groups)).toEqual({ s: "shown", a: "shown", b: "too_few", c: "too_few" });
  });

  it("does not count a group where nobody answered, and hides every team inside a hidden service", () => {
    const groups = suppressGroups(
      [node("all", "everyone", 16), node("s1", "service", 10, "all"), node("s2", "service", 6, "all"), node("t1", "team", 10, "s1"), node("t0", "team", 0, "s1"), node("t2", "team", 6, "s2")],
      7,
    );
    // s2 (6) is too few; s1 is hidden to protect it; so every team is hidden too.
    expect(hidden(groups)).toEqual({ all: "shown", s1: "protects_smaller_group", s2: "too_few", t1: "protects_smaller_group", t0: "too_few", t2: "too_few" });
    const alone = suppressGroups([node("s", "service", 10), node("t1", "team", 10, "s"), node("t0", "team", 0, "s")], 5);
    expect(hidden(alone)).toEqual({ s: "shown", t1: "shown", t0: "too_few" });
  });

  it("never leaves a hidden figure that subtraction recovers (checked over many random organisations)", () => {
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    for (let trial = 0; trial < 300; trial += 1) {
      const minimum = 3 + random(5);
      const teams = Array.from({ length: 1 + random(5) }, (_, index) => node(`t${index}`, "team", random(12), "s"));
      const service = node("s", "service", teams.reduce((sum, team) => sum + team.respondents, 0));
      const groups = suppressGroups([service, ...teams], minimum);
      if (service.hiddenBecause) {
        expect(teams.every((team) => team.hiddenBecause)).toBe(true);
        continue;
      }
      const hiddenTotal = groups.filter((group) => group.parentId === "s" && group.hiddenBecause).reduce((sum, group) => sum + group.respondents, 0);
      expect(hiddenTotal === 0 || hiddenTotal >= minimum, JSON.stringify(groups)).toBe(true);
      for (const team of teams) if (!team.hiddenBecause) expect(team.respondents).toBeGreaterThanOrEqual(minimum);
    }
  });
});

describe("trends and themes", () => {
  it("follows each question across the rounds of a series, for groups shown in each round", async () => {
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const spring = await sentSurvey(voice, qaLead, { round: "Spring 2026", opensOn: "2026-03-02", closesOn: "2026-12-04" });
    for (const person of [...staff.alpha!, ...staff.bravo!, ...staff.charlie!]) await voice.answer(spring.id, "", answer(2, 3), person);
    const autumn = await sentSurvey(voice, qaLead, { round: "Autumn 2026", seriesId: spring.id });
    for (const person of staff.alpha!) await voice.answer(autumn.id, "", answer(4, 4), person);
    for (const person of staff.charlie!) await voice.answer(autumn.id, "", answer(5, 5), person);

    expect(await voice.trends(autumn)).toEqual([
      expect.objectContaining({ key: "workload", groups: [] }),
      expect.objectContaining({ key: "supervision", groups: [] }),
    ]); // neither round has closed yet
    clock = new Date("2026-12-05T09:00:00Z");
    const trends = await voice.trends(autumn);
    const workload = trends.find((trend) => trend.key === "workload")!;
    const alpha = workload.groups.find((group) => group.id === "team-alpha")!;
    expect(alpha.points.map((point) => [point.round, point.average])).toEqual([["Spring 2026", 2], ["Autumn 2026", 4]]);
    const charlie = workload.groups.find((group) => group.id === "team-charlie")!;
    // In spring Bravo (2 answered) was hidden, so Charlie was hidden too, or Bravo could be worked out.
    expect(charlie.points.map((point) => point.average)).toEqual([null, 5]);
    expect(workload.groups.find((group) => group.id === "team-bravo")).toBeUndefined();
    expect(trends.map((trend) => trend.key)).toEqual(["workload", "supervision"]);
  });

  it("groups comments by the QA lead's keyword themes (whole words, any case) and keeps hand tags", async () => {
    expect(keywordThemesOf("Caseloads are too HIGH this month", [{ name: "Workload", keywords: ["caseloads", "too high"] }, { name: "Supervision", keywords: ["supervis"] }])).toEqual(["Workload"]);
    expect(keywordThemesOf("My supervisor listens", [{ name: "Supervision", keywords: ["supervision"] }])).toEqual([]);
    const { qaLead, staff } = await organisation(store);
    const voice = new WorkforceVoice(store, now);
    const survey = await sentSurvey(voice, qaLead);
    for (const person of staff.alpha!) await voice.answer(survey.id, "", answer(3, 3, "Need more admin support"), person);
    const [comment] = (await closedResults(voice, survey)).comments;
    await refused(voice.tagComment(survey.id, comment!.id, ["Admin"], staff.alpha![0]!), "forbidden");
    await voice.tagComment(survey.id, comment!.id, ["Admin", " Admin "], qaLead);
    const tagged = (await closedResults(voice, survey)).comments.find((candidate) => candidate.id === comment!.id)!;
    expect(tagged.tags).toEqual(["Admin"]);
  });
});

describe("reflective feedback after audits", () => {
  it("asks the practitioner and the auditor when an audit is submitted, and their answers join the same anonymous view", async () => {
    await seedDemoAuthority(store, clock);
    const priya = (await store.get("person", "person-qa-lead")) as Person;
    const tom = (await store.get("person", "person-psw")) as Person;
    const chloe = (await store.get("person", "person-sw-chloe")) as Person;
    const voice = new WorkforceVoice(store, now);
    const existing = (await store.query("survey", { where: { kind: "reflective", status: "sent" } })).records;
    for (const survey of existing) await store.update("survey", survey.id, { closesOn: "2026-11-25", opensOn: "2026-11-01" }, survey.etag, setup);
    const reflective = await voice.compose(
      {
        title: "Reflecting on an audit",
        kind: "reflective",
        questions: [
          { key: "went_well", type: "free_text", text: "What went well?" },
          { key: "did_not", type: "free_text", text: "What didn't?" },
          { key: "would_help", type: "free_text", text: "What would help?" },
        ],
        round: "Winter 2026",
        opensOn: "2026-11-26",
        closesOn: "2027-02-26",
      },
      priya,
    );
    expect((await voice.send(reflective.id, reflective.etag, priya)).queued).toBe(0);

    const workflow = new AuditWorkflow(store, now);
    await workflow.assess("audit-in-progress", { sectionGrades: ["voice", "assessment", "planning", "oversight", "impact"].map((sectionKey) => ({ sectionKey, grade: "good" })), overallGrade: "good" }, tom);
    await workflow.submit("audit-in-progress", tom);
    const prompts = (await store.query("outboxMessage", { limit: 500 })).records.filter((message) => message.notification.kind === "reflective_feedback_requested");
    expect(prompts.map((message) => message.recipientId).sort()).toEqual(["person-psw", "person-sw-chloe"]);
    expect(prompts[0]!.notification).toEqual({ kind: "reflective_feedback_requested", surveyId: reflective.id, auditId: "audit-in-progress" });

    await voice.answer(reflective.id, "audit-in-progress", { "q:went_well": "Chloe's direct work", "q:would_help": "Time to read the file" }, chloe);
    await refused(voice.answer(reflective.id, "audit-in-progress", { "q:went_well": "again" }, chloe), "conflict");
    await refused(voice.answer(reflective.id, "audit-assigned", { "q:went_well": "not mine" }, chloe), "forbidden");
    // An audit submitted before the survey opened earns no extra answer.
    const older = (await store.get("audit", "audit-completed"))!;
    await store.update("audit", older.id, { submittedAt: "2026-10-01T10:00:00.000Z" }, older.etag, setup);
    await refused(voice.answer(reflective.id, "audit-completed", { "q:went_well": "an old audit" }, chloe), "forbidden");
    const log = JSON.stringify(await store.auditLog({ kind: "surveyTally", limit: 100 }));
    expect(log).not.toContain("direct work");
  });
});

describe("reading answers from a card", () => {
  it("needs every scale question, takes free text as optional, and ignores other card fields", () => {
    expect(readAnswers({ questions }, { ...answer(1, 5), verb: "survey.answer", surveyId: "s" })).toEqual({ scale: { workload: 1, supervision: 5 }, comments: [] });
    expect(() => readAnswers({ questions }, { "q:workload": "1" })).toThrow(/Please answer: Supervision/);
    expect(() => readAnswers({ questions }, { ...answer(1, 2), "q:help": "x".repeat(2001) })).toThrow(/under 2,000/);
    expect(() => readAnswers({ questions: [questions[2]!] }, {})).toThrow(/at least one answer/);
  });
});

describe("results across groups", () => {
  it("lists teams asked but with no answers as hidden, never as a figure", () => {
    const results = surveyResults({
      survey: { questions },
      tallies: [],
      names: { services: [{ id: "s", name: "Service" }], teams: [{ id: "t", name: "Team", serviceId: "s" }] },
      minimumGroupSize: 5,
      audienceTeamIds: ["t"],
    });
    expect(results.groups.map((group) => [group.id, group.shown, group.respondents])).toEqual([["everyone", false, null], ["s", false, null], ["t", false, null]]);
  });
});
