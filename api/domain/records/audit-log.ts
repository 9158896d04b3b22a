import { z } from "zod";

export const auditLogOperations = ["create", "update", "delete"] as const;

// One field's change; `from` is absent on create and `to` on delete.
export const FieldChange = z.object({ from: z.unknown().optional(), to: z.unknown().optional() });

// Append-only: written by the store in the same transaction as the change.
export const AuditLogEntry = z.object({
  sequence: z.number().int().positive(),
  at: z.string(),
  actorId: z.string(),
  operation: z.enum(auditLogOperations),
  kind: z.string(),
  recordId: z.string(),
  changes: z.record(z.string(), FieldChange),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;
