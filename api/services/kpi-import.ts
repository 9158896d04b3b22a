// Imports a month (or months) of KPI values from CSV. The file is checked row
// by row first and every rejected row is named with its reason; only a file
// with no rejected rows is written, in one store transaction, so nothing is
// ever half-imported. Values already held for the same months and KPIs are
// replaced in that transaction, and the import record says how many (its
// changes are in the audit log). The import runs in the background; the tab
// polls the import record, and this process adds live progress while it runs.
import { readCsvRows } from "../domain/csv-rows.js";
import { DomainError } from "../domain/errors.js";
import { checkKpiCsvHeader, KpiCsvChecker, type CheckedKpiValue, type CsvRow } from "../domain/performance/kpi-csv.js";
import { monthName, monthOf } from "../domain/performance/months.js";
import type { RejectedRow } from "../domain/records/kpi-import.js";
import { allRecords } from "../store/all-records.js";
import type { Actor, Saved, Store } from "../store/port.js";

/** An unfinished import untouched for this long was stopped by a restart (its values were never saved). */
const STALLED_AFTER_MS = 10 * 60 * 1000;
/** Rows checked between progress updates. */
const CHUNK_ROWS = 250;
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportProgress {
  readonly phase: "checking" | "writing";
  readonly done: number;
  readonly total: number;
}

export type KpiImportView = Saved<"kpiImport"> & { readonly progress?: ImportProgress };

export class KpiImports {
  private readonly live = new Map<string, ImportProgress>();
  private readonly running = new Map<string, Promise<void>>();
  // The latest record of each running import: while its values are written the
  // store is busy with the transaction, and a poll must not wait for it.
  private readonly known = new Map<string, Saved<"kpiImport">>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    /** Runs after a successful import (the focused-audit rules). */
    private readonly afterImport: (actor: Actor) => Promise<void> = async () => undefined,
  ) {}

  /** Starts an import and returns its record at once; poll `view` for progress. */
  async start(fileName: string, csvText: string, actor: Actor): Promise<KpiImportView> {
    const read = readCsvRows(csvText);
    if (!read.ok) {
      return this.store.create(
        "kpiImport",
        { fileName, status: "rejected", importedById: actor.id, rowCount: 0, rejectedRows: [read.rejected], message: "Nothing was imported: the file could not be read as CSV.", finishedAt: this.now().toISOString() },
        actor,
      );
    }
    const [header, ...rows] = read.rows;
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new DomainError("invalid_record", `The file has ${rows.length} rows of figures; import at most ${MAX_IMPORT_ROWS} at a time (for example one month per file).`, { field: "csv" });
    }
    const record = await this.store.create("kpiImport", { fileName, status: "validating", importedById: actor.id, rowCount: rows.length }, actor);
    this.live.set(record.id, { phase: "checking", done: 0, total: rows.length });
    this.known.set(record.id, record);
    const work = this.run(record.id, header?.cells ?? [], rows, actor).finally(() => {
      this.live.delete(record.id);
      this.known.delete(record.id);
      this.running.delete(record.id);
    });
    this.running.set(record.id, work);
    return { ...record, progress: { phase: "checking", done: 0, total: rows.length } };
  }

  async view(importId: string): Promise<KpiImportView> {
    const running = this.known.get(importId);
    const liveProgress = this.live.get(importId);
    if (running && liveProgress) return { ...running, progress: liveProgress };
    const record = await this.store.get("kpiImport", importId);
    if (!record) throw new DomainError("not_found", `There is no KPI import with id ${importId}.`);
    const progress = this.live.get(importId);
    if (progress) return { ...record, progress };
    const unfinished = record.status === "validating" || record.status === "writing";
    if (unfinished && this.now().getTime() - Date.parse(record.updatedAt) > STALLED_AFTER_MS) {
      // Another server copy may still be running it, so this is said, not saved.
      return { ...record, status: "failed", message: "This import stopped before it finished (the server restarted). Nothing from it was saved: import the file again." };
    }
    return record;
  }

  /** Resolves when the import has finished (for tests and shutdown). */
  async settled(importId: string): Promise<KpiImportView> {
    await this.running.get(importId);
    return this.view(importId);
  }

  private async run(importId: string, header: readonly string[], rows: readonly CsvRow[], actor: Actor): Promise<void> {
    try {
      const headerCheck = checkKpiCsvHeader(header);
      if (!headerCheck.ok) {
        await this.finish(importId, { status: "rejected", rejectedRows: [headerCheck.rejected], message: "Nothing was imported: the header row is not in the KPI values format." }, actor);
        return;
      }
      const checker = new KpiCsvChecker(headerCheck.columns, await this.lookups());
      const values: CheckedKpiValue[] = [];
      const rejected: RejectedRow[] = [];
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        for (const row of rows.slice(start, start + CHUNK_ROWS)) {
          const result = checker.check(row);
          if (result.ok) values.push(result.value);
          else rejected.push(result.rejected);
        }
        const done = Math.min(start + CHUNK_ROWS, rows.length);
        this.live.set(importId, { phase: "checking", done, total: rows.length });
        await this.update(importId, { checkedCount: done }, actor);
      }
      const months = [...new Set(values.map((value) => value.month))].sort();
      const kpiCodes = [...new Set(values.map((value) => value.kpiCode))].sort();
      if (rejected.length > 0 || values.length === 0) {
        const message =
          values.length === 0 && rejected.length === 0
            ? "Nothing was imported: the file has no rows of figures."
            : `Nothing was imported: ${rejected.length} of ${rows.length} row${rows.length === 1 ? " has a problem" : "s have problems"}. Correct ${rejected.length === 1 ? "it" : "them"} and import the whole file again.`;
        await this.finish(importId, { status: "rejected", rejectedRows: rejected, months, kpiCodes, message }, actor);
        return;
      }
      this.live.set(importId, { phase: "writing", done: 0, total: values.length });
      await this.update(importId, { status: "writing", months, kpiCodes }, actor);
      await this.store.transaction(async (tx) => {
        let replaced = 0;
        const pairs = new Set(values.map((value) => `${value.kpiId}|${value.month}`));
        for (const pair of pairs) {
          const [kpiId, month] = pair.split("|") as [string, string];
          for (const old of await allRecords(tx, "kpiValue", { where: { kpiId, month } })) {
            await tx.delete("kpiValue", old.id, old.etag, actor);
            replaced += 1;
            if (replaced % CHUNK_ROWS === 0) await letPollsThrough();
          }
        }
        let written = 0;
        for (const value of values) {
          const { row: _row, kpiCode: _code, ...kpiValue } = value;
          await tx.create("kpiValue", { ...kpiValue, importId }, actor);
          written += 1;
          if (written % CHUNK_ROWS === 0) {
            this.live.set(importId, { phase: "writing", done: written, total: values.length });
            await letPollsThrough();
          }
        }
        const current = await tx.get("kpiImport", importId);
        if (!current) throw new Error(`The import record ${importId} disappeared`);
        const monthList = months.length <= 3 ? months.map(monthName).join(", ") : `${months.length} months from ${monthName(months[0]!)} to ${monthName(months[months.length - 1]!)}`;
        await tx.update(
          "kpiImport",
          importId,
          {
            status: "imported",
            importedCount: written,
            replacedCount: replaced,
            message: replaced > 0 ? `Imported ${written} values for ${monthList}, replacing the ${replaced} values imported before for the same months and KPIs.` : `Imported ${written} values for ${monthList}.`,
            finishedAt: this.now().toISOString(),
          },
          current.etag,
          actor,
        );
      });
      await this.afterImport(actor);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.finish(importId, { status: "failed", message: `Nothing was imported: the import stopped with an error (${reason}). Try again; if it happens again, tell your administrator.` }, actor).catch(() => undefined);
    }
  }

  private async lookups() {
    const [kpis, teams, services] = [await allRecords(this.store, "kpiDefinition"), await allRecords(this.store, "team"), await allRecords(this.store, "service")];
    return {
      kpis: kpis.map((kpi) => ({ id: kpi.id, code: kpi.code, unit: kpi.unit })),
      teams: teams.map((team) => ({ id: team.id, name: team.name, serviceId: team.serviceId })),
      services: services.map((service) => ({ id: service.id, name: service.name })),
      currentMonth: monthOf(this.now()),
    };
  }

  private async update(importId: string, changes: Partial<Saved<"kpiImport">>, actor: Actor): Promise<void> {
    const current = await this.store.get("kpiImport", importId);
    if (!current) throw new Error(`The import record ${importId} disappeared`);
    const { id: _id, etag: _etag, createdAt: _created, updatedAt: _updated, ...rest } = changes;
    this.known.set(importId, await this.store.update("kpiImport", importId, rest, current.etag, actor));
  }

  private finish(importId: string, changes: Partial<Saved<"kpiImport">>, actor: Actor): Promise<void> {
    return this.update(importId, { ...changes, finishedAt: this.now().toISOString() }, actor);
  }
}

// The store's transaction runs on microtasks alone; a pause lets the server
// answer the tab's progress polls (which read the import's progress from
// memory, not the busy store) while a long import is written.
function letPollsThrough(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

