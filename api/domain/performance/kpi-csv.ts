import { MONTH_PATTERN, type KpiValueLevel } from "../records/kpi-value.js";
import type { KpiUnit } from "../records/kpi-definition.js";
import type { RejectedRow } from "../records/kpi-import.js";
import type { CsvRow } from "../csv-rows.js";

// The KPI values CSV, checked row by row. Every row that cannot be imported is
// named with its reason; the caller imports nothing unless every row passes.
// Pure: the file is read into rows by the import service.

export const KPI_CSV_COLUMNS = ["kpi_code", "month", "team", "service", "value", "note"] as const;
export const REQUIRED_KPI_CSV_COLUMNS = ["kpi_code", "month", "value"] as const;

export type { CsvRow } from "../csv-rows.js";

export interface KpiForImport {
  readonly id: string;
  readonly code: string;
  readonly unit: KpiUnit;
}

export interface PlaceForImport {
  readonly id: string;
  readonly name: string;
}

export interface TeamForImport extends PlaceForImport {
  readonly serviceId: string;
}

export interface ImportLookups {
  readonly kpis: readonly KpiForImport[];
  readonly teams: readonly TeamForImport[];
  readonly services: readonly PlaceForImport[];
  /** The current month (YYYY-MM): figures for later months are refused. */
  readonly currentMonth: string;
}

export interface CheckedKpiValue {
  readonly row: number;
  readonly kpiId: string;
  readonly kpiCode: string;
  readonly month: string;
  readonly level: KpiValueLevel;
  readonly teamId?: string;
  readonly serviceId?: string;
  readonly value: number;
  readonly note?: string;
}

export type HeaderCheck = { ok: true; columns: Map<string, number> } | { ok: false; rejected: RejectedRow };

/** Finds the columns by name (any order, any case); unknown or missing columns refuse the file. */
export function checkKpiCsvHeader(header: readonly string[]): HeaderCheck {
  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => name !== "" && !(KPI_CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_KPI_CSV_COLUMNS.filter((name) => !names.includes(name));
  const duplicate = names.find((name, index) => name !== "" && names.indexOf(name) !== index);
  const problems = [
    ...(missing.length > 0 ? [`it has no ${missing.join(", ")} column${missing.length === 1 ? "" : "s"}`] : []),
    ...(unknown.length > 0 ? [`${unknown.map((name) => `"${name}"`).join(", ")} ${unknown.length === 1 ? "is not a column" : "are not columns"} of the format`] : []),
    ...(duplicate !== undefined ? [`"${duplicate}" appears twice`] : []),
  ];
  if (problems.length > 0) {
    return {
      ok: false,
      rejected: { row: 1, reason: `The header row is not in the KPI values format: ${problems.join("; ")}. The columns are ${KPI_CSV_COLUMNS.join(", ")}.` },
    };
  }
  return { ok: true, columns: new Map(names.map((name, index) => [name, index])) };
}

export class KpiCsvChecker {
  private readonly kpisByCode: Map<string, KpiForImport>;
  private readonly teamsByName: Map<string, TeamForImport>;
  private readonly servicesByName: Map<string, PlaceForImport>;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly columns: Map<string, number>,
    private readonly lookups: ImportLookups,
  ) {
    this.kpisByCode = new Map(lookups.kpis.map((kpi) => [kpi.code.toUpperCase(), kpi]));
    this.teamsByName = new Map(lookups.teams.map((team) => [normalName(team.name), team]));
    this.servicesByName = new Map(lookups.services.map((service) => [normalName(service.name), service]));
  }

  /** Checks one row: the value to import, or every reason it cannot be. */
  check(row: CsvRow): { ok: true; value: CheckedKpiValue } | { ok: false; rejected: RejectedRow } {
    const cell = (name: string) => {
      const index = this.columns.get(name);
      return index === undefined ? "" : (row.cells[index] ?? "").trim();
    };
    const reasons: string[] = [];
    const code = cell("kpi_code");
    const kpi = this.kpisByCode.get(code.toUpperCase());
    if (code === "") reasons.push("the KPI code is empty");
    else if (kpi === undefined) reasons.push(`no KPI has the code "${code}" (the codes are ${[...this.kpisByCode.values()].map((known) => known.code).join(", ")})`);

    const month = cell("month");
    if (!MONTH_PATTERN.test(month)) reasons.push(month === "" ? "the month is empty" : `"${month}" is not a month: write it as YYYY-MM, such as 2026-10`);
    else if (month > this.lookups.currentMonth) reasons.push(`${month} has not finished yet`);

    const place = this.place(cell("team"), cell("service"), reasons);
    const value = kpi === undefined ? readNumber(cell("value"), reasons) : readValue(kpi.unit, cell("value"), reasons);
    const note = cell("note");
    if (note.length > 500) reasons.push("the note is longer than 500 characters");

    if (reasons.length === 0 && kpi !== undefined && place !== undefined && value !== undefined) {
      const key = `${kpi.id}|${month}|${place.level}|${place.teamId ?? place.serviceId ?? ""}`;
      const earlier = this.seen.get(key);
      if (earlier !== undefined) reasons.push(`row ${earlier} already gives ${kpi.code} for ${place.name} in ${month}`);
      else this.seen.set(key, row.row);
    }
    if (reasons.length > 0 || kpi === undefined || place === undefined || value === undefined) {
      return { ok: false, rejected: { row: row.row, reason: sentence(reasons) } };
    }
    return {
      ok: true,
      value: {
        row: row.row,
        kpiId: kpi.id,
        kpiCode: kpi.code,
        month,
        level: place.level,
        ...(place.teamId !== undefined ? { teamId: place.teamId } : {}),
        ...(place.serviceId !== undefined ? { serviceId: place.serviceId } : {}),
        value,
        ...(note !== "" ? { note } : {}),
      },
    };
  }

  private place(teamName: string, serviceName: string, reasons: string[]): { level: KpiValueLevel; teamId?: string; serviceId?: string; name: string } | undefined {
    const service = serviceName === "" ? undefined : this.servicesByName.get(normalName(serviceName));
    if (serviceName !== "" && service === undefined) {
      reasons.push(`no service is called "${serviceName}"`);
      return undefined;
    }
    if (teamName === "") {
      if (service === undefined) return { level: "authority", name: "the whole authority" };
      return { level: "service", serviceId: service.id, name: service.name };
    }
    const team = this.teamsByName.get(normalName(teamName));
    if (team === undefined) {
      reasons.push(`no team is called "${teamName}"`);
      return undefined;
    }
    if (service !== undefined && service.id !== team.serviceId) {
      const actual = this.lookups.services.find((candidate) => candidate.id === team.serviceId);
      reasons.push(`the ${team.name} is in ${actual?.name ?? "another service"}, not ${service.name}`);
      return undefined;
    }
    return { level: "team", teamId: team.id, serviceId: team.serviceId, name: team.name };
  }
}

/** Checks every row at once (the import service checks in chunks to report progress). */
export function checkKpiCsvRows(
  columns: Map<string, number>,
  rows: readonly CsvRow[],
  lookups: ImportLookups,
): { values: CheckedKpiValue[]; rejected: RejectedRow[] } {
  const checker = new KpiCsvChecker(columns, lookups);
  const values: CheckedKpiValue[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const result = checker.check(row);
    if (result.ok) values.push(result.value);
    else rejected.push(result.rejected);
  }
  return { values, rejected };
}

const plainNumber = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

function readNumber(text: string, reasons: string[]): number | undefined {
  if (text === "") {
    reasons.push("the value is empty (leave the row out if there is no figure)");
    return undefined;
  }
  const bare = text.endsWith("%") ? text.slice(0, -1).trim() : text;
  if (!plainNumber.test(bare)) {
    reasons.push(`the value "${text}" is not a number`);
    return undefined;
  }
  return Number(bare);
}

function readValue(unit: KpiUnit, text: string, reasons: string[]): number | undefined {
  if (text.endsWith("%") && unit !== "percent") {
    reasons.push(`the value "${text}" has a % sign but this KPI is not a percentage`);
    return undefined;
  }
  const value = readNumber(text, reasons);
  if (value === undefined) return undefined;
  if (value < 0) reasons.push(`the value ${text} is negative`);
  else if (unit === "percent" && value > 100) reasons.push(`the value ${text} is a percentage over 100`);
  else if (unit === "count" && !Number.isInteger(value)) reasons.push(`the value ${text} is a count, so it must be a whole number`);
  else return value === 0 ? 0 : value;
  return undefined;
}

function normalName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

function sentence(reasons: readonly string[]): string {
  const text = reasons.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
