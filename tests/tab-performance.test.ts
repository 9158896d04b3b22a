// The performance pages in Debian Chromium against the real server, as the
// issue's "done when" says: on the demo data the QA lead imports a month of
// KPI values and sees them against the real DfE comparators for a chosen
// South East authority; a file with a bad row imports nothing and names the
// row; a focused audit proposal is accepted into the audit programmes;
// triangulation for a team (KPIs, audits, moderation, feedback and
// observations); axe-core and 320 px.
import { describe, expect, it } from "vitest";
import { addMonths, monthOf } from "../api/domain/performance/months.js";
import { checkWidths, expectAccessible, go, signIn, useTabBrowser } from "./support/tab-page.js";

declare const window: { location: { hash: string } };

const lastMonth = addMonths(monthOf(new Date()), -1);
const lastMonthLong = new Date(`${lastMonth}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const lastMonthName = new Date(`${lastMonth}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

const { newPage, running } = useTabBrowser();

describe("the performance pages", () => {
  it("the QA lead imports last month's values and sees them against Kent's published figures, region, England and neighbours", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await page.getByRole("navigation", { name: "Golden Thread" }).getByRole("link", { name: "Performance" }).click();
      await page.getByRole("heading", { name: "Re-referrals within 12 months", level: 3 }).waitFor();
      await page.getByText(/Published figures for Hampshire \(E10000014\), the default/).waitFor();

      // Choose Kent from the South East authorities.
      await page.getByRole("combobox", { name: "Our local authority code" }).selectOption({ label: "Kent (E10000016)" });
      await page.getByRole("button", { name: "Use this authority" }).click();
      await page.getByText(/Published figures for Kent \(E10000016\), beside the South East region/).waitFor();

      // Import a bad file first: nothing is imported and the row is named.
      await go(page, "#/performance/import");
      await page.getByRole("heading", { name: "Import KPI values", level: 2 }).waitFor();
      const input = page.getByLabel("CSV file of KPI values");
      await input.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(`kpi_code,month,team,service,value\nREREF-12,${lastMonth},,,19.5\nREREF-12,${lastMonth},Nowhere team,,20\n`) });
      await page.getByRole("button", { name: "Import" }).click();
      await page.getByText("Not imported").waitFor();
      const rejected = page.getByRole("table", { name: /Rows that could not be imported/ });
      await expect(rejected.getByRole("row").filter({ hasText: 'No team is called "Nowhere team"' }).textContent()).resolves.toMatch(/^3/);
      await expectAccessible(page, "the import page with rejected rows");

      // Now the good month.
      await input.setInputFiles({
        name: "october.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`kpi_code,month,team,service,value\nREREF-12,${lastMonth},,,19.5\nREREF-12,${lastMonth},Assessment team,,26\nCASELOAD,${lastMonth},,,16.4\n`),
      });
      await page.getByRole("button", { name: "Import" }).click();
      await page.getByRole("status").getByText(`Imported 3 values for ${lastMonthLong}.`).waitFor();
      await page.getByRole("table").filter({ hasText: "october.csv" }).waitFor();
      await checkWidths(page, "performance-import");

      await page.getByRole("link", { name: "See the figures" }).click();
      const rereferrals = page.getByRole("region", { name: "Re-referrals within 12 months" });
      await rereferrals.getByText(`Whole authority, ${lastMonthName}.`).waitFor();
      await rereferrals.getByText("19.5%").first().waitFor();
      await rereferrals.getByText("Green", { exact: true }).waitFor();
      await rereferrals.getByText("Green at 20% or below; amber above 20% up to 23%; red above 23%.").waitFor();
      await rereferrals.getByRole("complementary", { name: "Data confidence: High confidence" }).waitFor();
      await rereferrals.getByText("Mosaic (case management system): CIN-07 Referrals and re-referrals (monthly)").waitFor();

      // Last month by service and team: the assessment team is red.
      const byPlace = rereferrals.getByRole("table", { name: `Re-referrals within 12 months by service and team, ${lastMonthName}` });
      await expect(byPlace.getByRole("row").filter({ hasText: "Assessment team" }).textContent()).resolves.toMatch(/Assessment team.*26%.*Red/);

      // The comparators are Kent's, from the real DfE file.
      const comparators = rereferrals.getByRole("table", { name: /Re-referrals within 12 months of a previous referral/ });
      const year2025 = comparators.getByRole("row").filter({ hasText: /^2025/ });
      const text = (await year2025.textContent()) ?? "";
      expect(text).toContain("28.4%"); // South East 2025
      expect(text).toContain("22.6%"); // England 2025
      await rereferrals.getByText("Kent's 10 statistical neighbours in 2025").click();
      await rereferrals.getByRole("table", { name: "Statistical neighbours, closest first (2025)" }).waitFor();

      // The trend as a table.
      await rereferrals.getByRole("button", { name: "Show as table" }).click();
      const trend = rereferrals.getByRole("table", { name: /Whole authority, month by month/ });
      await expect(trend.getByRole("row").last().textContent()).resolves.toContain("19.5%");

      // Tabster's focus sentinels in the charts are a known axe false positive (see tab-dashboard.test.ts).
      await expectAccessible(page, "the performance page", { exclude: ["[data-tabster-dummy]"] });
      await checkWidths(page, "performance");
      const settings = await running().app.store.query("authority", { limit: 1 });
      expect(settings.records[0]?.laCode).toBe("E10000016");
    } finally {
      await page.close();
    }
  });

  it("shows suppressed figures as not published, and the QA lead accepts a focused audit into the programmes", async () => {
    const { app } = running();
    const [authority] = (await app.store.query("authority", { limit: 1 })).records;
    await app.store.update("authority", authority!.id, { laCode: "E10000014" }, authority!.etag, { id: "test:setup" });
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/performance");
      const rereferrals = page.getByRole("region", { name: "Re-referrals within 12 months" });
      const year2024 = rereferrals.getByRole("table", { name: /Re-referrals within 12 months of a previous referral/ }).getByRole("row").filter({ hasText: /^2024/ });
      await expect(year2024.textContent()).resolves.toContain("Not published (low reliability)");

      // The QA lead moves the target: the rule and every status follow.
      await rereferrals.getByRole("button", { name: "Change target for REREF-12" }).click();
      const dialog = page.getByRole("dialog", { name: "Target for Re-referrals within 12 months" });
      await dialog.getByLabel("Target").fill("30");
      await dialog.getByLabel("Tolerance").fill("0");
      await expectAccessible(page, "the target dialog");
      await dialog.getByRole("button", { name: "Save target" }).click();
      await page.getByRole("region", { name: "Re-referrals within 12 months" }).getByText("Green at 30% or below; red above 30%.").waitFor();

      await page.getByRole("button", { name: "Check the rules now" }).click();
      const proposal = page.getByRole("article", { name: "Proposed focused audit: Re-referrals within 12 months" });
      await proposal.getByText(/for Assessment team/).waitFor();
      await proposal.getByRole("button", { name: "Accept into the audit programmes" }).click();
      await page.waitForFunction(() => window.location.hash.startsWith("#/programmes/"));
      await page.getByRole("heading", { name: /Focused audit: Re-referrals within 12 months/ }).waitFor();
    } finally {
      await page.close();
    }
  });

  it("the QA lead adds a KPI mapped to a DfE measure, and it appears with its comparators and data confidence", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/performance");
      await page.getByRole("heading", { name: "Re-referrals within 12 months", level: 3 }).waitFor();
      await page.getByRole("button", { name: "Add a KPI" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a KPI" });
      await dialog.getByLabel("Code").fill("AGENCY");
      await dialog.getByLabel("Name").fill("Agency social workers");
      await dialog.getByLabel("What it measures").fill("Agency social workers as a share of all social workers (FTE).");
      await dialog.getByLabel("Why it matters").fill("Children change worker more often where agency use is high.");
      await dialog.getByLabel("Which way is better").selectOption({ label: "Lower is better" });
      await dialog.getByLabel("Target").fill("12");
      await dialog.getByLabel("Tolerance").fill("3");
      await dialog.getByLabel("Source system").fill("iTrent");
      await dialog.getByLabel("Source report").fill("WF-03 Agency staff");
      await dialog.getByLabel("How and when they are extracted").fill("Monthly, by HR.");
      await dialog.getByLabel("Timeliness").fill("Two weeks after month end.");
      await dialog.getByLabel("DfE file").selectOption("csww_indicators_2017_to_2025.csv");
      await dialog.getByLabel("DfE measure (column)").selectOption("agency_rate_fte");
      await dialog.getByLabel("What DfE calls it").fill("Agency worker rate (FTE)");
      await expectAccessible(page, "the add a KPI dialog");
      await dialog.getByRole("button", { name: "Add KPI" }).click();
      const agency = page.getByRole("region", { name: "Agency social workers" });
      await agency.getByRole("table", { name: /Agency worker rate \(FTE\): published by the Department for Education/ }).waitFor();
      await agency.getByRole("complementary", { name: "Data confidence: Not rated yet" }).waitFor();
      await agency.getByText("No figures for Whole authority yet.").waitFor();
    } finally {
      await page.close();
    }
  });

  it("triangulates a team manager's own team", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Daniel Price");
      await go(page, "#/triangulation?teamId=team-child-protection&from=2020-01-01");
      await page.getByRole("heading", { name: "KPIs: Child protection team" }).waitFor();
      await page.getByText(/Child protection plans lasting 2 years or more/).waitFor();
      await page.getByRole("heading", { name: "Moderation" }).waitFor();
      const feedback = page.getByRole("list", { name: "Compliments and complaints" });
      await feedback.getByText(/Complaint from child or young person.*Worker changes/).waitFor();
      await page.getByRole("list", { name: "Practice observations" }).getByText(/Chaired the core group calmly/).waitFor();
      await expectAccessible(page, "the triangulation page");
      await checkWidths(page, "triangulation");
    } finally {
      await page.close();
    }
  });
});
