// The SharePoint store against the local Graph stand-in: the same
// conformance suite as SQLite, then what only this adapter does (throttling,
// batches with partial failures, delta sync and 410, provisioning).
import { afterAll, describe, expect, it, vi } from "vitest";
import { GraphTransport } from "../api/store/sharepoint/graph-transport.js";
import { SharePointStore } from "../api/store/sharepoint/sharepoint-store.js";
import { provisionLists } from "../api/store/sharepoint/provision.js";
import type { RetryPolicy } from "../api/store/sharepoint/throttling.js";
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

describe("SharePoint store: large lists", () => {
  it("queries only indexed columns, so a list over 5,000 items still answers; Graph refuses an unindexed filter there", async () => {
    const { standIn, graph, store } = await provisionedSite();
    const created = await store.create("audit", { type: "regular", toolId: "tool-1", caseId: "case-1", status: "assigned" }, qaLead);
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

    const listPath = store.listPath("GoldenThread-audit");
    const unindexed = `${listPath}/items?$expand=fields&$filter=${encodeURIComponent("fields/gtRecordBody eq 'x'")}`;
    await expect(graph.get(unindexed)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/not indexed.*HonorNonIndexedQueriesWarningMayFailRandomly/) });
    await expect(graph.get(unindexed, { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" })).rejects.toMatchObject({ message: expect.stringMatching(/list view threshold/) });
  });
});
