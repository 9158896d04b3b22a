// Starts the whole app on a free loopback port with its own temporary data
// folder, exactly as `npm run serve` would, for end-to-end tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, type RunningApp } from "../../api/app.js";
import { loadConfig } from "../../api/config.js";

export interface TestApp extends RunningApp {
  dataDir: string;
  logs: string[];
  /** Stops the server and starts a new one on the same data, as after a crash or a deploy. */
  restart(): Promise<TestApp>;
}

export async function startTestApp(environment: Record<string, string> = {}, ownsData = !environment.DATA_DIR): Promise<TestApp> {
  const dataDir = environment.DATA_DIR ?? mkdtempSync(join(tmpdir(), "golden-thread-app-"));
  const logs: string[] = [];
  const settings = { ...environment, DATA_DIR: dataDir };
  const app = await startApp(loadConfig({ HOST: "127.0.0.1", PORT: "0", ...settings }), (line) => logs.push(line));
  return {
    ...app,
    dataDir,
    logs,
    async stop() {
      await app.stop();
      if (ownsData) rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await app.stop();
      return startTestApp(settings, ownsData);
    },
  };
}
