// The port's field conditions checked in memory, for the few places the
// SharePoint adapter holds records itself: the dashboard replica, list-field
// views and the records staged inside a transaction.
import type { FieldCondition, FieldValue, RecordQuery } from "../port.js";

type Comparable = string | number | boolean;

function comparable(value: unknown): Comparable | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

export function compareValues(left: unknown, right: unknown): number {
  const a = comparable(left) ?? "";
  const b = comparable(right) ?? "";
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export function matchesCondition(value: unknown, condition: FieldCondition): boolean {
  if (condition === null) return value === undefined || value === null;
  if (typeof condition !== "object") return value === condition;
  if ("in" in condition) return condition.in.some((candidate: FieldValue) => candidate === value);
  if ("contains" in condition) return Array.isArray(value) && value.includes(condition.contains);
  if (value === undefined || value === null) return false;
  if (condition.gte !== undefined && compareValues(value, condition.gte) < 0) return false;
  if (condition.lte !== undefined && compareValues(value, condition.lte) > 0) return false;
  return true;
}

export function matchesWhere(record: object, where: Record<string, FieldCondition> = {}): boolean {
  const fields = record as Record<string, unknown>;
  return Object.entries(where).every(([field, condition]) => matchesCondition(fields[field], condition));
}

/** Sorts as the lists do: by the field (createdAt unless asked), then by id. */
export function orderRecords<T extends { id: string }>(records: T[], orderBy: RecordQuery["orderBy"]): T[] {
  const field = orderBy?.field ?? "createdAt";
  const direction = orderBy?.direction === "desc" ? -1 : 1;
  const valueOf = (record: T) => (record as unknown as Record<string, unknown>)[field];
  return records.sort((a, b) => direction * (compareValues(valueOf(a), valueOf(b)) || compareValues(a.id, b.id)));
}
