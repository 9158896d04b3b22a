// The practice library and the accountability map through the API: audit
// tools are versioned once in use, standards show their grades over time,
// and the twelve framework components have named accountabilities.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let call: Caller;

beforeAll(async () => {
  app = await startTestApp();
  call = await signedInCaller(app.url, ["person-qa-lead", "person-sw-amira"]);
});
afterAll(async () => app?.stop());

const toolBody = (name: string) => ({
  name,
  auditTypes: ["thematic"],
  gradeScaleId: "scale-ofsted",
  sections: [{ key: "voice", title: "The child's voice", questions: [{ key: "heard", prompt: "Is the child heard?", standardIds: ["standard-1"] }] }],
  reflectivePrompts: [{ key: "help", prompt: "What would help you?" }],
});

describe("audit tools", () => {
  it("revises an unused tool in place", async () => {
    const created = await call("person-qa-lead", "POST", "/api/audit-tools", toolBody("Neglect deep dive"));
    expect(created.status).toBe(201);
    const revised = await call("person-qa-lead", "POST", `/api/audit-tools/${created.body.id as string}/revisions`, toolBody("Neglect deep dive (v1, reworded)"), created.etag);
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ id: created.body.id, version: 1, name: "Neglect deep dive (v1, reworded)" });
  });

  it("revises a tool in use as a new version, leaving existing audits on the old one", async () => {
    const current = await app.store.get("auditTool", "tool-regular-case-audit");
    const revised = await call("person-qa-lead", "POST", "/api/audit-tools/tool-regular-case-audit/revisions", toolBody("Regular case audit (2027)"), current!.etag);
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ version: 2, previousVersionId: "tool-regular-case-audit" });
    const old = await app.store.get("auditTool", "tool-regular-case-audit");
    expect(old?.name).toBe("Regular case audit");
    expect(old?.supersededById).toBe(revised.body.id);
    expect((await app.store.get("audit", "audit-completed"))?.toolId).toBe("tool-regular-case-audit");
    const again = await call("person-qa-lead", "POST", "/api/audit-tools/tool-regular-case-audit/revisions", toolBody("x"), old!.etag);
    expect(again.status).toBe(409);
  });

  it("refuses a link to a standard that does not exist, and edits by a practitioner", async () => {
    const broken = toolBody("Broken");
    broken.sections[0]!.questions[0]!.standardIds = ["standard-404"];
    expect((await call("person-qa-lead", "POST", "/api/audit-tools", broken)).status).toBe(422);
    expect((await call("person-sw-amira", "POST", "/api/audit-tools", toolBody("Mine"))).status).toBe(403);
  });
});

describe("practice standards over time", () => {
  it("shows the grades given to sections that test a standard, by month", async () => {
    const response = await call("person-qa-lead", "GET", "/api/practice-standards/standard-4/grades");
    expect(response.status).toBe(200);
    const months = response.body.months as { month: string; grades: Record<string, number> }[];
    // The seeded completed audit graded "oversight" (which tests PS-4) as requires improvement.
    expect(months.flatMap((month) => Object.entries(month.grades))).toContainEqual(["requires_improvement", 1]);
  });
});

describe("roles and responsibilities", () => {
  it("maps the twelve components to who leads, contributes and is informed, and lets the QA lead name a lead", async () => {
    const map = await call("person-sw-amira", "GET", "/api/framework-components");
    const components = map.body.components as { id: string; number: number; name: string; leadRole: string; etag: string }[];
    expect(components.map((component) => component.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(components[10]).toMatchObject({ name: "Moderation system", leadRole: "qa_lead" });
    const learning = components.find((component) => component.name === "Learning culture")!;
    expect(learning.leadRole).toBe("principal_social_worker");
    expect((await call("person-sw-amira", "PATCH", `/api/framework-components/${learning.id}`, { leadPersonId: "person-psw" }, learning.etag)).status).toBe(403);
    const named = await call("person-qa-lead", "PATCH", `/api/framework-components/${learning.id}`, { leadPersonId: "person-psw" }, learning.etag);
    expect(named.status).toBe(200);
    expect(named.body.leadPersonId).toBe("person-psw");
    const stale = await call("person-qa-lead", "PATCH", `/api/framework-components/${learning.id}`, { notes: "x" }, learning.etag);
    expect(stale.status).toBe(412);
  });

  it("lists who holds each role", async () => {
    const response = await call("person-sw-amira", "GET", "/api/roles");
    const byRole = new Map((response.body.roles as { role: string; people: { displayName: string }[] }[]).map((entry) => [entry.role, entry.people.map((person) => person.displayName)]));
    expect(byRole.get("principal_social_worker")).toEqual(["Tom Okafor"]);
    expect(byRole.get("moderator")).toEqual(expect.arrayContaining(["Priya Shah", "Tom Okafor"]));
  });
});
