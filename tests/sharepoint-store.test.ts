// The SharePoint store against the local Graph stand-in: the same
// conformance suite as SQLite, then what only this adapter does (throttling,
// batches with partial failures, delta sync and 410, provisioning).
import { afterAll, describe, expect, it, vi } from "vitest";
import { actionFilters, auditFilters, type Viewer } from "../api/auth/viewer.js";
import { ofstedGradeScale } from "../api/domain/records/grade-scale.js";
import { demoAuditTool } from "../api/seed/demo-authority.js";
import { seedDemoAuthority } from "../api/seed/seed-demo.js";
import { AuditWorkflow } from "../api/services/audit-workflow.js";
import { storeDashboardReadModel } from "../api/services/dashboard.js";
import type { Person } from "../api/services/people.js";
import type { DashboardAnswer, DashboardRequest } from "../api/store/dashboard-read-model.js";
import { SharePointDashboardReadModel } from "../api/store/sharepoint/dashboard-read-model.js";
import { GraphTransport } from "../api/store/sharepoint/graph-transport.js";
import { allListSpecs } from "../api/store/sharepoint/list-schema.js";
import { SharePointStore } from "../api/store/sharepoint/sharepoint-store.js";
import { provisionLists } from "../api/store/sharepoint/provision.js";
import type { RetryPolicy } from "../api/store/sharepoint/throttling.js";
import { queryableFields } from "../api/store/queryable-fields.js";
import { ConfigError, loadConfig } from "../api/config.js";
import { MsalTokenSource } from "../api/store/sharepoint/token-source.js";
import { EntraTokenStandIn, standInAuthorityHost } from "./support/entra-token-stand-in.js";
import { GraphStandIn } from "./support/graph-stand-in.js";
import { describeStoreConformance } from "./store-conformance.js";

const standIns: GraphStandIn[] = [];
afterAll(async () => {
  await Promise.all(standIns.map((standIn) => standIn.stop()));
});

/** A retry policy that records the waits it is asked for instead of sleeping, so no test depends on the clock. */
function recordedWaits(): { policy: Partial<RetryPolicy>; waits: number[] } {
  const waits: number[] = [];
  let clock = 0;
  return {
    waits,
    policy: {
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      random: () => 0.5,
    },
  };
}

async function provisionedSite(options: ConstructorParameters<typeof GraphStandIn>[0] = {}, retry?: Partial<RetryPolicy>) {
  const standIn = await new GraphStandIn(options).start();
  standIns.push(standIn);
  const recorded = recordedWaits();
  const { waits } = recorded;
  const policy = { ...recorded.policy, ...retry };
  const graph = new GraphTransport({ baseUrl: standIn.url, tokens: { accessToken: async () => "test-token" }, retry: policy });
  await provisionLists(graph, standIn.siteId);
  const store = await SharePointStore.open({ siteId: standIn.siteId, graph });
  return { standIn, graph, store, waits };
}

describeStoreConformance("SharePoint lists (Graph stand-in)", async () => (await provisionedSite()).store);

const qaLead = { id: "person-qa-lead" };
const team = (name: string) => ({ serviceId: "service-1", name });

describe("SharePoint store: throttling", () => {
  it("waits as long as Retry-After says (plus a little jitter), then carries on", async () => {
    const { standIn, store, waits } = await provisionedSite();
    await store.create("team", team("Team A"), qaLead, { id: "team-a" });
    standIn.throttleNext(2, { retryAfterSeconds: 3 });
    standIn.throttleNext(1, { status: 503, retryAfterSeconds: 1 });
    expect((await store.get("team", "team-a"))?.name).toBe("Team A");
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(3000);
    expect(waits[0]).toBeLessThanOrEqual(3600);
    expect(waits[2]).toBeGreaterThanOrEqual(1000);
    expect(waits[2]).toBeLessThanOrEqual(1200);
  });

  it("gives up after a bounded number of attempts, with Graph's error", async () => {
    const { standIn, store, waits } = await provisionedSite();
    standIn.throttleNext(50, { retryAfterSeconds: 1 });
    const before = standIn.requests.length;
    await expect(store.get("team", "team-a")).rejects.toMatchObject({ status: 429 });
    expect(standIn.requests.length - before).toBe(6);
    expect(waits).toHaveLength(5);
  });

  it("holds back every other request while Graph has asked to wait (no request storm)", async () => {
    let clock = 0;
    const sleeping: { ms: number; wake: () => void }[] = [];
    const { standIn, store } = await provisionedSite({}, {
      now: () => clock,
      sleep: (ms) => new Promise<void>((wake) => sleeping.push({ ms, wake })),
    });
    await store.create("team", team("Team A"), qaLead, { id: "team-a" });
    standIn.throttleNext(1, { retryAfterSeconds: 10 });
    const first = store.get("team", "team-a");
    await vi.waitFor(() => expect(sleeping).toHaveLength(1));
    const sentBefore = standIn.requests.length;
    const others = Promise.all(Array.from({ length: 4 }, () => store.get("team", "team-a")));
    await vi.waitFor(() => expect(sleeping).toHaveLength(5));
    expect(standIn.requests.length).toBe(sentBefore);
    clock += Math.max(...sleeping.map((sleep) => sleep.ms));
    for (const sleep of sleeping) sleep.wake();
    expect((await first)?.name).toBe("Team A");
    expect((await others).map((saved) => saved?.name)).toEqual(["Team A", "Team A", "Team A", "Team A"]);
    expect(standIn.requests.length).toBe(sentBefore + 5);
  });
});

describe("SharePoint store: dropped connections", () => {
  it("sends a read again when the connection drops, but never a write (Graph may have applied it)", async () => {
    const { standIn, store } = await provisionedSite();
    await store.create("team", team("Team A"), qaLead, { id: "team-a" });
    standIn.dropNext(2);
    expect((await store.get("team", "team-a"))?.name).toBe("Team A");
    standIn.dropNext(1);
    await expect(store.create("team", team("Team B"), qaLead)).rejects.toThrow();
    const batches = standIn.requests.filter((request) => request.path === "/$batch");
    expect(batches).toHaveLength(2);
    // The dropped batch was applied once, and not sent again.
    expect((await store.query("team", { where: { name: "Team B" } })).records).toHaveLength(1);
  });
});

describe("SharePoint store: batches", () => {
  it("sends many changes in batches of at most 20 and retries the steps Graph throttled, losing nothing", async () => {
    const { standIn, store, waits } = await provisionedSite();
    standIn.throttleNext(3, { inBatch: true, retryAfterSeconds: 2 });
    const created = await store.transaction(async (tx) => {
      const teams = [];
      for (let index = 0; index < 15; index += 1) teams.push(await tx.create("team", team(`Team ${index}`), qaLead, { id: `team-${index}` }));
      return teams;
    });
    const batches = standIn.requests.filter((request) => request.path === "/$batch");
    expect(batches.length).toBeGreaterThanOrEqual(2);
    const steps = standIn.requests.filter((request) => request.inBatch);
    expect(steps.filter((step) => step.status === 429)).toHaveLength(3);
    expect(steps.some((step) => step.status === 424)).toBe(true);
    expect(waits.some((wait) => wait >= 2000)).toBe(true);
    for (const saved of created) expect(await store.get("team", saved.id)).toEqual(saved);
    const log = await store.auditLog({ kind: "team", limit: 100 });
    expect(log).toHaveLength(15);
    expect(log.map((entry) => entry.recordId)).toEqual(created.map((saved) => saved.id));
  });

  it("undoes the changes already made when SharePoint refuses a later one, and logs none of them", async () => {
    const { standIn, store } = await provisionedSite();
    const first = await store.create("team", team("Team A"), qaLead, { id: "team-a" });
    const second = await store.create("team", team("Team B"), qaLead, { id: "team-b" });
    const logBefore = await store.auditLog();
    const error = await store
      .transaction(async (tx) => {
        await tx.update("team", first.id, { name: "Team A renamed" }, first.etag, qaLead);
        await tx.create("team", team("Team C"), qaLead, { id: "team-c" });
        await tx.update("team", second.id, { name: "Team B renamed" }, second.etag, qaLead);
        // Someone edits team B in SharePoint before this transaction commits.
        standIn.editItemDirectly("GoldenThread-team", 2, { gtName: "Team B (edited in SharePoint)" });
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "conflict" });
    expect((await store.get("team", "team-a"))?.name).toBe("Team A");
    expect(await store.get("team", "team-c")).toBeUndefined();
    expect(await store.auditLog()).toEqual(logBefore);
  });

  it("reports a step Graph fails outright, and saves nothing from that transaction", async () => {
    const { standIn, store } = await provisionedSite();
    const list = standIn.listNamed("GoldenThread-person").id;
    standIn.failNext("POST", list, 500);
    await expect(
      store.transaction(async (tx) => {
        await tx.create("team", team("Team A"), qaLead, { id: "team-a" });
        await tx.create("person", { displayName: "Sam Auditor", email: "sam@example.org", roles: ["auditor"] }, qaLead, { id: "person-sam" });
      }),
    ).rejects.toMatchObject({ status: 500 });
    expect(await store.get("team", "team-a")).toBeUndefined();
    expect(await store.get("person", "person-sam")).toBeUndefined();
    expect(await store.auditLog()).toEqual([]);
  });
});

describe("SharePoint store: list fields", () => {
  it("keeps the list-values rows in step as people are added to and removed from an audit", async () => {
    const { standIn, store } = await provisionedSite();
    const sharedWith = async (personId: string) => (await store.query("audit", { where: { sharedWithIds: { contains: personId } } })).records.map((record) => record.id);
    const created = await store.create("audit", { type: "regular", toolId: "tool-1", caseId: "case-1", sharedWithIds: ["p-1", "p-2"] }, qaLead, { id: "audit-1" });
    expect(await sharedWith("p-1")).toEqual(["audit-1"]);
    const updated = await store.update("audit", created.id, { sharedWithIds: ["p-2", "p-3"] }, created.etag, qaLead);
    expect(await sharedWith("p-1")).toEqual([]);
    expect(await sharedWith("p-2")).toEqual(["audit-1"]);
    expect(await sharedWith("p-3")).toEqual(["audit-1"]);
    expect(standIn.listNamed("GoldenThread-ListValues").items.size).toBe(2);
    await store.delete("audit", updated.id, updated.etag, qaLead);
    expect(await sharedWith("p-2")).toEqual([]);
    expect(standIn.listNamed("GoldenThread-ListValues").items.size).toBe(0);
  });

  it("pages a list-field view and combines it with other conditions", async () => {
    const { store } = await provisionedSite();
    for (let index = 0; index < 5; index += 1) {
      await store.create("audit", { type: "regular", toolId: "tool-1", caseId: `case-${index}`, status: index % 2 ? "assigned" : "planned", dueDate: `2026-0${index + 1}-01`, sharedWithIds: ["p-1"] }, qaLead, { id: `audit-${index}` });
    }
    const first = await store.query("audit", { where: { sharedWithIds: { contains: "p-1" }, status: "planned" }, orderBy: { field: "dueDate", direction: "desc" }, limit: 2 });
    expect(first.records.map((record) => record.id)).toEqual(["audit-4", "audit-2"]);
    const second = await store.query("audit", { where: { sharedWithIds: { contains: "p-1" }, status: "planned" }, orderBy: { field: "dueDate", direction: "desc" }, limit: 2, cursor: first.nextCursor });
    expect(second.records.map((record) => record.id)).toEqual(["audit-0"]);
    expect(second.nextCursor).toBeUndefined();
  });
});

describe("SharePoint store: large lists", () => {
  it("queries only indexed columns, so a list over 5,000 items still answers; Graph refuses an unindexed filter there", async () => {
    const { standIn, graph, store } = await provisionedSite();
    const created = await store.create("audit", { type: "regular", toolId: "tool-1", caseId: "case-1", status: "assigned" }, qaLead);
    const smallList = `${store.listPath("GoldenThread-audit")}/items?$expand=fields&$filter=${encodeURIComponent("fields/gtRecordBody eq 'x'")}`;
    // On a small list Graph lets an unindexed filter through when asked with the Prefer header.
    await expect(graph.get(smallList, { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" })).resolves.toMatchObject({ value: [] });
    const adapterRequestsFrom = standIn.requests.length;
    const [sample] = standIn.listNamed("GoldenThread-audit").items.values();
    standIn.seedItems(
      "GoldenThread-audit",
      Array.from({ length: 5200 }, (_, index) => ({ ...sample!.fields, gtRecordId: `audit-bulk-${index}`, gtStatus: "planned" })),
    );
    const page = await store.query("audit", { where: { status: "assigned" }, limit: 10 });
    expect(page.records.map((record) => record.id)).toEqual([created.id]);
    const planned = await store.query("audit", { where: { status: "planned" }, orderBy: { field: "caseId" }, limit: 500 });
    expect(planned.records).toHaveLength(500);
    expect(planned.nextCursor).toBeTruthy();

    expect(standIn.requests.slice(adapterRequestsFrom).filter((request) => request.prefer !== undefined)).toEqual([]);

    const listPath = store.listPath("GoldenThread-audit");
    const unindexed = `${listPath}/items?$expand=fields&$filter=${encodeURIComponent("fields/gtRecordBody eq 'x'")}`;
    await expect(graph.get(unindexed)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/not indexed.*HonorNonIndexedQueriesWarningMayFailRandomly/) });
    await expect(graph.get(unindexed, { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" })).rejects.toMatchObject({ message: expect.stringMatching(/list view threshold/) });
  });
});

describe("SharePoint store: the dashboard read model from the delta feed", () => {
  const today = new Date().toISOString().slice(0, 10);
  const normalised = (answer: DashboardAnswer) => ({
    ...answer,
    byStatus: [...answer.byStatus].sort((a, b) => a.status.localeCompare(b.status)),
    byType: [...answer.byType].sort((a, b) => a.type.localeCompare(b.type)),
  });

  it("counts what the generic read model counts, stays current with changes and deletions, and reads the list again after a 410", async () => {
    const { standIn, graph, store } = await provisionedSite();
    await seedDemoAuthority(store);
    const readModel = new SharePointDashboardReadModel({ graph, listPath: (name) => store.listPath(name), freshnessMs: 0 });
    const generic = storeDashboardReadModel(store);
    const viewerOf = async (personId: string): Promise<Viewer> => {
      const person = (await store.get("person", personId))!;
      const serviceTeamIds = person.serviceId ? (await store.query("team", { where: { serviceId: person.serviceId } })).records.map((record) => record.id) : [];
      return { person, roles: person.roles, signIn: "local", serviceTeamIds };
    };
    const agree = async () => {
      for (const personId of ["person-qa-lead", "person-tm-assessment", "person-sw-chloe"]) {
        const viewer = await viewerOf(personId);
        for (const request of [{}, { auditWhere: { type: "regular" } }] as Partial<DashboardRequest>[]) {
          const full: DashboardRequest = {
            auditScopes: auditFilters(viewer),
            auditWhere: {},
            actionScopes: actionFilters(viewer),
            grades: ofstedGradeScale.grades,
            sections: demoAuditTool.record.sections,
            today,
            ...request,
          };
          expect(normalised(await readModel.figures(full)), personId).toEqual(normalised(await generic.figures(full)));
        }
      }
    };
    const everything: DashboardRequest = { auditScopes: [{}], auditWhere: {}, actionScopes: [{}], grades: ofstedGradeScale.grades, sections: demoAuditTool.record.sections, today };

    const [first] = await readModel.catchUp();
    expect(first!.full).toBe(true);
    await agree();
    const auditsBefore = (await readModel.figures(everything)).audits;
    expect(auditsBefore).toBeGreaterThan(0);

    // Changes arrive through the delta feed: one request per list when little changed.
    const planned = (await store.get("audit", "audit-planned"))!;
    await store.update("audit", planned.id, { status: "cancelled", cancelReason: "duplicate" }, planned.etag, qaLead);
    const added = await store.create("audit", { type: "regular", toolId: demoAuditTool.id, caseId: "case-100231" }, qaLead);
    const incremental = await readModel.catchUp();
    expect(incremental.map((outcome) => outcome.full)).toEqual([false, false, false]);
    expect(incremental[0]!.changes).toBe(2);
    expect(incremental.every((outcome) => outcome.requests === 1)).toBe(true);
    await agree();
    await store.delete("audit", added.id, added.etag, qaLead);
    await readModel.catchUp();
    expect((await readModel.figures(everything)).audits).toBe(auditsBefore);
    await agree();

    // A token Graph no longer honours: 410 Gone, then the whole list again.
    standIn.expireDeltaTokens("GoldenThread-audit");
    const stillPlanned = (await store.get("audit", "audit-assigned"))!;
    await store.update("audit", stillPlanned.id, { dueDate: "2030-01-31" }, stillPlanned.etag, qaLead);
    const resynced = await readModel.catchUp();
    expect(resynced[0]!.full).toBe(true);
    expect(standIn.requests.some((request) => request.status === 410)).toBe(true);
    expect(readModel.audits.size).toBe(auditsBefore);
    await agree();
  });
});

describe("SharePoint store: provisioning", () => {
  it("changes nothing the second time, adds a missing column and index, and reports a wrong-typed column without touching it", async () => {
    const { standIn, graph } = await provisionedSite();
    const again = await provisionLists(graph, standIn.siteId);
    expect(again).toMatchObject({ createdLists: [], addedColumns: [], indexedColumns: [], wrongTypes: [] });
    expect(again.unchangedLists).toHaveLength(allListSpecs().length);

    const audits = standIn.listNamed("GoldenThread-audit");
    audits.columns = audits.columns.filter((column) => column.name !== "gtTheme");
    audits.columns.find((column) => column.name === "gtDueDate")!.indexed = false;
    const status = audits.columns.find((column) => column.name === "gtStatus")!;
    delete status.text;
    status.number = {};
    const repaired = await provisionLists(graph, standIn.siteId);
    expect(repaired.createdLists).toEqual([]);
    expect(repaired.addedColumns).toEqual(["GoldenThread-audit.gtTheme"]);
    expect(repaired.indexedColumns).toEqual(["GoldenThread-audit.gtDueDate"]);
    expect(repaired.wrongTypes).toEqual(["GoldenThread-audit.gtStatus: is number, should be text"]);
    expect(status.number).toEqual({});
    expect(audits.columns.find((column) => column.name === "gtTheme")).toMatchObject({ indexed: true, text: { allowMultipleLines: false } });
  });

  it("derives one list per kind of record, with an indexed column for every queryable field", () => {
    const specs = allListSpecs();
    for (const [kind, fields] of Object.entries(queryableFields)) {
      const spec = specs.find((candidate) => candidate.displayName === `GoldenThread-${kind}`);
      expect(spec, kind).toBeDefined();
      for (const field of fields) expect(spec!.columns.find((column) => column.field === field), `${kind}.${field}`).toMatchObject({ indexed: true });
    }
    expect(specs.find((spec) => spec.displayName === "GoldenThread-frameworkComponent")!.columns.find((column) => column.field === "number")?.type).toBe("number");
  });

  it("refuses to open a site that has not been provisioned, and says what to run", async () => {
    const standIn = await new GraphStandIn().start();
    standIns.push(standIn);
    const graph = new GraphTransport({ baseUrl: standIn.url, tokens: { accessToken: async () => "test-token" } });
    await expect(SharePointStore.open({ siteId: standIn.siteId, graph })).rejects.toThrow(/npm run provision:sharepoint/);
  });
});

describe("SharePoint store: tokens from Microsoft Entra through MSAL", () => {
  const tenantId = "11111111-2222-3333-4444-555555555555";
  const tokenSource = (entra: EntraTokenStandIn) =>
    new MsalTokenSource({
      tenantId,
      clientId: "66666666-7777-8888-9999-000000000000",
      credential: { secret: "test-secret" },
      authorityHost: standInAuthorityHost,
      networkClient: entra.networkClient(),
      ...entra.metadata(tenantId),
    });

  it("asks Entra for a Graph token with client credentials once, then uses MSAL's cache", async () => {
    const entra = await new EntraTokenStandIn().start();
    try {
      const tokens = tokenSource(entra);
      expect(await tokens.accessToken()).toBe("token-1");
      expect(await tokens.accessToken()).toBe("token-1");
      expect(entra.issued).toEqual(["token-1"]);
      expect(entra.requests[0]?.get("scope")).toContain("https://graph.microsoft.com/.default");
    } finally {
      await entra.stop();
    }
  });

  it("gets a new token before the cached one expires", async () => {
    const entra = await new EntraTokenStandIn().start();
    try {
      // Four minutes left: inside MSAL's five-minute renewal window, so each request renews.
      entra.expiresInSeconds = 240;
      const tokens = tokenSource(entra);
      expect(await tokens.accessToken()).toBe("token-1");
      expect(await tokens.accessToken()).toBe("token-2");
    } finally {
      await entra.stop();
    }
  });

  it("sends Graph the current token, and fetches a fresh one when Graph says the token is no longer valid", async () => {
    const entra = await new EntraTokenStandIn().start();
    const graphStandIn = await new GraphStandIn({ acceptTokens: (token) => token === entra.issued.at(-1) && token !== "token-1" }).start();
    standIns.push(graphStandIn);
    try {
      const graph = new GraphTransport({ baseUrl: graphStandIn.url, tokens: tokenSource(entra) });
      const report = await provisionLists(graph, graphStandIn.siteId);
      expect(report.createdLists).toHaveLength(allListSpecs().length);
      expect(entra.issued).toEqual(["token-1", "token-2"]);
      expect(graphStandIn.requests[0]?.status).toBe(401);
    } finally {
      await entra.stop();
    }
  });
});

describe("SharePoint store: configuration", () => {
  const site = "contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe";

  it("keeps SQLite as the default", () => {
    expect(loadConfig({}).store.adapter).toBe("sqlite");
  });

  it("names every missing SharePoint setting in one error", () => {
    expect(() => loadConfig({ STORE: "sharepoint" })).toThrow(ConfigError);
    expect(() => loadConfig({ STORE: "sharepoint" })).toThrow(/SHAREPOINT_SITE_ID[\s\S]*SHAREPOINT_TENANT_ID[\s\S]*SHAREPOINT_CLIENT_ID[\s\S]*SHAREPOINT_CERTIFICATE_PATH/);
    expect(() => loadConfig({ STORE: "sharepoint", SHAREPOINT_SITE_ID: "https://contoso.sharepoint.com/sites/qa", SHAREPOINT_TENANT_ID: "t", SHAREPOINT_CLIENT_ID: "c", SHAREPOINT_CLIENT_SECRET: "s" })).toThrow(/Graph id/);
    expect(() => loadConfig({ STORE: "sharepoint", SHAREPOINT_SITE_ID: site, SHAREPOINT_TENANT_ID: "t", SHAREPOINT_CLIENT_ID: "c", SHAREPOINT_CERTIFICATE_PATH: "key.pem" })).toThrow(/both SHAREPOINT_CERTIFICATE_PATH/);
    expect(() => loadConfig({ STORE: "mysql" })).toThrow(/STORE must be sqlite or sharepoint/);
  });

  it("reads a complete SharePoint configuration", () => {
    const config = loadConfig({ STORE: "sharepoint", SHAREPOINT_SITE_ID: site, MicrosoftAppTenantId: "tenant-1", SHAREPOINT_CLIENT_ID: "client-1", SHAREPOINT_CLIENT_SECRET: "secret" });
    expect(config.store).toMatchObject({
      adapter: "sharepoint",
      sharepoint: { siteId: site, tenantId: "tenant-1", clientId: "client-1", credential: { secret: "secret" }, graphBaseUrl: "https://graph.microsoft.com" },
    });
  });
});

describe("SharePoint store: the services on it", () => {
  it("runs an audit assignment end to end: the audit, its notifications and the audit log land together", async () => {
    const { store } = await provisionedSite();
    const clock = new Date("2026-11-26T09:00:00Z");
    await seedDemoAuthority(store, clock);
    const workflow = new AuditWorkflow(store, () => clock);
    const qaLeadPerson = (await store.get("person", "person-qa-lead")) as Person;
    const audit = await workflow.assign("audit-planned", "person-tm-assessment", "2026-12-10", qaLeadPerson);
    expect(audit).toMatchObject({ status: "reflection_requested", auditorId: "person-tm-assessment", dueDate: "2026-12-10" });
    expect(await store.get("audit", "audit-planned")).toEqual(audit);
    const queued = async (recipientId: string) => (await store.query("outboxMessage", { where: { recipientId }, limit: 100 })).records.map((message) => message.notification);
    expect(await queued("person-tm-assessment")).toContainEqual({ kind: "audit_assigned", auditId: "audit-planned" });
    expect(await queued("person-sw-liam")).toContainEqual({ kind: "reflection_requested", auditId: "audit-planned" });
    expect((await store.auditLog({ kind: "audit", recordId: "audit-planned" })).at(-1)?.actorId).toBe("person-qa-lead");
    // The ETag the workflow returned is the one SharePoint holds: a follow-up edit with it succeeds.
    await store.update("audit", audit.id, { theme: "Neglect" }, audit.etag, qaLead);
  });
});
