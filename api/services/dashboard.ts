// The dashboard's generic read model: reads every audit in scope through the
// store port and counts in memory with the domain's dashboardFigures. Right
// for small stores and as the reference the faster, store-specific read
// models are tested against.
import { dashboardFigures, inDashboardPeriod } from "../domain/dashboard-figures.js";
import type { RecordKind } from "../domain/records/index.js";
import { narrowed } from "../auth/viewer.js";
import { allRecords } from "../store/all-records.js";
import { overdueActionsWhere, type DashboardReadModel } from "../store/dashboard-read-model.js";
import type { FieldCondition, Saved, Store } from "../store/port.js";

async function everyRecord<K extends RecordKind>(store: Store, kind: K, scopes: Record<string, FieldCondition>[], filters: Record<string, FieldCondition>): Promise<Saved<K>[]> {
  const byId = new Map<string, Saved<K>>();
  for (const where of scopes.map((scope) => narrowed(scope, filters))) {
    if (!where) continue;
    for (const record of await allRecords(store, kind, { where })) byId.set(record.id, record);
  }
  return [...byId.values()];
}

/** The generic read model: reads every audit in scope through the store port. */
export function storeDashboardReadModel(store: Store): DashboardReadModel {
  return {
    async figures(request) {
      const audits = (await everyRecord(store, "audit", request.auditScopes, request.auditWhere)).filter(
        (audit) => (!request.theme || audit.theme === request.theme) && inDashboardPeriod(audit, request.from, request.to),
      );
      const auditIds = new Set(audits.map((audit) => audit.id));
      const moderations = (await everyRecord(store, "moderation", [{}], { status: "completed" })).filter((moderation) => auditIds.has(moderation.auditId));
      const actionWhere = overdueActionsWhere(request);
      const overdueActions = await everyRecord(store, "action", request.actionScopes, actionWhere);
      return {
        ...dashboardFigures({ audits, moderations, grades: request.grades, sections: request.sections, today: request.today }),
        overdueActions: overdueActions.length,
      };
    },
  };
}


