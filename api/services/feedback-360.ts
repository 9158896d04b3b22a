// 360-degree feedback on a supervisor's supervision (seed §2.5). Requests go
// out as cards through the outbox. An answer is only ever added to the
// round's totals (and the audit log withholds those), so nothing stored
// links an answer to the person who gave it; results show only once enough
// people answered.
import { feedback360Questions, summariseFeedback360, withAnswer, type Feedback360Summary } from "../domain/feedback-360-summary.js";
import { DomainError } from "../domain/errors.js";
import { allRecords } from "../store/all-records.js";
import type { Actor, Saved, Store } from "../store/port.js";
import { enqueueNotification } from "./notify.js";
import { requireRecord, type Person } from "./people.js";

export type SavedRound = Saved<"feedback360Round">;

/** Who adds every answer to the totals: never the person answering. */
export const anonymousAnswerer: Actor = { id: "system:anonymous-feedback" };

export interface Feedback360Request {
  supervisorId: string;
  recipientIds: string[];
  auditId?: string;
}

export class Feedback360 {
  constructor(private readonly store: Store) {}

  async request(request: Feedback360Request, requester: Person): Promise<SavedRound> {
    const recipientIds = [...new Set(request.recipientIds)];
    if (recipientIds.includes(request.supervisorId)) throw new DomainError("invalid_record", "The supervisor does not give 360-degree feedback on themselves.", { field: "recipientIds" });
    return this.store.transaction(async (tx) => {
      const supervisor = requireRecord(await tx.get("person", request.supervisorId), "person", request.supervisorId);
      for (const recipientId of recipientIds) {
        if (!(await tx.get("person", recipientId))) throw new DomainError("invalid_record", `There is no person with id ${recipientId}.`, { field: "recipientIds" });
      }
      const round = await tx.create(
        "feedback360Round",
        { supervisorId: supervisor.id, teamId: supervisor.teamId, requestedById: requester.id, auditId: request.auditId, recipientIds },
        requester,
      );
      for (const recipientId of recipientIds) await enqueueNotification(tx, recipientId, { kind: "feedback_360_requested", roundId: round.id }, requester);
      return round;
    });
  }

  async answer(roundId: string, person: Person, ratings: { questionKey: string; rating: number }[], comment: string): Promise<void> {
    const keys = feedback360Questions.map((question) => question.key as string);
    const unknown = ratings.filter((rating) => !keys.includes(rating.questionKey));
    if (unknown.length > 0) throw new DomainError("invalid_record", "The answer has a question this request does not ask.", { field: "ratings" });
    if (ratings.length === 0 && !comment.trim()) throw new DomainError("invalid_record", "Answer at least one question, or write a comment.", { field: "ratings" });
    await this.store.transaction(async (tx) => {
      const round = requireRecord(await tx.get("feedback360Round", roundId), "360-degree feedback request", roundId);
      if (!round.recipientIds.includes(person.id)) throw new DomainError("forbidden", "This feedback request was not sent to you.");
      if (round.status !== "open") throw new DomainError("illegal_transition", "This feedback request has closed.");
      if (round.answeredIds.includes(person.id)) throw new DomainError("illegal_transition", "You have already answered. Thank you.");
      // One write: the round learns that this person answered, and its totals grow by one answer.
      const totals = withAnswer(round, { ratings, comment });
      await tx.update("feedback360Round", roundId, { answeredIds: [...round.answeredIds, person.id], ...totals }, round.etag, anonymousAnswerer);
    });
  }

  /** Open requests sent to this person that they have not answered (answeredIds says only that, never which answer). */
  async unansweredBy(personId: string): Promise<SavedRound[]> {
    const open = await allRecords(this.store, "feedback360Round", { where: { status: "open" } });
    return open.filter((round) => round.recipientIds.includes(personId) && !round.answeredIds.includes(personId));
  }

  async close(roundId: string, actor: Person, now: Date): Promise<SavedRound> {
    const round = requireRecord(await this.store.get("feedback360Round", roundId), "360-degree feedback request", roundId);
    if (round.status === "closed") return round;
    return this.store.update("feedback360Round", roundId, { status: "closed", closedAt: now.toISOString() }, round.etag, actor);
  }

  summary(round: SavedRound): Feedback360Summary {
    return summariseFeedback360({ ...round, answerCount: round.answeredIds.length });
  }
}
