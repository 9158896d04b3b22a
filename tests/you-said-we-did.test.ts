// "You said, we did": every "we did" names the actions that evidence it,
// nothing that identifies a child gets in, the staff card posts to a
// channel, and the family page is plain, escaped and printable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml, familyPageHtml } from "../api/http/you-said-we-did-page.js";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { apiCall, localToken, signedInCaller, type Caller } from "./support/api-client.js";
import { startFakeBotConnector, type FakeBotConnector } from "./support/fake-bot-connector.js";
import { channelInstallation, demoUser, type TeamsChannel } from "./support/teams-activities.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const psw = "person-psw";
const channel: TeamsChannel = { conversationId: "19:staff-news@thread.tacv2", teamId: "19:all-staff@thread.tacv2", teamName: "All staff", channelName: "News" };

let app: TestApp;
let connector: FakeBotConnector;
let call: Caller;
let channelId: string;
let doneActionId: string;
let openActionId: string;

beforeAll(async () => {
  connector = await startFakeBotConnector();
  app = await startTestApp();
  call = await signedInCaller(app.url, [psw, "person-qa-lead", "person-sw-amira"]);
  await fetch(`${app.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(channelInstallation(demoUser("person-qa-lead"), channel, connector.serviceUrl)),
  });
  channelId = ((await call(psw, "get", "/api/bulletin-channels")).body.channels as { id: string; name: string }[]).find((known) => known.name === "All staff › News")!.id;
  const dueDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const raise = async (title: string) => (await call("person-qa-lead", "post", "/api/actions", { title, ownerId: "person-qa-lead", dueDate })).body;
  const done = await raise("Case NM-100231: review the plan with the family");
  const finished = await call("person-qa-lead", "post", `/api/actions/${done.id as string}/done`, { evidence: "New leaflet printed" }, done.etag as string);
  expect(finished.status).toBe(200);
  doneActionId = done.id as string;
  openActionId = (await raise("Train duty workers on explaining plans")).id as string;
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

const update = () => ({
  theme: "Knowing what happens next",
  youSaid: "Young people told us they did not know what would happen after a meeting.\n\nSome said letters used words they did not understand.",
  response: "You were right: our letters were too long.",
  weDid: [
    { text: "We wrote a short leaflet <with pictures> that explains each meeting.", actionIds: [doneActionId] },
    { text: "We are training duty workers to explain plans in plain words.", actionIds: [openActionId] },
  ],
  channelIds: [channelId],
});

describe('"you said, we did"', () => {
  it("needs an action behind every \"we did\", and refuses anything that identifies a child", async () => {
    const countBefore = ((await call(psw, "get", "/api/you-said-we-did")).body.updates as unknown[]).length; // the demo has a draft
    const noEvidence = await call(psw, "post", "/api/you-said-we-did", { ...update(), weDid: [{ text: "We did a thing", actionIds: [] }] });
    expect(noEvidence.status).toBe(400);
    expect(JSON.stringify(noEvidence.body)).toContain("Link at least one action");
    const unknownAction = await call(psw, "post", "/api/you-said-we-did", { ...update(), weDid: [{ text: "We did a thing", actionIds: ["action-nowhere"] }] });
    expect(unknownAction.status).toBe(422);
    const caseReference = await call(psw, "post", "/api/you-said-we-did", { ...update(), youSaid: "The family in NM-100231 said letters were confusing." });
    expect(caseReference.status).toBe(422);
    expect(caseReference.body.detail).toContain("case reference");
    expect((caseReference.body.problems as { field: string }[])[0]!.field).toBe("youSaid");
    const practitioner = await call("person-sw-amira", "post", "/api/you-said-we-did", update());
    expect(practitioner.status).toBe(403);
    expect(((await call(psw, "get", "/api/you-said-we-did")).body.updates as unknown[]).length).toBe(countBefore);
  });

  it("links the compliments and complaints it comes from, and refuses one the register does not hold", async () => {
    const unknown = await call(psw, "post", "/api/you-said-we-did", { ...update(), feedbackIds: ["feedback-nowhere"] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe("feedbackIds.0");
    const linked = await call(psw, "post", "/api/you-said-we-did", { ...update(), channelIds: [], feedbackIds: ["feedback-compliment-listened", "feedback-complaint-overdue"] });
    expect(linked.status).toBe(201);
    const shown = await call(psw, "get", `/api/you-said-we-did/${linked.body.id as string}`);
    expect(JSON.stringify(shown.body.card)).toContain("From 2 compliments and complaints in the feedback register");
    const page = await apiCall(app.url, "get", `/api/you-said-we-did/${linked.body.id as string}/page`, { token: await localToken(app.url, psw) });
    expect(page.body as unknown as string).toContain("2 children and families told us this.");
  });

  it("posts the staff card to the channel, with the evidence for each change", async () => {
    const created = await call(psw, "post", "/api/you-said-we-did", update());
    expect(created.status).toBe(201);
    // Staff cannot see a draft.
    expect((await call("person-sw-amira", "get", `/api/you-said-we-did/${created.body.id as string}`)).status).toBe(404);
    const since = connector.sent.length;
    const published = await call(psw, "post", `/api/you-said-we-did/${created.body.id as string}/publish`, undefined, created.etag);
    expect(published.status).toBe(200);
    expect(published.body.queued).toBe(1);
    const [sent] = (await connector.waitForActivities(since + 1)).slice(since).filter((activity) => activity.conversationId === channel.conversationId);
    const card = sent!.activity.attachments![0]!.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain("You said, we did");
    expect(text).toContain("Knowing what happens next");
    expect(text).toContain("Evidence: Train duty workers on explaining plans (open)");
    expect(text).toContain("(done)");
    // Published: staff see it, and it can no longer change.
    const seen = await call("person-sw-amira", "get", `/api/you-said-we-did/${created.body.id as string}`);
    expect(seen.status).toBe(200);
    expect((await call(psw, "patch", `/api/you-said-we-did/${created.body.id as string}`, update(), seen.etag)).status).toBe(409);
  });

  it("serves a plain, escaped, printable page for families, without action titles or case references", async () => {
    const created = await call(psw, "post", "/api/you-said-we-did", { ...update(), channelIds: [] });
    const response = await apiCall(app.url, "get", `/api/you-said-we-did/${created.body.id as string}/page`, { token: await localToken(app.url, psw) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-disposition")).toContain("you-said-we-did-knowing-what-happens-next.html");
    const html = response.body as unknown as string;
    expect(html).toContain("<h1>You said, we did</h1>");
    expect(html).toContain("Knowing what happens next");
    expect(html).toContain("We wrote a short leaflet &lt;with pictures&gt; that explains each meeting.");
    expect(html).not.toContain("<with pictures>");
    expect(html).toContain("<p>Young people told us they did not know what would happen after a meeting.</p>");
    expect(html).toContain("Done by ");
    expect(html).toContain("We have started this.");
    expect(html).toContain("@media print");
    expect(html).toContain("Draft: not yet published");
    expect(html).not.toContain("NM-100231"); // the action's title carries a case reference: never shown
    expect(html).not.toContain("Train duty workers on explaining plans");
    expect(html).not.toMatch(/<script/i);
  });
});

describe("the family page", () => {
  it("escapes every value it shows", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const html = familyPageHtml({
      authorityName: "Northmoor <Council>",
      theme: '"><script>alert(1)</script>',
      youSaid: "a & b",
      response: "",
      weDid: [{ text: "<img src=x onerror=alert(1)>", done: true, actionCount: 2, lastDoneOn: "2026-11-03T10:00:00.000Z" }],
      feedbackCount: 3,
      publishedOn: "2026-11-20T09:00:00.000Z",
      draft: false,
    });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).toContain("Northmoor &lt;Council&gt; children's services, 20 November 2026");
    expect(html).toContain("Done by 3 November 2026. We checked this against 2 actions in our records.");
    expect(html).not.toContain("Draft");
    expect(html).toContain("3 children and families told us this.");
  });
});
