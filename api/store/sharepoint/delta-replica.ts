// A copy of one list kept current from Graph's items/delta feed: the first
// sync reads the whole list in pages, later ones only what changed since the
// saved deltaLink. A 410 Gone means the token is too old: read the list
// again from the Location Graph gives and replace the copy (Graph's
// resyncChangesApplyDifferences: the server's version wins).
import type { RecordKind } from "../../domain/records/index.js";
import type { Saved } from "../port.js";
import { GraphRequestError, type GraphTransport } from "./graph-transport.js";
import { recordFromItem, type ListPage } from "./list-items.js";

export interface SyncOutcome {
  /** Items created, changed or deleted in this sync. */
  changes: number;
  /** Graph requests this sync made. */
  requests: number;
  /** Whether the whole list was read (first sync, or after a 410). */
  full: boolean;
}

/** Page size for the delta feed: large pages, few requests. */
export const deltaPageSize = 1000;

export class DeltaReplica<K extends RecordKind> {
  /** The list's records by SharePoint item id. */
  private records = new Map<string, Saved<K>>();
  private deltaLink?: string;

  constructor(
    private readonly graph: GraphTransport,
    private readonly listPath: string,
    readonly kind: K,
  ) {}

  values(): IterableIterator<Saved<K>> {
    return this.records.values();
  }

  get size(): number {
    return this.records.size;
  }

  async sync(): Promise<SyncOutcome> {
    const start = this.deltaLink ?? `${this.listPath}/items/delta?$expand=fields&$top=${deltaPageSize}`;
    try {
      return await this.follow(start, this.deltaLink === undefined);
    } catch (error) {
      if (!(error instanceof GraphRequestError) || error.status !== 410) throw error;
      const fresh = error.location ? this.graph.relative(error.location) : `${this.listPath}/items/delta?$expand=fields&$top=${deltaPageSize}`;
      const outcome = await this.follow(fresh, true);
      return { ...outcome, requests: outcome.requests + 1 };
    }
  }

  private async follow(start: string, full: boolean): Promise<SyncOutcome> {
    const records = full ? new Map<string, Saved<K>>() : this.records;
    let changes = 0;
    let requests = 0;
    let next: string | undefined = start;
    while (next) {
      const page: ListPage = await this.graph.get<ListPage>(next);
      requests += 1;
      for (const item of page.value) {
        changes += 1;
        if (item.deleted) records.delete(item.id);
        else if (item.fields) records.set(item.id, recordFromItem<K>(item).saved);
      }
      if (page["@odata.deltaLink"]) {
        this.deltaLink = this.graph.relative(page["@odata.deltaLink"]);
        next = undefined;
      } else {
        next = page["@odata.nextLink"] ? this.graph.relative(page["@odata.nextLink"]) : undefined;
      }
    }
    this.records = records;
    return { changes, requests, full };
  }
}
