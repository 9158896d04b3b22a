// A local stand-in for the parts of Microsoft Graph the SharePoint store
// uses, following Graph's documented behaviour: list and column creation,
// list items (create with fields, get with expand=fields, PATCH fields with
// If-Match → 412, DELETE), $filter/$orderby only on indexed columns (400
// without the Prefer: HonorNonIndexedQueriesWarningMayFailRandomly header; the
// list view threshold error on lists over 5,000 items even with it),
// @odata.nextLink paging, JSON $batch (at most 20, dependsOn → 424, per-request
// statuses), 429 with Retry-After on demand or from a request budget, and
// items/delta with deltaLink tokens and 410 Gone. 127.0.0.1, free port.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseFilter } from "./odata-filter.js";

interface Column {
  id: string;
  name: string;
  displayName: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  readOnly?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  number?: Record<string, unknown>;
  boolean?: Record<string, unknown>;
  dateTime?: Record<string, unknown>;
}

interface StoredItem {
  id: number;
  guid: string;
  version: number;
  created: string;
  modified: string;
  fields: Record<string, unknown>;
  change: number;
}

export interface StandInList {
  id: string;
  displayName: string;
  columns: Column[];
  items: Map<number, StoredItem>;
  nextId: number;
  changeCounter: number;
  /** Every change in order (change numbers only grow): what the delta feed reads. */
  changeLog: { change: number; id: number; deleted: boolean }[];
  /** Delta tokens carry the epoch they were issued in; older epochs are too old: 410 Gone. */
  tokenEpoch: number;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphStandInOptions {
  /** Added to every HTTP request (a $batch counts once). */
  latencyMs?: number;
  /** At most this many requests (each step of a batch counts) per window; more get 429 with Retry-After. */
  throttleBudget?: { requests: number; windowMs: number };
  listViewThreshold?: number;
  /** Tokens the stand-in accepts; any bearer token when unset. */
  acceptTokens?: (token: string) => boolean;
}

const maxTop = 5000;
const defaultTop = 200;
const preferNonIndexed = "HonorNonIndexedQueriesWarningMayFailRandomly";

const graphError = (status: number, code: string, message: string, headers?: Record<string, string>): Answer => ({
  status,
  headers,
  body: { error: { code, message, innerError: { date: new Date().toISOString(), "request-id": randomUUID() } } },
});

const seconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export class GraphStandIn {
  readonly siteId = "contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe";
  readonly lists = new Map<string, StandInList>();
  /** Every request received: top-level ones and each batch step (marked). */
  readonly requests: { method: string; path: string; inBatch: boolean; status?: number; prefer?: string }[] = [];
  url = "";
  private server?: Server;
  private forcedThrottles: { status: number; retryAfterSeconds: number; inBatch: boolean }[] = [];
  private forcedFailures: { method: string; pathPart: string; status: number }[] = [];
  private drops = 0;
  private windowStart = 0;
  private windowCount = 0;

  constructor(private readonly options: GraphStandInOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.serve(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /** The next `count` requests (top-level, or batch steps with inBatch) are throttled. */
  throttleNext(count: number, options: { status?: 429 | 503; retryAfterSeconds?: number; inBatch?: boolean } = {}): void {
    for (let index = 0; index < count; index += 1) {
      this.forcedThrottles.push({ status: options.status ?? 429, retryAfterSeconds: options.retryAfterSeconds ?? 2, inBatch: options.inBatch ?? false });
    }
  }

  /** The next `count` requests get no answer: the connection is dropped (after a write is applied, as can happen). */
  dropNext(count: number): void {
    this.drops += count;
  }

  /** The next request whose method matches and whose path contains `pathPart` fails with `status`. */
  failNext(method: string, pathPart: string, status: number): void {
    this.forcedFailures.push({ method, pathPart, status });
  }

  /** Every delta token issued so far for this list becomes too old (410 Gone). */
  expireDeltaTokens(displayName: string): void {
    const list = this.listNamed(displayName);
    list.tokenEpoch += 1;
  }

  listNamed(displayName: string): StandInList {
    const list = [...this.lists.values()].find((candidate) => candidate.displayName === displayName);
    if (!list) throw new Error(`No list ${displayName}`);
    return list;
  }

  /** Adds items straight into a list (for benchmarks: no HTTP). */
  seedItems(displayName: string, rows: Record<string, unknown>[]): void {
    const list = this.listNamed(displayName);
    for (const fields of rows) this.insert(list, fields);
  }

  /** Changes an item's fields as another SharePoint user would (no HTTP). */
  editItemDirectly(displayName: string, itemId: number, fields: Record<string, unknown>): void {
    const list = this.listNamed(displayName);
    const item = list.items.get(itemId);
    if (!item) throw new Error(`No item ${itemId}`);
    this.applyFields(item, fields);
    this.touch(list, item);
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
    const path = (request.url ?? "/").replace(/^\/v1\.0/, "");
    let answer: Answer;
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    if (!token || (this.options.acceptTokens && !this.options.acceptTokens(token))) {
      answer = graphError(401, "InvalidAuthenticationToken", "Access token is empty or not valid.");
    } else {
      const isBatch = request.method === "POST" && path === "/$batch";
      answer = this.throttle(false, !isBatch) ?? (isBatch ? this.batch(text) : this.safely(request.method ?? "GET", path, headers, text));
    }
    this.requests.push({ method: request.method ?? "GET", path, inBatch: false, status: answer.status, prefer: headers.prefer });
    if (this.drops > 0) {
      this.drops -= 1;
      request.socket.destroy();
      return;
    }
    const body = answer.body === undefined ? undefined : JSON.stringify(answer.body);
    response.writeHead(answer.status, { ...(body ? { "Content-Type": "application/json" } : {}), ...answer.headers });
    response.end(body);
  }

  private throttle(inBatch: boolean, countsAgainstBudget: boolean): Answer | undefined {
    const forced = this.forcedThrottles.findIndex((throttle) => throttle.inBatch === inBatch);
    if (forced >= 0) {
      const [throttle] = this.forcedThrottles.splice(forced, 1);
      return graphError(throttle!.status, throttle!.status === 429 ? "TooManyRequests" : "serviceNotAvailable", "Too many requests.", { "Retry-After": String(throttle!.retryAfterSeconds) });
    }
    const budget = this.options.throttleBudget;
    if (!budget || !countsAgainstBudget) return undefined;
    const now = Date.now();
    if (now - this.windowStart >= budget.windowMs) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    this.windowCount += 1;
    if (this.windowCount <= budget.requests) return undefined;
    const wait = Math.max(1, Math.ceil((this.windowStart + budget.windowMs - now) / 1000));
    return graphError(429, "TooManyRequests", "Too many requests.", { "Retry-After": String(wait) });
  }

  private batch(text: string): Answer {
    let payload: { requests?: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown; dependsOn?: string[] }[] };
    try {
      payload = JSON.parse(text) as typeof payload;
    } catch {
      return graphError(400, "BadRequest", "Invalid batch payload format.");
    }
    const requests = payload.requests ?? [];
    if (requests.length === 0) return graphError(400, "BadRequest", "Invalid batch payload format.");
    if (requests.length > 20) return graphError(400, "BadRequest", "Number of batch request steps exceeds the maximum of 20.");
    const statuses = new Map<string, number>();
    const responses = requests.map((step) => {
      const failedDependency = (step.dependsOn ?? []).find((id) => !(statuses.get(id)! >= 200 && statuses.get(id)! < 300));
      const headers = Object.fromEntries(Object.entries(step.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
      const answer: Answer = failedDependency
        ? graphError(424, "FailedDependency", `Dependency ${failedDependency} failed.`)
        : (this.throttle(true, true) ?? this.safely(step.method, step.url.startsWith("/") ? step.url : `/${step.url}`, headers, step.body === undefined ? "" : JSON.stringify(step.body)));
      statuses.set(step.id, answer.status);
      this.requests.push({ method: step.method, path: step.url, inBatch: true, status: answer.status, prefer: headers.prefer });
      return { id: step.id, status: answer.status, headers: { "Content-Type": "application/json", ...answer.headers }, ...(answer.body === undefined ? {} : { body: answer.body }) };
    });
    return { status: 200, body: { responses } };
  }

  private safely(method: string, path: string, headers: Record<string, string>, text: string): Answer {
    const failure = this.forcedFailures.findIndex((candidate) => candidate.method === method && path.includes(candidate.pathPart));
    if (failure >= 0) {
      const [forced] = this.forcedFailures.splice(failure, 1);
      return graphError(forced!.status, "generalException", "An unexpected failure (forced by the test).");
    }
    try {
      return this.route(method, path, headers, text ? (JSON.parse(text) as Record<string, unknown>) : {});
    } catch (error) {
      return graphError(400, "invalidRequest", (error as Error).message);
    }
  }

  private route(method: string, rawPath: string, headers: Record<string, string>, body: Record<string, unknown>): Answer {
    const url = new URL(rawPath, "http://stand-in");
    const query = url.searchParams;
    const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (segments[0] !== "sites" || segments[1] !== this.siteId) return graphError(404, "itemNotFound", "Requested site could not be found");
    const rest = segments.slice(2);
    if (rest[0] !== "lists") return graphError(400, "invalidRequest", "Not supported by the stand-in.");
    if (rest.length === 1 && method === "GET") return { status: 200, body: { value: [...this.lists.values()].map((list) => this.listResource(list)) } };
    if (rest.length === 1 && method === "POST") return this.createList(body);
    const list = this.lists.get(rest[1]!) ?? [...this.lists.values()].find((candidate) => candidate.displayName === rest[1]);
    if (!list) return graphError(404, "itemNotFound", "The specified list was not found");
    const [, , collection, itemId, property] = rest;
    if (collection === "columns") {
      if (method === "GET" && !itemId) return { status: 200, body: { value: list.columns } };
      if (method === "POST" && !itemId) return this.createColumn(list, body);
      if (method === "PATCH" && itemId) return this.updateColumn(list, itemId, body);
    }
    if (collection === "items") {
      if (itemId === "delta" && method === "GET") return this.delta(list, query);
      if (!itemId && method === "GET") return this.listItems(list, query, headers);
      if (!itemId && method === "POST") return this.createItem(list, body, query);
      const item = list.items.get(Number(itemId));
      if (!item) return graphError(404, "itemNotFound", "The resource could not be found.");
      if (method === "GET" && !property) return { status: 200, body: this.itemResource(list, item, true) };
      const ifMatch = headers["if-match"];
      if (ifMatch && ifMatch !== "*" && ifMatch !== etagOf(item)) {
        return graphError(412, "preconditionFailed", `The request ETag value '${ifMatch}' does not match the object's ETag value '${etagOf(item)}'.`);
      }
      if (method === "PATCH" && property === "fields") return this.updateItem(list, item, body);
      if (method === "DELETE" && !property) {
        list.items.delete(item.id);
        list.changeCounter += 1;
        list.changeLog.push({ change: list.changeCounter, id: item.id, deleted: true });
        return { status: 204 };
      }
    }
    return graphError(400, "invalidRequest", `The stand-in does not support ${method} ${url.pathname}.`);
  }

  private listResource(list: StandInList) {
    return { id: list.id, displayName: list.displayName, name: list.displayName, list: { template: "genericList" } };
  }

  private createList(body: Record<string, unknown>): Answer {
    const displayName = String(body.displayName ?? "");
    if (!displayName) return graphError(400, "invalidRequest", "displayName is required.");
    if ([...this.lists.values()].some((list) => list.displayName.toLowerCase() === displayName.toLowerCase())) {
      return graphError(409, "nameAlreadyExists", "A list with this name already exists.");
    }
    const list: StandInList = {
      id: randomUUID(),
      displayName,
      columns: [
        { id: randomUUID(), name: "Title", displayName: "Title", indexed: false, enforceUniqueValues: false, text: { allowMultipleLines: false, maxLength: 255 } },
        { id: randomUUID(), name: "Created", displayName: "Created", indexed: false, enforceUniqueValues: false, readOnly: true, dateTime: {} },
        { id: randomUUID(), name: "Modified", displayName: "Modified", indexed: false, enforceUniqueValues: false, readOnly: true, dateTime: {} },
      ],
      items: new Map(),
      nextId: 1,
      changeCounter: 0,
      changeLog: [],
      tokenEpoch: 1,
    };
    this.lists.set(list.id, list);
    for (const definition of (body.columns as Record<string, unknown>[] | undefined) ?? []) {
      const created = this.createColumn(list, definition);
      if (created.status >= 400) {
        this.lists.delete(list.id);
        return created;
      }
    }
    return { status: 201, body: { ...this.listResource(list), columns: list.columns } };
  }

  private createColumn(list: StandInList, definition: Record<string, unknown>): Answer {
    const name = String(definition.name ?? "");
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return graphError(400, "invalidRequest", `Invalid column name '${name}'.`);
    if (list.columns.some((column) => column.name.toLowerCase() === name.toLowerCase())) return graphError(409, "nameAlreadyExists", `A column named '${name}' already exists.`);
    const typed = ["text", "number", "boolean", "dateTime"].filter((type) => definition[type] !== undefined);
    if (typed.length !== 1) return graphError(400, "invalidRequest", "A column needs exactly one type facet.");
    if (definition.enforceUniqueValues && !definition.indexed) return graphError(400, "invalidRequest", "A column that enforces unique values must be indexed.");
    const column: Column = {
      id: randomUUID(),
      name,
      displayName: String(definition.displayName ?? name),
      indexed: Boolean(definition.indexed),
      enforceUniqueValues: Boolean(definition.enforceUniqueValues),
      ...(definition.text ? { text: definition.text as Column["text"] } : {}),
      ...(definition.number ? { number: definition.number as Record<string, unknown> } : {}),
      ...(definition.boolean ? { boolean: definition.boolean as Record<string, unknown> } : {}),
      ...(definition.dateTime ? { dateTime: definition.dateTime as Record<string, unknown> } : {}),
    };
    list.columns.push(column);
    return { status: 201, body: column };
  }

  private updateColumn(list: StandInList, columnId: string, body: Record<string, unknown>): Answer {
    const column = list.columns.find((candidate) => candidate.id === columnId);
    if (!column) return graphError(404, "itemNotFound", "The column could not be found.");
    if (body.indexed !== undefined) column.indexed = Boolean(body.indexed);
    return { status: 200, body: column };
  }

  private columnNamed(list: StandInList, name: string): Column | undefined {
    return list.columns.find((column) => column.name === name);
  }

  private checkFields(list: StandInList, fields: Record<string, unknown>, item?: StoredItem): Answer | undefined {
    for (const [name, value] of Object.entries(fields)) {
      if (name === "@odata.etag") continue;
      const column = this.columnNamed(list, name);
      if (!column || column.readOnly) return graphError(400, "invalidRequest", `Field '${name}' is not recognized`);
      if (value === null) continue;
      if (column.text && (typeof value !== "string" || (!column.text.allowMultipleLines && value.length > 255))) return graphError(400, "invalidRequest", `Invalid value for field '${name}'.`);
      if (column.number && typeof value !== "number") return graphError(400, "invalidRequest", `Invalid value for field '${name}'.`);
      if (column.boolean && typeof value !== "boolean") return graphError(400, "invalidRequest", `Invalid value for field '${name}'.`);
      if (column.enforceUniqueValues && [...list.items.values()].some((other) => other !== item && other.fields[name] === value)) {
        return graphError(409, "nameAlreadyExists", `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${name}].`);
      }
    }
    return undefined;
  }

  private insert(list: StandInList, fields: Record<string, unknown>): StoredItem {
    const now = seconds(new Date());
    const item: StoredItem = { id: list.nextId, guid: randomUUID().toUpperCase(), version: 1, created: now, modified: now, fields: {}, change: 0 };
    list.nextId += 1;
    this.applyFields(item, fields);
    list.items.set(item.id, item);
    list.changeCounter += 1;
    item.change = list.changeCounter;
    list.changeLog.push({ change: item.change, id: item.id, deleted: false });
    return item;
  }

  private applyFields(item: StoredItem, fields: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(fields)) {
      if (name === "@odata.etag") continue;
      if (value === null || value === undefined) delete item.fields[name];
      else item.fields[name] = value;
    }
  }

  private touch(list: StandInList, item: StoredItem): void {
    item.version += 1;
    item.modified = seconds(new Date());
    list.changeCounter += 1;
    item.change = list.changeCounter;
    list.changeLog.push({ change: item.change, id: item.id, deleted: false });
  }

  private createItem(list: StandInList, body: Record<string, unknown>, query: URLSearchParams): Answer {
    const fields = (body.fields ?? {}) as Record<string, unknown>;
    const refused = this.checkFields(list, fields);
    if (refused) return refused;
    const item = this.insert(list, fields);
    void query;
    return { status: 201, headers: { ETag: etagOf(item) }, body: this.itemResource(list, item, true) };
  }

  private updateItem(list: StandInList, item: StoredItem, fields: Record<string, unknown>): Answer {
    const refused = this.checkFields(list, fields, item);
    if (refused) return refused;
    this.applyFields(item, fields);
    this.touch(list, item);
    return { status: 200, headers: { ETag: etagOf(item) }, body: this.fieldsResource(item) };
  }

  private fieldsResource(item: StoredItem) {
    return { "@odata.etag": etagOf(item), id: String(item.id), ...item.fields, Created: item.created, Modified: item.modified };
  }

  private itemResource(list: StandInList, item: StoredItem, withFields: boolean) {
    return {
      "@odata.etag": etagOf(item),
      id: String(item.id),
      eTag: etagOf(item),
      createdDateTime: item.created,
      lastModifiedDateTime: item.modified,
      webUrl: `https://contoso.sharepoint.com/Lists/${encodeURIComponent(list.displayName)}/DispForm.aspx?ID=${item.id}`,
      ...(withFields ? { fields: this.fieldsResource(item) } : {}),
    };
  }

  private valueOf(item: StoredItem, column: string): unknown {
    return column === "ID" || column === "id" ? item.id : item.fields[column];
  }

  /** SharePoint refuses a filter or sort on an unindexed column: without the Prefer header always, with it once the list passes the threshold. */
  private refuseUnindexed(list: StandInList, columns: Iterable<string>, headers: Record<string, string>): Answer | undefined {
    for (const name of columns) {
      if (name === "ID" || name === "id") continue;
      const column = this.columnNamed(list, name);
      if (!column) return graphError(400, "invalidRequest", `Field '${name}' is not recognized`);
      if (column.indexed) continue;
      if (!(headers.prefer ?? "").includes(preferNonIndexed)) {
        return graphError(400, "invalidRequest", `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${preferNonIndexed}' header to allow this, but be warned that such queries may fail on large lists.`);
      }
      if (list.items.size > (this.options.listViewThreshold ?? 5000)) {
        return graphError(500, "generalException", "The attempted operation is prohibited because it exceeds the list view threshold.");
      }
    }
    return undefined;
  }

  private listItems(list: StandInList, query: URLSearchParams, headers: Record<string, string>): Answer {
    const filterText = query.get("$filter") ?? query.get("filter");
    const orderText = query.get("$orderby") ?? query.get("orderby");
    const filter = filterText ? parseFilter(filterText) : undefined;
    const order = (orderText ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, direction] = part.split(/\s+/);
        return { column: name!.replace(/^fields\//, ""), descending: direction === "desc" };
      });
    const refused = this.refuseUnindexed(list, [...(filter?.columns ?? []), ...order.map((term) => term.column)], headers);
    if (refused) return refused;
    let items = [...list.items.values()];
    if (filter) items = items.filter((item) => filter.test((column) => this.valueOf(item, column)));
    items.sort((a, b) => {
      for (const term of order) {
        const left = this.valueOf(a, term.column) ?? "";
        const right = this.valueOf(b, term.column) ?? "";
        const compared = typeof left === "number" && typeof right === "number" ? left - right : String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
        if (compared !== 0) return term.descending ? -compared : compared;
      }
      return order[0]?.descending ? b.id - a.id : a.id - b.id;
    });
    const top = Math.min(Number(query.get("$top") ?? query.get("top") ?? defaultTop), maxTop);
    const offset = query.get("$skiptoken") ? Number(Buffer.from(query.get("$skiptoken")!, "base64url").toString("utf8").replace("Paged=TRUE&p_ID=", "")) : 0;
    const page = items.slice(offset, offset + top);
    const expand = (query.get("$expand") ?? query.get("expand") ?? "").includes("fields");
    const body: Record<string, unknown> = { value: page.map((item) => this.itemResource(list, item, expand)) };
    if (offset + top < items.length) {
      const next = new URLSearchParams(query);
      next.set("$skiptoken", Buffer.from(`Paged=TRUE&p_ID=${offset + top}`).toString("base64url"));
      body["@odata.nextLink"] = `${this.url}/v1.0/sites/${this.siteId}/lists/${list.id}/items?${next.toString()}`;
    }
    return { status: 200, body };
  }

  private delta(list: StandInList, query: URLSearchParams): Answer {
    const base = `${this.url}/v1.0/sites/${this.siteId}/lists/${list.id}/items/delta`;
    const token = query.get("token");
    const expand = query.get("$expand") ?? query.get("expand");
    const carry = (next: string) => {
      const params = new URLSearchParams();
      if (expand) params.set("$expand", expand);
      if (query.get("$top")) params.set("$top", query.get("$top")!);
      params.set("token", next);
      return `${base}?${params.toString()}`;
    };
    const tokenFor = (change: number) => `${list.tokenEpoch}.${change}`;
    if (token === "latest") return { status: 200, body: { value: [], "@odata.deltaLink": carry(tokenFor(list.changeCounter)) } };
    const [epoch, change] = token ? token.split(".").map(Number) : [list.tokenEpoch, 0];
    const since = change ?? Number.NaN;
    if (!Number.isInteger(since) || since < 0 || !Number.isInteger(epoch)) return graphError(400, "invalidRequest", "Invalid delta token.");
    if (epoch !== list.tokenEpoch) {
      const fresh = new URLSearchParams();
      if (expand) fresh.set("$expand", expand);
      if (query.get("$top")) fresh.set("$top", query.get("$top")!);
      return graphError(410, "resyncChangesApplyDifferences", "Resync required. Replace any local items with the server's version (including deletes).", { Location: `${base}?${fresh.toString()}` });
    }
    const top = Math.min(Number(query.get("$top") ?? defaultTop), maxTop);
    // Each item once, at its latest change; deletions only for a client that may hold the item.
    let low = 0;
    let high = list.changeLog.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list.changeLog[middle]!.change <= since) low = middle + 1;
      else high = middle;
    }
    const page: { change: number; resource: unknown }[] = [];
    let index = low;
    for (; index < list.changeLog.length && page.length < top; index += 1) {
      const entry = list.changeLog[index]!;
      const item = list.items.get(entry.id);
      if (entry.deleted) {
        if (since > 0 && !item) page.push({ change: entry.change, resource: { id: String(entry.id), deleted: { state: "deleted" } } });
      } else if (item && item.change === entry.change) {
        page.push({ change: entry.change, resource: this.itemResource(list, item, Boolean(expand?.includes("fields"))) });
      }
    }
    const body: Record<string, unknown> = { value: page.map((change) => change.resource) };
    let more = false;
    for (let rest = index; rest < list.changeLog.length && !more; rest += 1) {
      const entry = list.changeLog[rest]!;
      more = entry.deleted ? since > 0 && !list.items.has(entry.id) : list.items.get(entry.id)?.change === entry.change;
    }
    if (more) body["@odata.nextLink"] = carry(tokenFor(page.at(-1)?.change ?? since));
    else body["@odata.deltaLink"] = carry(tokenFor(list.changeCounter));
    return { status: 200, body };
  }
}

function etagOf(item: StoredItem): string {
  return `"{${item.guid}},${item.version}"`;
}
