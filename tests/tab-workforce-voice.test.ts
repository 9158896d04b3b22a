// Staff voice in the tab (Debian Chromium against the real server, demo
// seed): the QA lead reads the closed autumn round, where the assessment
// team (7 answered) has figures and the child protection team (2 answered)
// shows "Fewer than 5 people answered" and no breakdown; children in care is
// hidden to protect it; trends and comments by theme; a team manager sees no
// comments; a survey is written, previewed and sent; axe-core and 320 px.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { checkWidths, expectAccessible, go, signIn, useTabBrowser } from "./support/tab-page.js";

const { newPage, running } = useTabBrowser();

// Tabster's focus sentinels in the charts are a known axe false positive (see tab-dashboard.test.ts).
const expectChartsAccessible = (page: Page, what: string) => expectAccessible(page, what, { exclude: ["[data-tabster-dummy]"] });

describe("the staff voice pages", () => {
  it("shows Priya Shah the autumn round with small groups hidden, trends and comments by theme", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await page.getByRole("navigation", { name: "Golden Thread" }).getByRole("link", { name: "Staff voice" }).click();
      await page.getByRole("heading", { name: "Staff voice", level: 2 }).waitFor();
      const list = page.getByRole("table", { name: "Surveys, newest first" });
      await list.getByRole("row").filter({ hasText: "Autumn 2026" }).getByRole("link", { name: "How are you doing?" }).click();
      await page.getByRole("heading", { name: "How are you doing?: Autumn 2026" }).waitFor();
      await page.getByText("15 people answered.").waitFor();
      await page.getByText(/Results are shown only for groups where at least 5 people answered/).waitFor();

      const byGroup = page.getByRole("table", { name: /^My workload lets me do good work.*: by group$/ });
      const assessment = byGroup.getByRole("row").filter({ hasText: "Team: Assessment team" });
      await expect(assessment.textContent()).resolves.toMatch(/7.*3\.3 of 5/);
      const childProtection = byGroup.getByRole("row").filter({ hasText: "Team: Child protection team" });
      await expect(childProtection.textContent()).resolves.toContain("Fewer than 5 people answered");
      expect(await childProtection.getByRole("cell").count()).toBe(1);
      await expect(byGroup.getByRole("row").filter({ hasText: "Team: Children in care team" }).textContent()).resolves.toContain(
        "Hidden so that a smaller group's answers cannot be worked out",
      );

      // The chart's numbers as a table.
      const panel = page.getByRole("region", { name: /^My workload lets me do good work/ }).first();
      await panel.getByRole("button", { name: "Show as table" }).click();
      await panel.getByRole("table", { name: /everyone who answered$/ }).waitFor();

      await page.getByRole("heading", { name: "Trends across rounds" }).waitFor();
      const trend = page.getByRole("region", { name: /^My workload lets me do good work/ }).nth(1);
      await trend.getByRole("button", { name: "Show as table" }).click();
      const trendRow = trend.getByRole("row").filter({ hasText: "Team: Child protection team" });
      await expect(trendRow.textContent()).resolves.toMatch(/2\.6 \(5 answered\).*Hidden/);

      const comments = page.getByRole("list", { name: "Comments" });
      await comments.getByText("Less admin so I can spend time with children").waitFor();
      const cpComment = comments.getByRole("listitem").filter({ hasText: "My supervisor is great but cancels often" });
      await expect(cpComment.textContent()).resolves.toContain("Team not shown (small group)");
      await expect(cpComment.textContent()).resolves.toContain("Supervision (matched)");
      await page.getByRole("combobox", { name: "Show comments" }).selectOption({ label: "Workload" });
      await expect(comments.getByRole("listitem").count()).resolves.toBe(1);

      await expectChartsAccessible(page, "survey results");
      await checkWidths(page, "survey-results");
    } finally {
      await page.close();
    }
  });

  it("gives a team manager their groups without comments", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Daniel Price");
      await go(page, "#/voice/survey-pulse-autumn");
      await page.getByRole("heading", { name: "How are you doing?: Autumn 2026" }).waitFor();
      const byGroup = page.getByRole("table", { name: /^My workload lets me do good work.*: by group$/ });
      await expect(byGroup.getByRole("row").filter({ hasText: "Team: Child protection team" }).textContent()).resolves.toContain("Fewer than 5 people answered");
      await expect(byGroup.getByRole("row").filter({ hasText: "Assessment team" }).count()).resolves.toBe(0);
      await expect(page.getByRole("heading", { name: "What people wrote" }).count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  });

  it("lets the QA lead write a survey, preview the card, and send it to the chosen team", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/voice/new");
      await page.getByRole("heading", { name: "Write a survey", level: 2 }).waitFor();
      await page.getByRole("textbox", { name: "Title" }).fill("Winter check-in");
      await page.getByRole("textbox", { name: /^Round/ }).fill("Winter 2026");
      await page.getByRole("textbox", { name: "Question 1", exact: true }).fill("I can take my leave");
      await page.getByRole("button", { name: "Add a free-text question" }).click();
      await page.getByRole("textbox", { name: "Question 2", exact: true }).fill("What gets in the way?");
      await page.getByRole("radio", { name: "Chosen teams" }).check();
      await page.getByRole("checkbox", { name: "Assessment team" }).check();
      // The card the bot renders, drawn by the Adaptive Cards library.
      const preview = page.getByRole("region", { name: "Preview: the card in Teams" }).getByTestId("card-preview");
      await preview.getByText("What gets in the way? (optional)").waitFor();
      await preview.getByText("I can take my leave").waitFor();
      await preview.getByText("Pulse survey: Winter 2026").waitFor();
      await expect(preview.getByRole("radio").count()).resolves.toBe(5);
      expect(await preview.getByRole("button", { name: "Send my answers" }).isVisible()).toBe(true);
      await expectAccessible(page, "the survey editor", { exclude: ["[data-testid=card-preview]"] });
      await checkWidths(page, "survey-editor");

      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByRole("heading", { name: "Draft: Winter check-in" }).waitFor();
      await page.getByRole("button", { name: "Send…" }).click();
      await page.getByRole("dialog", { name: "Send this survey?" }).getByRole("button", { name: "Send now" }).click();
      await page.getByRole("heading", { name: "Staff voice", level: 2 }).waitFor();
      await page.getByRole("table", { name: "Surveys, newest first" }).getByRole("row").filter({ hasText: "Winter check-in" }).getByText("Open for answers").waitFor();

      await page.getByRole("link", { name: "Winter check-in" }).click();
      await page.getByText("0 people have answered so far.").waitFor();
      await page.getByText(/^Results appear when the survey closes on/).waitFor();

      const { app } = running();
      const queued = (await app.store.query("outboxMessage", { limit: 500 })).records.filter((message) => message.notification.kind === "survey_sent");
      expect(queued.map((message) => message.recipientId).sort()).toEqual(["person-sw-amira", "person-tm-assessment"]);
    } finally {
      await page.close();
    }
  });

  it("refuses a smallest group below 3 in the settings, saying why", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/voice");
      const field = page.getByRole("spinbutton", { name: /Smallest group whose results are shown/ });
      await field.fill("2");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText(/never shown for groups smaller than 3/).first().waitFor();
      await field.fill("6");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved.").waitFor();
      await field.fill("5");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved.").waitFor();
    } finally {
      await page.close();
    }
  });
});
