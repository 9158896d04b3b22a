// What children and families told auditors: the child/family view recorded
// on submitted audits (seed §2.4), read from the audits themselves so the
// feedback register links to that evidence without copying it.
import { auditFilters, narrowed, type Viewer } from "../auth/viewer.js";
import type { ChildFamilyView } from "../domain/records/audit.js";
import type { FieldCondition, Store } from "../store/port.js";
import { allRecords } from "../store/all-records.js";

export interface AuditChildFamilyView {
  auditId: string;
  caseReference: string;
  teamId: string | null;
  theme: string | null;
  soughtFrom: ChildFamilyView["soughtFrom"];
  method: string;
  summary: string;
  submittedAt: string | null;
}

const submittedStatuses = ["submitted", "in_moderation", "completed"];

export async function childFamilyViewsFromAudits(
  store: Store,
  viewer: Viewer,
  filters: { teamId?: string; caseReference?: string } = {},
): Promise<AuditChildFamilyView[]> {
  const where: Record<string, FieldCondition> = { status: { in: submittedStatuses } };
  if (filters.teamId) where.teamId = filters.teamId;
  if (filters.caseReference) {
    const found = (await store.query("caseReference", { where: { reference: filters.caseReference.toUpperCase() }, limit: 1 })).records[0];
    if (!found) return [];
    where.caseId = found.id;
  }
  const byId = new Map<string, AuditChildFamilyView>();
  const references = new Map<string, string>();
  for (const scope of auditFilters(viewer)) {
    const query = narrowed(scope, where);
    if (!query) continue;
    for (const audit of await allRecords(store, "audit", { where: query })) {
      const view = audit.childFamilyView;
      if (!view || view.soughtFrom === "not_sought" || byId.has(audit.id)) continue;
      if (!references.has(audit.caseId)) references.set(audit.caseId, (await store.get("caseReference", audit.caseId))?.reference ?? "(unknown case)");
      byId.set(audit.id, {
        auditId: audit.id,
        caseReference: references.get(audit.caseId)!,
        teamId: audit.teamId ?? null,
        theme: audit.theme ?? null,
        soughtFrom: view.soughtFrom,
        method: view.method,
        summary: view.summary,
        submittedAt: audit.submittedAt ?? null,
      });
    }
  }
  return [...byId.values()].sort((a, b) => (b.submittedAt ?? "").localeCompare(a.submittedAt ?? ""));
}
