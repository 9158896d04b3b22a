// A local stand-in for the Bot Connector service: it accepts the replies a
// bot sends (POST /v3/conversations/{id}/activities[/{replyToId}]) as the
// Bot Framework REST API documents, and keeps them for the test to read.
//
// It can also misbehave on purpose, as Teams does: `failNext` scripts error
// answers (429 with Retry-After, 503, 403 ConversationBlockedByUser…), and
// `rateLimit` answers 429 whenever a send would exceed Teams' documented
// limits. The limits are written out here on their own, not imported from the
// bot, so that the stand-in checks the bot rather than agreeing with it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SentActivity {
  conversationId: string;
  replyToId?: string;
  activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: unknown }[];
    [property: string]: unknown;
  };
  /** When the connector received it (Date.now()). */
  receivedAt?: number;
}

/** Every request, accepted or not. */
export interface ConnectorRequest {
  conversationId: string;
  receivedAt: number;
  status: number;
}

export interface ScriptedFailure {
  status: number;
  /** Sent as a Retry-After header. */
  retryAfterSeconds?: number;
  /** The Bot Framework error code in the body, e.g. "ConversationBlockedByUser". */
  code?: string;
  message?: string;
  /** Only requests to this conversation fail; others pass. */
  conversationId?: string;
}

export interface FakeBotConnectorOptions {
  /** Answer 429 with Retry-After when a send would break Teams' per-conversation or per-app limits. */
  rateLimit?: boolean;
  /** Delay before answering (the activity is recorded on arrival, as Teams would have it by then). */
  latencyMs?: number;
}

export interface FakeBotConnector {
  serviceUrl: string;
  /** The activities accepted (2xx), in order of arrival. */
  sent: SentActivity[];
  /** Every request, including refused ones. */
  requests: ConnectorRequest[];
  /** Resolves when at least `count` activities have been sent. */
  waitForActivities(count: number, timeoutMs?: number): Promise<SentActivity[]>;
  /** The next `count` matching requests get this error instead of being accepted. */
  failNext(count: number, failure: ScriptedFailure): void;
  /** How many requests were answered 429. */
  readonly throttled: number;
  close(): Promise<void>;
}

// Teams' limits for a bot sending messages: per conversation, and per app per tenant.
const conversationWindows = [
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
];
const appWindows = [{ limit: 50, perMs: 1_000 }];

/** Milliseconds until one more send fits, counting sends in the last perMs (0 when it fits now). */
function waitToFit(times: number[], windows: { limit: number; perMs: number }[], now: number): number {
  let wait = 0;
  for (const { limit, perMs } of windows) {
    const inside = times.filter((time) => time > now - perMs);
    if (inside.length >= limit) wait = Math.max(wait, inside[inside.length - limit]! + perMs - now);
  }
  return wait;
}

export async function startFakeBotConnector(options: FakeBotConnectorOptions = {}): Promise<FakeBotConnector> {
  const sent: SentActivity[] = [];
  const requests: ConnectorRequest[] = [];
  const waiters: (() => void)[] = [];
  const scripted: (ScriptedFailure & { remaining: number })[] = [];
  const acceptedByConversation = new Map<string, number[]>();
  const acceptedByApp: number[] = [];
  const longestMs = Math.max(...conversationWindows.map((window) => window.perMs));
  let throttled = 0;

  function refusal(conversationId: string, now: number): ScriptedFailure | undefined {
    const index = scripted.findIndex((failure) => !failure.conversationId || failure.conversationId === conversationId);
    if (index >= 0) {
      const failure = scripted[index]!;
      failure.remaining -= 1;
      if (failure.remaining <= 0) scripted.splice(index, 1);
      return failure;
    }
    if (!options.rateLimit) return undefined;
    const conversationTimes = acceptedByConversation.get(conversationId) ?? [];
    const wait = Math.max(waitToFit(conversationTimes, conversationWindows, now), waitToFit(acceptedByApp, appWindows, now));
    if (wait <= 0) return undefined;
    return { status: 429, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)), code: "Throttled", message: "Too many requests" };
  }

  function accept(conversationId: string, now: number) {
    if (!options.rateLimit) return;
    const times = acceptedByConversation.get(conversationId) ?? [];
    times.push(now);
    while (times.length > 0 && times[0]! <= now - longestMs) times.shift();
    acceptedByConversation.set(conversationId, times);
    acceptedByApp.push(now);
    while (acceptedByApp.length > 0 && acceptedByApp[0]! <= now - 1_000) acceptedByApp.shift();
  }

  const server: Server = createServer((request, response) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(request.url ?? "");
    if (request.method !== "POST" || !match) {
      // restify patches ServerResponse for the whole process, so writeHead does not chain here.
      response.writeHead(404);
      response.end();
      return;
    }
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const conversationId = decodeURIComponent(match[1]!);
      const receivedAt = Date.now();
      const failure = refusal(conversationId, receivedAt);
      let answer: () => void;
      if (failure) {
        if (failure.status === 429) throttled += 1;
        requests.push({ conversationId, receivedAt, status: failure.status });
        answer = () => {
          const headers: Record<string, string> = { "Content-Type": "application/json" };
          if (failure.retryAfterSeconds !== undefined) headers["Retry-After"] = String(failure.retryAfterSeconds);
          response.writeHead(failure.status, headers);
          response.end(JSON.stringify({ error: { code: failure.code ?? "ServiceError", message: failure.message ?? `Scripted ${failure.status}` } }));
        };
      } else {
        accept(conversationId, receivedAt);
        requests.push({ conversationId, receivedAt, status: 200 });
        sent.push({
          conversationId,
          replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
          activity: JSON.parse(body) as SentActivity["activity"],
          receivedAt,
        });
        const id = `sent-${sent.length}`;
        waiters.splice(0).forEach((wake) => wake());
        answer = () => {
          response.writeHead(200, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ id }));
        };
      }
      if (options.latencyMs) setTimeout(answer, options.latencyMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    requests,
    get throttled() {
      return throttled;
    },
    failNext(count, failure) {
      if (count > 0) scripted.push({ ...failure, remaining: count });
    },
    async waitForActivities(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (sent.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} activities, the connector received ${sent.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return sent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
