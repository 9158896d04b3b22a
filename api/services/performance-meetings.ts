// Performance meetings and QA boards: who came, what was decided, and the
// actions set, which join the action tracker linked back to the meeting.
import { DomainError } from "../domain/errors.js";
import type { RecordInput } from "../domain/records/index.js";
import { allRecords } from "../store/all-records.js";
import type { RecordOperations, Saved, Store } from "../store/port.js";
import type { ActionTracker } from "./action-tracker.js";
import { requireRecord, staleRecord, type Person } from "./people.js";

export interface MeetingView extends Saved<"performanceMeeting"> {
  attendees: { id: string; displayName: string }[];
  actions: Saved<"action">[];
}

async function checkPeople(store: RecordOperations, ids: readonly string[], field: string): Promise<void> {
  for (const id of ids) {
    if (!(await store.get("person", id))) throw new DomainError("invalid_record", `There is no person with id ${id}.`, { field });
  }
}

export class PerformanceMeetings {
  constructor(
    private readonly store: Store,
    private readonly actions: ActionTracker,
  ) {}

  async list(): Promise<Saved<"performanceMeeting">[]> {
    return (await allRecords(this.store, "performanceMeeting")).sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt));
  }

  async view(meetingId: string): Promise<MeetingView> {
    const meeting = requireRecord(await this.store.get("performanceMeeting", meetingId), "meeting", meetingId);
    const attendees = [];
    for (const id of meeting.attendeeIds) attendees.push({ id, displayName: (await this.store.get("person", id))?.displayName ?? "Not recorded" });
    const actions = (await allRecords(this.store, "action", { where: { sourceId: meetingId } })).filter((action) => action.sourceKind === "performanceMeeting");
    return { ...meeting, attendees, actions: actions.sort((a, b) => a.dueDate.localeCompare(b.dueDate)) };
  }

  async record(meeting: RecordInput<"performanceMeeting">, actor: Person): Promise<Saved<"performanceMeeting">> {
    await checkPeople(this.store, [...meeting.attendeeIds, ...(meeting.chairId ? [meeting.chairId] : [])], "attendeeIds");
    return this.store.create("performanceMeeting", meeting, actor);
  }

  async update(meetingId: string, changes: Partial<RecordInput<"performanceMeeting">>, ifMatch: string, actor: Person): Promise<Saved<"performanceMeeting">> {
    const meeting = requireRecord(await this.store.get("performanceMeeting", meetingId), "meeting", meetingId);
    if (meeting.etag !== ifMatch) throw staleRecord("meeting");
    await checkPeople(this.store, [...(changes.attendeeIds ?? []), ...(changes.chairId ? [changes.chairId] : [])], "attendeeIds");
    return this.store.update("performanceMeeting", meetingId, changes, ifMatch, actor);
  }

  /** An action set at the meeting: it joins the tracker, and its owner is told in Teams. */
  async addAction(meetingId: string, action: { title: string; reason?: string; ownerId: string; dueDate: string }, actor: Person): Promise<Saved<"action">> {
    const meeting = requireRecord(await this.store.get("performanceMeeting", meetingId), "meeting", meetingId);
    await checkPeople(this.store, [action.ownerId], "ownerId");
    return this.actions.raise({ ...action, reason: action.reason?.trim() || `Set at ${meeting.title} on ${meeting.heldOn}`, sourceKind: "performanceMeeting", sourceId: meeting.id }, actor);
  }
}
