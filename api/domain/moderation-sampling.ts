// Which submitted audits are moderated, and who may moderate them. An audit
// graded with an always-moderate grade (by default inadequate or outstanding)
// always is; otherwise a seeded draw picks the configured share; and an
// auditor with fewer moderations this quarter than the authority's minimum
// has the audit moderated anyway. The draw depends only on the seed and the
// audit's id, so anyone can reproduce the sample: both are recorded on it.
import type { Audit } from "./records/audit.js";
import type { ModerationRule } from "./records/moderation.js";

export interface SamplingDecision {
  sampled: boolean;
  because: string;
  seed: string;
  /** The seeded fraction in [0, 1) compared with the sample rate. */
  draw: number;
}

/** What the rule needs to know about the auditor's quarter so far. */
export interface AuditorQuarter {
  /** e.g. "2026 Q4" */
  quarter: string;
  /** Moderations already drawn for this auditor's audits in the quarter. */
  moderatedSoFar: number;
}

// FNV-1a: small, fast and identical everywhere; we need reproducibility, not secrecy.
export function seededFraction(seed: string, key: string): number {
  let hash = 0x811c9dc5;
  for (const character of `${seed}:${key}`) {
    hash ^= character.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

/** The calendar quarter of a date or timestamp: "2026 Q4". */
export function quarterOf(isoDateOrTime: string): string {
  const month = Number(isoDateOrTime.slice(5, 7));
  return `${isoDateOrTime.slice(0, 4)} Q${Math.ceil(month / 3)}`;
}

/** The first and last day of a quarter named by quarterOf. */
export function quarterBounds(quarter: string): { from: string; to: string } {
  const [year, q] = [quarter.slice(0, 4), Number(quarter.slice(-1))];
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, "0");
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

export function moderationDecision(
  rule: ModerationRule,
  audit: Pick<Audit, "overallGrade" | "sectionGrades">,
  auditId: string,
  auditorQuarter?: AuditorQuarter,
): SamplingDecision {
  const seed = rule.seed;
  const draw = seededFraction(seed, auditId);
  const grades = [audit.overallGrade, ...audit.sectionGrades.map((grade) => grade.grade)];
  const always = grades.find((grade) => grade !== undefined && rule.alwaysModerateGrades.includes(grade));
  if (always) return { sampled: true, because: `Graded ${always}, which is always moderated`, seed, draw };
  const percent = Math.round(rule.sampleRate * 100);
  if (draw < rule.sampleRate) return { sampled: true, because: `Drawn in the ${percent}% sample (seed "${seed}")`, seed, draw };
  const minimum = rule.minimumPerAuditorPerQuarter ?? 0;
  if (auditorQuarter && auditorQuarter.moderatedSoFar < minimum) {
    return {
      sampled: true,
      because: `The auditor had ${auditorQuarter.moderatedSoFar} of the minimum ${minimum} moderations in ${auditorQuarter.quarter}`,
      seed,
      draw,
    };
  }
  return { sampled: false, because: `Not drawn in the ${percent}% sample (seed "${seed}")`, seed, draw };
}

interface Placed {
  id: string;
  teamId?: string;
  lineManagerId?: string;
}

/**
 * The auditor's line manager: the person named on their record, or else the
 * manager of their team (unless that is the auditor themself).
 */
export function lineManagerOf(auditor: Placed, teams: readonly { id: string; managerId?: string }[]): string | undefined {
  if (auditor.lineManagerId) return auditor.lineManagerId;
  const teamManager = teams.find((team) => team.id === auditor.teamId)?.managerId;
  return teamManager && teamManager !== auditor.id ? teamManager : undefined;
}

/** Why someone may not moderate this audit, or undefined if they may. */
export function moderatorConflict(
  candidateId: string,
  audit: Pick<Audit, "auditorId" | "practitionerId">,
  rule: Pick<ModerationRule, "excludeLineManager">,
  auditorLineManagerId: string | undefined,
): string | undefined {
  if (candidateId === audit.auditorId) return "A moderator cannot moderate their own audit.";
  if (candidateId === audit.practitionerId) return "A moderator cannot moderate an audit of their own case.";
  if (rule.excludeLineManager && candidateId === auditorLineManagerId) {
    return "The authority's rule is that an auditor's own line manager does not moderate their audits.";
  }
  return undefined;
}

/**
 * The moderator for an audit: the first eligible moderator in a seeded order,
 * so the choice is spread across moderators and reproducible from the seed.
 */
export function chooseModerator<P extends { id: string }>(
  moderators: readonly P[],
  audit: Pick<Audit, "auditorId" | "practitionerId">,
  auditId: string,
  rule: Pick<ModerationRule, "excludeLineManager" | "seed">,
  auditorLineManagerId: string | undefined,
): P | undefined {
  const eligible = moderators.filter((person) => moderatorConflict(person.id, audit, rule, auditorLineManagerId) === undefined);
  return [...eligible].sort((a, b) => seededFraction(rule.seed, `${auditId}:${a.id}`) - seededFraction(rule.seed, `${auditId}:${b.id}`) || a.id.localeCompare(b.id))[0];
}
