// The self-evaluation (SEF) and its improvement plan: statements by ILACS
// judgement area and Ofsted question with linked evidence, priorities whose
// actions live in the action tracker, and the yearly cycle (a new SEF carries
// forward the unfinished priorities; the old year is kept as it ended).
import { DomainError } from "../domain/errors.js";
import { planProgress, priorityProgress, type PlanProgress, type PriorityProgress } from "../domain/improvement-plan-progress.js";
import type { IlacsArea, OfstedQuestion, RecordInput } from "../domain/records/index.js";
import { statementFlags, suggestEvidence, type EvidenceSuggestion, type StatementFlag } from "../domain/sef-evidence.js";
import { allRecords } from "../store/all-records.js";
import type { RecordOperations, Saved, Store } from "../store/port.js";
import type { ActionTracker } from "./action-tracker.js";
import { checkEvidence, describeEvidence, evidenceCandidates, type DescribedEvidence } from "./evidence-records.js";
import { requireRecord, staleRecord, type Person } from "./people.js";

export interface StatementView extends Saved<"sefStatement"> {
  evidenceDescribed: DescribedEvidence[];
  flags: StatementFlag[];
}

export interface PriorityView extends Saved<"improvementPriority"> {
  ownerName: string;
  progress: PriorityProgress;
  actions: (Saved<"action"> & { ownerName: string })[];
  evidenceDescribed: DescribedEvidence[];
}

export interface SelfEvaluationView {
  selfEvaluation: Saved<"selfEvaluation">;
  statements: StatementView[];
  priorities: PriorityView[];
  progress: PlanProgress;
}

const nextYearOf = (year: string) => {
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
};

async function personName(store: RecordOperations, id: string): Promise<string> {
  return (await store.get("person", id))?.displayName ?? "Not recorded";
}

async function priorityActions(store: RecordOperations, priorityId: string): Promise<Saved<"action">[]> {
  return (await allRecords(store, "action", { where: { sourceId: priorityId } })).filter((action) => action.sourceKind === "improvementPriority");
}

/** The open year's plan progress, for the report pack. */
export async function currentPlanProgress(store: RecordOperations, today: string): Promise<{ year: string | undefined; progress: PlanProgress }> {
  const [open] = await allRecords(store, "selfEvaluation", { where: { status: "open" } });
  if (!open) return { year: undefined, progress: planProgress([]) };
  const priorities = await allRecords(store, "improvementPriority", { where: { selfEvaluationId: open.id } });
  const progress: PriorityProgress[] = [];
  for (const priority of priorities) {
    progress.push(priorityProgress({ id: priority.id, title: priority.title, ownerName: await personName(store, priority.ownerId) }, await priorityActions(store, priority.id), today));
  }
  return { year: open.year, progress: planProgress(progress) };
}

export class SelfEvaluations {
  constructor(
    private readonly store: Store,
    private readonly actions: ActionTracker,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  async list(): Promise<Saved<"selfEvaluation">[]> {
    return (await allRecords(this.store, "selfEvaluation")).sort((a, b) => b.year.localeCompare(a.year));
  }

  async start(year: string, startsOn: string, actor: Person): Promise<Saved<"selfEvaluation">> {
    return this.store.transaction(async (tx) => {
      if ((await tx.query("selfEvaluation", { where: { year }, limit: 1 })).records.length > 0) {
        throw new DomainError("conflict", `There is already a self-evaluation for ${year}.`, { field: "year" });
      }
      if ((await tx.query("selfEvaluation", { where: { status: "open" }, limit: 1 })).records.length > 0) {
        throw new DomainError("conflict", "A self-evaluation year is already open. Start next year's from it, so its unfinished priorities carry forward.");
      }
      return tx.create("selfEvaluation", { year, startsOn, status: "open" }, actor);
    });
  }

  async view(selfEvaluationId: string): Promise<SelfEvaluationView> {
    const store = this.store;
    const selfEvaluation = requireRecord(await store.get("selfEvaluation", selfEvaluationId), "self-evaluation", selfEvaluationId);
    const statements: StatementView[] = [];
    for (const statement of await allRecords(store, "sefStatement", { where: { selfEvaluationId } })) {
      const evidenceDescribed = await Promise.all(statement.evidence.map((reference) => describeEvidence(store, reference)));
      const exists = new Set(evidenceDescribed.filter((item) => item.exists).map((item) => `${item.kind}:${item.id}`));
      statements.push({ ...statement, evidenceDescribed, flags: statementFlags(statement, (reference) => exists.has(`${reference.kind}:${reference.id}`)) });
    }
    statements.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const priorities: PriorityView[] = [];
    for (const priority of await allRecords(store, "improvementPriority", { where: { selfEvaluationId } })) {
      const ownerName = await personName(store, priority.ownerId);
      const actions = [];
      for (const action of await priorityActions(store, priority.id)) actions.push({ ...action, ownerName: await personName(store, action.ownerId) });
      actions.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      // A carried-forward priority reads as it stood when the year closed (its open actions moved on).
      const progress: PriorityProgress = priority.progressAtClose
        ? { priorityId: priority.id, title: priority.title, ownerName, ...priority.progressAtClose }
        : priorityProgress({ id: priority.id, title: priority.title, ownerName }, actions, this.today());
      const evidenceDescribed = await Promise.all(priority.evidence.map((reference) => describeEvidence(store, reference)));
      priorities.push({ ...priority, ownerName, progress, actions, evidenceDescribed });
    }
    priorities.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { selfEvaluation, statements, priorities, progress: planProgress(priorities.map((priority) => priority.progress)) };
  }

  private async openYear(tx: RecordOperations, selfEvaluationId: string): Promise<Saved<"selfEvaluation">> {
    const selfEvaluation = requireRecord(await tx.get("selfEvaluation", selfEvaluationId), "self-evaluation", selfEvaluationId);
    if (selfEvaluation.status !== "open") {
      throw new DomainError("illegal_transition", `The ${selfEvaluation.year} self-evaluation is closed: it is kept as it was. Work in the current year's.`);
    }
    return selfEvaluation;
  }

  async addStatement(
    selfEvaluationId: string,
    statement: { area: IlacsArea; question: OfstedQuestion; text: string; evidence: RecordInput<"sefStatement">["evidence"] },
    actor: Person,
  ): Promise<Saved<"sefStatement">> {
    return this.store.transaction(async (tx) => {
      await this.openYear(tx, selfEvaluationId);
      await checkEvidence(tx, statement.evidence ?? []);
      return tx.create("sefStatement", { selfEvaluationId, ...statement }, actor);
    });
  }

  async updateStatement(
    statementId: string,
    changes: { text?: string; evidence?: RecordInput<"sefStatement">["evidence"] },
    ifMatch: string,
    actor: Person,
  ): Promise<Saved<"sefStatement">> {
    return this.store.transaction(async (tx) => {
      const statement = requireRecord(await tx.get("sefStatement", statementId), "self-evaluation statement", statementId);
      if (statement.etag !== ifMatch) throw staleRecord("statement");
      await this.openYear(tx, statement.selfEvaluationId);
      if (changes.evidence) {
        // Only newly linked records must exist; a link whose record has since gone stays, flagged.
        const known = new Set(statement.evidence.map((reference) => `${reference.kind}:${reference.id}`));
        await checkEvidence(tx, changes.evidence.filter((reference) => !known.has(`${reference.kind}:${reference.id}`)));
      }
      return tx.update("sefStatement", statementId, changes, ifMatch, actor);
    });
  }

  async suggestions(statementId: string): Promise<EvidenceSuggestion[]> {
    const statement = requireRecord(await this.store.get("sefStatement", statementId), "self-evaluation statement", statementId);
    const selfEvaluation = requireRecord(await this.store.get("selfEvaluation", statement.selfEvaluationId), "self-evaluation", statement.selfEvaluationId);
    // The year the SEF looks back over: the twelve months before it starts, up to today.
    const start = new Date(`${selfEvaluation.startsOn}T00:00:00Z`);
    start.setUTCFullYear(start.getUTCFullYear() - 1);
    return suggestEvidence(statement, await evidenceCandidates(this.store), { from: start.toISOString().slice(0, 10), to: this.today() });
  }

  async addPriority(selfEvaluationId: string, priority: Omit<RecordInput<"improvementPriority">, "selfEvaluationId" | "status">, actor: Person): Promise<Saved<"improvementPriority">> {
    return this.store.transaction(async (tx) => {
      await this.openYear(tx, selfEvaluationId);
      await this.checkPriorityLinks(tx, selfEvaluationId, priority);
      return tx.create("improvementPriority", { ...priority, selfEvaluationId, status: "active" }, actor);
    });
  }

  async updatePriority(
    priorityId: string,
    changes: Partial<Pick<RecordInput<"improvementPriority">, "title" | "impactMeasure" | "ownerId" | "statementIds" | "evidence" | "status">>,
    ifMatch: string,
    actor: Person,
  ): Promise<Saved<"improvementPriority">> {
    return this.store.transaction(async (tx) => {
      const priority = requireRecord(await tx.get("improvementPriority", priorityId), "improvement priority", priorityId);
      if (priority.etag !== ifMatch) throw staleRecord("priority");
      await this.openYear(tx, priority.selfEvaluationId);
      if (changes.status === "carried_forward") throw new DomainError("invalid_record", "A priority is carried forward by starting next year's self-evaluation.", { field: "status" });
      await this.checkPriorityLinks(tx, priority.selfEvaluationId, changes);
      return tx.update("improvementPriority", priorityId, changes, ifMatch, actor);
    });
  }

  private async checkPriorityLinks(tx: RecordOperations, selfEvaluationId: string, priority: { ownerId?: string; statementIds?: string[]; evidence?: RecordInput<"improvementPriority">["evidence"] }) {
    if (priority.ownerId !== undefined && !(await tx.get("person", priority.ownerId))) {
      throw new DomainError("invalid_record", `There is no person with id ${priority.ownerId}.`, { field: "ownerId" });
    }
    for (const statementId of priority.statementIds ?? []) {
      const statement = await tx.get("sefStatement", statementId);
      if (!statement || statement.selfEvaluationId !== selfEvaluationId) {
        throw new DomainError("invalid_record", `There is no statement with id ${statementId} in this self-evaluation.`, { field: "statementIds" });
      }
    }
    await checkEvidence(tx, priority.evidence ?? []);
  }

  /** An action for a priority joins the action tracker (the owner is told, and reminded when it is overdue). */
  async addPriorityAction(priorityId: string, action: { title: string; reason?: string; ownerId: string; dueDate: string }, actor: Person): Promise<Saved<"action">> {
    const priority = requireRecord(await this.store.get("improvementPriority", priorityId), "improvement priority", priorityId);
    await this.openYear(this.store, priority.selfEvaluationId);
    if (!(await this.store.get("person", action.ownerId))) throw new DomainError("invalid_record", `There is no person with id ${action.ownerId}.`, { field: "ownerId" });
    return this.actions.raise({ ...action, reason: action.reason ?? `Improvement plan: ${priority.title}`, sourceKind: "improvementPriority", sourceId: priority.id }, actor);
  }

  /**
   * Closes the year and opens the next: priorities not achieved are carried
   * forward as new priorities (linked both ways) and their unfinished actions
   * move with them; the old year keeps its statements, its achieved
   * priorities and each priority's progress as it stood at the close.
   */
  async startNextYear(selfEvaluationId: string, actor: Person): Promise<Saved<"selfEvaluation">> {
    return this.store.transaction(async (tx) => {
      const current = await this.openYear(tx, selfEvaluationId);
      const year = nextYearOf(current.year);
      if ((await tx.query("selfEvaluation", { where: { year }, limit: 1 })).records.length > 0) {
        throw new DomainError("conflict", `There is already a self-evaluation for ${year}.`);
      }
      const startsOn = `${year.slice(0, 4)}${current.startsOn.slice(4)}`;
      const next = await tx.create("selfEvaluation", { year, startsOn, status: "open", previousId: current.id }, actor);
      for (const priority of await allRecords(tx, "improvementPriority", { where: { selfEvaluationId: current.id } })) {
        if (priority.status !== "active") continue;
        const actions = (await allRecords(tx, "action", { where: { sourceId: priority.id } })).filter((action) => action.sourceKind === "improvementPriority");
        const live = actions.filter((action) => action.status !== "cancelled");
        const atClose = priorityProgress({ id: priority.id, title: priority.title, ownerName: "" }, actions, this.today());
        if (atClose.rag === "complete") continue; // finished: stays in the old plan as it is
        const carried = await tx.create(
          "improvementPriority",
          { selfEvaluationId: next.id, title: priority.title, impactMeasure: priority.impactMeasure, ownerId: priority.ownerId, evidence: priority.evidence, status: "active", carriedFromId: priority.id },
          actor,
        );
        for (const action of live.filter((candidate) => candidate.status !== "done")) {
          await tx.update("action", action.id, { sourceId: carried.id }, action.etag, actor);
        }
        await tx.update(
          "improvementPriority",
          priority.id,
          { status: "carried_forward", carriedToId: carried.id, progressAtClose: { actions: atClose.actions, done: atClose.done, rag: atClose.rag, reason: `${atClose.reason} Carried forward to ${year}.` } },
          priority.etag,
          actor,
        );
      }
      await tx.update("selfEvaluation", current.id, { status: "closed", closedAt: this.now().toISOString() }, current.etag, actor);
      return next;
    });
  }
}
