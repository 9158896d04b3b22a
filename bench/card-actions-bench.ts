// Prints the time the server takes to answer an adaptiveCard/action invoke
// (median and p95 over 1,000 actions) on the SQLite store: save-draft
// actions on the grading card, the commonest action in daily use. Timed on
// the client over loopback, so the figures include local HTTP, no network.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "../api/app.js";
import { loadConfig } from "../api/config.js";
import { startFakeBotConnector } from "../tests/support/fake-bot-connector.js";
import { cardAction, demoUser } from "../tests/support/teams-activities.js";

const actions = Number(process.argv[2] ?? 1000);
const dataDir = mkdtempSync(join(tmpdir(), "golden-thread-bench-actions-"));
const connector = await startFakeBotConnector();
const app = await startApp(loadConfig({ HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir }), () => undefined);
const tom = demoUser("person-psw"); // auditor of the seeded in-progress audit
const grades = ["good", "requires_improvement", "outstanding", "inadequate"];

const post = (body: object) =>
  fetch(`${app.url}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

for (let warmup = 0; warmup < 50; warmup += 1) {
  await post(cardAction(tom, connector.serviceUrl, "audit.assess", { auditId: "audit-in-progress", "grade:voice": "good" }));
}

const timings: number[] = [];
let failures = 0;
for (let index = 0; index < actions; index += 1) {
  const activity = cardAction(tom, connector.serviceUrl, "audit.assess", {
    auditId: "audit-in-progress",
    "grade:planning": grades[index % grades.length],
    overallGrade: grades[(index + 1) % grades.length],
    workingWell: `Observation ${index}`,
  });
  const started = process.hrtime.bigint();
  const response = await post(activity);
  const body = (await response.json()) as { type?: string };
  timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (response.status !== 200 || body.type !== "application/vnd.microsoft.card.adaptive") failures += 1;
}

timings.sort((a, b) => a - b);
const at = (fraction: number) => timings[Math.min(timings.length - 1, Math.floor(fraction * timings.length))]!;
console.log(`adaptiveCard/action round trip (save draft on the grading card), SQLite store, ${actions} actions, Node ${process.version}`);
console.log(`  median ${at(0.5).toFixed(2)} ms   p95 ${at(0.95).toFixed(2)} ms   p99 ${at(0.99).toFixed(2)} ms   max ${timings.at(-1)!.toFixed(2)} ms`);
console.log(`  answers that were not an updated card: ${failures}`);
console.log(`  audit-log entries written: ${(await app.store.auditLog({ kind: "audit", recordId: "audit-in-progress", limit: 1000 })).length} (latest 1,000 shown at most)`);
await app.stop();
await connector.close();
rmSync(dataDir, { recursive: true, force: true });
