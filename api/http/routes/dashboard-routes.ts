// The QA dashboard: figures for the audits the viewer can see, filtered by
// service, team, audit type, theme and period (submitted between from and to).
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { dashboardFigures } from "../../domain/dashboard-figures.js";
import { AuditType } from "../../domain/records/audit-tool.js";
import { isoDate } from "../../domain/records/common.js";
import { actionFilters, auditFilters } from "../../auth/viewer.js";
import type { FieldCondition, Saved } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";
import { pageWithinScope } from "./paging.js";

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

export function dashboardRoutes({ store, now }: ApiServices): Route[] {
  return [
    route({
      method: "get",
      path: "/api/dashboard",
      tag: "Dashboard",
      summary: "QA dashboard figures for the audits you can see",
      query: DashboardQuery,
      responses: { 200: "Grade distribution, trend, statuses, overdue work and moderation agreement" },
      async handle({ viewer, query }) {
        const filters: Record<string, FieldCondition> = {};
        if (query.serviceId) filters.serviceId = query.serviceId;
        if (query.teamId) filters.teamId = query.teamId;
        if (query.type) filters.type = query.type;
        const audits: Saved<"audit">[] = [];
        let cursor: string | undefined;
        do {
          const page = await pageWithinScope(store, "audit", auditFilters(viewer), filters, "dueDate", { limit: 200, cursor });
          audits.push(...page.records);
          cursor = page.nextCursor;
        } while (cursor);
        const inPeriod = audits.filter((audit) => {
          if (query.theme && audit.theme !== query.theme) return false;
          if (query.toolId && audit.toolId !== query.toolId) return false;
          const day = audit.submittedAt?.slice(0, 10);
          if ((query.from || query.to) && !day) return !["submitted", "in_moderation", "completed"].includes(audit.status);
          return (!query.from || day! >= query.from) && (!query.to || day! <= query.to);
        });
        // Section figures need one tool's sections: the one asked for, or the authority's first.
        const tool = query.toolId ? await store.get("auditTool", query.toolId) : (await store.query("auditTool", { limit: 1 })).records[0];
        if (query.toolId && !tool) throw new DomainError("invalid_query", `There is no audit tool with id ${query.toolId}.`);
        const scale = tool ? await store.get("gradeScale", tool.gradeScaleId) : undefined;
        const auditIds = new Set(inPeriod.map((audit) => audit.id));
        const moderations = [];
        let moderationCursor: string | undefined;
        do {
          const page = await store.query("moderation", { limit: 500, cursor: moderationCursor });
          moderations.push(...page.records.filter((moderation) => auditIds.has(moderation.auditId)));
          moderationCursor = page.nextCursor;
        } while (moderationCursor);
        const today = now().toISOString().slice(0, 10);
        const yesterday = new Date(now().getTime() - 86_400_000).toISOString().slice(0, 10);
        const overdueActions = await pageWithinScope(
          store,
          "action",
          actionFilters(viewer),
          { status: { in: ["open", "in_progress"] }, dueDate: { lte: yesterday } },
          "dueDate",
          { limit: 200 },
        );
        return {
          body: {
            ...dashboardFigures({ audits: inPeriod, moderations, grades: scale?.grades ?? [], sections: tool?.sections ?? [], today }),
            overdueActions: overdueActions.records.length,
            filters: query,
          },
        };
      },
    }),
  ];
}
