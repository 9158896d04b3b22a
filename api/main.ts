// `npm run serve`: the server alone, as it runs in production (no tab
// build, no Playground). Stops cleanly on SIGINT / SIGTERM.
import { startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";

try {
  const app = await startApp(loadConfig());
  console.log(`Golden Thread is listening on ${app.url}`);
  const stop = async (signal: string) => {
    console.log(`${signal}: stopping`);
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
