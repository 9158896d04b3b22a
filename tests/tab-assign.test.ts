// Assigning, reassigning and sharing an audit from its page, in Debian
// Chromium against the real server and its demo data: the QA lead assigns
// a planned audit (keyboard only, with the API's field message shown beside
// the field), reassigns an audit its auditor declined while the page was
// open (412, Reload, the decline reason shown), and shares a completed audit
// with the external auditor, who then finds it in her audit list. A team
// manager gets no Assign or Share buttons. Pages and dialogs are checked
// with axe-core (WCAG 2.2 AA: no serious or critical violations) and at
// 320 px wide. Screenshots go to test-output/screenshots/.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkWidths, expectAccessible, focusedText, go, screenshot, signIn, tabTo, useTabBrowser } from "./support/tab-page.js";

// Browser globals used by the functions this file runs in the page (the
// tests are type-checked without the DOM library).
interface ElementLike {
  textContent: string | null;
  tagName: string;
  closest(selector: string): ElementLike | null;
}
declare const document: {
  activeElement: ElementLike | null;
  getElementById(id: string): { textContent: string | null } | null;
};

const { newPage, api } = useTabBrowser({ locale: "en-GB" });

interface AuditBody {
  id: string;
  status: string;
  auditorId?: string;
  dueDate?: string;
  declineReason?: string;
  sharedWithIds: string[];
  caseReference: string | null;
}

/** A date `days` from today, as YYYY-MM-DD. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// --- page helpers ---------------------------------------------------------

/** Tab to the button whose text is `label`. */
const tabToButton = (page: Page, label: string) =>
  tabTo(page, (text) => document.activeElement?.tagName === "BUTTON" && document.activeElement.textContent === text, label, 25);

/** The text that describes the focused control (its field's message and hint). */
async function describedText(page: Page, control: Locator): Promise<string> {
  const ids = (await control.getAttribute("aria-describedby")) ?? "";
  return page.evaluate((list) => list.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "), ids);
}

/** Choose a value in the focused native select with the arrow keys. */
async function arrowToOption(page: Page, select: Locator, value: string): Promise<void> {
  for (let press = 0; press < 15 && (await select.inputValue()) !== value; press++) await page.keyboard.press("ArrowDown");
  expect(await select.inputValue()).toBe(value);
}

const focusIsIn = (page: Page, selector: string) => page.evaluate((css) => document.activeElement?.closest(css) !== null, selector);

// --- scenarios --------------------------------------------------------------

describe("assigning and sharing an audit from its page", () => {
  it("lets the QA lead assign a planned audit with the keyboard, showing the API's field message beside the field", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/audits/audit-planned");
      await page.getByRole("heading", { name: "Audit of case NM-100719" }).waitFor();
      const panel = page.getByRole("region", { name: "Auditor and sharing" });
      await panel.waitFor();
      await expect(panel.textContent()).resolves.toContain("Choose who audits this case.");
      expect(await panel.getByRole("button", { name: "Reassign" }).count()).toBe(0);
      await expectAccessible(page, "a planned audit, for the QA lead");
      await checkWidths(page, "assign-planned-audit");

      // Keyboard only: Tab to the button, Enter, and Enter on Assign with nothing chosen.
      await page.getByRole("heading", { name: "Audit of case NM-100719" }).focus();
      await tabToButton(page, "Assign an auditor");
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Assign an auditor" });
      await dialog.waitFor();
      const auditor = dialog.getByRole("combobox", { name: /^Auditor/ });
      await auditor.waitFor();
      await tabToButton(page, "Assign");
      await page.keyboard.press("Enter");
      await dialog.getByText("Choose an auditor.").waitFor();
      expect(await focusIsIn(page, "select")).toBe(true);
      expect(await describedText(page, auditor)).toContain("Choose an auditor.");

      // Who can be chosen: auditors by name with where they work, the case's own team last.
      const options = (await auditor.locator("option").allTextContents()).slice(1);
      expect(options).toContain("Grace Adeyemi, Assessment team");
      expect(options).toContain("Owen Ridley, Front door and assessment service");
      expect(options).toContain("Priya Shah (you), Not in a team");
      expect(options).toContain("Ruth Ellison, External auditor");
      expect(options.at(-1)).toBe("Daniel Price, Child protection team (same team as the case)");
      expect(options.some((option) => option.startsWith("Liam Carter"))).toBe(false);
      await expectAccessible(page, "the Assign dialog with a message");
      await screenshot(page, "assign-dialog-error");

      // Grace, with a due date; the server refuses the date once (a stand-in 422) and the message sits beside the date.
      await auditor.focus();
      await arrowToOption(page, auditor, "person-tm-assessment");
      const due = daysFromNow(21);
      const dateInput = dialog.getByLabel(/^Due date/);
      await dateInput.fill(due);
      let refused = false;
      await page.route("**/api/audits/audit-planned/assign", async (route) => {
        refused = true;
        await route.fulfill({
          status: 422,
          contentType: "application/problem+json",
          body: JSON.stringify({
            type: "about:blank",
            title: "The request is not valid",
            status: 422,
            code: "invalid_record",
            detail: "The request is not valid.",
            problems: [{ field: "body.dueDate", message: "The due date must fall within the audit programme." }],
          }),
        });
      });
      await tabToButton(page, "Assign");
      await page.keyboard.press("Enter");
      await dialog.getByText("The due date must fall within the audit programme.").waitFor();
      expect(refused).toBe(true);
      expect(await describedText(page, dateInput)).toContain("The due date must fall within the audit programme.");
      expect(await focusIsIn(page, "input[type=date]")).toBe(true);
      await expectAccessible(page, "the Assign dialog with the API's field message");
      await checkWidths(page, "assign-dialog-field-error");
      await page.unroute("**/api/audits/audit-planned/assign");

      await tabToButton(page, "Assign");
      await page.keyboard.press("Enter");
      await dialog.waitFor({ state: "detached" });
      const outcome = page.getByText("Assigned to Grace Adeyemi, due ");
      await outcome.waitFor();
      await expect(outcome.textContent()).resolves.toContain("Grace Adeyemi will get the assignment in Teams.");
      await expect(outcome.textContent()).resolves.toContain("Liam Carter is asked in Teams for their reflection on the case.");
      expect(await focusedText(page)).toContain("Grace Adeyemi will get the assignment in Teams.");
      await page.getByText("Assigned, waiting for the practitioner's reflection").waitFor();
      await panel.getByRole("button", { name: "Reassign" }).waitFor();
      await expectAccessible(page, "the audit after assigning");
      await screenshot(page, "assign-done");

      const assigned = await api<AuditBody>("person-qa-lead", "GET", "/api/audits/audit-planned");
      expect(assigned.body.status).toBe("reflection_requested");
      expect(assigned.body.auditorId).toBe("person-tm-assessment");
      expect(assigned.body.dueDate).toBe(due);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("reassigns an audit its auditor declined while the page was open: someone else changed it, Reload, the reason, then Owen Ridley", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/audits/audit-assigned");
      await page.getByRole("heading", { name: "Audit of case NM-100231" }).waitFor();
      const panel = page.getByRole("region", { name: "Auditor and sharing" });
      await expect(panel.textContent()).resolves.toContain("Daniel Price has it and has not started it yet.");
      await panel.getByRole("button", { name: "Reassign" }).click();
      const dialog = page.getByRole("dialog", { name: "Reassign the audit" });
      const auditor = dialog.getByRole("combobox", { name: /^Auditor/ });
      const options = (await auditor.locator("option").allTextContents()).slice(1);
      expect(options).toContain("Daniel Price, Child protection team (the auditor now)");
      expect(options.at(-1)).toBe("Grace Adeyemi, Assessment team (same team as the case)");
      await auditor.selectOption("person-sm-front-door");

      // Behind the page's back, Daniel Price declines it.
      const before = await api<AuditBody>("person-tm-cp", "GET", "/api/audits/audit-assigned");
      const declined = await api<AuditBody>("person-tm-cp", "POST", "/api/audits/audit-assigned/decline", {
        body: { reason: "I am on leave for the next three weeks." },
        ifMatch: before.etag ?? "",
      });
      expect(declined.status).toBe(200);
      expect(declined.body.status).toBe("declined");

      await dialog.getByRole("button", { name: "Reassign" }).click();
      const conflict = dialog.getByRole("alert").filter({ hasText: "Someone else changed this audit after you opened it" });
      await conflict.waitFor();
      expect(await focusIsIn(page, "[role=alert]")).toBe(true);
      const unchanged = await api<AuditBody>("person-qa-lead", "GET", "/api/audits/audit-assigned");
      expect(unchanged.body.auditorId).toBe("person-tm-cp");
      await expectAccessible(page, "the Reassign dialog after a conflict");
      await screenshot(page, "reassign-conflict");

      await tabToButton(page, "Reload");
      await page.keyboard.press("Enter");
      const afterReload = page.getByRole("dialog", { name: "Assign an auditor" });
      await afterReload.getByText("This is the audit as it is now: Daniel Price declined it, saying: “I am on leave for the next three weeks.”").waitFor();
      expect(await conflict.count()).toBe(0);
      // The choice is kept.
      expect(await afterReload.getByRole("combobox", { name: /^Auditor/ }).inputValue()).toBe("person-sm-front-door");

      // Close it with Escape: focus goes back to the button, which now says what it does.
      await page.keyboard.press("Escape");
      await afterReload.waitFor({ state: "detached" });
      await page.waitForFunction(() => document.activeElement?.textContent === "Assign an auditor");
      await page.getByText("Declined by Daniel Price: I am on leave for the next three weeks.").waitFor();
      await expectAccessible(page, "a declined audit, for the QA lead");
      await checkWidths(page, "assign-declined-audit");

      await page.keyboard.press("Enter");
      await afterReload.waitFor();
      const again = afterReload.getByRole("combobox", { name: /^Auditor/ });
      expect((await again.locator("option").allTextContents()).slice(1)).toContain("Daniel Price, Child protection team (declined it)");
      await again.selectOption("person-sm-front-door");
      await afterReload.getByRole("button", { name: "Assign" }).click();
      await afterReload.waitFor({ state: "detached" });
      await page.getByText("Owen Ridley will get the assignment in Teams.").waitFor();
      expect(await page.getByText("Declined by Daniel Price").count()).toBe(0);

      const reassigned = await api<AuditBody>("person-qa-lead", "GET", "/api/audits/audit-assigned");
      expect(reassigned.body.auditorId).toBe("person-sm-front-door");
      expect(reassigned.body.status).toBe("reflection_requested");
      expect(reassigned.body.declineReason).toBeUndefined();
    } finally {
      await page.close();
    }
  }, 120_000);

  it("shares a completed audit with Ruth Ellison, who then finds it in her audit list", async () => {
    const nothingYet = await api<{ audits: AuditBody[] }>("person-external", "GET", "/api/audits");
    expect(nothingYet.body.audits).toEqual([]);

    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/audits/audit-completed");
      await page.getByRole("heading", { name: "Audit of case NM-100902" }).waitFor();
      const panel = page.getByRole("region", { name: "Auditor and sharing" });
      await expect(panel.textContent()).resolves.toContain("Not shared with any external auditor.");
      expect(await panel.getByRole("button", { name: /Assign|Reassign/ }).count()).toBe(0);

      await panel.getByRole("button", { name: "Share with an external auditor" }).focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Share with an external auditor" });
      await dialog.waitFor();
      await tabToButton(page, "Share");
      await page.keyboard.press("Enter");
      await dialog.getByText("Choose who to share it with.").waitFor();
      const ruth = dialog.getByRole("radio", { name: /^Ruth Ellison/ });
      expect(await focusIsIn(page, "input[type=radio]")).toBe(true);
      await expectAccessible(page, "the Share dialog with a message");
      await checkWidths(page, "share-dialog");

      await page.keyboard.press("Space");
      expect(await ruth.isChecked()).toBe(true);
      await tabToButton(page, "Share");
      await page.keyboard.press("Enter");
      await dialog.waitFor({ state: "detached" });
      await page.getByText("Shared with Ruth Ellison. They can see this audit only.").waitFor();
      expect(await focusedText(page)).toContain("Shared with Ruth Ellison.");
      const facts = page.locator("dl").first();
      await expect(facts.textContent()).resolves.toContain("Shared withRuth Ellison");
      await expect(panel.textContent()).resolves.toContain("Shared with Ruth Ellison. An external auditor sees only the audits shared with them.");
      await expectAccessible(page, "the audit after sharing");
      await checkWidths(page, "share-done");

      const shared = await api<AuditBody>("person-qa-lead", "GET", "/api/audits/audit-completed");
      expect(shared.body.sharedWithIds).toEqual(["person-external"]);

      // Nobody left to share with.
      await panel.getByRole("button", { name: "Share with an external auditor" }).click();
      await dialog.getByText("Every external auditor can already see this audit.").waitFor();
      expect(await dialog.getByRole("button", { name: "Share" }).count()).toBe(0);
      await dialog.getByRole("button", { name: "Close" }).click();
      await dialog.waitFor({ state: "detached" });
    } finally {
      await page.close();
    }

    const ruthPage = await newPage();
    try {
      await signIn(ruthPage, "Ruth Ellison");
      await go(ruthPage, "#/audits");
      const row = ruthPage.getByRole("row").filter({ hasText: "NM-100902" });
      await row.waitFor();
      expect(await ruthPage.getByRole("row").filter({ hasText: /NM-\d+/ }).count()).toBe(1);
      await expectAccessible(ruthPage, "the external auditor's audit list");
      await screenshot(ruthPage, "share-external-auditor-list");
      await row.getByRole("link", { name: "NM-100902" }).click();
      await ruthPage.getByRole("heading", { name: "Audit of case NM-100902" }).waitFor();
      await ruthPage.getByText("Placement stability: the child has had the same carers for two years.").waitFor();
      expect(await ruthPage.getByRole("region", { name: "Auditor and sharing" }).count()).toBe(0);
      expect(await ruthPage.getByRole("button", { name: /Share with an external auditor|Assign an auditor|Reassign/ }).count()).toBe(0);
    } finally {
      await ruthPage.close();
    }
  }, 120_000);

  it("gives a team manager (Daniel Price) no Assign, Reassign or Share buttons", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Daniel Price");
      for (const [auditId, reference] of [
        ["audit-planned", "NM-100719"],
        ["audit-reflection-requested", "NM-100562"],
      ] as const) {
        await go(page, `#/audits/${auditId}`);
        await page.getByRole("heading", { name: `Audit of case ${reference}` }).waitFor();
        await page.getByText("Case reference").first().waitFor();
        expect(await page.getByRole("region", { name: "Auditor and sharing" }).count()).toBe(0);
        expect(await page.getByRole("button", { name: /Assign an auditor|Reassign|Share with an external auditor/ }).count()).toBe(0);
      }
      // The API agrees: a team manager may not share.
      const audit = await api<AuditBody>("person-tm-cp", "GET", "/api/audits/audit-planned");
      const refused = await api<{ code: string }>("person-tm-cp", "POST", "/api/audits/audit-planned/share", { body: { personId: "person-external" }, ifMatch: audit.etag ?? "" });
      expect(refused.status).toBe(403);
    } finally {
      await page.close();
    }
  }, 60_000);
});
