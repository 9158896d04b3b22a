// CSV import of feedback gathered by participation tools (such as Mind of My
// Own). Every row is checked before anything is saved: if any row is wrong,
// each wrong row is named with its reason and nothing is imported. Rows
// carry the tool's own id, so importing the same file again adds nothing.
import { readCsvRows } from "../domain/csv-rows.js";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { caseReferencePattern } from "../domain/records/case-reference.js";
import { feedbackSources, feedbackTypes } from "../domain/records/feedback.js";
import { stageDueOn } from "../domain/complaint-timescales.js";
import { DomainError, isDomainError } from "../domain/errors.js";
import { allRecords } from "../store/all-records.js";
import type { Actor, Saved, Store } from "../store/port.js";
import type { FeedbackDetails } from "./feedback-register.js";
import { FeedbackRegister } from "./feedback-register.js";

export const feedbackCsvColumns = ["source_id", "type", "received_on", "source", "theme", "team", "case_reference", "summary"] as const;
const requiredColumns = ["source_id", "type", "received_on", "source", "theme", "team"] as const;

export const maxImportRows = 2000;

export function feedbackCsvTemplate(): string {
  return stringify([
    [...feedbackCsvColumns],
    ["MOMO-2026-0412", "compliment", "2026-11-02", "child_or_young_person", "Being listened to", "Assessment team", "NM-100231", "My worker came when she said she would."],
    ["MOMO-2026-0419", "complaint", "2026-11-05", "child_or_young_person", "Changes to visits", "Children in care team", "", "Nobody told me my visit was moved."],
  ]);
}

const Row = z.object({
  source_id: z.string().trim().min(1, "source_id is empty: each row needs the tool's own id").max(200, "source_id is over 200 characters"),
  type: z.string().trim().toLowerCase().pipe(z.enum(feedbackTypes, { error: "type must be compliment or complaint" })),
  received_on: z.iso.date({ message: "received_on must be a date in the form YYYY-MM-DD" }),
  source: z.string().trim().toLowerCase().pipe(z.enum(feedbackSources, { error: `source must be one of: ${feedbackSources.join(", ")}` })),
  theme: z.string().trim().min(1, "theme is empty").max(200, "theme is over 200 characters"),
  team: z.string().trim().min(1, "team is empty"),
  case_reference: z
    .string()
    .trim()
    .toUpperCase()
    .refine((reference) => reference === "" || caseReferencePattern.test(reference), "case_reference is not a case reference (such as NM-100231); never put a name here")
    .default(""),
  summary: z.string().trim().max(2000, "summary is over 2000 characters").default(""),
});

export interface RejectedRow {
  /** The line of the file, counting the header as line 1. */
  line: number;
  sourceId: string;
  reasons: string[];
}

export interface ImportOutcome {
  imported: number;
  alreadyImported: number;
  rows: number;
}

export interface ImportSettings {
  /** The participation tool's name, e.g. "Mind of My Own": part of each row's import key. */
  sourceSystem: string;
  /** Teams the importer may record feedback for. */
  mayRecordFor: (teamId: string) => boolean;
  today: string;
}

function sourceSystemKey(sourceSystem: string): string {
  return sourceSystem.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

interface CsvRow {
  /** The line the row starts on, counting the header as line 1. */
  line: number;
  values: Record<string, string>;
  /** Set when the row has more or fewer fields than the header. */
  fieldCountProblem?: string;
}

function readCsv(csv: string): CsvRow[] {
  const read = readCsvRows(csv, { trim: true });
  if (!read.ok) throw new DomainError("invalid_record", `${read.rejected.reason} Nothing was imported.`, { field: "csv" });
  const [header, ...body] = read.rows;
  if (!header || body.length === 0) throw new DomainError("invalid_record", "The file has no rows under its header. Nothing was imported.", { field: "csv" });
  const columns = header.cells.map((name) => name.trim().toLowerCase());
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => !(feedbackCsvColumns as readonly string[]).includes(column));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [missing.length > 0 ? `missing ${missing.join(", ")}` : "", unknown.length > 0 ? `not recognised ${unknown.join(", ")}` : ""].filter(Boolean);
    throw new DomainError("invalid_record", `The header row is not the template's (${parts.join("; ")}). Download the template and use its columns. Nothing was imported.`, { field: "csv" });
  }
  if (body.length > maxImportRows) throw new DomainError("invalid_record", `The file has ${body.length} rows; import at most ${maxImportRows} at a time. Nothing was imported.`, { field: "csv" });
  return body.map(({ row: line, cells: record }) => {
    const values = Object.fromEntries(columns.map((column, index) => [column, record[index] ?? ""]));
    const fieldCountProblem = record.length === columns.length ? undefined : `the row has ${record.length} fields but the header has ${columns.length}`;
    return { line, values, fieldCountProblem };
  });
}

export async function importFeedbackCsv(store: Store, csv: string, settings: ImportSettings, actor: Actor): Promise<ImportOutcome> {
  const system = sourceSystemKey(settings.sourceSystem);
  if (!system) throw new DomainError("invalid_record", "Say which participation tool the file came from.", { field: "sourceSystem" });
  const records = readCsv(csv);
  const teams = await allRecords(store, "team");
  const teamFor = (name: string): Saved<"team"> | undefined => teams.find((team) => team.id === name || team.name.toLowerCase() === name.toLowerCase());

  const rejected: RejectedRow[] = [];
  const accepted: { details: FeedbackDetails; importKey: string }[] = [];
  const seen = new Map<string, number>();
  let alreadyImported = 0;
  for (const { line, values: raw, fieldCountProblem } of records) {
    const sourceId = raw.source_id?.trim() ?? "";
    const reasons: string[] = fieldCountProblem ? [fieldCountProblem] : [];
    const parsed = Row.safeParse(raw);
    if (!parsed.success) reasons.push(...new Set(parsed.error.issues.map((issue) => issue.message)));
    const team = raw.team ? teamFor(raw.team.trim()) : undefined;
    if (raw.team?.trim() && !team) reasons.push(`team "${raw.team.trim()}" is not a team in Golden Thread`);
    if (team && !settings.mayRecordFor(team.id)) reasons.push(`you cannot record feedback for the ${team.name}`);
    if (parsed.success && parsed.data.received_on > settings.today) reasons.push("received_on is in the future");
    if (parsed.success && parsed.data.type === "complaint") {
      try {
        stageDueOn({ stage: 1, startedOn: parsed.data.received_on });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        reasons.push(`received_on: ${error.message}`);
      }
    }
    const importKey = `${system}:${sourceId}`;
    if (sourceId && seen.has(sourceId)) reasons.push(`source_id ${sourceId} is also on line ${seen.get(sourceId)}`);
    if (sourceId) seen.set(sourceId, line);
    if (reasons.length > 0 || !parsed.success || !team) {
      rejected.push({ line, sourceId, reasons });
      continue;
    }
    if ((await store.query("feedback", { where: { importKey }, limit: 1 })).records.length > 0) {
      alreadyImported += 1;
      continue;
    }
    const row = parsed.data;
    accepted.push({
      importKey,
      details: {
        type: row.type,
        source: row.source,
        receivedOn: row.received_on,
        theme: row.theme,
        teamId: team.id,
        caseReference: row.case_reference || undefined,
        summary: row.summary,
      },
    });
  }
  if (rejected.length > 0) {
    const named = rejected.map((row) => `line ${row.line}${row.sourceId ? ` (${row.sourceId})` : ""}: ${row.reasons.join("; ")}`);
    throw new DomainError(
      "invalid_record",
      `${rejected.length} of ${records.length} rows cannot be imported, so nothing was imported. Correct these rows and import the file again. ${named.join(". ")}.`,
      { field: "csv", rejectedRows: rejected },
    );
  }
  const register = new FeedbackRegister(store);
  await store.transaction(async (tx) => {
    for (const { details, importKey } of accepted) await register.record(details, actor, { importKey }, tx);
  });
  return { imported: accepted.length, alreadyImported, rows: records.length };
}
