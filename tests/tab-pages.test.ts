// The tab's pages in Debian Chromium against the real server and its demo
// data: local sign-in, My work, grading and submitting an audit (keyboard
// only for Submit), a stale ETag while autosaving, the action tracker, the
// audit list, and a signed-out 401. Every page is checked with axe-core
// (WCAG 2.2 AA: no serious or critical violations) and at 320 px wide.
// Screenshots go to test-output/screenshots/.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/chromium.js";
import { holdBuiltTab } from "./support/tab-browser.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

// Browser globals used by the functions this file runs in the page (the
// tests are type-checked without the DOM library).
declare const window: { location: { hash: string } };
declare const document: {
  activeElement: { textContent: string | null; closest(selector: string): unknown } | null;
  documentElement: { scrollWidth: number };
  getElementById(id: string): { textContent: string | null } | null;
  getAnimations(): { playState: string }[];
};
declare const sessionStorage: { setItem(key: string, value: string): void };

const root = path.resolve(import.meta.dirname, "..");
const screenshotDir = path.join(root, "test-output", "screenshots");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let app: TestApp | undefined;
let browser: Browser | undefined;
let releaseTab: () => void = () => undefined;

beforeAll(async () => {
  ({ release: releaseTab } = await holdBuiltTab());
  mkdirSync(screenshotDir, { recursive: true });
  app = await startTestApp();
  browser = await launchChromium();
}, 6 * 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  releaseTab();
});

function running(): { app: TestApp; browser: Browser } {
  if (!app || !browser) throw new Error("the app and browser did not start");
  return { app, browser };
}

async function newPage(): Promise<Page> {
  const page = await running().browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  return page;
}

// --- the API, as a demo person, for checks behind the page's back -------

async function tokenFor(personId: string): Promise<string> {
  const response = await fetch(`${running().app.url}/api/local-sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function api<T>(personId: string, method: string, apiPath: string, options: { body?: unknown; ifMatch?: string } = {}): Promise<{ status: number; body: T; etag: string | null }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${await tokenFor(personId)}`, Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.ifMatch) headers["If-Match"] = options.ifMatch;
  const response = await fetch(`${running().app.url}${apiPath}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return { status: response.status, body: (await response.json()) as T, etag: response.headers.get("ETag") };
}

interface AuditBody {
  status: string;
  etag: string;
  answers: { questionKey: string; answer: string }[];
  sectionGrades: { sectionKey: string; grade: string }[];
  overallGrade?: string;
  findings: { workingWell: string[]; needsToBeBetter: string[] };
}

// --- page helpers ---------------------------------------------------------

async function openSignIn(page: Page): Promise<void> {
  await page.goto(`${running().app.url}/tab/`);
  await page.getByText("Local sign-in: no Microsoft 365 tenant").waitFor();
}

async function signIn(page: Page, name: string): Promise<void> {
  await openSignIn(page);
  await page.getByRole("radio", { name: new RegExp(`^${name}`) }).check();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText(`Signed in as ${name}`).waitFor();
  await page.getByText("Local demo sign-in").waitFor();
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((next) => {
    window.location.hash = next;
  }, hash);
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** axe-core over the page as it is now: no serious or critical WCAG 2.2 AA violations. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  // Fluent's motion (dialogs fading in) would otherwise be measured half-way.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"] });
  });
  const serious = result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(", ")}`);
  expect(serious, `accessibility of ${what}`).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** At 320 px wide nothing needs scrolling sideways; a screenshot of each width. */
async function checkWidths(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await page.waitForTimeout(100);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${name} at 320 px wide`).toBeLessThanOrEqual(320);
    await screenshot(page, `${name}-320px`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

/** Press Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, isTarget: () => boolean, maxPresses = 15): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    if (await page.evaluate(isTarget)) return;
    await page.keyboard.press("Tab");
  }
  expect(await page.evaluate(isTarget), `reached by Tab within ${maxPresses} presses`).toBe(true);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");

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
      await tabTo(page, () => document.activeElement?.textContent === "Submit audit");
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
      await tabTo(page, () => document.activeElement?.textContent === "Submit audit");
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
      await signIn(page, "Chloe Bennett");
      const mine = page.getByRole("region", { name: /Your actions/ });
      await mine.getByText("Tell the child when visits change, and why").waitFor();
      await expect(mine.textContent()).resolves.toContain("Overdue");

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
