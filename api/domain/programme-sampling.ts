// Drawing the cases for an audit programme, and matching them to auditors.
// A random sample takes cases from all chosen teams together; a stratified
// one takes from each team in proportion to its caseload, so a small team is
// not missed. The draw is seeded, so the same seed gives the same sample.
import { seededFraction } from "./moderation-sampling.js";

export interface SampleCase {
  id: string;
  teamId: string;
}

/** Orders cases by a seeded draw: the first n of the result are the sample. */
function shuffled<T extends { id: string }>(cases: readonly T[], seed: string): T[] {
  return [...cases].sort((a, b) => seededFraction(seed, a.id) - seededFraction(seed, b.id) || a.id.localeCompare(b.id));
}

export function drawSample(cases: readonly SampleCase[], count: number, method: "random" | "stratified", seed: string): SampleCase[] {
  const wanted = Math.min(count, cases.length);
  if (method === "random") return shuffled(cases, seed).slice(0, wanted);
  const byTeam = new Map<string, SampleCase[]>();
  for (const item of cases) byTeam.set(item.teamId, [...(byTeam.get(item.teamId) ?? []), item]);
  // Every team gets one case while there are enough to go round; the rest
  // are shared in proportion to what is left of each caseload (largest remainder).
  const teams = [...byTeam.keys()].sort();
  const base = wanted >= teams.length ? 1 : 0;
  const allocation = new Map(teams.map((team) => [team, base]));
  const remaining = wanted - base * teams.length;
  const pool = teams.reduce((sum, team) => sum + byTeam.get(team)!.length - base, 0);
  const quotas = teams.map((team) => ({ team, exact: pool === 0 ? 0 : ((byTeam.get(team)!.length - base) / pool) * remaining }));
  for (const { team, exact } of quotas) allocation.set(team, allocation.get(team)! + Math.floor(exact));
  let allocated = [...allocation.values()].reduce((sum, value) => sum + value, 0);
  const byRemainder = [...quotas].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.team.localeCompare(b.team));
  for (let index = 0; allocated < wanted; index = (index + 1) % byRemainder.length) {
    const team = byRemainder[index]!.team;
    if (allocation.get(team)! < byTeam.get(team)!.length) {
      allocation.set(team, allocation.get(team)! + 1);
      allocated += 1;
    }
  }
  return teams.flatMap((team) => shuffled(byTeam.get(team)!, `${seed}:${team}`).slice(0, allocation.get(team)));
}

export interface CandidateAuditor {
  id: string;
  teamId?: string;
}

/**
 * Gives each case an auditor, spreading the work evenly. Nobody audits their
 * own team's cases unless the programme allows it; a case no one may audit
 * is left without an auditor (and named by the caller).
 */
export function matchAuditors(
  cases: readonly (SampleCase & { practitionerId?: string })[],
  auditors: readonly CandidateAuditor[],
  allowOwnTeam: boolean,
): Map<string, string | undefined> {
  const load = new Map(auditors.map((auditor) => [auditor.id, 0]));
  const matches = new Map<string, string | undefined>();
  for (const item of cases) {
    const eligible = auditors
      .filter((auditor) => auditor.id !== item.practitionerId && (allowOwnTeam || auditor.teamId !== item.teamId))
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id.localeCompare(b.id));
    const chosen = eligible[0];
    if (chosen) load.set(chosen.id, load.get(chosen.id)! + 1);
    matches.set(item.id, chosen?.id);
  }
  return matches;
}
