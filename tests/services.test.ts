// The services both front doors (bot and REST) use, on the seeded demo
// authority: who may take each step, what it changes, and who is told.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isDomainError } from "../api/domain/errors.js";
import { seedDemoAuthority } from "../api/seed/seed-demo.js";
import { ActionTracker } from "../api/services/action-tracker.js";
import { AuditWorkflow } from "../api/services/audit-workflow.js";
import type { Person } from "../api/services/people.js";
import type { Store } from "../api/store/port.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";

let folder: string;
let store: Store;
let clock: Date;
const now = () => clock;

const person = async (id: string) => (await store.get("person", id)) as Person;
const queuedFor = async (recipientId: string) =>
  (await store.query("outboxMessage", { where: { recipientId }, limit: 100 })).records.map((message) => message.notification);

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "golden-thread-services-"));
  store = new SqliteStore({ path: join(folder, "store.sqlite") });
  clock = new Date("2026-11-26T09:00:00Z"); // a Thursday
  await seedDemoAuthority(store, clock);
});
afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

async function refused(promise: Promise<unknown>, code: string): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(isDomainError(error), String(error)).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return (error as Error).message;
}

describe("assigning an audit", () => {
  it("assigns, requests the practitioner's reflection, and tells both", async () => {
    const workflow = new AuditWorkflow(store, now);
    const audit = await workflow.assign("audit-planned", "person-tm-assessment", "2026-12-10", await person("person-qa-lead"));
    expect(audit).toMatchObject({ status: "reflection_requested", auditorId: "person-tm-assessment", dueDate: "2026-12-10" });
    expect(await queuedFor("person-tm-assessment")).toContainEqual({ kind: "audit_assigned", auditId: "audit-planned" });
    expect(await queuedFor("person-sw-liam")).toContainEqual({ kind: "reflection_requested", auditId: "audit-planned" });
    const log = await store.auditLog({ kind: "audit", recordId: "audit-planned" });
    expect(log.at(-1)?.actorId).toBe("person-qa-lead");
  });

  it("refuses an assignment by a practitioner, to a non-auditor, or of a practitioner's own case", async () => {
    const workflow = new AuditWorkflow(store, now);
    await refused(workflow.assign("audit-planned", "person-tm-assessment", undefined, await person("person-sw-amira")), "forbidden");
    expect(await refused(workflow.assign("audit-planned", "person-sw-amira", undefined, await person("person-qa-lead")), "invalid_record")).toContain("is not an auditor");
    expect((await store.get("audit", "audit-planned"))?.status).toBe("planned");
    expect(await queuedFor("person-tm-assessment")).toEqual([]);
  });
});

describe("declining and reassigning", () => {
  it("needs a reason, returns the audit to the QA lead, and lets it be reassigned", async () => {
    const workflow = new AuditWorkflow(store, now);
    const daniel = await person("person-tm-cp");
    await refused(workflow.decline("audit-assigned", "  ", daniel), "invalid_record");
    await workflow.decline("audit-assigned", "I line-manage this practitioner's supervisor", daniel);
    expect((await store.get("audit", "audit-assigned"))?.status).toBe("declined");
    expect(await queuedFor("person-qa-lead")).toContainEqual({ kind: "audit_declined", auditId: "audit-assigned" });
    const reassigned = await workflow.assign("audit-assigned", "person-sm-front-door", undefined, await person("person-qa-lead"));
    expect(reassigned.auditorId).toBe("person-sm-front-door");
    expect(reassigned.declineReason).toBeUndefined();
  });
});

describe("submitting", () => {
  it("completes an audit the sample does not draw, and records nothing for moderation", async () => {
    const workflow = new AuditWorkflow(store, now);
    const authority = (await store.query("authority")).records[0]!;
    await store.update("authority", authority.id, { moderationRule: { sampleRate: 0, alwaysModerateGrades: ["inadequate"], seed: "x" } }, authority.etag, { id: "test" });
    const tom = await person("person-psw");
    await workflow.assess("audit-in-progress", { sectionGrades: ["planning", "oversight", "impact"].map((sectionKey) => ({ sectionKey, grade: "good" })), overallGrade: "good" }, tom);
    const { audit, moderation } = await workflow.submit("audit-in-progress", tom);
    expect(moderation).toBeUndefined();
    expect(audit.status).toBe("completed");
  });

  it("refuses grades that are not on the scale and sections the tool does not have", async () => {
    const workflow = new AuditWorkflow(store, now);
    const tom = await person("person-psw");
    expect(await refused(workflow.assess("audit-in-progress", { sectionGrades: [{ sectionKey: "voice", grade: "brilliant" }] }, tom), "invalid_grade")).toContain('"brilliant" is not a grade');
    expect(await refused(workflow.assess("audit-in-progress", { sectionGrades: [{ sectionKey: "finance", grade: "good" }] }, tom), "invalid_record")).toContain('no section "finance"');
  });
});

describe("overdue actions", () => {
  it("reminds once per working day at most", async () => {
    const actions = new ActionTracker(store, now);
    const system = { id: "system:reminders" };
    expect(await actions.remindOverdue(system)).toBe(1); // the seeded overdue action
    expect(await actions.remindOverdue(system)).toBe(0);
    clock = new Date("2026-11-28T09:00:00Z"); // Saturday: no reminders
    expect(await actions.remindOverdue(system)).toBe(0);
    clock = new Date("2026-11-30T09:00:00Z"); // Monday
    expect(await actions.remindOverdue(system)).toBe(1);
    const reminders = (await queuedFor("person-sw-chloe"))
      .filter((notification) => notification.kind === "action_overdue")
      .sort((a, b) => ("on" in a && "on" in b ? a.on.localeCompare(b.on) : 0));
    expect(reminders).toEqual([
      { kind: "action_overdue", actionId: "action-visit-changes", on: "2026-11-26" },
      { kind: "action_overdue", actionId: "action-visit-changes", on: "2026-11-30" },
    ]);
  });
});
