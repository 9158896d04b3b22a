// Lists the records a viewer may see, page by page. A viewer whose view is
// one store filter pages straight through the store; one whose view joins
// several (their own audits and their team's) gets the union, in order.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { narrowed } from "../../auth/viewer.js";
import type { RecordKind } from "../../domain/records/index.js";
import type { FieldCondition, Saved, Store } from "../../store/port.js";

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1, "limit is at least 1").max(200, "limit is at most 200").default(50),
  cursor: z.string().max(500).optional(),
});

const unionCap = 5000;

export async function pageWithinScope<K extends RecordKind>(
  store: Store,
  kind: K,
  scopeFilters: Record<string, FieldCondition>[],
  filters: Record<string, FieldCondition>,
  orderField: string,
  page: { limit: number; cursor?: string },
): Promise<{ records: Saved<K>[]; nextCursor?: string }> {
  const wheres = scopeFilters.map((scope) => narrowed(scope, filters)).filter((where) => where !== undefined);
  if (wheres.length === 0) return { records: [] };
  if (wheres.length === 1) {
    return store.query(kind, { where: wheres[0], orderBy: { field: orderField }, limit: page.limit, cursor: page.cursor });
  }
  const byId = new Map<string, Saved<K>>();
  for (const where of wheres) {
    let cursor: string | undefined;
    do {
      const next = await store.query(kind, { where, limit: 500, cursor });
      for (const record of next.records) byId.set(record.id, record);
      cursor = next.nextCursor;
      if (byId.size > unionCap) throw new DomainError("invalid_query", "Too many records to list at once: add a filter.", {});
    } while (cursor);
  }
  const sortKey = (record: Saved<K>) => `${String((record as unknown as Record<string, unknown>)[orderField] ?? "")}\u0000${record.id}`;
  const sorted = [...byId.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const offset = page.cursor ? Number.parseInt(Buffer.from(page.cursor, "base64url").toString("utf8"), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new DomainError("invalid_query", "This page link is not valid. Start again from the first page.", {});
  const records = sorted.slice(offset, offset + page.limit);
  const end = offset + records.length;
  return end < sorted.length ? { records, nextCursor: Buffer.from(String(end)).toString("base64url") } : { records };
}
