// What the outbox benchmarks share: counting what the Bot Connector stand-in
// received against what was queued, the busiest window of sends, the
// store's outbox by status, and worker processes to kill and restart.
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Saved, Store } from "../api/store/port.js";
import { cardFor, subjectOf } from "../bot/card-catalogue.js";
import type { FakeBotConnector } from "../tests/support/fake-bot-connector.js";

export const appLimit = 50;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const format = (value: number, digits = 0) => value.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Most sends inside any span of `spanMs`. */
export function busiestWindow(times: number[], spanMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= spanMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Queued keys never received, and receipts beyond the first of a key (the activity carries its idempotency key in channelData). */
export function lostAndDuplicated(keys: string[], connector: FakeBotConnector): { lost: number; duplicated: number } {
  const received = new Map<string, number>();
  for (const sent of connector.sent) {
    const key = (sent.activity.channelData as { idempotencyKey?: string } | undefined)?.idempotencyKey ?? "";
    received.set(key, (received.get(key) ?? 0) + 1);
  }
  const lost = keys.filter((key) => !received.has(key)).length;
  const duplicated = [...received.values()].reduce((extra, times) => extra + Math.max(0, times - 1), 0);
  return { lost, duplicated };
}

export async function statusCounts(store: Store): Promise<string> {
  const counts = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await store.query("outboxMessage", { limit: 500, cursor });
    for (const message of page.records) counts.set(message.status, (counts.get(message.status) ?? 0) + 1);
    cursor = page.nextCursor;
  } while (cursor);
  return [...counts].map(([status, count]) => `${status} ${format(count)}`).join(", ");
}

/** One outbox worker process over a SQLite file (bench/outbox-bench-worker.ts); `environment` can put it on a Storage queue. */
export function startWorkerProcess(path: string, leaseMs: number, render: "text" | "cards" = "text", environment: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(root, "bench", "outbox-bench-worker.ts"), path, String(leaseMs), render], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...environment },
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));
}

/**
 * The activity a benchmark worker sends: the message's real card from the
 * bot's card catalogue ("cards", as the server renders it) or a short text,
 * carrying the idempotency key so the connector can count duplicates.
 */
export async function benchActivity(store: Store, message: Saved<"outboxMessage">, render: "text" | "cards"): Promise<Record<string, unknown>> {
  const channelData = { idempotencyKey: message.idempotencyKey };
  if (render === "text") return { type: "message", text: "Golden Thread benchmark message", channelData };
  const context = { store, tabUrl: "https://qa.example.gov.uk/tab/", today: new Date().toISOString().slice(0, 10), viewerId: message.recipientId };
  const card = await cardFor(subjectOf(message.notification), context);
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }], channelData };
}
