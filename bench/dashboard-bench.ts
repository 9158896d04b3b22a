// Prints how fast GET /api/dashboard answers at 100,000 audits (with section
// grades, moderations and actions) on the SQLite store: median and p95 over
// ~30 requests for several filter combinations, as the QA lead (whole
// authority) and as a team manager (one team), plus the server's peak memory.
// The server runs in a child process so its peak resident memory (VmHWM)
// is its own. Figures only; nothing here passes or fails on time.
//
//   npx tsx bench/dashboard-bench.ts [audits] [requests per combination]
//
// DASHBOARD_BENCH_DIR=<folder> keeps the seeded data there (and reuses it on
// the next run) instead of a temporary folder.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { RecordInput } from "../api/domain/records/index.js";
import { demoAuditTool, demoCases, demoPeople, demoTeams } from "../api/seed/demo-authority.js";
import { seedDemoAuthority } from "../api/seed/seed-demo.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";

const sqliteFile = "golden-thread.sqlite";

async function main(): Promise<void> {
  const auditCount = Number(process.argv[2] ?? 100_000);
  const requests = Number(process.argv[3] ?? 30);
  const keptDir = process.env.DASHBOARD_BENCH_DIR || undefined;
  if (keptDir) mkdirSync(keptDir, { recursive: true });
  const dataDir = keptDir ?? mkdtempSync(join(tmpdir(), "golden-thread-bench-dashboard-"));
  const now = new Date();
  console.log(`GET /api/dashboard at ${auditCount.toLocaleString("en-GB")} audits, SQLite store, Node ${process.version}`);

  if (keptDir && existsSync(join(dataDir, sqliteFile))) {
    console.log(`using the data already in ${dataDir}`);
  } else {
    const seedStarted = performance.now();
    const seeded = await seedAudits(join(dataDir, sqliteFile), auditCount, now);
    console.log(
      `seeded ${seeded.audits.toLocaleString("en-GB")} audits (${seeded.graded.toLocaleString("en-GB")} graded), ` +
        `${seeded.moderations.toLocaleString("en-GB")} moderations, ${seeded.actions.toLocaleString("en-GB")} actions ` +
        `in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; file ${(statSync(join(dataDir, sqliteFile)).size / 1024 / 1024).toFixed(0)} MB`,
    );
  }

  const server = await startServer(dataDir);
  try {
    const idleRss = memoryOf(server.child.pid!);
    const qaLead = await signIn(server.url, "person-qa-lead");
    const teamManager = await signIn(server.url, "person-tm-assessment");
    const threeMonthsAgo = new Date(now.getTime() - 91 * 86_400_000).toISOString().slice(0, 10);
    const today = now.toISOString().slice(0, 10);
    const combinations: [string, string, Record<string, string>][] = [
      ["QA lead", qaLead, {}],
      ["QA lead", qaLead, { serviceId: "service-cin-cp" }],
      ["QA lead", qaLead, { teamId: "team-assessment" }],
      ["QA lead", qaLead, { type: "thematic" }],
      ["QA lead", qaLead, { from: threeMonthsAgo, to: today }],
      ["QA lead", qaLead, { serviceId: "service-front-door", type: "regular", from: threeMonthsAgo, to: today }],
      ["team manager", teamManager, {}],
      ["team manager", teamManager, { from: threeMonthsAgo, to: today }],
    ];
    console.log(`${requests} requests per combination, one at a time, timed on the client over loopback:`);
    console.log(`${"viewer".padEnd(13)} ${"filters".padEnd(72)} ${"median".padStart(10)} ${"p95".padStart(10)}  answer`);
    for (const [who, token, filters] of combinations) {
      const query = new URLSearchParams(filters).toString();
      const timings: number[] = [];
      let answer = "";
      const warmUps = requests >= 10 ? 2 : 0;
      for (let index = 0; index < requests + warmUps; index += 1) {
        const started = performance.now();
        const response = await fetch(`${server.url}/api/dashboard${query ? `?${query}` : ""}`, { headers: { Authorization: `Bearer ${token}` } });
        const body = (await response.json()) as { audits?: number; graded?: number; detail?: string };
        const elapsed = performance.now() - started;
        if (index >= warmUps) timings.push(elapsed);
        answer = response.ok ? `${body.audits} audits, ${body.graded} graded` : `HTTP ${response.status}: ${body.detail}`;
        if (!response.ok) break;
      }
      timings.sort((a, b) => a - b);
      const at = (fraction: number) => timings[Math.min(timings.length - 1, Math.floor(fraction * timings.length))]!;
      console.log(`${who.padEnd(13)} ${(query || "(none)").padEnd(72)} ${`${at(0.5).toFixed(0)} ms`.padStart(10)} ${`${at(0.95).toFixed(0)} ms`.padStart(10)}  ${answer}`);
    }
    const memory = memoryOf(server.child.pid!);
    console.log(`server memory: ${idleRss.rss} MB resident after start, ${memory.rss} MB at the end, peak ${memory.peak} MB (VmHWM)`);
  } finally {
    await stopServer(server.child);
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A small deterministic random source, so every run seeds the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted.at(-1)![0];
}

const grades = ["outstanding", "good", "requires_improvement", "inadequate"] as const;

async function seedAudits(path: string, count: number, now: Date) {
  const store = new SqliteStore({ path });
  const actor = { id: "system:bench" };
  await seedDemoAuthority(store, now); // the tool, grade scale, teams and people the audits point at
  const next = random(20_261_001);
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * 86_400_000);
  const serviceOf = Object.fromEntries(demoTeams.map(({ id, record }) => [id, record.serviceId]));
  const staffOf = (teamId: string) => demoPeople.filter(({ record }) => record.teamId === teamId).map(({ id }) => id);
  const auditors = demoPeople.filter(({ record }) => record.roles.includes("auditor")).map(({ id }) => id);
  let graded = 0;
  let moderations = 0;
  let actions = 0;
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    await store.transaction(async (tx) => {
      for (let index = start; index < Math.min(start + batch, count); index += 1) {
        const caseRecord = demoCases[index % demoCases.length]!;
        const teamId = caseRecord.record.teamId!;
        const type = pick(next, [["regular", 60], ["thematic", 15], ["focused", 10], ["multi_agency", 10], ["external", 5]] as const);
        const status = pick(next, [
          ["completed", 50], ["in_moderation", 6], ["submitted", 10], ["in_progress", 10], ["assigned", 8],
          ["reflection_requested", 4], ["planned", 6], ["declined", 3], ["cancelled", 3],
        ] as const);
        const isGraded = status === "completed" || status === "in_moderation" || status === "submitted";
        const overall = pick(next, [["outstanding", 10], ["good", 45], ["requires_improvement", 35], ["inadequate", 10]] as const);
        const rank = grades.indexOf(overall);
        const sectionGrades = demoAuditTool.record.sections.map((section) => ({
          sectionKey: section.key,
          grade: grades[Math.max(0, Math.min(3, rank + Math.round((next() - 0.5) * 2)))]!,
        }));
        const submitted = day(-Math.floor(next() * 365));
        const audit: RecordInput<"audit"> = {
          type,
          toolId: demoAuditTool.id,
          caseId: caseRecord.id,
          teamId,
          serviceId: serviceOf[teamId],
          theme: type === "thematic" ? pick(next, [["Neglect", 3], ["Domestic abuse", 2], ["Exploitation", 1]] as const) : undefined,
          status,
          auditorId: auditors[index % auditors.length],
          practitionerId: staffOf(teamId)[0],
          dueDate: (isGraded ? day(-Math.floor(next() * 365)) : day(Math.floor(next() * 60) - 20)).toISOString().slice(0, 10),
          answers: [{ questionKey: "seen", answer: "Seen alone at each statutory visit; last visit within timescale." }],
          sectionGrades: isGraded || status === "in_progress" ? sectionGrades : [],
          overallGrade: isGraded ? overall : undefined,
          findings: isGraded ? { workingWell: ["Direct work is recorded in the child's words."], needsToBeBetter: ["The plan does not say how the family will know things have improved."] } : undefined,
          submittedAt: isGraded ? submitted.toISOString() : undefined,
          completedAt: status === "completed" ? submitted.toISOString() : undefined,
        };
        const saved = await tx.create("audit", audit, actor);
        if (!isGraded) continue;
        graded += 1;
        if (next() < 0.12) {
          const agreed = next() < 0.8;
          await tx.create(
            "moderation",
            {
              auditId: saved.id,
              moderatorId: "person-qa-lead",
              status: status === "completed" ? "completed" : "requested",
              sampledBecause: "Drawn in the sample (bench)",
              grades: [{ sectionKey: "overall", auditorGrade: overall, moderatorGrade: agreed ? overall : grades[Math.min(3, rank + 1)] }],
              outcome: status === "completed" ? (agreed ? "agreed" : "regraded_down") : undefined,
              rationale: agreed ? undefined : "The plan was not reviewed on time.",
            },
            actor,
          );
          moderations += 1;
        }
        if (index % 50 === 0) {
          await tx.create(
            "action",
            {
              title: "Record supervision decisions with the reasons for them",
              reason: "Audit found supervision notes describe discussion but not decisions.",
              ownerId: staffOf(teamId)[0] ?? "person-qa-lead",
              dueDate: day(Math.floor(next() * 90) - 45).toISOString().slice(0, 10),
              ...(next() < 0.5 ? { status: "done" as const, evidence: "Supervision template updated.", completedAt: now.toISOString() } : { status: "open" as const }),
              auditId: saved.id,
              teamId,
            },
            actor,
          );
          actions += 1;
        }
      }
    });
  }
  await store.close();
  return { audits: count, graded, moderations, actions };
}

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--disable-warning=DEP0111", "--import", "tsx", fileURLToPath(import.meta.url), "--serve", dataDir], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  // Never leave the server behind: it stops when this process ends, however it ends.
  process.once("exit", () => child.kill("SIGKILL"));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`The server stopped (exit code ${code}) before it was ready.`)));
    lines.once("line", (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { url, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function signIn(url: string, personId: string): Promise<string> {
  const response = await fetch(`${url}/api/local-sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId }),
  });
  if (!response.ok) throw new Error(`Local sign-in as ${personId} failed: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Resident and peak resident memory of a process, in MB, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

// Child mode: serve the prepared data and say where.
if (process.argv[2] === "--serve") {
  // Imported here so that only the server process loads the server.
  const { startApp } = await import("../api/app.js");
  const { loadConfig } = await import("../api/config.js");
  const app = await startApp(loadConfig({ HOST: "127.0.0.1", PORT: "0", DATA_DIR: process.argv[3]!, SQLITE_FILE: sqliteFile, SEED_DEMO: "true" }), () => undefined);
  console.log(JSON.stringify({ url: app.url }));
  const stop = () => void app.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.stdin.on("end", stop); // the benchmark ended without saying so
  process.stdin.resume();
} else {
  await main();
}
