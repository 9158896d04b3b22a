// What changed between two versions of a record, field by field, for the
// audit log. Shared by every adapter so that both logs read the same.
import { auditLogWithheldFields, type RecordKind } from "../domain/records/index.js";

export type FieldChanges = Record<string, { from?: unknown; to?: unknown }>;

export function changesBetween(before: object | undefined, after: object | undefined): FieldChanges {
  const previous = (before ?? {}) as Record<string, unknown>;
  const next = (after ?? {}) as Record<string, unknown>;
  const changes: FieldChanges = {};
  for (const field of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const from = previous[field];
    const to = next[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[field] = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  }
  return changes;
}

/** Applies a shallow patch; a field patched to undefined is removed. */
export function mergeChanges(current: object, changes: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}

export const withheldValue = "(withheld: anonymous answers)";

/**
 * The changes the audit log records for a kind of record. Anonymous survey
 * answers are logged as changed but never with their values: a log entry
 * with the values, next to the participation written in the same moment,
 * would single out what that person answered. Every adapter logs through this.
 */
export function auditLogChanges(kind: RecordKind, before: object | undefined, after: object | undefined): FieldChanges {
  const changes = changesBetween(before, after);
  const previous = (before ?? {}) as Record<string, unknown>;
  const next = (after ?? {}) as Record<string, unknown>;
  // Every withheld field is logged as changed whether or not it did, so that
  // not even "this person wrote a comment" can be read from the log.
  for (const field of auditLogWithheldFields[kind] ?? []) {
    if (!(field in previous) && !(field in next)) continue;
    changes[field] = { ...(field in previous ? { from: withheldValue } : {}), ...(field in next ? { to: withheldValue } : {}) };
  }
  return changes;
}
