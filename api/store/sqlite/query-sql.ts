// Turns a RecordQuery into SQL over the records table. Field names are
// checked against queryable-fields before they reach SQL; values are always
// bound parameters.
import { DomainError } from "../../domain/errors.js";
import type { RecordKind } from "../../domain/records/index.js";
import type { FieldCondition, FieldValue, RecordQuery } from "../port.js";
import { assertQueryable } from "../queryable-fields.js";

export const defaultPageSize = 50;
export const maxPageSize = 500;

export type SqlValue = string | number | null;

export interface PageSql {
  sql: string;
  params: SqlValue[];
  limit: number;
  orderField: string;
}

function fieldExpression(field: string): string {
  if (field === "createdAt") return "created_at";
  if (field === "updatedAt") return "updated_at";
  return `json_extract(body, '$.${field}')`;
}

export function bindable(value: FieldValue): SqlValue {
  return typeof value === "boolean" ? Number(value) : value;
}

/** SQL for one condition on `expression` (a column or a json_extract); shared by every SQLite query. */
export function conditionSql(expression: string, condition: FieldCondition, params: SqlValue[], field: string): string {
  if (condition === null) return `${expression} IS NULL`;
  if (typeof condition !== "object") {
    params.push(bindable(condition));
    return `${expression} = ?`;
  }
  if ("in" in condition) {
    if (condition.in.length === 0) return "0";
    params.push(...condition.in.map(bindable));
    return `${expression} IN (${condition.in.map(() => "?").join(", ")})`;
  }
  if ("contains" in condition) {
    params.push(bindable(condition.contains));
    return `EXISTS (SELECT 1 FROM json_each(${expression}) WHERE json_each.value = ?)`;
  }
  const parts: string[] = [];
  if (condition.gte !== undefined) {
    params.push(bindable(condition.gte));
    parts.push(`${expression} >= ?`);
  }
  if (condition.lte !== undefined) {
    params.push(bindable(condition.lte));
    parts.push(`${expression} <= ?`);
  }
  if (parts.length === 0) {
    throw new DomainError("invalid_query", `The condition on "${field}" needs "gte", "lte" or both.`, { field });
  }
  return parts.join(" AND ");
}

export function encodeCursor(sortValue: unknown, id: string): string {
  return Buffer.from(JSON.stringify([sortValue ?? "", id])).toString("base64url");
}

function decodeCursor(cursor: string): [SqlValue, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      ["string", "number"].includes(typeof decoded[0]) &&
      typeof decoded[1] === "string"
    ) {
      return [decoded[0] as SqlValue, decoded[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError("invalid_query", "This page link is not valid. Start again from the first page.", { cursor });
}

export function pageSql(kind: RecordKind, query: RecordQuery): PageSql {
  const limit = query.limit ?? defaultPageSize;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
    throw new DomainError("invalid_query", `Ask for between 1 and ${maxPageSize} records per page.`, { limit });
  }
  // Kind names come from the fixed list of record kinds, never from a request.
  const params: SqlValue[] = [];
  const clauses = [`kind = '${kind}'`];
  for (const [field, condition] of Object.entries(query.where ?? {})) {
    assertQueryable(kind, field, condition);
    clauses.push(conditionSql(fieldExpression(field), condition, params, field));
  }
  const orderField = query.orderBy?.field ?? "createdAt";
  assertQueryable(kind, orderField);
  const descending = query.orderBy?.direction === "desc";
  // Timestamps are never null, so they sort on the bare column and its index
  // serves the order; record fields may be absent, so they sort as ''.
  const isTimestamp = orderField === "createdAt" || orderField === "updatedAt";
  const sortExpression = isTimestamp ? fieldExpression(orderField) : `ifnull(${fieldExpression(orderField)}, '')`;
  if (query.cursor !== undefined) {
    const [sortValue, id] = decodeCursor(query.cursor);
    clauses.push(`(${sortExpression}, id) ${descending ? "<" : ">"} (?, ?)`);
    params.push(sortValue, id);
  }
  const direction = descending ? "DESC" : "ASC";
  const sql =
    `SELECT id, version, body, created_at, updated_at, ${sortExpression} AS sort_value FROM records ` +
    `WHERE ${clauses.join(" AND ")} ORDER BY sort_value ${direction}, id ${direction} LIMIT ${limit + 1}`;
  return { sql, params, limit, orderField };
}
