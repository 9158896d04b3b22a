// The QA dashboard (#/dashboard): its pure helpers (filters in the address,
// period presets, drill-down links), the SQLite read model against the
// generic one, and the page in Debian Chromium against the real server:
// headline numbers against GET /api/dashboard, a chart's table, a filter
// kept in the address across a reload, drill-down from the "Good" bar (by
// keyboard) and from a table cell to the audit list, axe-core (WCAG 2.2 AA:
// no serious or critical violations) in light and dark, and 320 px wide.
// Screenshots go to test-output/screenshots/.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { auditFilters, actionFilters, type Viewer } from "../api/auth/viewer.js";
import { storeDashboardReadModel } from "../api/services/dashboard.js";
import type { DashboardAnswer, DashboardRequest } from "../api/store/dashboard-read-model.js";
import { ofstedGradeScale } from "../api/domain/records/grade-scale.js";
import { demoAuditTool, demoCases, demoTeams } from "../api/seed/demo-authority.js";
import { seedDemoAuthority } from "../api/seed/seed-demo.js";
import type { Store } from "../api/store/port.js";
import { SqliteDashboardReadModel } from "../api/store/sqlite/dashboard-read-model.js";
import { SqliteStore } from "../api/store/sqlite/sqlite-store.js";
import {
  filterQueryString,
  filtersFromQuery,
  monthRange,
  periodChoice,
  periodLabel,
  periodPresets,
  periodProblem,
  queryFromFilters,
} from "../tab/src/dashboard/dashboard-filters.js";
import { auditListHash, drillDownQuery } from "../tab/src/dashboard/drill-down.js";
import { expectAccessible, screenshot, useTabBrowser } from "./support/tab-page.js";

// Browser globals used by the functions this file runs in the page (the
// tests are type-checked without the DOM library).
declare const window: { location: { hash: string } };
declare const document: {
  documentElement: { scrollWidth: number };
};

// --- pure helpers ------------------------------------------------------------

describe("dashboard filters in the address", () => {
  it("reads the filters it knows, drops values that cannot be right, and writes them back in a fixed order", () => {
    const query = new URLSearchParams("teamId=team-a&serviceId=service-b&type=thematic&theme=%20Neglect%20&from=2026-10-01&to=2026-12-31&extra=1");
    const filters = filtersFromQuery(query);
    expect(filters).toEqual({ serviceId: "service-b", teamId: "team-a", type: "thematic", theme: "Neglect", from: "2026-10-01", to: "2026-12-31" });
    expect(filterQueryString(filters)).toBe("serviceId=service-b&teamId=team-a&type=thematic&theme=Neglect&from=2026-10-01&to=2026-12-31");
    expect(filtersFromQuery(new URLSearchParams(filterQueryString(filters)))).toEqual(filters);

    expect(filtersFromQuery(new URLSearchParams("type=bogus&from=2026-02-30&to=yesterday&theme=%20%20"))).toEqual({});
    expect(queryFromFilters({ teamId: "t", theme: "  " })).toEqual({ serviceId: undefined, teamId: "t", type: undefined, theme: undefined, from: undefined, to: undefined });
    expect(periodProblem({ from: "2026-12-01", to: "2026-11-30" })).toBe("The period must end on or after it starts.");
    expect(periodProblem({ from: "2026-12-01", to: "2026-12-01" })).toBeUndefined();
  });

  it("offers period presets with their dates, and knows which one the address holds", () => {
    const presets = Object.fromEntries(periodPresets("2026-11-26").map((preset) => [preset.id, [preset.from, preset.to]]));
    expect(presets).toEqual({
      "last-3-months": ["2026-09-01", "2026-11-26"],
      "last-6-months": ["2026-06-01", "2026-11-26"],
      "last-12-months": ["2025-12-01", "2026-11-26"],
      "this-quarter": ["2026-10-01", "2026-12-31"],
      "last-quarter": ["2026-07-01", "2026-09-30"],
      "this-financial-year": ["2026-04-01", "2027-03-31"],
      "last-financial-year": ["2025-04-01", "2026-03-31"],
    });
    // Early in the year: the financial year began last April; last quarter was last year's.
    const february = Object.fromEntries(periodPresets("2027-02-10").map((preset) => [preset.id, [preset.from, preset.to]]));
    expect(february["this-financial-year"]).toEqual(["2026-04-01", "2027-03-31"]);
    expect(february["last-quarter"]).toEqual(["2026-10-01", "2026-12-31"]);
    expect(february["last-3-months"]).toEqual(["2026-12-01", "2027-02-10"]);

    expect(periodChoice({}, "2026-11-26")).toBe("all");
    expect(periodChoice({ from: "2026-10-01", to: "2026-12-31" }, "2026-11-26")).toBe("this-quarter");
    expect(periodChoice({ from: "2026-10-02", to: "2026-12-31" }, "2026-11-26")).toBe("custom");
    expect(periodLabel({ from: "2026-10-01", to: "2026-12-31" })).toBe("1 October 2026 to 31 December 2026");
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});

describe("dashboard drill-down links", () => {
  const scope = { serviceId: "service-cin-cp", type: "regular" as const };

  it("leads from a grade, a month, a status and overdue work to the audit list showing exactly those audits", () => {
    expect(drillDownQuery(scope, { kind: "grade", grade: "good" })).toEqual({
      serviceId: "service-cin-cp",
      teamId: undefined,
      type: "regular",
      theme: undefined,
      overallGrade: "good",
      status: ["submitted", "in_moderation", "completed"],
    });
    expect(auditListHash(drillDownQuery(scope, { kind: "grade", grade: "good" })!)).toBe(
      "#/audits?serviceId=service-cin-cp&type=regular&overallGrade=good&status=submitted&status=in_moderation&status=completed",
    );
    // With a period, submission dates stand in for the statuses; a month is cut to the period.
    const period = { ...scope, from: "2026-10-15", to: "2026-12-31" };
    expect(auditListHash(drillDownQuery(period, { kind: "grade", grade: "good" })!)).toBe(
      "#/audits?serviceId=service-cin-cp&type=regular&overallGrade=good&submittedFrom=2026-10-15&submittedTo=2026-12-31",
    );
    expect(drillDownQuery(period, { kind: "month", month: "2026-10", grade: "inadequate" })).toMatchObject({ submittedFrom: "2026-10-15", submittedTo: "2026-10-31", overallGrade: "inadequate" });
    // Open work counts whatever the period, so its link has no dates.
    expect(auditListHash(drillDownQuery(period, { kind: "status", status: "assigned" })!)).toBe("#/audits?serviceId=service-cin-cp&type=regular&status=assigned");
    expect(auditListHash(drillDownQuery(period, { kind: "status", status: "completed" })!)).toBe(
      "#/audits?serviceId=service-cin-cp&type=regular&status=completed&submittedFrom=2026-10-15&submittedTo=2026-12-31",
    );
    expect(auditListHash(drillDownQuery({}, { kind: "overdue", today: "2026-11-26" })!)).toBe(
      "#/audits?status=planned&status=assigned&status=reflection_requested&status=in_progress&status=declined&dueBefore=2026-11-25",
    );
  });

  it("gives no link where the list could not show the same audits", () => {
    const period = { from: "2026-10-01" };
    expect(drillDownQuery(period, { kind: "all" })).toBeUndefined();
    expect(drillDownQuery(period, { kind: "type", type: "thematic" })).toBeUndefined();
    expect(drillDownQuery({ type: "regular" }, { kind: "type", type: "thematic" })).toBeUndefined();
    expect(drillDownQuery({}, { kind: "type", type: "thematic" })).toMatchObject({ type: "thematic" });
    expect(drillDownQuery({}, { kind: "all" })).toBeDefined();
  });
});

// --- test data: the demo authority and 60 more audits ------------------------

const today = new Date().toISOString().slice(0, 10);
const monthsAgo = (months: number, day: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 10)).toISOString();
};
const grades = ["outstanding", "good", "requires_improvement", "inadequate"] as const;

/** 60 audits over three teams, four months, every grade and several statuses; some moderated, a few overdue. */
async function addAudits(store: Store): Promise<void> {
  const actor = { id: "system:test" };
  const serviceOf = Object.fromEntries(demoTeams.map(({ id, record }) => [id, record.serviceId]));
  await store.transaction(async (tx) => {
    for (let index = 0; index < 60; index += 1) {
      const caseRecord = demoCases[index % demoCases.length]!;
      const teamId = caseRecord.record.teamId!;
      const status = (["completed", "completed", "in_moderation", "submitted", "assigned", "in_progress"] as const)[index % 6]!;
      const graded = status === "completed" || status === "in_moderation" || status === "submitted";
      const grade = grades[(index + Math.floor(index / 6)) % 4]!;
      const audit = await tx.create(
        "audit",
        {
          type: index % 5 === 0 ? "thematic" : "regular",
          toolId: demoAuditTool.id,
          caseId: caseRecord.id,
          teamId,
          serviceId: serviceOf[teamId],
          theme: index % 5 === 0 ? "Neglect" : undefined,
          status,
          auditorId: "person-psw",
          dueDate: graded ? undefined : index % 4 === 0 ? "2020-01-15" : "2099-01-15",
          sectionGrades: graded ? demoAuditTool.record.sections.map((section, offset) => ({ sectionKey: section.key, grade: grades[(index + offset) % 4]! })) : [],
          overallGrade: graded ? grade : undefined,
          submittedAt: graded ? monthsAgo(index % 4, 1 + (index % 20)) : undefined,
        },
        actor,
      );
      if (graded && index % 3 === 0) {
        await tx.create(
          "moderation",
          {
            auditId: audit.id,
            moderatorId: "person-qa-lead",
            status: "completed",
            grades: [{ sectionKey: "overall", auditorGrade: grade, moderatorGrade: grade }],
            outcome: index % 2 === 0 ? "agreed" : "regraded",
            rationale: index % 2 === 0 ? undefined : "The plan was not reviewed on time.",
          },
          actor,
        );
      }
    }
  });
}

// --- the two read models agree ----------------------------------------------

describe("the SQLite dashboard read model", () => {
  it("counts what the generic read model counts, for every kind of viewer and filter", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "golden-thread-dashboard-"));
    const file = path.join(folder, "store.sqlite");
    const store = new SqliteStore({ path: file });
    try {
      await seedDemoAuthority(store);
      await addAudits(store);
      const viewerOf = async (personId: string): Promise<Viewer> => {
        const person = (await store.get("person", personId))!;
        const serviceTeamIds = person.serviceId ? (await store.query("team", { where: { serviceId: person.serviceId } })).records.map((team) => team.id) : [];
        return { person, roles: person.roles, signIn: "local", serviceTeamIds };
      };
      const generic = storeDashboardReadModel(store);
      const sqlite = new SqliteDashboardReadModel(file);
      const normalised = (answer: DashboardAnswer) => ({
        ...answer,
        byStatus: [...answer.byStatus].sort((a, b) => a.status.localeCompare(b.status)),
        byType: [...answer.byType].sort((a, b) => a.type.localeCompare(b.type)),
      });
      const threeMonthsAgo = monthsAgo(2, 1).slice(0, 10);
      for (const personId of ["person-qa-lead", "person-hos", "person-tm-assessment", "person-sw-chloe"]) {
        const viewer = await viewerOf(personId);
        const requests: Partial<DashboardRequest>[] = [
          {},
          { auditWhere: { teamId: "team-assessment" }, actionTeamIds: ["team-assessment"] },
          { auditWhere: { serviceId: "service-cin-cp" }, actionTeamIds: ["team-child-protection"] },
          { auditWhere: { type: "thematic" }, theme: "Neglect" },
          { from: threeMonthsAgo, to: today },
          { auditWhere: { type: "regular" }, from: threeMonthsAgo },
        ];
        for (const request of requests) {
          const full: DashboardRequest = {
            auditScopes: auditFilters(viewer),
            auditWhere: {},
            actionScopes: actionFilters(viewer),
            grades: ofstedGradeScale.grades,
            sections: demoAuditTool.record.sections,
            today,
            ...request,
          };
          const expected = normalised(await generic.figures(full));
          expect(normalised(await sqlite.figures(full)), `${personId} ${JSON.stringify(request)}`).toEqual(expected);
        }
      }
      const all = await sqlite.figures({
        auditScopes: [{}],
        auditWhere: {},
        actionScopes: [{}],
        grades: ofstedGradeScale.grades,
        sections: demoAuditTool.record.sections,
        today,
      });
      // The data above covers what the page shows: every grade, several months, overdue work, moderation.
      expect(all.grades.every((grade) => grade.count > 0)).toBe(true);
      expect(all.trend.length).toBeGreaterThanOrEqual(4);
      expect(all.overdueAudits).toBeGreaterThan(0);
      expect(all.overdueActions).toBe(1);
      expect(all.moderation.agreementPercent).not.toBeNull();
    } finally {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

// --- the page in a browser ---------------------------------------------------

interface Figures {
  audits: number;
  graded: number;
  grades: { grade: string; label: string; count: number }[];
  overdueAudits: number;
  overdueActions: number;
  moderation: { moderated: number; agreed: number; agreementPercent: number | null };
}

describe("the QA dashboard page", () => {
  const { newPage, api } = useTabBrowser({ seed: (app) => addAudits(app.store) });

  async function apiGet<T>(apiPath: string): Promise<T> {
    const response = await api<T>("person-qa-lead", "GET", apiPath);
    expect(response.status, apiPath).toBe(200);
    return response.body;
  }

  /**
   * Tabster's focus sentinels (<i data-tabster-dummy tabindex="0" aria-hidden="true">, used by the
   * charts' arrow-key groups) pass focus on at once and are hidden from screen readers on purpose;
   * axe's aria-hidden-focus flags them, a known false positive (microsoft/tabster#288; Accessibility
   * Insights suppresses it, microsoft/accessibility-insights-web#7605). Everything else is checked.
   */
  const expectChartsAccessible = (page: Page, what: string) => expectAccessible(page, what, { exclude: ["[data-tabster-dummy]"] });

  async function signInAsPriya(page: Page): Promise<void> {
    await page.goto("/tab/#/dashboard");
    await page.getByRole("radio", { name: /^Priya Shah/ }).check();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Signed in as Priya Shah").waitFor();
  }

  /** The headline cards' values by label, once the figures for the current filters have loaded. */
  async function headlines(page: Page): Promise<Record<string, string>> {
    const list = page.getByRole("region", { name: "Headlines" }).getByRole("listitem");
    await list.first().waitFor();
    await page.getByText(/Loading the dashboard|Updating the dashboard/).waitFor({ state: "detached" });
    const values: Record<string, string> = {};
    for (const item of await list.all()) {
      const [label, value] = await item.locator("span").allTextContents();
      values[label!] = value!;
    }
    return values;
  }

  const panel = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

  it("shows the headline numbers and a chart's table, keeps a filter in the address, and drills down to the audits", async () => {
    const page = await newPage();
    try {
      await signInAsPriya(page);
      await page.getByRole("heading", { level: 2, name: "QA dashboard" }).waitFor();

      // Headline numbers, as the API gives them.
      const figures = await apiGet<Figures>("/api/dashboard");
      expect(figures.audits).toBeGreaterThan(60);
      const shown = await headlines(page);
      expect(shown).toEqual({
        Audits: figures.audits.toLocaleString("en-GB"),
        Graded: figures.graded.toLocaleString("en-GB"),
        "Overdue audits": String(figures.overdueAudits),
        "Overdue actions": String(figures.overdueActions),
        "Moderation agreement": `${figures.moderation.agreed} of ${figures.moderation.moderated} agreed (${figures.moderation.agreementPercent}%)`,
      });
      const headlineRegion = page.getByRole("region", { name: "Headlines" });
      await expect(headlineRegion.getByRole("link", { name: /^Graded/ }).getAttribute("href")).resolves.toBe(
        "#/audits?status=submitted&status=in_moderation&status=completed",
      );
      await page.waitForTimeout(500); // the charts draw after their container is measured
      await expectChartsAccessible(page, "the dashboard (charts)");
      await screenshot(page, "dashboard");

      // The overall grades as a table: the numbers behind the chart.
      const overall = panel(page, "Overall grades");
      await overall.getByRole("button", { name: "Show as table" }).click();
      const table = overall.getByRole("table", { name: /^Overall grades of/ });
      await table.waitFor();
      for (const grade of figures.grades) {
        const row = table.getByRole("row", { name: new RegExp(`^${grade.label} `) });
        await expect(row.getByRole("cell").first().textContent()).resolves.toBe(`${grade.count} (${Math.round((grade.count / figures.graded) * 100)}%)`);
      }
      for (const title of ["Grades by section", "Grades by month", "Audits by status", "Audits by type"]) {
        await panel(page, title).getByRole("button", { name: "Show as table" }).click();
      }
      await expectChartsAccessible(page, "the dashboard (tables)");
      await screenshot(page, "dashboard-tables");

      // A filter goes into the address, and a reload keeps it.
      await page.getByRole("combobox", { name: "Service" }).selectOption({ label: "Front door and assessment" });
      await page.waitForFunction(() => window.location.hash.includes("serviceId=service-front-door"));
      const serviceFigures = await apiGet<Figures>("/api/dashboard?serviceId=service-front-door");
      expect(serviceFigures.audits).toBeLessThan(figures.audits);
      await expect.poll(() => headlines(page)).toMatchObject({ Audits: String(serviceFigures.audits), Graded: String(serviceFigures.graded) });
      await page.getByRole("combobox", { name: "Team" }).selectOption({ label: "Assessment team" });
      await page.waitForFunction(() => window.location.hash.includes("teamId=team-assessment"));
      await page.reload();
      await page.getByRole("heading", { level: 2, name: "QA dashboard" }).waitFor();
      expect(new URL(page.url()).hash).toBe("#/dashboard?serviceId=service-front-door&teamId=team-assessment");
      await expect(page.getByRole("combobox", { name: "Team" }).inputValue()).resolves.toBe("team-assessment");
      const teamFigures = await apiGet<Figures>("/api/dashboard?serviceId=service-front-door&teamId=team-assessment");
      await expect.poll(() => headlines(page)).toMatchObject({ Audits: String(teamFigures.audits), Graded: String(teamFigures.graded) });

      // Drill down from the "Good" bar, with the keyboard: the audit list shows the audits behind it.
      const good = teamFigures.grades.find((grade) => grade.grade === "good")!;
      expect(good.count).toBeGreaterThan(0);
      const bar = panel(page, "Overall grades").locator("[role='option'][aria-label^='Good']");
      await page.waitForTimeout(500);
      await bar.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => window.location.hash.startsWith("#/audits?"));
      const listHash = new URL(page.url()).hash;
      expect(listHash).toBe("#/audits?serviceId=service-front-door&teamId=team-assessment&overallGrade=good&status=submitted&status=in_moderation&status=completed");
      await page.getByRole("status").filter({ hasText: /audits?\.$/ }).waitFor();
      await expect(page.getByRole("status").filter({ hasText: /audits?\.$/ }).textContent()).resolves.toBe(`${good.count} ${good.count === 1 ? "audit" : "audits"}.`);
      const listed = await apiGet<{ audits: { overallGrade?: string; teamId?: string }[] }>(`/api/audits${listHash.slice("#/audits".length)}&limit=200`);
      expect(listed.audits).toHaveLength(good.count);
      expect(listed.audits.every((audit) => audit.overallGrade === "good" && audit.teamId === "team-assessment")).toBe(true);
      await screenshot(page, "dashboard-drill-down-good");

      // Back on the dashboard, a number in the month table leads to that month's audits.
      await page.goBack();
      await page.getByRole("heading", { level: 2, name: "QA dashboard" }).waitFor();
      await panel(page, "Grades by month").getByRole("button", { name: "Show as table" }).click();
      const monthTable = panel(page, "Grades by month").getByRole("table");
      const firstMonth = monthTable.getByRole("row").nth(1);
      const monthName = (await firstMonth.getByRole("rowheader").textContent())!;
      const monthLink = firstMonth.getByRole("link").last(); // the month's graded total
      const monthCount = Number(await monthLink.textContent());
      await monthLink.click();
      await page.getByRole("heading", { level: 2, name: new RegExp(`submitted in ${monthName}`) }).waitFor();
      await expect(page.getByRole("status").filter({ hasText: /audits?\.$/ }).textContent()).resolves.toBe(`${monthCount} ${monthCount === 1 ? "audit" : "audits"}.`);
    } finally {
      await page.close();
    }
  });

  it("works in the dark theme and at 320 px wide", async () => {
    const page = await newPage();
    try {
      await page.emulateMedia({ colorScheme: "dark" });
      await signInAsPriya(page);
      await page.getByRole("heading", { level: 2, name: "QA dashboard" }).waitFor();
      await headlines(page);
      await page.getByRole("combobox", { name: "Period submitted" }).selectOption({ label: "Last 3 months" });
      await page.waitForFunction(() => /from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/.test(window.location.hash));
      await headlines(page);
      // With a period, "Audits" mixes submitted and open audits: no single list shows them, so it is not a link.
      await expect(page.getByRole("region", { name: "Headlines" }).getByRole("link", { name: /^Audits/ }).count()).resolves.toBe(0);
      await page.waitForTimeout(500);
      await expectChartsAccessible(page, "the dashboard in the dark theme");
      await screenshot(page, "dashboard-dark");

      await page.setViewportSize({ width: 320, height: 800 });
      await page.waitForTimeout(500);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, "the dashboard at 320 px wide").toBeLessThanOrEqual(320);
      await screenshot(page, "dashboard-dark-320px");
    } finally {
      await page.close();
    }
  });
});
