// Moderation agreement (seed §2.11): how closely moderators agreed with
// auditors' grades, overall and sliced by auditor, team, service, audit type,
// section or month, with the moderations behind every figure; and the same
// figures as a CSV file for a period.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import {
  agreementStatistics,
  gradeShift,
  moderatedGradePairs,
  type AgreementStatistics,
  type GradePair,
  type GradeShift,
} from "../../domain/agreement-statistics.js";
import { auditTypeLabels } from "../../domain/records/audit-tool.js";
import { isoDate } from "../../domain/records/common.js";
import { canSeeAudit, type Viewer } from "../../auth/viewer.js";
import type { Saved, Store } from "../../store/port.js";
import { allRecords } from "../../store/all-records.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const sliceKinds = ["auditor", "team", "service", "type", "section", "month", "kind"] as const;

// A moderation counts once the moderator (or chair, or second parallel auditor) has graded.
const gradedStatuses = ["awaiting_auditor", "escalated", "completed"] as const;
const kindLabels = { peer: "Peer moderation", panel: "Moderation panel", external_parallel: "External parallel audit" } as const;

const AgreementQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    by: z.enum(sliceKinds, { error: `by is one of: ${sliceKinds.join(", ")}` }).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], message: "The period must end on or after it starts" });
type AgreementQuery = z.infer<typeof AgreementQuery>;

const PairsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  by: z.enum(sliceKinds, { error: `by is one of: ${sliceKinds.join(", ")}` }).optional(),
  key: z.string().min(1).max(100).optional(),
});

interface Slice {
  key: string;
  label: string;
  moderationIds: string[];
  statistics: AgreementStatistics;
  shift: GradeShift;
}

interface Agreement {
  period: { from: string | null; to: string | null };
  by: string | null;
  overall: Slice;
  slices: Slice[];
}

/** One auditor–moderator pair of grades, with what it is about, for drill-down. */
export interface PairRow {
  key: string;
  label: string;
  moderationId: string;
  auditId: string;
  caseReference: string | null;
  kind: string;
  sectionKey: string;
  section: string;
  auditorGrade: string;
  moderatorGrade: string;
  completedAt: string;
  pair: GradePair;
}

async function pairRows(store: Store, viewer: Viewer, query: AgreementQuery): Promise<{ rows: PairRow[]; categoryCount: number }> {
  const names = new Map<string, string>();
  const nameOf = async (kind: "person" | "team" | "service", id: string | undefined) => {
    if (!id) return "Not recorded";
    if (!names.has(`${kind}:${id}`)) {
      const record = await store.get(kind, id);
      names.set(`${kind}:${id}`, record ? ("displayName" in record ? record.displayName : record.name) : id);
    }
    return names.get(`${kind}:${id}`)!;
  };
  // A handful of tools and cases behind many moderations: read each once.
  const tools = new Map<string, Promise<{ tool?: Saved<"auditTool">; scale?: Saved<"gradeScale"> }>>();
  const toolOf = (toolId: string) => {
    if (!tools.has(toolId)) {
      tools.set(
        toolId,
        store.get("auditTool", toolId).then(async (tool) => ({ tool, scale: tool ? await store.get("gradeScale", tool.gradeScaleId) : undefined })),
      );
    }
    return tools.get(toolId)!;
  };
  const references = new Map<string, Promise<string | null>>();
  const caseReferenceOf = (caseId: string) => {
    if (!references.has(caseId)) references.set(caseId, store.get("caseReference", caseId).then((reference) => reference?.reference ?? null));
    return references.get(caseId)!;
  };
  const rows: PairRow[] = [];
  let categoryCount = 4;
  for (const moderation of await allRecords(store, "moderation", { where: { status: { in: gradedStatuses } } })) {
    const day = moderation.completedAt?.slice(0, 10);
    if (!day || (query.from && day < query.from) || (query.to && day > query.to)) continue;
    const audit = await store.get("audit", moderation.auditId);
    if (!audit || !canSeeAudit(viewer, audit)) continue;
    const { tool, scale } = await toolOf(audit.toolId);
    if (!tool || !scale) continue;
    categoryCount = scale.grades.length;
    const caseReference = await caseReferenceOf(audit.caseId);
    const labelOf = (key: string) => scale.grades.find((grade) => grade.key === key)?.label ?? key;
    for (const grade of moderation.grades) {
      const [pair] = moderatedGradePairs([grade], scale);
      if (!pair) continue;
      const { key, label } = await sliceOf(query.by, audit, moderation, grade.sectionKey, tool, nameOf);
      rows.push({
        key,
        label,
        moderationId: moderation.id,
        auditId: audit.id,
        caseReference,
        kind: kindLabels[moderation.kind],
        sectionKey: grade.sectionKey,
        section: sectionTitle(tool, grade.sectionKey),
        auditorGrade: labelOf(grade.auditorGrade),
        moderatorGrade: labelOf(grade.moderatorGrade!),
        completedAt: moderation.completedAt!,
        pair,
      });
    }
  }
  return { rows, categoryCount };
}

async function agreementFor(store: Store, viewer: Viewer, query: AgreementQuery): Promise<Agreement> {
  const { rows, categoryCount } = await pairRows(store, viewer, query);
  const sliceFrom = (key: string, label: string, members: PairRow[]): Slice => ({
    key,
    label,
    moderationIds: [...new Set(members.map((row) => row.moderationId))],
    statistics: agreementStatistics(members.map((row) => row.pair), categoryCount),
    shift: gradeShift(members.map((row) => row.pair)),
  });
  const groups = new Map<string, PairRow[]>();
  for (const row of rows) groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    by: query.by ?? null,
    overall: sliceFrom("all", "All moderated grades", rows),
    slices: query.by ? [...groups].map(([key, members]) => sliceFrom(key, members[0]!.label, members)).sort((a, b) => a.label.localeCompare(b.label)) : [],
  };
}

const sectionTitle = (tool: Saved<"auditTool">, sectionKey: string) =>
  sectionKey === "overall" ? "Overall grade" : (tool.sections.find((section) => section.key === sectionKey)?.title ?? sectionKey);

async function sliceOf(
  by: AgreementQuery["by"],
  audit: Saved<"audit">,
  moderation: Saved<"moderation">,
  sectionKey: string,
  tool: Saved<"auditTool">,
  nameOf: (kind: "person" | "team" | "service", id: string | undefined) => Promise<string>,
): Promise<{ key: string; label: string }> {
  switch (by) {
    case "auditor":
      return { key: audit.auditorId ?? "none", label: await nameOf("person", audit.auditorId) };
    case "team":
      return { key: audit.teamId ?? "none", label: await nameOf("team", audit.teamId) };
    case "service":
      return { key: audit.serviceId ?? "none", label: await nameOf("service", audit.serviceId) };
    case "type":
      return { key: audit.type, label: auditTypeLabels[audit.type] };
    case "section":
      return { key: sectionKey, label: sectionTitle(tool, sectionKey) };
    case "kind":
      return { key: moderation.kind, label: kindLabels[moderation.kind] };
    case "month": {
      const month = moderation.completedAt!.slice(0, 7);
      return { key: month, label: month };
    }
    default:
      return { key: "all", label: "All moderated grades" };
  }
}

const listStatuses = ["requested", "awaiting_auditor", "escalated", "completed"] as const;
const ModerationListQuery = z.object({
  status: z.enum(listStatuses, { error: `status is one of: ${listStatuses.join(", ")}` }).optional(),
  auditId: z.string().min(1).max(100).optional(),
});
type ModerationListQuery = z.infer<typeof ModerationListQuery>;

interface ModerationSummary {
  id: string;
  auditId: string;
  caseReference: string | null;
  auditorId: string | null;
  auditorName: string | null;
  moderatorId: string;
  moderatorName: string | null;
  sampledBecause: string;
  sampleSeed: string | null;
  kind: Saved<"moderation">["kind"];
  status: Saved<"moderation">["status"];
  outcome: string | null;
  completedAt: string | null;
  resolvedAt: string | null;
  /** A parallel audit: the external auditor's audit. */
  parallelAuditId: string | null;
  escalatedToName: string | null;
}

/** The moderations whose audit the viewer can see, newest first (completed ones by when they were completed). */
async function moderationsFor(store: Store, viewer: Viewer, query: ModerationListQuery): Promise<ModerationSummary[]> {
  const names = new Map<string, string | null>();
  const personName = async (id: string | undefined) => {
    if (!id) return null;
    if (!names.has(id)) names.set(id, (await store.get("person", id))?.displayName ?? null);
    return names.get(id) ?? null;
  };
  const found: (ModerationSummary & { sortKey: string })[] = [];
  const where = { ...(query.status ? { status: query.status } : {}), ...(query.auditId ? { auditId: query.auditId } : {}) };
  for (const moderation of await allRecords(store, "moderation", { where })) {
    const audit = await store.get("audit", moderation.auditId);
    if (!audit || !canSeeAudit(viewer, audit)) continue;
    const reference = await store.get("caseReference", audit.caseId);
    found.push({
      id: moderation.id,
      auditId: audit.id,
      caseReference: reference?.reference ?? null,
      auditorId: audit.auditorId ?? null,
      auditorName: await personName(audit.auditorId),
      moderatorId: moderation.moderatorId,
      moderatorName: await personName(moderation.moderatorId),
      sampledBecause: moderation.sampledBecause,
      sampleSeed: moderation.sampleSeed ?? null,
      kind: moderation.kind,
      status: moderation.status,
      outcome: moderation.outcome ?? null,
      completedAt: moderation.completedAt ?? null,
      resolvedAt: moderation.resolvedAt ?? null,
      parallelAuditId: moderation.parallelAuditId ?? null,
      escalatedToName: await personName(moderation.escalatedToId),
      sortKey: moderation.completedAt ?? moderation.createdAt,
    });
  }
  return found.sort((a, b) => b.sortKey.localeCompare(a.sortKey) || a.id.localeCompare(b.id)).map(({ sortKey: _sortKey, ...summary }) => summary);
}

const figure = (value: number | null | undefined, digits = 3) => (value === null || value === undefined ? "" : value.toFixed(digits));

function agreementCsv(agreement: Agreement): string {
  const header = [
    "slice", "pairs", "verdict", "exact agreement %", "within one grade %",
    "Cohen's kappa", "kappa 95% low", "kappa 95% high",
    "linear weighted kappa", "linear 95% low", "linear 95% high",
    "quadratic weighted kappa", "quadratic 95% low", "quadratic 95% high",
    "Gwet's AC1", "AC1 95% low", "AC1 95% high",
    "moderator graded up", "moderator graded down", "same", "optimism (share of changes marked down)",
  ];
  const rows = [agreement.overall, ...agreement.slices].map(({ label, statistics: s, shift }) => [
    label, s.n, s.verdict === "ok" ? "" : "too few to say",
    figure(s.exactAgreement?.percent, 1), figure(s.withinOneAgreement?.percent, 1),
    figure(s.cohensKappa?.value), figure(s.cohensKappa?.ci95[0]), figure(s.cohensKappa?.ci95[1]),
    figure(s.linearWeightedKappa?.value), figure(s.linearWeightedKappa?.ci95[0]), figure(s.linearWeightedKappa?.ci95[1]),
    figure(s.quadraticWeightedKappa?.value), figure(s.quadraticWeightedKappa?.ci95[0]), figure(s.quadraticWeightedKappa?.ci95[1]),
    figure(s.gwetsAc1?.value), figure(s.gwetsAc1?.ci95[0]), figure(s.gwetsAc1?.ci95[1]),
    shift.up, shift.down, shift.same, figure(shift.optimism, 2),
  ]);
  return stringify([header, ...rows]);
}

export function moderationRoutes({ store }: ApiServices): Route[] {
  return [
    route({
      method: "get",
      path: "/api/moderations",
      tag: "Moderation",
      summary: "Moderations of the audits you can see (by status, or of one audit), newest first, with the case reference, auditor and moderator",
      query: ModerationListQuery,
      responses: { 200: "The moderations" },
      handle: async ({ viewer, query }) => ({ body: { moderations: await moderationsFor(store, viewer, query) } }),
    }),
    route({
      method: "get",
      path: "/api/moderation/agreement",
      tag: "Moderation",
      summary: "Agreement between auditors and moderators for a period, overall and by slice, with the moderations behind each figure",
      query: AgreementQuery,
      responses: { 200: "Agreement statistics (too few pairs are flagged, never hidden)" },
      handle: async ({ viewer, query }) => ({ body: await agreementFor(store, viewer, query) }),
    }),
    route({
      method: "get",
      path: "/api/moderation/pairs",
      tag: "Moderation",
      summary: "The pairs of grades behind one agreement figure: the slice `key` of the same period and `by`, or every pair without a key",
      query: PairsQuery,
      responses: { 200: "The pairs, oldest first" },
      async handle({ viewer, query }) {
        const { rows } = await pairRows(store, viewer, query);
        const chosen = rows.filter((row) => query.key === undefined || row.key === query.key).sort((a, b) => a.completedAt.localeCompare(b.completedAt));
        return { body: { key: query.key ?? null, pairs: chosen.map(({ pair: _pair, key: _key, label: _label, ...row }) => row) } };
      },
    }),
    route({
      method: "get",
      path: "/api/moderation/agreement.csv",
      tag: "Moderation",
      summary: "The same agreement figures as a CSV file",
      query: AgreementQuery,
      responses: { 200: "text/csv" },
      async handle({ viewer, query }) {
        const agreement = await agreementFor(store, viewer, query);
        const period = [query.from, query.to].filter(Boolean).join("-to-") || "all-time";
        return {
          body: null,
          download: { contentType: "text/csv; charset=utf-8", filename: `moderation-agreement-${period}${query.by ? `-by-${query.by}` : ""}.csv`, text: agreementCsv(agreement) },
        };
      },
    }),
  ];
}
