// An external auditor sees only the audits shared with them: in the list,
// by id and in the dashboard's counts — and sharing is for planners only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
const tokens = new Map<string, string>();

beforeAll(async () => {
  app = await startTestApp();
  for (const personId of ["person-qa-lead", "person-external", "person-tm-cp"]) {
    const response = await fetch(`${app.url}/api/local-sign-in`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ personId }) });
    tokens.set(personId, ((await response.json()) as { token: string }).token);
  }
});
afterAll(async () => app?.stop());

async function call(personId: string, method: string, path: string, body?: unknown, ifMatch?: string) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens.get(personId)}`, ...(body ? { "Content-Type": "application/json" } : {}), ...(ifMatch ? { "If-Match": ifMatch } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("sharing an audit with an external auditor", () => {
  it("shows the external auditor nothing until an audit is shared, then just that audit", async () => {
    const before = await call("person-external", "GET", "/api/audits");
    expect(before.body.audits).toEqual([]);
    expect((await call("person-external", "GET", "/api/audits/audit-completed")).status).toBe(404);

    const audit = await app.store.get("audit", "audit-completed");
    expect((await call("person-tm-cp", "POST", "/api/audits/audit-completed/share", { personId: "person-external" }, audit!.etag)).status).toBe(403);
    const wrongPerson = await call("person-qa-lead", "POST", "/api/audits/audit-completed/share", { personId: "person-sw-amira" }, audit!.etag);
    expect(wrongPerson.status).toBe(422);
    const shared = await call("person-qa-lead", "POST", "/api/audits/audit-completed/share", { personId: "person-external" }, audit!.etag);
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWithIds).toEqual(["person-external"]);

    const after = await call("person-external", "GET", "/api/audits");
    expect((after.body.audits as { id: string }[]).map((item) => item.id)).toEqual(["audit-completed"]);
    expect((await call("person-external", "GET", "/api/audits/audit-completed")).status).toBe(200);
    expect((await call("person-external", "GET", "/api/audits/audit-in-progress")).status).toBe(404);
    const dashboard = await call("person-external", "GET", "/api/dashboard");
    expect(dashboard.body.audits).toBe(1);
  });
});
