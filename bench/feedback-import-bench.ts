// Prints how long a participation tool's CSV import takes at the largest size
// allowed (2,000 rows), importing the same file again (every row already
// there), and a file with one bad row (checked in full, nothing saved); and
// how long the register's standing (each complaint's stages against their
// timescales) takes to work out. Figures only; nothing here passes or fails.
// Run: npx tsx bench/feedback-import-bench.ts [rows]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemoAuthority } from "../api/seed/seed-demo.js";
import { importFeedbackCsv, maxImportRows } from "../api/services/feedback-import.js";
import { standingOf } from "../api/services/feedback-register.js";
import { allRecords } from "../api/store/all-records.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";

const rows = Math.min(Number(process.argv[2] ?? maxImportRows), maxImportRows);
const folder = mkdtempSync(join(tmpdir(), "golden-thread-bench-"));
const store = new SqliteStore({ path: join(folder, "bench.sqlite") });
const actor = { id: "system:bench" };
const today = new Date().toISOString().slice(0, 10);
const settings = { sourceSystem: "Mind of My Own", mayRecordFor: () => true, today };

const time = async <T>(label: string, work: () => Promise<T>, count = 1): Promise<T> => {
  const started = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rate = count > 1 ? `  (${Math.round((count / ms) * 1000).toLocaleString("en-GB")} per second)` : "";
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${rate}`);
  return result;
};

const teams = ["Assessment team", "Child protection team", "Children in care team"];
const day = (index: number) => new Date(Date.now() - (1 + (index % 300)) * 86_400_000).toISOString().slice(0, 10);
const line = (index: number, type = index % 3 === 0 ? "complaint" : "compliment") =>
  `MOMO-${index},${type},${day(index)},child_or_young_person,Theme ${index % 12},${teams[index % 3]},NM-${100000 + (index % 900)},"Said in their words, row ${index}"`;
const header = "source_id,type,received_on,source,theme,team,case_reference,summary";
const file = [header, ...Array.from({ length: rows }, (_, index) => line(index))].join("\n");

try {
  await seedDemoAuthority(store);
  console.log(`Feedback CSV import, ${rows.toLocaleString("en-GB")} rows, SQLite, Node ${process.version}`);
  const first = await time(`import ${rows} new rows (one transaction)`, () => importFeedbackCsv(store, file, settings, actor), rows);
  console.log(`  imported ${first.imported}, already there ${first.alreadyImported}`);
  const again = await time(`import the same file again (all already imported)`, () => importFeedbackCsv(store, file, settings, actor), rows);
  console.log(`  imported ${again.imported}, already there ${again.alreadyImported}`);
  const bad = [header, ...Array.from({ length: rows - 1 }, (_, index) => line(rows + index)), line(rows * 2, "praise")].join("\n");
  await time(`a new file with its last row bad (nothing saved)`, async () => {
    try {
      await importFeedbackCsv(store, bad, settings, actor);
    } catch (error) {
      console.log(`  refused: ${(error as Error).message.slice(0, 90)}…`);
    }
  }, rows);
  const all = await time("read the whole register", () => allRecords(store, "feedback"));
  await time(`work out the standing of ${all.length} records`, async () => all.map((feedback) => standingOf(feedback, today)), all.length);
} finally {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}
