// Records a notification in the outbox inside the caller's transaction, so
// the message is sent if and only if the change it announces lands.
import type { Notification } from "../domain/records/notification.js";
import type { Actor, RecordOperations } from "../store/port.js";

export function notificationKey(notification: Notification, recipientId: string, occasion = ""): string {
  const subject = Object.entries(notification)
    .filter(([field]) => field !== "kind")
    .map(([, value]) => String(value))
    .join(":");
  return [notification.kind, subject, recipientId, occasion].filter(Boolean).join(":");
}

/** Queues the notification unless the same one is already queued; returns whether it was new. */
export async function enqueueNotification(
  tx: RecordOperations,
  recipientId: string,
  notification: Notification,
  actor: Actor,
  occasion = "",
): Promise<boolean> {
  const idempotencyKey = notificationKey(notification, recipientId, occasion);
  const existing = await tx.query("outboxMessage", { where: { idempotencyKey }, limit: 1 });
  if (existing.records.length > 0) return false;
  await tx.create("outboxMessage", { idempotencyKey, recipientId, notification }, actor);
  return true;
}
