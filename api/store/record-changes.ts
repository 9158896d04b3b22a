// What changed between two versions of a record, field by field, for the
// audit log. Shared by every adapter so that both logs read the same.
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
