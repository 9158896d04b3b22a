// Learning bulletins end to end: the PSW drafts one in the API, previews the
// card, publishes it to a team channel and to staff 1:1 (now, or later, and
// the schedule survives a restart); the cards reach the Bot Connector
// stand-in, "I've read this" records one read however often it is pressed,
// and the report shows delivered / not installed / read counts, with the
// unread names for that team's manager only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { expectProblem, apiCall, signedInCaller, type Caller } from "./support/api-client.js";
import { startFakeBotConnector, type FakeBotConnector, type SentActivity } from "./support/fake-bot-connector.js";
import { cardAction, channelCardAction, channelInstallation, demoUser, installation, type TeamsChannel } from "./support/teams-activities.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const psw = "person-psw";
const people = [psw, "person-tm-assessment", "person-tm-cp", "person-sw-amira", "person-sw-liam", "person-qa-lead"];
const channel: TeamsChannel = { conversationId: "19:quality-channel@thread.tacv2", teamId: "19:team-quality@thread.tacv2", teamName: "Northmoor children's services", channelName: "Quality assurance" };

let app: TestApp;
let connector: FakeBotConnector;
let call: Caller;

async function post(activity: object): Promise<Response> {
  return fetch(`${app.url}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(activity) });
}

const cardsTo = (conversationId: string, since = 0): unknown[] =>
  connector.sent
    .slice(since)
    .filter((sent: SentActivity) => sent.conversationId === conversationId)
    .flatMap((sent) => sent.activity.attachments ?? [])
    .map((attachment) => attachment.content);

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const draft = {
  title: "Learning from October's audits: hearing the child",
  summary: "Our October audits found strong relationships with families, and plans that did not always say what the child wants.",
  keyMessages: ["Write the child's own words into the plan", "Say who will do what by when"],
  themes: ["Voice of the child", "Planning"],
  links: [{ title: "Practice standard: the child's voice", url: "https://example.gov.uk/standards/voice" }],
  drawsOn: [
    { kind: "audit", recordId: "audit-assigned", reference: "anything the client says" },
    { kind: "finding", recordId: "audit-completed", findingKey: "needsToBeBetter:0", reference: "anything" },
    { kind: "review", reference: "LCSPR 2026/03" },
  ],
  layout: "standard",
  audience: { channelIds: [] as string[], teamIds: ["team-assessment", "team-child-protection"], personIds: [], personalChats: true },
};

beforeAll(async () => {
  connector = await startFakeBotConnector();
  app = await startTestApp();
  call = await signedInCaller(app.url, people);
  // The bot is added to the team, and three staff have installed it.
  expect((await post(channelInstallation(demoUser("person-qa-lead"), channel, connector.serviceUrl))).status).toBeLessThan(300);
  for (const personId of ["person-sw-amira", "person-sw-liam", "person-tm-assessment"]) {
    expect((await post(installation(demoUser(personId), connector.serviceUrl))).status).toBeLessThan(300);
  }
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

async function channelRecordId(): Promise<string> {
  const channels = (await call(psw, "get", "/api/bulletin-channels")).body.channels as { id: string; name: string }[];
  const found = channels.find((known) => known.name === "Northmoor children's services › Quality assurance");
  expect(found, JSON.stringify(channels)).toBeDefined();
  return found!.id;
}

describe("composing", () => {
  it("previews exactly the card the bot will post: valid Adaptive Card 1.5, audits by case reference", async () => {
    const preview = await call(psw, "post", "/api/bulletins/preview", { ...draft, audience: { ...draft.audience, channelIds: [await channelRecordId()] } });
    expect(preview.status).toBe(200);
    const card = preview.body.card as Record<string, unknown>;
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain("Learning from October");
    expect(text).toContain("Audit of NM-100231"); // resolved by the server, not the client's text
    expect(text).not.toContain("anything the client says");
    expect(text).toContain("Review: LCSPR 2026/03");
    expect(text).toContain("Finding from the audit of NM-100902: Supervision records describe discussion but not the decisions made or why.");
    expect(text).toContain('"verb":"bulletin.read"');
  });

  it("offers a seven-minute briefing layout with numbered sections", async () => {
    const preview = await call(psw, "post", "/api/bulletins/preview", {
      ...draft,
      layout: "seven_minute_briefing",
      whyItMatters: "Children tell us they are not listened to.",
      reflectionQuestions: ["When did you last quote a child in a plan?"],
      whatToDo: ["Read the practice standard", "Discuss one plan in supervision"],
    });
    const text = JSON.stringify(preview.body.card);
    expect(text).toContain("Seven-minute briefing");
    for (const heading of ["1. Background", "2. Why it matters", "3. What we learnt", "4. Where this comes from", "5. Questions to reflect on", "6. What to do", "7. Find out more"]) {
      expect(text).toContain(heading);
    }
  });

  it("refuses bad input with a specific problem and saves nothing", async () => {
    const before = (await call(psw, "get", "/api/bulletins")).body.bulletins as unknown[];
    const badLink = await apiCall(app.url, "post", "/api/bulletins", { json: { ...draft, links: [{ title: "x", url: "javascript:alert(1)" }] }, token: await tokenOf(psw) });
    expect(JSON.stringify(expectProblem(badLink, 400).problems)).toContain("links.0.url");
    const unknownTeam = await call(psw, "post", "/api/bulletins", { ...draft, audience: { ...draft.audience, teamIds: ["team-nowhere"] } });
    expect(unknownTeam.status).toBe(422);
    const missingFinding = await call(psw, "post", "/api/bulletins", { ...draft, drawsOn: [{ kind: "finding", recordId: "audit-completed", findingKey: "workingWell:9", reference: "x" }] });
    expect(missingFinding.status).toBe(422);
    expect(missingFinding.body.field).toBe("drawsOn.0");
    const practitioner = await call("person-sw-amira", "post", "/api/bulletins", draft);
    expect(practitioner.status).toBe(403);
    expect((await call(psw, "get", "/api/bulletins")).body.bulletins).toHaveLength(before.length);
  });
});

async function tokenOf(personId: string): Promise<string> {
  const response = await apiCall<{ token: string }>(app.url, "post", "/api/local-sign-in", { json: { personId } });
  return response.body.token;
}

describe("publishing and reading", () => {
  it("posts to the channel and 1:1, counts deliveries, records reads once, and shows unread names to that team's manager only", async () => {
    const channelId = await channelRecordId();
    const created = await call(psw, "post", "/api/bulletins", { ...draft, audience: { ...draft.audience, channelIds: [channelId] } });
    expect(created.status).toBe(201);
    const bulletinId = created.body.id as string;
    // Not published yet: staff cannot see it or mark it read.
    expect((await call("person-sw-amira", "get", `/api/bulletins/${bulletinId}`)).status).toBe(404);

    const since = connector.sent.length;
    const published = await call(psw, "post", `/api/bulletins/${bulletinId}/publish`, {}, created.etag);
    expect(published.status).toBe(200);
    expect(published.body.state).toBe("published");
    // One channel post, and a 1:1 card for each member of the two teams.
    const channelCard = await waitFor(() => cardsTo(channel.conversationId, since)[0], "the channel post");
    expect(adaptiveCardProblems(channelCard)).toEqual([]);
    expect(JSON.stringify(channelCard)).toContain("Learning from October");
    expect(JSON.stringify(channelCard)).not.toContain('"refresh"'); // the same card for everyone in the channel
    const amiraCard = await waitFor(() => cardsTo("a:personal-person-sw-amira", since)[0], "Amira's 1:1 card");
    expect(JSON.stringify(amiraCard)).toContain('"refresh"');

    const report = await waitFor(async () => {
      const body = (await call(psw, "get", `/api/bulletins/${bulletinId}/report`)).body;
      return (body.personal as { waiting: number }).waiting === 0 && (body.channels as { waiting: number }).waiting === 0 ? body : undefined;
    }, "every card to be sent");
    expect(report.channels).toMatchObject({ delivered: 1, failed: 0, total: 1 });
    // Readers: assessment team (Grace, Amira) and child protection (Daniel, Liam); Daniel has not installed the bot.
    expect(report.personal).toMatchObject({ delivered: 3, notInstalled: 1, total: 4 });
    expect(report).toMatchObject({ readers: 4, read: 0 });
    expect(report.unreadByTeam).toEqual([]); // the PSW manages no team: counts only

    // Amira presses "I've read this" in her chat, twice; Liam presses it on the channel post.
    const amira = demoUser("person-sw-amira");
    for (const attempt of [1, 2]) {
      const response = await post(cardAction(amira, connector.serviceUrl, "bulletin.read", { bulletinId }));
      const body = (await response.json()) as { value: unknown };
      expect(adaptiveCardProblems(body.value)).toEqual([]);
      expect(JSON.stringify(body.value)).toContain(attempt === 1 ? "your read is recorded" : "had already marked this as read");
    }
    const liamResponse = await post(channelCardAction(demoUser("person-sw-liam"), channel, connector.serviceUrl, "bulletin.read", { bulletinId }));
    expect(JSON.stringify(await liamResponse.json())).toContain("Liam Carter");
    // Amira also marks it read in the tab: still one read.
    expect((await call("person-sw-amira", "post", `/api/bulletins/${bulletinId}/read`)).body.alreadyRead).toBe(true);

    const after = (await call(psw, "get", `/api/bulletins/${bulletinId}/report`)).body;
    expect(after).toMatchObject({ readers: 4, read: 2, readsInAll: 2 });

    // Grace manages the assessment team: she sees her own name among the unread, and no one from child protection.
    const grace = (await call("person-tm-assessment", "get", `/api/bulletins/${bulletinId}/report`)).body;
    expect(grace.unreadByTeam).toEqual([{ teamId: "team-assessment", teamName: expect.any(String), people: [{ id: "person-tm-assessment", name: "Grace Adeyemi" }] }]);
    const daniel = (await call("person-tm-cp", "get", `/api/bulletins/${bulletinId}/report`)).body;
    expect(daniel.unreadByTeam).toEqual([{ teamId: "team-child-protection", teamName: expect.any(String), people: [{ id: "person-tm-cp", name: "Daniel Price" }] }]);
    // A practitioner sees no report at all.
    expect((await call("person-sw-amira", "get", `/api/bulletins/${bulletinId}/report`)).status).toBe(403);

    // A published bulletin cannot be edited or published again.
    const current = await call(psw, "get", `/api/bulletins/${bulletinId}`);
    expect((await call(psw, "patch", `/api/bulletins/${bulletinId}`, draft, current.etag)).status).toBe(409);
    expect((await call(psw, "post", `/api/bulletins/${bulletinId}/publish`, {}, current.etag)).status).toBe(409);
  });

  it("refuses to publish a bulletin that nobody would get", async () => {
    const created = await call(psw, "post", "/api/bulletins", { ...draft, title: "For nobody", audience: { channelIds: [], teamIds: ["team-assessment"], personIds: [], personalChats: false } });
    const refused = await call(psw, "post", `/api/bulletins/${created.body.id as string}/publish`, {}, created.etag);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain("Nobody would get this bulletin");
    expect((await call(psw, "get", `/api/bulletins/${created.body.id as string}`)).body.state).toBe("draft");
  });

  it("refuses a forged read of a bulletin that has not gone out", async () => {
    const created = await call(psw, "post", "/api/bulletins", { ...draft, title: "Not yet" });
    const response = await post(cardAction(demoUser("person-sw-amira"), connector.serviceUrl, "bulletin.read", { bulletinId: created.body.id }));
    expect(JSON.stringify(await response.json())).toContain("has not gone out yet");
    const report = (await call(psw, "get", `/api/bulletins/${created.body.id as string}/report`)).body;
    expect(report.readsInAll).toBe(0);
  });
});

describe("a team that removed the bot", () => {
  it("holds the channel post as not installed, and posts it when the bot is added back", async () => {
    const fostering: TeamsChannel = { conversationId: "19:fostering@thread.tacv2", teamId: "19:team-fostering@thread.tacv2", teamName: "Fostering", channelName: "General news" };
    await post(channelInstallation(demoUser("person-qa-lead"), fostering, connector.serviceUrl));
    const channels = (await call(psw, "get", "/api/bulletin-channels")).body.channels as { id: string; name: string }[];
    const channelId = channels.find((channel) => channel.name === "Fostering › General news")!.id;
    const created = await call(psw, "post", "/api/bulletins", { ...draft, title: "Held for Fostering", audience: { channelIds: [channelId], teamIds: [], personIds: [], personalChats: false } });
    // The team removes the bot before the bulletin goes: it is no longer offered, and the post waits.
    await post({ ...channelInstallation(demoUser("person-qa-lead"), fostering, connector.serviceUrl), type: "installationUpdate", action: "remove", membersAdded: undefined });
    const offered = (await call(psw, "get", "/api/bulletin-channels")).body.channels as { name: string }[];
    expect(offered.map((channel) => channel.name)).not.toContain("Fostering › General news");
    expect((await call(psw, "post", `/api/bulletins/${created.body.id as string}/publish`, {}, created.etag)).status).toBe(200);
    const report = () => call(psw, "get", `/api/bulletins/${created.body.id as string}/report`);
    await waitFor(async () => ((await report()).body.channels as { notInstalled: number }).notInstalled === 1 || undefined, "the post to be held");
    // Added back: the post goes.
    await post(channelInstallation(demoUser("person-qa-lead"), fostering, connector.serviceUrl));
    await waitFor(async () => ((await report()).body.channels as { delivered: number }).delivered === 1 || undefined, "the post to go once the bot is back");
    expect(cardsTo(fostering.conversationId).map((card) => JSON.stringify(card)).some((text) => text.includes("Held for Fostering"))).toBe(true);
  });
});

describe("scheduling", () => {
  it("holds a scheduled bulletin until its time, across a restart, and a cancelled schedule sends nothing", async () => {
    const at = new Date(Date.now() + 2500).toISOString();
    const created = await call(psw, "post", "/api/bulletins", { ...draft, title: "Scheduled bulletin", audience: { channelIds: [], teamIds: [], personIds: ["person-sw-liam"], personalChats: false } });
    const scheduled = await call(psw, "post", `/api/bulletins/${created.body.id as string}/publish`, { at }, created.etag);
    expect(scheduled.body).toMatchObject({ state: "scheduled", publishAt: at, queued: 1 });

    const cancelled = await call(psw, "post", "/api/bulletins", { ...draft, title: "Cancelled bulletin", audience: { channelIds: [], teamIds: [], personIds: ["person-sw-liam"], personalChats: false } });
    const cancelledSchedule = await call(psw, "post", `/api/bulletins/${cancelled.body.id as string}/publish`, { at }, cancelled.etag);
    const backToDraft = await call(psw, "post", `/api/bulletins/${cancelled.body.id as string}/cancel-schedule`, undefined, cancelledSchedule.etag);
    expect(backToDraft.body.state).toBe("draft");

    const since = connector.sent.length;
    app = await app.restart();
    call = await signedInCaller(app.url, people);
    const liamCards = () => cardsTo("a:personal-person-sw-liam", since).map((card) => JSON.stringify(card));
    const card = await waitFor(() => liamCards().find((text) => text.includes("Scheduled bulletin")), "the scheduled card after the restart", 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    expect(card).toContain("Scheduled bulletin");
    expect(liamCards().some((text) => text.includes("Cancelled bulletin"))).toBe(false);
    expect((await call(psw, "get", `/api/bulletins/${created.body.id as string}`)).body.state).toBe("published");
  });
});
