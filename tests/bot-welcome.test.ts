import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../api/seed/demo-authority.js";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { startFakeBotConnector, type FakeBotConnector } from "./support/fake-bot-connector.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let connector: FakeBotConnector;

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startFakeBotConnector()]);
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.close()]);
});

let sequence = 0;
function installFrom(from: { id: string; name: string; aadObjectId?: string }, type = "installationUpdate") {
  sequence += 1;
  return {
    type,
    action: "add",
    id: `incoming-${sequence}`,
    text: "hello",
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    conversation: { id: `personal-chat-${sequence}`, conversationType: "personal" },
    from,
    recipient: { id: "28:golden-thread-bot", name: "Golden Thread" },
    timestamp: new Date().toISOString(),
  };
}

async function postActivity(activity: unknown) {
  return fetch(`${app.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(activity),
  });
}

describe("the bot's welcome round trip", () => {
  it("greets a member of staff who installs the bot with a card naming them, their roles and their team", async () => {
    const amira = demoPeople.find((person) => person.id === "person-sw-amira")!.record;
    const before = connector.sent.length;
    const response = await postActivity(installFrom({ id: "29:amira", name: amira.displayName, aadObjectId: amira.aadObjectId }));
    expect(response.status).toBe(200);
    const replies = (await connector.waitForActivities(before + 1)).slice(before);
    const reply = replies.find((sent) => JSON.stringify(sent.activity).includes("Welcome to Golden Thread"));
    expect(reply?.conversationId).toBe(`personal-chat-${sequence}`);
    const attachment = reply?.activity.attachments?.[0];
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const cardText = JSON.stringify(attachment?.content);
    expect(cardText).toContain("Welcome to Golden Thread, Amira Hussain");
    expect(cardText).toContain("Practitioner");
    expect(cardText).toContain("Assessment team");
    expect(cardText).toContain(`${app.url}/tab/`);
    expect(adaptiveCardProblems(attachment?.content)).toEqual([]);
  });

  it("lists every role of a person who holds several", async () => {
    const priya = demoPeople.find((person) => person.id === "person-qa-lead")!.record;
    const before = connector.sent.length;
    await postActivity(installFrom({ id: "29:priya", name: priya.displayName, aadObjectId: priya.aadObjectId }));
    const replies = (await connector.waitForActivities(before + 1)).slice(before);
    expect(replies.map((reply) => JSON.stringify(reply.activity)).join()).toContain("QA lead, Moderator, Auditor");
  });

  it("tells someone it does not know to ask their QA lead, without an error", async () => {
    const before = connector.sent.length;
    const response = await postActivity(
      installFrom({ id: "29:stranger", name: "Visitor", aadObjectId: "00000000-0000-0000-0000-00000000abcd" }, "message"),
    );
    expect(response.status).toBe(200);
    const conversationId = `personal-chat-${sequence}`;
    let reply = connector.sent.slice(before).find((sent) => sent.conversationId === conversationId);
    for (let waited = 0; !reply && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      reply = connector.sent.slice(before).find((sent) => sent.conversationId === conversationId);
    }
    expect(reply?.activity.text).toMatch(/can't find you .* Ask your QA lead/);
  });

  it("refuses a body that is not an activity with a specific problem, and sends nothing", async () => {
    const before = connector.sent.length;
    const response = await postActivity({ type: "message", text: "hi" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { code: string; problems: string[] };
    expect(problem.code).toBe("invalid_activity");
    expect(problem.problems).toEqual(
      expect.arrayContaining(["serviceUrl: serviceUrl must be a URL", "conversation: conversation is required", "from: from is required"]),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connector.sent.length).toBe(before);
  });
});
