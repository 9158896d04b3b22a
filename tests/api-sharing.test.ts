// An external auditor sees only the audits shared with them: in the list,
// by id and in the dashboard's counts — and sharing is for planners only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let call: Caller;

beforeAll(async () => {
  app = await startTestApp();
  call = await signedInCaller(app.url, ["person-qa-lead", "person-external", "person-tm-cp"]);
});
afterAll(async () => app?.stop());

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

    const unshared = await call("person-qa-lead", "DELETE", "/api/audits/audit-completed/share/person-external", undefined, shared.etag);
    expect(unshared.status).toBe(200);
    expect((await call("person-external", "GET", "/api/audits/audit-completed")).status).toBe(404);
  });

  it("lists audits on a theme, and refuses a standard code already in use", async () => {
    const themed = await call("person-qa-lead", "GET", "/api/audits?theme=Neglect");
    expect(themed.body.audits).toEqual([]);
    const taken = await call("person-qa-lead", "POST", "/api/practice-standards", { code: "PS-1", title: "Another first standard" });
    expect(taken.status).toBe(422);
    expect(taken.body.detail).toContain("already used");
  });
});
