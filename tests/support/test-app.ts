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
}

export async function startTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = environment.DATA_DIR ?? mkdtempSync(join(tmpdir(), "golden-thread-app-"));
  const logs: string[] = [];
  const app = await startApp(loadConfig({ HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, ...environment }), (line) => logs.push(line));
  return {
    ...app,
    dataDir,
    logs,
    async stop() {
      await app.stop();
      if (!environment.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
