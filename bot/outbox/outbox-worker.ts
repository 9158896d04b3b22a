// Sends the durable outbox: proactive messages that services recorded in the
// same transaction as the change they announce (api/services/notify.ts).
//
// Each pending message goes to its recipient's personal Teams chat, at most
// as fast as Teams allows (per conversation and per app), and moves through
//   pending ─► sending ─► sent
// with an ETag on every step, so two workers (or a worker and its own
// restart) never both send it. Throttling and transient failures (429, 412,
// 502, 503, 504, network errors) go back to pending with a later notBefore;
// a recipient who blocked the bot or uninstalled it is recorded as such and
// not retried.
//
// Crash window (delivery is at-least-once): a message stays in `sending`
// between claiming it and recording the connector's answer. If the process
// dies in that window, nobody knows whether Teams accepted it. Once the claim
// is older than `sendingLeaseMs` a worker puts it back to pending and sends it
// again: nothing is lost, and at most the messages that were in flight at the
// crash (`concurrency` of them) can arrive twice. Teams offers no idempotent
// send, so the other choice (never resend) would silently lose messages.
//
// Logs carry message ids, kinds and status codes, never message text or card
// content.
import type { OutboxMessage} from "../../api/domain/records/teams-conversation.js";
import { type TeamsConversation } from "../../api/domain/records/teams-conversation.js";
import { isDomainError } from "../../api/domain/errors.js";
import type { Actor, Saved, Store } from "../../api/store/port.js";
import type { DueMessage, OutboxTransport } from "./outbox-transport.js";
import { SlidingWindowLimiter, teamsAppLimits, teamsConversationLimits, type RateWindow } from "./rate-limiter.js";

export interface OutboxDelivery {
  /** The activity for a message, built from the records as they are now; undefined when there is nothing to send any more (e.g. the record is gone). */
  render(message: Saved<"outboxMessage">): Promise<Record<string, unknown> | undefined>;
  /** Sends one activity to the conversation; resolves with the id the channel gave it. */
  send(conversation: Saved<"teamsConversation">, activity: Record<string, unknown>): Promise<{ id?: string }>;
}

export interface OutboxWorkerOptions {
  store: Store;
  delivery: OutboxDelivery;
  actor: Actor;
  now?: () => Date;
  /** Waits used for rate limiting and in-pass deferrals (tests pass a fake clock's). */
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
  /** 0 ≤ random() < 1, for backoff jitter. */
  random?: () => number;
  /** Send attempts before a message is given up as failed. Default 8. */
  maxAttempts?: number;
  /** Sends in flight at once, never two in the same conversation. Default 4. */
  concurrency?: number;
  /** Messages handled per pass over the queue. Default 25. */
  batchSize?: number;
  /** How often the background loop looks for due messages. Default 5 s. */
  pollIntervalMs?: number;
  /** A message still `sending` after this long is presumed interrupted and sent again. Default 2 min. */
  sendingLeaseMs?: number;
  /** A send that has not answered by then counts as a transient failure. Default 60 s (keep it below the lease). */
  sendTimeoutMs?: number;
  /** Backoff before retry n is a random time up to min(cap, base × 2^(n-1)). Defaults 1 s and 5 min. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Override Teams' limits, e.g. divide the app limit among several running copies. */
  conversationLimits?: readonly RateWindow[];
  appLimits?: readonly RateWindow[];
  /** Added to every window's span, so that network jitter cannot squeeze sends closer than Teams allows. Default 25 ms. */
  windowMarginMs?: number;
  /** Where due messages come from: by default this worker scans the store (see outbox-transport.ts). */
  transport?: OutboxTransport;
}

// ---------------------------------------------------------------------------
// Send errors

export interface SendErrorDescription {
  statusCode?: number;
  /** The channel's error code (e.g. "ConversationBlockedByUser") or a system error code (e.g. "ECONNREFUSED"). */
  code?: string;
  /** From Retry-After (seconds or an HTTP date) or a plain `retryAfterMs`. */
  retryAfterMs?: number;
  message: string;
}

type HeaderSource = { get?: (name: string) => unknown } | Record<string, unknown>;

function headerValue(headers: unknown, name: string): unknown {
  if (!headers || typeof headers !== "object") return undefined;
  const source = headers as HeaderSource;
  if (typeof source.get === "function") {
    const value = (source.get as (name: string) => unknown).call(headers, name);
    if (value !== undefined && value !== null) return value;
  }
  for (const [key, value] of Object.entries(source)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
  if (Array.isArray(value)) value = value[0];
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
  if (typeof value !== "string" || !value.trim()) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
}

/**
 * What a failed send tells us, from botbuilder's RestError (`statusCode`,
 * `code`, `response.headers.get("retry-after")`), a fetch-style error
 * (`status`, `headers`), or a plain object with `retryAfterMs`.
 */
export function describeSendError(error: unknown, nowMs = Date.now()): SendErrorDescription {
  const record = asRecord(error) ?? {};
  const response = asRecord(record.response);
  const rawStatus = record.statusCode ?? record.status ?? response?.status ?? response?.statusCode;
  const statusCode = typeof rawStatus === "number" && Number.isInteger(rawStatus) ? rawStatus : undefined;
  const details = asRecord(record.details);
  const bodyError = asRecord(details?.error) ?? asRecord(asRecord(record.body)?.error);
  const rawCode = bodyError?.code ?? record.code;
  const code = typeof rawCode === "string" && rawCode ? rawCode : undefined;
  let retryAfterMs: number | undefined;
  if (typeof record.retryAfterMs === "number" && Number.isFinite(record.retryAfterMs) && record.retryAfterMs >= 0) {
    retryAfterMs = record.retryAfterMs;
  } else {
    retryAfterMs = parseRetryAfter(headerValue(response?.headers, "retry-after") ?? headerValue(record.headers, "retry-after"), nowMs);
  }
  const rawMessage = error instanceof Error ? error.message : typeof record.message === "string" ? record.message : String(error);
  const description: SendErrorDescription = { message: rawMessage.slice(0, 300) };
  if (statusCode !== undefined) description.statusCode = statusCode;
  if (code !== undefined) description.code = code;
  if (retryAfterMs !== undefined) description.retryAfterMs = retryAfterMs;
  return description;
}

export type SendErrorOutcome =
  /** Transient: try again later. */
  | "retry"
  /** The person blocked the bot, or an admin disabled it. */
  | "blocked"
  /** The bot is no longer in the conversation (uninstalled). */
  | "uninstalled"
  /** Will not succeed by retrying. */
  | "failed";

const retryableStatuses = new Set([412, 429, 502, 503, 504]);

export function classifySendError(description: SendErrorDescription): SendErrorOutcome {
  const { statusCode, code } = description;
  if (statusCode === undefined) return "retry"; // no answer at all: connection refused, reset, timeout
  if (retryableStatuses.has(statusCode)) return "retry";
  if (statusCode === 403 && (code === "ConversationBlockedByUser" || code === "BotDisabledByAdmin")) return "blocked";
  if (statusCode === 404 || (statusCode === 403 && code === "BotNotInConversationRoster")) return "uninstalled";
  return "failed";
}

function errorSummary(description: SendErrorDescription): string {
  const parts = [description.statusCode === undefined ? "no response" : `HTTP ${description.statusCode}`];
  if (description.code) parts.push(description.code);
  parts.push(description.message);
  return parts.join(" ").slice(0, 1000);
}

/** A random delay up to min(cap, base × 2^(attempt-1)): exponential backoff with full jitter. */
export function backoffDelayMs(attempt: number, random: () => number, baseMs = 1_000, capMs = 300_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

// ---------------------------------------------------------------------------
// Statuses


/** Puts a recipient's `not_installed` messages back to pending, e.g. when they install the app (a person, or a team channel by its record id). Returns how many. */
export async function requeueForRecipient(store: Store, personId: string, actor: Actor): Promise<number> {
  let requeued = 0;
  for (;;) {
    const page = await store.query("outboxMessage", { where: { recipientId: personId, status: "not_installed" }, limit: 100 });
    if (page.records.length === 0) return requeued;
    let changed = 0;
    for (const message of page.records) {
      try {
        // Cleared announcedAt: a queue transport hears of it again.
        await store.update("outboxMessage", message.id, { status: "pending", notBefore: undefined, announcedAt: undefined }, message.etag, actor);
        changed += 1;
      } catch (error) {
        if (!isDomainError(error, "conflict") && !isDomainError(error, "not_found")) throw error;
      }
    }
    requeued += changed;
    // Every record on the page changed under us: whoever did it owns them now.
    if (changed === 0) return requeued;
  }
}

// ---------------------------------------------------------------------------
// The worker

interface DrainResult {
  delivered: number;
  /** When the earliest message held back by a rate limit may go. */
  deferredUntil?: number;
}

interface PassResult extends DrainResult {
  handled: number;
}

/** What a send did; "blocked" and "not_installed" also closed the conversation. */
type DeliveryResult = "sent" | "retry" | "blocked" | "not_installed" | "skipped";
/** A delivery's result, and for a retry when it is due. */
interface Delivered {
  result: DeliveryResult;
  retryAt?: number;
}

type Recipient = { conversation: Saved<"teamsConversation"> } | { held: "blocked" | "not_installed" };

class Lanes {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

const maxWaitInPassMs = 2_000;
const scanLimit = 500;
const recoveryIntervalMs = 1_000;
const seedWindowMs = 30_000;
const maxSeededSends = 5_000;
/**
 * Teams counts the app limit per app per tenant. Golden Thread serves one
 * authority's tenant, and one key for every tenant is the safe side anyway.
 */
const appKey = "app";

export class OutboxWorker {
  private readonly store: Store;
  private readonly delivery: OutboxDelivery;
  private readonly actor: Actor;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: (line: string) => void;
  private readonly random: () => number;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly sendingLeaseMs: number;
  private readonly sendTimeoutMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly conversationLimiter: SlidingWindowLimiter;
  private readonly appLimiter: SlidingWindowLimiter;
  private readonly transport: OutboxTransport;

  private loop: Promise<void> | undefined;
  private seeded = false;
  private lastRecoveryAt = Number.NEGATIVE_INFINITY;
  private stopping = false;
  private woken = false;
  private wakeIdle: (() => void) | undefined;
  private readonly interruptions = new Set<() => void>();

  constructor(options: OutboxWorkerOptions) {
    this.store = options.store;
    this.delivery = options.delivery;
    this.actor = options.actor;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.log = options.log ?? (() => undefined);
    this.random = options.random ?? Math.random;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? 25));
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.sendingLeaseMs = options.sendingLeaseMs ?? 120_000;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 60_000;
    this.backoffBaseMs = options.backoffBaseMs ?? 1_000;
    this.backoffCapMs = options.backoffCapMs ?? 300_000;
    const margin = Math.max(0, options.windowMarginMs ?? 25);
    const widen = (windows: readonly RateWindow[]) => windows.map(({ limit, perMs }) => ({ limit, perMs: perMs + margin }));
    this.conversationLimiter = new SlidingWindowLimiter(widen(options.conversationLimits ?? teamsConversationLimits));
    this.appLimiter = new SlidingWindowLimiter(widen(options.appLimits ?? teamsAppLimits));
    this.transport = options.transport ?? new StoreTransport(this.store, this.now);
  }

  /** Runs in the background until stop(): sends what is due, then waits for the next due message, a wake() or the poll interval. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Look at the queue now rather than at the next poll (call after enqueueing). */
  wake(): void {
    this.woken = true;
    this.wakeIdle?.();
  }

  /** Lets the sends in flight finish and record their outcome, starts no new one, and resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeIdle?.();
    for (const interrupt of this.interruptions) interrupt();
    await this.loop;
    this.loop = undefined;
  }

  /** One drain of everything due now (waiting out short rate-limit holds); resolves with how many messages were delivered. */
  async drainOnce(): Promise<number> {
    return (await this.drain()).delivered;
  }

  private async run(): Promise<void> {
    this.log("outbox: worker started");
    while (!this.stopping) {
      this.woken = false;
      let waitMs = this.pollIntervalMs;
      try {
        await this.transport.announce();
        const result = await this.drain();
        if (result.deferredUntil !== undefined) waitMs = Math.min(waitMs, result.deferredUntil - this.nowMs());
        const nextDue = this.transport.scansStore ? await this.nextDueAt() : undefined;
        if (nextDue !== undefined) waitMs = Math.min(waitMs, nextDue - this.nowMs());
      } catch (error) {
        this.log(`outbox: pass failed, trying again in ${this.pollIntervalMs} ms: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (this.stopping || this.woken) continue;
      await this.idle(Math.max(0, waitMs));
    }
    this.log("outbox: worker stopped");
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeIdle = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeIdle = done;
    });
  }

  /** A wait that stop() cuts short. */
  private async interruptibleSleep(ms: number): Promise<void> {
    if (this.stopping || ms <= 0) return;
    let interrupt: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    this.interruptions.add(interrupt);
    try {
      await Promise.race([this.sleep(ms), interrupted]);
    } finally {
      this.interruptions.delete(interrupt);
    }
  }

  private nowMs(): number {
    return this.now().getTime();
  }

  private async drain(): Promise<DrainResult> {
    if (!this.seeded) {
      await this.seedLimitsFromRecentSends();
      this.seeded = true;
    }
    let delivered = 0;
    while (!this.stopping) {
      if (this.transport.scansStore && this.nowMs() - this.lastRecoveryAt >= recoveryIntervalMs) {
        this.lastRecoveryAt = this.nowMs();
        await this.recoverInterrupted();
      }
      const pass = await this.pass();
      delivered += pass.delivered;
      if (pass.handled > 0) continue;
      if (pass.deferredUntil === undefined) return { delivered };
      const waitMs = pass.deferredUntil - this.nowMs();
      if (waitMs > maxWaitInPassMs) return { delivered, deferredUntil: pass.deferredUntil };
      await this.interruptibleSleep(waitMs);
    }
    return { delivered };
  }

  /**
   * Teams remembers sends made before this process started (by a copy that
   * crashed or restarted a moment ago): count the last 30 seconds of them, so
   * that a restart does not run straight into 429s. Messages still `sending`
   * count too, as they may have gone.
   */
  private async seedLimitsFromRecentSends(): Promise<void> {
    const since = this.nowMs() - seedWindowMs;
    const sends: { conversationId: string; at: number }[] = [];
    for (const status of ["sent", "sending"] as const) {
      let cursor: string | undefined;
      do {
        const page = await this.store.query("outboxMessage", {
          where: { status, updatedAt: { gte: new Date(since).toISOString() } },
          orderBy: { field: "updatedAt" },
          limit: 500,
          cursor,
        });
        for (const message of page.records) {
          const at = Date.parse(message.sentAt ?? message.updatedAt);
          if (message.conversationId && at >= since) sends.push({ conversationId: message.conversationId, at });
        }
        cursor = sends.length < maxSeededSends ? page.nextCursor : undefined;
      } while (cursor);
    }
    sends.sort((a, b) => a.at - b.at);
    for (const { conversationId, at } of sends) {
      this.conversationLimiter.record(conversationId, at);
      this.appLimiter.record(appKey, at);
    }
  }

  /** Messages left `sending` longer than the lease were interrupted (a crash): send them again. */
  private async recoverInterrupted(): Promise<void> {
    const staleBefore = new Date(this.nowMs() - this.sendingLeaseMs).toISOString();
    const stale = await this.store.query("outboxMessage", {
      where: { status: "sending", updatedAt: { lte: staleBefore } },
      orderBy: { field: "updatedAt" },
      limit: 100,
    });
    for (const message of stale.records) {
      try {
        await this.store.update(
          "outboxMessage",
          message.id,
          { status: "pending", lastError: "Interrupted while sending; sent again, so it may arrive twice." },
          message.etag,
          this.actor,
        );
        this.log(`outbox: message ${message.id} (${message.notification.kind}) was interrupted while sending; queued again`);
      } catch (error) {
        if (!isDomainError(error, "conflict") && !isDomainError(error, "not_found")) throw error;
      }
    }
  }

  private async nextDueAt(): Promise<number | undefined> {
    const page = await this.store.query("outboxMessage", {
      where: { status: "pending", notBefore: { gte: this.now().toISOString() } },
      orderBy: { field: "notBefore" },
      limit: 1,
    });
    const notBefore = page.records[0]?.notBefore;
    return notBefore ? Date.parse(notBefore) : undefined;
  }

  private async pass(): Promise<PassResult> {
    const lanes = new Lanes(this.concurrency);
    const recipients = new Map<string, Recipient>();
    const busyConversations = new Set<string>();
    const jobs: Promise<void>[] = [];
    let failure: unknown;
    let handled = 0;
    let delivered = 0;
    let deferredUntil: number | undefined;
    const deferUntil = (at: number) => (deferredUntil = deferredUntil === undefined ? at : Math.min(deferredUntil, at));

    // A queue hands over messages it then hides from other workers: take only about a batch.
    const limit = this.transport.scansStore ? scanLimit : this.batchSize * 2;
    for await (const due of this.transport.due(limit)) {
      if (this.stopping || failure !== undefined || handled >= this.batchSize) {
        if (this.transport.scansStore) break;
        // Received but not looked at in this pass: hand it straight back.
        await this.transport.later(due, this.nowMs());
        continue;
      }
      const { message } = due;
      const recipientKey = `${message.to}:${message.recipientId}`;
      let recipient = recipients.get(recipientKey);
      if (recipient === undefined) {
        recipient = await this.findRecipient(message);
        recipients.set(recipientKey, recipient);
      }
      if ("held" in recipient) {
        handled += 1;
        await this.hold(message, recipient.held);
        await this.transport.finished(due);
        continue;
      }
      const { conversation } = recipient;
      const key = conversation.conversationId;
      if (busyConversations.has(key)) {
        // One send at a time per conversation keeps its order; look again next pass.
        deferUntil(this.nowMs());
        await this.transport.later(due, this.nowMs());
        continue;
      }
      const wait = this.conversationLimiter.delayFor(key, this.nowMs());
      if (wait > 0) {
        deferUntil(this.nowMs() + wait);
        await this.transport.later(due, this.nowMs() + wait);
        continue;
      }
      await lanes.acquire();
      if (this.stopping || failure !== undefined) {
        lanes.release();
        await this.transport.later(due, this.nowMs());
        continue;
      }
      handled += 1;
      busyConversations.add(key);
      const target = conversation;
      jobs.push(
        this.deliver(message, target)
          .then(async ({ result, retryAt }) => {
            if (result === "sent") delivered += 1;
            if (result === "blocked" || result === "not_installed") recipients.set(recipientKey, { held: result });
            if (retryAt !== undefined) await this.transport.later(due, retryAt);
            else await this.transport.finished(due);
          })
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => {
            busyConversations.delete(key);
            lanes.release();
          }),
      );
    }
    await Promise.all(jobs);
    if (failure !== undefined) throw failure;
    return deferredUntil === undefined ? { handled, delivered } : { handled, delivered, deferredUntil };
  }

  /** The channel, or the person's personal chat with the bot; failing that, why there is none. */
  private async findRecipient(message: Saved<"outboxMessage">): Promise<Recipient> {
    if (message.to === "channel") {
      const channel = await this.store.get("teamsConversation", message.recipientId);
      if (channel?.status === "installed") return { conversation: channel };
      return { held: channel?.status === "blocked" ? "blocked" : "not_installed" };
    }
    const personId = message.recipientId;
    const page = await this.store.query("teamsConversation", {
      where: { personId },
      orderBy: { field: "updatedAt", direction: "desc" },
      limit: 50,
    });
    const personal = page.records.filter((conversation) => conversation.conversationType === "personal");
    const installed = personal.find((conversation) => conversation.status === "installed");
    if (installed) return { conversation: installed };
    return { held: personal.some((conversation) => conversation.status === "blocked") ? "blocked" : "not_installed" };
  }

  private async hold(message: Saved<"outboxMessage">, status: "blocked" | "not_installed"): Promise<void> {
    const reason = status === "blocked" ? "The recipient has blocked the bot." : "The recipient has not installed the app.";
    const updated = await this.updateMessage(message, { status, lastError: reason });
    if (updated) this.log(`outbox: message ${message.id} (${message.notification.kind}) held as ${status}`);
  }

  /** An ETag-guarded update; undefined when someone else changed or removed the message first. */
  private async updateMessage(
    message: Saved<"outboxMessage">,
    changes: Partial<OutboxMessage>,
  ): Promise<Saved<"outboxMessage"> | undefined> {
    try {
      return await this.store.update("outboxMessage", message.id, changes, message.etag, this.actor);
    } catch (error) {
      if (isDomainError(error, "conflict") || isDomainError(error, "not_found")) return undefined;
      throw error;
    }
  }

  /** Waits out both limits (short: the conversation was checked just before), then counts the send. */
  private async takeSendSlot(conversationKey: string): Promise<void> {
    for (;;) {
      const now = this.nowMs();
      const wait = Math.max(this.conversationLimiter.delayFor(conversationKey, now), this.appLimiter.delayFor(appKey, now));
      if (wait <= 0) {
        this.conversationLimiter.record(conversationKey, now);
        this.appLimiter.record(appKey, now);
        return;
      }
      await this.sleep(wait);
    }
  }

  private async deliver(message: Saved<"outboxMessage">, conversation: Saved<"teamsConversation">): Promise<Delivered> {
    const kind = message.notification.kind;
    const claimed = await this.updateMessage(message, {
      status: "sending",
      attempts: message.attempts + 1,
      conversationId: conversation.conversationId,
    });
    if (!claimed) return { result: "skipped" };

    let activity: Record<string, unknown> | undefined;
    try {
      activity = await this.delivery.render(claimed);
    } catch (error) {
      this.log(`outbox: message ${message.id} (${kind}) could not be rendered: ${error instanceof Error ? error.name : "error"}`);
      // Retried like a network failure: the store may be briefly unavailable.
      return this.afterFailure(claimed, conversation, {
        code: "RenderFailed",
        message: `Could not build the message: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
      });
    }
    if (!activity) {
      await this.updateMessage(claimed, { status: "cancelled", lastError: "Cancelled: nothing to send any more (the record it announced is gone)." });
      this.log(`outbox: message ${message.id} (${kind}) cancelled: nothing to send`);
      return { result: "skipped" };
    }

    await this.takeSendSlot(conversation.conversationId);
    let sentId: string | undefined;
    try {
      sentId = (await this.withTimeout(this.delivery.send(conversation, activity))).id;
    } catch (error) {
      return this.afterFailure(claimed, conversation, describeSendError(error, this.nowMs()));
    }
    const changes: Partial<OutboxMessage> = {
      status: "sent",
      sentAt: this.now().toISOString(),
      conversationId: conversation.conversationId,
      lastError: undefined,
    };
    if (sentId) changes.sentActivityId = sentId;
    const saved = await this.recordSent(claimed, changes);
    if (!saved) this.log(`outbox: message ${message.id} (${kind}) was sent but changed meanwhile; left as it is`);
    return { result: "sent" };
  }

  /** The write after a successful send matters most (a lost write means a resend): try it a few times. */
  private async recordSent(claimed: Saved<"outboxMessage">, changes: Partial<OutboxMessage>): Promise<Saved<"outboxMessage"> | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.updateMessage(claimed, changes);
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error(`No answer within ${this.sendTimeoutMs} ms`), { code: "SendTimeout" })),
        this.sendTimeoutMs,
      );
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private async afterFailure(
    claimed: Saved<"outboxMessage">,
    conversation: Saved<"teamsConversation">,
    description: SendErrorDescription,
  ): Promise<Delivered> {
    const kind = claimed.notification.kind;
    const summary = errorSummary(description);
    const status = description.statusCode ?? description.code ?? "no response";
    const outcome = classifySendError(description);

    if (outcome === "blocked" || outcome === "uninstalled") {
      const conversationStatus: TeamsConversation["status"] = outcome === "blocked" ? "blocked" : "uninstalled";
      const messageStatus = outcome === "blocked" ? "blocked" : "not_installed";
      await this.store.transaction(async (tx) => {
        const current = await tx.get("teamsConversation", conversation.id);
        if (current && current.status === "installed") {
          await tx.update("teamsConversation", current.id, { status: conversationStatus }, current.etag, this.actor);
        }
        const message = await tx.get("outboxMessage", claimed.id);
        if (message && message.etag === claimed.etag) {
          await tx.update("outboxMessage", message.id, { status: messageStatus, lastError: summary }, message.etag, this.actor);
        }
      });
      this.log(`outbox: message ${claimed.id} (${kind}) not delivered (${status}): conversation marked ${conversationStatus}`);
      return { result: messageStatus };
    }

    if (outcome === "retry" && claimed.attempts < this.maxAttempts) {
      const delayMs = Math.max(
        description.retryAfterMs ?? 0,
        backoffDelayMs(claimed.attempts, this.random, this.backoffBaseMs, this.backoffCapMs),
      );
      const retryAt = this.nowMs() + delayMs;
      if (description.statusCode === 429) {
        // Throttled: hold the whole conversation, not just this message.
        this.conversationLimiter.pauseUntil(conversation.conversationId, retryAt);
      }
      await this.updateMessage(claimed, { status: "pending", notBefore: new Date(retryAt).toISOString(), lastError: summary });
      this.log(`outbox: message ${claimed.id} (${kind}) attempt ${claimed.attempts} failed (${status}); retrying in ${delayMs} ms`);
      return { result: "retry", retryAt };
    }

    const reason = outcome === "retry" ? `Gave up after ${claimed.attempts} attempts. Last error: ${summary}` : summary;
    await this.updateMessage(claimed, { status: "failed", lastError: reason.slice(0, 1000) });
    this.log(`outbox: message ${claimed.id} (${kind}) failed (${status}) after ${claimed.attempts} attempt(s); not retried`);
    return { result: "skipped" };
  }
}

// ---------------------------------------------------------------------------
// The embedded default transport: scan the store.

export class StoreTransport implements OutboxTransport {
  readonly name = "store";
  readonly scansStore = true;
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** Retries whose time has come (oldest first), then new messages in the order they were made. */
  async *due(limit: number): AsyncGenerator<DueMessage> {
    const nowIso = this.now().toISOString();
    let scanned = 0;
    for (const query of [
      { where: { status: "pending", notBefore: { lte: nowIso } }, orderBy: { field: "notBefore" } },
      { where: { status: "pending", notBefore: null }, orderBy: { field: "createdAt" } },
    ]) {
      let cursor: string | undefined;
      do {
        const page = await this.store.query("outboxMessage", { ...query, limit: Math.min(100, limit), cursor });
        for (const message of page.records) {
          yield { message };
          scanned += 1;
          if (scanned >= limit) return;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
  }

  // The message's status in the store is all there is to it.
  async finished(): Promise<void> {}
  async later(): Promise<void> {}
  async announce(): Promise<number> {
    return 0;
  }
}
