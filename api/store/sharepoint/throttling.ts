// Graph throttles with 429 (and 503 when busy) and says how long to wait in
// Retry-After. Every request from this process waits behind one shared gate,
// so a throttle pauses all of them at once instead of each retrying on its
// own (no request storm); waits are bounded and jittered.
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Backoff when Graph gives no Retry-After: base × 2^attempt, capped. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

export const throttledStatuses = new Set([429, 503]);

/** Retry-After as milliseconds: seconds, or an HTTP date. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class ThrottleGate {
  private pausedUntil = 0;
  /** How many times Graph asked us to wait (for tests and the benchmark). */
  throttles = 0;

  constructor(readonly policy: RetryPolicy) {}

  /** How long to wait before retry number `attempt` (1-based): Retry-After plus up to 20% jitter, or jittered exponential backoff; never over maxDelayMs. */
  delayFor(attempt: number, retryAfter: number | undefined): number {
    const { baseDelayMs, maxDelayMs, random } = this.policy;
    const wanted = retryAfter !== undefined ? retryAfter * (1 + 0.2 * random()) : Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + random() / 2);
    return Math.min(maxDelayMs, Math.round(wanted));
  }

  /** Pauses every request through this gate for `ms`. */
  pause(ms: number): void {
    this.throttles += 1;
    this.pausedUntil = Math.max(this.pausedUntil, this.policy.now() + ms);
  }

  async wait(): Promise<void> {
    for (;;) {
      const remaining = this.pausedUntil - this.policy.now();
      if (remaining <= 0) return;
      await this.policy.sleep(remaining);
    }
  }
}

/** Graph client middleware: waits at the gate, and retries a throttled request after Retry-After. */
export class ThrottleMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly gate: ThrottleGate) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      await this.gate.wait();
      try {
        await this.next!.execute(context);
      } catch (error) {
        // A dropped connection (a reset keep-alive socket, a blip): a read is safe to send again; a write is not,
        // as Graph may have applied it.
        const method = (context.options?.method ?? "GET").toUpperCase();
        if (method !== "GET" || attempt >= this.gate.policy.maxAttempts) throw error;
        await this.gate.policy.sleep(this.gate.delayFor(attempt, undefined));
        continue;
      }
      const response = context.response;
      if (!response || !throttledStatuses.has(response.status) || attempt >= this.gate.policy.maxAttempts) return;
      const delay = this.gate.delayFor(attempt, retryAfterMs(response.headers.get("Retry-After"), this.gate.policy.now()));
      await response.body?.cancel();
      this.gate.pause(delay);
    }
  }
}
