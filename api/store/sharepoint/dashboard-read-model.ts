// The QA dashboard's figures for the SharePoint store. SharePoint stays the
// system of record; the server keeps a copy of the audits, moderations and
// actions current from the delta feed (a request or two when little has
// changed) and counts from that copy, so a dashboard never pages through
// whole lists. Same answers as the generic read model (tests compare them).
import { dashboardFigures } from "../../domain/dashboard-figures.js";
import { inDashboardPeriod } from "../../domain/dashboard-figures.js";
import { overdueActionsWhere, type DashboardAnswer, type DashboardReadModel, type DashboardRequest } from "../dashboard-read-model.js";
import type { FieldCondition } from "../port.js";
import { DeltaReplica, type SyncOutcome } from "./delta-replica.js";
import type { GraphTransport } from "./graph-transport.js";
import { recordListName } from "./list-schema.js";
import { matchesWhere } from "./record-conditions.js";

export interface SharePointDashboardOptions {
  graph: GraphTransport;
  listPath: (listName: string) => string;
  /** Catch up with the delta feed at most this often when answering (default 5 s). */
  freshnessMs?: number;
  now?: () => number;
}

const inAnyScope = (record: object, scopes: Record<string, FieldCondition>[]) => scopes.some((scope) => matchesWhere(record, scope));

export class SharePointDashboardReadModel implements DashboardReadModel {
  readonly audits: DeltaReplica<"audit">;
  readonly moderations: DeltaReplica<"moderation">;
  readonly actions: DeltaReplica<"action">;
  private syncing?: Promise<SyncOutcome[]>;
  private lastSync = Number.NEGATIVE_INFINITY;
  private readonly freshnessMs: number;
  private readonly now: () => number;

  constructor(options: SharePointDashboardOptions) {
    this.audits = new DeltaReplica(options.graph, options.listPath(recordListName("audit")), "audit");
    this.moderations = new DeltaReplica(options.graph, options.listPath(recordListName("moderation")), "moderation");
    this.actions = new DeltaReplica(options.graph, options.listPath(recordListName("action")), "action");
    this.freshnessMs = options.freshnessMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Brings the copy up to date (one sync at a time; callers share it). */
  catchUp(): Promise<SyncOutcome[]> {
    this.syncing ??= Promise.all([this.audits.sync(), this.moderations.sync(), this.actions.sync()])
      .then((outcomes) => {
        this.lastSync = this.now();
        return outcomes;
      })
      .finally(() => {
        this.syncing = undefined;
      });
    return this.syncing;
  }

  /** Keeps the copy current in the background (so a dashboard after a quiet spell needs no catching up); returns the stop. */
  syncEvery(intervalMs: number, log: (line: string) => void): () => void {
    const sync = () => this.catchUp().catch((error: unknown) => log(`store: the dashboard's sync from SharePoint failed: ${(error as Error).message}`));
    void sync();
    const timer = setInterval(sync, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async figures(request: DashboardRequest): Promise<DashboardAnswer> {
    if (this.now() - this.lastSync >= this.freshnessMs) await this.catchUp();
    const audits = [...this.audits.values()].filter(
      (audit) =>
        inAnyScope(audit, request.auditScopes) &&
        matchesWhere(audit, request.auditWhere) &&
        (!request.theme || audit.theme === request.theme) &&
        inDashboardPeriod(audit, request.from, request.to),
    );
    const auditIds = new Set(audits.map((audit) => audit.id));
    const moderations = [...this.moderations.values()].filter((moderation) => moderation.status === "completed" && auditIds.has(moderation.auditId));
    const overdue = overdueActionsWhere(request);
    let overdueActions = 0;
    for (const action of this.actions.values()) if (inAnyScope(action, request.actionScopes) && matchesWhere(action, overdue)) overdueActions += 1;
    return {
      ...dashboardFigures({ audits, moderations, grades: request.grades, sections: request.sections, today: request.today }),
      overdueActions,
    };
  }
}
