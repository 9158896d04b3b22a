// Performance data rules with no I/O: RAG status and polarity, the focused
// audit rule, the KPI values CSV checks; the DfE catalogue, which picks up
// any file of the DfE layout placed in its folder; and an import stopped by a restart.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DfeCatalogue } from "../api/comparators/dfe-catalogue.js";
import { evaluateFocusedAuditRule, type RuleKpi } from "../api/domain/performance/focused-audit-rule.js";
import { readCsvRows } from "../api/domain/csv-rows.js";
import { checkKpiCsvHeader, checkKpiCsvRows } from "../api/domain/performance/kpi-csv.js";
import { addMonths, monthsEnding } from "../api/domain/performance/months.js";
import { formatKpiValue, ragRule, ragStatus } from "../api/domain/performance/rag.js";
import { KpiImports } from "../api/services/kpi-import.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";

describe("RAG status and polarity", () => {
  const rereferrals = { polarity: "lower_is_better", unit: "percent", target: 20, tolerance: 3 } as const;
  const visits = { polarity: "higher_is_better", unit: "percent", target: 90, tolerance: 5 } as const;

  it("lower is better: green at or below the target, amber within the tolerance above it, red beyond", () => {
    expect([19, 20, 20.1, 23, 23.1, 40].map((value) => ragStatus(rereferrals, value))).toEqual(["green", "green", "amber", "amber", "red", "red"]);
    expect(ragRule(rereferrals)).toBe("Green at 20% or below; amber above 20% up to 23%; red above 23%.");
  });

  it("higher is better: green at or above the target, amber within the tolerance below it, red beyond", () => {
    expect([95, 90, 89.9, 85, 84.9, 0].map((value) => ragStatus(visits, value))).toEqual(["green", "green", "amber", "amber", "red", "red"]);
    expect(ragRule(visits)).toBe("Green at 90% or above; amber below 90% down to 85%; red below 85%.");
  });

  it("with no tolerance there is no amber", () => {
    const strict = { ...rereferrals, tolerance: 0 };
    expect([20, 20.01].map((value) => ragStatus(strict, value))).toEqual(["green", "red"]);
    expect(ragRule(strict)).toBe("Green at 20% or below; red above 20%.");
  });

  it("writes values with their unit", () => {
    expect([formatKpiValue("percent", 20.05), formatKpiValue("days", 1), formatKpiValue("days", 45), formatKpiValue("per_worker", 16.1), formatKpiValue("count", 12)]).toEqual(["20.1%", "1 day", "45 days", "16.1 per worker", "12"]);
  });
});

describe("months", () => {
  it("counts across year ends", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(monthsEnding("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });
});

describe("the focused audit rule", () => {
  const kpi: RuleKpi = {
    id: "kpi-r",
    code: "REREF-12",
    name: "Re-referrals within 12 months",
    polarity: "lower_is_better",
    unit: "percent",
    target: 20,
    tolerance: 3,
    focusedAuditRule: { comparator: "neighbours", consecutiveMonths: 2 },
  };
  const neighbours = { value: 20.05, label: "the statistical neighbours' average (2025)" };
  const figures = (team: string, ...values: [string, number][]) => values.map(([month, value]) => ({ teamId: team, month, value }));

  it("fires for the teams worse than the neighbours' average in both of the latest two months", () => {
    const outcome = evaluateFocusedAuditRule(
      kpi,
      [
        ...figures("team-a", ["2026-08", 25], ["2026-09", 24]),
        ...figures("team-b", ["2026-08", 25], ["2026-09", 19]), // recovered in the latest month
        ...figures("team-c", ["2026-07", 30], ["2026-09", 30]), // no August figure: not two consecutive months
        ...figures("team-d", ["2026-08", 20.06], ["2026-09", 21]),
      ],
      neighbours,
    );
    expect(outcome.fired).toBe(true);
    if (!outcome.fired) return;
    expect(outcome.teamIds).toEqual(["team-a", "team-d"]);
    expect(outcome.months).toEqual(["2026-08", "2026-09"]);
    expect(outcome.evidence).toContainEqual({ teamId: "team-a", month: "2026-08", value: 25 });
    expect(outcome.benchmarkLabel).toBe("the statistical neighbours' average (2025): 20.1%");
    expect(outcome.rule).toBe("Propose a focused audit when a team's figure is worse than the statistical neighbours' average for 2 consecutive months.");
    expect(outcome.proposalKey).toBe("kpi-r|2026-09|team-a,team-d");
  });

  it("does not fire when the latest month is fine, and says why", () => {
    const outcome = evaluateFocusedAuditRule(kpi, figures("team-a", ["2026-08", 25], ["2026-09", 20]), neighbours);
    expect(outcome).toEqual({ fired: false, reason: expect.stringContaining("from August 2026 to September 2026") });
  });

  it("a suppressed comparator is not published: the rule is not checked, never compared with zero", () => {
    const outcome = evaluateFocusedAuditRule(kpi, figures("team-a", ["2026-08", 25], ["2026-09", 24]), { value: null, label: "the statistical neighbours' average (2025)" });
    expect(outcome).toEqual({ fired: false, reason: "The statistical neighbours' average (2025) is not published, so the rule cannot be checked." });
  });

  it("respects polarity: for a higher-is-better KPI, falling below the comparator fires", () => {
    const higher: RuleKpi = { ...kpi, polarity: "higher_is_better", focusedAuditRule: { comparator: "england", consecutiveMonths: 1 } };
    const outcome = evaluateFocusedAuditRule(higher, [...figures("team-a", ["2026-09", 70]), ...figures("team-b", ["2026-09", 90])], { value: 80, label: "England (2025)" });
    expect(outcome.fired && outcome.teamIds).toEqual(["team-a"]);
  });

  it("against the target, only red months count (amber is within tolerance)", () => {
    const target: RuleKpi = { ...kpi, focusedAuditRule: { comparator: "target", consecutiveMonths: 2 } };
    const amber = evaluateFocusedAuditRule(target, figures("team-a", ["2026-08", 23], ["2026-09", 22]), { value: null, label: "the target" });
    expect(amber.fired).toBe(false);
    const red = evaluateFocusedAuditRule(target, figures("team-a", ["2026-08", 23.5], ["2026-09", 26]), { value: null, label: "the target" });
    expect(red.fired && red.teamIds).toEqual(["team-a"]);
  });
});

describe("reading an uploaded CSV into rows", () => {
  it("numbers each row by the line it starts on, past blank lines and quoted line breaks", () => {
    const read = readCsvRows('\uFEFFkpi_code,month,value,note\n\nRR,2026-10,21,"two\nlines"\nRR,2026-11,19,\n');
    expect(read).toEqual({
      ok: true,
      rows: [
        { row: 1, cells: ["kpi_code", "month", "value", "note"] },
        { row: 3, cells: ["RR", "2026-10", "21", "two\nlines"] },
        { row: 5, cells: ["RR", "2026-11", "19", ""] },
      ],
    });
  });

  it("names the line of a file that is not CSV, and an empty file", () => {
    const broken = readCsvRows('a,b\n1,"unclosed\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.rejected.reason).toMatch(/^The file could not be read as CSV: /);
    expect(readCsvRows("")).toEqual({ ok: false, rejected: { row: 1, reason: "The file is empty: it has no header row." } });
  });
});

describe("checking KPI values CSV rows", () => {
  const lookups = {
    kpis: [{ id: "k1", code: "REREF-12", unit: "percent" as const }, { id: "k2", code: "CASES", unit: "count" as const }],
    teams: [{ id: "t1", name: "Assessment team", serviceId: "s1" }],
    services: [{ id: "s1", name: "Front door" }, { id: "s2", name: "Children in care" }],
    currentMonth: "2026-11",
  };

  it("reads columns by name in any order and case, and places each row", () => {
    const header = checkKpiCsvHeader(["Value", "MONTH", "kpi_code", "team", "service"]);
    expect(header.ok).toBe(true);
    if (!header.ok) return;
    const { values, rejected } = checkKpiCsvRows(
      header.columns,
      [
        { row: 2, cells: ["21", "2026-10", "reref-12", "assessment  TEAM", ""] },
        { row: 3, cells: ["7", "2026-10", "CASES", "", "Front door"] },
        { row: 4, cells: ["20%", "2026-10", "REREF-12", "", ""] },
      ],
      lookups,
    );
    expect(rejected).toEqual([]);
    expect(values).toEqual([
      { row: 2, kpiId: "k1", kpiCode: "REREF-12", month: "2026-10", level: "team", teamId: "t1", serviceId: "s1", value: 21 },
      { row: 3, kpiId: "k2", kpiCode: "CASES", month: "2026-10", level: "service", serviceId: "s1", value: 7 },
      { row: 4, kpiId: "k1", kpiCode: "REREF-12", month: "2026-10", level: "authority", value: 20 },
    ]);
  });

  it("gives every reason a row fails, in one sentence", () => {
    const header = checkKpiCsvHeader(["kpi_code", "month", "team", "service", "value"]);
    if (!header.ok) throw new Error("header");
    const { rejected } = checkKpiCsvRows(
      header.columns,
      [
        { row: 2, cells: ["", "13-2026", "", "", "abc"] },
        { row: 3, cells: ["CASES", "2026-10", "", "", "2.5"] },
        { row: 4, cells: ["CASES", "2026-10", "", "", "-1"] },
      ],
      lookups,
    );
    expect(rejected).toEqual([
      { row: 2, reason: 'The KPI code is empty; "13-2026" is not a month: write it as YYYY-MM, such as 2026-10; the value "abc" is not a number.' },
      { row: 3, reason: "The value 2.5 is a count, so it must be a whole number." },
      { row: 4, reason: "The value -1 is negative." },
    ]);
  });

  it("refuses a header with unknown or missing columns", () => {
    const header = checkKpiCsvHeader(["kpi_code", "month", "figure"]);
    expect(header).toEqual({ ok: false, rejected: { row: 1, reason: expect.stringContaining('it has no value column; "figure" is not a column of the format') } });
  });
});

describe("the DfE catalogue", () => {
  const folder = mkdtempSync(join(tmpdir(), "golden-thread-dfe-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("imports another file of the DfE layout, found by its header, with suppressed values not published", async () => {
    // A made-up measure in the published layout, with a quoted empty cell as DfE writes them.
    writeFileSync(
      join(folder, "b9_made_up_measure_2024_to_2025.csv"),
      [
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,visits_on_time_percent",
        '2025,Reporting year,National,E92000001,England,"","",,"","",80.5',
        "2025,Reporting year,Regional,E92000001,England,E12000008,South East,,,,82",
        "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,850,E10000014,Hampshire,low",
        "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,938,E10000032,West Sussex,70",
        "2025,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,c",
      ].join("\n"),
    );
    writeFileSync(
      join(folder, "neighbours.csv"),
      ["LA num,LA Name,SN1,SNP,SN2,SNP", "850,Hampshire,938,Very Close,937,Close", "938,West Sussex,850,Very Close,937,Close"].join("\n"),
    );
    writeFileSync(join(folder, "notes.csv"), "title,text\nAbout,these files\n");
    const catalogue = new DfeCatalogue(folder);
    expect(await catalogue.files()).toEqual([{ file: "b9_made_up_measure_2024_to_2025.csv", measures: ["visits_on_time_percent"] }]);
    const comparators = await catalogue.comparators("b9_made_up_measure_2024_to_2025.csv", "visits_on_time_percent", "E10000014");
    const [period] = comparators.periods;
    expect(period?.authority.value).toEqual({ kind: "not_published", code: "low" });
    expect(period?.region.value).toEqual({ kind: "published", value: 82 });
    expect(period?.england.value).toEqual({ kind: "published", value: 80.5 });
    expect(period?.neighbours.average).toEqual({ kind: "published", value: 70 });
    expect(period?.neighbours.notPublished.map((member) => member.name)).toEqual(["Warwickshire"]);
    expect((await catalogue.authorities()).map((authority) => authority.name)).toEqual(["Hampshire", "Warwickshire", "West Sussex"]);
  });

  it("reads the shipped DfE files: every authority once, and a clear error for an unknown file", async () => {
    const catalogue = new DfeCatalogue(new URL("../reference/dfe/", import.meta.url).pathname);
    const files = await catalogue.files();
    expect(files.map((file) => file.file)).toEqual([
      "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
      "csww_indicators_2017_to_2025.csv",
      "d5_cpps_at31march_by_duration_2013_to_2025.csv",
    ]);
    const southEast = (await catalogue.authorities()).filter((authority) => authority.regionName === "South East");
    expect(southEast.map((authority) => authority.name)).toEqual(expect.arrayContaining(["Hampshire", "Kent", "Surrey", "Medway", "Brighton and Hove"]));
    await expect(catalogue.comparators("nope.csv", "x", "E10000014")).rejects.toThrow("There is no DfE statistics file called nope.csv");
    const d5 = await catalogue.comparators("d5_cpps_at31march_by_duration_2013_to_2025.csv", "2_years_or_more_percent", "E10000014");
    const latest = d5.periods[d5.periods.length - 1]!;
    expect(latest.timePeriod).toBe("2025");
    expect(latest.neighbours.notPublished.map((member) => member.name).sort()).toEqual(["Cambridgeshire", "Hertfordshire", "Warwickshire"]);
    expect(latest.neighbours.publishedCount).toBe(7);
  });
});

describe("an import stopped by a restart", () => {
  it("reads as failed, with nothing saved, once it has been untouched for ten minutes", async () => {
    const startedAt = new Date("2026-11-02T09:00:00Z");
    const store = new SqliteStore({ path: ":memory:", now: () => startedAt });
    try {
      const stalled = await store.create("kpiImport", { fileName: "october.csv", status: "writing", importedById: "person-qa-lead", rowCount: 40 }, { id: "person-qa-lead" });
      const minutesLater = (minutes: number) => new KpiImports(store, () => new Date(startedAt.getTime() + minutes * 60_000));
      await expect(minutesLater(5).view(stalled.id)).resolves.toMatchObject({ status: "writing" });
      await expect(minutesLater(11).view(stalled.id)).resolves.toMatchObject({ status: "failed", message: expect.stringContaining("Nothing from it was saved") });
    } finally {
      await store.close();
    }
  });
});
