// The QA dashboard: figures for the audits the viewer can see, filtered by
// service, team, audit type, theme and period (submitted between from and to).
//
// The figures come from the DashboardReadModel the app gives it: SQL
// aggregation on the embedded store (store/sqlite/dashboard-read-model.ts),
// or the generic one (services/dashboard.ts) on any other store.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { AuditType } from "../../domain/records/audit-tool.js";
import { isoDate } from "../../domain/records/common.js";
import { actionFilters, auditFilters } from "../../auth/viewer.js";
import type { DashboardReadModel } from "../../store/dashboard-read-model.js";
import type { FieldCondition } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

export const DashboardQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    serviceId: z.string().max(100).optional(),
    teamId: z.string().max(100).optional(),
    type: AuditType.optional(),
    theme: z.string().max(200).optional(),
    toolId: z.string().max(100).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], message: "The period must end on or after it starts" });

export function dashboardRoutes({ store, now }: ApiServices, readModel: DashboardReadModel): Route[] {
  return [
    route({
      method: "get",
      path: "/api/dashboard",
      tag: "Dashboard",
      summary: "QA dashboard figures for the audits you can see",
      query: DashboardQuery,
      responses: { 200: "Grade distribution, trend, statuses, overdue work and moderation agreement" },
      async handle({ viewer, query }) {
        const auditWhere: Record<string, FieldCondition> = {};
        if (query.serviceId) auditWhere.serviceId = query.serviceId;
        if (query.teamId) auditWhere.teamId = query.teamId;
        if (query.type) auditWhere.type = query.type;
        if (query.toolId) auditWhere.toolId = query.toolId;
        // Section figures need one tool's sections: the one asked for, or the authority's first.
        const tool = query.toolId ? await store.get("auditTool", query.toolId) : (await store.query("auditTool", { limit: 1 })).records[0];
        if (query.toolId && !tool) throw new DomainError("invalid_query", `There is no audit tool with id ${query.toolId}.`);
        const scale = tool ? await store.get("gradeScale", tool.gradeScaleId) : undefined;
        // Actions belong to a team, not a service: a service filter means its teams.
        const actionTeamIds = query.teamId
          ? [query.teamId]
          : query.serviceId
            ? (await store.query("team", { where: { serviceId: query.serviceId }, limit: 500 })).records.map((team) => team.id)
            : undefined;
        const figures = await readModel.figures({
          auditScopes: auditFilters(viewer),
          auditWhere,
          theme: query.theme,
          from: query.from,
          to: query.to,
          actionScopes: actionFilters(viewer),
          actionTeamIds,
          grades: scale?.grades ?? [],
          sections: tool?.sections ?? [],
          today: now().toISOString().slice(0, 10),
        });
        return { body: { ...figures, filters: query } };
      },
    }),
  ];
}
