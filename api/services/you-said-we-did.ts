// "You said, we did" (seed §2.7): a feedback theme, what changed, and the
// actions that evidence each change. Published as a card to staff channels
// (through the outbox) and as a printable page for children and families.
import { DomainError } from "../domain/errors.js";
import type { RecordInput } from "../domain/records/index.js";
import { familyTextProblems } from "../domain/records/you-said-we-did.js";
import type { RecordOperations, Saved, Store } from "../store/port.js";
import { canWriteBulletins } from "./bulletins.js";
import { enqueueNotification } from "./notify.js";
import { forbidden, requireRecord, staleRecord, type Person } from "./people.js";

export type SavedYouSaidWeDid = Saved<"youSaidWeDid">;
export type YouSaidWeDidDraft = Omit<RecordInput<"youSaidWeDid">, "status" | "authorId" | "publishedAt">;

export class YouSaidWeDidService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(draft: YouSaidWeDidDraft, author: Person): Promise<SavedYouSaidWeDid> {
    this.assertWriter(author);
    return this.store.transaction(async (tx) => {
      await this.check(tx, draft);
      return tx.create("youSaidWeDid", { ...draft, authorId: author.id, status: "draft" }, author);
    });
  }

  async update(updateId: string, draft: YouSaidWeDidDraft, editor: Person, ifMatch: string): Promise<SavedYouSaidWeDid> {
    this.assertWriter(editor);
    return this.store.transaction(async (tx) => {
      const update = await this.current(tx, updateId, ifMatch);
      if (update.status === "published") throw new DomainError("illegal_transition", "This update has been published, so it can no longer be changed. Write a new one instead.");
      await this.check(tx, draft);
      return tx.update("youSaidWeDid", updateId, draft, update.etag, editor);
    });
  }

  /** Posts the card to the chosen staff channels; the family page can be printed from then on. */
  async publish(updateId: string, publisher: Person, ifMatch: string): Promise<{ update: SavedYouSaidWeDid; queued: number }> {
    this.assertWriter(publisher);
    return this.store.transaction(async (tx) => {
      const update = await this.current(tx, updateId, ifMatch);
      if (update.status === "published") throw new DomainError("illegal_transition", "This update has already been published.");
      await this.check(tx, update);
      let queued = 0;
      for (const channelId of update.channelIds) {
        const notification = { kind: "you_said_we_did_published" as const, updateId };
        if (await enqueueNotification(tx, channelId, notification, publisher, "", { to: "channel", subjectId: updateId })) queued += 1;
      }
      const saved = await tx.update("youSaidWeDid", updateId, { status: "published", publishedAt: this.now().toISOString() }, update.etag, publisher);
      return { update: saved, queued };
    });
  }

  private assertWriter(person: Person): void {
    if (!canWriteBulletins(person)) throw forbidden('Only the principal social worker or the QA lead can write "you said, we did" updates.');
  }

  private async current(tx: RecordOperations, updateId: string, ifMatch: string): Promise<SavedYouSaidWeDid> {
    const update = requireRecord(await tx.get("youSaidWeDid", updateId), '"you said, we did" update', updateId);
    if (ifMatch !== update.etag) throw staleRecord('"you said, we did" update');
    return update;
  }

  /** Nothing that identifies a child; every action, feedback record and channel named exists. */
  private async check(tx: RecordOperations, draft: YouSaidWeDidDraft): Promise<void> {
    const problems = familyTextProblems({ theme: draft.theme, youSaid: draft.youSaid, response: draft.response ?? "", weDid: draft.weDid });
    if (problems.length > 0) {
      throw new DomainError("invalid_record", `This cannot be shared with families yet. ${problems.map((problem) => problem.message).join(" ")}`, { problems });
    }
    for (const [index, entry] of draft.weDid.entries()) {
      for (const [actionIndex, actionId] of entry.actionIds.entries()) {
        if (!(await tx.get("action", actionId))) {
          throw new DomainError("invalid_record", `There is no action with id ${actionId}.`, { field: `weDid.${index}.actionIds.${actionIndex}` });
        }
      }
    }
    for (const [index, feedbackId] of (draft.feedbackIds ?? []).entries()) {
      if (!(await tx.get("feedback", feedbackId))) {
        throw new DomainError("invalid_record", `There is no compliment or complaint with id ${feedbackId} in the feedback register.`, { field: `feedbackIds.${index}` });
      }
    }
    for (const [index, channelId] of (draft.channelIds ?? []).entries()) {
      const channel = await tx.get("teamsConversation", channelId);
      if (!channel || channel.conversationType !== "channel") {
        throw new DomainError("invalid_record", "One of the chosen channels is not one Golden Thread has been added to.", { field: `channelIds.${index}` });
      }
    }
  }
}
