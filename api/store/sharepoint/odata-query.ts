// Turns the port's RecordQuery into Graph's $filter and $orderby on a list's
// indexed columns. assertQueryable runs first, so every column named here is
// one provisioning indexed: SharePoint refuses filters on unindexed columns of
// lists over 5,000 items.
import { DomainError } from "../../domain/errors.js";
import type { RecordKind } from "../../domain/records/index.js";
import type { FieldCondition, FieldValue, RecordQuery } from "../port.js";
import { assertQueryable, listFields } from "../queryable-fields.js";
import { columnFor } from "./list-schema.js";

export const defaultPageSize = 50;
export const maxPageSize = 500;

export function odataValue(value: FieldValue): string {
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

function conditionFilter(column: string, condition: FieldCondition, field: string): string | false {
  const target = `fields/${column}`;
  if (condition === null) return `${target} eq null`;
  if (typeof condition !== "object") return `${target} eq ${odataValue(condition)}`;
  if ("in" in condition) {
    if (condition.in.length === 0) return false;
    const any = condition.in.map((value) => `${target} eq ${odataValue(value)}`);
    return any.length === 1 ? any[0]! : `(${any.join(" or ")})`;
  }
  if ("contains" in condition) throw new Error("List fields are filtered through the list-values list");
  const parts: string[] = [];
  if (condition.gte !== undefined) parts.push(`${target} ge ${odataValue(condition.gte)}`);
  if (condition.lte !== undefined) parts.push(`${target} le ${odataValue(condition.lte)}`);
  if (parts.length === 0) throw new DomainError("invalid_query", `The condition on "${field}" needs "gte", "lte" or both.`, { field });
  return parts.join(" and ");
}

export interface ListQuery {
  /** undefined: no filter; false: nothing can match (an empty "in"). */
  filter: string | undefined | false;
  orderBy: string;
  top: number;
  /** The list-field conditions ({ contains }), answered from the list-values list. */
  contains: { field: string; value: FieldValue }[];
}

export function pageSize(query: RecordQuery): number {
  const limit = query.limit ?? defaultPageSize;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
    throw new DomainError("invalid_query", `Ask for between 1 and ${maxPageSize} records per page.`, { limit });
  }
  return limit;
}

export function listQuery(kind: RecordKind, query: RecordQuery): ListQuery {
  const top = pageSize(query);
  const clauses: string[] = [];
  const contains: ListQuery["contains"] = [];
  let impossible = false;
  for (const [field, condition] of Object.entries(query.where ?? {})) {
    assertQueryable(kind, field, condition);
    if (listFields[kind]?.includes(field) && condition !== null && typeof condition === "object" && "contains" in condition) {
      contains.push({ field, value: condition.contains });
      continue;
    }
    const clause = conditionFilter(columnFor(field), condition, field);
    if (clause === false) impossible = true;
    else clauses.push(clause);
  }
  const orderField = query.orderBy?.field ?? "createdAt";
  assertQueryable(kind, orderField);
  const direction = query.orderBy?.direction === "desc" ? "desc" : "asc";
  return {
    filter: impossible ? false : clauses.length > 0 ? clauses.join(" and ") : undefined,
    orderBy: `fields/${columnFor(orderField)} ${direction}`,
    top,
    contains,
  };
}
