// The outbox worker's settings that follow from configuration: which
// transport finds due messages, and each instance's share of Teams' per-app
// rate limit when several instances send at once.
import { QueueClient } from "@azure/storage-queue";
import type { Config } from "../../api/config.js";
import type { Store } from "../../api/store/port.js";
import { botActor } from "../conversations.js";
import type { OutboxWorkerOptions } from "./outbox-worker.js";
import { teamsAppLimits } from "./rate-limiter.js";
import { StorageQueueTransport } from "./storage-queue-transport.js";

/** `sendingLeaseMs`: how long a send may be in flight before it is presumed interrupted (the worker's and the queue's lease). */
export function outboxTransportSettings(
  outbox: Config["outbox"],
  store: Store,
  now: () => Date,
  log: (line: string) => void,
  sendingLeaseMs = 120_000,
): Pick<OutboxWorkerOptions, "transport" | "appLimits" | "pollIntervalMs" | "sendingLeaseMs"> {
  const appLimits = teamsAppLimits.map(({ limit, perMs }) => ({ limit: Math.max(1, Math.floor(limit / outbox.instances)), perMs }));
  if (outbox.transport === "store") return { appLimits };
  log(`outbox: sending through the Azure Storage queue "${outbox.queueName}", as one of ${outbox.instances} instance(s)`);
  return {
    appLimits,
    sendingLeaseMs,
    // Receiving from a queue is cheap, and other instances' messages arrive without a wake().
    pollIntervalMs: 1_000,
    transport: new StorageQueueTransport({ store, queue: new QueueClient(outbox.connectionString, outbox.queueName), actor: botActor, now, leaseMs: sendingLeaseMs, log }),
  };
}
