// The SharePoint lists the store needs, derived from the record kinds and
// their queryable fields (never written out per kind), so a new kind of
// record gets its list, columns and indexes from the provisioning script.
import type { z } from "zod";
import { recordKinds, recordSchemas, type RecordKind } from "../../domain/records/index.js";
import { listFields, queryableFields, recordTimestampFields } from "../queryable-fields.js";

export type ColumnType = "text" | "note" | "number" | "boolean";

export interface ColumnSpec {
  /** The column's internal name in SharePoint. */
  name: string;
  type: ColumnType;
  indexed: boolean;
  unique?: boolean;
  /** The record field it holds, when it holds one. */
  field?: string;
}

export interface ListSpec {
  displayName: string;
  description: string;
  columns: ColumnSpec[];
}

/** Graph's column definition for a column, as sent when creating it. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const type =
    column.type === "note"
      ? { text: { allowMultipleLines: true, textType: "plain", linesForEditing: 6 } }
      : column.type === "text"
        ? { text: { allowMultipleLines: false, maxLength: 255 } }
        : column.type === "number"
          ? { number: { decimalPlaces: "automatic" } }
          : { boolean: {} };
  return { name: column.name, indexed: column.indexed, ...(column.unique ? { enforceUniqueValues: true } : {}), ...type };
}

/** The type of an existing column, read back from Graph's column definition. */
export function columnTypeOf(definition: Record<string, unknown>): ColumnType | "other" {
  const text = definition.text as { allowMultipleLines?: boolean } | undefined;
  if (text) return text.allowMultipleLines ? "note" : "text";
  if (definition.number) return "number";
  if (definition.boolean) return "boolean";
  return "other";
}

const listPrefix = "GoldenThread-";

/** Every record field's column carries this prefix, so no field collides with SharePoint's own columns (Title, Created, ...). */
export function columnFor(field: string): string {
  return `gt${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

export const recordIdColumn = "gtRecordId";
export const bodyColumn = "gtRecordBody";
export const createdAtColumn = columnFor("createdAt");
export const updatedAtColumn = columnFor("updatedAt");

function fieldType(kind: RecordKind, field: string): ColumnType {
  const shape = (recordSchemas[kind] as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  let schema = shape[field] as { _zod: { def: { type: string; innerType?: unknown; in?: unknown } } } | undefined;
  while (schema) {
    const def = schema._zod.def;
    if (def.type === "number" || def.type === "int") return "number";
    if (def.type === "boolean") return "boolean";
    schema = (def.innerType ?? (def.type === "pipe" ? def.in : undefined)) as typeof schema;
  }
  return "text";
}

export function recordListName(kind: RecordKind): string {
  return `${listPrefix}${kind}`;
}

export const auditLogListName = `${listPrefix}AuditLog`;
export const listValuesListName = `${listPrefix}ListValues`;

/** The list holding one kind of record: its id, body (JSON), timestamps and one indexed, typed column per queryable field. */
export function recordListSpec(kind: RecordKind): ListSpec {
  return {
    displayName: recordListName(kind),
    description: `Golden Thread records: ${kind}. Written by the app; edit through Golden Thread, not here.`,
    columns: [
      { name: recordIdColumn, type: "text", indexed: true, unique: true },
      { name: bodyColumn, type: "note", indexed: false },
      ...recordTimestampFields.map((field) => ({ name: columnFor(field), type: "text" as const, indexed: true, field })),
      ...queryableFields[kind].map((field) => ({ name: columnFor(field), type: fieldType(kind, field), indexed: true, field })),
    ],
  };
}

export const auditLogColumns = {
  at: "gtAt",
  actorId: "gtActorId",
  operation: "gtOperation",
  kind: "gtKind",
  recordId: "gtRecordId",
  changes: "gtChanges",
} as const;

/** The append-only audit log: who changed which record, when, and what changed. Its item ID is the entry's sequence number. */
export function auditLogListSpec(): ListSpec {
  return {
    displayName: auditLogListName,
    description: "Golden Thread audit log: one entry per change to a record. Never edit or delete entries.",
    columns: [
      { name: auditLogColumns.at, type: "text", indexed: true },
      { name: auditLogColumns.actorId, type: "text", indexed: true },
      { name: auditLogColumns.operation, type: "text", indexed: false },
      { name: auditLogColumns.kind, type: "text", indexed: true },
      { name: auditLogColumns.recordId, type: "text", indexed: true },
      { name: auditLogColumns.changes, type: "note", indexed: false },
    ],
  };
}

export const listValueColumns = { kind: "gtKind", recordId: "gtRecordId", field: "gtField", value: "gtValue" } as const;

// SharePoint cannot index a multi-value column, so each value of a list field
// (such as the people an audit is shared with) is one row here, indexed.
export function listValuesListSpec(): ListSpec {
  return {
    displayName: listValuesListName,
    description: "Golden Thread: one row per value of a record's list fields (for example who an audit is shared with), so they can be searched.",
    columns: [
      { name: listValueColumns.kind, type: "text", indexed: true },
      { name: listValueColumns.recordId, type: "text", indexed: true },
      { name: listValueColumns.field, type: "text", indexed: false },
      { name: listValueColumns.value, type: "text", indexed: true },
    ],
  };
}

export function recordKindsWithListFields(): RecordKind[] {
  return recordKinds.filter((kind) => (listFields[kind]?.length ?? 0) > 0);
}

/** Every list the app needs, in the order provisioning creates them. */
export function allListSpecs(): ListSpec[] {
  return [...recordKinds.map(recordListSpec), auditLogListSpec(), listValuesListSpec()];
}
