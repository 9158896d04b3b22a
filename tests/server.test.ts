import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("the server", () => {
  it("reports its health, store and authority", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", store: "sqlite", authority: "Northmoor Borough Council (demo)" });
  });

  it("answers an unknown API route with problem+json", async () => {
    const response = await fetch(`${app.url}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, code: "resource_not_found", detail: "There is nothing at /api/no-such-thing." });
  });

  it("refuses malformed JSON, the wrong content type and an oversized body with specific problems", async () => {
    const post = (body: string, contentType = "application/json") =>
      fetch(`${app.url}/api/messages`, { method: "POST", headers: { "Content-Type": contentType }, body });
    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()) as object).toMatchObject({ detail: "The request body is not valid JSON." });
    const wrongType = await post("hello", "text/plain");
    expect(wrongType.status).toBe(415);
    const oversized = await post(JSON.stringify({ text: "x".repeat(300 * 1024) }));
    expect(oversized.status).toBe(413);
    expect(oversized.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses a method a route does not allow", async () => {
    const response = await fetch(`${app.url}/healthz`, { method: "DELETE" });
    expect(response.status).toBe(405);
  });
});

describe("configuration", () => {
  it("refuses to listen beyond loopback without a bot App ID", async () => {
    await expect(startTestApp({ HOST: "0.0.0.0" })).rejects.toThrow(/only listens on 127.0.0.1/);
  });
});
