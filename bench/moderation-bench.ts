// Prints how fast the moderation agreement figures come back as moderations
// pile up: GET /api/moderation/agreement (overall, by month, by auditor),
// GET /api/moderation/pairs for one month, and the pure statistics on their
// own for 100,000 pairs. Median and p95 over a few requests on the SQLite
// store, in this process. Figures only; nothing here passes or fails on time.
//
//   npx tsx bench/moderation-bench.ts [moderations] [requests]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { agreementStatistics, gradeShift } from "../api/domain/agreement-statistics.js";
import { startApp } from "../api/app.js";
import { loadConfig } from "../api/config.js";
import { demoAuditTool, demoCases, demoTeams } from "../api/seed/demo-authority.js";

const grades = ["outstanding", "good", "requires_improvement", "inadequate"];
const auditors = ["person-tm-cp", "person-tm-assessment", "person-sm-front-door", "person-psw"];

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 2000);
  const requests = Number(process.argv[3] ?? 15);
  const dataDir = mkdtempSync(join(tmpdir(), "golden-thread-bench-moderation-"));
  const app = await startApp(loadConfig({ HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir }), () => undefined);
  try {
    console.log(`moderation agreement at ${count.toLocaleString("en-GB")} moderations (${(count * 6).toLocaleString("en-GB")} pairs), SQLite store, Node ${process.version}`);
    const started = performance.now();
    const actor = { id: "bench:seed" };
    const serviceOf = new Map(demoTeams.map(({ id, record }) => [id, record.serviceId]));
    await app.store.transaction(async (tx) => {
      for (let index = 0; index < count; index += 1) {
        const place = demoCases[index % demoCases.length]!;
        const auditorGrade = grades[index % 4]!;
        const month = String((index % 12) + 1).padStart(2, "0");
        const audit = await tx.create(
          "audit",
          {
            type: "regular",
            toolId: demoAuditTool.id,
            caseId: place.id,
            teamId: place.record.teamId,
            serviceId: serviceOf.get(place.record.teamId),
            auditorId: auditors[index % auditors.length],
            status: "completed",
            overallGrade: auditorGrade,
          },
          actor,
        );
        await tx.create(
          "moderation",
          {
            auditId: audit.id,
            moderatorId: "person-qa-lead",
            status: "completed",
            completedAt: `2026-${month}-15T10:00:00Z`,
            outcome: index % 3 === 0 ? "regraded_down" : "agreed",
            rationale: "bench",
            grades: [...demoAuditTool.record.sections.map((section) => section.key), "overall"].map((sectionKey, position) => ({
              sectionKey,
              auditorGrade,
              moderatorGrade: (index + position) % 3 === 0 ? grades[Math.min(3, grades.indexOf(auditorGrade) + 1)]! : auditorGrade,
            })),
          },
          actor,
        );
      }
    });
    console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const signIn = await fetch(`${app.url}/api/local-sign-in`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ personId: "person-qa-lead" }) });
    const { token } = (await signIn.json()) as { token: string };
    for (const path of [
      "/api/moderation/agreement",
      "/api/moderation/agreement?by=month",
      "/api/moderation/agreement?by=auditor",
      "/api/moderation/pairs?by=month&key=2026-06",
    ]) {
      const times: number[] = [];
      for (let request = 0; request < requests; request += 1) {
        const before = performance.now();
        const response = await fetch(`${app.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        times.push(performance.now() - before);
      }
      times.sort((a, b) => a - b);
      console.log(`GET ${path}: median ${percentile(times, 0.5).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms`);
    }

    const pairs = Array.from({ length: 100_000 }, (_, index) => ({ first: index % 4, second: (index * 7) % 11 < 8 ? index % 4 : Math.min(3, (index % 4) + 1) }));
    const before = performance.now();
    agreementStatistics(pairs, 4);
    gradeShift(pairs);
    console.log(`agreement statistics and grade shift for 100,000 pairs (pure): ${(performance.now() - before).toFixed(1)} ms`);
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
