// `npm start` end to end, as a new user runs it: the tab is built when its
// sources change, the server and the real Agents Playground start, the tab
// renders in Chromium, a chat message reaches the bot and its welcome card
// comes back, Ctrl-C stops
// everything, and a second start reuses the data. The file holds the tab
// lock (tests/support/tab-browser.ts) from start to end, so no other test
// file builds tab/dist while this one builds it or serves it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tabPaths } from "../tab/build-if-changed.js";
import { launchChromium } from "./support/chromium.js";
import { buildTab, lockTab } from "./support/tab-browser.js";

const root = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(tmpdir(), "golden-thread-start-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let releaseTab: () => void = () => undefined;
beforeAll(async () => {
  releaseTab = await lockTab();
}, 6 * 60_000);
afterAll(() => releaseTab());

describe("the tab build", () => {
  it("builds tab/dist with assets under /tab/, then skips an unchanged rebuild", async () => {
    const lines: string[] = [];
    const first = await buildTab({ force: true, log: (line) => lines.push(line) });
    expect(first.built).toBe(true);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const html = readFileSync(tabPaths.distIndex, "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^\/tab\/assets\/[\w.-]+\.js$/);
      expect(existsSync(path.join(tabPaths.distDir, src.slice("/tab/".length)))).toBe(true);
    }
    expect(readFileSync(tabPaths.hashFile, "utf8").trim()).toBe(first.hash);

    const second = await buildTab({ log: (line) => lines.push(line) });
    expect(second).toEqual({ built: false, hash: first.hash });
    expect(lines.at(-1)).toContain("up to date");
  }, 120_000);
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function npmStart(environment: Record<string, string>): Promise<Started> {
  // The same command `npm start` runs, without npm's own wrapper process.
  const child = spawn(process.execPath, ["--disable-warning=DEP0111", "--import", "tsx", "api/local/start-local.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes("Press Ctrl-C to stop.")) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not finish starting:\n${output}`);
    await new Promise((wake) => setTimeout(wake, 200));
  }
  return { child, output: () => output, exited };
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

describe("npm start", () => {
  it("starts the server and the Playground, round-trips a chat message, stops on Ctrl-C and reuses its data", async () => {
    const [port, playgroundPort] = [await freePort(), await freePort()];
    const dataDir = path.join(scratch, "data");
    const playgroundConfigPath = path.join(scratch, "playground.yml");
    const recording = path.join(scratch, "events.txt");
    const environment = {
      PORT: String(port),
      PLAYGROUND_PORT: String(playgroundPort),
      DATA_DIR: dataDir,
      PLAYGROUND_CONFIG: playgroundConfigPath,
      M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING: "true",
      M365_AGENTS_PLAYGROUND_RECORDING_FILE: recording,
    };

    const first = await npmStart(environment);
    try {
      expect(first.output()).toContain(`Playground (chat with the bot as a demo user): http://127.0.0.1:${playgroundPort}`);
      expect(first.output()).toContain(`Tab (dashboards and forms):                    http://127.0.0.1:${port}/tab/`);
      expect(first.output()).toContain('seeded the demo authority "Northmoor Borough Council (demo)"');

      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${port}/tab/`);
        await page.getByText("Northmoor Borough Council (demo)").waitFor({ timeout: 15_000 });
        expect(await page.getByRole("heading", { level: 1 }).first().textContent()).toBe("Golden Thread");
        await page.getByText("You are viewing Golden Thread outside Microsoft Teams.").waitFor();
        await page.goto(`http://127.0.0.1:${port}/tab/index.html#/privacy`);
        await page.getByText("Never type a child's name").waitFor();
      } finally {
        await browser.close();
      }

      const playgroundConfig = parse(readFileSync(playgroundConfigPath, "utf8")) as { currentUser: { id: string; name: string }; users: unknown[] };
      expect(playgroundConfig.users.length).toBe(5);
      expect(playgroundConfig.currentUser.name).toBe("Priya Shah");

      const sent = await fetch(`http://127.0.0.1:${playgroundPort}/_conversation/v1/conversations/golden-thread-personal-chat/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ type: "text", text: "hello", textFormat: "plain", from: { id: playgroundConfig.currentUser.id } }),
      });
      expect(sent.status).toBe(200);
      // Priya is the QA lead: the bot answers her and delivers the moderation request waiting for her.
      const events = await waitFor("the bot's reply and Priya's waiting card in the Playground", () => {
        const recorded = existsSync(recording) ? readFileSync(recording, "utf8") : "";
        return recorded.includes("Type **help**") || recorded.includes("my audits") ? (recorded.includes("Moderate the audit of case NM-100478") ? recorded : undefined) : undefined;
      });
      expect(events).toContain("Drawn in the 25% sample");
    } finally {
      first.child.kill("SIGINT");
    }
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("stopped");
    expect(await answers(`http://127.0.0.1:${playgroundPort}/_debug/ping`)).toBe(false);
    expect(await answers(`http://127.0.0.1:${port}/healthz`)).toBe(false);

    const people = () => {
      const db = new Database(path.join(dataDir, "golden-thread.sqlite"), { readonly: true });
      try {
        return db.prepare("SELECT count(*) FROM records WHERE kind = 'person'").pluck().get();
      } finally {
        db.close();
      }
    };
    const peopleAfterFirstStart = people();
    expect(peopleAfterFirstStart).toBe(12);

    const second = await npmStart(environment);
    try {
      expect(second.output()).toContain("using existing data (Northmoor Borough Council (demo))");
      expect(second.output()).toContain("tab: up to date");
    } finally {
      second.child.kill("SIGINT");
    }
    expect(await second.exited).toBe(0);
    expect(people()).toBe(peopleAfterFirstStart);
  }, 240_000);
});

describe("bulletins in the Agents Playground", () => {
  it("lets the PSW publish a bulletin and a \"you said, we did\" to the demo channel, and a read comes back from the card", async () => {
    const [port, playgroundPort] = [await freePort(), await freePort()];
    const recording = path.join(scratch, "bulletin-events.txt");
    const dataDir = path.join(scratch, "bulletin-data");
    const started = await npmStart({
      PORT: String(port),
      PLAYGROUND_PORT: String(playgroundPort),
      DATA_DIR: dataDir,
      PLAYGROUND_CONFIG: path.join(scratch, "bulletin-playground.yml"),
      M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING: "true",
      M365_AGENTS_PLAYGROUND_RECORDING_FILE: recording,
    });
    const api = `http://127.0.0.1:${port}`;
    const playground = `http://127.0.0.1:${playgroundPort}`;
    try {
      expect(started.output()).toContain("playground: Golden Thread added to");
      const signIn = await fetch(`${api}/api/local-sign-in`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ personId: "person-psw" }) });
      const { token } = (await signIn.json()) as { token: string };
      const call = async (method: string, route: string, body?: unknown, ifMatch?: string) => {
        const headers: Record<string, string> = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
        if (ifMatch) headers["If-Match"] = ifMatch;
        const response = await fetch(`${api}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: response.status, etag: response.headers.get("ETag") ?? "", body: (await response.json()) as Record<string, unknown> };
      };
      const channels = (await call("GET", "/api/bulletin-channels")).body.channels as { id: string; name: string }[];
      const channel = channels.find((candidate) => candidate.name.endsWith("› Quality assurance"));
      expect(channel, JSON.stringify(channels)).toBeDefined();

      // The demo's seven-minute briefing, sent to the channel.
      const draft = await call("GET", "/api/bulletins/bulletin-demo-voice");
      const { title, summary, keyMessages, themes, links, drawsOn, layout, whyItMatters, reflectionQuestions, whatToDo, audience } = draft.body as Record<string, unknown>;
      const edited = await call(
        "PATCH",
        "/api/bulletins/bulletin-demo-voice",
        { title, summary, keyMessages, themes, links, drawsOn, layout, whyItMatters, reflectionQuestions, whatToDo, audience: { ...(audience as object), channelIds: [channel!.id] } },
        draft.etag,
      );
      expect(edited.status).toBe(200);
      expect((await call("POST", "/api/bulletins/bulletin-demo-voice/publish", {}, edited.etag)).status).toBe(200);
      const recorded = () => (existsSync(recording) ? readFileSync(recording, "utf8") : "");
      await waitFor("the bulletin card in the Playground's channel", () => (recorded().includes("Hearing the child in their plan") ? true : undefined));

      // Amira presses "I've read this" on the channel card, through the Playground.
      const sentActivityId = await waitFor("the card's id in the Playground", () => {
        const db = new Database(path.join(dataDir, "golden-thread.sqlite"), { readonly: true });
        try {
          const row = db
            .prepare("SELECT json_extract(body, '$.sentActivityId') FROM records WHERE kind = 'outboxMessage' AND json_extract(body, '$.subjectId') = 'bulletin-demo-voice'")
            .pluck()
            .get() as string | null | undefined;
          return row ?? undefined;
        } finally {
          db.close();
        }
      });
      const invoke = await fetch(`${playground}/_conversation/v1/invoke`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          name: "adaptiveCard/action",
          value: { action: { type: "Action.Execute", verb: "bulletin.read", data: { bulletinId: "bulletin-demo-voice" } }, trigger: "manual" },
          from: { id: "user-person-sw-amira" },
          // A channel post starts a thread: the card lives in "<channel>;messageid=<post>" (the channel is api/local/playground-config.ts's).
          conversation: { id: `golden-thread-channel-quality;messageid=${sentActivityId}` },
          replyToId: sentActivityId,
        }),
      });
      expect(invoke.status, await invoke.clone().text()).toBe(200);
      expect(await invoke.text()).toContain("your read is recorded");
      const report = (await call("GET", "/api/bulletins/bulletin-demo-voice/report")).body;
      expect(report).toMatchObject({ read: 1, channels: { delivered: 1 } });
      // The click came from the post's thread; the bot still knows one channel, not one per thread.
      expect(((await call("GET", "/api/bulletin-channels")).body.channels as unknown[]).length).toBe(channels.length);

      // The demo's "you said, we did", posted to the same channel.
      const update = await call("GET", "/api/you-said-we-did/you-said-we-did-demo-visits");
      const { theme, youSaid, response, weDid, feedbackIds } = update.body as Record<string, unknown>;
      const saved = await call("PATCH", "/api/you-said-we-did/you-said-we-did-demo-visits", { theme, youSaid, response, weDid, feedbackIds, channelIds: [channel!.id] }, update.etag);
      expect((await call("POST", "/api/you-said-we-did/you-said-we-did-demo-visits/publish", undefined, saved.etag)).status).toBe(200);
      await waitFor('the "you said, we did" card in the Playground', () => (recorded().includes("Knowing when visits change") ? true : undefined));
    } finally {
      started.child.kill("SIGINT");
    }
    expect(await started.exited).toBe(0);
  }, 240_000);
});
