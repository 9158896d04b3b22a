// How outbox workers find the messages that are due. The outbox's state is
// always the store's outboxMessage records (claimed with ETags, so two
// workers never both send one); a transport only says which to look at.
//
// - StoreTransport (the embedded default): each worker scans the store for
//   pending messages. Right for one server, and for a few sharing a store.
// - StorageQueueTransport (storage-queue-transport.ts): Azure Storage Queues
//   hand each message to one worker at a time among many server instances,
//   and hand it back after a visibility timeout if that worker dies.
import type { Saved } from "../../api/store/port.js";

export interface DueMessage {
  message: Saved<"outboxMessage">;
  /** The transport's handle on it (a queue message's id and pop receipt). */
  lease?: { queueMessageId: string; popReceipt: string };
}

export interface OutboxTransport {
  readonly name: "store" | "storage-queue";
  /** Messages due now for one pass, at most `limit`. */
  due(limit: number): AsyncIterable<DueMessage>;
  /** The worker is done with it for now (sent, held, given up, or someone else has it). */
  finished(due: DueMessage): Promise<void>;
  /** Look at it again no sooner than `atMs` (a retry, or a rate-limit hold). */
  later(due: DueMessage, atMs: number): Promise<void>;
  /** Makes messages the store holds but the transport has not heard of known to it; returns how many. */
  announce(): Promise<number>;
  /** Whether the worker should recover interrupted sends and find the next due time from the store itself. */
  readonly scansStore: boolean;
}
