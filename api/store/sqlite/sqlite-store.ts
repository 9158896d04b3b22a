// The embedded store: one SQLite file (WAL) holding every record as
// validated JSON, plus the append-only audit log written in the same
// transaction as each change.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { DomainError } from "../../domain/errors.js";
import type { AuditLogEntry } from "../../domain/records/audit-log.js";
import {
  parseRecord,
  recordKindLabels,
  recordKinds,
  type RecordInput,
  type RecordKind,
  type RecordOf,
} from "../../domain/records/index.js";
import type { Actor, AuditLogQuery, Page, RecordOperations, RecordQuery, Saved, Store } from "../port.js";
import { auditLogChanges, mergeChanges, type FieldChanges } from "../record-changes.js";
import { encodeCursor, pageSql } from "./query-sql.js";
import { migrate } from "./migrations.js";

interface RecordRow {
  id: string;
  version: number;
  body: string;
  created_at: string;
  updated_at: string;
  sort_value?: unknown;
}

interface AuditLogRow {
  sequence: number;
  at: string;
  actor_id: string;
  operation: AuditLogEntry["operation"];
  kind: string;
  record_id: string;
  changes: string;
}

export interface SqliteStoreOptions {
  /** A file path, or ":memory:" for tests. */
  path: string;
  now?: () => Date;
}

const etagOf = (version: number): string => `"${version}"`;

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

function toSaved<K extends RecordKind>(row: RecordRow): Saved<K> {
  const record = JSON.parse(row.body) as RecordOf<K>;
  return { ...record, id: row.id, etag: etagOf(row.version), createdAt: row.created_at, updatedAt: row.updated_at };
}

function withoutMeta(saved: Saved<RecordKind>): Record<string, unknown> {
  const { id: _id, etag: _etag, createdAt: _createdAt, updatedAt: _updatedAt, ...record } = saved;
  return record;
}

/** The synchronous operations, used both on their own and inside a transaction. */
class SqliteRecordOperations {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  create<K extends RecordKind>(kind: K, input: RecordInput<K>, actor: Actor, options: { id?: string } = {}): Saved<K> {
    assertKind(kind);
    assertActor(actor);
    const record = parseRecord(kind, input);
    const id = options.id ?? randomUUID();
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const exists = this.db.prepare("SELECT 1 FROM records WHERE kind = ? AND id = ?").get(kind, id);
      if (exists) {
        throw new DomainError("conflict", `A ${recordKindLabels[kind]} with id ${id} already exists.`, { kind, id });
      }
      try {
        this.db
          .prepare("INSERT INTO records (kind, id, version, body, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?)")
          .run(kind, id, JSON.stringify(record), at, at);
      } catch (error) {
        if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") {
          throw new DomainError("conflict", `This ${recordKindLabels[kind]} already exists.`, { kind, id });
        }
        throw error;
      }
      this.log(at, actor, "create", kind, id, auditLogChanges(kind, undefined, record));
    })();
    return { ...record, id, etag: etagOf(1), createdAt: at, updatedAt: at } as Saved<K>;
  }

  get<K extends RecordKind>(kind: K, id: string): Saved<K> | undefined {
    assertKind(kind);
    const row = this.db
      .prepare("SELECT id, version, body, created_at, updated_at FROM records WHERE kind = ? AND id = ?")
      .get(kind, id) as RecordRow | undefined;
    return row ? toSaved<K>(row) : undefined;
  }

  update<K extends RecordKind>(kind: K, id: string, changes: Partial<RecordInput<K>>, ifMatch: string, actor: Actor): Saved<K> {
    assertKind(kind);
    assertActor(actor);
    return this.db.transaction(() => {
      const current = this.requireCurrent(kind, id, ifMatch);
      const before = withoutMeta(current);
      const record = parseRecord(kind, mergeChanges(before, changes));
      const at = this.now().toISOString();
      const version = Number(JSON.parse(current.etag)) + 1;
      this.db
        .prepare("UPDATE records SET version = ?, body = ?, updated_at = ? WHERE kind = ? AND id = ?")
        .run(version, JSON.stringify(record), at, kind, id);
      this.log(at, actor, "update", kind, id, auditLogChanges(kind, before, record));
      return { ...record, id, etag: etagOf(version), createdAt: current.createdAt, updatedAt: at } as Saved<K>;
    })();
  }

  delete(kind: RecordKind, id: string, ifMatch: string, actor: Actor): void {
    assertKind(kind);
    assertActor(actor);
    this.db.transaction(() => {
      const current = this.requireCurrent(kind, id, ifMatch);
      this.db.prepare("DELETE FROM records WHERE kind = ? AND id = ?").run(kind, id);
      this.log(this.now().toISOString(), actor, "delete", kind, id, auditLogChanges(kind, withoutMeta(current), undefined));
    })();
  }

  query<K extends RecordKind>(kind: K, query: RecordQuery = {}): Page<Saved<K>> {
    assertKind(kind);
    const { sql, params, limit } = pageSql(kind, query);
    const rows = this.db.prepare(sql).all(...params) as RecordRow[];
    const records = rows.slice(0, limit).map((row) => toSaved<K>(row));
    const last = rows[limit - 1];
    return rows.length > limit && last ? { records, nextCursor: encodeCursor(last.sort_value, last.id) } : { records };
  }

  auditLog(query: AuditLogQuery = {}): AuditLogEntry[] {
    const clauses: string[] = ["sequence > ?"];
    const params: (string | number)[] = [query.after ?? 0];
    if (query.kind !== undefined) {
      clauses.push("kind = ?");
      params.push(query.kind);
    }
    if (query.recordId !== undefined) {
      clauses.push("record_id = ?");
      params.push(query.recordId);
    }
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const rows = this.db
      .prepare(`SELECT * FROM audit_log WHERE ${clauses.join(" AND ")} ORDER BY sequence LIMIT ${limit}`)
      .all(...params) as AuditLogRow[];
    return rows.map((row) => ({
      sequence: row.sequence,
      at: row.at,
      actorId: row.actor_id,
      operation: row.operation,
      kind: row.kind,
      recordId: row.record_id,
      changes: JSON.parse(row.changes) as AuditLogEntry["changes"],
    }));
  }

  private requireCurrent<K extends RecordKind>(kind: K, id: string, ifMatch: string): Saved<K> {
    const current = this.get(kind, id);
    if (!current) {
      throw new DomainError("not_found", `There is no ${recordKindLabels[kind]} with id ${id}.`, { kind, id });
    }
    if (current.etag !== ifMatch) {
      throw new DomainError(
        "conflict",
        `Someone else changed this ${recordKindLabels[kind]} after you opened it. Reload it to see their changes, then try again.`,
        { kind, id, expected: ifMatch, current: current.etag },
      );
    }
    return current;
  }

  private log(at: string, actor: Actor, operation: AuditLogEntry["operation"], kind: RecordKind, id: string, changes: FieldChanges) {
    this.db
      .prepare("INSERT INTO audit_log (at, actor_id, operation, kind, record_id, changes) VALUES (?, ?, ?, ?, ?, ?)")
      .run(at, actor.id, operation, kind, id, JSON.stringify(changes));
  }
}

function asyncOperations(operations: SqliteRecordOperations, run: <T>(work: () => T) => Promise<T>): RecordOperations {
  return {
    create: (kind, input, actor, options) => run(() => operations.create(kind, input, actor, options)),
    get: (kind, id) => run(() => operations.get(kind, id)),
    update: (kind, id, changes, ifMatch, actor) => run(() => operations.update(kind, id, changes, ifMatch, actor)),
    delete: (kind, id, ifMatch, actor) => run(() => operations.delete(kind, id, ifMatch, actor)),
    query: (kind, query) => run(() => operations.query(kind, query)),
    auditLog: (query) => run(() => operations.auditLog(query)),
  };
}

export class SqliteStore implements Store {
  readonly adapter = "sqlite";
  readonly path: string;
  private readonly db: Database.Database;
  private readonly operations: SqliteRecordOperations;
  private readonly outside: RecordOperations;
  // One connection: an open transaction must not interleave with other work,
  // so every operation waits its turn here.
  private turn: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(options: SqliteStoreOptions) {
    this.path = options.path;
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("synchronous = NORMAL");
    migrate(this.db);
    this.operations = new SqliteRecordOperations(this.db, options.now ?? (() => new Date()));
    this.outside = asyncOperations(this.operations, (work) => this.exclusively(async () => work()));
  }

  /** The schema versions applied to this file. */
  schemaVersions(): number[] {
    return this.db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all() as number[];
  }

  create: RecordOperations["create"] = (kind, input, actor, options) => this.outside.create(kind, input, actor, options);
  get: RecordOperations["get"] = (kind, id) => this.outside.get(kind, id);
  update: RecordOperations["update"] = (kind, id, changes, ifMatch, actor) =>
    this.outside.update(kind, id, changes, ifMatch, actor);
  delete: RecordOperations["delete"] = (kind, id, ifMatch, actor) => this.outside.delete(kind, id, ifMatch, actor);
  query: RecordOperations["query"] = (kind, query) => this.outside.query(kind, query);
  auditLog: RecordOperations["auditLog"] = (query) => this.outside.auditLog(query);

  transaction<T>(work: (tx: RecordOperations) => Promise<T>): Promise<T> {
    return this.exclusively(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(asyncOperations(this.operations, async (step) => step()));
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.turn.catch(() => undefined);
    this.db.close();
  }

  private exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("The store is closed"));
    const result = this.turn.then(work, work);
    this.turn = result.catch(() => undefined);
    return result;
  }
}
