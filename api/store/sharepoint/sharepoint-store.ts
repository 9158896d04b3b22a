// The production store: records in SharePoint lists on one site, through
// Microsoft Graph. Every write goes through one commit path (a transaction of
// one or many changes): checked up front, sent as JSON batches with the
// audit-log entries chained behind the changes, and undone by compensating
// writes if SharePoint refuses one part. See docs/sharepoint.md.
import { DomainError } from "../../domain/errors.js";
import { auditLogOperations, type AuditLogEntry } from "../../domain/records/audit-log.js";
import { recordKindLabels, recordKinds, type RecordKind } from "../../domain/records/index.js";
import type { AuditLogQuery, Page, RecordOperations, RecordQuery, Saved, Store } from "../port.js";
import { listFields } from "../queryable-fields.js";
import { GraphRequestError, outcomeError, succeeded, type BatchOutcome, type BatchStep, type GraphTransport } from "./graph-transport.js";
import { encodeSegment, itemFields, recordFromItem, type ListItem, type ListPage, type StoredRecord } from "./list-items.js";
import {
  allListSpecs,
  auditLogColumns,
  auditLogListName,
  listValueColumns,
  listValuesListName,
  recordIdColumn,
  recordListName,
} from "./list-schema.js";
import { listQuery, odataValue, type ListQuery } from "./odata-query.js";
import { ReadWriteLock } from "./read-write-lock.js";
import { matchesWhere, orderRecords } from "./record-conditions.js";
import { StagedChanges, conflictError, notFoundError, type RecordSource, type StagedLogEntry, type StagedRecord } from "./staged-changes.js";

export interface SharePointStoreOptions {
  /** The site's Graph id: {hostname},{site collection id},{web id}. */
  siteId: string;
  graph: GraphTransport;
  now?: () => Date;
  log?: (line: string) => void;
}

/** The lists' Graph ids, found by display name. */
export async function findLists(graph: GraphTransport, siteId: string): Promise<Map<string, string>> {
  const lists = new Map<string, string>();
  let path: string | undefined = `/sites/${siteId}/lists?$select=id,displayName&$top=200`;
  while (path) {
    const page: { value: { id: string; displayName: string }[]; "@odata.nextLink"?: string } = await graph.get(path);
    for (const list of page.value) lists.set(list.displayName, list.id);
    path = page["@odata.nextLink"] ? graph.relative(page["@odata.nextLink"]) : undefined;
  }
  return lists;
}

interface Cursor {
  kind: RecordKind;
  /** Graph's nextLink, relative. */
  link?: string;
  /** Position in a list-field view. */
  offset?: number;
}

const maxAuditLogPage = 1000;
// Record ids per $filter when reading a list-field view: short enough for any URL.
const idsPerFilter = 15;

export class SharePointStore implements Store {
  readonly adapter = "sharepoint";
  private readonly graph: GraphTransport;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly lock = new ReadWriteLock();
  private readonly source: RecordSource;
  private closed = false;

  private constructor(
    private readonly siteId: string,
    private readonly listIds: Map<string, string>,
    options: SharePointStoreOptions,
  ) {
    this.graph = options.graph;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.source = {
      fetch: (kind, id) => this.fetch(kind, id),
      query: (kind, query) => this.queryLists(kind, query),
      auditLog: (query) => this.readAuditLog(query),
    };
  }

  /** Connects to the site and finds every list; a missing list means provisioning has not run. */
  static async open(options: SharePointStoreOptions): Promise<SharePointStore> {
    const lists = await findLists(options.graph, options.siteId);
    const missing = allListSpecs().map((spec) => spec.displayName).filter((name) => !lists.has(name));
    if (missing.length > 0) {
      throw new Error(`The SharePoint site is missing ${missing.length} of Golden Thread's lists (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", ..." : ""}). Run "npm run provision:sharepoint" first.`);
    }
    return new SharePointStore(options.siteId, lists, options);
  }

  listPath(listName: string): string {
    const id = this.listIds.get(listName);
    if (!id) throw new Error(`The list ${listName} is not on the site. Run "npm run provision:sharepoint".`);
    return `/sites/${this.siteId}/lists/${id}`;
  }

  create: RecordOperations["create"] = (kind, input, actor, options) => this.single((tx) => tx.create(kind, input, actor, options));
  update: RecordOperations["update"] = (kind, id, changes, ifMatch, actor) => this.single((tx) => tx.update(kind, id, changes, ifMatch, actor));
  delete: RecordOperations["delete"] = (kind, id, ifMatch, actor) => this.single((tx) => tx.delete(kind, id, ifMatch, actor));
  get: RecordOperations["get"] = (kind, id) => this.shared(async () => (await this.fetch(kind, id))?.saved);
  query: RecordOperations["query"] = (kind, query) => this.shared(() => this.queryLists(kind, query));
  auditLog: RecordOperations["auditLog"] = (query) => this.shared(() => this.readAuditLog(query ?? {}));

  transaction<T>(work: (tx: RecordOperations) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("The store is closed"));
    return this.lock.withExclusive(async () => {
      const staged = new StagedChanges(this.source, this.now);
      const result = await work(staged);
      await this.commit(staged);
      return result;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    // Wait for work in flight.
    await this.lock.withExclusive(async () => undefined);
  }

  private single<T>(work: (tx: StagedChanges) => Promise<T>): Promise<T> {
    return this.shared(async () => {
      const staged = new StagedChanges(this.source, this.now);
      const result = await work(staged);
      await this.commit(staged);
      return result;
    });
  }

  private shared<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("The store is closed"));
    return this.lock.withShared(work);
  }

  // ---- reads ----

  private async fetch<K extends RecordKind>(kind: K, id: string): Promise<StoredRecord<K> | undefined> {
    assertKind(kind);
    const filter = `fields/${recordIdColumn} eq ${odataValue(id)}`;
    const page = await this.graph.get<ListPage>(`${this.listPath(recordListName(kind))}/items?$expand=fields&$filter=${encodeURIComponent(filter)}&$top=1`);
    const item = page.value[0];
    return item ? recordFromItem<K>(item) : undefined;
  }

  private async queryLists<K extends RecordKind>(kind: K, query: RecordQuery = {}): Promise<Page<Saved<K>>> {
    assertKind(kind);
    const plan = listQuery(kind, query);
    const cursor = query.cursor === undefined ? undefined : this.decodeCursor(kind, query.cursor);
    if (plan.filter === false) return { records: [] };
    if (plan.contains.length > 0) return this.listFieldView(kind, query, plan, cursor?.offset ?? 0);
    const path = cursor?.link ?? this.itemsQueryPath(recordListName(kind), plan);
    const page = await this.graph.get<ListPage>(path);
    const records = page.value.map((item) => recordFromItem<K>(item).saved);
    const next = page["@odata.nextLink"];
    return next ? { records, nextCursor: encodeCursor({ kind, link: this.graph.relative(next) }) } : { records };
  }

  private itemsQueryPath(listName: string, plan: Pick<ListQuery, "filter" | "orderBy" | "top">): string {
    const parts = [`$expand=fields`, `$top=${plan.top}`, `$orderby=${encodeURIComponent(plan.orderBy)}`];
    if (plan.filter) parts.push(`$filter=${encodeURIComponent(plan.filter)}`);
    return `${this.listPath(listName)}/items?${parts.join("&")}`;
  }

  /** Every page of a query on one list. */
  private async allItems(path: string): Promise<ListItem[]> {
    const items: ListItem[] = [];
    let next: string | undefined = path;
    while (next) {
      const page: ListPage = await this.graph.get<ListPage>(next);
      items.push(...page.value);
      next = page["@odata.nextLink"] ? this.graph.relative(page["@odata.nextLink"]) : undefined;
    }
    return items;
  }

  /**
   * A query with { contains } on a list field: the record ids come from the
   * list-values list (indexed on the value), the records by id, and the rest
   * of the query is answered in memory. Such views are small by design.
   */
  private async listFieldView<K extends RecordKind>(kind: K, query: RecordQuery, plan: ListQuery, offset: number): Promise<Page<Saved<K>>> {
    let ids: Set<string> | undefined;
    for (const { field, value } of plan.contains) {
      const filter = `fields/${listValueColumns.value} eq ${odataValue(String(value))} and fields/${listValueColumns.kind} eq ${odataValue(kind)}`;
      const rows = await this.allItems(`${this.listPath(listValuesListName)}/items?$expand=fields&$top=500&$filter=${encodeURIComponent(filter)}`);
      const found = new Set(rows.filter((row) => row.fields?.[listValueColumns.field] === field).map((row) => String(row.fields?.[listValueColumns.recordId])));
      ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
    }
    const records: Saved<K>[] = [];
    const wanted = [...(ids ?? [])];
    for (let start = 0; start < wanted.length; start += idsPerFilter) {
      const chunk = wanted.slice(start, start + idsPerFilter);
      const filter = `(${chunk.map((id) => `fields/${recordIdColumn} eq ${odataValue(id)}`).join(" or ")})`;
      const items = await this.allItems(`${this.listPath(recordListName(kind))}/items?$expand=fields&$top=500&$filter=${encodeURIComponent(filter)}`);
      records.push(...items.map((item) => recordFromItem<K>(item).saved));
    }
    const where = Object.fromEntries(Object.entries(query.where ?? {}).filter(([field]) => !plan.contains.some((condition) => condition.field === field)));
    const matching = orderRecords(
      records.filter((record) => matchesWhere(record, where)),
      query.orderBy,
    );
    const page = matching.slice(offset, offset + plan.top);
    const nextOffset = offset + plan.top;
    return nextOffset < matching.length ? { records: page, nextCursor: encodeCursor({ kind, offset: nextOffset }) } : { records: page };
  }

  private decodeCursor(kind: RecordKind, text: string): Cursor {
    try {
      const cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
      // Graph may spell the site id in its links differently from us; the list id and the items path are what must match.
      const listItems = `/lists/${this.listIds.get(recordListName(kind))}/items?`.toLowerCase();
      const isNextLink = typeof cursor.link === "string" && cursor.link.startsWith("/sites/") && cursor.link.toLowerCase().includes(listItems);
      if (cursor.kind === kind && (isNextLink || (Number.isInteger(cursor.offset) && cursor.offset! > 0))) {
        return cursor;
      }
    } catch {
      // fall through to the error below
    }
    throw new DomainError("invalid_query", "This page link is not valid. Start again from the first page.", { cursor: text });
  }

  private async readAuditLog(query: AuditLogQuery): Promise<AuditLogEntry[]> {
    const clauses: string[] = [];
    if (query.after !== undefined) clauses.push(`fields/ID gt ${Math.trunc(query.after)}`);
    if (query.kind !== undefined) clauses.push(`fields/${auditLogColumns.kind} eq ${odataValue(query.kind)}`);
    if (query.recordId !== undefined) clauses.push(`fields/${auditLogColumns.recordId} eq ${odataValue(query.recordId)}`);
    const limit = Math.min(Math.max(query.limit ?? 100, 1), maxAuditLogPage);
    const filter = clauses.length > 0 ? `&$filter=${encodeURIComponent(clauses.join(" and "))}` : "";
    const entries: AuditLogEntry[] = [];
    let next: string | undefined = `${this.listPath(auditLogListName)}/items?$expand=fields&$top=${limit}&$orderby=${encodeURIComponent("fields/ID asc")}${filter}`;
    while (next && entries.length < limit) {
      const page: ListPage = await this.graph.get<ListPage>(next);
      for (const item of page.value) entries.push(auditLogEntryOf(item));
      next = page["@odata.nextLink"] ? this.graph.relative(page["@odata.nextLink"]) : undefined;
    }
    return entries.slice(0, limit);
  }

  // ---- writes ----

  /**
   * Sends a transaction's net change per record, then its audit-log entries,
   * then its list-value rows, as one chain of batch steps: a step runs only
   * if the one before it succeeded. A change SharePoint refuses stops the
   * chain; the changes before it are undone and the error is raised.
   */
  private async commit(staged: StagedChanges): Promise<void> {
    if (staged.isEmpty) return;
    const changed = [...staged.records.values()].filter((record) => changeOf(record) !== undefined);
    const listValueSteps = await this.listValueSteps(changed);
    const steps: BatchStep[] = [];
    const chain = (step: Omit<BatchStep, "after">) => steps.push({ ...step, after: steps.at(-1)?.id });
    changed.forEach((record, index) => chain({ id: `record-${index}`, ...this.recordStep(record) }));
    staged.log.forEach((entry, index) => chain({ id: `log-${index}`, method: "POST", url: `${this.listPath(auditLogListName)}/items`, body: { fields: auditLogFields(entry) } }));
    listValueSteps.forEach((step, index) => chain({ ...step, id: `value-${index}` }));

    const outcomes = await this.graph.batch(steps).catch((error: unknown) => {
      // The connection broke with a batch in flight: SharePoint may have applied some of it, and nothing here can tell which.
      const records = changed.map((record) => `${record.kind} ${record.id}`).join(", ");
      this.log(`sharepoint: a batch was interrupted (${(error as Error).message}); some of these changes may have landed without their audit-log entries: ${records}`);
      throw error;
    });
    const refused = changed.findIndex((_, index) => !succeeded(outcomes.get(`record-${index}`)));
    if (refused >= 0) {
      await this.compensate(changed.slice(0, refused), outcomes);
      throw refusalError(changed[refused]!, outcomes.get(`record-${refused}`)!);
    }
    changed.forEach((record, index) => {
      const outcome = outcomes.get(`record-${index}`)!;
      if (record.final) record.final.etag = etagOf(outcome);
    });
    const unwritten = steps.filter((step) => !step.id.startsWith("record-") && !succeeded(outcomes.get(step.id)));
    if (unwritten.length > 0) await this.retryBookkeeping(unwritten, outcomes);
  }

  private recordStep(record: StagedRecord): Omit<BatchStep, "id" | "after"> {
    const path = this.listPath(recordListName(record.kind));
    const change = changeOf(record)!;
    if (change === "create") return { method: "POST", url: `${path}/items`, body: { fields: itemFields(record.kind, record.final!) } };
    const itemId = encodeSegment(record.base!.itemId);
    const ifMatch = { "If-Match": record.base!.saved.etag };
    if (change === "update") return { method: "PATCH", url: `${path}/items/${itemId}/fields`, headers: ifMatch, body: itemFields(record.kind, record.final!) };
    return { method: "DELETE", url: `${path}/items/${itemId}`, headers: ifMatch };
  }

  /** Rows to add to and remove from the list-values list, for kinds with list fields. */
  private async listValueSteps(changed: StagedRecord[]): Promise<Omit<BatchStep, "id" | "after">[]> {
    const steps: Omit<BatchStep, "id" | "after">[] = [];
    const path = this.listPath(listValuesListName);
    for (const record of changed) {
      const fields = listFields[record.kind] ?? [];
      if (fields.length === 0) continue;
      const existing = record.base
        ? await this.allItems(
            `${path}/items?$expand=fields&$top=500&$filter=${encodeURIComponent(`fields/${listValueColumns.recordId} eq ${odataValue(record.id)} and fields/${listValueColumns.kind} eq ${odataValue(record.kind)}`)}`,
          )
        : [];
      const wanted = new Set<string>();
      for (const field of fields) {
        const values = record.final ? ((record.final as unknown as Record<string, unknown>)[field] as unknown[] | undefined) ?? [] : [];
        for (const value of values) wanted.add(JSON.stringify([field, String(value)]));
      }
      const have = new Set<string>();
      for (const row of existing) {
        const key = JSON.stringify([row.fields?.[listValueColumns.field], row.fields?.[listValueColumns.value]]);
        if (wanted.has(key) && !have.has(key)) have.add(key);
        else steps.push({ method: "DELETE", url: `${path}/items/${encodeSegment(row.id)}` });
      }
      for (const key of wanted) {
        if (have.has(key)) continue;
        const [field, value] = JSON.parse(key) as [string, string];
        steps.push({
          method: "POST",
          url: `${path}/items`,
          body: { fields: { Title: `${record.kind} ${record.id}`, [listValueColumns.kind]: record.kind, [listValueColumns.recordId]: record.id, [listValueColumns.field]: field, [listValueColumns.value]: value } },
        });
      }
    }
    return steps;
  }

  /**
   * Audit-log entries and list-value rows still unwritten after the batch's
   * own retries (SharePoint kept throttling): tried again one by one, so the
   * change that already landed keeps its log entry.
   */
  private async retryBookkeeping(steps: BatchStep[], outcomes: Map<string, BatchOutcome>): Promise<void> {
    const failed: string[] = [];
    for (const step of steps) {
      try {
        if (step.method === "POST") await this.graph.post(step.url, step.body);
        else if (step.method === "DELETE") await this.graph.delete(step.url);
      } catch (error) {
        failed.push(`${step.id}: ${(error as Error).message} (first answer ${outcomes.get(step.id)?.status})`);
      }
    }
    if (failed.length > 0) {
      this.log(`sharepoint: ${failed.length} audit-log or list-value writes failed after the change landed: ${failed.join("; ")}`);
      throw new Error("The change was saved in SharePoint, but its audit-log entry could not be written. Ask your administrator to check the server log.");
    }
  }

  /** Undoes changes that landed before SharePoint refused a later one. */
  private async compensate(applied: StagedRecord[], outcomes: Map<string, BatchOutcome>): Promise<void> {
    if (applied.length === 0) return;
    const steps: BatchStep[] = [];
    applied.forEach((record, index) => {
      const outcome = outcomes.get(`record-${index}`)!;
      const path = this.listPath(recordListName(record.kind));
      const change = changeOf(record);
      if (change === "create") {
        steps.push({ id: `undo-${index}`, method: "DELETE", url: `${path}/items/${encodeSegment(String(outcome.body?.id))}`, headers: { "If-Match": etagOf(outcome) } });
      } else if (change === "update") {
        steps.push({ id: `undo-${index}`, method: "PATCH", url: `${path}/items/${encodeSegment(record.base!.itemId)}/fields`, headers: { "If-Match": etagOf(outcome) }, body: itemFields(record.kind, record.base!.saved) });
      } else {
        steps.push({ id: `undo-${index}`, method: "POST", url: `${path}/items`, body: { fields: itemFields(record.kind, record.base!.saved) } });
      }
    });
    const undone = await this.graph.batch(steps);
    const stuck = applied.filter((_, index) => !succeeded(undone.get(`undo-${index}`)));
    if (stuck.length > 0) {
      const names = stuck.map((record) => `${record.kind} ${record.id}`).join(", ");
      this.log(`sharepoint: a transaction failed part-way and these records could not be put back: ${names}`);
      throw new Error(`Part of this change was saved and could not be undone (${names}). Ask your administrator to check the server log.`);
    }
  }
}

function assertKind(kind: string): asserts kind is RecordKind {
  if (!(recordKinds as string[]).includes(kind)) {
    throw new DomainError("invalid_query", `There is no kind of record called "${kind}".`, { kind });
  }
}

function changeOf(record: StagedRecord): "create" | "update" | "delete" | undefined {
  if (!record.base) return record.final ? "create" : undefined;
  if (!record.final) return "delete";
  return record.final === record.base.saved ? undefined : "update";
}

function etagOf(outcome: BatchOutcome): string {
  const body = outcome.body ?? {};
  return String(body.eTag ?? body["@odata.etag"] ?? "");
}

function refusalError(record: StagedRecord, outcome: BatchOutcome): Error {
  if (outcome.status === 412) return conflictError(record.kind, record.id, record.base?.saved.etag ?? "");
  if (outcome.status === 404) return notFoundError(record.kind, record.id);
  if (outcome.status === 409) return new DomainError("conflict", `A ${recordKindLabels[record.kind]} with id ${record.id} already exists.`, { kind: record.kind, id: record.id });
  const error = outcomeError(outcome);
  return new GraphRequestError(error.status, error.code, `SharePoint refused a change to ${recordKindLabels[record.kind]} ${record.id}: ${error.message}`);
}

function auditLogFields(entry: StagedLogEntry): Record<string, unknown> {
  return {
    Title: `${entry.operation} ${entry.kind} ${entry.recordId}`,
    [auditLogColumns.at]: entry.at,
    [auditLogColumns.actorId]: entry.actorId,
    [auditLogColumns.operation]: entry.operation,
    [auditLogColumns.kind]: entry.kind,
    [auditLogColumns.recordId]: entry.recordId,
    [auditLogColumns.changes]: JSON.stringify(entry.changes),
  };
}

function auditLogEntryOf(item: ListItem): AuditLogEntry {
  const fields = item.fields ?? {};
  const operation = String(fields[auditLogColumns.operation]) as AuditLogEntry["operation"];
  if (!auditLogOperations.includes(operation)) throw new Error(`Audit-log item ${item.id} has an unknown operation.`);
  return {
    sequence: Number(item.id),
    at: String(fields[auditLogColumns.at]),
    actorId: String(fields[auditLogColumns.actorId]),
    operation,
    kind: String(fields[auditLogColumns.kind]),
    recordId: String(fields[auditLogColumns.recordId]),
    changes: JSON.parse(String(fields[auditLogColumns.changes] ?? "{}")) as AuditLogEntry["changes"],
  };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}
