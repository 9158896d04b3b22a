// Prints how long the monthly report pack takes to build from the SQLite
// store and to render as Word (charts rasterised by resvg) and as printable
// HTML, for one month holding `audits` submitted audits (a quarter of them
// moderated, one action each), with the document sizes. Figures only;
// nothing here passes or fails on time.
//
//   npx tsx bench/report-pack-bench.ts [audits in the month] [runs]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Viewer } from "../api/auth/viewer.js";
import { reportPackDocx } from "../api/documents/report-pack-docx.js";
import { reportPackHtml } from "../api/documents/report-pack-html.js";
import { demoAuditTool, demoCases, demoTeams } from "../api/seed/demo-authority.js";
import { seedDemoAuthority } from "../api/seed/seed-demo.js";
import { DfeCatalogue } from "../api/comparators/dfe-catalogue.js";
import { loadConfig } from "../api/config.js";
import { PerformanceService } from "../api/services/performance.js";
import { buildReportPack } from "../api/services/report-pack.js";
import { WorkforceVoice } from "../api/services/workforce-voice.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";

const grades = ["outstanding", "good", "good", "requires_improvement", "inadequate"];
const month = "2026-10";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const auditCount = Number(process.argv[2] ?? 2000);
  const runs = Number(process.argv[3] ?? 7);
  const dataDir = mkdtempSync(join(tmpdir(), "golden-thread-bench-report-"));
  const store = new SqliteStore({ path: join(dataDir, "golden-thread.sqlite") });
  try {
    await seedDemoAuthority(store, new Date(`${month}-31T12:00:00Z`));
    const actor = { id: "bench" };
    const serviceOf = Object.fromEntries(demoTeams.map(({ id, record }) => [id, record.serviceId]));
    const seedStarted = performance.now();
    await store.transaction(async (tx) => {
      for (let index = 0; index < auditCount; index += 1) {
        const { id: caseId, record } = demoCases[index % demoCases.length]!;
        const grade = grades[index % grades.length]!;
        const day = String(1 + (index % 28)).padStart(2, "0");
        const audit = await tx.create(
          "audit",
          {
            type: "regular",
            toolId: demoAuditTool.id,
            caseId,
            teamId: record.teamId,
            serviceId: serviceOf[record.teamId!],
            theme: index % 3 === 0 ? "Neglect" : undefined,
            status: "completed",
            auditorId: "person-tm-assessment",
            overallGrade: grade,
            sectionGrades: demoAuditTool.record.sections.map((section) => ({ sectionKey: section.key, grade })),
            findings: { workingWell: [`Working well ${index}`], needsToBeBetter: [`Needs to be better ${index}`] },
            submittedAt: `${month}-${day}T10:00:00.000Z`,
            completedAt: `${month}-${day}T11:00:00.000Z`,
          },
          actor,
        );
        if (index % 4 === 0) {
          await tx.create(
            "moderation",
            { auditId: audit.id, moderatorId: "person-qa-lead", status: "completed", outcome: "agreed", completedAt: `${month}-${day}T12:00:00.000Z`, grades: [{ sectionKey: "overall", auditorGrade: grade, moderatorGrade: grade }] },
            actor,
          );
        }
        await tx.create("action", { title: `Action ${index}`, ownerId: "person-tm-assessment", teamId: record.teamId, dueDate: `${month}-${day}`, auditId: audit.id }, actor);
      }
    });
    console.log(`report pack for ${month}: ${auditCount.toLocaleString("en-GB")} audits (${Math.ceil(auditCount / 4).toLocaleString("en-GB")} moderated, one action each) seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; SQLite store, Node ${process.version}`);

    const person = (await store.get("person", "person-qa-lead"))!;
    const viewer: Viewer = { person, roles: person.roles, signIn: "local", serviceTeamIds: [] };
    const now = new Date(`${month}-31T12:00:00Z`);
    const sources = { performance: new PerformanceService(store, new DfeCatalogue(loadConfig({}).dfeDataDir)), workforce: new WorkforceVoice(store, () => now) };
    const timings = { build: [] as number[], docx: [] as number[], html: [] as number[] };
    let docxBytes = 0;
    let htmlBytes = 0;
    let charts = 0;
    for (let run = 0; run < runs; run += 1) {
      let started = performance.now();
      const { pack } = await buildReportPack(store, sources, viewer, month, { kind: "authority" }, now);
      timings.build.push(performance.now() - started);
      charts = pack.sections.filter((section) => section.chart).length;
      started = performance.now();
      docxBytes = (await reportPackDocx(pack)).length;
      timings.docx.push(performance.now() - started);
      started = performance.now();
      htmlBytes = Buffer.byteLength(reportPackHtml(pack));
      timings.html.push(performance.now() - started);
    }
    console.log(`median of ${runs} runs:`);
    console.log(`  build the model from the store  ${median(timings.build).toFixed(0)} ms`);
    console.log(`  render Word (.docx, ${charts} charts)   ${median(timings.docx).toFixed(0)} ms, ${(docxBytes / 1024).toFixed(0)} KB`);
    console.log(`  render printable HTML           ${median(timings.html).toFixed(1)} ms, ${(htmlBytes / 1024).toFixed(0)} KB`);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
