// Every record a query matches, following the port's pages to the end. For
// lists that are small by nature (staff, teams, tools, a programme's audits)
// or are walked once in the background; large lists are paged by the caller.
import type { RecordKind } from "../domain/records/index.js";
import type { Page, RecordOperations, RecordQuery, Saved } from "./port.js";

export async function collectPages<T>(next: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const records: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    records.push(...page.records);
    cursor = page.nextCursor;
  } while (cursor);
  return records;
}

export function allRecords<K extends RecordKind>(store: RecordOperations, kind: K, query: Omit<RecordQuery, "cursor" | "limit"> = {}): Promise<Saved<K>[]> {
  return collectPages((cursor) => store.query(kind, { ...query, limit: 500, cursor }));
}
