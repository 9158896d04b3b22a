// Reads the Department for Education files in reference/dfe/ (or any file in
// the same layout) into the domain's comparator inputs. Header-driven: the
// documented columns are found by name, and every other column that holds
// numbers or suppression codes is a measure, so a new DfE file of the same
// layout imports without code changes.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import {
  isPublishedNumber,
  isSuppressionCode,
  parsePublishedValue,
  type NeighbourGroup,
  type PublishedValue,
  type StatisticalNeighbour,
  type StatisticsRow,
  type StatisticsTable,
} from "../domain/comparators/index.js";
import { DomainError } from "../domain/errors.js";

/** Columns every DfE statistics file must have for comparators. */
export const REQUIRED_COLUMNS = [
  "time_period",
  "geographic_level",
  "region_name",
  "new_la_code",
  "old_la_code",
  "la_name",
] as const;

/** The DfE layout's time and geography columns: never measures. */
export const DESCRIPTIVE_COLUMNS: readonly string[] = [
  ...REQUIRED_COLUMNS,
  "time_identifier",
  "country_code",
  "country_name",
  "region_code",
];

const laNumberPattern = /^\d{3}$/;
const neighbourColumnPattern = /^SN(\d+)$/;

interface CsvRecord {
  /** Row number in the file, counting the header as row 1. */
  readonly row: number;
  readonly cells: readonly string[];
}

/** Reads a DfE statistics CSV (such as c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv). */
export async function readDfeStatisticsFile(path: string | URL): Promise<StatisticsTable> {
  const { text, source } = await readText(path);
  return parseDfeStatisticsCsv(text, source);
}

/** Reads the statistical neighbour groupings CSV (New_Statistical_Neighbour_Groupings_April_2021.csv). */
export async function readStatisticalNeighboursFile(path: string | URL): Promise<NeighbourGroup[]> {
  const { text, source } = await readText(path);
  return parseStatisticalNeighboursCsv(text, source);
}

/** Interprets the text of a DfE statistics CSV; `source` names the file in messages. */
export function parseDfeStatisticsCsv(text: string, source: string): StatisticsTable {
  const [headerRecord, ...body] = readCsv(text, source);
  if (headerRecord === undefined) {
    throw new DomainError("invalid_record", `${source} is empty: it has no header row.`, { source });
  }
  const header = headerRecord.cells.map((name) => name.trim());
  assertNoDuplicateColumns(header, source);
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new DomainError(
      "invalid_record",
      `${source} is missing the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}. ` +
        `A DfE statistics file needs ${REQUIRED_COLUMNS.join(", ")}.`,
      { source, missing, required: [...REQUIRED_COLUMNS] },
    );
  }

  const column = (name: string): number => header.indexOf(name);
  const cell = (record: CsvRecord, index: number): string => (index < 0 ? "" : (record.cells[index] ?? "").trim());

  const measures = header
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => name !== "" && !DESCRIPTIVE_COLUMNS.includes(name))
    .filter(({ index }) => isMeasureColumn(body.map((record) => cell(record, index))));

  const rows = body.map((record): StatisticsRow => {
    const timePeriod = cell(record, column("time_period"));
    if (timePeriod === "") {
      throw new DomainError("invalid_record", `Row ${record.row} of ${source} has no time_period.`, {
        source,
        row: record.row,
        column: "time_period",
      });
    }
    const values: Record<string, PublishedValue> = {};
    for (const measure of measures) {
      values[measure.name] = parsePublishedValue(record.cells[measure.index] ?? "", {
        row: record.row,
        column: measure.name,
        source,
      });
    }
    return {
      row: record.row,
      timePeriod,
      timeIdentifier: cell(record, column("time_identifier")),
      geographicLevel: cell(record, column("geographic_level")),
      regionCode: cell(record, column("region_code")),
      regionName: cell(record, column("region_name")),
      oldLaCode: cell(record, column("old_la_code")),
      newLaCode: cell(record, column("new_la_code")),
      laName: cell(record, column("la_name")),
      values,
    };
  });

  return { source, measures: measures.map(({ name }) => name), rows };
}

/**
 * Interprets the statistical neighbour groupings: `LA num` (or `LA number`),
 * `LA Name`, then SN1, SNP, SN2, SNP, ... where SNn is the nth closest
 * neighbour's old LA number and the SNP after it says how close. Rows without
 * an LA number (blank separators and notes such as "Old SNs:") are skipped.
 */
export function parseStatisticalNeighboursCsv(text: string, source: string): NeighbourGroup[] {
  const [headerRecord, ...body] = readCsv(text, source);
  if (headerRecord === undefined) {
    throw new DomainError("invalid_record", `${source} is empty: it has no header row.`, { source });
  }
  const header = headerRecord.cells.map((name) => name.trim());
  const numberColumn = header.includes("LA num") ? header.indexOf("LA num") : header.indexOf("LA number");
  const nameColumn = header.indexOf("LA Name");
  const neighbourColumns = header.flatMap((name, index) => {
    const match = neighbourColumnPattern.exec(name);
    return match ? [{ name, index, rank: Number(match[1]) }] : [];
  });
  const missing = [
    ...(numberColumn < 0 ? ["LA num"] : []),
    ...(nameColumn < 0 ? ["LA Name"] : []),
    ...(neighbourColumns.length === 0 ? ["SN1"] : []),
  ];
  if (missing.length > 0) {
    throw new DomainError(
      "invalid_record",
      `${source} is missing the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}. ` +
        "A statistical neighbours file needs LA num, LA Name and SN1, SNP, SN2, SNP, ... columns.",
      { source, missing },
    );
  }
  for (const neighbourColumn of neighbourColumns) {
    if (header[neighbourColumn.index + 1] !== "SNP") {
      throw new DomainError(
        "invalid_record",
        `In ${source}, column ${neighbourColumn.name} is not followed by its SNP (closeness) column.`,
        { source, column: neighbourColumn.name },
      );
    }
  }
  const numberColumnName = header[numberColumn] ?? "LA num";

  const groups: NeighbourGroup[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const laNumber = (record.cells[numberColumn] ?? "").trim();
    if (laNumber === "") continue;
    assertLaNumber(laNumber, record.row, numberColumnName, source);
    const earlier = seen.get(laNumber);
    if (earlier !== undefined) {
      throw new DomainError(
        "invalid_record",
        `Rows ${earlier} and ${record.row} of ${source} both give neighbours for LA number ${laNumber}.`,
        { source, laNumber, rows: [earlier, record.row] },
      );
    }
    seen.set(laNumber, record.row);
    const neighbours: StatisticalNeighbour[] = [];
    for (const neighbourColumn of neighbourColumns) {
      const neighbour = (record.cells[neighbourColumn.index] ?? "").trim();
      if (neighbour === "") continue;
      assertLaNumber(neighbour, record.row, neighbourColumn.name, source);
      neighbours.push({
        rank: neighbourColumn.rank,
        laNumber: neighbour,
        closeness: (record.cells[neighbourColumn.index + 1] ?? "").trim(),
      });
    }
    neighbours.sort((a, b) => a.rank - b.rank);
    groups.push({ laNumber, name: (record.cells[nameColumn] ?? "").trim(), neighbours });
  }
  return groups;
}

/** A measure column holds numbers (and perhaps suppression codes), or only suppression codes. */
function isMeasureColumn(cells: readonly string[]): boolean {
  if (cells.some((text) => isPublishedNumber(text))) return true;
  return cells.length > 0 && cells.every((text) => isSuppressionCode(text));
}

function readCsv(text: string, source: string): CsvRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text.replace(/^\uFEFF/, ""), {
      bom: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError("invalid_record", `${source} could not be read as CSV: ${reason}.`, { source });
  }
  return parsed.map(({ record, info }) => ({ row: info.lines, cells: record }));
}

function assertNoDuplicateColumns(header: readonly string[], source: string): void {
  const duplicate = header.find((name, index) => name !== "" && header.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw new DomainError("invalid_record", `${source} has two columns named "${duplicate}".`, {
      source,
      column: duplicate,
    });
  }
}

function assertLaNumber(text: string, row: number, column: string, source: string): void {
  if (!laNumberPattern.test(text)) {
    throw new DomainError(
      "invalid_record",
      `Row ${row}, column "${column}" of ${source} holds "${text}", which is not a three-digit LA number.`,
      { source, row, column, value: text },
    );
  }
}

async function readText(path: string | URL): Promise<{ text: string; source: string }> {
  const filePath = path instanceof URL ? fileURLToPath(path) : path;
  const source = basename(filePath);
  try {
    return { text: await readFile(filePath, "utf8"), source };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError("not_found", `Cannot read the DfE file ${source}: ${reason}`, { path: filePath });
  }
}
