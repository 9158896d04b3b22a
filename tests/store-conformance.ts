// The store port's conformance suite. Every adapter runs these same cases
// (SQLite in sqlite-store.test.ts; SharePoint lists later), so services can
// rely on the behaviour, not on the adapter.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isDomainError, type DomainErrorCode } from "../api/domain/errors.js";
import type { Actor, Store } from "../api/store/port.js";
import { withheldValue } from "../api/store/record-changes.js";

const qaLead: Actor = { id: "person-qa-lead" };
const auditor: Actor = { id: "person-auditor" };

async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode, messagePart?: RegExp) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isDomainError(error, code), `expected a "${code}" DomainError, got ${String(error)}`).toBe(true);
  if (messagePart) expect((error as Error).message).toMatch(messagePart);
  return error as Error & { details: Record<string, unknown> };
}

const audit = (overrides: Record<string, unknown> = {}) => ({
  type: "regular" as const,
  toolId: "tool-1",
  caseId: "case-1",
  ...overrides,
});

export function describeStoreConformance(adapterName: string, openStore: () => Promise<Store>) {
  describe(`store conformance: ${adapterName}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await openStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe("create and get", () => {
      it("saves a valid record with defaults filled in, an id, an ETag and timestamps", async () => {
        const saved = await store.create("audit", audit(), qaLead);
        expect(saved.id).toBeTruthy();
        expect(saved.etag).toBeTruthy();
        expect(saved.status).toBe("planned");
        expect(saved.findings).toEqual({ workingWell: [], needsToBeBetter: [] });
        expect(await store.get("audit", saved.id)).toEqual(saved);
      });

      it("keeps a caller's id, and refuses a second record with the same id", async () => {
        await store.create("team", { serviceId: "service-1", name: "Assessment team 1" }, qaLead, { id: "team-1" });
        expect((await store.get("team", "team-1"))?.name).toBe("Assessment team 1");
        await expectDomainError(
          store.create("team", { serviceId: "service-1", name: "Another" }, qaLead, { id: "team-1" }),
          "conflict",
        );
        expect((await store.get("team", "team-1"))?.name).toBe("Assessment team 1");
      });

      it("returns undefined for a record that does not exist", async () => {
        expect(await store.get("audit", "no-such-audit")).toBeUndefined();
      });

      it("refuses an invalid record, names each failing field and saves nothing", async () => {
        const error = await expectDomainError(
          store.create("audit", { type: "weekly", toolId: "", caseId: "case-1" } as never, qaLead),
          "invalid_record",
        );
        const fields = (error.details.problems as { field: string }[]).map((problem) => problem.field);
        expect(fields).toEqual(expect.arrayContaining(["type", "toolId"]));
        expect((await store.query("audit")).records).toHaveLength(0);
        expect(await store.auditLog()).toHaveLength(0);
      });

      it("refuses a change with no actor", async () => {
        await expectDomainError(store.create("audit", audit(), { id: " " }), "invalid_record");
      });
    });

    describe("update with optimistic concurrency", () => {
      it("merges the changes and issues a new ETag", async () => {
        const created = await store.create("audit", audit(), qaLead);
        const updated = await store.update("audit", created.id, { status: "assigned", auditorId: "p-2" }, created.etag, qaLead);
        expect(updated.etag).not.toBe(created.etag);
        expect(updated).toMatchObject({ status: "assigned", auditorId: "p-2", caseId: "case-1" });
        expect(updated.createdAt).toBe(created.createdAt);
        expect(await store.get("audit", created.id)).toEqual(updated);
      });

      it("removes a field set to undefined", async () => {
        const created = await store.create("audit", audit({ auditorId: "p-2" }), qaLead);
        const updated = await store.update("audit", created.id, { auditorId: undefined }, created.etag, qaLead);
        expect(updated.auditorId).toBeUndefined();
      });

      it("refuses a stale write with a conflict and changes nothing", async () => {
        const created = await store.create("audit", audit(), qaLead);
        const first = await store.update("audit", created.id, { status: "assigned" }, created.etag, qaLead);
        const logBefore = await store.auditLog();
        await expectDomainError(
          store.update("audit", created.id, { status: "cancelled", cancelReason: "duplicate" }, created.etag, auditor),
          "conflict",
          /changed .* after you opened it/,
        );
        expect(await store.get("audit", created.id)).toEqual(first);
        expect(await store.auditLog()).toEqual(logBefore);
      });

      it("refuses an update that would make the record invalid, and changes nothing", async () => {
        const created = await store.create("audit", audit(), qaLead);
        await expectDomainError(store.update("audit", created.id, { dueDate: "next week" }, created.etag, qaLead), "invalid_record", /dueDate/);
        expect(await store.get("audit", created.id)).toEqual(created);
      });

      it("reports a missing record as not found", async () => {
        await expectDomainError(store.update("audit", "missing", { status: "assigned" }, '"1"', qaLead), "not_found");
      });
    });

    describe("delete", () => {
      it("deletes with the current ETag and refuses a stale one", async () => {
        const created = await store.create("audit", audit(), qaLead);
        const updated = await store.update("audit", created.id, { status: "assigned" }, created.etag, qaLead);
        await expectDomainError(store.delete("audit", created.id, created.etag, qaLead), "conflict");
        expect(await store.get("audit", created.id)).toBeDefined();
        await store.delete("audit", created.id, updated.etag, qaLead);
        expect(await store.get("audit", created.id)).toBeUndefined();
        await expectDomainError(store.delete("audit", created.id, updated.etag, qaLead), "not_found");
      });
    });

    describe("audit log", () => {
      it("records who changed which record, when, and what changed", async () => {
        const created = await store.create("audit", audit(), qaLead);
        const updated = await store.update("audit", created.id, { status: "assigned", auditorId: "p-2" }, created.etag, auditor);
        await store.delete("audit", created.id, updated.etag, qaLead);
        const entries = await store.auditLog({ kind: "audit", recordId: created.id });
        expect(entries.map((entry) => [entry.operation, entry.actorId])).toEqual([
          ["create", qaLead.id],
          ["update", auditor.id],
          ["delete", qaLead.id],
        ]);
        expect(entries[0]?.changes.caseId).toEqual({ to: "case-1" });
        expect(entries[1]?.changes).toEqual({ status: { from: "planned", to: "assigned" }, auditorId: { to: "p-2" } });
        expect(entries[2]?.changes.status).toEqual({ from: "assigned" });
        for (const entry of entries) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
        const sequences = entries.map((entry) => entry.sequence);
        expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
      });

      it("logs that anonymous survey answers changed, never what they were", async () => {
        const system: Actor = { id: "system:workforce-voice" };
        const tally = { surveyId: "survey-1", groupKey: "team:team-1", teamId: "team-1", respondents: 1, scaleCounts: { workload: [0, 1, 0] }, comments: [{ id: "0b7c4f5e-2f6a-4b8e-9d0c-3c1e2a4b5d6f", questionKey: "help", text: "A private comment" }] };
        const created = await store.create("surveyTally", tally, system);
        const updated = await store.update("surveyTally", created.id, { respondents: 2, scaleCounts: { workload: [1, 1, 0] } }, created.etag, system);
        await store.delete("surveyTally", created.id, updated.etag, system);
        const entries = await store.auditLog({ kind: "surveyTally", recordId: created.id });
        expect(entries).toHaveLength(3);
        const logged = JSON.stringify(entries);
        expect(logged).not.toContain("A private comment");
        expect(logged).not.toContain("[0,1,0]");
        expect(entries[1]?.changes.scaleCounts).toEqual({ from: withheldValue, to: withheldValue });
        expect(entries[1]?.changes.respondents).toEqual({ from: 1, to: 2 });
        // Comments did not change, but are logged as changed: the log never tells who wrote one.
        expect(entries[1]?.changes.comments).toEqual({ from: withheldValue, to: withheldValue });
      });

      it("reads on from a sequence number", async () => {
        await store.create("audit", audit(), qaLead);
        const [first] = await store.auditLog();
        await store.create("audit", audit({ caseId: "case-2" }), qaLead);
        const later = await store.auditLog({ after: first?.sequence });
        expect(later).toHaveLength(1);
        expect(later[0]?.changes.caseId).toEqual({ to: "case-2" });
      });
    });

    describe("query", () => {
      beforeEach(async () => {
        const statuses = ["planned", "assigned", "in_progress", "submitted", "assigned"] as const;
        for (const [index, status] of statuses.entries()) {
          await store.create(
            "audit",
            audit({ status, caseId: `case-${index}`, auditorId: index % 2 ? "p-odd" : "p-even", dueDate: `2026-0${index + 1}-15` }),
            qaLead,
            { id: `audit-${index}` },
          );
        }
      });

      it("filters by equality, membership, range and absence", async () => {
        const ids = async (where: Record<string, unknown>) =>
          (await store.query("audit", { where: where as never })).records.map((record) => record.id).sort();
        expect(await ids({ status: "assigned" })).toEqual(["audit-1", "audit-4"]);
        expect(await ids({ status: { in: ["planned", "submitted"] } })).toEqual(["audit-0", "audit-3"]);
        expect(await ids({ dueDate: { gte: "2026-02-01", lte: "2026-03-31" } })).toEqual(["audit-1", "audit-2"]);
        expect(await ids({ auditorId: "p-odd", status: "assigned" })).toEqual(["audit-1"]);
        expect(await ids({ programmeId: null })).toHaveLength(5);
        expect(await ids({ status: { in: [] } })).toEqual([]);
      });

      it("finds records whose list field holds a value, and refuses contains on a single-value field", async () => {
        const shared = await store.create("audit", audit({ caseId: "case-shared", sharedWithIds: ["p-external", "p-other"] }), qaLead);
        const found = await store.query("audit", { where: { sharedWithIds: { contains: "p-external" } } });
        expect(found.records.map((record) => record.id)).toEqual([shared.id]);
        expect((await store.query("audit", { where: { sharedWithIds: { contains: "p-nobody" } } })).records).toEqual([]);
        await expectDomainError(store.query("audit", { where: { status: { contains: "assigned" } } }), "invalid_query");
        await expectDomainError(store.query("audit", { where: { sharedWithIds: "p-external" } }), "invalid_query");
      });

      it("pages through every record exactly once, in order", async () => {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.query("audit", { orderBy: { field: "dueDate" }, limit: 2, cursor });
          seen.push(...page.records.map((record) => record.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor);
        expect(seen).toEqual(["audit-0", "audit-1", "audit-2", "audit-3", "audit-4"]);
        expect(pages).toBe(3);
      });

      it("sorts descending, and pages descending too", async () => {
        const first = await store.query("audit", { orderBy: { field: "dueDate", direction: "desc" }, limit: 3 });
        expect(first.records.map((record) => record.id)).toEqual(["audit-4", "audit-3", "audit-2"]);
        const second = await store.query("audit", { orderBy: { field: "dueDate", direction: "desc" }, limit: 3, cursor: first.nextCursor });
        expect(second.records.map((record) => record.id)).toEqual(["audit-1", "audit-0"]);
        expect(second.nextCursor).toBeUndefined();
      });

      it("refuses a filter on a field that is not indexed, a bad page size and a forged cursor", async () => {
        await expectDomainError(store.query("audit", { where: { declineReason: "x" } }), "invalid_query", /declineReason/);
        await expectDomainError(store.query("audit", { orderBy: { field: "answers" } }), "invalid_query");
        await expectDomainError(store.query("audit", { limit: 0 }), "invalid_query");
        await expectDomainError(store.query("audit", { limit: 501 }), "invalid_query");
        await expectDomainError(store.query("audit", { cursor: "not-a-cursor" }), "invalid_query");
      });
    });

    describe("transactions", () => {
      it("lands every change together", async () => {
        const created = await store.transaction(async (tx) => {
          const team = await tx.create("team", { serviceId: "service-1", name: "Team A" }, qaLead);
          const person = await tx.create(
            "person",
            { displayName: "Sam Auditor", email: "sam@example.org", roles: ["auditor"], teamId: team.id },
            qaLead,
          );
          return { team, person };
        });
        expect(await store.get("team", created.team.id)).toBeDefined();
        expect(await store.get("person", created.person.id)).toBeDefined();
        expect(await store.auditLog()).toHaveLength(2);
      });

      it("lands nothing when any step fails, including its audit-log entries", async () => {
        const before = await store.create("audit", audit(), qaLead);
        await expectDomainError(
          store.transaction(async (tx) => {
            await tx.update("audit", before.id, { status: "assigned" }, before.etag, qaLead);
            await tx.create("action", { title: "Update the plan", ownerId: "p-1", dueDate: "2026-12-01" }, qaLead);
            await tx.update("audit", before.id, { status: "in_progress" }, before.etag, qaLead); // stale: fails
          }),
          "conflict",
        );
        expect(await store.get("audit", before.id)).toEqual(before);
        expect((await store.query("action")).records).toHaveLength(0);
        expect(await store.auditLog()).toHaveLength(1);
      });

      it("keeps other work out until the transaction ends", async () => {
        const order: string[] = [];
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const transaction = store.transaction(async (tx) => {
          await tx.create("audit", audit({ caseId: "case-tx" }), qaLead);
          order.push("transaction wrote");
          await gate;
          order.push("transaction ends");
        });
        const outside = store.query("audit").then((page) => {
          order.push(`outside read ${page.records.length}`);
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        release();
        await Promise.all([transaction, outside]);
        expect(order).toEqual(["transaction wrote", "transaction ends", "outside read 1"]);
      });
    });
  });
}
