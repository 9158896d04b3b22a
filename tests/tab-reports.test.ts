// The report pack, self-evaluation and meetings pages in Debian Chromium
// against the real server: choosing the month and scope, writing a
// narrative that saves as you type, the printable preview and the Word
// download; a SEF statement flagged for no evidence, given evidence from a
// suggestion; a meeting record; axe-core and 320 px.
import { describe, expect, it } from "vitest";
import { checkWidths, expectAccessible, go, signIn, useTabBrowser } from "./support/tab-page.js";

declare const window: { location: { hash: string } };

const month = new Date().toISOString().slice(0, 7);
const { newPage, api } = useTabBrowser();

describe("the report pack page", () => {
  it("lets Priya Shah write a narrative, preview the printable page and download the Word document", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await page.getByRole("navigation", { name: "Golden Thread" }).getByRole("link", { name: "Report pack" }).click();
      await page.getByRole("heading", { name: "Report pack", level: 2 }).waitFor();
      for (const heading of ["Summary", "Headline KPIs with comparators", "Audit grades", "Moderation agreement", "Themes from audit findings", "Actions overdue", 'Feedback and "you said, we did"', "Workforce voice", "Improvement plan progress"]) {
        await page.getByRole("heading", { name: heading, level: 3 }).waitFor();
      }

      const summary = page.getByRole("textbox", { name: "Narrative: Summary" });
      await summary.fill("A steady month: planning remains the weak spot.");
      await page.getByText(/^Saved at/).first().waitFor();
      const pack = await api<{ narratives: { sectionKey: string; text: string; etag: string | null }[] }>("person-qa-lead", "get", `/api/reports/pack?period=${month}`);
      expect(pack.body.narratives.find((narrative) => narrative.sectionKey === "summary")).toMatchObject({ text: "A steady month: planning remains the weak spot.", etag: expect.any(String) });

      await page.getByRole("button", { name: "Preview the printable page" }).click();
      const preview = page.frameLocator('iframe[title="Printable report pack"]');
      await preview.getByRole("heading", { name: "Audit grades" }).waitFor();
      await expect(preview.getByText("A steady month: planning remains the weak spot.").count()).resolves.toBe(1);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as Word" }).click()]);
      expect(download.suggestedFilename()).toBe(`qa-report-pack-${month}-authority.docx`);

      await expectAccessible(page, "the report pack page");
      await checkWidths(page, "reports");

      await page.getByRole("combobox", { name: "Report for" }).selectOption({ label: "One service" });
      await page.getByRole("combobox", { name: "Service" }).selectOption({ label: "Children in care and care leavers" });
      await page.getByRole("heading", { name: "Audit grades", level: 3 }).waitFor();
      await expect(page.evaluate(() => window.location.hash)).resolves.toContain("scope=service&serviceId=service-children-in-care");
      await expect(page.getByRole("textbox", { name: "Narrative: Summary" }).inputValue()).resolves.toBe("");

      await page.getByRole("combobox", { name: "Report for" }).selectOption({ label: "One audit theme" });
      await page.getByRole("textbox", { name: "Theme" }).fill("Neglect");
      await page.getByRole("textbox", { name: "Theme" }).press("Enter");
      await page.getByText(/^Not in this pack: headline KPIs with comparators \(KPIs are counted by team and service, not by audit theme\.\)/).waitFor();
    } finally {
      await page.close();
    }
  });

  it("makes a printable page that passes axe-core on its own", async () => {
    const page = await newPage();
    try {
      const file = await api<string>("person-qa-lead", "get", `/api/reports/pack.html?period=${month}`);
      expect(file.status).toBe(200);
      await page.setContent(file.body);
      await page.getByRole("heading", { name: "Moderation agreement", level: 2 }).waitFor();
      await expect(page.getByRole("img", { name: "Overall audit grades by month" }).count()).resolves.toBe(1);
      await expectAccessible(page, "the printable report pack");
    } finally {
      await page.close();
    }
  });

  it("tells a practitioner the report pack is not theirs", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Amira Hussain");
      await go(page, "#/reports");
      await page.getByText("Report packs are for the QA lead, senior leaders and heads of service.").waitFor();
    } finally {
      await page.close();
    }
  });
});

describe("the self-evaluation and meetings pages", () => {
  it("flags a statement with no evidence, and links a suggested record to it", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/self-evaluation");
      await page.getByRole("heading", { name: /^Self-evaluation \d{4}-\d{2}$/, level: 3 }).waitFor();
      await page.getByText("2 statements; 1 without evidence.").waitFor();
      const flagged = page.getByText("No evidence linked: say how you know this, or link the records that show it.");
      await expect(flagged.count()).resolves.toBe(1);

      // The help-and-protection statement mentions plans and families: the audit of NM-100478 shares those words.
      const card = page.getByRole("group", { name: /^Statement 1: The experiences and progress of children who need help and protection\. What do you know/ });
      await card.getByRole("button", { name: "Suggest evidence" }).click();
      const suggestion = card.getByRole("region", { name: "Suggested evidence" }).getByRole("listitem").filter({ hasText: "Audit of NM-100478" }).first();
      await suggestion.getByText(/^Shares the words/).waitFor();
      await suggestion.getByRole("button", { name: "Link as evidence" }).click();
      await card.getByRole("button", { name: /^Remove evidence: Audit of NM-100478/ }).waitFor();
      await expect(flagged.count()).resolves.toBe(0);
      const sef = await api<{ statements: { id: string; evidence: { kind: string; id: string }[] }[] }>("person-qa-lead", "get", "/api/self-evaluations/sef-demo");
      expect(sef.body.statements.find((statement) => statement.id === "sef-statement-help-and-protection")!.evidence).toEqual([{ kind: "audit", id: "audit-in-moderation", note: "" }]);

      const priority = page.getByRole("region", { name: "Priority: Managers record supervision decisions and the reasons for them" });
      await priority.getByRole("heading", { name: "Managers record supervision decisions and the reasons for them", level: 4 }).waitFor();
      await priority.getByRole("button", { name: "Change the priority" }).click();
      const dialog = page.getByRole("dialog", { name: "Change the priority" });
      await dialog.getByRole("textbox", { name: "What will show it made a difference" }).fill("Audits grade oversight good or better in nine of ten cases");
      await dialog.getByRole("button", { name: "Save the priority" }).click();
      await priority.getByText("What will show impact: Audits grade oversight good or better in nine of ten cases").waitFor();
      // Tabster's focus sentinels at the page root (<i data-tabster-dummy aria-hidden tabindex=0>)
      // are axe's known aria-hidden-focus false positive (microsoft/tabster#288), as in tab-dashboard.test.ts.
      await expectAccessible(page, "the self-evaluation page", { exclude: ["[data-tabster-dummy]"] });
      await checkWidths(page, "self-evaluation");
    } finally {
      await page.close();
    }
  });

  it("shows the QA board with its decisions on the meetings page", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Marcus Webb");
      await go(page, "#/meetings");
      await page.getByRole("link", { name: "QA board" }).click();
      await page.getByText("Run a thematic audit of supervision recording next quarter").waitFor();
      await page.getByText("No actions were set at this meeting.").waitFor();
      await expectAccessible(page, "the meetings page");
    } finally {
      await page.close();
    }
  });
});
