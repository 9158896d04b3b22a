// Learning bulletins (seed §2.10): the PSW drafts one, publishes it now or
// at a set time, and every channel and reader gets a card through the
// durable outbox. Scheduling is the outbox's own `notBefore`, so a scheduled
// bulletin is already durable and survives a restart; cancelling a schedule
// cancels those messages. Reads are one record per person and bulletin.
import { DomainError, isDomainError } from "../domain/errors.js";
import { bulletinReadId, type Bulletin, type BulletinAudience, type BulletinSource } from "../domain/records/bulletin.js";
import type { RecordInput } from "../domain/records/index.js";
import { allRecords } from "../store/all-records.js";
import type { RecordOperations, Saved, Store } from "../store/port.js";
import { enqueueNotification } from "./notify.js";
import { forbidden, hasRole, requireRecord, staleRecord, type Person } from "./people.js";

export type SavedBulletin = Saved<"bulletin">;
export type BulletinDraft = Omit<RecordInput<"bulletin">, "status" | "authorId" | "publishAt" | "publishedById">;

/** Where a bulletin stands now: a scheduled one whose time has come counts as published. */
export type BulletinState = "draft" | "scheduled" | "published" | "withdrawn";

export function bulletinState(bulletin: Pick<Bulletin, "status" | "publishAt">, now: Date): BulletinState {
  if (bulletin.status === "scheduled" && bulletin.publishAt && Date.parse(bulletin.publishAt) <= now.getTime()) return "published";
  return bulletin.status;
}

export function canWriteBulletins(person: Person): boolean {
  return hasRole(person, "principal_social_worker", "qa_lead");
}

/** Delivery counts of one bulletin's channel posts and 1:1 cards. */
export interface DeliveryCounts {
  /** Queued and not yet sent (includes scheduled). */
  waiting: number;
  delivered: number;
  failed: number;
  notInstalled: number;
  cancelled: number;
  total: number;
}

const emptyCounts = (): DeliveryCounts => ({ waiting: 0, delivered: 0, failed: 0, notInstalled: 0, cancelled: 0, total: 0 });

export function countDeliveries(messages: readonly Pick<Saved<"outboxMessage">, "status">[]): DeliveryCounts {
  const counts = emptyCounts();
  for (const { status } of messages) {
    counts.total += 1;
    if (status === "pending" || status === "sending") counts.waiting += 1;
    else if (status === "sent") counts.delivered += 1;
    else if (status === "not_installed") counts.notInstalled += 1;
    else if (status === "cancelled") counts.cancelled += 1;
    else counts.failed += 1; // failed, blocked
  }
  return counts;
}

export class BulletinService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(draft: BulletinDraft, author: Person): Promise<SavedBulletin> {
    this.assertWriter(author);
    return this.store.transaction(async (tx) => {
      const checked = await this.checkedDraft(tx, draft);
      return tx.create("bulletin", { ...checked, authorId: author.id, status: "draft" }, author);
    });
  }

  /** Changes a draft or a scheduled bulletin; a published one is what people read, so it stays as it was. */
  async update(bulletinId: string, draft: BulletinDraft, editor: Person, ifMatch: string): Promise<SavedBulletin> {
    this.assertWriter(editor);
    return this.store.transaction(async (tx) => {
      const bulletin = await this.current(tx, bulletinId, ifMatch);
      const state = bulletinState(bulletin, this.now());
      if (state === "published" || state === "withdrawn") {
        throw new DomainError("illegal_transition", "This bulletin has gone out, so it can no longer be changed. Write a new one instead.");
      }
      const checked = await this.checkedDraft(tx, draft);
      return tx.update("bulletin", bulletinId, checked, bulletin.etag, editor);
    });
  }

  /**
   * Sends a draft now, or at `at` (ISO date-time, in the future): queues one
   * card per channel and per 1:1 reader, all in one transaction.
   */
  async publish(bulletinId: string, options: { at?: string }, publisher: Person, ifMatch: string): Promise<{ bulletin: SavedBulletin; queued: number }> {
    this.assertWriter(publisher);
    const now = this.now();
    let publishAt = now.toISOString();
    if (options.at !== undefined) {
      const at = Date.parse(options.at);
      if (Number.isNaN(at)) throw new DomainError("invalid_record", "Give the time to send it as a date and time.", { field: "at" });
      if (at > now.getTime()) publishAt = new Date(at).toISOString();
    }
    const scheduled = publishAt > now.toISOString();
    return this.store.transaction(async (tx) => {
      const bulletin = await this.current(tx, bulletinId, ifMatch);
      if (bulletin.status !== "draft") {
        throw new DomainError("illegal_transition", bulletin.status === "scheduled" ? "This bulletin is already scheduled. Cancel the schedule to change when it goes." : "This bulletin has already gone out.");
      }
      const { audience } = bulletin;
      const personal = audience.personalChats ? await readersOf(tx, audience) : new Set(audience.personIds);
      if (audience.channelIds.length === 0 && personal.size === 0) {
        throw new DomainError(
          "invalid_record",
          "Nobody would get this bulletin: choose a channel to post it in, or send it to people's own chats.",
          { field: "audience" },
        );
      }
      const notification = { kind: "bulletin_published" as const, bulletinId };
      // A new occasion per publication, so a cancelled schedule's messages never block the next one.
      const delivery = { notBefore: scheduled ? publishAt : undefined, subjectId: bulletinId };
      let queued = 0;
      for (const channelId of audience.channelIds) {
        if (await enqueueNotification(tx, channelId, notification, publisher, publishAt, { ...delivery, to: "channel" })) queued += 1;
      }
      for (const personId of personal) {
        if (await enqueueNotification(tx, personId, notification, publisher, publishAt, delivery)) queued += 1;
      }
      const saved = await tx.update(
        "bulletin",
        bulletinId,
        { status: scheduled ? "scheduled" : "published", publishAt, publishedById: publisher.id },
        bulletin.etag,
        publisher,
      );
      return { bulletin: saved, queued };
    });
  }

  /** Takes a scheduled bulletin back to draft before its time; the queued cards are cancelled. */
  async cancelSchedule(bulletinId: string, editor: Person, ifMatch: string): Promise<SavedBulletin> {
    this.assertWriter(editor);
    return this.store.transaction(async (tx) => {
      const bulletin = await this.current(tx, bulletinId, ifMatch);
      if (bulletinState(bulletin, this.now()) !== "scheduled") {
        throw new DomainError("illegal_transition", "Only a bulletin waiting for its time can be taken back; this one is not scheduled or has gone out.");
      }
      for (const message of await allRecords(tx, "outboxMessage", { where: { subjectId: bulletinId, status: "pending" } })) {
        await tx.update("outboxMessage", message.id, { status: "cancelled", lastError: "The schedule was cancelled." }, message.etag, editor);
      }
      return tx.update("bulletin", bulletinId, { status: "draft", publishAt: undefined, publishedById: undefined }, bulletin.etag, editor);
    });
  }

  /** Records that the person has read the bulletin; reading again changes nothing. */
  async markRead(bulletinId: string, reader: Person, via: "card" | "tab"): Promise<{ alreadyRead: boolean }> {
    const bulletin = requireRecord(await this.store.get("bulletin", bulletinId), "bulletin", bulletinId);
    if (bulletinState(bulletin, this.now()) !== "published") {
      throw new DomainError("illegal_transition", "This bulletin has not gone out yet, so it cannot be marked as read.");
    }
    const id = bulletinReadId(bulletinId, reader.id);
    if (await this.store.get("bulletinRead", id)) return { alreadyRead: true };
    try {
      await this.store.create("bulletinRead", { bulletinId, personId: reader.id, readAt: this.now().toISOString(), via }, reader, { id });
      return { alreadyRead: false };
    } catch (error) {
      // Two clicks at once: the other one recorded it.
      if (isDomainError(error, "conflict")) return { alreadyRead: true };
      throw error;
    }
  }

  /** Published bulletins sent to this person or their team (readersOf's rule) that they have not marked read, newest first. */
  async unreadBy(person: Person): Promise<SavedBulletin[]> {
    const now = this.now();
    const published = (await allRecords(this.store, "bulletin")).filter((bulletin) => bulletinState(bulletin, now) === "published");
    const read = new Set((await allRecords(this.store, "bulletinRead", { where: { personId: person.id } })).map((entry) => entry.bulletinId));
    const forPerson = ({ audience }: SavedBulletin) => audience.personIds.includes(person.id) || (person.teamId !== undefined && audience.teamIds.includes(person.teamId));
    const unread = published.filter((bulletin) => !read.has(bulletin.id) && forPerson(bulletin));
    return unread.sort((a, b) => (b.publishAt ?? "").localeCompare(a.publishAt ?? ""));
  }

  private assertWriter(person: Person): void {
    if (!canWriteBulletins(person)) throw forbidden("Only the principal social worker or the QA lead can write and publish learning bulletins.");
  }

  private async current(tx: RecordOperations, bulletinId: string, ifMatch: string): Promise<SavedBulletin> {
    const bulletin = requireRecord(await tx.get("bulletin", bulletinId), "bulletin", bulletinId);
    if (ifMatch !== bulletin.etag) throw staleRecord("bulletin");
    return bulletin;
  }

  /** The draft with every reference checked: sources resolved to what the card may show, audience ids that exist (also used for the preview). */
  async checkedDraft(tx: RecordOperations, draft: BulletinDraft): Promise<BulletinDraft> {
    const drawsOn: BulletinSource[] = [];
    for (const [index, source] of (draft.drawsOn ?? []).entries()) drawsOn.push(await resolvedSource(tx, source, index));
    const audience = draft.audience ?? { channelIds: [], teamIds: [], personIds: [], personalChats: false };
    for (const [index, channelId] of (audience.channelIds ?? []).entries()) {
      const channel = await tx.get("teamsConversation", channelId);
      if (!channel || channel.conversationType !== "channel") {
        throw new DomainError("invalid_record", "One of the chosen channels is not one Golden Thread has been added to.", { field: `audience.channelIds.${index}` });
      }
    }
    for (const [index, teamId] of (audience.teamIds ?? []).entries()) {
      if (!(await tx.get("team", teamId))) throw new DomainError("invalid_record", `There is no team with id ${teamId}.`, { field: `audience.teamIds.${index}` });
    }
    for (const [index, personId] of (audience.personIds ?? []).entries()) {
      if (!(await tx.get("person", personId))) throw new DomainError("invalid_record", `There is no person with id ${personId}.`, { field: `audience.personIds.${index}` });
    }
    return { ...draft, drawsOn };
  }
}

/** An audit is shown by its case reference and a programme by its name, whatever the client sent. */
async function resolvedSource(tx: RecordOperations, source: BulletinSource, index: number): Promise<BulletinSource> {
  const field = `drawsOn.${index}`;
  if (source.kind === "review") return { kind: "review", reference: source.reference };
  if (!source.recordId) throw new DomainError("invalid_record", "Choose which audit or programme the bulletin draws on.", { field });
  if (source.kind === "audit" || source.kind === "finding") {
    const audit = await tx.get("audit", source.recordId);
    if (!audit) throw new DomainError("invalid_record", `There is no audit with id ${source.recordId}.`, { field });
    const caseReference = (await tx.get("caseReference", audit.caseId))?.reference ?? "an audit";
    if (source.kind === "audit") return { kind: "audit", recordId: audit.id, reference: caseReference };
    const [list, index] = (source.findingKey ?? "").split(":") as ["workingWell" | "needsToBeBetter" | "", string];
    const finding = list ? audit.findings[list][Number(index)] : undefined;
    if (!finding) throw new DomainError("invalid_record", "That finding is not in the audit any more. Choose it again.", { field });
    const reference = `${caseReference}: ${finding}`;
    return { kind: "finding", recordId: audit.id, findingKey: source.findingKey, reference: reference.length > 300 ? `${reference.slice(0, 299)}…` : reference };
  }
  const programme = await tx.get("auditProgramme", source.recordId);
  if (!programme) throw new DomainError("invalid_record", `There is no audit programme with id ${source.recordId}.`, { field });
  return { kind: "audit_programme", recordId: programme.id, reference: programme.name };
}

/** Everyone the bulletin is for: the members of its teams and the people named. */
export async function readersOf(store: RecordOperations, audience: BulletinAudience): Promise<Set<string>> {
  const readers = new Set(audience.personIds);
  if (audience.teamIds.length > 0) {
    for (const person of await allRecords(store, "person", { where: { teamId: { in: audience.teamIds } } })) readers.add(person.id);
  }
  return readers;
}
