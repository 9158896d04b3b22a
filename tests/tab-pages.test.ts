// The tab's pages in Debian Chromium against the real server and its demo
// data: local sign-in, My work, grading and submitting an audit (keyboard
// only for Submit), a stale ETag while autosaving, the action tracker, the
// audit list, and a signed-out 401. Every page is checked with axe-core
// (WCAG 2.2 AA: no serious or critical violations) and at 320 px wide.
// Screenshots go to test-output/screenshots/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkWidths, expectAccessible, focusedText, go, openSignIn, screenshot, signIn as signInAs, tabTo, useTabBrowser } from "./support/tab-page.js";

// Browser globals used by the functions this file runs in the page (the
// tests are type-checked without the DOM library).
declare const window: { location: { hash: string } };
declare const document: {
  activeElement: { textContent: string | null; closest(selector: string): unknown } | null;
  getElementById(id: string): { textContent: string | null } | null;
};
declare const sessionStorage: { setItem(key: string, value: string): void };

const { newPage, api } = useTabBrowser();

interface AuditBody {
  status: string;
  etag: string;
  answers: { questionKey: string; answer: string }[];
  sectionGrades: { sectionKey: string; grade: string }[];
  overallGrade?: string;
  findings: { workingWell: string[]; needsToBeBetter: string[] };
}

/** Local sign-in, and the page says it is the local demo sign-in. */
async function signIn(page: Page, name: string): Promise<void> {
  await signInAs(page, name);
  await page.getByText("Local demo sign-in").waitFor();
}

/** The focused element's text is `text`. */
const isFocusedText = (text: string) => document.activeElement?.textContent === text;

// --- scenarios --------------------------------------------------------------

describe("the tab's pages", () => {
  it("signs Tom Okafor in, lists his audit, grades it, saves it and submits it with the keyboard", async () => {
    const page = await newPage();
    try {
      await openSignIn(page);
      await expectAccessible(page, "the sign-in page");
      await checkWidths(page, "sign-in");

      await signIn(page, "Tom Okafor");
      const toDo = page.getByRole("region", { name: /Audits to do/ });
      const link = toDo.getByRole("link", { name: "Audit of case NM-100834" });
      await link.waitFor();
      await expect(toDo.textContent()).resolves.toContain("Status: In progress");
      await expect(toDo.textContent()).resolves.toMatch(/Due \d{1,2} [A-Z][a-z]+ \d{4}/);
      await expectAccessible(page, "My work");
      await checkWidths(page, "my-work");

      await link.click();
      await page.getByRole("heading", { name: "Audit of case NM-100834" }).waitFor();
      await page.getByRole("radiogroup", { name: "Grade for Planning and review" }).waitFor();
      await page.getByText("Your changes save as you type.").first().waitFor();
      await expectAccessible(page, "the audit form");

      // Submit with sections ungraded, by keyboard: the server's message, and focus on the first ungraded section.
      await page.getByRole("textbox", { name: "What did they say?" }).focus();
      await tabTo(page, isFocusedText, "Submit audit", 15);
      await page.keyboard.press("Enter");
      const refusal = page.getByRole("alert").filter({ hasText: "Not submitted." });
      await refusal.waitFor();
      await expect(refusal.textContent()).resolves.toContain("Not graded yet: Planning and review, Management oversight and supervision, Impact for the child");
      await page.waitForFunction(() => document.activeElement?.closest("#grade-planning") !== null);
      await page.getByText("Choose a grade for this section.").first().waitFor();

      // Grade every section, the overall grade, and findings.
      for (const section of ["The child's voice and lived experience", "Assessment", "Planning and review", "Management oversight and supervision", "Impact for the child"]) {
        await page.getByRole("radiogroup", { name: `Grade for ${section}` }).getByRole("radio", { name: "Good", exact: true }).check();
      }
      await page.getByRole("radiogroup", { name: "Overall grade" }).getByRole("radio", { name: "Good", exact: true }).check();
      await page.getByRole("textbox", { name: "Is the plan specific, shared with the family and reviewed on time?" }).fill("Yes: the plan names who does what by when.");
      await page.getByRole("textbox", { name: "What is working well" }).fill("Visits are on time and the child is seen alone.\nThe plan is written to the child.");
      await page.getByRole("textbox", { name: "What needs to be better" }).fill("Record the reasons for supervision decisions.");
      await page.getByRole("status").filter({ hasText: /^Saved at \d\d:\d\d$/ }).waitFor();
      expect(await page.getByText("Choose a grade for this section.").count()).toBe(0);

      const saved = await api<AuditBody>("person-psw", "GET", "/api/audits/audit-in-progress");
      expect(saved.body.status).toBe("in_progress");
      expect(saved.body.sectionGrades).toHaveLength(5);
      expect(saved.body.overallGrade).toBe("good");
      expect(saved.body.findings.workingWell).toEqual(["Visits are on time and the child is seen alone.", "The plan is written to the child."]);
      expect(saved.body.answers).toContainEqual({ questionKey: "plan-quality", answer: "Yes: the plan names who does what by when." });
      await screenshot(page, "audit-form-graded");

      // Submit with Tab and Enter only.
      await page.getByRole("textbox", { name: "What did they say?" }).focus();
      await tabTo(page, isFocusedText, "Submit audit", 15);
      expect(await focusedText(page)).toBe("Submit audit");
      await page.keyboard.press("Enter");
      const outcome = page.getByText(/^Submitted\. This audit (has been picked for moderation|was not picked for moderation, so it is now complete)/);
      await outcome.waitFor();
      const submitted = await api<AuditBody>("person-psw", "GET", "/api/audits/audit-in-progress");
      expect(["submitted", "in_moderation", "completed"]).toContain(submitted.body.status);
      expect(await outcome.textContent()).toContain(submitted.body.status === "in_moderation" ? "picked for moderation" : "now complete");

      // Now read-only: no Submit button, the grades shown as words.
      expect(await page.getByRole("button", { name: "Submit audit" }).count()).toBe(0);
      await page.getByText("Visits are on time and the child is seen alone.").waitFor();
      await expectAccessible(page, "the submitted audit");
      await checkWidths(page, "audit-submitted");
    } finally {
      await page.close();
    }
  }, 120_000);

  it("shows Chloe Bennett her overdue action, marked Overdue, and lets her mark it done with evidence", async () => {
    const page = await newPage();
    try {
      // A bulletin sent to Chloe alone waits for her on My work, linked to where she reads it.
      const bulletin = await api<{ id: string }>("person-psw", "POST", "/api/bulletins", {
        body: { title: "Visits that change", summary: "Tell the child why.", layout: "standard", audience: { channelIds: [], teamIds: [], personIds: ["person-sw-chloe"], personalChats: false } },
      });
      expect(bulletin.status).toBe(201);
      expect((await api("person-psw", "POST", `/api/bulletins/${bulletin.body.id}/publish`, { body: {}, ifMatch: bulletin.etag ?? "" })).status).toBe(200);

      await signIn(page, "Chloe Bennett");
      const mine = page.getByRole("region", { name: /Your actions/ });
      await mine.getByText("Tell the child when visits change, and why").waitFor();
      await expect(mine.textContent()).resolves.toContain("Overdue");
      const waiting = page.getByRole("region", { name: /Waiting for you/ });
      const read = waiting.getByRole("link", { name: "Learning bulletin: Visits that change" });
      await read.waitFor();
      await expect(read.getAttribute("href")).resolves.toBe(`#/bulletins/${bulletin.body.id}`);
      await expectAccessible(page, "My work with something waiting");

      await page.getByRole("navigation", { name: "Golden Thread" }).getByRole("link", { name: "Actions" }).click();
      const row = page.getByRole("row").filter({ hasText: "Tell the child when visits change, and why" });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain("Overdue");
      await expect(row.textContent()).resolves.toContain("Chloe Bennett (you)");
      await expectAccessible(page, "the action tracker");
      await checkWidths(page, "actions");

      await row.getByRole("button", { name: /^Mark done/ }).click();
      const dialog = page.getByRole("dialog", { name: "Mark this action done" });
      await dialog.waitFor();
      await expectAccessible(page, "the Mark done dialog");
      await dialog.getByRole("button", { name: "Mark done" }).click();
      await dialog.getByText("Say what shows the action is done.").waitFor();
      const evidence = dialog.getByRole("textbox", { name: /What shows it is done\?/ });
      // The message belongs to the field: the text box is described by it.
      const describedBy = (await evidence.getAttribute("aria-describedby")) ?? "";
      const description = await page.evaluate((ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "), describedBy);
      expect(description).toContain("Say what shows the action is done.");
      await screenshot(page, "actions-mark-done-dialog");

      await evidence.fill("Visit changes are now texted to the child the same day; see the case record from 1 November.");
      await dialog.getByRole("button", { name: "Mark done" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByText("Marked done: Tell the child when visits change, and why.").waitFor();
      await expect(row.textContent()).resolves.toContain("Done");
      await expect(row.textContent()).resolves.not.toContain("Overdue");

      const done = await api<{ status: string; evidence: string }>("person-sw-chloe", "GET", "/api/actions/action-visit-changes");
      expect(done.body.status).toBe("done");
      expect(done.body.evidence).toContain("texted to the child");

      // Filters live in the address.
      await page.getByRole("checkbox", { name: "Overdue only" }).check();
      await page.waitForFunction(() => window.location.hash.includes("overdue=true"));
      await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Done" });
      await page.waitForFunction(() => window.location.hash.includes("status=done"));
      await page.getByText(/^No actions match/).waitFor();
      await page.getByRole("checkbox", { name: "Overdue only" }).uncheck();
      await row.waitFor();
      await page.reload();
      await page.getByText("Signed in as Chloe Bennett").waitFor();
      expect(await page.getByRole("combobox", { name: "Status" }).inputValue()).toBe("done");
      await row.waitFor();
    } finally {
      await page.close();
    }
  }, 120_000);

  it("refuses a stale autosave (someone else changed the audit): says so, keeps the text, offers Reload; then gives an action more time", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Daniel Price");
      await go(page, "#/audits/audit-assigned");
      await page.getByRole("heading", { name: "Audit of case NM-100231" }).waitFor();
      await expectAccessible(page, "an audit not started yet");
      await page.getByRole("button", { name: "Start audit" }).click();
      await page.getByText("You have started this audit.").waitFor();

      const seen = page.getByRole("textbox", { name: "Has the child been seen, alone where appropriate, within timescales?" });
      await seen.fill("Seen alone on 2 November.");
      await page.getByRole("status").filter({ hasText: /^Saved at/ }).waitFor();

      // Behind the page's back: another change to the same audit.
      const current = await api<AuditBody>("person-tm-cp", "GET", "/api/audits/audit-assigned");
      const other = await api<AuditBody>("person-tm-cp", "PATCH", "/api/audits/audit-assigned", {
        body: { answers: [{ questionKey: "analysis", answer: "Changed in another window." }] },
        ifMatch: current.etag ?? "",
      });
      expect(other.status).toBe(200);

      await seen.fill("Seen alone on 2 November and again on 9 November.");
      await page.getByRole("status").filter({ hasText: /^Couldn't save: someone else changed this audit/ }).waitFor();
      const reload = page.getByRole("button", { name: "Reload" });
      await reload.waitFor();
      expect(await seen.inputValue()).toBe("Seen alone on 2 November and again on 9 November.");
      const notOverwritten = await api<AuditBody>("person-tm-cp", "GET", "/api/audits/audit-assigned");
      expect(notOverwritten.body.answers).toContainEqual({ questionKey: "seen", answer: "Seen alone on 2 November." });
      expect(notOverwritten.body.answers).toContainEqual({ questionKey: "analysis", answer: "Changed in another window." });
      await expectAccessible(page, "the audit form after a conflict");
      await screenshot(page, "audit-conflict");

      await reload.click();
      const unsaved = page.getByRole("region", { name: "Your text that was not saved" });
      await unsaved.waitFor();
      await expect(unsaved.textContent()).resolves.toContain("Seen alone on 2 November and again on 9 November.");
      expect(await seen.inputValue()).toBe("Seen alone on 2 November.");
      expect(await page.getByRole("textbox", { name: /Does the assessment analyse need/ }).inputValue()).toBe("Changed in another window.");
      await expectAccessible(page, "the audit form after Reload");
      await screenshot(page, "audit-after-reload");

      await unsaved.getByRole("button", { name: "Put my text back" }).click();
      expect(await seen.inputValue()).toBe("Seen alone on 2 November and again on 9 November.");
      await page.getByRole("status").filter({ hasText: /^Saved at/ }).waitFor();
      const merged = await api<AuditBody>("person-tm-cp", "GET", "/api/audits/audit-assigned");
      expect(merged.body.answers).toContainEqual({ questionKey: "seen", answer: "Seen alone on 2 November and again on 9 November." });
      expect(merged.body.answers).toContainEqual({ questionKey: "analysis", answer: "Changed in another window." });

      // Daniel's own action: "Need more time" asks for a later date and a reason, each next to its field.
      const before = await api<{ dueDate: string }>("person-tm-cp", "GET", "/api/actions/action-supervision-decisions");
      await go(page, "#/actions?ownerId=person-tm-cp");
      const row = page.getByRole("row").filter({ hasText: "Record supervision decisions with the reasons for them" });
      await row.getByRole("button", { name: /^Need more time/ }).click();
      const dialog = page.getByRole("dialog", { name: "Ask for more time" });
      await dialog.getByRole("button", { name: "Move the due date" }).click();
      await dialog.getByText("Choose the new due date.").waitFor();
      await dialog.getByText("Say why you need more time.").waitFor();
      await expectAccessible(page, "the Need more time dialog with errors");
      const later = new Date(Date.parse(`${before.body.dueDate}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      await dialog.getByRole("textbox", { name: /Why do you need more time\?/ }).fill("The supervision template changes at the next team meeting.");
      await dialog.getByLabel(/New due date/).fill(later);
      await dialog.getByRole("button", { name: "Move the due date" }).click();
      await dialog.waitFor({ state: "detached" });
      await expect(row.textContent()).resolves.toContain("More time given: The supervision template changes at the next team meeting.");
      const extended = await api<{ dueDate: string }>("person-tm-cp", "GET", "/api/actions/action-supervision-decisions");
      expect(extended.body.dueDate).toBe(later);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("lets the auditor decline an audit only with a reason", async () => {
    const created = await api<{ id: string; status: string }>("person-qa-lead", "POST", "/api/audits", {
      body: { type: "regular", toolId: "tool-regular-case-audit", caseId: "case-100719", auditorId: "person-tm-cp" },
    });
    expect(created.status).toBe(201);
    const page = await newPage();
    try {
      await signIn(page, "Daniel Price");
      await page.getByRole("region", { name: /Audits to do/ }).getByRole("link", { name: "Audit of case NM-100719" }).click();
      await page.getByRole("button", { name: "Decline" }).click();
      await page.getByRole("button", { name: "Decline audit" }).click();
      await page.getByText("Give a reason for declining the audit.").waitFor();
      await expectAccessible(page, "declining an audit");
      await page.getByRole("textbox", { name: /Why are you declining this audit\?/ }).fill("I supervised this worker on this case last year.");
      await page.getByRole("button", { name: "Decline audit" }).click();
      await page.getByText("You have declined this audit.").waitFor();
      const declined = await api<{ status: string; declineReason: string }>("person-tm-cp", "GET", `/api/audits/${created.body.id}`);
      expect(declined.body.status).toBe("declined");
      expect(declined.body.declineReason).toBe("I supervised this worker on this case last year.");
    } finally {
      await page.close();
    }
  }, 60_000);

  it("lists filtered audits with the filter in words, shows reflections asked for, and returns to sign-in on a 401", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Liam Carter");
      const reflections = page.getByRole("region", { name: /Reflections asked of you/ });
      await reflections.getByRole("link", { name: "Your reflection on case NM-100562" }).waitFor();
      await expect(reflections.textContent()).resolves.toContain("Golden Thread chat in Teams");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByText("You have signed out.").waitFor();

      await signIn(page, "Priya Shah");
      await go(page, "#/audits?status=completed&overallGrade=requires_improvement");
      await page.getByRole("heading", { name: "Audits that are completed, graded Requires improvement to be good" }).waitFor();
      const row = page.getByRole("row").filter({ hasText: "NM-100902" });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain("Requires improvement to be good");
      await expectAccessible(page, "the audit list");
      await checkWidths(page, "audit-list");

      // The demo's audits were submitted today: this month, in words.
      const today = new Date();
      const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
      const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
      const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(first);
      await go(page, `#/audits?overallGrade=good&submittedFrom=${first.toISOString().slice(0, 10)}&submittedTo=${last.toISOString().slice(0, 10)}`);
      await page.getByRole("heading", { name: `Audits graded Good, submitted in ${month}` }).waitFor();
      expect(await page.getByRole("row").filter({ hasText: "NM-100902" }).count()).toBe(0);
      await page.getByRole("row").filter({ hasText: "NM-100478" }).getByRole("link", { name: "NM-100478" }).click();
      await page.getByRole("heading", { name: "Audit of case NM-100478" }).waitFor();
      await page.getByText("With a moderator").waitFor();
      expect(await page.getByRole("button", { name: "Submit audit" }).count()).toBe(0);

      // An expired or unknown token: back to the sign-in page, saying why.
      await page.evaluate(() => sessionStorage.setItem("golden-thread.local-sign-in", "expired-token"));
      await page.reload();
      await page.getByText("Your sign-in has expired. Choose who you are again.").waitFor();
      await page.getByRole("radio", { name: /^Tom Okafor/ }).waitFor();
    } finally {
      await page.close();
    }
  }, 120_000);
});
