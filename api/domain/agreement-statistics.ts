// Agreement between two graders of the same work (an auditor and a
// moderator) on an ordered grade scale: exact agreement, agreement within
// one grade, Cohen's kappa, linearly and quadratically weighted kappa, and
// Gwet's AC1, each with a large-sample standard error and 95% confidence
// interval; and the grade shift, which says how often and in which direction
// moderators change auditors' grades. Pure functions, no I/O.
//
// Categories are indices 0..k-1 in the scale's order. On a GradeScale index
// 0 is rank 1, the BEST grade, so a LOWER index is a BETTER grade.
//
// Conventions (every one of them is tested):
// - No pairs: every figure is null and the verdict is "too_few_to_say".
// - Fewer pairs than `minimumPairs` (default 10): the figures are still
//   computed, but `enough` is false and the verdict is "too_few_to_say".
// - Chance agreement pe = 1 can only happen when both graders used one and
//   the same category for every pair, so observed agreement is 1 as well and
//   (po - pe) / (1 - pe) is 0/0. We report kappa = 1 (perfect agreement, which
//   is what was observed) with standard error 0 and interval [1, 1]. Some
//   packages report NaN here; a dashboard cannot show NaN.
// - A variance that comes out a hair below 0 through rounding is taken as 0.
// - Confidence intervals are value ± 1.96 SE, clamped to [-1, 1].
// - AC1's chance agreement uses the scale's k categories, used or not
//   (Gwet 2008 defines it over the q categories of the scale). Weighted kappa
//   weights also use the scale's k. Unweighted kappa ignores unused
//   categories (they add nothing to po or pe).
import { DomainError } from "./errors.js";
import { gradeOn, type GradeScale } from "./records/grade-scale.js";
import type { ModeratedGrade } from "./records/moderation.js";

// `first` and `second` are category indices. For moderation, `first` is the
// auditor's grade and `second` the moderator's (gradeShift relies on this).
export interface GradePair {
  first: number;
  second: number;
}

export type Verdict = "too_few_to_say" | "ok";

export interface AgreementProportion {
  proportion: number; // 0..1
  percent: number; // proportion × 100, unrounded: round when you display it
}

// A chance-corrected coefficient: (observed − chance) / (1 − chance).
export interface CoefficientEstimate {
  value: number;
  standardError: number;
  ci95: [low: number, high: number];
  observed: number; // po (weighted po for weighted kappa)
  chance: number; // pe under the coefficient's own chance model
}

export interface AgreementStatistics {
  n: number;
  categoryCount: number;
  minimumPairs: number;
  enough: boolean; // n > 0 and n >= minimumPairs
  verdict: Verdict;
  exactAgreement: AgreementProportion | null;
  withinOneAgreement: AgreementProportion | null;
  cohensKappa: CoefficientEstimate | null;
  linearWeightedKappa: CoefficientEstimate | null;
  quadraticWeightedKappa: CoefficientEstimate | null;
  gwetsAc1: CoefficientEstimate | null;
}

export interface AgreementOptions {
  minimumPairs?: number;
}

export const DEFAULT_MINIMUM_PAIRS = 10;
const Z_95 = 1.96;

export type WeightScheme = "identity" | "linear" | "quadratic";

function checkCategoryCount(categoryCount: number): void {
  if (!Number.isInteger(categoryCount) || categoryCount < 2) {
    throw new DomainError("invalid_query", "Agreement needs a scale of at least two categories", { categoryCount });
  }
}

function checkMinimumPairs(minimumPairs: number): void {
  if (!Number.isInteger(minimumPairs) || minimumPairs < 0) {
    throw new DomainError("invalid_query", "The minimum number of pairs is a whole number, 0 or more", { minimumPairs });
  }
}

function at<T>(values: readonly T[], index: number): T {
  const value = values[index];
  if (value === undefined) throw new RangeError(`No entry at ${index}`);
  return value;
}

function cell(table: readonly (readonly number[])[], row: number, column: number): number {
  return at(at(table, row), column);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// Agreement weights w_ij (1 on the diagonal, 0 for the furthest cells):
// identity (unweighted kappa), linear 1 − |i − j|/(k − 1) (Cicchetti & Allison
// 1971) and quadratic 1 − (i − j)²/(k − 1)² (Fleiss & Cohen 1973).
export function agreementWeights(categoryCount: number, scheme: WeightScheme): number[][] {
  checkCategoryCount(categoryCount);
  const span = categoryCount - 1;
  return Array.from({ length: categoryCount }, (_, i) =>
    Array.from({ length: categoryCount }, (_, j) => {
      if (scheme === "identity") return i === j ? 1 : 0;
      const distance = Math.abs(i - j) / span;
      return scheme === "linear" ? 1 - distance : 1 - distance * distance;
    }),
  );
}

// The k × k table of counts: rows are `first`, columns `second`.
export function contingencyTable(pairs: readonly GradePair[], categoryCount: number): number[][] {
  checkCategoryCount(categoryCount);
  const table = Array.from({ length: categoryCount }, () => new Array<number>(categoryCount).fill(0));
  for (const pair of pairs) {
    for (const index of [pair.first, pair.second]) {
      if (!Number.isInteger(index) || index < 0 || index >= categoryCount) {
        throw new DomainError("invalid_grade", `A grade index must be a whole number from 0 to ${categoryCount - 1}`, { index });
      }
    }
    const row = at(table, pair.first);
    row[pair.second] = at(row, pair.second) + 1;
  }
  return table;
}

function checkTable(table: readonly (readonly number[])[]): number {
  const k = table.length;
  checkCategoryCount(k);
  for (const row of table) {
    if (row.length !== k) throw new DomainError("invalid_query", "An agreement table must be square", { rows: k, columns: row.length });
    for (const count of row) {
      if (!Number.isFinite(count) || count < 0) throw new DomainError("invalid_query", "Table counts must be finite and not negative", { count });
    }
  }
  return sum(table.map(sum));
}

function interval(value: number, standardError: number): [number, number] {
  const clamp = (x: number) => Math.min(1, Math.max(-1, x));
  return [clamp(value - Z_95 * standardError), clamp(value + Z_95 * standardError)];
}

// Below this, 1 − pe is treated as 0 (pe = 1: see the convention at the top).
const DEGENERATE = 1e-12;

// Weighted kappa (Cohen 1968) for any agreement weights with w_ii = 1 and
// 0 ≤ w_ij ≤ 1; identity weights give Cohen's (1960) kappa. With p_ij = n_ij/n,
// row margins p_i. and column margins p_.j:
//   po = Σ w_ij p_ij,  pe = Σ w_ij p_i. p_.j,  κw = (po − pe) / (1 − pe).
// Large-sample (non-null) variance, Fleiss, Cohen & Everitt (1969),
// Psychological Bulletin 72(5), 323–327, with w̄_i. = Σ_j p_.j w_ij and
// w̄_.j = Σ_i p_i. w_ij:
//   Var(κw) = { Σ_ij p_ij [w_ij − (w̄_i. + w̄_.j)(1 − κw)]² − [κw − pe(1 − κw)]² } / { n (1 − pe)² }
// With identity weights this is their formula for unweighted kappa.
// Returns null for an empty table.
export function weightedKappa(table: readonly (readonly number[])[], weights: readonly (readonly number[])[]): CoefficientEstimate | null {
  const n = checkTable(table);
  const k = table.length;
  if (weights.length !== k || weights.some((row) => row.length !== k)) {
    throw new DomainError("invalid_query", "The weights must be a k × k table like the counts", { categories: k });
  }
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const w = cell(weights, i, j);
      if (!(w >= 0 && w <= 1) || (i === j && w !== 1)) {
        throw new DomainError("invalid_query", "Agreement weights lie between 0 and 1, with 1 on the diagonal", { row: i, column: j, weight: w });
      }
    }
  }
  if (n === 0) return null;
  // Sums are taken over counts and divided once, so that perfect agreement
  // gives po = 1 exactly rather than 0.9999999999999999.
  const rowCounts = table.map(sum);
  const columnCounts = Array.from({ length: k }, (_, j) => sum(table.map((row) => at(row, j))));
  let weightedCount = 0;
  let weightedProduct = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      weightedCount += cell(weights, i, j) * cell(table, i, j);
      weightedProduct += cell(weights, i, j) * at(rowCounts, i) * at(columnCounts, j);
    }
  }
  const observed = weightedCount / n;
  const chance = weightedProduct / (n * n);
  const p = table.map((row) => row.map((count) => count / n));
  const rows = rowCounts.map((count) => count / n);
  const columns = columnCounts.map((count) => count / n);
  if (1 - chance < DEGENERATE) {
    // pe = 1 forces po = 1 (the table's support lies inside the margins'
    // product, where every weight is 1): report perfect agreement.
    return { value: 1, standardError: 0, ci95: [1, 1], observed: 1, chance: 1 };
  }
  const value = (observed - chance) / (1 - chance);
  const rowMeans = Array.from({ length: k }, (_, i) => sum(columns.map((column, j) => column * cell(weights, i, j))));
  const columnMeans = Array.from({ length: k }, (_, j) => sum(rows.map((row, i) => row * cell(weights, i, j))));
  let spread = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const deviation = cell(weights, i, j) - (at(rowMeans, i) + at(columnMeans, j)) * (1 - value);
      spread += cell(p, i, j) * deviation * deviation;
    }
  }
  const centre = value - chance * (1 - value);
  const variance = Math.max(0, (spread - centre * centre) / (n * (1 - chance) ** 2));
  const standardError = Math.sqrt(variance);
  return { value, standardError, ci95: interval(value, standardError), observed, chance };
}

// Gwet's AC1 (Gwet 2008, "Computing inter-rater reliability and its variance
// in the presence of high agreement", BJMSP 61, 29–48) for two raters and q
// categories. With π_k = (p_k. + p_.k)/2:
//   pa = Σ p_kk,  pe = Σ π_k (1 − π_k) / (q − 1),  AC1 = (pa − pe) / (1 − pe).
// pe ≤ 1/q ≤ 1/2, so AC1 is always defined. Variance (Gwet 2008, two raters,
// sampling fraction f = 0, i.e. subjects drawn from a large population):
//   v = 1/(n (1 − pe)²) × { pa(1 − pa)
//        − 4(1 − AC1) [ Σ_k p_kk (1 − π_k)/(q − 1) − pa pe ]
//        + 4(1 − AC1)² [ Σ_kl p_kl (1 − (π_k + π_l)/2)² / (q − 1)² − pe² ] }
// Returns null for an empty table.
export function gwetsAc1(table: readonly (readonly number[])[]): CoefficientEstimate | null {
  const n = checkTable(table);
  const q = table.length;
  if (n === 0) return null;
  const p = table.map((row) => row.map((count) => count / n));
  const rowCounts = table.map(sum);
  const columnCounts = Array.from({ length: q }, (_, j) => sum(table.map((row) => at(row, j))));
  const pi = rowCounts.map((count, k) => (count + at(columnCounts, k)) / (2 * n));
  const observed = sum(table.map((row, k) => at(row, k))) / n;
  const chance = sum(pi.map((share) => share * (1 - share))) / (q - 1);
  const value = (observed - chance) / (1 - chance);
  let diagonalTerm = 0;
  let pairTerm = 0;
  for (let k = 0; k < q; k += 1) {
    diagonalTerm += (cell(p, k, k) * (1 - at(pi, k))) / (q - 1);
    for (let l = 0; l < q; l += 1) {
      const distance = 1 - (at(pi, k) + at(pi, l)) / 2;
      pairTerm += (cell(p, k, l) * distance * distance) / (q - 1) ** 2;
    }
  }
  const bracket =
    observed * (1 - observed) -
    4 * (1 - value) * (diagonalTerm - observed * chance) +
    4 * (1 - value) ** 2 * (pairTerm - chance * chance);
  const variance = Math.max(0, bracket / (n * (1 - chance) ** 2));
  const standardError = Math.sqrt(variance);
  return { value, standardError, ci95: interval(value, standardError), observed, chance };
}

function proportion(part: number, whole: number): AgreementProportion {
  const share = part / whole;
  return { proportion: share, percent: share * 100 };
}

export function agreementStatistics(
  pairs: readonly GradePair[],
  categoryCount: number,
  options: AgreementOptions = {},
): AgreementStatistics {
  const minimumPairs = options.minimumPairs ?? DEFAULT_MINIMUM_PAIRS;
  checkMinimumPairs(minimumPairs);
  const table = contingencyTable(pairs, categoryCount);
  const n = pairs.length;
  const enough = n > 0 && n >= minimumPairs;
  const base = { n, categoryCount, minimumPairs, enough, verdict: (enough ? "ok" : "too_few_to_say") as Verdict };
  if (n === 0) {
    return {
      ...base,
      exactAgreement: null,
      withinOneAgreement: null,
      cohensKappa: null,
      linearWeightedKappa: null,
      quadraticWeightedKappa: null,
      gwetsAc1: null,
    };
  }
  const exact = pairs.filter((pair) => pair.first === pair.second).length;
  const withinOne = pairs.filter((pair) => Math.abs(pair.first - pair.second) <= 1).length;
  return {
    ...base,
    exactAgreement: proportion(exact, n),
    withinOneAgreement: proportion(withinOne, n),
    cohensKappa: weightedKappa(table, agreementWeights(categoryCount, "identity")),
    linearWeightedKappa: weightedKappa(table, agreementWeights(categoryCount, "linear")),
    quadraticWeightedKappa: weightedKappa(table, agreementWeights(categoryCount, "quadratic")),
    gwetsAc1: gwetsAc1(table),
  };
}

// Grade keys to index pairs: index = rank − 1, so index 0 is the best grade.
// Throws DomainError("invalid_grade") for a key not on the scale.
export function gradePairs(pairs: readonly { first: string; second: string }[], scale: GradeScale): GradePair[] {
  return pairs.map((pair) => ({ first: gradeOn(scale, pair.first).rank - 1, second: gradeOn(scale, pair.second).rank - 1 }));
}

// A moderation's grades as pairs (first = auditor, second = moderator),
// leaving out grades the moderator has not given yet.
export function moderatedGradePairs(
  grades: readonly Pick<ModeratedGrade, "auditorGrade" | "moderatorGrade">[],
  scale: GradeScale,
): GradePair[] {
  return gradePairs(
    grades.flatMap((grade) => (grade.moderatorGrade === undefined ? [] : [{ first: grade.auditorGrade, second: grade.moderatorGrade }])),
    scale,
  );
}

export function agreementStatisticsForGrades(
  pairs: readonly { first: string; second: string }[],
  scale: GradeScale,
  options: AgreementOptions = {},
): AgreementStatistics {
  return agreementStatistics(gradePairs(pairs, scale), scale.grades.length, options);
}

// Grade shift: how moderators moved auditors' grades. Direction, stated once:
// `first` is the AUDITOR's grade, `second` the MODERATOR's, and a lower index
// is a better grade (index 0 = rank 1 = best). So
//   up   = moderator graded better than the auditor (second < first),
//   down = moderator graded worse (second > first): the auditor was more generous,
//   meanShift = mean(first − second) in grade steps, positive = moderator graded better,
//   optimism  = down / (up + down): the share of re-grades that were downward,
//               1 = every change marked the auditor down (auditor optimistic),
//               0 = every change marked the auditor up (auditor cautious),
//               null when nothing was re-graded (no direction to report).
// No pairs: meanShift and optimism are null. The verdict is "too_few_to_say"
// below `minimumPairs` pairs (default 10) and always when there are none.
export interface GradeShift {
  n: number;
  up: number;
  down: number;
  same: number;
  meanShift: number | null;
  optimism: number | null;
  minimumPairs: number;
  enough: boolean;
  verdict: Verdict;
}

export function gradeShift(pairs: readonly GradePair[], options: AgreementOptions = {}): GradeShift {
  const minimumPairs = options.minimumPairs ?? DEFAULT_MINIMUM_PAIRS;
  checkMinimumPairs(minimumPairs);
  for (const pair of pairs) {
    for (const index of [pair.first, pair.second]) {
      if (!Number.isInteger(index) || index < 0) {
        throw new DomainError("invalid_grade", "A grade index must be a whole number, 0 or more", { index });
      }
    }
  }
  const n = pairs.length;
  const up = pairs.filter((pair) => pair.second < pair.first).length;
  const down = pairs.filter((pair) => pair.second > pair.first).length;
  const enough = n > 0 && n >= minimumPairs;
  return {
    n,
    up,
    down,
    same: n - up - down,
    meanShift: n === 0 ? null : sum(pairs.map((pair) => pair.first - pair.second)) / n,
    optimism: up + down === 0 ? null : down / (up + down),
    minimumPairs,
    enough,
    verdict: enough ? "ok" : "too_few_to_say",
  };
}

export function gradeShiftForGrades(
  pairs: readonly { first: string; second: string }[],
  scale: GradeScale,
  options: AgreementOptions = {},
): GradeShift {
  return gradeShift(gradePairs(pairs, scale), options);
}

// The grade shift per group (an auditor, a team), groups in name order.
export function gradeShiftByGroup(
  rows: readonly (GradePair & { group: string })[],
  options: AgreementOptions = {},
): { group: string; shift: GradeShift }[] {
  const groups = new Map<string, GradePair[]>();
  for (const row of rows) {
    const list = groups.get(row.group) ?? [];
    list.push({ first: row.first, second: row.second });
    groups.set(row.group, list);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, list]) => ({ group, shift: gradeShift(list, options) }));
}
