// Prints how fast the SQLite store writes and reads at a realistic volume: an
// authority running 20,000 audits. Figures only; nothing here passes or fails.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";

const audits = Number(process.argv[2] ?? 20_000);
const folder = mkdtempSync(join(tmpdir(), "golden-thread-bench-"));
const path = join(folder, "bench.sqlite");
const store = new SqliteStore({ path });
const actor = { id: "system:bench" };
const statuses = ["planned", "assigned", "in_progress", "submitted", "completed"] as const;

const time = async <T>(label: string, work: () => Promise<T>, count = 1): Promise<T> => {
  const started = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rate = count > 1 ? `  (${Math.round((count / ms) * 1000).toLocaleString("en-GB")} per second)` : "";
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${rate}`);
  return result;
};

const auditFor = (index: number) => ({
  type: "regular" as const,
  toolId: "tool-1",
  caseId: `case-${index}`,
  status: statuses[index % statuses.length],
  auditorId: `person-${index % 40}`,
  dueDate: `2026-${String((index % 12) + 1).padStart(2, "0")}-15`,
});

console.log(`SQLite store, ${audits.toLocaleString("en-GB")} audits, Node ${process.version}`);
await time(`create ${audits} audits in batches of 500 (transactions)`, async () => {
  for (let start = 0; start < audits; start += 500) {
    await store.transaction(async (tx) => {
      for (let index = start; index < Math.min(start + 500, audits); index += 1) await tx.create("audit", auditFor(index), actor);
    });
  }
}, audits);
await time("create 1,000 audits one at a time", async () => {
  for (let index = 0; index < 1000; index += 1) await store.create("audit", auditFor(audits + index), actor);
}, 1000);
const page = await time("first page of one auditor's submitted audits (indexed)", () =>
  store.query("audit", { where: { auditorId: "person-3", status: "submitted" }, limit: 50 }),
);
console.log(`  ${page.records.length} records on the page`);
await time("page through all audits, 500 at a time", async () => {
  let cursor: string | undefined;
  let seen = 0;
  do {
    const next = await store.query("audit", { limit: 500, cursor });
    seen += next.records.length;
    cursor = next.nextCursor;
  } while (cursor);
  return seen;
});
const first = (await store.query("audit", { limit: 1 })).records[0]!;
await time("1,000 updates with ETags (each writes the audit log)", async () => {
  let etag = first.etag;
  for (let index = 0; index < 1000; index += 1) etag = (await store.update("audit", first.id, { answers: [{ questionKey: "q", answer: `v${index}` }] }, etag, actor)).etag;
}, 1000);
await store.close();
console.log(`database file ${(statSync(path).size / 1024 / 1024).toFixed(1)} MB; resident memory ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
rmSync(folder, { recursive: true, force: true });
