// The bot's six flows through the real botbuilder stack over HTTP: Teams-
// shaped activities posted to /api/messages, replies and proactive cards
// captured by a local Bot Connector stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeBotConnector, type FakeBotConnector, type SentActivity } from "./support/fake-bot-connector.js";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { cardAction, demoUser, installation, message, submit, type TeamsUser } from "./support/teams-activities.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let connector: FakeBotConnector;

const daniel = demoUser("person-tm-cp"); // team manager and auditor
const priya = demoUser("person-qa-lead"); // QA lead and moderator
const liam = demoUser("person-sw-liam"); // practitioner
const amira = demoUser("person-sw-amira"); // practitioner, not Daniel's auditor

beforeAll(async () => {
  connector = await startFakeBotConnector();
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

async function post(activity: object): Promise<Response> {
  return fetch(`${app.url}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(activity) });
}

interface InvokeBody {
  statusCode: number;
  type: string;
  value: { body?: unknown[]; actions?: unknown[] } | string;
}

async function invoke(user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<InvokeBody> {
  const response = await post(cardAction(user, connector.serviceUrl, verb, data));
  expect(response.status).toBe(200);
  const body = (await response.json()) as InvokeBody;
  if (typeof body.value === "object") expect(adaptiveCardProblems(body.value)).toEqual([]);
  return body;
}

/** Posts an activity and returns what the bot sent to that conversation (replies and proactive cards). */
async function exchange(activity: { conversation: { id: string } }, expected = 1): Promise<SentActivity[]> {
  const before = connector.sent.length;
  const response = await post(activity);
  expect(response.status).toBeLessThan(300);
  const mine = () => connector.sent.slice(before).filter((sent) => sent.conversationId === activity.conversation.id);
  for (let waited = 0; mine().length < expected; waited += 25) {
    if (waited > 5000) throw new Error(`Expected ${expected} activities in ${activity.conversation.id}, got ${mine().length}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  return mine();
}

const cardsIn = (sent: SentActivity[]) => sent.flatMap((item) => item.activity.attachments ?? []).map((attachment) => attachment.content);
const textOf = (value: unknown) => JSON.stringify(value);

function expectValidCards(sent: SentActivity[]) {
  for (const card of cardsIn(sent)) {
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  }
}

describe("flow 1: audit assignment", () => {
  it("delivers the waiting assignment card when the auditor installs the bot", async () => {
    const sent = await exchange(installation(daniel, connector.serviceUrl), 3);
    expectValidCards(sent);
    const cards = cardsIn(sent).map(textOf);
    expect(cards.some((card) => card.includes("Welcome to Golden Thread, Daniel Price"))).toBe(true);
    const assignment = cards.find((card) => card.includes("Audit of case NM-100231"));
    expect(assignment).toBeDefined();
    expect(assignment).toContain("Regular case audit");
    expect(assignment).toMatch(/working days? left/);
    expect(assignment).toContain('"verb":"audit.start"');
    expect(assignment).toContain('"type":"Action.Submit"'); // fallback for older clients
    expect(assignment).toContain(`"userIds":["${daniel.id}"]`); // refresh keeps the card current
  });

  it("refuses a start from someone who is not the auditor, and changes nothing", async () => {
    const before = await app.store.get("audit", "audit-assigned");
    const body = await invoke(amira, "audit.start", { auditId: "audit-assigned" });
    expect(textOf(body.value)).toContain("This audit is assigned to someone else.");
    expect(await app.store.get("audit", "audit-assigned")).toEqual(before);
  });

  it("starts the audit and updates the card in place", async () => {
    const body = await invoke(daniel, "audit.start", { auditId: "audit-assigned" });
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(textOf(body.value)).toContain("In progress");
    expect(textOf(body.value)).toContain("Grade the audit");
    expect((await app.store.get("audit", "audit-assigned"))?.status).toBe("in_progress");
  });

  it("answers a replayed start with the current card and a short explanation", async () => {
    const before = await app.store.get("audit", "audit-assigned");
    const body = await invoke(daniel, "audit.start", { auditId: "audit-assigned" });
    expect(textOf(body.value)).toContain("You cannot start it: the audit is in progress.");
    expect(await app.store.get("audit", "audit-assigned")).toEqual(before);
  });

  it("answers an action with missing details without changing anything", async () => {
    const body = await invoke(daniel, "audit.start", {});
    expect(body.type).toBe("application/vnd.microsoft.activity.message");
    expect(body.value).toMatch(/missing or has invalid details \(auditId\)/);
    const unknown = await invoke(daniel, "audit.delete", { auditId: "audit-assigned" });
    expect(unknown.value).toMatch(/did not recognise that button/);
  });
});

describe("flow 3 and 4: completing the audit and moderation", () => {
  it("names the sections still to grade, and keeps the draft", async () => {
    const body = await invoke(daniel, "audit.submit", {
      auditId: "audit-assigned",
      "grade:voice": "good",
      overallGrade: "inadequate",
      workingWell: "Visits are regular",
      needsToBeBetter: "",
    });
    expect(textOf(body.value)).toContain("Not graded yet: Assessment, Planning and review, Management oversight and supervision, Impact for the child");
    const audit = await app.store.get("audit", "audit-assigned");
    expect(audit?.status).toBe("in_progress");
    expect(audit?.sectionGrades).toEqual([{ sectionKey: "voice", grade: "good" }]);
    expect(audit?.findings.workingWell).toEqual(["Visits are regular"]);
  });

  it("submits a complete audit; an inadequate grade is always moderated and the moderator gets a card", async () => {
    const body = await invoke(daniel, "audit.submit", {
      auditId: "audit-assigned",
      "grade:voice": "good",
      "grade:assessment": "requires_improvement",
      "grade:planning": "inadequate",
      "grade:oversight": "requires_improvement",
      "grade:impact": "requires_improvement",
      overallGrade: "inadequate",
      workingWell: "Visits are regular",
      needsToBeBetter: "The plan has no dates\nNo contingency plan",
    });
    expect(textOf(body.value)).toContain("sent for moderation");
    expect((await app.store.get("audit", "audit-assigned"))?.status).toBe("in_moderation");
    const [moderation] = (await app.store.query("moderation", { where: { auditId: "audit-assigned" } })).records;
    expect(moderation?.moderatorId).not.toBe("person-tm-cp");
    expect(moderation?.sampledBecause).toContain("always moderated");
    // The moderator has not opened the bot yet: the card waits until they install it.
    const moderator = demoUser(moderation!.moderatorId);
    const installed = await exchange(installation(moderator, connector.serviceUrl), 2);
    const request = cardsIn(installed).map(textOf).find((card) => card.includes("Moderate the audit of case NM-100231"));
    expect(request).toBeDefined();
    expect(request).toContain("Inadequate");
  });

  it("requires a rationale to re-grade, then records the moderated grade beside the auditor's and tells the auditor", async () => {
    const [moderation] = (await app.store.query("moderation", { where: { auditId: "audit-assigned" } })).records;
    const moderator = demoUser(moderation!.moderatorId);
    const refused = await invoke(moderator, "moderation.regrade", { moderationId: moderation!.id, "grade:overall": "requires_improvement", rationale: " " });
    expect(textOf(refused.value)).toContain("Say why you re-graded the audit.");
    expect((await app.store.get("moderation", moderation!.id))?.status).toBe("requested");

    const auditorConversation = `a:personal-${daniel.personId}`;
    const before = connector.sent.length;
    const body = await invoke(moderator, "moderation.regrade", {
      moderationId: moderation!.id,
      "grade:overall": "requires_improvement",
      rationale: "Risk is managed; the plan lacks dates but the child is safe.",
    });
    expect(textOf(body.value)).toContain("re-graded up");
    const saved = await app.store.get("moderation", moderation!.id);
    expect(saved?.grades.find((grade) => grade.sectionKey === "overall")).toEqual({
      sectionKey: "overall",
      auditorGrade: "inadequate",
      moderatorGrade: "requires_improvement",
      outcome: "regraded_up",
      rationale: "Risk is managed; the plan lacks dates but the child is safe.",
    });
    expect(saved?.status).toBe("awaiting_auditor");
    expect((await app.store.get("audit", "audit-assigned"))?.overallGrade).toBe("inadequate"); // the auditor's grade is kept
    expect((await app.store.get("audit", "audit-assigned"))?.status).toBe("in_moderation");
    let outcome: string | undefined;
    for (let waited = 0; !outcome && waited < 5000; waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const toAuditor = connector.sent.slice(before).filter((sent) => sent.conversationId === auditorConversation);
      outcome = cardsIn(toAuditor).map(textOf).find((card) => card.includes("Moderation of case NM-100231"));
    }
    expect(outcome).toContain("re-graded up");
    expect(outcome).toContain('"verb":"moderation.accept"');
  });

  it("lets only the auditor accept the moderated grades, which then become final beside the auditor's own", async () => {
    const [moderation] = (await app.store.query("moderation", { where: { auditId: "audit-assigned" } })).records;
    const forged = await invoke(amira, "moderation.accept", { moderationId: moderation!.id });
    expect(textOf(forged.value)).toContain("Only the auditor can accept or dispute the moderated grades.");
    expect((await app.store.get("moderation", moderation!.id))?.status).toBe("awaiting_auditor");

    const body = await invoke(daniel, "moderation.accept", { moderationId: moderation!.id });
    expect(textOf(body.value)).toContain("You accepted the moderated grades.");
    const audit = await app.store.get("audit", "audit-assigned");
    expect(audit).toMatchObject({ status: "completed", overallGrade: "inadequate", finalOverallGrade: "requires_improvement" });
    const replay = await invoke(daniel, "moderation.dispute", { moderationId: moderation!.id, reason: "Changed my mind" });
    expect(textOf(replay.value)).toContain("You cannot answer the moderator now: it has been resolved.");
    expect((await app.store.get("moderation", moderation!.id))?.status).toBe("completed");
  });

  it("lets the moderator agree with the seeded moderation request", async () => {
    const installed = await exchange(installation(priya, connector.serviceUrl), 2);
    expect(cardsIn(installed).map(textOf).some((card) => card.includes("Moderate the audit of case NM-100478"))).toBe(true);
    const body = await invoke(priya, "moderation.agree", { moderationId: "moderation-demo" });
    expect(textOf(body.value)).toContain("grades agreed");
    expect((await app.store.get("audit", "audit-in-moderation"))?.status).toBe("completed");
  });
});

describe("flow 2: practitioner reflection in chat", () => {
  it("asks the prompts one at a time, saves answers, skips, goes back and finishes later", async () => {
    const installed = await exchange(installation(liam, connector.serviceUrl), 2);
    expect(cardsIn(installed).map(textOf).some((card) => card.includes("Your reflection on case NM-100562"))).toBe(true);

    const before = connector.sent.length;
    const body = await invoke(liam, "reflection.begin", { auditId: "audit-reflection-requested" });
    expect(textOf(body.value)).toContain("Answer the questions in this chat");
    // The seed answered the first prompt, so the bot starts at the second.
    const firstPrompt = connector.sent.slice(before).find((sent) => sent.conversationId === `a:personal-${liam.personId}` && sent.activity.text);
    expect(firstPrompt?.activity.text).toContain("Question 2 of 4.** What would you do differently?");

    let reply = await exchange(message(liam, connector.serviceUrl, "Involve dad earlier."));
    expect(reply[0]?.activity.text).toContain("Question 3 of 4");
    reply = await exchange(message(liam, connector.serviceUrl, "back"));
    expect(reply[0]?.activity.text).toContain("Question 2 of 4");
    expect(reply[0]?.activity.text).toContain("You answered this before");
    reply = await exchange(message(liam, connector.serviceUrl, "Involve dad from the first visit."));
    expect(reply[0]?.activity.text).toContain("Question 3 of 4");
    reply = await exchange(message(liam, connector.serviceUrl, "skip"));
    expect(reply[0]?.activity.text).toContain("Question 4 of 4");
    reply = await exchange(message(liam, connector.serviceUrl, "later"));
    expect(reply[0]?.activity.text).toContain("Type **reflect**");

    const audit = await app.store.get("audit", "audit-reflection-requested");
    expect(audit?.reflection?.answers.find((answer) => answer.promptKey === "do-differently")?.answer).toBe("Involve dad from the first visit.");
    expect(audit?.reflection?.skippedPromptKeys).toEqual(["difference-made"]);
  });

  it("resumes where the practitioner left off after a server restart", async () => {
    let reply = await exchange(message(liam, connector.serviceUrl, "reflect"));
    expect(reply[0]?.activity.text).toContain("Question 4 of 4"); // where Liam stopped; the skipped question stays skipped

    // Restart the server on the same data folder mid-conversation.
    app = await app.restart();

    reply = await exchange(message(liam, connector.serviceUrl, "Time to do direct work."));
    expect(reply[0]?.activity.text).toContain("Thank you");
    const audit = await app.store.get("audit", "audit-reflection-requested");
    expect(audit?.reflection?.finishedAt).toBeDefined();
    expect(audit?.reflection?.answers.map((answer) => answer.promptKey).sort()).toEqual(["do-differently", "gone-well", "what-would-help"]);
    expect(audit?.reflection?.skippedPromptKeys).toEqual(["difference-made"]);
  });
});

describe("flow 5: actions", () => {
  it("needs evidence to mark an action done, and a later date and a reason for more time", async () => {
    const missing = await invoke(daniel, "action.done", { actionId: "action-supervision-decisions", evidence: "" });
    expect(textOf(missing.value)).toContain("Say what shows the action is done.");
    const action = await app.store.get("action", "action-supervision-decisions");
    const earlier = await invoke(daniel, "action.extend", { actionId: action!.id, dueDate: "2020-01-01", reason: "Leave" });
    expect(textOf(earlier.value)).toContain("Choose a new due date after the current one.");
    const later = new Date(`${action!.dueDate}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 7);
    const moved = await invoke(daniel, "action.extend", { actionId: action!.id, dueDate: later.toISOString().slice(0, 10), reason: "Waiting for the new supervision template" });
    expect(textOf(moved.value)).toContain("The due date has moved.");
    const done = await invoke(daniel, "action.done", { actionId: action!.id, evidence: "Supervision template now has a decisions box" });
    expect(textOf(done.value)).toContain("Marked done");
    expect((await app.store.get("action", action!.id))?.status).toBe("done");
    const again = await invoke(daniel, "action.done", { actionId: action!.id, evidence: "again" });
    expect(textOf(again.value)).toContain("already done");
  });

  it("refuses to let someone else close an action", async () => {
    const body = await invoke(daniel, "action.done", { actionId: "action-visit-changes", evidence: "Done" });
    expect(textOf(body.value)).toContain("This action belongs to someone else.");
    expect((await app.store.get("action", "action-visit-changes"))?.status).toBe("in_progress");
  });

  it("handles the Action.Submit fallback the same way as Action.Execute", async () => {
    const chloe = demoUser("person-sw-chloe");
    await exchange(installation(chloe, connector.serviceUrl), 2);
    const reply = await exchange(submit(chloe, connector.serviceUrl, { verb: "action.done", actionId: "action-visit-changes", evidence: "Told at every visit" }));
    expect(textOf(cardsIn(reply)[0])).toContain("Marked done");
    expect((await app.store.get("action", "action-visit-changes"))?.status).toBe("done");
  });
});

describe("flow 6: commands", () => {
  it("answers help, my audits, my actions and status, and anything else helpfully", async () => {
    const help = await exchange(message(daniel, connector.serviceUrl, "help"));
    expect(help[0]?.activity.text).toContain("my audits");
    const audits = await exchange(message(daniel, connector.serviceUrl, "my audits"));
    expect(textOf(cardsIn(audits)[0])).toContain("Your audits");
    const actions = await exchange(message(daniel, connector.serviceUrl, "my actions"));
    expect(textOf(cardsIn(actions)[0])).toContain("You have no open actions.");
    const status = await exchange(message(daniel, connector.serviceUrl, "status nm-100231"));
    expect(textOf(cardsIn(status)[0])).toContain("Audits of case NM-100231");
    expect(textOf(cardsIn(status)[0])).toContain("Completed");
    const name = await exchange(message(daniel, connector.serviceUrl, "status Jamie Smith"));
    expect(name[0]?.activity.text).toContain("Never type a child's name here");
    const other = await exchange(message(amira, connector.serviceUrl, "status NM-100834"));
    expect(other.find((sent) => sent.activity.text)?.activity.text).toContain("I can't show you audits for NM-100834");
    const nonsense = await exchange(message(daniel, connector.serviceUrl, "what's for lunch"));
    expect(nonsense[0]?.activity.text).toContain("Type **help**");
  });
});
