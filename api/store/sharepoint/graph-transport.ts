// The one way this adapter talks to Microsoft Graph: the Graph JavaScript
// client with our own middleware chain (token, throttling, fetch). In tests
// only the base URL and the token source differ; the code path is the same.
import { Client, GraphError, HTTPMessageHandler, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { ThrottleGate, ThrottleMiddleware, defaultRetryPolicy, retryAfterMs, throttledStatuses, type RetryPolicy } from "./throttling.js";
import type { TokenSource } from "./token-source.js";

export interface GraphSettings {
  /** https://graph.microsoft.com unless a sovereign cloud (or a test stand-in). */
  baseUrl?: string;
  tokens: TokenSource;
  retry?: Partial<RetryPolicy>;
}

/** A failed Graph request: its HTTP status and Graph's error code. */
export class GraphRequestError extends Error {
  override name = "GraphRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Graph's Location header (a 410 on delta carries the link that starts again). */
    readonly location?: string,
  ) {
    super(message);
  }
}

/** Adds the bearer token; on a 401 fetches a fresh token once and tries again. */
class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly tokens: TokenSource) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    for (const forceRefresh of [false, true]) {
      const headers = new Headers(context.options?.headers as ConstructorParameters<typeof Headers>[0]);
      headers.set("Authorization", `Bearer ${await this.tokens.accessToken({ forceRefresh })}`);
      context.options = { ...context.options, headers };
      await this.next!.execute(context);
      if (context.response?.status !== 401) return;
      await context.response.body?.cancel();
    }
  }
}

class CountingMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly count: () => void) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    this.count();
    await this.next!.execute(context);
  }
}

export interface BatchStep {
  id: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Relative to the version root, e.g. /sites/{site}/lists/{list}/items. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Run only after this step succeeded (sent as dependsOn when both share a batch). */
  after?: string;
}

export interface BatchOutcome {
  status: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

interface BatchResponse {
  responses: { id: string; status: number; headers?: Record<string, string>; body?: Record<string, unknown> }[];
}

export const maxBatchSize = 20;
const ok = (status: number) => status >= 200 && status < 300;

export class GraphTransport {
  readonly client: Client;
  readonly gate: ThrottleGate;
  private readonly root: string;
  /** Requests sent, batches counted once (for the benchmark and tests). */
  requestCount = 0;

  constructor(settings: GraphSettings) {
    const baseUrl = (settings.baseUrl ?? "https://graph.microsoft.com").replace(/\/$/, "");
    this.root = `${baseUrl}/v1.0`;
    this.gate = new ThrottleGate({ ...defaultRetryPolicy, ...settings.retry });
    this.client = Client.initWithMiddleware({
      baseUrl,
      defaultVersion: "v1.0",
      middleware: [new BearerTokenMiddleware(settings.tokens), new ThrottleMiddleware(this.gate), new CountingMiddleware(() => (this.requestCount += 1)), new HTTPMessageHandler()],
    });
  }

  /** A nextLink or deltaLink as a path the client accepts, whatever host Graph (or a stand-in) put in it. */
  relative(link: string): string {
    if (link.startsWith(this.root)) return link.slice(this.root.length);
    const url = new URL(link);
    return url.pathname.replace(/^\/v1\.0/, "") + url.search;
  }

  async get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return this.call(() => this.client.api(path).headers(headers).get() as Promise<T>);
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call(() => this.client.api(path).headers(headers).post(body) as Promise<T>);
  }

  async patch<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call(() => this.client.api(path).headers(headers).patch(body) as Promise<T>);
  }

  async delete(path: string, headers: Record<string, string> = {}): Promise<void> {
    await this.call(() => this.client.api(path).headers(headers).delete() as Promise<unknown>);
  }

  /**
   * Runs steps through JSON batches of at most 20. A step Graph throttled
   * (429/503 inside the batch), or one that failed only because such a step
   * did (424), is sent again after the longest Retry-After; steps after a
   * hard failure are not run (424). Every step gets an outcome.
   */
  async batch(steps: readonly BatchStep[]): Promise<Map<string, BatchOutcome>> {
    const outcomes = new Map<string, BatchOutcome>();
    let pending = [...steps];
    let round = 0;
    while (pending.length > 0) {
      const inBatch = new Set<string>();
      const sending: BatchStep[] = [];
      const waiting: BatchStep[] = [];
      for (const step of pending) {
        const dependency = step.after ? outcomes.get(step.after) : undefined;
        if (step.after && dependency && !ok(dependency.status)) {
          outcomes.set(step.id, { status: 424, body: { error: { code: "failedDependency", message: `Not run: ${step.after} failed.` } } });
        } else if (sending.length < maxBatchSize && (!step.after || dependency || inBatch.has(step.after))) {
          sending.push(step);
          inBatch.add(step.id);
        } else {
          waiting.push(step);
        }
      }
      if (sending.length === 0) {
        // Steps come in dependency order, so only a step that depends on one outside the list can be left here.
        if (waiting.length > 0) throw new Error(`Batch step ${waiting[0]!.id} depends on ${waiting[0]!.after}, which is not among the steps.`);
        break;
      }
      const response = await this.post<BatchResponse>("/$batch", {
        requests: sending.map((step) => ({
          id: step.id,
          method: step.method,
          url: step.url,
          ...(step.after && inBatch.has(step.after) ? { dependsOn: [step.after] } : {}),
          headers: { ...(step.body !== undefined ? { "Content-Type": "application/json" } : {}), ...step.headers },
          ...(step.body !== undefined ? { body: step.body } : {}),
        })),
      });
      const byId = new Map(response.responses.map((entry) => [entry.id, entry]));
      const retry: BatchStep[] = [];
      let longestWait: number | undefined;
      for (const step of sending) {
        const entry = byId.get(step.id);
        const status = entry?.status ?? 500;
        const throttled = throttledStatuses.has(status);
        const blockedByThrottle = status === 424 && step.after !== undefined && retry.some((other) => other.id === step.after);
        if ((throttled || blockedByThrottle) && round + 1 < this.gate.policy.maxAttempts) {
          retry.push(step);
          const wait = retryAfterMs(headerOf(entry?.headers, "Retry-After"), this.gate.policy.now());
          if (wait !== undefined) longestWait = Math.max(longestWait ?? 0, wait);
        } else {
          outcomes.set(step.id, { status, body: entry?.body, headers: entry?.headers });
        }
      }
      if (retry.length > 0) {
        round += 1;
        this.gate.pause(this.gate.delayFor(round, longestWait));
      }
      // Keep the original order: retried steps go first, as they came first.
      const retried = new Set(retry.map((step) => step.id));
      pending = [...steps.filter((step) => retried.has(step.id)), ...waiting];
    }
    return outcomes;
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw asRequestError(error);
    }
  }
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key ? headers[key] : undefined;
}

export function asRequestError(error: unknown): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  if (error instanceof GraphError) {
    return new GraphRequestError(error.statusCode, error.code ?? "unknown", error.message, error.headers?.get("Location") ?? undefined);
  }
  return new GraphRequestError(0, "network", (error as Error)?.message ?? String(error));
}

/** A failed batch step as an error. */
export function outcomeError(outcome: BatchOutcome): GraphRequestError {
  const inner = ((outcome.body?.error ?? {}) as { code?: string; message?: string });
  return new GraphRequestError(outcome.status, inner.code ?? "unknown", inner.message ?? `Graph answered ${outcome.status}`);
}

export function succeeded(outcome: BatchOutcome | undefined): outcome is BatchOutcome {
  return outcome !== undefined && ok(outcome.status);
}
