// One outbox worker process for the outbox benchmarks: sends the outbox in a
// SQLite file through the real TeamsDelivery to whatever connector the stored
// conversation references point at, and exits once nothing is left to send.
// The benchmarks kill it with SIGKILL part-way to test crash recovery.
//
//   node --import tsx bench/outbox-bench-worker.ts <sqlite file> <sending lease ms> [text|cards]
//
// "cards" renders each message's real card through the bot's card catalogue
// (as the server does); "text" sends a short text. SIGTERM stops it as a
// deploy would: sends in flight finish and are recorded, then it exits.
// With OUTBOX_TRANSPORT=storage-queue (and AZURE_STORAGE_CONNECTION_STRING,
// OUTBOX_QUEUE_NAME, OUTBOX_INSTANCES) it takes its messages from the queue,
// as one of several server instances.
import { loadConfig } from "../api/config.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import { OutboxWorker } from "../bot/outbox/outbox-worker.js";
import { localTeamsDelivery } from "../bot/outbox/teams-delivery.js";
import { outboxTransportSettings } from "../bot/outbox/transport-settings.js";
import { benchActivity } from "./outbox-bench-support.js";

const [path, leaseArgument, renderArgument = "text"] = process.argv.slice(2);
if (!path) {
  console.error("usage: outbox-bench-worker.ts <sqlite file> [sending lease ms] [text|cards]");
  process.exit(2);
}
const store = new SqliteStore({ path });
const teams = localTeamsDelivery((line) => console.error(line));
const sendingLeaseMs = Number(leaseArgument ?? 1_000);
const transport = outboxTransportSettings(loadConfig(process.env).outbox, store, () => new Date(), () => undefined, sendingLeaseMs);
const worker = new OutboxWorker({
  store,
  actor: { id: "system:outbox-bench" },
  ...transport,
  pollIntervalMs: 100,
  sendingLeaseMs,
  delivery: {
    render: (message) => benchActivity(store, message, renderArgument === "cards" ? "cards" : "text"),
    send: (conversation, activity) => teams.send(conversation, activity),
  },
});
worker.start();
process.once("SIGTERM", () => {
  void worker
    .stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});

const anyWith = async (status: "pending" | "sending") =>
  (await store.query("outboxMessage", { where: { status }, limit: 1 })).records.length > 0;

for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  if (!(await anyWith("pending")) && !(await anyWith("sending"))) break;
}
await worker.stop();
await store.close();
