// The outbox on Azure Storage Queues, against the Azurite emulator started
// here: two workers (two "server instances") share one queue and one store
// and send every message exactly once; a worker that dies mid-send has its
// message sent by the other once the lease ends; a scheduled message waits;
// and the whole app, configured for the queue, publishes a bulletin.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QueueClient } from "@azure/storage-queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../api/config.js";
import { enqueueNotification } from "../api/services/notify.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import { OutboxWorker } from "../bot/outbox/outbox-worker.js";
import { StorageQueueTransport } from "../bot/outbox/storage-queue-transport.js";
import { localTeamsDelivery } from "../bot/outbox/teams-delivery.js";
import { signedInCaller } from "./support/api-client.js";
import { startAzurite, type Azurite } from "./support/azurite.js";
import { startFakeBotConnector, type FakeBotConnector } from "./support/fake-bot-connector.js";
import { installation, demoUser } from "./support/teams-activities.js";
import { startTestApp } from "./support/test-app.js";

const actor = { id: "system:queue-test" };
let azurite: Azurite;
let connectionString: string;
let folder: string;
let queueNumber = 0;

async function waitUntil(probe: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "golden-thread-queue-"));
  azurite = await startAzurite();
  connectionString = azurite.connectionString;
}, 30_000);

afterAll(() => {
  azurite?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function newQueue(): QueueClient {
  queueNumber += 1;
  return new QueueClient(connectionString, `outbox-test-${queueNumber}`);
}

async function conversations(store: SqliteStore, connector: FakeBotConnector, count: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (let index = 0; index < count; index += 1) {
      const conversationId = `a:queue-${index}`;
      await tx.create(
        "teamsConversation",
        {
          conversationId,
          conversationType: "personal",
          personId: `person-${index}`,
          status: "installed",
          reference: { conversation: { id: conversationId }, serviceUrl: connector.serviceUrl, channelId: "msteams", bot: { id: "28:bot" }, user: { id: `29:${index}` } },
        },
        actor,
      );
    }
  });
}

/** A worker as one server instance runs it: its own store connection, transport and delivery. */
function instance(path: string, queue: QueueClient, name: string, leaseMs = 120_000) {
  const store = new SqliteStore({ path });
  const teams = localTeamsDelivery();
  const sentBy: string[] = [];
  const worker = new OutboxWorker({
    store,
    actor,
    pollIntervalMs: 100,
    sendingLeaseMs: leaseMs,
    appLimits: [{ limit: 25, perMs: 1_000 }],
    transport: new StorageQueueTransport({ store, queue, actor, leaseMs }),
    delivery: {
      render: async (message) => {
        sentBy.push(name);
        return { type: "message", text: "Queue test", channelData: { idempotencyKey: message.idempotencyKey } };
      },
      send: (conversation, activity) => teams.send(conversation, activity),
    },
  });
  return { store, worker, sentBy };
}

const receivedKeys = (connector: FakeBotConnector) => connector.sent.map((sent) => (sent.activity.channelData as { idempotencyKey: string }).idempotencyKey);

describe("the Azure Storage Queues outbox transport", () => {
  it("shares the work between two instances and sends every message exactly once", async () => {
    const connector = await startFakeBotConnector({ rateLimit: true });
    const path = join(folder, "two-workers.sqlite");
    const setup = new SqliteStore({ path });
    await conversations(setup, connector, 40);
    const total = 240;
    await setup.transaction(async (tx) => {
      for (let index = 0; index < total; index += 1) await enqueueNotification(tx, `person-${index % 40}`, { kind: "action_raised", actionId: `action-${index}` }, actor);
    });
    const queue = newQueue();
    const first = instance(path, queue, "first");
    const second = instance(path, queue, "second");
    first.worker.start();
    second.worker.start();
    await waitUntil(async () => connector.sent.length >= total, `${total} messages`, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything extra would arrive now
    await first.worker.stop();
    await second.worker.stop();

    const keys = receivedKeys(connector);
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
    expect(first.sentBy.length).toBeGreaterThan(0);
    expect(second.sentBy.length).toBeGreaterThan(0);
    const statuses = new Set((await setup.query("outboxMessage", { limit: 500 })).records.map((message) => message.status));
    expect([...statuses]).toEqual(["sent"]);
    // Everything sent: the queue is empty.
    expect((await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems).toEqual([]);
    for (const store of [setup, first.store, second.store]) await store.close();
    await connector.close();
  }, 90_000);

  it("sends a message again once the lease of a worker that died mid-send runs out", async () => {
    const connector = await startFakeBotConnector();
    const path = join(folder, "crash.sqlite");
    const store = new SqliteStore({ path });
    await conversations(store, connector, 1);
    await store.transaction((tx) => enqueueNotification(tx, "person-0", { kind: "action_raised", actionId: "action-crash" }, actor));
    const queue = newQueue();
    const leaseMs = 1_000;
    // The instance that dies: it receives the message and claims it, then nothing more.
    const dying = new StorageQueueTransport({ store, queue, actor, leaseMs });
    await dying.announce();
    const received = [];
    for await (const due of dying.due(10)) received.push(due);
    expect(received).toHaveLength(1);
    await store.update("outboxMessage", received[0]!.message.id, { status: "sending", attempts: 1 }, received[0]!.message.etag, actor);

    const survivor = instance(path, queue, "survivor", leaseMs);
    survivor.worker.start();
    await waitUntil(() => connector.sent.length >= 1, "the message to be sent by the surviving instance");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await survivor.worker.stop();
    expect(receivedKeys(connector)).toEqual(["action_raised:action-crash:person-0"]);
    const [message] = (await store.query("outboxMessage", { limit: 1 })).records;
    expect(message).toMatchObject({ status: "sent", attempts: 2 });
    await survivor.store.close();
    await store.close();
    await connector.close();
  }, 30_000);

  it("keeps a scheduled message hidden until its time", async () => {
    const connector = await startFakeBotConnector();
    const path = join(folder, "scheduled.sqlite");
    const store = new SqliteStore({ path });
    await conversations(store, connector, 1);
    const notBefore = new Date(Date.now() + 2_000).toISOString();
    await store.transaction((tx) => enqueueNotification(tx, "person-0", { kind: "bulletin_published", bulletinId: "bulletin-1" }, actor, notBefore, { notBefore }));
    const worker = instance(path, newQueue(), "scheduler");
    worker.worker.start();
    await waitUntil(() => connector.sent.length >= 1, "the scheduled message");
    expect(connector.sent[0]!.receivedAt!).toBeGreaterThanOrEqual(Date.parse(notBefore));
    await worker.worker.stop();
    await worker.store.close();
    await store.close();
    await connector.close();
  }, 30_000);
});

describe("announcing messages to the queue", () => {
  it("puts each message on the queue once, however many instances announce at the same time", async () => {
    const path = join(folder, "announce.sqlite");
    const store = new SqliteStore({ path });
    await store.transaction(async (tx) => {
      for (let index = 0; index < 60; index += 1) await enqueueNotification(tx, `person-${index}`, { kind: "action_raised", actionId: `action-${index}` }, actor);
    });
    const queue = newQueue();
    const instances = [new SqliteStore({ path }), new SqliteStore({ path }), new SqliteStore({ path })];
    const announced = await Promise.all(instances.map((instanceStore) => new StorageQueueTransport({ store: instanceStore, queue, actor }).announce()));
    expect(announced.reduce((sum, count) => sum + count, 0)).toBe(60);
    expect((await queue.getProperties()).approximateMessagesCount).toBe(60);
    for (const open of [store, ...instances]) await open.close();
  });

  it("announces again a message whose queue copy was lost", async () => {
    const store = new SqliteStore({ path: join(folder, "lost.sqlite") });
    await store.transaction((tx) => enqueueNotification(tx, "person-0", { kind: "action_raised", actionId: "action-lost" }, actor));
    const [message] = (await store.query("outboxMessage", { limit: 1 })).records;
    // Marked as announced, but the instance died before the queue had it.
    await store.update("outboxMessage", message!.id, { announcedAt: new Date().toISOString() }, message!.etag, actor);
    const queue = newQueue();
    const soon = new StorageQueueTransport({ store, queue, actor });
    expect(await soon.announce()).toBe(0); // too soon to call it lost
    const later = new StorageQueueTransport({ store, queue, actor, now: () => new Date(Date.now() + 20 * 60_000) });
    expect(await later.announce()).toBe(1);
    expect((await queue.getProperties()).approximateMessagesCount).toBe(1);
    await store.close();
  });
});

describe("configuration", () => {
  it("needs a connection string for the queue transport, and defaults to the store", () => {
    expect(loadConfig({}).outbox).toEqual({ transport: "store", instances: 1 });
    expect(() => loadConfig({ OUTBOX_TRANSPORT: "storage-queue" })).toThrow(ConfigError);
    expect(() => loadConfig({ OUTBOX_TRANSPORT: "kafka" })).toThrow(/store or storage-queue/);
    expect(loadConfig({ OUTBOX_TRANSPORT: "storage-queue", AZURE_STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true", OUTBOX_INSTANCES: "3" }).outbox).toEqual({
      transport: "storage-queue",
      connectionString: "UseDevelopmentStorage=true",
      queueName: "golden-thread-outbox",
      instances: 3,
    });
  });

  it("runs the whole app on the queue: a published bulletin reaches its reader", async () => {
    const connector = await startFakeBotConnector();
    const app = await startTestApp({ OUTBOX_TRANSPORT: "storage-queue", AZURE_STORAGE_CONNECTION_STRING: connectionString, OUTBOX_QUEUE_NAME: "app-outbox" });
    try {
      expect(app.logs.join("\n")).toContain('sending through the Azure Storage queue "app-outbox"');
      await fetch(`${app.url}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(installation(demoUser("person-sw-liam"), connector.serviceUrl)) });
      const call = await signedInCaller(app.url, ["person-psw"]);
      const created = await call("person-psw", "post", "/api/bulletins", { title: "Queued bulletin", audience: { personIds: ["person-sw-liam"] } });
      const published = await call("person-psw", "post", `/api/bulletins/${created.body.id as string}/publish`, {}, created.etag);
      expect(published.status).toBe(200);
      await waitUntil(() => connector.sent.some((sent) => JSON.stringify(sent.activity).includes("Queued bulletin")), "the bulletin card");
    } finally {
      await app.stop();
      await connector.close();
    }
  }, 30_000);
});
