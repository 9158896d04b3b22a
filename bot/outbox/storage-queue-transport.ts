// The outbox on Azure Storage Queues, for deployments that run several copies
// of the server. The store stays the record of every message (status, ETag,
// attempts); the queue decides which worker looks at which message:
//
// - announce(): a pending message the queue has not heard of is marked
//   `announcedAt` (the ETag lets only one instance do it), then put on the
//   queue, hidden until its notBefore for a scheduled post. A message marked
//   long ago and untouched since is presumed lost from the queue (a crash
//   between the two steps) and put on again; an extra copy is harmless, since
//   a copy whose record is no longer waiting is simply deleted.
// - due(): receiving hides a queue message from every other worker for the
//   sending lease. If this worker dies mid-send, the message reappears when
//   the lease ends; the record still says `sending` since before the lease,
//   so it goes back to pending and is sent again (at-least-once, as the
//   store transport; the ETag claim stops two live workers both sending it).
// - finished(): deletes the queue message only once the record has reached
//   an end (sent, held, failed, cancelled); otherwise it hides it again.
//
// Queue messages carry only the outbox message's id, never content.
import type { QueueClient } from "@azure/storage-queue";
import { isDomainError } from "../../api/domain/errors.js";
import type { Actor, Saved, Store } from "../../api/store/port.js";
import type { DueMessage, OutboxTransport } from "./outbox-transport.js";

export interface StorageQueueTransportOptions {
  store: Store;
  queue: QueueClient;
  actor: Actor;
  now?: () => Date;
  /** How long a received message stays hidden while a worker sends it; keep it equal to the worker's sendingLeaseMs. */
  leaseMs?: number;
  log?: (line: string) => void;
  /** Queue messages sent at once while announcing. Default 16. */
  announceConcurrency?: number;
  /** A message announced this long ago and untouched since is presumed lost from the queue and announced again. Default 15 min. */
  reannounceAfterMs?: number;
}

const maxVisibilitySeconds = 7 * 24 * 60 * 60 - 60;
const waitingStatuses = new Set(["pending", "sending"]);

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

export class StorageQueueTransport implements OutboxTransport {
  readonly name = "storage-queue";
  readonly scansStore = false;
  private readonly store: Store;
  private readonly queue: QueueClient;
  private readonly actor: Actor;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly log: (line: string) => void;
  private readonly announceConcurrency: number;
  private readonly reannounceAfterMs: number;
  private ready: Promise<unknown> | undefined;

  constructor(options: StorageQueueTransportOptions) {
    this.store = options.store;
    this.queue = options.queue;
    this.actor = options.actor;
    this.now = options.now ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? 120_000;
    this.log = options.log ?? (() => undefined);
    this.announceConcurrency = Math.max(1, options.announceConcurrency ?? 16);
    this.reannounceAfterMs = options.reannounceAfterMs ?? 15 * 60_000;
  }

  /** Creates the queue if it is not there yet (once per process). */
  private ensureQueue(): Promise<unknown> {
    this.ready ??= this.queue.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async announce(): Promise<number> {
    await this.ensureQueue();
    const nowIso = this.now().toISOString();
    const lostBefore = new Date(this.now().getTime() - this.reannounceAfterMs).toISOString();
    const quiet = { announcedAt: { lte: lostBefore }, updatedAt: { lte: lostBefore } };
    let announced = 0;
    for (const where of [
      // New messages the queue has not heard of.
      { status: "pending", announcedAt: null },
      // Messages marked but long untouched, due now: their queue message was lost (a crash between marking and sending).
      { status: "pending", notBefore: null, ...quiet },
      { status: "pending", notBefore: { lte: nowIso }, ...quiet },
      { status: "sending", ...quiet },
    ]) {
      for (;;) {
        const page = await this.store.query("outboxMessage", { where, orderBy: { field: "createdAt" }, limit: 200 });
        const waiting = [...page.records];
        let changed = 0;
        await Promise.all(
          Array.from({ length: Math.min(this.announceConcurrency, waiting.length) }, async () => {
            for (let message = waiting.shift(); message; message = waiting.shift()) if (await this.announceOne(message)) changed += 1;
          }),
        );
        announced += changed;
        // Nothing left, or every one was taken by another instance meanwhile.
        if (changed === 0) break;
      }
    }
    return announced;
  }

  /**
   * Marks the message announced (its ETag makes this instance the only one
   * to do so), then puts it on the queue; if that fails, unmarks it so it is
   * announced again. Returns whether this instance announced it.
   */
  private async announceOne(message: Saved<"outboxMessage">): Promise<boolean> {
    let marked: Saved<"outboxMessage">;
    try {
      marked = await this.store.update("outboxMessage", message.id, { announcedAt: this.now().toISOString() }, message.etag, this.actor);
    } catch (error) {
      if (isDomainError(error, "conflict") || isDomainError(error, "not_found")) return false;
      throw error;
    }
    const delayMs = marked.notBefore ? Date.parse(marked.notBefore) - this.now().getTime() : 0;
    try {
      await this.queue.sendMessage(JSON.stringify({ outboxMessageId: marked.id }), { visibilityTimeout: this.seconds(delayMs), messageTimeToLive: -1 });
    } catch (error) {
      try {
        await this.store.update("outboxMessage", marked.id, { announcedAt: undefined }, marked.etag, this.actor);
      } catch {
        // Changed meanwhile: the lost-message sweep announces it again later.
      }
      throw error;
    }
    return true;
  }

  async *due(limit: number): AsyncGenerator<DueMessage> {
    await this.ensureQueue();
    const received = await this.queue.receiveMessages({ numberOfMessages: Math.max(1, Math.min(32, limit)), visibilityTimeout: this.seconds(this.leaseMs) });
    for (const item of received.receivedMessageItems) {
      const lease = { queueMessageId: item.messageId, popReceipt: item.popReceipt };
      const messageId = this.outboxMessageIdOf(item.messageText);
      let message = messageId ? await this.store.get("outboxMessage", messageId) : undefined;
      if (!message || !waitingStatuses.has(message.status)) {
        await this.remove(lease);
        continue;
      }
      const nowMs = this.now().getTime();
      if (message.status === "sending") {
        const heldFor = nowMs - Date.parse(message.updatedAt);
        if (heldFor < this.leaseMs) {
          await this.hide(lease, this.leaseMs - heldFor); // another worker is sending it now
          continue;
        }
        try {
          message = await this.store.update(
            "outboxMessage",
            message.id,
            { status: "pending", lastError: "Interrupted while sending; sent again, so it may arrive twice." },
            message.etag,
            this.actor,
          );
          this.log(`outbox: message ${message.id} (${message.notification.kind}) was interrupted while sending; queued again`);
        } catch (error) {
          if (!isDomainError(error, "conflict") && !isDomainError(error, "not_found")) throw error;
          await this.hide(lease, 1_000);
          continue;
        }
      }
      if (message.notBefore && Date.parse(message.notBefore) > nowMs) {
        await this.hide(lease, Date.parse(message.notBefore) - nowMs);
        continue;
      }
      yield { message, lease };
    }
  }

  async finished(due: DueMessage): Promise<void> {
    if (!due.lease) return;
    const message = await this.store.get("outboxMessage", due.message.id);
    if (message?.status === "pending") {
      // Not sent after all (the claim lost a race): look again soon.
      await this.hide(due.lease, message.notBefore ? Date.parse(message.notBefore) - this.now().getTime() : 1_000);
    } else if (message?.status === "sending") {
      await this.hide(due.lease, this.leaseMs);
    } else {
      await this.remove(due.lease);
    }
  }

  async later(due: DueMessage, atMs: number): Promise<void> {
    if (due.lease) await this.hide(due.lease, atMs - this.now().getTime());
  }

  private outboxMessageIdOf(text: string): string | undefined {
    try {
      const parsed = JSON.parse(text) as { outboxMessageId?: unknown };
      return typeof parsed.outboxMessageId === "string" ? parsed.outboxMessageId : undefined;
    } catch {
      return undefined;
    }
  }

  private seconds(ms: number): number {
    return Math.min(maxVisibilitySeconds, Math.max(0, Math.ceil(ms / 1000)));
  }

  private async hide(lease: NonNullable<DueMessage["lease"]>, ms: number): Promise<void> {
    try {
      await this.queue.updateMessage(lease.queueMessageId, lease.popReceipt, undefined, this.seconds(ms));
    } catch (error) {
      // 404: gone, or its receipt is stale because its lease ended and someone else has it now.
      if (statusOf(error) !== 404) throw error;
    }
  }

  private async remove(lease: NonNullable<DueMessage["lease"]>): Promise<void> {
    try {
      await this.queue.deleteMessage(lease.queueMessageId, lease.popReceipt);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
