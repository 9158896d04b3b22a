// Prints how the SharePoint store's delta sync copes at 100,000 audits
// against the local Graph stand-in with 100 ms added to every request and a
// throttle budget: the first full sync, an incremental one, a resync after
// 410 Gone, and a bulk write through JSON batches. Figures only; nothing
// here passes or fails.
import { parseRecord, type RecordKind } from "../api/domain/records/index.js";
import type { Saved } from "../api/store/port.js";
import { DeltaReplica, deltaPageSize } from "../api/store/sharepoint/delta-replica.js";
import { GraphTransport } from "../api/store/sharepoint/graph-transport.js";
import { itemFields } from "../api/store/sharepoint/list-items.js";
import { recordListName } from "../api/store/sharepoint/list-schema.js";
import { provisionLists } from "../api/store/sharepoint/provision.js";
import { SharePointStore } from "../api/store/sharepoint/sharepoint-store.js";
import { GraphStandIn } from "../tests/support/graph-stand-in.js";

const audits = Number(process.argv[2] ?? 100_000);
const changed = Number(process.argv[3] ?? 1_000);
const bulkWrites = Number(process.argv[4] ?? 300);
const latencyMs = 100;
const budget = { requests: 300, windowMs: 10_000 };
const statuses = ["planned", "assigned", "in_progress", "submitted", "completed"] as const;

const standIn = await new GraphStandIn({ latencyMs, throttleBudget: budget }).start();
const graph = new GraphTransport({ baseUrl: standIn.url, tokens: { accessToken: async () => "bench-token" } });

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const row = (label: string, ms: number, requests: number, extra = "") =>
  console.log(`${label.padEnd(46)} ${seconds(ms).padStart(9)}  ${String(requests).padStart(6)} requests  ${extra}`);

async function measure<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; requests: number; throttles: number }> {
  const requestsBefore = graph.requestCount;
  const throttlesBefore = graph.gate.throttles;
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started, requests: graph.requestCount - requestsBefore, throttles: graph.gate.throttles - throttlesBefore };
}

try {
  console.log(`SharePoint sync benchmark: ${audits.toLocaleString("en-GB")} audits, ${latencyMs} ms per request, throttle budget ${budget.requests} requests per ${budget.windowMs / 1000} s, delta pages of ${deltaPageSize}\n`);
  await provisionLists(graph, standIn.siteId);
  const store = await SharePointStore.open({ siteId: standIn.siteId, graph });

  // Seed the list directly in the stand-in (no HTTP): what a year or two of audits looks like.
  const at = new Date().toISOString();
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < audits; index += 1) {
    const record = parseRecord("audit", {
      type: "regular",
      toolId: "tool-1",
      caseId: `case-${index}`,
      status: statuses[index % statuses.length],
      auditorId: `person-${index % 40}`,
      teamId: `team-${index % 12}`,
      dueDate: `2026-${String((index % 12) + 1).padStart(2, "0")}-15`,
    });
    rows.push(itemFields("audit", { ...record, id: `audit-${index}`, etag: "", createdAt: at, updatedAt: at } as Saved<RecordKind>));
  }
  standIn.seedItems(recordListName("audit"), rows);

  const replica = new DeltaReplica(graph, store.listPath(recordListName("audit")), "audit");
  const initial = await measure(() => replica.sync());
  row("initial sync (whole list through delta)", initial.ms, initial.requests, `${Math.round(audits / (initial.ms / 1000)).toLocaleString("en-GB")} items/s, ${initial.throttles} throttles, ${replica.size.toLocaleString("en-GB")} held`);
  console.log(`${"".padEnd(46)} process memory with the copy held (and the stand-in's own copy): ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);

  const idle = await measure(() => replica.sync());
  row("incremental sync, nothing changed", idle.ms, idle.requests);

  for (let index = 0; index < changed; index += 1) {
    standIn.editItemDirectly(recordListName("audit"), 1 + ((index * 97) % audits), { gtStatus: "cancelled" });
  }
  const incremental = await measure(() => replica.sync());
  row(`incremental sync, ${changed.toLocaleString("en-GB")} audits changed`, incremental.ms, incremental.requests, `${incremental.result.changes} changes, ${incremental.throttles} throttles`);

  standIn.expireDeltaTokens(recordListName("audit"));
  const resync = await measure(() => replica.sync());
  row("resync after 410 Gone (whole list again)", resync.ms, resync.requests, `${resync.throttles} throttles`);

  const bulk = await measure(() =>
    store.transaction(async (tx) => {
      for (let index = 0; index < bulkWrites; index += 1) await tx.create("action", { title: `Update the plan ${index}`, ownerId: `person-${index % 40}`, dueDate: "2026-12-01" }, { id: "system:bench" });
    }),
  );
  const steps = standIn.requests.filter((request) => request.inBatch).length;
  row(`bulk write: ${bulkWrites} actions in one transaction`, bulk.ms, bulk.requests, `${steps} batch steps (change + audit-log entry each), ${bulk.throttles} throttles`);
  const actions = standIn.listNamed(recordListName("action")).items.size;
  const logged = standIn.listNamed("GoldenThread-AuditLog").items.size;
  console.log(`\nAfter the bulk write: ${actions} actions and ${logged} audit-log entries in SharePoint (expected ${bulkWrites} of each).`);
} finally {
  await standIn.stop();
}
