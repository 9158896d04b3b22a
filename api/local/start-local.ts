// `npm start`: everything a new user needs on one machine, with no
// Microsoft 365 tenant. Builds the tab if its sources changed, starts the
// server on the embedded store, and starts the Agents Playground pointed at
// the bot. Ctrl-C stops it all.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildTabIfChanged } from "../../tab/build-if-changed.js";
import { startApp, type RunningApp } from "../app.js";
import { ConfigError, loadConfig } from "../config.js";
import { findCastMember, playgroundConfig, writePlaygroundConfig } from "./playground-config.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const playgroundBin = resolve(root, "node_modules/@microsoft/m365agentsplayground/cli.js");

async function waitForPlayground(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Playground exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/_debug/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 250));
  }
  throw new Error(`the Playground did not answer on ${url} within ${timeoutMs / 1000} s`);
}

function startPlayground(botEndpoint: string, port: number, configPath: string): ChildProcess {
  return spawn(
    process.execPath,
    [playgroundBin, "-e", botEndpoint, "-c", "msteams", "-p", String(port), "--disable-telemetry"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
    },
  );
}

interface PlaygroundTeams {
  config?: { teams?: { id: string; name: string; channels?: { id: string; name: string }[] }[] };
}

/**
 * Adds the bot to the Playground's team channel, as adding the app to a team
 * does in Teams: the bot then knows the channel, and bulletins and "you said,
 * we did" can be posted there. Adding it again changes nothing.
 */
async function addBotToPlaygroundTeam(url: string): Promise<string[]> {
  const { config } = (await (await fetch(`${url}/_internal/v1/config`)).json()) as PlaygroundTeams;
  const added: string[] = [];
  for (const team of config?.teams ?? []) {
    // A team's General channel has the team's own id; the Playground's configured channel is the other one.
    for (const channel of (team.channels ?? []).filter((candidate) => candidate.id !== team.id)) {
      const response = await fetch(`${url}/_debug/conversation/${encodeURIComponent(channel.id)}/installation`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      if (response.ok) added.push(`${team.name} › ${channel.name}`);
    }
  }
  return added;
}

// The Playground writes why it failed only to its own log file.
function playgroundFailure(stderr: string): string {
  const logPath = resolve(root, "devTools/m365agentsplayground.log");
  const reason = existsSync(logPath)
    ? readFileSync(logPath, "utf8").split("\n").reverse().find((line) => line.startsWith("error Reason:"))
    : undefined;
  return reason?.replace(/^error /, "") ?? (stderr.trim() || `See ${logPath}`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const tab = await buildTabIfChanged({ log: (line) => console.log(`tab: ${line}`) });
  console.log(tab.built ? "tab: built" : "tab: up to date");

  const app: RunningApp = await startApp(config);
  const staff = (await app.store.query("person", { limit: 500 })).records;
  const configPath = resolve(process.env.PLAYGROUND_CONFIG ?? resolve(root, ".m365agentsplayground.yml"));
  const wanted = process.env.PLAYGROUND_USER;
  const signedIn = wanted ? findCastMember(staff, wanted) : undefined;
  if (wanted && !signedIn) throw new ConfigError(`PLAYGROUND_USER "${wanted}" is not one of the demo staff. Use a name from the README, e.g. "Daniel Price".`);
  const written = writePlaygroundConfig(configPath, playgroundConfig(staff, app.authorityName ?? "Demo", signedIn));
  console.log(written === "written" ? `playground: wrote ${configPath}` : `playground: keeping your ${configPath}`);

  const playgroundUrl = `http://127.0.0.1:${config.playgroundPort}`;
  const playground = startPlayground(`${app.url}/api/messages`, config.playgroundPort, configPath);
  let stderr = "";
  playground.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping Golden Thread`);
    if (playground.exitCode === null) playground.kill("SIGTERM");
    await app.stop();
    console.log("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("Ctrl-C"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  try {
    await waitForPlayground(playgroundUrl, playground);
    await addBotToPlaygroundTeam(playgroundUrl).then(
      (channels) => channels.length > 0 && console.log(`playground: Golden Thread added to ${channels.join(", ")} (bulletins can be posted there)`),
      (error: unknown) => console.error(`playground: could not add Golden Thread to the demo team (${(error as Error).message})`),
    );
  } catch (error) {
    console.error(
      `playground: not started (${(error as Error).message}). The server is still running.\n` +
        `  ${playgroundFailure(stderr)}`,
    );
  }
  playground.once("exit", (code) => {
    if (!stopping) console.error(`playground: exited with code ${code}; the server is still running`);
  });

  console.log(`
Golden Thread is running on the embedded store (${config.store.path}).
  Playground (chat with the bot as a demo user): ${playgroundUrl}
  Tab (dashboards and forms):                    ${app.url}/tab/
Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
