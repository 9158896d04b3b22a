// How a record sits in a SharePoint list item: its id, its body as JSON in a
// multi-line text column, its timestamps, and a copy of each queryable field
// in its own indexed column. The item's eTag is the record's ETag.
import { randomUUID } from "node:crypto";
import { DomainError } from "../../domain/errors.js";
import { recordKindLabels, type RecordKind, type RecordOf } from "../../domain/records/index.js";
import type { Saved } from "../port.js";
import { queryableFields } from "../queryable-fields.js";
import { bodyColumn, columnFor, createdAtColumn, recordIdColumn, updatedAtColumn } from "./list-schema.js";

export interface ListItem {
  id: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown>;
  deleted?: { state: string };
}

export interface ListPage {
  value: ListItem[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

/** A saved record and the SharePoint item holding it. */
export interface StoredRecord<K extends RecordKind = RecordKind> {
  saved: Saved<K>;
  itemId: string;
}

// SharePoint's limits: 255 characters in a single line of text, 63,999 in multiple lines.
const maxTextLength = 255;
const maxBodyLength = 63_999;

export function recordFromItem<K extends RecordKind>(item: ListItem): StoredRecord<K> {
  const fields = item.fields ?? {};
  const record = JSON.parse(String(fields[bodyColumn])) as RecordOf<K>;
  const saved = {
    ...record,
    id: String(fields[recordIdColumn]),
    etag: String(item.eTag ?? fields["@odata.etag"]),
    createdAt: String(fields[createdAtColumn]),
    updatedAt: String(fields[updatedAtColumn]),
  } as Saved<K>;
  return { saved, itemId: String(item.id) };
}

export function withoutMeta(saved: Saved<RecordKind>): Record<string, unknown> {
  const { id: _id, etag: _etag, createdAt: _createdAt, updatedAt: _updatedAt, ...record } = saved;
  return record;
}

/** The item's fields for a record; absent queryable fields are cleared (null). */
export function itemFields(kind: RecordKind, saved: Saved<RecordKind>): Record<string, unknown> {
  const record = withoutMeta(saved);
  const body = JSON.stringify(record);
  if (body.length > maxBodyLength) {
    throw new DomainError("invalid_record", `This ${recordKindLabels[kind]} is too long to keep in SharePoint (${body.length} characters; the most is ${maxBodyLength}). Shorten the longest answers.`, { kind, id: saved.id });
  }
  const fields: Record<string, unknown> = {
    Title: saved.id,
    [recordIdColumn]: saved.id,
    [bodyColumn]: body,
    [createdAtColumn]: saved.createdAt,
    [updatedAtColumn]: saved.updatedAt,
  };
  for (const field of queryableFields[kind]) {
    const value = record[field];
    if (typeof value === "string" && value.length > maxTextLength) {
      throw new DomainError("invalid_record", `"${field}" is too long to search in SharePoint: keep it to ${maxTextLength} characters.`, { kind, field });
    }
    fields[columnFor(field)] = value ?? null;
  }
  return fields;
}

export function newRecordId(): string {
  return randomUUID();
}

export function encodeSegment(value: string): string {
  return encodeURIComponent(value);
}
