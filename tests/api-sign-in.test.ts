// Teams single sign-on for the REST API: with a tenant configured, every
// request must carry an Entra v2 access token for this app (signature
// against the tenant's keys — here a local stand-in — issuer, audience,
// expiry, tenant allow-list, scope access_as_user). Roles come from the
// token's groups through ROLE_GROUPS, not from the stored person. The local
// demo sign-in does not exist, and the configuration refuses to listen
// beyond loopback without single sign-on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../api/config.js";
import { apiCall, expectProblem } from "./support/api-client.js";
import { entraIssuer, startEntraKeys, type EntraKeys, type EntraTokenClaims } from "./support/entra-keys.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const clientId = "3f9d1c2b-8a7e-4b6d-9c5f-2e1a0b9c8d7e";
const tabDomain = "qa.northmoor.example.gov.uk";
const audience = `api://${tabDomain}/${clientId}`;
const tenantId = "7d3c2f1e-5b4a-4c8d-9e0f-1a2b3c4d5e6f";
const otherTenantId = "0a0b0c0d-1111-2222-3333-444455556666";
const qaLeadGroup = "9b1e5c40-0000-4000-8000-00000000a001";
const practitionerGroup = "9b1e5c40-0000-4000-8000-00000000b001";
const unmappedGroup = "9b1e5c40-0000-4000-8000-00000000c001";

// Object IDs of demo people (api/seed/demo-authority.ts).
const amira = { id: "person-sw-amira", oid: "6a1f0c3e-2b7d-4c59-9e10-000000000007" }; // stored: practitioner
const priya = { id: "person-qa-lead", oid: "6a1f0c3e-2b7d-4c59-9e10-000000000001" }; // stored: QA lead, moderator, auditor

let keys: EntraKeys;
let app: TestApp;

beforeAll(async () => {
  keys = await startEntraKeys({ audience, tenantId });
  app = await startTestApp({
    AAD_APP_CLIENT_ID: clientId,
    TAB_DOMAIN: tabDomain,
    ALLOWED_TENANT_IDS: tenantId,
    ENTRA_JWKS_URL: keys.jwksUrl,
    ROLE_GROUPS: JSON.stringify({ [qaLeadGroup]: "qa_lead", [practitionerGroup]: "practitioner" }),
  });
});
afterAll(async () => {
  await app?.stop();
  await keys?.close();
});

const token = (claims: EntraTokenClaims) => keys.sign(claims);
const get = (path: string, bearer?: string) => apiCall(app.url, "get", path, bearer === undefined ? {} : { authorization: bearer });

describe("Teams single sign-on", () => {
  it("offers no local sign-in when a tenant is configured", async () => {
    expect(app.logs.join("\n")).not.toContain("local sign-in");
    expectProblem(await apiCall(app.url, "get", "/api/local-sign-in"), 404);
    expectProblem(await apiCall(app.url, "post", "/api/local-sign-in", { json: { personId: "person-qa-lead" } }), 404);
    const openApi = await get("/api/openapi.json");
    expect(Object.keys(openApi.body.paths as object)).not.toContain("/api/local-sign-in");
  });

  it("refuses a request with no token: 401, a WWW-Authenticate challenge, problem+json", async () => {
    for (const path of ["/api/me", "/api/audits", "/api/actions/action-supervision-decisions"]) {
      const response = await get(path);
      const problem = expectProblem(response, 401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(problem.code).toBe("not_signed_in");
      expect(problem.detail).toMatch(/no bearer token/);
    }
  });

  it.each<[string, () => Promise<string>]>([
    ["a token signed with another key", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], key: "untrusted" })}`],
    ["an expired token", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], expiresInSeconds: -600 })}`],
    ["a token for another app (wrong audience)", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], aud: `api://${tabDomain}/11111111-2222-3333-4444-555555555555` })}`],
    ["a token for Microsoft Graph", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], aud: "https://graph.microsoft.com" })}`],
    ["a token from a tenant that is not allowed", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], tid: otherTenantId })}`],
    ["a token whose issuer is another tenant", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], iss: entraIssuer(otherTenantId) })}`],
    ["a token whose issuer is not Entra", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], iss: "https://evil.example/v2.0" })}`],
    ["a token without the access_as_user scope", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], scp: "User.Read" })}`],
    ["a token with no scope at all", async () => `Bearer ${await token({ oid: priya.oid, groups: [qaLeadGroup], scp: null })}`],
    ["something that is not a token", async () => "Bearer not-a-jwt"],
    ["a token sent without the Bearer scheme", async () => token({ oid: priya.oid, groups: [qaLeadGroup] })],
  ])("refuses %s with 401 and serves nothing", async (_case, authorization) => {
    const bearer = await authorization();
    for (const path of ["/api/me", "/api/audits", "/api/audits/audit-completed"]) {
      const response = await get(path, bearer);
      expectProblem(response, 401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(JSON.stringify(response.body)).not.toContain("audit-completed\"");
    }
  });

  it("accepts a valid token and takes the roles from the groups claim, not the stored roles", async () => {
    // Amira is stored as a practitioner; her token puts her in the QA lead group.
    const asQaLead = await get("/api/me", `Bearer ${await token({ oid: amira.oid, groups: [qaLeadGroup, unmappedGroup] })}`);
    expect(asQaLead.status).toBe(200);
    expect(asQaLead.body).toMatchObject({ id: amira.id, roles: ["qa_lead"], scope: "authority", signIn: "entra" });

    // Priya is stored as the QA lead; her token puts her only in the practitioner group.
    const asPractitioner = await get("/api/me", `Bearer ${await token({ oid: priya.oid, groups: [practitionerGroup] })}`);
    expect(asPractitioner.status).toBe(200);
    expect(asPractitioner.body).toMatchObject({ id: priya.id, roles: ["practitioner"], scope: "own", signIn: "entra" });

    // No mapped group: no role at all (never the stored ones).
    const noGroups = await get("/api/me", `Bearer ${await token({ oid: priya.oid, groups: [unmappedGroup] })}`);
    expect(noGroups.status).toBe(200);
    expect(noGroups.body).toMatchObject({ id: priya.id, roles: [], scope: "own" });
  });

  it("accepts the bare client ID as the audience, as v2 tokens carry it", async () => {
    const response = await get("/api/me", `Bearer ${await token({ oid: amira.oid, groups: [practitionerGroup], aud: clientId })}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: amira.id, roles: ["practitioner"] });
  });

  it("refuses a valid token for someone Golden Thread does not know, with a clear message", async () => {
    for (const claims of [{ oid: "00000000-dead-4bee-8f00-000000000000" }, {}]) {
      const response = await get("/api/me", `Bearer ${await token({ ...claims, groups: [qaLeadGroup] })}`);
      const problem = expectProblem(response, 401);
      expect(problem.detail).toBe("You are signed in, but Golden Thread does not know you yet. Ask your QA lead to add you.");
    }
  });

  it("lets the group roles decide what a person sees and may do", async () => {
    const amiraAsQaLead = `Bearer ${await token({ oid: amira.oid, groups: [qaLeadGroup] })}`;
    const priyaAsPractitioner = `Bearer ${await token({ oid: priya.oid, groups: [practitionerGroup] })}`;

    // Priya as a practitioner sees only her own work (she audits audit-completed), and plans nothing.
    const priyaList = await get("/api/audits?limit=200", priyaAsPractitioner);
    expect((priyaList.body.audits as { id: string }[]).map((audit) => audit.id)).toEqual(["audit-completed"]);
    expectProblem(await get("/api/audits/audit-planned", priyaAsPractitioner), 404);
    const refused = await apiCall(app.url, "post", "/api/audits", {
      authorization: priyaAsPractitioner,
      json: { type: "regular", toolId: "tool-regular-case-audit", caseId: "case-100719" },
    });
    expectProblem(refused, 403);

    // Amira as the QA lead sees the whole authority and may assign an audit.
    const amiraList = await get("/api/audits?limit=200", amiraAsQaLead);
    expect((amiraList.body.audits as unknown[]).length).toBe(6);
    const planned = await get("/api/audits/audit-planned", amiraAsQaLead);
    expect(planned.status).toBe(200);
    const assigned = await apiCall(app.url, "post", "/api/audits/audit-planned/assign", {
      authorization: amiraAsQaLead,
      ifMatch: planned.headers.get("etag")!,
      json: { auditorId: "person-tm-assessment" },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({ auditorId: "person-tm-assessment" });
    const [latest] = (await app.store.auditLog({ recordId: "audit-planned" })).slice(-1);
    expect(latest?.actorId).toBe(amira.id);
  });

  it("fetches the tenant's signing keys from the configured JWKS address", () => {
    expect(keys.fetches()).toBeGreaterThan(0);
  });
});

describe("configuration of sign-in", () => {
  const bot = { MicrosoftAppId: "0b7c4a2e-1d3f-4e5a-8b6c-7d8e9f0a1b2c", MicrosoftAppPassword: "secret" };

  it("uses the local sign-in only on loopback with no tenant configured", () => {
    expect(loadConfig({}).signIn).toEqual({ mode: "local" });
    const configured = loadConfig({ AAD_APP_CLIENT_ID: clientId, TAB_DOMAIN: tabDomain, ALLOWED_TENANT_IDS: `${tenantId}, ${otherTenantId}` });
    expect(configured.signIn).toMatchObject({ mode: "entra", clientId, applicationIdUri: audience, allowedTenantIds: [tenantId, otherTenantId] });
  });

  it("refuses a non-loopback HOST without AAD_APP_CLIENT_ID, even with a bot App ID", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0", ...bot })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: "0.0.0.0", ...bot })).toThrow(/AAD_APP_CLIENT_ID is not set/);
    expect(() => loadConfig({ HOST: "10.1.2.3", ...bot })).toThrow(ConfigError);
  });

  it("refuses AAD_APP_CLIENT_ID without TAB_DOMAIN or without an allowed tenant", () => {
    expect(() => loadConfig({ AAD_APP_CLIENT_ID: clientId, ALLOWED_TENANT_IDS: tenantId })).toThrow(ConfigError);
    expect(() => loadConfig({ AAD_APP_CLIENT_ID: clientId, ALLOWED_TENANT_IDS: tenantId })).toThrow(/TAB_DOMAIN/);
    expect(() => loadConfig({ HOST: "0.0.0.0", ...bot, AAD_APP_CLIENT_ID: clientId, ALLOWED_TENANT_IDS: tenantId })).toThrow(/TAB_DOMAIN/);
    expect(() => loadConfig({ AAD_APP_CLIENT_ID: clientId, TAB_DOMAIN: tabDomain })).toThrow(/ALLOWED_TENANT_IDS/);
  });

  it("accepts a non-loopback HOST with single sign-on and a bot App ID", () => {
    const config = loadConfig({ HOST: "0.0.0.0", ...bot, AAD_APP_CLIENT_ID: clientId, TAB_DOMAIN: tabDomain, ALLOWED_TENANT_IDS: tenantId });
    expect(config.signIn.mode).toBe("entra");
  });

  it("refuses ROLE_GROUPS that are not JSON or name an unknown role", () => {
    const base = { AAD_APP_CLIENT_ID: clientId, TAB_DOMAIN: tabDomain, ALLOWED_TENANT_IDS: tenantId };
    expect(() => loadConfig({ ...base, ROLE_GROUPS: "qa_lead" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ROLE_GROUPS: JSON.stringify({ [qaLeadGroup]: "emperor" }) })).toThrow(/allowed roles/);
  });
});
