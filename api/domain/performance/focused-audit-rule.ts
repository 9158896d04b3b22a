import type { FocusedAuditComparator, FocusedAuditRule, KpiPolarity, KpiUnit } from "../records/kpi-definition.js";
import { monthName, monthsEnding } from "./months.js";
import { formatKpiValue, isWorseThan, ragStatus } from "./rag.js";

// Focused audits from data (audit type iv): a rule on a KPI, such as
// "re-referrals above the statistical-neighbour average for two consecutive
// months", picks out the teams whose figures keep falling short, so the QA
// lead can audit their cases. Pure: the caller supplies the figures.

export interface RuleKpi {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly polarity: KpiPolarity;
  readonly unit: KpiUnit;
  readonly target: number;
  readonly tolerance: number;
  readonly focusedAuditRule?: FocusedAuditRule;
}

export interface TeamMonthValue {
  readonly teamId: string;
  readonly month: string;
  readonly value: number;
}

/** What the figures are compared with: null when that comparator has no published value. */
export interface RuleBenchmark {
  readonly value: number | null;
  /** "the statistical neighbours' average (2025)". */
  readonly label: string;
}

export type RuleOutcome =
  | { readonly fired: false; readonly reason: string }
  | {
      readonly fired: true;
      readonly rule: string;
      readonly comparator: FocusedAuditComparator;
      readonly benchmark: number;
      readonly benchmarkLabel: string;
      /** The run of months, oldest first; the last is the latest month with figures. */
      readonly months: readonly string[];
      readonly teamIds: readonly string[];
      readonly evidence: readonly TeamMonthValue[];
      readonly proposalKey: string;
    };

const comparatorWords: Record<FocusedAuditComparator, string> = {
  target: "outside the target's tolerance",
  neighbours: "worse than the statistical neighbours' average",
  region: "worse than the South East region",
  england: "worse than England",
};

/** The rule in words: "Propose a focused audit when a team's figure is worse than … for 2 consecutive months." */
export function describeRule(rule: FocusedAuditRule, regionName = "South East"): string {
  const comparator = rule.comparator === "region" ? `worse than the ${regionName} region` : comparatorWords[rule.comparator];
  const months = rule.consecutiveMonths === 1 ? "in the latest month" : `for ${rule.consecutiveMonths} consecutive months`;
  return `Propose a focused audit when a team's figure is ${comparator} ${months}.`;
}

/**
 * Evaluates a KPI's rule on its teams' monthly figures. The run of months
 * ends at the latest month any team has a figure for; a team is concerned
 * when it has a figure for every month of the run and each one falls short.
 */
export function evaluateFocusedAuditRule(kpi: RuleKpi, values: readonly TeamMonthValue[], benchmark: RuleBenchmark, regionName?: string): RuleOutcome {
  const rule = kpi.focusedAuditRule;
  if (rule === undefined) return { fired: false, reason: `${kpi.name} has no focused audit rule.` };
  if (values.length === 0) return { fired: false, reason: `${kpi.name} has no team figures yet.` };
  const latest = values.reduce((last, entry) => (entry.month > last ? entry.month : last), values[0]!.month);
  const months = monthsEnding(latest, rule.consecutiveMonths);

  let fallsShort: (value: number) => boolean;
  let benchmarkValue: number;
  let benchmarkLabel: string;
  if (rule.comparator === "target") {
    benchmarkValue = kpi.target;
    benchmarkLabel = `the target of ${formatKpiValue(kpi.unit, kpi.target)} (tolerance ${formatKpiValue(kpi.unit, kpi.tolerance)})`;
    fallsShort = (value) => ragStatus(kpi, value) === "red";
  } else {
    if (benchmark.value === null) {
      return { fired: false, reason: `${capitalise(benchmark.label)} is not published, so the rule cannot be checked.` };
    }
    const published = benchmark.value;
    benchmarkValue = published;
    benchmarkLabel = `${benchmark.label}: ${formatKpiValue(kpi.unit, published)}`;
    fallsShort = (value) => isWorseThan(kpi.polarity, value, published);
  }

  const byTeam = new Map<string, Map<string, number>>();
  for (const entry of values) {
    let teamMonths = byTeam.get(entry.teamId);
    if (teamMonths === undefined) byTeam.set(entry.teamId, (teamMonths = new Map()));
    teamMonths.set(entry.month, entry.value);
  }
  const teamIds: string[] = [];
  const evidence: TeamMonthValue[] = [];
  for (const [teamId, teamMonths] of [...byTeam.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const run = months.map((month) => teamMonths.get(month));
    if (run.every((value): value is number => value !== undefined && fallsShort(value))) {
      teamIds.push(teamId);
      months.forEach((month, index) => evidence.push({ teamId, month, value: run[index]! }));
    }
  }
  const period = months.length === 1 ? monthName(latest) : `${monthName(months[0]!)} to ${monthName(latest)}`;
  if (teamIds.length === 0) {
    return { fired: false, reason: `No team's ${kpi.name} figure was ${comparatorWords[rule.comparator]} in every month from ${period}.` };
  }
  return {
    fired: true,
    rule: describeRule(rule, regionName),
    comparator: rule.comparator,
    benchmark: benchmarkValue,
    benchmarkLabel,
    months,
    teamIds,
    evidence,
    proposalKey: `${kpi.id}|${latest}|${teamIds.join(",")}`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
