// The one store port every service uses. Two adapters implement it: SQLite
// (the embedded default) and SharePoint lists through Microsoft Graph. The
// conformance suite in tests/store-conformance.ts holds both to it.
import type { AuditLogEntry } from "../domain/records/audit-log.js";
import type { RecordInput, RecordKind, RecordOf } from "../domain/records/index.js";

/** Who made a change: a person's id, or a named system process such as "system:seed". */
export interface Actor {
  id: string;
}

export interface RecordMeta {
  id: string;
  /** Opaque version tag: pass it back as `ifMatch` to update or delete. */
  etag: string;
  createdAt: string;
  updatedAt: string;
}

export type Saved<K extends RecordKind> = RecordOf<K> & RecordMeta;

export type FieldValue = string | number | boolean;

/** Equality, membership, an inclusive range (dates compare as ISO strings), or "this list field holds". */
export type FieldCondition =
  | FieldValue
  | null
  | { in: readonly FieldValue[] }
  | { gte?: FieldValue; lte?: FieldValue }
  | { contains: FieldValue };

export interface RecordQuery {
  where?: Record<string, FieldCondition>;
  orderBy?: { field: string; direction?: "asc" | "desc" };
  /** Page size: 1 to 500, default 50. */
  limit?: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}

export interface Page<T> {
  records: T[];
  /** Present when there is another page. */
  nextCursor?: string;
}

export interface AuditLogQuery {
  kind?: RecordKind;
  recordId?: string;
  /** Entries with a sequence greater than this. */
  after?: number;
  limit?: number;
}

export interface RecordOperations {
  create<K extends RecordKind>(kind: K, input: RecordInput<K>, actor: Actor, options?: { id?: string }): Promise<Saved<K>>;
  get<K extends RecordKind>(kind: K, id: string): Promise<Saved<K> | undefined>;
  /** Shallow-merges `changes` (a field set to undefined is removed). A stale `ifMatch` fails with a conflict and changes nothing. */
  update<K extends RecordKind>(
    kind: K,
    id: string,
    changes: Partial<RecordInput<K>>,
    ifMatch: string,
    actor: Actor,
  ): Promise<Saved<K>>;
  delete(kind: RecordKind, id: string, ifMatch: string, actor: Actor): Promise<void>;
  query<K extends RecordKind>(kind: K, query?: RecordQuery): Promise<Page<Saved<K>>>;
  auditLog(query?: AuditLogQuery): Promise<AuditLogEntry[]>;
}

export interface Store extends RecordOperations {
  readonly adapter: string;
  /** Runs `work` so that all of its changes land together or none do. Use only `tx` inside. */
  transaction<T>(work: (tx: RecordOperations) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
