// With a bot App ID configured, botbuilder authenticates every request to
// /api/messages against the Bot Framework's signing keys (here a local
// stand-in at the configured OpenID metadata address): a missing, forged,
// expired or wrong-audience token is refused and nothing is processed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotFrameworkKeys, type BotFrameworkKeys, channelIssuer } from "./support/bot-framework-keys.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const appId = "0b7c4a2e-1d3f-4e5a-8b6c-7d8e9f0a1b2c";
const serviceUrl = "https://smba.trafficmanager.net/uk/";
let keys: BotFrameworkKeys;
let app: TestApp;

beforeAll(async () => {
  keys = await startBotFrameworkKeys();
  app = await startTestApp({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: "not-used-by-these-tests",
    MicrosoftAppTenantId: "7d3c2f1e-5b4a-4c8d-9e0f-1a2b3c4d5e6f",
    ToBotFromChannelOpenIdMetadataUrl: keys.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: channelIssuer,
  });
});
afterAll(async () => {
  await app?.stop();
  await keys?.close();
});

// An event the bot does not answer, so no outgoing call (which would need Entra) is made.
const activity = {
  type: "event",
  name: "golden-thread/ping",
  id: "event-1",
  channelId: "msteams",
  serviceUrl,
  from: { id: "29:someone", aadObjectId: "6a1f0c3e-2b7d-4c59-9e10-000000000001" },
  recipient: { id: `28:${appId}` },
  conversation: { id: "a:personal-test", conversationType: "personal" },
};

async function post(authorization?: string) {
  return fetch(`${app.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(activity),
  });
}

describe("bot authentication with an App ID", () => {
  it("says at start-up that requests are authenticated", () => {
    expect(app.logs.join("\n")).not.toContain("requests are not authenticated");
  });

  it("accepts a request signed with the Bot Framework's key for this bot", async () => {
    const response = await post(`Bearer ${await keys.sign({ audience: appId, serviceUrl })}`);
    expect(response.status).toBeLessThan(300);
  });

  it.each([
    ["no token", async () => undefined],
    ["a token signed with another key", async () => `Bearer ${await keys.sign({ audience: appId, serviceUrl, key: "untrusted" })}`],
    ["a token for another bot", async () => `Bearer ${await keys.sign({ audience: "11111111-2222-3333-4444-555555555555", serviceUrl })}`],
    ["an expired token", async () => `Bearer ${await keys.sign({ audience: appId, serviceUrl, expiresInSeconds: -600 })}`],
    ["a token for another service URL", async () => `Bearer ${await keys.sign({ audience: appId, serviceUrl: "https://evil.example/" })}`],
    ["something that is not a token", async () => "Bearer not-a-jwt"],
  ])("refuses %s with 401 and keeps no record of the conversation", async (_case, authorization) => {
    const response = await post(await authorization());
    expect(response.status).toBe(401);
    expect((await app.store.query("teamsConversation", { where: { conversationId: "a:personal-test" } })).records).toEqual([]);
  });
});
