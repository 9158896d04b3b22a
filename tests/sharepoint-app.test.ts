// The whole app on STORE=sharepoint, configured from the environment as in
// production: lists provisioned by the provisioning code, Graph tokens from
// MSAL (pointed at a local Entra stand-in), the production Graph transport,
// store, dashboard read model and routes against the Graph stand-in. Then
// real HTTP: local sign-in, an audit planned, assigned, graded and submitted,
// and the dashboard read from the delta feed; then a restart on the same lists.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../api/app.js";
import { loadConfig } from "../api/config.js";
import { graphTransportFor } from "../api/store/sharepoint/connect.js";
import { auditLogColumns, auditLogListName, bodyColumn, recordIdColumn, recordListName } from "../api/store/sharepoint/list-schema.js";
import { provisionLists, type ProvisioningReport } from "../api/store/sharepoint/provision.js";
import type { MsalNetworkSettings } from "../api/store/sharepoint/token-source.js";
import { signedInCaller, type Caller } from "./support/api-client.js";
import { EntraTokenStandIn, standInAuthorityHost } from "./support/entra-token-stand-in.js";
import { GraphStandIn } from "./support/graph-stand-in.js";

const tenantId = "11111111-2222-3333-4444-555555555555";
const sections = ["voice", "assessment", "planning", "oversight", "impact"];

let entra: EntraTokenStandIn;
let graph: GraphStandIn;
let app: RunningApp;
let call: Caller;
let provisioned: ProvisioningReport;
let config: ReturnType<typeof loadConfig>;
let msal: MsalNetworkSettings;
const logs: string[] = [];
const dataDir = mkdtempSync(join(tmpdir(), "golden-thread-sharepoint-app-"));

beforeAll(async () => {
  entra = await new EntraTokenStandIn().start();
  // Graph accepts only tokens the Entra stand-in issued, so every call proves MSAL fetched one.
  graph = await new GraphStandIn({ acceptTokens: (token) => entra.issued.includes(token) }).start();
  config = loadConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    STORE: "sharepoint",
    SHAREPOINT_SITE_ID: graph.siteId,
    SHAREPOINT_TENANT_ID: tenantId,
    SHAREPOINT_CLIENT_ID: "66666666-7777-8888-9999-000000000000",
    SHAREPOINT_CLIENT_SECRET: "test-secret",
    GRAPH_BASE_URL: graph.url,
    ENTRA_AUTHORITY_HOST: standInAuthorityHost,
    SEED_DEMO: "true",
  });
  msal = { networkClient: entra.networkClient(), ...entra.metadata(tenantId) };
  // What `npm run provision:sharepoint` does, with the same settings.
  provisioned = await provisionLists(graphTransportFor(config.store.sharepoint!, msal), config.store.sharepoint!.siteId);
  app = await startApp(config, (line) => logs.push(line), { sharePointMsal: msal });
  call = await signedInCaller(app.url, ["person-qa-lead", "person-tm-assessment"]);
});

afterAll(async () => {
  await app?.stop();
  await graph?.stop();
  await entra?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The items of a stand-in list, as SharePoint holds them. */
const itemsOf = (listName: string) => [...graph.listNamed(listName).items.values()].map((item) => item.fields);

describe("the whole app on SharePoint lists (Graph and Entra stand-ins)", () => {
  it("starts on the provisioned lists and seeds the demo authority into them", () => {
    expect(provisioned.wrongTypes).toEqual([]);
    expect(logs).toContain(`store: SharePoint lists on site ${graph.siteId}`);
    expect(logs.some((line) => line.startsWith("store: seeded the demo authority"))).toBe(true);
    expect(app.authorityName).toBeTruthy();
    expect(itemsOf(recordListName("person")).map((fields) => fields[recordIdColumn])).toContain("person-qa-lead");
    expect(itemsOf(recordListName("audit")).map((fields) => fields[recordIdColumn])).toContain("audit-in-progress");
    // MSAL fetched the tokens (client credentials, the configured client) and Graph refused none.
    expect(entra.issued.length).toBeGreaterThan(0);
    expect(entra.requests[0]?.get("client_id")).toBe("66666666-7777-8888-9999-000000000000");
    expect(graph.requests.filter((request) => request.status === 401)).toEqual([]);
  });

  it("plans, assigns, grades and submits an audit over the API; the audit, its log and the dashboard follow", async () => {
    const dashboardBefore = await call("person-qa-lead", "GET", "/api/dashboard");
    expect(dashboardBefore.status, JSON.stringify(dashboardBefore.body)).toBe(200);
    const before = dashboardBefore.body as { audits: number; graded: number };
    // The QA lead sees the whole authority: the first dashboard already counts every seeded audit.
    expect(before.audits).toBe(itemsOf(recordListName("audit")).length);

    const created = await call("person-qa-lead", "POST", "/api/audits", { type: "regular", toolId: "tool-regular-case-audit", caseId: "case-100231", auditorId: "person-tm-assessment" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: "reflection_requested", auditorId: "person-tm-assessment" });
    const auditId = created.body.id as string;
    const started = await call("person-tm-assessment", "POST", `/api/audits/${auditId}/start`, undefined, created.etag);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const graded = await call(
      "person-tm-assessment",
      "PATCH",
      `/api/audits/${auditId}`,
      { sectionGrades: sections.map((sectionKey) => ({ sectionKey, grade: "good" })), overallGrade: "good" },
      started.etag,
    );
    expect(graded.status, JSON.stringify(graded.body)).toBe(200);
    const submitted = await call("person-tm-assessment", "POST", `/api/audits/${auditId}/submit`, undefined, graded.etag);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    // Not sampled for moderation, it completes on submission; sampled, it waits for a moderator.
    expect(submitted.body.status).toBe(submitted.body.moderationId ? "in_moderation" : "completed");

    // The audit is an item in the audit list, with its queryable columns and its body.
    const item = itemsOf(recordListName("audit")).find((fields) => fields[recordIdColumn] === auditId);
    expect(item).toMatchObject({ gtStatus: submitted.body.status, gtAuditorId: "person-tm-assessment", gtOverallGrade: "good", gtCaseId: "case-100231" });
    expect(JSON.parse(item![bodyColumn] as string)).toMatchObject({ status: submitted.body.status, overallGrade: "good" });
    // Every step is in the audit log list, with the signed-in person as actor.
    const logged = itemsOf(auditLogListName).filter((fields) => fields[auditLogColumns.recordId] === auditId);
    expect(logged.map((fields) => [fields[auditLogColumns.operation], fields[auditLogColumns.actorId]])).toEqual([
      ["create", "person-qa-lead"],
      ...Array.from({ length: logged.length - 1 }, (_, index) => ["update", index < 2 ? "person-qa-lead" : "person-tm-assessment"]),
    ]);
    expect(logged.some((fields) => (fields[auditLogColumns.changes] as string).includes("submittedAt"))).toBe(true);

    // The dashboard counts from its copy kept by the delta feed, which may be a few seconds behind: it catches up.
    let after = before;
    for (let attempt = 0; attempt < 100 && after.audits === before.audits; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const dashboard = await call("person-qa-lead", "GET", "/api/dashboard");
      expect(dashboard.status).toBe(200);
      after = dashboard.body as typeof before;
    }
    expect(after).toMatchObject({ audits: before.audits + 1, graded: before.graded + 1 });
    expect(graph.requests.some((request) => request.path.includes(`/items/delta`))).toBe(true);
  }, 30_000);

  it("starts again on the same lists (as after a deploy): keeps what was saved and does not seed twice", async () => {
    const audits = itemsOf(recordListName("audit")).length;
    await app.stop();
    logs.length = 0;
    app = await startApp(config, (line) => logs.push(line), { sharePointMsal: msal });
    expect(logs.some((line) => line.startsWith("store: using existing data"))).toBe(true);
    expect(itemsOf(recordListName("audit"))).toHaveLength(audits);
    call = await signedInCaller(app.url, ["person-qa-lead"]);
    const dashboard = await call("person-qa-lead", "GET", "/api/dashboard");
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.audits).toBe(audits);
  });
});
