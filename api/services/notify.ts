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

export interface NotificationDelivery {
  /** "channel": `recipientId` is a stored channel conversation's record id, not a person. */
  to?: "person" | "channel";
  /** Not sent before this time (ISO 8601): a scheduled post. */
  notBefore?: string;
  /** The record it is about, to count its deliveries. */
  subjectId?: string;
}

/** Queues the notification unless the same one is already queued; returns whether it was new. */
export async function enqueueNotification(
  tx: RecordOperations,
  recipientId: string,
  notification: Notification,
  actor: Actor,
  occasion = "",
  delivery: NotificationDelivery = {},
): Promise<boolean> {
  const idempotencyKey = notificationKey(notification, recipientId, occasion);
  const existing = await tx.query("outboxMessage", { where: { idempotencyKey }, limit: 1 });
  if (existing.records.length > 0) return false;
  await tx.create("outboxMessage", { idempotencyKey, recipientId, notification, ...definedOnly(delivery) }, actor);
  return true;
}

function definedOnly(delivery: NotificationDelivery): NotificationDelivery {
  return Object.fromEntries(Object.entries(delivery).filter(([, value]) => value !== undefined));
}
