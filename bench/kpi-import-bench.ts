// Prints how long a KPI values import takes through the API, from the POST to
// the import record saying "imported" (polled as the tab does), for a file
// near the largest the API accepts (about 4,700 rows: every KPI for every
// place over many months), then re-importing the same file, which replaces
// every value. Also prints how many polls saw progress while it ran.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "../api/app.js";
import { loadConfig } from "../api/config.js";
import { addMonths, monthOf } from "../api/domain/performance/months.js";
import { demoKpis } from "../api/seed/seed-performance.js";

const months = Number(process.argv[2] ?? 110);
const dataDir = mkdtempSync(join(tmpdir(), "golden-thread-bench-kpi-"));
const app = await startApp(loadConfig({ HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir }), () => undefined);
const { token } = (await (await fetch(`${app.url}/api/local-sign-in`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ personId: "person-qa-lead" }) })).json()) as { token: string };
const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };

const places = [
  ["", ""],
  ["", "Front door and assessment"],
  ["", "Children in need and child protection"],
  ["", "Children in care and care leavers"],
  ["Assessment team", ""],
  ["Child protection team", ""],
  ["Children in care team", ""],
];
const rows = ["kpi_code,month,team,service,value"];
const latest = addMonths(monthOf(new Date()), -13); // clear of the seeded months
for (let index = 0; index < months; index += 1) {
  const month = addMonths(latest, -index);
  for (const kpi of demoKpis) for (const [team, service] of places) rows.push(`${kpi.record.code},${month},${team},${service},${(index % 50) + 10}`);
}
const csv = rows.join("\n");

async function timedImport(label: string): Promise<void> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${app.url}/api/performance/imports`, { method: "POST", headers, body: JSON.stringify({ fileName: "bench.csv", csv }) });
  const job = (await response.json()) as { id: string };
  let polls = 0;
  let progressSeen = 0;
  let record: { status: string; importedCount: number; replacedCount: number; progress?: unknown };
  for (;;) {
    record = (await (await fetch(`${app.url}/api/performance/imports/${job.id}`, { headers })).json()) as typeof record;
    polls += 1;
    if (record.progress) progressSeen += 1;
    if (!["validating", "writing"].includes(record.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `${label}: ${rows.length - 1} rows, ${Math.round(csv.length / 1024)} KB -> ${record.status}, ${record.importedCount} imported, ${record.replacedCount} replaced in ${seconds.toFixed(2)} s ` +
      `(${Math.round((rows.length - 1) / seconds)} rows/s); ${polls} polls, ${progressSeen} showed progress`,
  );
}

try {
  await timedImport("first import");
  await timedImport("re-import (replaces every value)");
} finally {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
