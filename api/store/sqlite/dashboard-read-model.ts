// The QA dashboard's figures from the embedded store, counted by SQLite
// itself: a few GROUP BY queries over the audits in scope instead of
// reading every audit into memory. Same answers as the generic read model in
// api/services/dashboard.ts (tests/tab-dashboard.test.ts compares
// them). Opens its own read-only connection per request, so it never waits
// behind the store's writes (WAL) and holds nothing open between requests.
import Database from "better-sqlite3";
import { overdueActionsWhere, type DashboardAnswer, type DashboardReadModel, type DashboardRequest } from "../dashboard-read-model.js";
import type { GradeCount } from "../../domain/dashboard-figures.js";
import type { RecordKind } from "../../domain/records/index.js";
import type { FieldCondition } from "../port.js";
import { assertQueryable } from "../queryable-fields.js";
import { conditionSql, type SqlValue } from "./query-sql.js";


const submittedStatuses = ["submitted", "in_moderation", "completed"];
// Statuses that are never overdue (as in domain/dashboard-figures.ts).
const finishedStatuses = ["submitted", "in_moderation", "completed", "cancelled"];

function field(alias: string, name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`Not a field name: ${name}`);
  return `json_extract(${alias}.body, '$.${name}')`;
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

function allOf(kind: RecordKind, alias: string, conditions: Record<string, FieldCondition>, params: SqlValue[]): string {
  const parts = Object.entries(conditions).map(([name, condition]) => {
    assertQueryable(kind, name, condition);
    return conditionSql(field(alias, name), condition, params, name);
  });
  return parts.length > 0 ? parts.join(" AND ") : "1";
}

/** `alias.kind = kind` and in any one of the scopes and all of the filters. */
function scopedSql(kind: RecordKind, alias: string, scopes: Record<string, FieldCondition>[], where: Record<string, FieldCondition>, params: SqlValue[]): string {
  const anyScope = scopes.length > 0 ? scopes.map((scope) => `(${allOf(kind, alias, scope, params)})`).join(" OR ") : "0";
  return `${alias}.kind = '${kind}' AND (${anyScope}) AND ${allOf(kind, alias, where, params)}`;
}

/** The audits the request is about, as SQL over the records table aliased `a`. */
function auditsSql(request: DashboardRequest, params: SqlValue[]): string {
  const parts = [scopedSql("audit", "a", request.auditScopes, request.auditWhere, params)];
  if (request.theme) {
    parts.push(`json_extract(a.body, '$.theme') = ?`);
    params.push(request.theme);
  }
  if (request.from || request.to) {
    // Submitted in the period, or not submitted at all (as inDashboardPeriod).
    const day = `substr(json_extract(a.body, '$.submittedAt'), 1, 10)`;
    const inPeriod: string[] = [];
    if (request.from) {
      inPeriod.push(`${day} >= ?`);
      params.push(request.from);
    }
    if (request.to) {
      inPeriod.push(`${day} <= ?`);
      params.push(request.to);
    }
    params.push(...submittedStatuses);
    parts.push(
      `((json_extract(a.body, '$.submittedAt') IS NOT NULL AND ${inPeriod.join(" AND ")}) OR ` +
        `(json_extract(a.body, '$.submittedAt') IS NULL AND json_extract(a.body, '$.status') NOT IN (${placeholders(submittedStatuses)})))`,
    );
  }
  return parts.join(" AND ");
}

// A parallel audit submitted before its partner is sealed (as awaitingParallelPartner in the domain): no grades counted.
const sealedOr = (value: string) =>
  `CASE WHEN json_extract(a.body, '$.parallelWithAuditId') IS NOT NULL AND json_extract(a.body, '$.status') = 'submitted' THEN NULL ELSE ${value} END`;

interface CountRow {
  part: "audits" | "sections";
  status: string;
  type: string;
  grade: string | null;
  month: string | null;
  overdue: number;
  sectionKey: string | null;
  count: number;
}


function tally(entries: Map<string, number>): { key: string; count: number }[] {
  return [...entries].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export class SqliteDashboardReadModel implements DashboardReadModel {
  constructor(private readonly path: string) {}

  async figures(request: DashboardRequest): Promise<DashboardAnswer> {
    const db = new Database(this.path, { readonly: true, fileMustExist: true });
    try {
      return this.count(db, request);
    } finally {
      db.close();
    }
  }

  private count(db: Database.Database, request: DashboardRequest): DashboardAnswer {
    // One pass over the audits (reading each audit's JSON once): how many of each status, type,
    // grade and month, how many overdue, and the section grades of the graded ones.
    const params: SqlValue[] = [];
    const where = auditsSql(request, params);
    params.push(request.today, ...finishedStatuses);
    const rows = db
      .prepare(
        `WITH audit AS MATERIALIZED (
           SELECT json_extract(a.body, '$.status') AS status, json_extract(a.body, '$.type') AS type,
                  ${sealedOr("json_extract(a.body, '$.overallGrade')")} AS grade, substr(json_extract(a.body, '$.submittedAt'), 1, 7) AS month,
                  json_extract(a.body, '$.dueDate') AS dueDate, ${sealedOr("json_extract(a.body, '$.sectionGrades')")} AS sectionGrades
           FROM records AS a WHERE ${where})
         SELECT 'audits' AS part, status, type, grade, month,
                coalesce(dueDate < ? AND status NOT IN (${placeholders(finishedStatuses)}), 0) AS overdue, NULL AS sectionKey, count(*) AS count
         FROM audit GROUP BY 2, 3, 4, 5, 6
         UNION ALL
         SELECT 'sections', NULL, NULL, json_extract(section.value, '$.grade'), NULL, 0, json_extract(section.value, '$.sectionKey'), count(*)
         FROM audit, json_each(audit.sectionGrades) AS section
         WHERE audit.grade IS NOT NULL AND audit.month IS NOT NULL
         GROUP BY 4, 7`,
      )
      .all(...params) as CountRow[];
    const groups = rows.filter((row) => row.part === "audits");
    const sectionRows = rows.filter((row) => row.part === "sections");

    // Finished moderations of those audits.
    const moderationParams: SqlValue[] = [];
    const moderationWhere = auditsSql(request, moderationParams);
    const moderation = db
      .prepare(
        `SELECT count(*) AS moderated, coalesce(sum(json_extract(m.body, '$.outcome') = 'agreed'), 0) AS agreed
         FROM records AS m JOIN records AS a ON a.kind = 'audit' AND a.id = json_extract(m.body, '$.auditId')
         WHERE m.kind = 'moderation' AND json_extract(m.body, '$.status') = 'completed' AND ${moderationWhere}`,
      )
      .get(...moderationParams) as { moderated: number; agreed: number };

    // Open actions past their due date, in the viewer's view (and the team or service asked for).
    const actionParams: SqlValue[] = [];
    const actionWhere = overdueActionsWhere(request);
    const { overdueActions } = db
      .prepare(`SELECT count(*) AS overdueActions FROM records AS a WHERE ${scopedSql("action", "a", request.actionScopes, actionWhere, actionParams)}`)
      .get(...actionParams) as { overdueActions: number };

    const gradeCounts = (counts: Map<string, number>): GradeCount[] =>
      request.grades.map((grade) => ({ grade: grade.key, label: grade.label, count: counts.get(grade.key) ?? 0 }));
    const add = (counts: Map<string, number>, key: string, count: number) => counts.set(key, (counts.get(key) ?? 0) + count);

    let audits = 0;
    let graded = 0;
    let overdueAudits = 0;
    const overall = new Map<string, number>();
    const byMonth = new Map<string, Map<string, number>>();
    const byStatus = new Map<string, number>();
    const byType = new Map<string, number>();
    for (const row of groups) {
      audits += row.count;
      if (row.overdue) overdueAudits += row.count;
      add(byStatus, row.status, row.count);
      add(byType, row.type, row.count);
      if (row.grade === null || row.month === null) continue;
      graded += row.count;
      add(overall, row.grade, row.count);
      const month = byMonth.get(row.month) ?? new Map<string, number>();
      add(month, row.grade, row.count);
      byMonth.set(row.month, month);
    }
    const bySection = new Map<string, Map<string, number>>();
    for (const row of sectionRows) {
      if (row.sectionKey === null || row.grade === null) continue;
      const section = bySection.get(row.sectionKey) ?? new Map<string, number>();
      add(section, row.grade, row.count);
      bySection.set(row.sectionKey, section);
    }
    return {
      audits,
      graded,
      grades: gradeCounts(overall),
      sections: request.sections.map((section) => ({ sectionKey: section.key, title: section.title, grades: gradeCounts(bySection.get(section.key) ?? new Map()) })),
      trend: [...byMonth.keys()].sort().map((month) => ({ month, grades: gradeCounts(byMonth.get(month)!) })),
      byStatus: tally(byStatus).map(({ key, count }) => ({ status: key, count })),
      byType: tally(byType).map(({ key, count }) => ({ type: key, count })),
      overdueAudits,
      overdueActions,
      moderation: {
        moderated: moderation.moderated,
        agreed: moderation.agreed,
        // Below five, a percentage says more than the numbers do (as in domain/dashboard-figures.ts).
        agreementPercent: moderation.moderated >= 5 ? Math.round((moderation.agreed / moderation.moderated) * 100) : null,
      },
    };
  }
}
