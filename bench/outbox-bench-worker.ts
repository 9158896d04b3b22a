// One outbox worker process for bench/outbox-bench.ts: sends the outbox in a
// SQLite file through the real TeamsDelivery to whatever connector the stored
// conversation references point at, and exits once nothing is left to send.
// The benchmark kills it with SIGKILL part-way to test crash recovery.
//
//   node --import tsx bench/outbox-bench-worker.ts <sqlite file> <sending lease ms>
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import { OutboxWorker } from "../bot/outbox/outbox-worker.js";
import { localTeamsDelivery } from "../bot/outbox/teams-delivery.js";

const [path, leaseArgument] = process.argv.slice(2);
if (!path) {
  console.error("usage: outbox-bench-worker.ts <sqlite file> [sending lease ms]");
  process.exit(2);
}
const store = new SqliteStore({ path });
const teams = localTeamsDelivery((line) => console.error(line));
const worker = new OutboxWorker({
  store,
  actor: { id: "system:outbox-bench" },
  pollIntervalMs: 100,
  sendingLeaseMs: Number(leaseArgument ?? 1_000),
  delivery: {
    // The idempotency key travels with the activity so the connector can count duplicates.
    render: async (message) => ({ type: "message", text: "Golden Thread benchmark message", channelData: { idempotencyKey: message.idempotencyKey } }),
    send: (conversation, activity) => teams.send(conversation, activity),
  },
});
worker.start();

const anyWith = async (status: "pending" | "sending") =>
  (await store.query("outboxMessage", { where: { status }, limit: 1 })).records.length > 0;

for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  if (!(await anyWith("pending")) && !(await anyWith("sending"))) break;
}
await worker.stop();
await store.close();
