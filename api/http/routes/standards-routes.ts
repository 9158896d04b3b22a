// The practice standards library and audit tool editor: a tool's questions
// link to the standards they test; a tool already used by audits is revised
// as a new version, never changed under them; and each standard shows how
// audits have graded practice against it over time.
import { awaitingParallelPartner } from "../../domain/parallel-audit.js";
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { AuditSection, AuditType, ReflectivePrompt } from "../../domain/records/audit-tool.js";
import { auditFilters, canEditLibrary, type Viewer } from "../../auth/viewer.js";
import type { Store } from "../../store/port.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";
import { pageWithinScope } from "./paging.js";
import { allRecords, collectPages } from "../../store/all-records.js";

const ToolBody = z.object({
  name: z.string().trim().min(1, "Give the tool a name").max(200),
  auditTypes: z.array(AuditType).min(1, "Say which audit types this tool is for"),
  gradeScaleId: z.string().min(1).max(100),
  sections: z.array(AuditSection).min(1, "An audit tool needs at least one section").max(50),
  reflectivePrompts: z.array(ReflectivePrompt).max(20).default([]),
});

function requireEditor(viewer: Viewer): void {
  if (!canEditLibrary(viewer)) throw new DomainError("forbidden", "Only the QA lead or the principal social worker can change the practice library.");
}

async function checkLinks(store: Store, tool: z.infer<typeof ToolBody>): Promise<void> {
  if (!(await store.get("gradeScale", tool.gradeScaleId))) throw new DomainError("invalid_record", `There is no grade scale with id ${tool.gradeScaleId}.`, { field: "gradeScaleId" });
  for (const standardId of new Set(tool.sections.flatMap((section) => section.questions.flatMap((question) => question.standardIds ?? [])))) {
    if (!(await store.get("practiceStandard", standardId))) {
      throw new DomainError("invalid_record", `A question links to practice standard ${standardId}, which does not exist.`, { field: "sections" });
    }
  }
}

async function isInUse(store: Store, toolId: string): Promise<boolean> {
  // Any audit at all: even a planned one was set up against this wording.
  return (await store.query("audit", { where: { toolId }, limit: 1 })).records.length > 0;
}

export function standardsRoutes({ store }: ApiServices): Route[] {
  return [
    route({
      method: "post",
      path: "/api/audit-tools",
      tag: "Library",
      summary: "Create an audit tool (QA lead or PSW)",
      body: ToolBody,
      responses: { 201: "The new tool" },
      async handle({ viewer, body }) {
        requireEditor(viewer);
        await checkLinks(store, body);
        const tool = await store.create("auditTool", body, viewer.person);
        return { status: 201, body: tool, etag: tool.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/audit-tools/:toolId/revisions",
      tag: "Library",
      summary: "Revise a tool: in place if no audit uses it, otherwise as a new version",
      params: z.object({ toolId: z.string().min(1).max(100) }),
      body: ToolBody,
      requiresIfMatch: true,
      responses: { 200: "Revised in place", 201: "A new version (the old one stays with its audits)" },
      async handle({ viewer, params, body, ifMatch }) {
        requireEditor(viewer);
        await checkLinks(store, body);
        const current = await store.get("auditTool", params.toolId);
        if (!current) throw new DomainError("not_found", `There is no audit tool with id ${params.toolId}.`);
        if (current.supersededById) throw new DomainError("illegal_transition", "This is an old version of the tool: revise the newest one.", { supersededById: current.supersededById });
        if (current.etag !== ifMatch) throw new DomainError("conflict", "Someone else changed this tool after you opened it. Reload it, then try again.");
        if (!(await isInUse(store, current.id))) {
          const revised = await store.update("auditTool", current.id, body, ifMatch, viewer.person);
          return { body: revised, etag: revised.etag };
        }
        const next = await store.transaction(async (tx) => {
          const created = await tx.create("auditTool", { ...body, version: current.version + 1, previousVersionId: current.id }, viewer.person);
          await tx.update("auditTool", current.id, { supersededById: created.id }, current.etag, viewer.person);
          return created;
        });
        return { status: 201, body: next, etag: next.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/practice-standards/:standardId/grades",
      tag: "Library",
      summary: "How audits you can see have graded practice against a standard, month by month",
      params: z.object({ standardId: z.string().min(1).max(100) }),
      responses: { 200: "Grades per month for the sections that test this standard" },
      async handle({ viewer, params }) {
        const standard = await store.get("practiceStandard", params.standardId);
        if (!standard) throw new DomainError("not_found", `There is no practice standard with id ${params.standardId}.`);
        const sectionsTesting = new Map(
          (await allRecords(store, "auditTool")).map((tool) => [
            tool.id,
            new Set(tool.sections.filter((section) => section.questions.some((question) => question.standardIds.includes(standard.id))).map((section) => section.key)),
          ]),
        );
        const counts = new Map<string, Map<string, number>>();
        const submitted = await collectPages((cursor) =>
          pageWithinScope(store, "audit", auditFilters(viewer), { submittedAt: { gte: "0000" } }, "submittedAt", { limit: 200, cursor }),
        );
        for (const audit of submitted) {
          const month = audit.submittedAt?.slice(0, 7);
          const sections = sectionsTesting.get(audit.toolId);
          if (!month || !sections || awaitingParallelPartner(audit)) continue; // a sealed parallel audit's grades are not counted yet
          for (const grade of audit.sectionGrades.filter((sectionGrade) => sections.has(sectionGrade.sectionKey))) {
            const byGrade = counts.get(month) ?? new Map<string, number>();
            byGrade.set(grade.grade, (byGrade.get(grade.grade) ?? 0) + 1);
            counts.set(month, byGrade);
          }
        }
        const months = [...counts.keys()].sort().map((month) => ({ month, grades: Object.fromEntries(counts.get(month)!) }));
        return { body: { standard, months } };
      },
    }),
  ];
}
