// Prints how the proactive-message outbox performs against a Bot Connector
// stand-in that enforces Teams' rate limits (429 with Retry-After): the
// sustained send rate as a fraction of the 50 requests/second app limit, and,
// after killing worker processes with SIGKILL part-way, how many messages were
// lost or arrived twice. Figures only; nothing here passes or fails.
//
//   npx tsx bench/outbox-bench.ts [messages=3000] [conversations=100] [crash messages=1000] [kills=3] [latency ms=20]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enqueueNotification } from "../api/services/notify.js";
import type { Store } from "../api/store/port.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import { OutboxWorker } from "../bot/outbox/outbox-worker.js";
import { localTeamsDelivery } from "../bot/outbox/teams-delivery.js";
import { startFakeBotConnector, type FakeBotConnector } from "../tests/support/fake-bot-connector.js";
import { appLimit, busiestWindow, exited, format, lostAndDuplicated, sleep, startWorkerProcess, statusCounts } from "./outbox-bench-support.js";

const [messages, conversations, crashMessages, kills, latencyMs] = [3_000, 100, 1_000, 3, 20].map((fallback, index) => {
  const value = Number(process.argv[2 + index]);
  return Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}) as [number, number, number, number, number];
const actor = { id: "system:outbox-bench" };
const folder = mkdtempSync(join(tmpdir(), "golden-thread-outbox-bench-"));

/** A small seeded generator, so every run spreads messages over conversations the same way. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Creates the conversations and queues `count` messages spread at random over them; returns the idempotency keys. */
async function fill(store: Store, connector: FakeBotConnector, count: number): Promise<string[]> {
  await store.transaction(async (tx) => {
    for (let index = 0; index < conversations; index += 1) {
      const conversationId = `a:bench-personal-${index}`;
      await tx.create(
        "teamsConversation",
        {
          conversationId,
          conversationType: "personal",
          personId: `person-${index}`,
          status: "installed",
          reference: {
            conversation: { id: conversationId, conversationType: "personal", tenantId: "tenant-bench" },
            serviceUrl: connector.serviceUrl,
            channelId: "msteams",
            bot: { id: "28:bench-bot" },
            user: { id: `29:person-${index}`, aadObjectId: `aad-${index}` },
          },
        },
        actor,
      );
    }
  });
  const random = seeded(count);
  const keys: string[] = [];
  for (let start = 0; start < count; start += 500) {
    await store.transaction(async (tx) => {
      for (let index = start; index < Math.min(start + 500, count); index += 1) {
        const recipient = `person-${Math.floor(random() * conversations)}`;
        await enqueueNotification(tx, recipient, { kind: "action_raised", actionId: `action-${index}` }, actor);
        keys.push(`action_raised:action-${index}:${recipient}`);
      }
    });
  }
  return keys;
}

console.log(`Outbox benchmark, Node ${process.version}; connector stand-in enforces Teams' limits, answers after ${latencyMs} ms`);

// 1. Sustained rate in one process.
{
  const connector = await startFakeBotConnector({ rateLimit: true, latencyMs });
  const store = new SqliteStore({ path: join(folder, "sustained.sqlite") });
  const keys = await fill(store, connector, messages);
  const teams = localTeamsDelivery();
  const worker = new OutboxWorker({
    store,
    actor,
    delivery: {
      render: async (message) => ({ type: "message", text: "Golden Thread benchmark message", channelData: { idempotencyKey: message.idempotencyKey } }),
      send: (conversation, activity) => teams.send(conversation, activity),
    },
  });
  console.log(`\n1. sustained rate: ${format(messages)} messages over ${conversations} conversations, one worker (concurrency 4)`);
  const started = Date.now();
  worker.start();
  while (connector.sent.length < keys.length && Date.now() - started < 10 * 60_000) await sleep(50);
  await worker.stop();
  const times = connector.sent.map((sent) => sent.receivedAt!);
  const spanMs = Math.max(...times) - Math.min(...times);
  const rate = ((times.length - 1) / spanMs) * 1_000;
  const perConversation = new Map<string, number[]>();
  for (const sent of connector.sent) perConversation.set(sent.conversationId, [...(perConversation.get(sent.conversationId) ?? []), sent.receivedAt!]);
  const busiestConversation = Math.max(...[...perConversation.values()].map((conversationTimes) => busiestWindow(conversationTimes, 1_000)));
  const { lost, duplicated } = lostAndDuplicated(keys, connector);
  console.log(`   delivered ${format(connector.sent.length)} in ${format((Date.now() - started) / 1000, 1)} s`);
  console.log(`   sustained send rate ${format(rate, 1)} messages/s = ${format(rate / appLimit, 3)} of the ${appLimit} requests/s app limit`);
  console.log(`   requests answered 429: ${format(connector.throttled)} of ${format(connector.requests.length)}`);
  console.log(`   busiest second at the connector: ${busiestWindow(times, 1_000)} sends (app limit ${appLimit}); busiest conversation second: ${busiestConversation} (limit 7)`);
  console.log(`   lost ${lost}, duplicated ${duplicated}; store: ${await statusCounts(store)}`);
  await store.close();
  await connector.close();
}

// 2. Crash recovery across processes.
{
  const connector = await startFakeBotConnector({ rateLimit: true, latencyMs });
  const path = join(folder, "crash.sqlite");
  const setup = new SqliteStore({ path });
  const keys = await fill(setup, connector, crashMessages);
  await setup.close();
  const leaseMs = 1_000;
  console.log(`\n2. crash test: ${format(crashMessages)} messages, ${kills} worker process(es) killed with SIGKILL part-way, then one runs to the end`);
  console.log(`   (a message left 'sending' by a dead worker is sent again after a ${format(leaseMs)} ms lease: at-least-once)`);

  const startWorker = () => startWorkerProcess(path, leaseMs);

  const started = Date.now();
  for (let kill = 1; kill <= kills; kill += 1) {
    const threshold = Math.floor((crashMessages * kill) / (kills + 1));
    const child = startWorker();
    while (connector.sent.length < threshold && child.exitCode === null) await sleep(2);
    child.kill("SIGKILL");
    await exited(child);
    const afterKill = new SqliteStore({ path });
    const inFlight = (await afterKill.query("outboxMessage", { where: { status: "sending" }, limit: 500 })).records.length;
    await afterKill.close();
    console.log(`   kill ${kill}: after ${format(connector.sent.length)} received; ${inFlight} message(s) left 'sending'`);
  }
  const last = startWorker();
  const code = await exited(last);
  const { lost, duplicated } = lostAndDuplicated(keys, connector);
  const store = new SqliteStore({ path });
  console.log(`   last worker exited with ${code} after ${format((Date.now() - started) / 1000, 1)} s in all`);
  console.log(`   received ${format(connector.sent.length)} activities for ${format(keys.length)} messages: lost ${lost}, duplicated ${duplicated}`);
  console.log(`   requests answered 429: ${format(connector.throttled)} of ${format(connector.requests.length)}; store: ${await statusCounts(store)}`);
  await store.close();
  await connector.close();
}

rmSync(folder, { recursive: true, force: true });
