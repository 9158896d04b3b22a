// Azurite's queue service on a free loopback port, in memory, for tests and
// benchmarks of the Storage Queues outbox. Uses the emulator's well-known
// development account.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { QueueClient } from "@azure/storage-queue";

const root = join(import.meta.dirname, "..", "..");
const developmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface Azurite {
  connectionString: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startAzurite(timeoutMs = 20_000): Promise<Azurite> {
  const port = await freePort();
  const child = spawn(
    join(root, "node_modules", ".bin", "azurite-queue"),
    ["--queueHost", "127.0.0.1", "--queuePort", String(port), "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry"],
    { stdio: "ignore" },
  );
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${developmentAccountKey};QueueEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await new QueueClient(connectionString, "ping").createIfNotExists();
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill();
        throw new Error(`Azurite did not start: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { connectionString, stop: () => void child.kill() };
}
