// A pulse survey through the real botbuilder stack over HTTP: sent through
// the outbox as a card when the practitioner installs the bot, answered on
// the card (Action.Execute), refused the second time, and the answered card
// shows nothing of what was said.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../api/services/people.js";
import { WorkforceVoice } from "../api/services/workforce-voice.js";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { startFakeBotConnector, type FakeBotConnector, type SentActivity } from "./support/fake-bot-connector.js";
import { cardAction, demoUser, installation } from "./support/teams-activities.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let connector: FakeBotConnector;
const amira = demoUser("person-sw-amira");

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

async function waitForSent(conversationId: string, before: number, expected: number): Promise<SentActivity[]> {
  const mine = () => connector.sent.slice(before).filter((sent) => sent.conversationId === conversationId);
  for (let waited = 0; mine().length < expected; waited += 25) {
    if (waited > 5000) throw new Error(`Expected ${expected} activities, got ${mine().length}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return mine();
}

describe("a pulse survey in Teams", () => {
  it("arrives as a card, is answered once on the card, and the card keeps no answers", async () => {
    const priya = (await app.store.get("person", "person-qa-lead")) as Person;
    const voice = new WorkforceVoice(app.store);
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const draft = await voice.compose(
      {
        title: "Quick check-in",
        kind: "pulse",
        questions: [
          { key: "ok", type: "scale", text: "I am coping with my caseload", labels: ["No", "Mostly", "Yes"] },
          { key: "help", type: "free_text", text: "What would help?" },
        ],
        audience: { scope: "teams", teamIds: ["team-assessment"] },
        round: "This week",
        opensOn: today,
        closesOn: later,
      },
      priya,
    );
    await voice.send(draft.id, draft.etag, priya);

    const install = installation(amira, connector.serviceUrl);
    const before = connector.sent.length;
    expect((await post(install)).status).toBeLessThan(300);
    const sent = await waitForSent(install.conversation.id, before, 2);
    const cards = sent.flatMap((item) => item.activity.attachments ?? []).map((attachment) => attachment.content);
    const survey = cards.map((card) => JSON.stringify(card)).find((card) => card.includes("Quick check-in"));
    expect(survey).toBeDefined();
    expect(survey).toContain('"verb":"survey.answer"');
    expect(survey).toContain("Your answers are anonymous");
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);

    const answer = async () => {
      const response = await post(cardAction(amira, connector.serviceUrl, "survey.answer", { surveyId: draft.id, occasion: "", "q:ok": "2", "q:help": "A quieter duty week" }));
      expect(response.status).toBe(200);
      return (await response.json()) as { value: unknown };
    };
    const answered = JSON.stringify((await answer()).value);
    expect(answered).toContain("You have answered. Thank you.");
    expect(answered).not.toContain("A quieter duty week");
    expect(answered).not.toContain("Input.ChoiceSet");
    expect(JSON.stringify((await answer()).value)).toContain("You have already answered");

    const tallies = (await app.store.query("surveyTally", { where: { surveyId: draft.id } })).records;
    expect(tallies).toHaveLength(1);
    expect(tallies[0]).toMatchObject({ teamId: "team-assessment", respondents: 1, scaleCounts: { ok: [0, 1, 0] } });
    expect(JSON.stringify(tallies[0])).not.toContain("person-sw-amira");
  });
});
