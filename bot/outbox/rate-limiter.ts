// A sliding-window rate limiter with no I/O and no clock of its own: the
// caller passes the time. Each key (a conversation, or the app in a tenant)
// keeps the times of its recent sends; a send is allowed when, counting it,
// no window holds more than its limit. Memory stays bounded: times older
// than the longest window are dropped, and idle keys are forgotten.

export interface RateWindow {
  /** At most this many sends… */
  limit: number;
  /** …in any span of this many milliseconds. */
  perMs: number;
}

// Microsoft's documented limits for a bot sending messages in Teams
// ("Optimize your bot: rate limiting and best practices"): per bot per
// conversation, and across all conversations per app per tenant.
export const teamsConversationLimits: readonly RateWindow[] = Object.freeze([
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
]);

export const teamsAppLimits: readonly RateWindow[] = Object.freeze([{ limit: 50, perMs: 1_000 }]);

interface KeyState {
  /** Send times in ascending order; entries before `head` are already pruned. */
  times: number[];
  head: number;
  /** No send before this time (set after the service answered "slow down"). */
  pausedUntil: number;
}

export class SlidingWindowLimiter {
  private readonly windows: readonly RateWindow[];
  private readonly longestMs: number;
  private readonly keys = new Map<string, KeyState>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(windows: readonly RateWindow[]) {
    if (windows.length === 0) throw new Error("A rate limiter needs at least one window");
    for (const window of windows) {
      if (!Number.isInteger(window.limit) || window.limit < 1 || !(window.perMs > 0)) {
        throw new Error(`A rate window needs a whole limit of at least 1 and a positive span (got ${window.limit} per ${window.perMs} ms)`);
      }
    }
    this.windows = windows.map((window) => ({ ...window }));
    this.longestMs = Math.max(...windows.map((window) => window.perMs));
  }

  /** Milliseconds to wait before the next send for `key`; 0 when it may go now. */
  delayFor(key: string, nowMs: number): number {
    const state = this.keys.get(key);
    if (!state) return 0;
    this.prune(state, nowMs);
    let delay = Math.max(0, state.pausedUntil - nowMs);
    const count = state.times.length - state.head;
    for (const window of this.windows) {
      if (count < window.limit) continue;
      // Times inside this window: those after nowMs - perMs.
      const inside = count - this.firstIndexAfter(state, nowMs - window.perMs) + state.head;
      if (inside < window.limit) continue;
      // The send that must leave the window before one more fits.
      const leaving = state.times[state.times.length - window.limit]!;
      delay = Math.max(delay, leaving + window.perMs - nowMs);
    }
    return delay;
  }

  /** Counts a send for `key` at `nowMs`. */
  record(key: string, nowMs: number): void {
    this.sweep(nowMs);
    let state = this.keys.get(key);
    if (!state) {
      state = { times: [], head: 0, pausedUntil: Number.NEGATIVE_INFINITY };
      this.keys.set(key, state);
    }
    this.prune(state, nowMs);
    const { times } = state;
    // Times normally arrive in order; keep the list sorted if a clock steps back.
    let index = times.length;
    while (index > state.head && times[index - 1]! > nowMs) index -= 1;
    times.splice(index, 0, nowMs);
  }

  /** Holds every send for `key` until `untilMs`, on top of the windows (after a 429). */
  pauseUntil(key: string, untilMs: number): void {
    let state = this.keys.get(key);
    if (!state) {
      state = { times: [], head: 0, pausedUntil: Number.NEGATIVE_INFINITY };
      this.keys.set(key, state);
    }
    state.pausedUntil = Math.max(state.pausedUntil, untilMs);
  }

  /** How many keys are tracked (for tests and monitoring). */
  get trackedKeys(): number {
    return this.keys.size;
  }

  /** How many send times are held across all keys (for tests and monitoring). */
  get trackedSends(): number {
    let total = 0;
    for (const state of this.keys.values()) total += state.times.length - state.head;
    return total;
  }

  private firstIndexAfter(state: KeyState, boundary: number): number {
    let low = state.head;
    let high = state.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (state.times[middle]! <= boundary) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private prune(state: KeyState, nowMs: number): void {
    state.head = this.firstIndexAfter(state, nowMs - this.longestMs);
    // Compact once the dead prefix dominates, so the array cannot grow without bound.
    if (state.head > 64 && state.head * 2 > state.times.length) {
      state.times.splice(0, state.head);
      state.head = 0;
    }
  }

  /** Forgets keys with no send inside the longest window and no pause, at most once per window. */
  private sweep(nowMs: number): void {
    if (nowMs - this.lastSweep < Math.min(this.longestMs, 60_000)) return;
    this.lastSweep = nowMs;
    for (const [key, state] of this.keys) {
      this.prune(state, nowMs);
      if (state.times.length === state.head && state.pausedUntil <= nowMs) this.keys.delete(key);
    }
  }
}
