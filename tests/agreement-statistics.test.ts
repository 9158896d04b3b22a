// Agreement statistics, checked against published worked examples and
// against hand arithmetic shown in the comments. Where a number is derived by
// hand rather than quoted, the comment says so; printed figures are asserted
// only to the precision their source prints.
import { describe, expect, it } from "vitest";
import {
  agreementStatistics,
  agreementStatisticsForGrades,
  agreementWeights,
  contingencyTable,
  gradeShift,
  gradeShiftByGroup,
  gradeShiftForGrades,
  gwetsAc1,
  moderatedGradePairs,
  weightedKappa,
  type CoefficientEstimate,
  type GradePair,
} from "../api/domain/agreement-statistics.js";
import { isDomainError } from "../api/domain/errors.js";
import { ofstedGradeScale } from "../api/domain/records/grade-scale.js";

// Expand a table of counts (rows = first, columns = second) into pairs, so
// every example also goes through the public pairs-based entry point.
function pairsFromTable(table: number[][]): GradePair[] {
  return table.flatMap((row, first) => row.flatMap((count, second) => Array.from({ length: count }, () => ({ first, second }))));
}

function estimate(value: CoefficientEstimate | null): CoefficientEstimate {
  expect(value).not.toBeNull();
  return value!;
}

// Every number anywhere in the result is finite (no NaN, no Infinity).
function expectAllFinite(value: unknown): void {
  if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  else if (Array.isArray(value)) value.forEach(expectAllFinite);
  else if (value !== null && typeof value === "object") Object.values(value).forEach(expectAllFinite);
}

describe("Cohen's kappa against published examples", () => {
  // Cohen, J. (1960). A coefficient of agreement for nominal scales.
  // Educational and Psychological Measurement 20(1), 37–46: the worked example
  // with po = .70, pc = .41, κ = .49 (200 cases, 3 categories). The table is
  // the one reproduced from Cohen in the documentation of R's psych::cohen.kappa
  // (proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06, N = 200), which
  // quotes Cohen's κ as .492. Checked by hand:
  //   rows .60 .30 .10, columns .50 .30 .20
  //   po = .44 + .20 + .06 = .70
  //   pc = .60×.50 + .30×.30 + .10×.20 = .30 + .09 + .02 = .41
  //   κ = (.70 − .41) / (1 − .41) = .29/.59 = 0.49152…
  const cohen1960 = [
    [88, 14, 18],
    [10, 40, 10],
    [2, 6, 12],
  ];

  it("Cohen (1960): po = .70, pc = .41, κ = .49 (.492)", () => {
    const result = agreementStatistics(pairsFromTable(cohen1960), 3);
    const kappa = estimate(result.cohensKappa);
    expect(result.n).toBe(200);
    expect(kappa.observed).toBeCloseTo(0.7, 12);
    expect(kappa.chance).toBeCloseTo(0.41, 12);
    expect(kappa.value).toBeCloseTo(29 / 59, 12);
    expect(kappa.value).toBeCloseTo(0.49, 2);
    expect(kappa.value).toBeCloseTo(0.492, 3);
    expect(result.exactAgreement).toEqual({ proportion: expect.closeTo(0.7, 12), percent: expect.closeTo(70, 10) });
  });

  // Cohen, J. (1968). Weighted kappa: nominal scale agreement with provision
  // for scaled disagreement or partial credit. Psychological Bulletin 70(4),
  // 213–220: the same table with disagreement weights v = 1 (categories 1–2),
  // 3 (1–3) and 6 (2–3), 0 on the diagonal; κw = .348 as quoted by
  // psych::cohen.kappa's documentation. By hand, κw = 1 − Σ v·po / Σ v·pc:
  //   Σ v·po = 1×(.07 + .05) + 3×(.09 + .01) + 6×(.05 + .03) = .12 + .30 + .48 = .90
  //   pc cells: (1,2) .60×.30 = .18, (2,1) .30×.50 = .15, (1,3) .60×.20 = .12,
  //             (3,1) .10×.50 = .05, (2,3) .30×.20 = .06, (3,2) .10×.30 = .03
  //   Σ v·pc = 1×(.18 + .15) + 3×(.12 + .05) + 6×(.06 + .03) = .33 + .51 + .54 = 1.38
  //   κw = 1 − .90/1.38 = 1 − 15/23 = 8/23 = 0.34783…
  // Agreement weights w = 1 − v/6 give the same κw (κw is unchanged by w → a − b·v).
  it("Cohen (1968): weighted kappa with Cohen's disagreement weights is .348", () => {
    const v = [
      [0, 1, 3],
      [1, 0, 6],
      [3, 6, 0],
    ];
    const kappa = estimate(weightedKappa(cohen1960, v.map((row) => row.map((weight) => 1 - weight / 6))));
    expect(kappa.value).toBeCloseTo(8 / 23, 12);
    expect(kappa.value).toBeCloseTo(0.348, 3);
  });

  // SAS PROC FREQ (AGREE option) printout for the 3×3 table below, as recorded
  // in statsmodels' test suite (statsmodels/stats/tests/test_inter_rater.py,
  // "comparison to printout of a SAS example"). SAS's ASE is the Fleiss, Cohen &
  // Everitt (1969) large-sample variance and its limits are κ ± 1.96·ASE.
  // Printed: simple kappa 0.4842, ASE 0.1380, 95% limits 0.2137, 0.7547;
  // weighted kappa (Cicchetti–Allison = linear weights) 0.4701, ASE 0.1457,
  // limits 0.1845, 0.7558. κ by hand: n = 19, po = 13/19, rows 5 8 6,
  // columns 0 13 6, pe = (5×0 + 8×13 + 6×6)/19² = 140/361,
  // κ = (13×19 − 140)/(361 − 140) = 107/221 = 0.48416…
  const sasTable = [
    [0, 4, 1],
    [0, 8, 0],
    [0, 1, 5],
  ];

  it("SAS PROC FREQ example: simple kappa, its ASE (Fleiss, Cohen & Everitt 1969) and 95% limits", () => {
    const kappa = estimate(agreementStatistics(pairsFromTable(sasTable), 3).cohensKappa);
    expect(kappa.value).toBeCloseTo(107 / 221, 12);
    expect(kappa.value).toBeCloseTo(0.4842, 4);
    expect(kappa.standardError).toBeCloseTo(0.138, 4);
    expect(kappa.ci95[0]).toBeCloseTo(0.2137, 4);
    expect(kappa.ci95[1]).toBeCloseTo(0.7547, 4);
  });

  it("SAS PROC FREQ example: linearly weighted kappa, its ASE and 95% limits", () => {
    const kappa = estimate(agreementStatistics(pairsFromTable(sasTable), 3).linearWeightedKappa);
    expect(kappa.value).toBeCloseTo(0.4701, 4);
    expect(kappa.standardError).toBeCloseTo(0.1457, 4);
    expect(kappa.ci95[0]).toBeCloseTo(0.1845, 4);
    expect(kappa.ci95[1]).toBeCloseTo(0.7558, 4);
  });
});

describe("Gwet's AC1", () => {
  // Gwet, K. L., R package irrCAC (2019), README: the 2-rater table
  // cont3x3abstractors (Ectopic, AIU, NIU), printed with 7 significant digits:
  //   Cohen's kappa 0.7964094, SE 0.05891072; Gwet's AC1 0.8493305, SE 0.04321747;
  //   percent agreement 0.89.
  // irrCAC computes kappa's SE with the Fleiss–Cohen–Everitt formula and AC1's
  // with Gwet's (2008) formula (its confidence limits use a t quantile, so they
  // are not compared here). By hand:
  //   n = 100, pa = (13 + 20 + 56)/100 = .89; rows 13 27 60, columns 13 24 63
  //   κ: pe = (13×13 + 27×24 + 60×63)/10⁴ = (169 + 648 + 3780)/10⁴ = .4597,
  //      κ = (.89 − .4597)/(1 − .4597) = .4303/.5403 = 0.796409…
  //   AC1: π = (26, 51, 123)/200 = .13, .255, .615
  //      pe = [.13×.87 + .255×.745 + .615×.385]/(3 − 1) = (.1131 + .189975 + .236775)/2 = .269925
  //      AC1 = (.89 − .269925)/(1 − .269925) = .620075/.730075 = 0.849330…
  const abstractors = [
    [13, 0, 0],
    [0, 20, 7],
    [0, 4, 56],
  ];

  it("irrCAC (Gwet): kappa, AC1 and both standard errors for cont3x3abstractors", () => {
    const result = agreementStatistics(pairsFromTable(abstractors), 3);
    const kappa = estimate(result.cohensKappa);
    const ac1 = estimate(result.gwetsAc1);
    expect(result.exactAgreement!.proportion).toBeCloseTo(0.89, 12);
    expect(kappa.chance).toBeCloseTo(0.4597, 12);
    expect(kappa.value).toBeCloseTo(0.7964094, 7);
    expect(kappa.standardError).toBeCloseTo(0.05891072, 8);
    expect(ac1.chance).toBeCloseTo(0.269925, 12);
    expect(ac1.value).toBeCloseTo(0.620075 / 0.730075, 12);
    expect(ac1.value).toBeCloseTo(0.8493305, 7);
    expect(ac1.standardError).toBeCloseTo(0.04321747, 8);
  });

  // The high-agreement paradox that Gwet (2008), "Computing inter-rater
  // reliability and its variance in the presence of high agreement", BJMSP 61,
  // 29–48, addresses: raters agree on 94.4% of cases yet kappa is below 0,
  // while AC1 stays high. The 2×2 table is illustrative; the figures are
  // derived by hand here, not quoted from the paper:
  //   n = 125, cells ++ 118, +− 5, −+ 2, −− 0; pa = 118/125 = .944
  //   rows .984 .016, columns .96 .04
  //   κ: pe = .984×.96 + .016×.04 = .94464 + .00064 = .94528
  //      κ = (.944 − .94528)/(1 − .94528) = −.00128/.05472 = −4/171 = −0.02339…
  //   AC1: π+ = (.984 + .96)/2 = .972, π− = .028
  //      pe = (.972×.028 + .028×.972)/(2 − 1) = .054432
  //      AC1 = (.944 − .054432)/(1 − .054432) = .889568/.945568 = 27799/29549 = 0.94078…
  it("high agreement, low kappa, high AC1 (2×2 table, hand-derived)", () => {
    const result = agreementStatistics(
      pairsFromTable([
        [118, 5],
        [2, 0],
      ]),
      2,
    );
    const kappa = estimate(result.cohensKappa);
    const ac1 = estimate(result.gwetsAc1);
    expect(result.exactAgreement!.percent).toBeCloseTo(94.4, 10);
    expect(kappa.chance).toBeCloseTo(0.94528, 12);
    expect(kappa.value).toBeCloseTo(-4 / 171, 12);
    expect(ac1.chance).toBeCloseTo(0.054432, 12);
    expect(ac1.value).toBeCloseTo(27799 / 29549, 12);
    expect(ac1.value).toBeGreaterThan(0.94);
    expect(kappa.value).toBeLessThan(0);
  });
});

describe("weighted kappa, linear and quadratic", () => {
  // Hand-computed symmetric table (rows = first, columns = second), k = 3, n = 10:
  //   [3 1 0]        rows 4 4 2, columns 4 4 2
  //   [1 2 1]        diagonal 3 + 2 + 1 = 6; adjacent cells 1+1+1+1 = 4; far cells 0
  //   [0 1 1]
  // Unweighted: po = .6, pe = (16 + 16 + 4)/100 = .36, κ = .24/.64 = .375
  // Chance mass on adjacent cells: (4×4 + 4×4 + 4×2 + 2×4)/100 = .48; far cells: (4×2 + 2×4)/100 = .16
  // Linear weights 1, .5, 0:     po = .6 + .5×.4 = .8,   pe = .36 + .5×.48 = .60,  κ = .2/.4 = .5
  // Quadratic weights 1, .75, 0: po = .6 + .75×.4 = .9, pe = .36 + .75×.48 = .72, κ = .18/.28 = 9/14
  // Pearson r with scores 0 1 2: means .8 and .8; var = (0 + 4 + 8)/10 − .64 = .56 each;
  //   E[xy] = (1×1×2 + 1×2×1 + 2×1×1 + 2×2×1)/10 = 1.0, cov = 1 − .64 = .36, r = .36/.56 = 9/14
  // For a table with equal margins, quadratic-weighted kappa equals the
  // product-moment correlation (Cohen 1968; Fleiss & Cohen 1973, the
  // intraclass-correlation relation): here both are exactly 9/14.
  const symmetric = [
    [3, 1, 0],
    [1, 2, 1],
    [0, 1, 1],
  ];

  it("hand-computed 3×3 table: unweighted .375, linear .5, quadratic 9/14 = Pearson r", () => {
    const result = agreementStatistics(pairsFromTable(symmetric), 3);
    expect(estimate(result.cohensKappa).value).toBeCloseTo(0.375, 12);
    const linear = estimate(result.linearWeightedKappa);
    expect(linear.observed).toBeCloseTo(0.8, 12);
    expect(linear.chance).toBeCloseTo(0.6, 12);
    expect(linear.value).toBeCloseTo(0.5, 12);
    const quadratic = estimate(result.quadraticWeightedKappa);
    expect(quadratic.observed).toBeCloseTo(0.9, 12);
    expect(quadratic.chance).toBeCloseTo(0.72, 12);
    expect(quadratic.value).toBeCloseTo(9 / 14, 12);
    expect(result.exactAgreement!.proportion).toBeCloseTo(0.6, 12);
    expect(result.withinOneAgreement!.proportion).toBeCloseTo(1, 12);
  });

  // Cohen (1968) showed that with squared disagreement weights
  //   κw = 2·s_xy / (s_x² + s_y² + (x̄ − ȳ)²)   (moments with divisor n),
  // because Σ (i − j)² p_ij = s_x² + s_y² − 2 s_xy + (x̄ − ȳ)² and, under
  // independence, Σ (i − j)² p_i. p_.j = s_x² + s_y² + (x̄ − ȳ)². This holds for
  // any table; here an asymmetric 4-grade one.
  it("quadratic-weighted kappa equals Cohen's (1968) moment formula on an asymmetric table", () => {
    const pairs = pairsFromTable([
      [5, 3, 1, 0],
      [1, 9, 4, 1],
      [0, 2, 7, 3],
      [1, 0, 2, 4],
    ]);
    const n = pairs.length;
    const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / n;
    const xs = pairs.map((pair) => pair.first);
    const ys = pairs.map((pair) => pair.second);
    const mx = mean(xs);
    const my = mean(ys);
    const sxx = mean(xs.map((x) => (x - mx) ** 2));
    const syy = mean(ys.map((y) => (y - my) ** 2));
    const sxy = mean(pairs.map((pair) => (pair.first - mx) * (pair.second - my)));
    const expected = (2 * sxy) / (sxx + syy + (mx - my) ** 2);
    expect(estimate(agreementStatistics(pairs, 4).quadraticWeightedKappa).value).toBeCloseTo(expected, 12);
  });

  it("builds the linear (Cicchetti–Allison) and quadratic (Fleiss–Cohen) weights", () => {
    expect(agreementWeights(4, "linear")[0]).toEqual([1, expect.closeTo(2 / 3, 12), expect.closeTo(1 / 3, 12), 0]);
    expect(agreementWeights(4, "quadratic")[0]).toEqual([1, expect.closeTo(8 / 9, 12), expect.closeTo(5 / 9, 12), 0]);
    expect(agreementWeights(4, "linear")[2]).toEqual([expect.closeTo(1 / 3, 12), expect.closeTo(2 / 3, 12), 1, expect.closeTo(2 / 3, 12)]);
    expect(agreementWeights(3, "identity")).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });
});

describe("standard errors are the delta-method (large-sample) variances", () => {
  // Both Fleiss, Cohen & Everitt (1969) and Gwet (2008) derive their
  // variances by linearising the coefficient in the multinomial cell
  // proportions: Var ≈ (1/n)[Σ p_c g_c² − (Σ p_c g_c)²], g_c = ∂coefficient/∂p_c.
  // Here g is found by central differences, independently of the closed forms.
  const table = [
    [6, 3, 1, 1],
    [2, 11, 4, 1],
    [1, 3, 9, 2],
    [1, 1, 2, 5],
  ];
  const n = table.flat().reduce((total, count) => total + count, 0);

  function deltaMethodStandardError(coefficient: (cells: number[][]) => number): number {
    const p = table.map((row) => row.map((count) => count / n));
    const h = 1e-6;
    let first = 0;
    let second = 0;
    p.forEach((row, i) =>
      row.forEach((share, j) => {
        const shifted = (delta: number) => p.map((r, a) => r.map((value, b) => (a === i && b === j ? value + delta : value)));
        const gradient = (coefficient(shifted(h)) - coefficient(shifted(-h))) / (2 * h);
        first += share * gradient;
        second += share * gradient * gradient;
      }),
    );
    return Math.sqrt((second - first * first) / n);
  }

  const cases: [string, (cells: number[][]) => CoefficientEstimate | null][] = [
    ["Cohen's kappa", (cells) => weightedKappa(cells, agreementWeights(4, "identity"))],
    ["linear weighted kappa", (cells) => weightedKappa(cells, agreementWeights(4, "linear"))],
    ["quadratic weighted kappa", (cells) => weightedKappa(cells, agreementWeights(4, "quadratic"))],
    ["Gwet's AC1", (cells) => gwetsAc1(cells)],
  ];

  for (const [name, compute] of cases) {
    it(`${name}: closed-form SE matches the numerical delta method`, () => {
      const closedForm = estimate(compute(table)).standardError;
      expect(closedForm).toBeGreaterThan(0);
      expect(closedForm).toBeCloseTo(deltaMethodStandardError((cells) => estimate(compute(cells)).value), 7);
    });
  }
});

describe("edge cases give defined results", () => {
  it("an empty set: n 0, every statistic null, too few to say", () => {
    const result = agreementStatistics([], 4);
    expect(result).toEqual({
      n: 0,
      categoryCount: 4,
      minimumPairs: 10,
      enough: false,
      verdict: "too_few_to_say",
      exactAgreement: null,
      withinOneAgreement: null,
      cohensKappa: null,
      linearWeightedKappa: null,
      quadraticWeightedKappa: null,
      gwetsAc1: null,
    });
    expect(agreementStatistics([], 4, { minimumPairs: 0 }).verdict).toBe("too_few_to_say");
    expect(weightedKappa(contingencyTable([], 4), agreementWeights(4, "linear"))).toBeNull();
    expect(gwetsAc1(contingencyTable([], 4))).toBeNull();
  });

  it("all agree on a single category: pe = 1, so kappa is 1 by convention, SE 0; AC1 is 1", () => {
    const pairs = Array.from({ length: 12 }, () => ({ first: 1, second: 1 }));
    const result = agreementStatistics(pairs, 4);
    expectAllFinite(result);
    for (const kappa of [result.cohensKappa, result.linearWeightedKappa, result.quadraticWeightedKappa]) {
      expect(estimate(kappa)).toEqual({ value: 1, standardError: 0, ci95: [1, 1], observed: 1, chance: 1 });
    }
    // AC1: π = (0, 1, 0, 0), pe = Σπ(1 − π)/3 = 0, AC1 = (1 − 0)/(1 − 0) = 1.
    const ac1 = estimate(result.gwetsAc1);
    expect(ac1.value).toBe(1);
    expect(ac1.chance).toBe(0);
    expect(ac1.standardError).toBe(0);
    expect(result.exactAgreement).toEqual({ proportion: 1, percent: 100 });
    expect(result.verdict).toBe("ok");
  });

  it("all agree across several categories: every coefficient is 1 with SE 0", () => {
    const result = agreementStatistics(pairsFromTable([
      [3, 0, 0, 0],
      [0, 4, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 0, 1],
    ]), 4);
    expectAllFinite(result);
    for (const coefficient of [result.cohensKappa, result.linearWeightedKappa, result.quadraticWeightedKappa, result.gwetsAc1]) {
      expect(estimate(coefficient).value).toBe(1);
      expect(estimate(coefficient).standardError).toBeCloseTo(0, 6);
      expect(estimate(coefficient).ci95).toEqual([1, 1]);
    }
  });

  // Half the pairs are (0, 3), half (3, 0): po = 0; margins .5 on grades 0 and 3
  // for both graders, so pe = .25 + .25 = .5 and κ = (0 − .5)/(1 − .5) = −1.
  // The linear and quadratic weights of cells (0, 3) and (3, 0) are 0, so the same
  // arithmetic gives −1. AC1: π0 = π3 = .5, pe = (.25 + .25)/3 = 1/6, AC1 = −(1/6)/(5/6) = −0.2.
  it("total disagreement: kappa −1, defined standard errors", () => {
    const pairs = [...Array.from({ length: 5 }, () => ({ first: 0, second: 3 })), ...Array.from({ length: 5 }, () => ({ first: 3, second: 0 }))];
    const result = agreementStatistics(pairs, 4);
    expectAllFinite(result);
    expect(estimate(result.cohensKappa).value).toBeCloseTo(-1, 12);
    expect(estimate(result.linearWeightedKappa).value).toBeCloseTo(-1, 12);
    expect(estimate(result.quadraticWeightedKappa).value).toBeCloseTo(-1, 12);
    expect(estimate(result.gwetsAc1).value).toBeCloseTo(-0.2, 12);
    expect(estimate(result.cohensKappa).ci95[0]).toBeGreaterThanOrEqual(-1);
    expect(result.exactAgreement!.proportion).toBe(0);
    expect(result.withinOneAgreement!.proportion).toBe(0);
  });

  // One pair (2, 1): po = 0 and pe = 0 (the graders' margins do not overlap),
  // so κ = 0. AC1: π1 = π2 = .5, pe = (.25 + .25)/3 = 1/6, AC1 = −0.2.
  it("one pair: defined figures, flagged too few to say", () => {
    const result = agreementStatistics([{ first: 2, second: 1 }], 4);
    expectAllFinite(result);
    expect(result.n).toBe(1);
    expect(result.enough).toBe(false);
    expect(result.verdict).toBe("too_few_to_say");
    expect(estimate(result.cohensKappa).value).toBeCloseTo(0, 12);
    expect(estimate(result.gwetsAc1).value).toBeCloseTo(-0.2, 12);
    expect(result.withinOneAgreement).toEqual({ proportion: 1, percent: 100 });
    const agreeing = agreementStatistics([{ first: 2, second: 2 }], 4);
    expect(estimate(agreeing.cohensKappa).value).toBe(1);
    expect(agreeing.verdict).toBe("too_few_to_say");
  });

  it("below the minimum number of pairs the figures are computed but flagged too few to say", () => {
    const nine = pairsFromTable([
      [3, 1],
      [1, 4],
    ]);
    const below = agreementStatistics(nine, 2);
    expect(below.enough).toBe(false);
    expect(below.verdict).toBe("too_few_to_say");
    expect(estimate(below.cohensKappa).value).toBeGreaterThan(0);
    const atMinimum = agreementStatistics([...nine, { first: 0, second: 0 }], 2);
    expect(atMinimum.enough).toBe(true);
    expect(atMinimum.verdict).toBe("ok");
    expect(agreementStatistics(nine, 2, { minimumPairs: 9 }).verdict).toBe("ok");
  });

  it("rejects grades off the scale and a scale of fewer than two grades", () => {
    expect(() => agreementStatistics([{ first: 0, second: 4 }], 4)).toThrow(expect.objectContaining({ code: "invalid_grade" }));
    expect(() => agreementStatistics([{ first: 0.5, second: 1 }], 4)).toThrow(expect.objectContaining({ code: "invalid_grade" }));
    expect(() => agreementStatistics([], 1)).toThrow(expect.objectContaining({ code: "invalid_query" }));
    expect(() => agreementStatistics([], 4, { minimumPairs: -1 })).toThrow(expect.objectContaining({ code: "invalid_query" }));
    expect(() => weightedKappa([[1, 0], [0, 1]], [[0.5, 0], [0, 1]])).toThrow(expect.objectContaining({ code: "invalid_query" }));
  });

  it("confidence intervals are clamped to [−1, 1]", () => {
    // 9 agreements and 1 disagreement on two grades: κ is high and its
    // interval would pass 1 without the clamp.
    const result = agreementStatistics(pairsFromTable([
      [5, 1],
      [0, 4],
    ]), 2);
    const kappa = estimate(result.cohensKappa);
    expect(kappa.value + 1.96 * kappa.standardError).toBeGreaterThan(1);
    expect(kappa.ci95[1]).toBe(1);
    expect(kappa.ci95[0]).toBeCloseTo(kappa.value - 1.96 * kappa.standardError, 12);
  });
});

describe("grade keys on a GradeScale", () => {
  it("maps rank 1 (the best grade) to index 0 and uses the scale's size", () => {
    const result = agreementStatisticsForGrades(
      [
        { first: "outstanding", second: "outstanding" },
        { first: "good", second: "requires_improvement" },
        { first: "inadequate", second: "inadequate" },
      ],
      ofstedGradeScale,
    );
    expect(result.categoryCount).toBe(4);
    expect(result.exactAgreement!.proportion).toBeCloseTo(2 / 3, 12);
    expect(() => agreementStatisticsForGrades([{ first: "good", second: "excellent" }], ofstedGradeScale)).toThrow(
      expect.objectContaining({ code: "invalid_grade" }),
    );
  });

  it("takes a moderation's grades as auditor/moderator pairs, leaving out ungraded ones", () => {
    expect(
      moderatedGradePairs(
        [
          { auditorGrade: "good", moderatorGrade: "requires_improvement" },
          { auditorGrade: "outstanding" },
          { auditorGrade: "inadequate", moderatorGrade: "good" },
        ],
        ofstedGradeScale,
      ),
    ).toEqual([
      { first: 1, second: 2 },
      { first: 3, second: 1 },
    ]);
  });
});

describe("grade shift: direction and optimism", () => {
  // Convention: first = auditor, second = moderator; index 0 (rank 1,
  // Outstanding) is the best grade. "Up" = the moderator graded better.
  // Example on the Ofsted scale (auditor → moderator, shift = auditor index − moderator index):
  //   good → requires improvement    down  1 → 2   −1
  //   good → inadequate              down  1 → 3   −2
  //   outstanding → good             down  0 → 1   −1
  //   requires improvement → good    up    2 → 1   +1
  //   good → good                    same  1 → 1    0
  // up 1, down 3, same 1; meanShift = (−1 − 2 − 1 + 1 + 0)/5 = −0.6 (moderators graded
  // worse on average); optimism = down/(up + down) = 3/4: auditors were the more generous.
  const example = [
    { first: "good", second: "requires_improvement" },
    { first: "good", second: "inadequate" },
    { first: "outstanding", second: "good" },
    { first: "requires_improvement", second: "good" },
    { first: "good", second: "good" },
  ];

  it("counts up, down and same, the mean shift and optimism (hand-worked example)", () => {
    expect(gradeShiftForGrades(example, ofstedGradeScale)).toEqual({
      n: 5,
      up: 1,
      down: 3,
      same: 1,
      meanShift: expect.closeTo(-0.6, 12),
      optimism: 0.75,
      minimumPairs: 10,
      enough: false,
      verdict: "too_few_to_say",
    });
    expect(gradeShiftForGrades(example, ofstedGradeScale, { minimumPairs: 5 }).verdict).toBe("ok");
  });

  it("a moderator who grades better gives a positive shift and zero optimism", () => {
    const shift = gradeShift([
      { first: 2, second: 1 }, // requires improvement → good: up
      { first: 3, second: 1 }, // inadequate → good: up two steps
    ]);
    expect(shift.up).toBe(2);
    expect(shift.down).toBe(0);
    expect(shift.meanShift).toBeCloseTo(1.5, 12);
    expect(shift.optimism).toBe(0);
  });

  it("no re-grades: optimism null, mean shift 0; no pairs: both null", () => {
    const agreed = gradeShift(Array.from({ length: 12 }, () => ({ first: 1, second: 1 })));
    expect(agreed).toMatchObject({ n: 12, up: 0, down: 0, same: 12, optimism: null, verdict: "ok" });
    expect(agreed.meanShift).toBeCloseTo(0, 12);
    expect(gradeShift([])).toEqual({
      n: 0,
      up: 0,
      down: 0,
      same: 0,
      meanShift: null,
      optimism: null,
      minimumPairs: 10,
      enough: false,
      verdict: "too_few_to_say",
    });
  });

  it("per auditor or team, each group with its own verdict", () => {
    const groups = gradeShiftByGroup(
      [
        ...Array.from({ length: 10 }, (_, index) => ({ group: "team-b", first: 1, second: index < 4 ? 2 : 1 })),
        { group: "team-a", first: 2, second: 1 },
      ],
    );
    expect(groups.map((entry) => entry.group)).toEqual(["team-a", "team-b"]);
    expect(groups[0]!.shift).toMatchObject({ n: 1, up: 1, optimism: 0, verdict: "too_few_to_say" });
    expect(groups[1]!.shift).toMatchObject({ n: 10, down: 4, same: 6, optimism: 1, verdict: "ok" });
    expect(groups[1]!.shift.meanShift).toBeCloseTo(-0.4, 12);
  });

  it("rejects a negative or fractional grade index", () => {
    let caught: unknown;
    try {
      gradeShift([{ first: -1, second: 0 }]);
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, "invalid_grade")).toBe(true);
  });
});
