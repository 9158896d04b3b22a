// Actions raised by audits: the owner is told, marks them done with
// evidence or asks for more time, and gets at most one reminder per working
// day once an action is overdue.
import { DomainError } from "../domain/errors.js";
import type { RecordInput } from "../domain/records/index.js";
import { isWorkingDay } from "../domain/working-days.js";
import { allRecords } from "../store/all-records.js";
import type { RecordOperations, Saved, Store } from "../store/port.js";
import { enqueueNotification } from "./notify.js";
import { forbidden, requireRecord, staleRecord, type Person } from "./people.js";

export type SavedAction = Saved<"action">;

const open = ["open", "in_progress"] as const;

export class ActionTracker {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async raise(action: RecordInput<"action">, actor: Person): Promise<SavedAction> {
    return this.store.transaction(async (tx) => this.raiseWithin(tx, action, actor));
  }

  /** Raises an action inside the caller's transaction (e.g. with the observation that agreed it). */
  async raiseWithin(tx: RecordOperations, action: RecordInput<"action">, actor: Person): Promise<SavedAction> {
    const audit = action.auditId ? await tx.get("audit", action.auditId) : undefined;
    const owner = await tx.get("person", action.ownerId);
    const teamId = action.teamId ?? audit?.teamId ?? owner?.teamId;
    const saved = await tx.create("action", { ...action, teamId, status: "open" }, actor);
    await enqueueNotification(tx, saved.ownerId, { kind: "action_raised", actionId: saved.id }, actor);
    return saved;
  }

  async markDone(actionId: string, evidence: string, actor: Person, ifMatch?: string): Promise<SavedAction> {
    return this.store.transaction(async (tx) => {
      const action = await this.ownedOpenAction(tx, actionId, actor, ifMatch);
      if (!evidence.trim()) throw new DomainError("invalid_record", "Say what shows the action is done.", { field: "evidence" });
      return tx.update(
        "action",
        actionId,
        { status: "done", evidence: evidence.trim(), completedAt: this.now().toISOString() },
        action.etag,
        actor,
      );
    });
  }

  async extend(actionId: string, newDueDate: string, reason: string, actor: Person, ifMatch?: string): Promise<SavedAction> {
    return this.store.transaction(async (tx) => {
      const action = await this.ownedOpenAction(tx, actionId, actor, ifMatch);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(newDueDate) || newDueDate <= action.dueDate) {
        throw new DomainError("invalid_record", "Choose a new due date after the current one.", { field: "dueDate" });
      }
      if (!reason.trim()) throw new DomainError("invalid_record", "Say why you need more time.", { field: "reason" });
      return tx.update("action", actionId, { dueDate: newDueDate, extensionReason: reason.trim() }, action.etag, actor);
    });
  }

  /**
   * Queues a reminder for each overdue action not yet reminded today; returns
   * how many. The outbox's idempotency key (action, owner, day) is what makes
   * it once a day, so the action itself is not touched and an owner's open
   * card or form never goes stale because of a reminder.
   */
  async remindOverdue(actor: Person | { id: string }): Promise<number> {
    const today = this.now().toISOString().slice(0, 10);
    if (!isWorkingDay(today)) return 0;
    let reminded = 0;
    for (const action of await allRecords(this.store, "action", { where: { status: { in: [...open] }, dueDate: { lte: today } } })) {
      if (action.dueDate >= today) continue;
      const notification = { kind: "action_overdue" as const, actionId: action.id, on: today };
      const queued = await this.store.transaction(async (tx) => enqueueNotification(tx, action.ownerId, notification, actor));
      if (queued) reminded += 1;
    }
    return reminded;
  }

  private async ownedOpenAction(tx: RecordOperations, actionId: string, actor: Person, ifMatch?: string) {
    const action = requireRecord(await tx.get("action", actionId), "action", actionId);
    if (ifMatch !== undefined && ifMatch !== action.etag) throw staleRecord("action");
    if (action.ownerId !== actor.id) throw forbidden("This action belongs to someone else.");
    if (!(open as readonly string[]).includes(action.status)) {
      throw new DomainError("illegal_transition", `This action is already ${action.status === "done" ? "done" : "cancelled"}.`, { status: action.status });
    }
    return action;
  }
}
