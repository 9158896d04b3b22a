// Prints how long answering a survey takes on the SQLite store (median and
// p95 over N answers, each one transaction: participation plus the team's
// tally), and how long the results take to add up and suppress for those
// answers across 200 teams in 20 services.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { agreementLabels } from "../api/domain/records/survey.js";
import type { Person } from "../api/services/people.js";
import { WorkforceVoice } from "../api/services/workforce-voice.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";

const respondents = Number(process.argv[2] ?? 5000);
const folder = mkdtempSync(join(tmpdir(), "golden-thread-bench-voice-"));
const store = new SqliteStore({ path: join(folder, "store.sqlite") });
const setup = { id: "system:bench" };
let clock = new Date("2026-11-26T09:00:00Z");
const voice = new WorkforceVoice(store, () => clock);

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

try {
  await store.create("authority", { name: "Benchshire", gradeScaleId: "scale" }, setup, { id: "authority" });
  const staff: Person[] = [];
  await store.transaction(async (tx) => {
    for (let service = 0; service < 20; service += 1) {
      await tx.create("service", { authorityId: "authority", name: `Service ${service}` }, setup, { id: `service-${service}` });
      for (let team = 0; team < 10; team += 1) await tx.create("team", { serviceId: `service-${service}`, name: `Team ${service}-${team}` }, setup, { id: `team-${service}-${team}` });
    }
    for (let index = 0; index < respondents; index += 1) {
      // Uneven teams, so some are too small to show.
      const team = Math.floor(Math.pow(index / respondents, 0.5) * 200);
      staff.push(
        (await tx.create(
          "person",
          { displayName: `Worker ${index}`, email: `w${index}@bench.example`, roles: ["practitioner"], teamId: `team-${Math.floor(team / 10)}-${team % 10}`, serviceId: `service-${Math.floor(team / 10)}` },
          setup,
        )) as Person,
      );
    }
  });
  const qaLead = (await store.create("person", { displayName: "QA lead", email: "qa@bench.example", roles: ["qa_lead"] }, setup)) as Person;
  const questions = [
    ...["workload", "supervision", "valued", "learning", "safe"].map((key) => ({ key, type: "scale" as const, text: `About ${key}`, labels: agreementLabels })),
    { key: "help", type: "free_text" as const, text: "What would help?" },
  ];
  const draft = await voice.compose({ title: "Bench", kind: "pulse", questions, round: "Bench", opensOn: "2026-11-23", closesOn: "2026-12-04" }, qaLead);
  const sendStarted = process.hrtime.bigint();
  const { survey, queued } = await voice.send(draft.id, draft.etag, qaLead);
  const sendMs = Number(process.hrtime.bigint() - sendStarted) / 1e6;

  const timings: number[] = [];
  for (const [index, person] of staff.entries()) {
    const inputs: Record<string, string> = { "q:help": index % 3 === 0 ? `Comment ${index} about caseloads` : "" };
    for (const [at, question] of questions.entries()) if (question.type === "scale") inputs[`q:${question.key}`] = String(((index + at) % 5) + 1);
    const started = process.hrtime.bigint();
    await voice.answer(survey.id, "", inputs, person);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  timings.sort((a, b) => a - b);

  clock = new Date("2026-12-05T09:00:00Z");
  const resultsStarted = process.hrtime.bigint();
  const results = (await voice.results(survey))!;
  const resultsMs = Number(process.hrtime.bigint() - resultsStarted) / 1e6;
  const teams = results.groups.filter((group) => group.level === "team");

  console.log(`send: ${queued} cards queued through the outbox in ${sendMs.toFixed(0)} ms (one transaction)`);
  console.log(`answer: ${respondents} answers, median ${percentile(timings, 0.5).toFixed(2)} ms, p95 ${percentile(timings, 0.95).toFixed(2)} ms per answer`);
  console.log(
    `results: ${resultsMs.toFixed(0)} ms for ${results.respondents} answers in 200 teams; ${teams.filter((team) => team.shown).length} teams shown, ` +
      `${teams.filter((team) => team.hiddenBecause === "too_few").length} too few, ${teams.filter((team) => team.hiddenBecause === "protects_smaller_group").length} hidden to protect a smaller group; ` +
      `${results.comments.length} comments`,
  );
} finally {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}
