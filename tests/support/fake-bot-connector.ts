// A local stand-in for the Bot Connector service: it accepts the replies a
// bot sends (POST /v3/conversations/{id}/activities[/{replyToId}]) as the
// Bot Framework REST API documents, and keeps them for the test to read.
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
}

export interface FakeBotConnector {
  serviceUrl: string;
  sent: SentActivity[];
  /** Resolves when at least `count` activities have been sent. */
  waitForActivities(count: number, timeoutMs?: number): Promise<SentActivity[]>;
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const sent: SentActivity[] = [];
  const waiters: (() => void)[] = [];
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
      sent.push({
        conversationId: decodeURIComponent(match[1]!),
        replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
        activity: JSON.parse(body) as SentActivity["activity"],
      });
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ id: `sent-${sent.length}` }));
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
