// A transaction's changes, held in memory until it commits: each write is
// validated and its ETag checked as it is made, reads see the transaction's
// own writes, and nothing reaches SharePoint unless the whole piece of work
// succeeds. SharePointStore.commit then sends the net change per record.
import { DomainError } from "../../domain/errors.js";
import type { AuditLogEntry } from "../../domain/records/audit-log.js";
import { parseRecord, recordKindLabels, recordKinds, type RecordInput, type RecordKind } from "../../domain/records/index.js";
import type { Actor, AuditLogQuery, Page, RecordOperations, RecordQuery, Saved } from "../port.js";
import { auditLogChanges, mergeChanges, type FieldChanges } from "../record-changes.js";
import { matchesWhere, orderRecords } from "./record-conditions.js";
import { newRecordId, withoutMeta, type StoredRecord } from "./list-items.js";

/** What the transaction reads from and writes through: the store's own server round trips. */
export interface RecordSource {
  fetch<K extends RecordKind>(kind: K, id: string): Promise<StoredRecord<K> | undefined>;
  query<K extends RecordKind>(kind: K, query: RecordQuery): Promise<Page<Saved<K>>>;
  auditLog(query: AuditLogQuery): Promise<AuditLogEntry[]>;
}

/** One record as the transaction left it. */
export interface StagedRecord {
  kind: RecordKind;
  id: string;
  /** What SharePoint holds now (undefined: no such record). */
  base?: StoredRecord;
  /** What the transaction leaves (null: deleted). */
  final: Saved<RecordKind> | null;
}

export interface StagedLogEntry {
  at: string;
  actorId: string;
  operation: AuditLogEntry["operation"];
  kind: RecordKind;
  recordId: string;
  changes: FieldChanges;
}

function assertKind(kind: string): asserts kind is RecordKind {
  if (!(recordKinds as string[]).includes(kind)) {
    throw new DomainError("invalid_query", `There is no kind of record called "${kind}".`, { kind });
  }
}

function assertActor(actor: Actor): void {
  if (!actor?.id?.trim()) {
    throw new DomainError("invalid_record", "Every change needs the person or process making it.", { field: "actor" });
  }
}

export function conflictError(kind: RecordKind, id: string, expected: string, current?: string): DomainError {
  return new DomainError(
    "conflict",
    `Someone else changed this ${recordKindLabels[kind]} after you opened it. Reload it to see their changes, then try again.`,
    { kind, id, expected, ...(current ? { current } : {}) },
  );
}

export function notFoundError(kind: RecordKind, id: string): DomainError {
  return new DomainError("not_found", `There is no ${recordKindLabels[kind]} with id ${id}.`, { kind, id });
}

let provisionalVersion = 0;

export class StagedChanges implements RecordOperations {
  readonly records = new Map<string, StagedRecord>();
  readonly log: StagedLogEntry[] = [];

  constructor(
    private readonly source: RecordSource,
    private readonly now: () => Date,
  ) {}

  get isEmpty(): boolean {
    return this.log.length === 0;
  }

  async create<K extends RecordKind>(kind: K, input: RecordInput<K>, actor: Actor, options: { id?: string } = {}): Promise<Saved<K>> {
    assertKind(kind);
    assertActor(actor);
    const record = parseRecord(kind, input);
    const id = options.id ?? newRecordId();
    // A new random id cannot exist yet: no need to ask SharePoint (the unique id column is the backstop).
    const staged = options.id === undefined ? this.newRecord(kind, id) : await this.stagedRecord(kind, id);
    if (staged.final) throw new DomainError("conflict", `A ${recordKindLabels[kind]} with id ${id} already exists.`, { kind, id });
    const at = this.now().toISOString();
    const saved = { ...record, id, etag: this.provisionalEtag(), createdAt: at, updatedAt: at } as Saved<K>;
    staged.final = saved;
    this.log.push({ at, actorId: actor.id, operation: "create", kind, recordId: id, changes: auditLogChanges(kind, undefined, record) });
    return saved;
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<Saved<K> | undefined> {
    assertKind(kind);
    const staged = await this.stagedRecord(kind, id);
    return (staged.final ?? undefined) as Saved<K> | undefined;
  }

  async update<K extends RecordKind>(kind: K, id: string, changes: Partial<RecordInput<K>>, ifMatch: string, actor: Actor): Promise<Saved<K>> {
    assertKind(kind);
    assertActor(actor);
    const staged = await this.stagedRecord(kind, id);
    const current = this.requireCurrent(staged, ifMatch);
    const before = withoutMeta(current);
    const record = parseRecord(kind, mergeChanges(before, changes));
    const at = this.now().toISOString();
    const saved = { ...record, id, etag: this.provisionalEtag(), createdAt: current.createdAt, updatedAt: at } as Saved<K>;
    staged.final = saved;
    this.log.push({ at, actorId: actor.id, operation: "update", kind, recordId: id, changes: auditLogChanges(kind, before, record) });
    return saved;
  }

  async delete(kind: RecordKind, id: string, ifMatch: string, actor: Actor): Promise<void> {
    assertKind(kind);
    assertActor(actor);
    const staged = await this.stagedRecord(kind, id);
    const current = this.requireCurrent(staged, ifMatch);
    staged.final = null;
    this.log.push({ at: this.now().toISOString(), actorId: actor.id, operation: "delete", kind, recordId: id, changes: auditLogChanges(kind, withoutMeta(current), undefined) });
  }

  /** SharePoint's page, with this transaction's own changes laid over it (its new records join the first page). */
  async query<K extends RecordKind>(kind: K, query: RecordQuery = {}): Promise<Page<Saved<K>>> {
    assertKind(kind);
    const page = await this.source.query(kind, query);
    const touched = [...this.records.values()].filter((staged) => staged.kind === kind);
    if (touched.length === 0) return page;
    const byId = new Map(touched.map((staged) => [staged.id, staged]));
    const visible = (saved: Saved<RecordKind>) => matchesWhere(saved, query.where);
    const records: Saved<K>[] = [];
    for (const record of page.records) {
      const staged = byId.get(record.id);
      if (!staged) records.push(record);
      else if (staged.final && visible(staged.final)) records.push(staged.final as unknown as Saved<K>);
    }
    if (!query.cursor) {
      for (const staged of touched) {
        if (!staged.base && staged.final && visible(staged.final)) records.push(staged.final as unknown as Saved<K>);
      }
    }
    return { ...page, records: orderRecords(records, query.orderBy) };
  }

  /** The log as SharePoint has it; this transaction's entries are written when it commits. */
  auditLog(query?: AuditLogQuery): Promise<AuditLogEntry[]> {
    return this.source.auditLog(query ?? {});
  }

  private async stagedRecord(kind: RecordKind, id: string): Promise<StagedRecord> {
    const key = `${kind}/${id}`;
    let staged = this.records.get(key);
    if (!staged) {
      const base = await this.source.fetch(kind, id);
      staged = this.records.get(key) ?? { kind, id, base, final: base?.saved ?? null };
      this.records.set(key, staged);
    }
    return staged;
  }

  private newRecord(kind: RecordKind, id: string): StagedRecord {
    const staged: StagedRecord = { kind, id, final: null };
    this.records.set(`${kind}/${id}`, staged);
    return staged;
  }

  private requireCurrent(staged: StagedRecord, ifMatch: string): Saved<RecordKind> {
    if (!staged.final) throw notFoundError(staged.kind, staged.id);
    if (staged.final.etag !== ifMatch) throw conflictError(staged.kind, staged.id, ifMatch, staged.final.etag);
    return staged.final;
  }

  private provisionalEtag(): string {
    provisionalVersion += 1;
    return `"staged-${provisionalVersion}"`;
  }
}
