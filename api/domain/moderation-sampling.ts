// Which submitted audits are moderated. An audit graded with an
// always-moderate grade (by default inadequate or outstanding) always is;
// otherwise a seeded draw picks the configured share. The draw depends only
// on the seed and the audit's id, so anyone can reproduce the sample.
import type { Audit } from "./records/audit.js";
import type { ModerationRule } from "./records/moderation.js";

export interface SamplingDecision {
  sampled: boolean;
  because: string;
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

export function moderationDecision(
  rule: ModerationRule,
  audit: Pick<Audit, "overallGrade" | "sectionGrades">,
  auditId: string,
): SamplingDecision {
  const grades = [audit.overallGrade, ...audit.sectionGrades.map((grade) => grade.grade)];
  const always = grades.find((grade) => grade !== undefined && rule.alwaysModerateGrades.includes(grade));
  if (always) return { sampled: true, because: `Graded ${always}, which is always moderated` };
  const draw = seededFraction(rule.seed, auditId);
  const percent = Math.round(rule.sampleRate * 100);
  return draw < rule.sampleRate
    ? { sampled: true, because: `Drawn in the ${percent}% sample (seed "${rule.seed}")` }
    : { sampled: false, because: `Not drawn in the ${percent}% sample (seed "${rule.seed}")` };
}
