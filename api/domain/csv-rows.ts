// An uploaded CSV read into rows, each numbered by the line it starts on (the
// header is line 1), so a rejected row is named where a spreadsheet shows it,
// even when a quoted field spans lines or blank lines come before it. Every
// CSV import reads its file through this; what the columns mean is its own.
import { parse } from "csv-parse/sync";

export interface CsvRow {
  /** The line the row starts on, counting the header as line 1. */
  readonly row: number;
  readonly cells: readonly string[];
}

export type CsvReading = { ok: true; rows: CsvRow[] } | { ok: false; rejected: { row: number; reason: string } };

export function readCsvRows(text: string, options: { trim?: boolean } = {}): CsvReading {
  let parsed: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    parsed = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, raw: true, trim: options.trim ?? false }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, rejected: { row: typeof line === "number" && line > 0 ? line : 1, reason: `The file could not be read as CSV: ${reason}.` } };
  }
  if (parsed.length === 0) return { ok: false, rejected: { row: 1, reason: "The file is empty: it has no header row." } };
  return {
    ok: true,
    // info.lines is where the row ends: count back over the line breaks inside it.
    rows: parsed.map(({ record, info, raw }) => ({ row: info.lines - (raw.trimStart().replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0), cells: record })),
  };
}
