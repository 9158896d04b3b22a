// The proactive-message outbox: the sliding-window limiter with a fake clock,
// the send-error helpers, and the worker over a temporary SQLite store sending
// through the real TeamsDelivery (botbuilder's CloudAdapter) over HTTP to the
// fake Bot Connector.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutboxMessage } from "../api/domain/records/teams-conversation.js";
import type { Notification } from "../api/domain/records/notification.js";
import { enqueueNotification } from "../api/services/notify.js";
import type { Saved } from "../api/store/port.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import {
  backoffDelayMs,
  classifySendError,
  describeSendError,
  OutboxWorker,
  requeueForRecipient,
  type OutboxDelivery,
  type OutboxWorkerOptions,
} from "../bot/outbox/outbox-worker.js";
import { SlidingWindowLimiter, teamsAppLimits, teamsConversationLimits } from "../bot/outbox/rate-limiter.js";
import { localTeamsDelivery } from "../bot/outbox/teams-delivery.js";
import { startFakeBotConnector, type FakeBotConnector } from "./support/fake-bot-connector.js";

const actor = { id: "system:outbox-test" };
const secretText = "Action for case CR-1234: review the plan";

/** Most sends inside any span of `spanMs` (half-open), given send times. */
function busiestWindow(times: number[], spanMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= spanMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe("SlidingWindowLimiter", () => {
  it("allows 7 sends in a second, then waits until the first leaves the window", () => {
    const limiter = new SlidingWindowLimiter(teamsConversationLimits);
    for (let index = 0; index < 7; index += 1) {
      expect(limiter.delayFor("c", 1_000 + index * 10)).toBe(0);
      limiter.record("c", 1_000 + index * 10);
    }
    expect(limiter.delayFor("c", 1_100)).toBe(900); // first send at 1 000 leaves at 2 000
    expect(limiter.delayFor("c", 2_000)).toBe(0);
    expect(limiter.delayFor("other", 1_100)).toBe(0);
  });

  it("holds to 8 sends in 2 seconds and 60 in 30 seconds", () => {
    const limiter = new SlidingWindowLimiter(teamsConversationLimits);
    let now = 0;
    const times: number[] = [];
    for (let sends = 0; sends < 130; sends += 1) {
      now += limiter.delayFor("c", now);
      limiter.record("c", now);
      times.push(now);
    }
    expect(busiestWindow(times, 1_000)).toBeLessThanOrEqual(7);
    expect(busiestWindow(times, 2_000)).toBeLessThanOrEqual(8);
    expect(busiestWindow(times, 30_000)).toBeLessThanOrEqual(60);
    expect(busiestWindow(times, 30_000)).toBe(60); // and it does use the allowance
  });

  it("holds the app to 50 sends a second", () => {
    const limiter = new SlidingWindowLimiter(teamsAppLimits);
    let now = 0;
    const times: number[] = [];
    for (let sends = 0; sends < 500; sends += 1) {
      now += limiter.delayFor("app", now);
      limiter.record("app", now);
      times.push(now);
    }
    expect(busiestWindow(times, 1_000)).toBe(50);
    expect(now).toBe(9_000); // 500 sends: 10 full seconds of 50
  });

  it("pauses a key until a given time on top of its windows", () => {
    const limiter = new SlidingWindowLimiter(teamsConversationLimits);
    limiter.pauseUntil("c", 5_000);
    expect(limiter.delayFor("c", 1_000)).toBe(4_000);
    expect(limiter.delayFor("c", 5_000)).toBe(0);
  });

  it("keeps memory bounded: old send times are pruned and idle keys forgotten", () => {
    const limiter = new SlidingWindowLimiter(teamsConversationLimits);
    for (let key = 0; key < 1_000; key += 1) limiter.record(`c-${key}`, key);
    expect(limiter.trackedKeys).toBe(1_000);
    const later = 3_600_000 + 60_000 + 1_000;
    limiter.record("c-new", later);
    expect(limiter.trackedKeys).toBe(1);
    for (let index = 0; index < 10_000; index += 1) limiter.record("busy", later + index * 1_000);
    expect(limiter.trackedSends).toBeLessThanOrEqual(3_601 + 1);
  });

  it("refuses a window that makes no sense", () => {
    expect(() => new SlidingWindowLimiter([])).toThrow(/at least one window/);
    expect(() => new SlidingWindowLimiter([{ limit: 0, perMs: 1_000 }])).toThrow(/whole limit/);
  });
});

describe("send errors", () => {
  it("reads botbuilder's RestError: status, Teams error code and Retry-After", () => {
    const restError = Object.assign(new Error("Too many requests"), {
      name: "RestError",
      statusCode: 429,
      code: "Throttled",
      details: { error: { code: "Throttled", message: "Too many requests" } },
      response: { status: 429, headers: { get: (name: string) => (name === "retry-after" ? "2" : undefined) } },
    });
    expect(describeSendError(restError)).toEqual({ statusCode: 429, code: "Throttled", retryAfterMs: 2_000, message: "Too many requests" });
  });

  it("accepts a plain retryAfterMs, a headers object, or an HTTP date", () => {
    expect(describeSendError({ statusCode: 503, retryAfterMs: 1_500, message: "busy" })).toMatchObject({ statusCode: 503, retryAfterMs: 1_500 });
    expect(describeSendError({ status: 429, headers: { "Retry-After": "3" } })).toMatchObject({ statusCode: 429, retryAfterMs: 3_000 });
    const now = Date.parse("2026-03-02T10:00:00Z");
    expect(describeSendError({ statusCode: 503, headers: { "retry-after": "Mon, 02 Mar 2026 10:00:05 GMT" } }, now).retryAfterMs).toBe(5_000);
    expect(describeSendError({ statusCode: 503, headers: { "retry-after": "soon" } }).retryAfterMs).toBeUndefined();
  });

  it("sorts errors into retry, blocked, uninstalled and failed", () => {
    for (const statusCode of [429, 412, 502, 503, 504]) expect(classifySendError({ statusCode, message: "" })).toBe("retry");
    expect(classifySendError(describeSendError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })))).toBe("retry");
    expect(classifySendError({ statusCode: 403, code: "ConversationBlockedByUser", message: "" })).toBe("blocked");
    expect(classifySendError({ statusCode: 403, code: "BotDisabledByAdmin", message: "" })).toBe("blocked");
    expect(classifySendError({ statusCode: 403, code: "BotNotInConversationRoster", message: "" })).toBe("uninstalled");
    expect(classifySendError({ statusCode: 404, code: "ConversationNotFound", message: "" })).toBe("uninstalled");
    expect(classifySendError({ statusCode: 400, code: "BadArgument", message: "" })).toBe("failed");
    expect(classifySendError({ statusCode: 403, code: "SomethingElse", message: "" })).toBe("failed");
  });

  it("backs off exponentially with full jitter, capped", () => {
    expect(backoffDelayMs(1, () => 0.5)).toBe(500);
    expect(backoffDelayMs(3, () => 0.5)).toBe(2_000);
    expect(backoffDelayMs(20, () => 0.999)).toBeLessThan(300_000);
    expect(backoffDelayMs(4, () => 0)).toBe(0);
  });
});

describe("the outbox worker", () => {
  let folder: string;
  let store: SqliteStore;
  let connector: FakeBotConnector;
  let clock: number;
  let logs: string[];
  const sendTimes: number[] = [];
  const teams = localTeamsDelivery();
  const workers: OutboxWorker[] = [];

  const render: OutboxDelivery["render"] = async (message) => ({
    type: "message",
    text: secretText,
    channelData: { idempotencyKey: message.idempotencyKey },
  });
  const delivery: OutboxDelivery = {
    render: (message) => render(message),
    send: (conversation, activity) => {
      sendTimes.push(clock);
      return teams.send(conversation, activity);
    },
  };

  /** A worker on a fake clock: its sleeps move the clock instead of waiting. */
  function worker(options: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
    const created = new OutboxWorker({
      store,
      delivery,
      actor,
      now: () => new Date(clock),
      sleep: async (ms) => {
        clock += ms;
      },
      log: (line) => logs.push(line),
      random: () => 0.5,
      ...options,
    });
    workers.push(created);
    return created;
  }

  async function installed(personId: string, status: "installed" | "uninstalled" | "blocked" = "installed") {
    const conversationId = `a:personal-${personId}`;
    return store.create(
      "teamsConversation",
      {
        conversationId,
        conversationType: "personal",
        personId,
        aadObjectId: `aad-${personId}`,
        status,
        reference: {
          conversation: { id: conversationId, conversationType: "personal", tenantId: "tenant-1" },
          serviceUrl: connector.serviceUrl,
          channelId: "msteams",
          bot: { id: "28:bot" },
          user: { id: `29:${personId}`, aadObjectId: `aad-${personId}` },
        },
      },
      actor,
    );
  }

  async function enqueue(recipientId: string, notification: Notification = { kind: "action_raised", actionId: "a-1" }, occasion = "") {
    await store.transaction((tx) => enqueueNotification(tx, recipientId, notification, actor, occasion));
    const page = await store.query("outboxMessage", { where: { recipientId }, orderBy: { field: "createdAt", direction: "desc" }, limit: 1 });
    return page.records[0]!;
  }

  async function reload(message: Saved<"outboxMessage">) {
    return (await store.get("outboxMessage", message.id))!;
  }

  const keysReceived = () => connector.sent.map((sent) => (sent.activity.channelData as { idempotencyKey: string }).idempotencyKey);

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), "golden-thread-outbox-"));
    store = new SqliteStore({ path: join(folder, "outbox.sqlite") });
    connector = await startFakeBotConnector();
    clock = Date.now();
    logs = [];
    sendTimes.length = 0;
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((running) => running.stop()));
    await connector.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("delivers a pending message once, to the recipient's personal chat, and records it as sent", async () => {
    await installed("person-other");
    const conversation = await installed("person-amira");
    const message = await enqueue("person-amira");

    expect(await worker().drainOnce()).toBe(1);
    expect(connector.sent).toHaveLength(1);
    const [sent] = connector.sent;
    expect(sent!.conversationId).toBe(conversation.conversationId);
    expect(sent!.replyToId).toBeUndefined(); // a new message, not a reply: POST …/v3/conversations/{id}/activities
    expect(sent!.activity.text).toBe(secretText);
    expect(sent!.activity.recipient).toMatchObject({ id: "29:person-amira" });

    const saved = await reload(message);
    expect(saved).toMatchObject({ status: "sent", attempts: 1, conversationId: conversation.conversationId, sentActivityId: "sent-1" });
    expect(saved.sentAt).toBe(new Date(clock).toISOString());

    expect(await worker().drainOnce()).toBe(0);
    expect(connector.requests).toHaveLength(1);
  });

  it("sends a message enqueued twice with the same idempotency key only once", async () => {
    await installed("person-amira");
    await enqueue("person-amira");
    await enqueue("person-amira");
    await expect(
      store.create("outboxMessage", { idempotencyKey: "action_raised:a-1:person-amira", recipientId: "person-amira", notification: { kind: "action_raised", actionId: "a-1" } }, actor),
    ).rejects.toThrow(/already exists/);
    expect((await store.query("outboxMessage")).records).toHaveLength(1);
    await worker().drainOnce();
    await worker().drainOnce();
    expect(connector.sent).toHaveLength(1);
  });

  it("retries a 429 no sooner than Retry-After, holds the whole conversation meanwhile, then delivers", async () => {
    await installed("person-amira");
    const first = await enqueue("person-amira");
    connector.failNext(1, { status: 429, retryAfterSeconds: 1, code: "Throttled" });
    const outbox = worker({ random: () => 0 });
    const throttledAt = clock;

    expect(await outbox.drainOnce()).toBe(0);
    const waiting = await reload(first);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(Date.parse(waiting.notBefore!) - throttledAt).toBeGreaterThanOrEqual(1_000);
    expect(waiting.lastError).toMatch(/429 Throttled/);

    // A second message to the same person must not hit the throttled conversation either:
    // the worker waits (on its fake clock) until the Retry-After has passed.
    const second = await enqueue("person-amira", { kind: "action_raised", actionId: "a-2" });
    expect(await outbox.drainOnce()).toBe(2);
    expect(connector.requests.map((request) => request.status)).toEqual([429, 200, 200]);
    expect(sendTimes).toHaveLength(3);
    for (const sentAt of sendTimes.slice(1)) expect(sentAt - throttledAt).toBeGreaterThanOrEqual(1_000);
    expect(await reload(first)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await reload(second)).toMatchObject({ status: "sent", attempts: 1 });
    expect(logs.join("\n")).toMatch(new RegExp(`message ${first.id} \\(action_raised\\) attempt 1 failed \\(429\\)`));
  });

  it("retries 503 with growing backoff, and gives up after maxAttempts", async () => {
    await installed("person-amira");
    await installed("person-ben");
    const amira = await enqueue("person-amira");
    connector.failNext(2, { status: 503, conversationId: "a:personal-person-amira" });
    const outbox = worker({ random: () => 0.5 });

    const start = clock;
    await outbox.drainOnce();
    const afterFirst = await reload(amira);
    expect(Date.parse(afterFirst.notBefore!) - start).toBe(500); // half of 1 s
    clock = Date.parse(afterFirst.notBefore!);
    await outbox.drainOnce();
    const afterSecond = await reload(amira);
    expect(Date.parse(afterSecond.notBefore!) - clock).toBe(1_000); // half of 2 s
    clock = Date.parse(afterSecond.notBefore!);
    await outbox.drainOnce();
    expect(await reload(amira)).toMatchObject({ status: "sent", attempts: 3 });

    const ben = await enqueue("person-ben");
    connector.failNext(10, { status: 502, conversationId: "a:personal-person-ben" });
    const impatient = worker({ random: () => 0.5, maxAttempts: 3 });
    for (let pass = 0; pass < 5; pass += 1) {
      await impatient.drainOnce();
      clock += 60_000;
    }
    const gaveUp = await reload(ben);
    const failedStatus = OutboxMessage.shape.status.safeParse("failed").success ? "failed" : "blocked";
    expect(gaveUp).toMatchObject({ status: failedStatus, attempts: 3 });
    expect(gaveUp.lastError).toMatch(/Gave up after 3 attempts.*502/);
    expect(connector.requests.filter((request) => request.conversationId === "a:personal-person-ben")).toHaveLength(3);
  });

  it("records a recipient who blocked the bot, and does not try them again", async () => {
    const conversation = await installed("person-amira");
    const first = await enqueue("person-amira");
    connector.failNext(1, { status: 403, code: "ConversationBlockedByUser", message: "User blocked the conversation with the bot." });
    const outbox = worker();

    await outbox.drainOnce();
    expect(await reload(first)).toMatchObject({ status: "blocked" });
    expect((await reload(first)).lastError).toMatch(/403 ConversationBlockedByUser/);
    expect((await store.get("teamsConversation", conversation.id))?.status).toBe("blocked");

    const second = await enqueue("person-amira", { kind: "action_raised", actionId: "a-2" });
    clock += 3_600_000;
    await outbox.drainOnce();
    expect((await reload(second)).status).toBe("blocked");
    expect(connector.requests).toHaveLength(1);
  });

  it("records that the bot was uninstalled (403 BotNotInConversationRoster) and holds the message until reinstall", async () => {
    const conversation = await installed("person-amira");
    const message = await enqueue("person-amira");
    connector.failNext(1, { status: 403, code: "BotNotInConversationRoster" });
    await worker().drainOnce();
    expect((await reload(message)).status).toBe("not_installed");
    expect((await store.get("teamsConversation", conversation.id))?.status).toBe("uninstalled");
  });

  it("holds a message for someone without the app, then delivers it after requeueForRecipient", async () => {
    const message = await enqueue("person-amira");
    const outbox = worker();
    expect(await outbox.drainOnce()).toBe(0);
    expect(await reload(message)).toMatchObject({ status: "not_installed", attempts: 0 });
    expect(connector.requests).toHaveLength(0);

    await installed("person-amira");
    expect(await requeueForRecipient(store, "person-amira", actor)).toBe(1);
    expect(await requeueForRecipient(store, "person-amira", actor)).toBe(0);
    expect(await outbox.drainOnce()).toBe(1);
    expect(await reload(message)).toMatchObject({ status: "sent" });
  });

  it("never lets more than 7 sends into a conversation in any second (nor 8 in 2 s), nor 50 a second for the app", async () => {
    await installed("person-amira");
    for (let index = 0; index < 20; index += 1) await enqueue("person-amira", { kind: "action_raised", actionId: `a-${index}` });
    const outbox = worker({ concurrency: 1, windowMarginMs: 0 });
    expect(await outbox.drainOnce()).toBe(20);
    expect(busiestWindow(sendTimes, 1_000)).toBe(7);
    expect(busiestWindow(sendTimes, 2_000)).toBe(8);
    // Every one arrives; the store orders messages made in the same millisecond by id, so not necessarily as enqueued.
    expect(keysReceived().sort()).toEqual(Array.from({ length: 20 }, (_, index) => `action_raised:a-${index}:person-amira`).sort());

    sendTimes.length = 0;
    for (let person = 0; person < 120; person += 1) {
      await installed(`person-${person}`);
      await enqueue(`person-${person}`);
    }
    expect(await worker({ windowMarginMs: 0 }).drainOnce()).toBe(120);
    expect(busiestWindow(sendTimes, 1_000)).toBe(50);
  });

  // The limits themselves are checked on a virtual clock above. In real time,
  // a loaded machine can delay one request in transit so that two arrive
  // closer together than they were sent, and the connector answers 429: what
  // must hold whatever the timing is that every message arrives exactly once.
  it("delivers everything exactly once in real time against a connector that enforces the limits", async () => {
    await connector.close();
    connector = await startFakeBotConnector({ rateLimit: true, latencyMs: 5 });
    await installed("person-amira");
    for (let index = 0; index < 10; index += 1) await enqueue("person-amira", { kind: "action_raised", actionId: `a-${index}` });
    for (let person = 0; person < 60; person += 1) {
      await installed(`person-${person}`);
      await enqueue(`person-${person}`);
    }
    const expected = (await store.query("outboxMessage", { limit: 500 })).records.map((message) => message.idempotencyKey);
    expect(expected).toHaveLength(70);
    const outbox = worker({ now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), pollIntervalMs: 50 });
    outbox.start();
    await connector.waitForActivities(expected.length, 60_000);
    await outbox.stop();
    expect(connector.sent).toHaveLength(expected.length);
    expect([...keysReceived()].sort()).toEqual([...expected].sort());
    expect((await store.query("outboxMessage", { where: { status: "sent" }, limit: 500 })).records).toHaveLength(expected.length);
  });

  it("stop() finishes the send in flight and starts no other; a new worker resumes with nothing lost or duplicated", async () => {
    await connector.close();
    connector = await startFakeBotConnector({ latencyMs: 15 });
    const recipients = Array.from({ length: 10 }, (_, index) => `person-${index}`);
    for (const person of recipients) await installed(person);
    const expected: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (const person of recipients) expected.push((await enqueue(person, { kind: "action_raised", actionId: `a-${round}` })).idempotencyKey);
    }
    const realTime = { now: () => new Date(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };

    const first = worker({ ...realTime, pollIntervalMs: 50 });
    first.start();
    await connector.waitForActivities(8);
    await first.stop();
    const sentBeforeStop = connector.sent.length;
    expect(sentBeforeStop).toBeLessThan(expected.length);
    expect((await store.query("outboxMessage", { where: { status: "sending" } })).records).toHaveLength(0);
    expect((await store.query("outboxMessage", { where: { status: "sent" }, limit: 500 })).records).toHaveLength(sentBeforeStop);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connector.sent.length).toBe(sentBeforeStop); // nothing after stop

    const second = worker({ ...realTime, pollIntervalMs: 50 });
    second.start();
    await connector.waitForActivities(expected.length, 10_000);
    await second.stop();
    expect([...keysReceived()].sort()).toEqual([...expected].sort());
    expect((await store.query("outboxMessage", { where: { status: "sent" }, limit: 500 })).records).toHaveLength(expected.length);
  });

  it("wake() makes a running worker look at once instead of at the next poll", async () => {
    await installed("person-amira");
    const outbox = worker({ now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), pollIntervalMs: 60_000 });
    outbox.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await enqueue("person-amira");
    outbox.wake();
    await connector.waitForActivities(1, 2_000);
  });

  it("sends again a message left `sending` by a crash once its lease is over (at-least-once), not before", async () => {
    await installed("person-amira");
    const message = await enqueue("person-amira");
    await store.update("outboxMessage", message.id, { status: "sending", attempts: 1 }, message.etag, actor);

    expect(await worker().drainOnce()).toBe(0); // within the lease: another worker may still be sending it
    expect(connector.requests).toHaveLength(0);

    clock = Date.now() + 1_000;
    expect(await worker({ sendingLeaseMs: 500 }).drainOnce()).toBe(1);
    expect(await reload(message)).toMatchObject({ status: "sent", attempts: 2 });
    expect(logs.join("\n")).toMatch(/interrupted while sending/);
  });

  it("counts sends made just before it started (a restart), so it does not run into Teams' limits", async () => {
    const conversation = await installed("person-amira");
    const earlier = clock - 300;
    for (let index = 0; index < 7; index += 1) {
      await store.create(
        "outboxMessage",
        {
          idempotencyKey: `action_raised:old-${index}:person-amira`,
          recipientId: "person-amira",
          notification: { kind: "action_raised", actionId: `old-${index}` },
          status: "sent",
          attempts: 1,
          conversationId: conversation.conversationId,
          sentAt: new Date(earlier).toISOString(),
        },
        actor,
      );
    }
    await enqueue("person-amira");
    expect(await worker({ windowMarginMs: 0 }).drainOnce()).toBe(1);
    expect(sendTimes[0]! - earlier).toBeGreaterThanOrEqual(1_000);
  });

  it("cancels a message whose record is gone instead of sending it", async () => {
    await installed("person-amira");
    const message = await enqueue("person-amira");
    const outbox = new OutboxWorker({ store, actor, delivery: { ...delivery, render: async () => undefined }, log: (line) => logs.push(line) });
    workers.push(outbox);
    expect(await outbox.drainOnce()).toBe(0);
    const cancelled = await reload(message);
    expect(cancelled.status).not.toBe("pending");
    expect(cancelled.lastError).toMatch(/nothing to send/);
    expect(connector.requests).toHaveLength(0);
  });

  it("two workers on the same store never send the same message twice", async () => {
    for (let person = 0; person < 30; person += 1) {
      await installed(`person-${person}`);
      await enqueue(`person-${person}`);
    }
    const [left, right] = [worker(), worker()];
    const [a, b] = await Promise.all([left.drainOnce(), right.drainOnce()]);
    expect(a + b).toBe(30);
    expect(new Set(keysReceived()).size).toBe(30);
    expect(connector.sent).toHaveLength(30);
  });

  it("logs message ids, kinds and status codes, never the message text", async () => {
    await installed("person-amira");
    await enqueue("person-amira");
    connector.failNext(1, { status: 503 });
    const outbox = worker();
    await outbox.drainOnce();
    clock += 10_000;
    await outbox.drainOnce();
    expect(connector.sent).toHaveLength(1);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join("\n")).not.toContain("CR-1234");
  });

  it("describes a real botbuilder error from the connector", async () => {
    const conversation = await installed("person-amira");
    connector.failNext(1, { status: 429, retryAfterSeconds: 3, code: "Throttled" });
    const error = await teams.send(conversation, { type: "message", text: "hello" }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(describeSendError(error)).toMatchObject({ statusCode: 429, code: "Throttled", retryAfterMs: 3_000 });
    expect(connector.requests).toHaveLength(1); // botbuilder's own retries are off: the outbox decides
  });

  it("posts a channel message into the stored channel, and holds it while the bot is not in that team", async () => {
    const channel = async (conversationId: string, status: "installed" | "uninstalled") =>
      store.create(
        "teamsConversation",
        {
          conversationId,
          conversationType: "channel",
          status,
          reference: { conversation: { id: conversationId, conversationType: "channel" }, serviceUrl: connector.serviceUrl, channelId: "msteams", bot: { id: "28:bot" } },
        },
        actor,
      );
    const open = await channel("19:open@thread.tacv2", "installed");
    const removed = await channel("19:removed@thread.tacv2", "uninstalled");
    const notification: Notification = { kind: "bulletin_published", bulletinId: "bulletin-1" };
    await store.transaction(async (tx) => {
      await enqueueNotification(tx, open.id, notification, actor, "", { to: "channel", subjectId: "bulletin-1" });
      await enqueueNotification(tx, removed.id, notification, actor, "", { to: "channel", subjectId: "bulletin-1" });
    });
    await worker().drainOnce();
    expect(connector.sent.map((sent) => sent.conversationId)).toEqual(["19:open@thread.tacv2"]);
    const byRecipient = new Map((await store.query("outboxMessage", { where: { subjectId: "bulletin-1" } })).records.map((message) => [message.recipientId, message.status]));
    expect(byRecipient.get(open.id)).toBe("sent");
    expect(byRecipient.get(removed.id)).toBe("not_installed");
  });
});
