// Prints how fast a learning bulletin reaches 5,000 staff 1:1 through the
// outbox, against a Bot Connector stand-in that enforces Teams' rate limits
// (429 with Retry-After): the fan-out time as a multiple of the rate-limit
// minimum (5,000 sends at Teams' 50 requests/second per app: (n - 1) / 50 s),
// and, after killing the worker process with SIGKILL part-way and starting it
// again, how many cards were lost or arrived twice. Figures only; nothing
// here passes or fails.
//
// A third run sends through Azure Storage Queues (Azurite, started here) with
// two server instances sharing the queue, one of them killed part-way and
// replaced.
//
// Azurite is an in-memory emulator and slows down as its queue grows, so this
// run sends to fewer recipients and its time measures the emulator, not Azure:
// it is there for the lost and duplicated counts with several instances.
//
//   npx tsx bench/bulletin-fanout-bench.ts [recipients=5000] [kills=2] [latency ms=20] [queue run recipients=1000]
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir, availableParallelism } from "node:os";
import { join } from "node:path";
import { BulletinService } from "../api/services/bulletins.js";
import type { Store } from "../api/store/port.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import { OutboxWorker } from "../bot/outbox/outbox-worker.js";
import { localTeamsDelivery } from "../bot/outbox/teams-delivery.js";
import { startAzurite } from "../tests/support/azurite.js";
import { startFakeBotConnector, type FakeBotConnector } from "../tests/support/fake-bot-connector.js";
import { appLimit, benchActivity, busiestWindow, exited, format, lostAndDuplicated, sleep, startWorkerProcess, statusCounts } from "./outbox-bench-support.js";

const [recipients, kills, latencyMs, queueRecipients] = [5_000, 2, 20, 1_000].map((fallback, index) => {
  const value = Number(process.argv[2 + index]);
  return Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}) as [number, number, number, number];
const actor = { id: "system:bulletin-bench" };
const folder = mkdtempSync(join(tmpdir(), "golden-thread-bulletin-bench-"));
const minimumSeconds = (recipients - 1) / appLimit;

/** The PSW, `count` staff each with the bot installed in their 1:1 chat, and a drafted bulletin for all of them. */
async function prepare(store: Store, connector: FakeBotConnector, count: number): Promise<{ bulletinId: string; etag: string }> {
  await store.transaction(async (tx) => {
    await tx.create("person", { displayName: "Bench PSW", email: "psw@bench.example", roles: ["principal_social_worker"] }, actor, { id: "person-psw" });
    for (let index = 0; index < count; index += 1) {
      const personId = `person-${index}`;
      await tx.create("person", { displayName: `Staff member ${index}`, email: `staff${index}@bench.example`, roles: ["practitioner"] }, actor, { id: personId });
      const conversationId = `a:bench-personal-${index}`;
      await tx.create(
        "teamsConversation",
        {
          conversationId,
          conversationType: "personal",
          personId,
          status: "installed",
          reference: {
            conversation: { id: conversationId, conversationType: "personal", tenantId: "tenant-bench" },
            serviceUrl: connector.serviceUrl,
            channelId: "msteams",
            bot: { id: "28:bench-bot" },
            user: { id: `29:${personId}` },
          },
        },
        actor,
      );
    }
  });
  const psw = (await store.get("person", "person-psw"))!;
  const bulletin = await new BulletinService(store).create(
    {
      title: "Learning from October's audits: hearing the child",
      summary: "Our audits found strong relationships with families, and plans that did not always say what the child wants.",
      keyMessages: ["Write the child's own words into the plan", "Say who will do what by when"],
      themes: ["Voice of the child", "Planning"],
      layout: "seven_minute_briefing",
      audience: { channelIds: [], teamIds: [], personIds: Array.from({ length: count }, (_, index) => `person-${index}`), personalChats: false },
    },
    psw,
  );
  return { bulletinId: bulletin.id, etag: bulletin.etag };
}

async function publish(store: Store, prepared: { bulletinId: string; etag: string }, count: number): Promise<{ keys: string[]; enqueueMs: number }> {
  const psw = (await store.get("person", "person-psw"))!;
  const started = Date.now();
  const { bulletin } = await new BulletinService(store).publish(prepared.bulletinId, {}, psw, prepared.etag);
  const enqueueMs = Date.now() - started;
  const keys = Array.from({ length: count }, (_, index) => `bulletin_published:${bulletin.id}:person-${index}:${bulletin.publishAt}`);
  return { keys, enqueueMs };
}

console.log(`Bulletin fan-out benchmark, Node ${process.version}: ${format(recipients)} recipients, 1:1 cards rendered by the card catalogue`);
console.log(`Connector stand-in enforces Teams' limits and answers after ${latencyMs} ms. Rate-limit minimum: ${format(minimumSeconds, 1)} s (${appLimit} sends/s per app).`);

// 1. A running server's worker, from the PSW pressing "Send now" to the last card.
{
  const connector = await startFakeBotConnector({ rateLimit: true, latencyMs });
  const store = new SqliteStore({ path: join(folder, "fanout.sqlite") });
  const prepared = await prepare(store, connector, recipients);
  const teams = localTeamsDelivery();
  const worker = new OutboxWorker({
    store,
    actor,
    delivery: { render: (message) => benchActivity(store, message, "cards"), send: (conversation, activity) => teams.send(conversation, activity) },
  });
  worker.start();
  const started = Date.now();
  const cpuAtStart = process.cpuUsage();
  const { keys, enqueueMs } = await publish(store, prepared, recipients);
  worker.wake();
  while (connector.sent.length < keys.length && Date.now() - started < 30 * 60_000) await sleep(20);
  const lastAt = Math.max(...connector.sent.map((sent) => sent.receivedAt!));
  const cpu = process.cpuUsage(cpuAtStart);
  const [load] = loadavg();
  await sleep(500); // anything extra would arrive now
  await worker.stop();
  const times = connector.sent.map((sent) => sent.receivedAt!);
  const sendSpan = (Math.max(...times) - Math.min(...times)) / 1000;
  const total = (lastAt - started) / 1000;
  const { lost, duplicated } = lostAndDuplicated(keys, connector);
  console.log(`\n1. fan-out: "Send now" queued ${format(keys.length)} cards in ${format(enqueueMs / 1000, 1)} s (one transaction); one worker, concurrency 4`);
  console.log(`   "Send now" to last card: ${format(total, 1)} s = ${format(total / minimumSeconds, 3)} × the rate-limit minimum`);
  console.log(`   first card to last: ${format(sendSpan, 1)} s = ${format(sendSpan / minimumSeconds, 3)} × the rate-limit minimum`);
  console.log(`   busiest second at the connector: ${busiestWindow(times, 1_000)} sends (limit ${appLimit}); requests answered 429: ${format(connector.throttled)} of ${format(connector.requests.length)}`);
  console.log(`   CPU used by this process (publish, worker and connector stand-in): ${format((cpu.user + cpu.system) / 1000 / keys.length, 1)} ms per card; machine load average ${format(load ?? 0, 1)} on ${availableParallelism()} CPUs`);
  console.log(`   lost ${lost}, duplicated ${duplicated}; store: ${await statusCounts(store)}`);
  await store.close();
  await connector.close();
}

// 2. Killed part-way and started again.
{
  const connector = await startFakeBotConnector({ rateLimit: true, latencyMs });
  const path = join(folder, "crash.sqlite");
  const setup = new SqliteStore({ path });
  const prepared = await prepare(setup, connector, recipients);
  const { keys } = await publish(setup, prepared, recipients);
  await setup.close();
  const leaseMs = 1_000;
  console.log(`\n2. restart mid-send: the worker process is stopped once with SIGTERM (a deploy) and killed ${kills} time(s) with SIGKILL (a crash), each time started again`);
  console.log(`   (a card left 'sending' by a dead worker is sent again after a ${format(leaseMs)} ms lease: at-least-once)`);
  const started = Date.now();
  // First a restart as a deploy does it (SIGTERM: sends in flight finish), then crashes (SIGKILL).
  const stops: NodeJS.Signals[] = ["SIGTERM", ...Array.from({ length: kills }, (): NodeJS.Signals => "SIGKILL")];
  for (const [index, signal] of stops.entries()) {
    const threshold = Math.floor((recipients * (index + 1)) / (stops.length + 1));
    const child = startWorkerProcess(path, leaseMs, "cards");
    while (connector.sent.length < threshold && child.exitCode === null) await sleep(2);
    const before = lostAndDuplicated(keys, connector).duplicated;
    child.kill(signal);
    await exited(child);
    const afterStop = new SqliteStore({ path });
    const inFlight = (await afterStop.query("outboxMessage", { where: { status: "sending" }, limit: 500 })).records.length;
    await afterStop.close();
    console.log(`   ${signal} after ${format(connector.sent.length)} received: ${inFlight} card(s) left 'sending' (duplicates so far ${before})`);
  }
  const code = await exited(startWorkerProcess(path, leaseMs, "cards"));
  const elapsed = (Date.now() - started) / 1000;
  const { lost, duplicated } = lostAndDuplicated(keys, connector);
  const store = new SqliteStore({ path });
  console.log(`   last worker exited with ${code}; ${format(elapsed, 1)} s in all = ${format(elapsed / minimumSeconds, 3)} × the rate-limit minimum`);
  console.log(`   received ${format(connector.sent.length)} cards for ${format(keys.length)} recipients: lost ${lost}, duplicated ${duplicated}`);
  console.log(`   requests answered 429: ${format(connector.throttled)} of ${format(connector.requests.length)}; store: ${await statusCounts(store)}`);
  await store.close();
  await connector.close();
}

// 3. Two instances on a Storage queue, one killed and replaced.
{
  const azurite = await startAzurite();
  const connector = await startFakeBotConnector({ rateLimit: true, latencyMs });
  const path = join(folder, "queue.sqlite");
  const setup = new SqliteStore({ path });
  const prepared = await prepare(setup, connector, queueRecipients);
  const { keys } = await publish(setup, prepared, queueRecipients);
  const queueMinimumSeconds = (queueRecipients - 1) / appLimit;
  await setup.close();
  const leaseMs = 5_000;
  const environment = { OUTBOX_TRANSPORT: "storage-queue", AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, OUTBOX_QUEUE_NAME: "bench-outbox", OUTBOX_INSTANCES: "2" };
  console.log(`\n3. Azure Storage Queues (Azurite): ${format(queueRecipients)} recipients; two instances share the queue, each at half the app limit; one is killed with SIGKILL half-way and replaced`);
  console.log(`   (a card the dead instance held reappears on the queue after a ${format(leaseMs)} ms lease and is sent again: at-least-once)`);
  const started = Date.now();
  const first = startWorkerProcess(path, leaseMs, "cards", environment);
  const second = startWorkerProcess(path, leaseMs, "cards", environment);
  while (connector.sent.length < queueRecipients / 2 && second.exitCode === null) await sleep(2);
  second.kill("SIGKILL");
  await exited(second);
  console.log(`   killed one instance after ${format(connector.sent.length)} received`);
  const replacement = startWorkerProcess(path, leaseMs, "cards", environment);
  await Promise.all([exited(first), exited(replacement)]);
  const elapsed = (Date.now() - started) / 1000;
  const times = connector.sent.map((sent) => sent.receivedAt!);
  const { lost, duplicated } = lostAndDuplicated(keys, connector);
  const store = new SqliteStore({ path });
  console.log(`   first card to last: ${format((Math.max(...times) - Math.min(...times)) / 1000, 1)} s; ${format(elapsed, 1)} s in all (with process starts) = ${format(elapsed / queueMinimumSeconds, 3)} × the rate-limit minimum (the emulator's pace, not Azure's)`);
  console.log(`   busiest second at the connector: ${busiestWindow(times, 1_000)} sends (limit ${appLimit}); requests answered 429: ${format(connector.throttled)} of ${format(connector.requests.length)}`);
  console.log(`   received ${format(connector.sent.length)} cards for ${format(keys.length)} recipients: lost ${lost}, duplicated ${duplicated}; store: ${await statusCounts(store)}`);
  await store.close();
  await connector.close();
  azurite.stop();
}

rmSync(folder, { recursive: true, force: true });
