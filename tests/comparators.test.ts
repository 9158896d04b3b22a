// Comparators (framework component ii) from the real DfE files in
// reference/dfe/ (a copy of the shared DfE data). Expected figures are read out of the CSV text by the small,
// independent reader below (not the importer under test); the headline Hampshire
// figures are also hard-coded, as checked by grepping the files:
//   c1 row 104  2025 Hampshire  rereferral_percent 41
//   c1 row 10   2025 South East rereferral_percent 28.4
//   c1 row 2    2025 England    rereferral_percent 22.6
//   c1 row 269  2024 Hampshire  rereferral_percent u   (suppressed: low reliability)
//   d5 2025 2_years_or_more_percent: Cambridgeshire, Warwickshire, Hertfordshire c
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  parseDfeStatisticsCsv,
  parseStatisticalNeighboursCsv,
  readDfeStatisticsFile,
  readStatisticalNeighboursFile,
} from "../api/comparators/dfe-files.js";
import {
  comparatorsFor,
  NO_PUBLISHED_NEIGHBOUR,
  NO_ROW,
  parsePublishedValue,
  type NeighbourGroup,
  type PeriodComparators,
  type StatisticsTable,
} from "../api/domain/comparators/index.js";
import { DomainError } from "../api/domain/errors.js";

const dfe = (name: string): URL => new URL(`../reference/dfe/${name}`, import.meta.url);
const C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
const CSWW = "csww_indicators_2017_to_2025.csv";
const D5 = "d5_cpps_at31march_by_duration_2013_to_2025.csv";
const NEIGHBOURS = "New_Statistical_Neighbour_Groupings_April_2021.csv";

// ---- an independent, deliberately simple reading of the CSV text ----

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function csvLines(name: string): string[][] {
  const text = readFileSync(dfe(name), "utf8").replace(/^\uFEFF/, "");
  return text
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .map(splitCsvLine);
}

function csvObjects(name: string): Record<string, string>[] {
  const [header = [], ...rows] = csvLines(name);
  return rows.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ""])));
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

/** Hampshire's neighbours as the groupings file lists them: [old LA number, closeness]. */
function neighboursInFile(laNumber: string): { laNumber: string; name: string; closeness: string }[] {
  const lines = csvLines(NEIGHBOURS);
  const names = new Map(lines.slice(1).map((cells) => [cells[0] ?? "", cells[1] ?? ""]));
  const line = only(lines.filter((cells) => cells[0] === laNumber));
  const result = [];
  for (let n = 0; n < 10; n += 1) {
    const number = line[5 + 2 * n] ?? "";
    result.push({ laNumber: number, name: names.get(number) ?? "", closeness: line[6 + 2 * n] ?? "" });
  }
  return result;
}

function publishedNumber(value: { kind: string } & ({ value: number } | { code: string })): number {
  if (value.kind !== "published" || !("value" in value)) throw new Error(`expected a published value, got ${JSON.stringify(value)}`);
  return value.value;
}

function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError");
}

// ---- fixtures: the real files, read by the importer under test ----

let c1: StatisticsTable;
let d5: StatisticsTable;
let csww: StatisticsTable;
let neighbours: NeighbourGroup[];
let scratch: string;

beforeAll(async () => {
  [c1, d5, csww, neighbours] = await Promise.all([
    readDfeStatisticsFile(dfe(C1)),
    readDfeStatisticsFile(dfe(D5)),
    readDfeStatisticsFile(dfe(CSWW)),
    readStatisticalNeighboursFile(dfe(NEIGHBOURS)),
  ]);
  scratch = mkdtempSync(join(tmpdir(), "golden-thread-comparators-"));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("a published value", () => {
  const at = { row: 7, column: "rereferral_percent", source: "c1.csv" };

  it("reads whole numbers, decimals, negatives and zero as published numbers", () => {
    expect(parsePublishedValue("41", at)).toEqual({ kind: "published", value: 41 });
    expect(parsePublishedValue("22.6", at)).toEqual({ kind: "published", value: 22.6 });
    expect(parsePublishedValue("-3.5", at)).toEqual({ kind: "published", value: -3.5 });
    expect(parsePublishedValue("0", at)).toEqual({ kind: "published", value: 0 });
  });

  it("reads every suppression code as not published, never as zero", () => {
    for (const code of ["c", "x", "z", "u", "low"]) {
      expect(parsePublishedValue(code, at)).toEqual({ kind: "not_published", code });
    }
  });

  it("refuses anything else, naming the row and column", () => {
    for (const bad of ["n/a", "", "1,234", "12%", "C"]) {
      const error = caught(() => parsePublishedValue(bad, at));
      expect(error.code).toBe("invalid_record");
      expect(error.message).toContain("Row 7");
      expect(error.message).toContain('column "rereferral_percent"');
      expect(error.message).toContain("c1.csv");
    }
  });
});

describe("Hampshire's re-referrals (c1) against its comparators", () => {
  const c1Rows = csvObjects(C1);
  const hampshireCode = only([...new Set(c1Rows.filter((row) => row.la_name === "Hampshire").map((row) => row.new_la_code ?? ""))]);
  const latestYear = [...new Set(c1Rows.map((row) => row.time_period ?? ""))].sort().at(-1) ?? "";
  const fileValue = (match: (row: Record<string, string>) => boolean): string =>
    only(c1Rows.filter((row) => row.time_period === latestYear && match(row))).rereferral_percent ?? "";

  let latest: PeriodComparators;
  beforeAll(() => {
    const result = comparatorsFor({ rows: c1.rows, neighbours, laCode: hampshireCode, measure: "rereferral_percent", source: c1.source });
    expect(result.authorityName).toBe("Hampshire");
    expect(result.neighbourGroupFound).toBe(true);
    latest = result.periods.at(-1) as PeriodComparators;
  });

  it("finds Hampshire's code and the latest year in the file", () => {
    expect(hampshireCode).toBe("E10000014");
    expect(latestYear).toBe("2025");
    expect(latest.timePeriod).toBe(latestYear);
  });

  it("gives Hampshire's, the South East's and England's own published values for the latest year", () => {
    const own = fileValue((row) => row.geographic_level === "Local authority" && row.new_la_code === hampshireCode);
    const southEast = fileValue((row) => row.geographic_level === "Regional" && row.region_name === "South East");
    const england = fileValue((row) => row.geographic_level === "National");

    expect(latest.authority).toMatchObject({ name: "Hampshire", row: 104, value: { kind: "published", value: Number(own) } });
    expect(latest.region).toMatchObject({ name: "South East", row: 10, value: { kind: "published", value: Number(southEast) } });
    expect(latest.england).toMatchObject({ name: "England", row: 2, value: { kind: "published", value: Number(england) } });
    // The same figures, hard-coded after grepping the file.
    expect([own, southEast, england]).toEqual(["41", "28.4", "22.6"]);
  });

  it("lists Hampshire's ten statistical neighbours from the groupings file, closest first", () => {
    const expected = neighboursInFile("850");
    expect(expected).toHaveLength(10);
    expect(latest.neighbours.members.map(({ laNumber, name, closeness }) => ({ laNumber, name, closeness }))).toEqual(expected);
    expect(latest.neighbours.members.map((member) => member.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(latest.neighbours.members[0]).toMatchObject({ laNumber: "938", name: "West Sussex", laCode: "E10000032" });
  });

  it("averages the neighbours' published values", () => {
    const values = neighboursInFile("850").map(({ laNumber }) =>
      fileValue((row) => row.geographic_level === "Local authority" && row.old_la_code === laNumber),
    );
    expect(values.every((value) => /^\d+(\.\d+)?$/.test(value))).toBe(true);
    const mean = values.reduce((sum, value) => sum + Number(value), 0) / values.length;
    expect(mean).toBeCloseTo(20.05, 10);
    expect(publishedNumber(latest.neighbours.average)).toBeCloseTo(mean, 10);
    expect(latest.neighbours.publishedCount).toBe(10);
    expect(latest.neighbours.notPublished).toEqual([]);
    for (const [i, member] of latest.neighbours.members.entries()) {
      expect(member.value).toEqual({ kind: "published", value: Number(values[i]) });
    }
  });

  it("shows Hampshire's suppressed 2024 figure (u) as not published, not zero", () => {
    const row2024 = only(
      c1Rows.filter((row) => row.time_period === "2024" && row.new_la_code === hampshireCode),
    );
    expect(row2024.rereferral_percent).toBe("u");
    const [period] = comparatorsFor({
      rows: c1.rows,
      neighbours,
      laCode: hampshireCode,
      measure: "rereferral_percent",
      timePeriod: "2024",
    }).periods;
    expect(period?.authority.value).toEqual({ kind: "not_published", code: "u" });
    expect(period?.region.value.kind).toBe("published");
  });

  it("returns every year, oldest first", () => {
    const result = comparatorsFor({ rows: c1.rows, neighbours, laCode: "e10000014", measure: "rereferral_percent" });
    expect(result.periods.map((period) => period.timePeriod)).toEqual(
      Array.from({ length: 13 }, (_, i) => String(2013 + i)),
    );
  });
});

describe("suppressed neighbours are left out of the average (d5, another file of the same layout)", () => {
  const measure = "2_years_or_more_percent";

  it("imports d5 with its own measure columns", () => {
    expect(d5.measures).toContain(measure);
    expect(d5.measures).toContain("CPP_At31");
    expect(d5.measures).not.toContain("category");
  });

  it("marks Cambridgeshire, Warwickshire and Hertfordshire (c in 2025) as not published and averages the other seven", () => {
    const d5Rows = csvObjects(D5);
    const inFile = neighboursInFile("850").map((neighbour) => ({
      ...neighbour,
      cell:
        only(
          d5Rows.filter(
            (row) => row.time_period === "2025" && row.geographic_level === "Local authority" && row.old_la_code === neighbour.laNumber,
          ),
        )[measure] ?? "",
    }));
    const suppressed = inFile.filter(({ cell }) => !/^\d/.test(cell));
    expect(suppressed.map(({ name, cell }) => [name, cell])).toEqual([
      ["Cambridgeshire", "c"],
      ["Warwickshire", "c"],
      ["Hertfordshire", "c"],
    ]);
    const publishedCells = inFile.filter(({ cell }) => /^\d/.test(cell)).map(({ cell }) => Number(cell));
    const mean = publishedCells.reduce((sum, value) => sum + value, 0) / publishedCells.length;

    const [period] = comparatorsFor({ rows: d5.rows, neighbours, laCode: "E10000014", measure, timePeriod: "2025" }).periods;
    if (period === undefined) throw new Error("no 2025 comparators");
    expect(period.neighbours.notPublished.map(({ name, value }) => [name, value])).toEqual([
      ["Cambridgeshire", { kind: "not_published", code: "c" }],
      ["Warwickshire", { kind: "not_published", code: "c" }],
      ["Hertfordshire", { kind: "not_published", code: "c" }],
    ]);
    expect(period.neighbours.publishedCount).toBe(7);
    expect(publishedNumber(period.neighbours.average)).toBeCloseTo(mean, 10);
    expect(publishedNumber(period.neighbours.average)).toBeCloseTo(2.0, 10);
    // Counting the suppressed cells as zero would have given 14.0 / 10 = 1.4.
    expect(publishedNumber(period.neighbours.average)).not.toBeCloseTo(1.4, 5);
    // A real published zero (Central Bedfordshire) is a published 0, and counts.
    expect(period.neighbours.members.find((member) => member.laNumber === "823")?.value).toEqual({ kind: "published", value: 0 });
    expect(period.authority.value).toEqual({ kind: "published", value: 3.4 });
    expect(period.region.value).toEqual({ kind: "published", value: 2.5 });
    expect(period.england.value).toEqual({ kind: "published", value: 2.3 });
  });

  it("treats a neighbour with no row in that year (Cumbria, abolished 2023) as not published", () => {
    const [period] = comparatorsFor({
      rows: c1.rows,
      neighbours,
      laCode: "E06000061", // North Northamptonshire: its SN6 is Cumbria (909)
      measure: "rereferral_percent",
      timePeriod: "2025",
    }).periods;
    const cumbria = period?.neighbours.members.find((member) => member.laNumber === "909");
    expect(cumbria).toMatchObject({ name: "Cumbria", laCode: null, row: null, value: { kind: "not_published", code: NO_ROW } });
    expect(period?.neighbours.publishedCount).toBe(9);
  });

  it("matches a neighbour by old LA number within each year, even when its new code changed (North Yorkshire, 815)", () => {
    const group = neighbours.find((candidate) => candidate.neighbours.some((neighbour) => neighbour.laNumber === "815"));
    if (group === undefined) throw new Error("no authority has North Yorkshire as a neighbour");
    const laCode = only(
      csvObjects(C1).filter((row) => row.time_period === "2025" && row.old_la_code === group.laNumber),
    ).new_la_code ?? "";
    const result = comparatorsFor({ rows: c1.rows, neighbours, laCode, measure: "rereferral_percent" });
    const codeIn = (year: string): string | null | undefined =>
      result.periods.find((period) => period.timePeriod === year)?.neighbours.members.find((m) => m.laNumber === "815")?.laCode;
    expect(codeIn("2023")).toBe("E10000023");
    expect(codeIn("2024")).toBe("E06000065");
  });
});

describe("another file of the same layout (csww) imports with its own measures", () => {
  it("finds the workforce measures by header and gives Hampshire's caseload comparators", () => {
    expect(csww.measures).toEqual(expect.arrayContaining(["caseload_fte", "agency_rate_fte", "vacancy_rate_fte", "turnover_rate_fte"]));
    expect(csww.measures).not.toContain("la_name");
    const cswwRows = csvObjects(CSWW);
    const cell = (match: (row: Record<string, string>) => boolean): number =>
      Number(only(cswwRows.filter((row) => row.time_period === "2025" && match(row))).caseload_fte);

    const [period] = comparatorsFor({ rows: csww.rows, neighbours, laCode: "E10000014", measure: "caseload_fte", timePeriod: "2025" }).periods;
    expect(period?.authority.value).toEqual({ kind: "published", value: cell((row) => row.la_name === "Hampshire") });
    expect(period?.region.value).toEqual({ kind: "published", value: cell((row) => row.geographic_level === "Regional" && row.region_name === "South East") });
    expect(period?.england.value).toEqual({ kind: "published", value: cell((row) => row.geographic_level === "National") });
    expect([period?.authority.value, period?.region.value, period?.england.value]).toEqual([
      { kind: "published", value: 16.1 },
      { kind: "published", value: 15.6 },
      { kind: "published", value: 15.2 },
    ]);
  });

  it("reads a real z in csww (Warwickshire's agency cover rate, 2025) as not published", () => {
    const warwickshire = only(csww.rows.filter((row) => row.timePeriod === "2025" && row.oldLaCode === "937"));
    expect(warwickshire.values.agency_cover_rate_fte).toEqual({ kind: "not_published", code: "z" });
  });

  it("says when an authority is only reported together with another (Northamptonshire in csww)", () => {
    const error = caught(() => comparatorsFor({ rows: csww.rows, neighbours, laCode: "E06000061", measure: "caseload_fte" }));
    expect(error.code).toBe("not_found");
    expect(error.message).toContain("E06000061 / E06000062");
  });
});

describe("clear errors", () => {
  it("refuses a file missing a required column, naming it", async () => {
    const lines = readFileSync(dfe(C1), "utf8").split("\n");
    const header = splitCsvLine(lines[0] ?? "");
    const drop = header.indexOf("la_name");
    const withoutLaName = lines
      .slice(0, 20)
      .map((line) => splitCsvLine(line).filter((_, i) => i !== drop).map((cell) => (cell.includes(",") ? `"${cell}"` : cell)).join(","))
      .join("\n");
    const path = join(scratch, "no-la-name.csv");
    writeFileSync(path, withoutLaName);
    await expect(readDfeStatisticsFile(path)).rejects.toThrow(/no-la-name\.csv is missing the column la_name\b/);
    await expect(readDfeStatisticsFile(path)).rejects.toBeInstanceOf(DomainError);
  });

  it("refuses an unknown LA code, with a hint", () => {
    const error = caught(() => comparatorsFor({ rows: c1.rows, neighbours, laCode: "E10000099", measure: "rereferral_percent", source: c1.source }));
    expect(error.code).toBe("not_found");
    expect(error.message).toContain('"E10000099"');
    expect(error.message).toContain(C1);
    const oldNumber = caught(() => comparatorsFor({ rows: c1.rows, neighbours, laCode: "850", measure: "rereferral_percent" }));
    expect(oldNumber.message).toContain("850 is the old LA number of Hampshire; its nine-character LA code is E10000014");
  });

  it("refuses an unknown measure, listing the file's measure columns", () => {
    const error = caught(() => comparatorsFor({ rows: c1.rows, neighbours, laCode: "E10000014", measure: "rereferal_percent", source: c1.source }));
    expect(error.code).toBe("invalid_query");
    expect(error.message).toContain('no measure column "rereferal_percent"');
    for (const measure of c1.measures) expect(error.message).toContain(measure);
    expect(c1.measures).toEqual([
      "referral_count",
      "rereferral_count",
      "rereferral_percent",
      "no_further_action_count",
      "no_further_action_percent",
      "not_in_need_count",
      "not_in_need_percent",
      "referral_child_count",
      "rereferral_child_count",
      "rereferral_child_percent",
    ]);
  });

  it("refuses a cell that is neither a number nor a suppression code, naming its row and column", () => {
    const lines = readFileSync(dfe(C1), "utf8").split("\n");
    lines[103] = (lines[103] ?? "").replace(",41,", ",n/a,");
    expect(lines[103]).toContain("Hampshire");
    const error = caught(() => parseDfeStatisticsCsv(lines.join("\n"), "edited-c1.csv"));
    expect(error.message).toBe(
      'Row 104, column "rereferral_percent" of edited-c1.csv holds "n/a", which is neither a number nor a DfE suppression code (c, x, z, u, low).',
    );
  });

  it("refuses an unknown time period, listing the periods the authority has", () => {
    const error = caught(() => comparatorsFor({ rows: c1.rows, neighbours, laCode: "E10000014", measure: "rereferral_percent", timePeriod: "2031" }));
    expect(error.code).toBe("not_found");
    expect(error.message).toContain("2013, 2014");
  });
});

describe("the importer's handling of layout details", () => {
  it("strips a UTF-8 byte order mark from a statistics file", () => {
    const text = readFileSync(dfe(C1), "utf8").split("\n").slice(0, 12).join("\n");
    const table = parseDfeStatisticsCsv(`\uFEFF${text}`, "bom.csv");
    expect(table.rows[0]?.timePeriod).toBe("2025");
  });

  it("reads the groupings file (which has a BOM, repeated SNP columns and an 'Old SNs' section)", () => {
    expect(neighbours.find((group) => group.laNumber === "850")?.name).toBe("Hampshire");
    expect(neighbours.find((group) => group.laNumber === "928")?.name).toBe("Northamptonshire");
    expect(neighbours.every((group) => group.neighbours.length === 10)).toBe(true);
  });

  it("refuses a groupings file missing its columns", () => {
    const error = caught(() => parseStatisticalNeighboursCsv("LA num,Name\n850,Hampshire\n", "groups.csv"));
    expect(error.message).toContain("groups.csv is missing the columns LA Name, SN1");
  });

  it("gives an average of 'not published' when no neighbour published", () => {
    const csv = [
      "time_period,time_identifier,geographic_level,country_code,region_name,old_la_code,new_la_code,la_name,rate",
      "2025,Reporting year,National,E92000001,,,,,10",
      "2025,Reporting year,Regional,E92000001,South East,,,,12",
      "2025,Reporting year,Local authority,E92000001,South East,850,E10000014,Hampshire,low",
      "2025,Reporting year,Local authority,E92000001,South East,938,E10000032,West Sussex,c",
      "2025,Reporting year,Local authority,E92000001,South West,803,E06000025,South Gloucestershire,x",
    ].join("\n");
    const table = parseDfeStatisticsCsv(csv, "tiny.csv");
    expect(table.measures).toEqual(["rate"]);
    const groups = parseStatisticalNeighboursCsv(
      "LA num,LA Name,SN1,SNP,SN2,SNP\n850,Hampshire,938,Extremely Close,803,Very Close\n938,West Sussex,850,Close,,\n",
      "groups.csv",
    );
    const [period] = comparatorsFor({ rows: table.rows, neighbours: groups, laCode: "E10000014", measure: "rate" }).periods;
    expect(period?.authority.value).toEqual({ kind: "not_published", code: "low" });
    expect(period?.region.value).toEqual({ kind: "published", value: 12 });
    expect(period?.england.value).toEqual({ kind: "published", value: 10 });
    expect(period?.neighbours.average).toEqual({ kind: "not_published", code: NO_PUBLISHED_NEIGHBOUR });
    expect(period?.neighbours.publishedCount).toBe(0);
    expect(period?.neighbours.notPublished.map((member) => member.name)).toEqual(["West Sussex", "South Gloucestershire"]);
  });

  it("refuses a file whose rows break an area down further, rather than picking one", () => {
    const csv = [
      "time_period,geographic_level,region_name,old_la_code,new_la_code,la_name,age,rate",
      "2025,National,,,,,under 10,10",
      "2025,National,,,,,10 and over,11",
      "2025,Local authority,South East,850,E10000014,Hampshire,under 10,12",
    ].join("\n");
    const table = parseDfeStatisticsCsv(csv, "by-age.csv");
    const error = caught(() => comparatorsFor({ rows: table.rows, neighbours: [], laCode: "E10000014", measure: "rate", source: "by-age.csv" }));
    expect(error.message).toContain("Rows 2 and 3 of by-age.csv both hold England for 2025");
  });
});
