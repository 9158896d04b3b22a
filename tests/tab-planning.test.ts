// The tab's planning pages in Debian Chromium against the real server and
// its demo data: planning an audit programme (keyboard only), drawing its
// stratified sample and assigning auditors (never from the case's own
// team); the practice library (a standard's grades by month, adding a
// standard, revising the audit tool as a new version); and roles and the
// accountability map (naming a lead). Every page is checked with axe-core
// (WCAG 2.2 AA: no serious or critical violations) and at 320 px wide.
// Screenshots go to test-output/screenshots/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkWidths, expectAccessible, go, screenshot, signIn, tabTo, useTabBrowser } from "./support/tab-page.js";

// Browser globals used by the functions this file runs in the page (the
// tests are type-checked without the DOM library).
declare const window: { location: { hash: string } };
declare const document: {
  activeElement: { textContent: string | null; getAttribute(name: string): string | null } | null;
};

const { newPage, api } = useTabBrowser({ locale: "en-GB" });

interface ProgrammeBody {
  id: string;
  name: string;
  teamIds: string[];
  caseCount: number;
  samplingMethod: string;
  samplingSeed?: string;
  allowOwnTeamAuditors: boolean;
  ownerId: string;
  audits: { id: string; teamId: string; caseReference: string; status: string; auditorId?: string; practitionerId?: string }[];
}

interface ToolBody {
  id: string;
  name: string;
  version: number;
  previousVersionId?: string;
  supersededById?: string;
  sections: { key: string; title: string; questions: { key: string; prompt: string; standardIds: string[] }[] }[];
}

const demoTeams = ["team-assessment", "team-child-protection", "team-children-in-care"];

// --- page helpers ---------------------------------------------------------

function navigation(page: Page) {
  return page.getByRole("navigation", { name: "Golden Thread" });
}

const isField = (field: string) => document.activeElement?.getAttribute("data-field") === field;

function monthNow(): string {
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
}

// --- scenarios --------------------------------------------------------------

describe("the planning pages", () => {
  it("lets the QA lead plan a stratified programme with the keyboard, draw its sample and assign auditors from other teams", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await navigation(page).getByRole("link", { name: "Programmes" }).click();
      await page.getByRole("heading", { name: "Audit programmes" }).waitFor();
      const demo = page.getByRole("row").filter({ hasText: "Regular case audits, October to December 2026" });
      await demo.waitFor();
      await expect(demo.textContent()).resolves.toContain("Priya Shah (you)");
      await expect(demo.textContent()).resolves.toContain("6 of 10");
      await expect(demo.textContent()).resolves.toContain("1 October 2026 to 31 December 2026");
      await expectAccessible(page, "the programme list");
      await checkWidths(page, "programmes");

      // The plan form, by keyboard only: Tab to each field, Space for the checkboxes, Enter to send.
      await page.getByRole("link", { name: "Plan a programme" }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Plan an audit programme" }).waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === "Plan an audit programme");
      await expectAccessible(page, "the plan form");

      await tabTo(page, isField, "name");
      await page.keyboard.press("Enter"); // nothing filled in yet: each missing field says what it needs
      await page.getByText("Give the programme a name.").waitFor();
      await page.getByText("Choose at least one team.").waitFor();
      await page.getByText("Say how many cases to audit.").waitFor();
      expect(await page.evaluate(isField, "name")).toBe(true);
      await expectAccessible(page, "the plan form with its errors");
      await screenshot(page, "plan-programme-errors");

      await page.keyboard.type("Stratified sample, every team");
      await tabTo(page, isField, "theme");
      await page.keyboard.type("Management oversight");
      await tabTo(page, isField, "teamIds");
      for (let team = 0; team < 3; team++) {
        if (team > 0) await page.keyboard.press("Tab");
        await page.keyboard.press("Space");
      }
      await tabTo(page, isField, "caseCount");
      await page.keyboard.type("3");
      expect(await page.getByRole("radio", { name: /^Stratified/ }).isChecked()).toBe(true);
      await tabTo(page, isField, "samplingSeed");
      await page.keyboard.type("planning-seed");
      await checkWidths(page, "plan-programme");
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { name: "Stratified sample, every team" }).waitFor();
      await page.getByText("Planned “Stratified sample, every team”. Next, draw the sample of cases.").waitFor();
      const programmeId = decodeURIComponent((await page.evaluate(() => window.location.hash)).replace("#/programmes/", ""));
      const planned = await api<ProgrammeBody>("person-qa-lead", "GET", `/api/audit-programmes/${programmeId}`);
      expect(planned.body).toMatchObject({ caseCount: 3, samplingMethod: "stratified", samplingSeed: "planning-seed", allowOwnTeamAuditors: false, ownerId: "person-qa-lead" });
      expect([...planned.body.teamIds].sort()).toEqual(demoTeams);
      await expectAccessible(page, "a programme before its sample");

      // Draw the sample: progress, then the cases drawn and the seed recorded.
      await page.getByRole("button", { name: "Draw the sample" }).click();
      const drawn = page.getByRole("status").filter({ hasText: "Drew 3 cases." });
      await drawn.waitFor();
      await expect(drawn.textContent()).resolves.toContain("The seed “planning-seed” is recorded");
      expect(await drawn.getByRole("list", { name: "Cases drawn" }).getByRole("listitem").count()).toBe(3);
      const sampled = await api<ProgrammeBody>("person-qa-lead", "GET", `/api/audit-programmes/${programmeId}`);
      expect(sampled.body.audits).toHaveLength(3);
      expect(sampled.body.audits.map((audit) => audit.teamId).sort()).toEqual(demoTeams);
      expect(sampled.body.audits.every((audit) => audit.status === "planned")).toBe(true);
      const audits = page.getByRole("table", { name: "Audits, by case reference" });
      for (const audit of sampled.body.audits) await audits.getByRole("row").filter({ hasText: audit.caseReference }).filter({ hasText: "Planned, not assigned yet" }).waitFor();
      await expectAccessible(page, "a programme with its sample drawn");
      await screenshot(page, "programme-sample-drawn");

      // Assign and send: who got what; nobody audits their own team's cases.
      await page.getByRole("button", { name: "Assign auditors and send" }).click();
      const assigned = page.getByRole("status").filter({ hasText: "Assigned 3 audits." });
      await assigned.waitFor();
      const whoGotWhat = assigned.getByRole("list", { name: "Who got what" }).getByRole("listitem");
      expect(await whoGotWhat.count()).toBe(3);
      const after = await api<ProgrammeBody>("person-qa-lead", "GET", `/api/audit-programmes/${programmeId}`);
      const people = await api<{ people: { id: string; displayName: string; teamId?: string }[] }>("person-qa-lead", "GET", "/api/people");
      const person = new Map(people.body.people.map((one) => [one.id, one]));
      for (const audit of after.body.audits) {
        expect(audit.auditorId, `auditor of ${audit.caseReference}`).toBeDefined();
        const auditor = person.get(audit.auditorId ?? "");
        expect(auditor?.teamId, `${auditor?.displayName} audits ${audit.caseReference}`).not.toBe(audit.teamId);
        expect(audit.auditorId).not.toBe(audit.practitionerId);
        expect(["assigned", "reflection_requested"]).toContain(audit.status);
        await expect(whoGotWhat.filter({ hasText: audit.caseReference }).textContent()).resolves.toContain(auditor?.displayName ?? "?");
        await expect(audits.getByRole("row").filter({ hasText: audit.caseReference }).textContent()).resolves.toContain(auditor?.displayName ?? "?");
      }
      await page.getByText("Every audit in this programme has an auditor.").waitFor();
      await expectAccessible(page, "a programme with its auditors assigned");
      await checkWidths(page, "programme");

      // Listed with its owner and its three audits.
      await navigation(page).getByRole("link", { name: "Programmes" }).click();
      const listed = page.getByRole("row").filter({ hasText: "Stratified sample, every team" });
      await listed.waitFor();
      await expect(listed.textContent()).resolves.toContain("3 of 3");
      await expect(listed.textContent()).resolves.toContain("Priya Shah (you)");
    } finally {
      await page.close();
    }
  }, 180_000);

  it("refuses to draw a sample with a stale ETag and offers Reload", async () => {
    const created = await api<ProgrammeBody>("person-qa-lead", "POST", "/api/audit-programmes", {
      body: { name: "Random sample, children in care", auditType: "regular", toolId: "tool-regular-case-audit", periodStart: "2027-01-01", periodEnd: "2027-03-31", teamIds: ["team-children-in-care"], caseCount: 1, samplingMethod: "random" },
    });
    expect(created.status).toBe(201);
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, `#/programmes/${created.body.id}`);
      await page.getByRole("heading", { name: "Random sample, children in care" }).waitFor();
      await page.getByText("Not drawn yet").waitFor();

      // Behind the page's back: someone else draws the sample.
      const behind = await api<unknown>("person-psw", "POST", `/api/audit-programmes/${created.body.id}/sample`, { ifMatch: created.etag ?? "" });
      expect(behind.status).toBe(200);

      await page.getByRole("button", { name: "Draw the sample" }).click();
      const refusal = page.getByRole("alert").filter({ hasText: "Someone else changed this programme after you opened it" });
      await refusal.waitFor();
      await expectAccessible(page, "a programme after a conflict");
      await screenshot(page, "programme-conflict");
      await refusal.getByRole("button", { name: "Reload" }).click();
      await page.getByText("All 1 cases have been drawn", { exact: false }).waitFor();
      const after = await api<ProgrammeBody>("person-qa-lead", "GET", `/api/audit-programmes/${created.body.id}`);
      expect(after.body.audits).toHaveLength(1);
      await page.getByRole("table", { name: "Audits, by case reference" }).getByRole("row").filter({ hasText: after.body.audits[0]!.caseReference }).waitFor();
    } finally {
      await page.close();
    }
  }, 90_000);

  it("shows a standard's grades by month, adds a standard, and revises the audit tool as version 2 while the completed audit keeps version 1", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await navigation(page).getByRole("link", { name: "Library" }).click();
      await page.getByRole("heading", { name: "Practice standards and audit tools" }).waitFor();
      const ps4 = page.getByRole("row").filter({ hasText: "PS-4" });
      await ps4.waitFor();
      await expect(ps4.textContent()).resolves.toContain("Northmoor practice standards (demo)");
      await page.getByRole("row").filter({ hasText: "Regular case audit" }).filter({ hasText: "Current version" }).waitFor();
      await expectAccessible(page, "the library");
      await checkWidths(page, "library");

      // PS-4 (management oversight): the demo's submitted audits graded it this month.
      await ps4.getByRole("link").click();
      await page.getByRole("heading", { name: "PS-4: Management oversight is regular, reflective and recorded with reasons" }).waitFor();
      const month = page.getByRole("table", { name: /Section grades for PS-4/ }).getByRole("row").filter({ hasText: monthNow() });
      await month.waitFor();
      await expect(month.getByRole("cell").allTextContents()).resolves.toEqual(["0", "1", "1", "0", "2"]);
      await page.getByText("“Is management oversight regular, reflective and recorded with reasons?”").waitFor();
      await expectAccessible(page, "a practice standard");
      await checkWidths(page, "library-standard");

      // Add a standard (from the Professional Capabilities Framework); nothing has graded it yet.
      await navigation(page).getByRole("link", { name: "Library" }).click();
      await page.getByRole("button", { name: "Add a standard" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a practice standard" });
      await dialog.getByRole("button", { name: "Add the standard" }).click();
      await dialog.getByText("Give the standard a code, for example PS-7.").waitFor();
      await expectAccessible(page, "the Add a standard dialog");
      await dialog.getByRole("textbox", { name: /^Code/ }).fill("ps-7");
      await dialog.getByRole("textbox", { name: /^The standard/ }).fill("Practitioners reflect on their practice in supervision");
      await dialog.getByRole("combobox", { name: /Where it comes from/ }).selectOption({ label: "Professional Capabilities Framework (PCF)" });
      await dialog.getByRole("button", { name: "Add the standard" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByText("Added PS-7: Practitioners reflect on their practice in supervision.").waitFor();
      await page.getByRole("row").filter({ hasText: "PS-7" }).getByRole("link").click();
      await page.getByRole("heading", { name: "PS-7: Practitioners reflect on their practice in supervision" }).waitFor();
      await page.getByText("No audits have graded this standard yet.").waitFor();
      await page.getByText("Professional Capabilities Framework (PCF)").waitFor();

      // Revise the Regular case audit's wording, and link the question to PS-7.
      await navigation(page).getByRole("link", { name: "Library" }).click();
      await page.getByRole("link", { name: "Regular case audit", exact: true }).click();
      await page.getByRole("heading", { name: "Regular case audit (version 1)" }).waitFor();
      const question = page.getByRole("group", { name: "Question 4.1" });
      const wording = question.getByRole("textbox", { name: /^Wording/ });
      expect(await wording.inputValue()).toBe("Is management oversight regular, reflective and recorded with reasons?");
      await expectAccessible(page, "the audit tool editor");
      await checkWidths(page, "library-tool-editor");
      await wording.fill("Is management oversight regular and reflective, and are decisions recorded with their reasons?");
      await question.getByRole("checkbox", { name: /^PS-7/ }).check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("Saved. Audits already using this tool keep the old version; new audits use version 2.").waitFor();
      await page.getByRole("heading", { name: "Regular case audit (version 2)" }).waitFor();
      await expectAccessible(page, "the audit tool after saving a new version");
      await screenshot(page, "library-tool-version-2");

      const tools = await api<{ auditTools: ToolBody[] }>("person-qa-lead", "GET", "/api/audit-tools");
      const second = tools.body.auditTools.find((tool) => tool.version === 2);
      expect(second?.previousVersionId).toBe("tool-regular-case-audit");
      const oversight = second?.sections.find((section) => section.key === "oversight")?.questions[0];
      expect(oversight).toMatchObject({ key: "oversight-quality", prompt: "Is management oversight regular and reflective, and are decisions recorded with their reasons?" });
      expect(oversight?.standardIds).toEqual(["standard-4", expect.any(String)]);
      const first = await api<ToolBody>("person-qa-lead", "GET", "/api/audit-tools/tool-regular-case-audit");
      expect(first.body).toMatchObject({ version: 1, supersededById: second?.id });
      expect(first.body.sections.find((section) => section.key === "oversight")?.questions[0]?.prompt).toBe("Is management oversight regular, reflective and recorded with reasons?");
      const completed = await api<{ toolId: string; status: string }>("person-qa-lead", "GET", "/api/audits/audit-completed");
      expect(completed.body).toMatchObject({ status: "completed", toolId: "tool-regular-case-audit" });

      // The library says which version replaced which; the old one opens read only.
      await navigation(page).getByRole("link", { name: "Library" }).click();
      const old = page.getByRole("row").filter({ hasText: "Superseded by" });
      await old.waitFor();
      await expect(old.textContent()).resolves.toContain("Superseded by version 2. Audits that used this version keep it.");
      await old.getByRole("link", { name: "Regular case audit (version 1)" }).click();
      await page.getByText("This is an old version. It was replaced by").waitFor();
      expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
      await expectAccessible(page, "an old version of the audit tool");
    } finally {
      await page.close();
    }
  }, 180_000);

  it("makes a new audit tool, then changes it in place while no audit uses it", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Tom Okafor");
      await go(page, "#/library");
      await page.getByRole("link", { name: "Make a new audit tool" }).click();
      await page.getByRole("heading", { name: "New audit tool" }).waitFor();
      await page.getByRole("button", { name: "Save the new tool" }).click();
      await page.getByText("Give the tool a name.").waitFor();
      await page.getByText("Give section 1 a title.").waitFor();
      await page.getByText("Write question 1.1, or remove it.").waitFor();
      await expectAccessible(page, "a new audit tool with its errors");

      await page.getByRole("textbox", { name: /^Name of the tool/ }).fill("Supervision audit");
      await page.getByRole("textbox", { name: /^Title of section 1/ }).fill("Supervision records");
      const question = page.getByRole("group", { name: "Question 1.1" });
      await question.getByRole("textbox", { name: /^Wording/ }).fill("Do supervision records show decisions and the reasons for them?");
      await question.getByRole("checkbox", { name: /^PS-4/ }).check();
      await page.getByRole("button", { name: "Add a prompt" }).click();
      await page.getByRole("textbox", { name: /^Prompt 1/ }).fill("What helps you most in supervision?");
      await page.getByRole("button", { name: "Save the new tool" }).click();
      await page.getByText("Saved “Supervision audit” as a new audit tool (version 1).", { exact: false }).waitFor();
      await page.getByRole("heading", { name: "Supervision audit (version 1)" }).waitFor();

      const toolId = decodeURIComponent((await page.evaluate(() => window.location.hash)).replace("#/library/tools/", ""));
      const created = await api<ToolBody & { reflectivePrompts: { key: string; prompt: string }[] }>("person-psw", "GET", `/api/audit-tools/${toolId}`);
      expect(created.body.sections).toEqual([
        { key: "supervision-records", title: "Supervision records", questions: [{ key: "do-supervision-records-show-deci", prompt: "Do supervision records show decisions and the reasons for them?", guidance: "", standardIds: ["standard-4"] }] },
      ]);
      expect(created.body.reflectivePrompts).toEqual([{ key: "what-helps-you-most-in-supervisi", prompt: "What helps you most in supervision?" }]);

      // No audit uses it yet: the change is made in place.
      await page.getByRole("group", { name: "Question 1.1" }).getByRole("textbox", { name: /^Guidance/ }).fill("Read the last three supervision records.");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("Saved. No audit uses this tool yet, so version 1 was changed in place.").waitFor();
      const revised = await api<ToolBody & { sections: { questions: { guidance: string }[] }[] }>("person-psw", "GET", `/api/audit-tools/${toolId}`);
      expect(revised.body.version).toBe(1);
      expect(revised.body.sections[0]?.questions[0]?.guidance).toBe("Read the last three supervision records.");
      await expectAccessible(page, "an audit tool saved in place");
    } finally {
      await page.close();
    }
  }, 120_000);

  it("shows roles and the twelve components, and lets the QA lead name a lead for Learning culture", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await navigation(page).getByRole("link", { name: "Roles" }).click();
      await page.getByRole("heading", { name: "Roles and responsibilities" }).waitFor();
      const holders = page.getByRole("table", { name: /QA roles and the people who hold them/ });
      await expect(holders.getByRole("row").filter({ hasText: "Team manager" }).textContent()).resolves.toContain("Grace Adeyemi, Assessment team (Front door and assessment)");
      await expect(holders.getByRole("row").filter({ hasText: "Principal social worker" }).textContent()).resolves.toContain("Tom Okafor, the whole authority");
      const map = page.getByRole("table", { name: "The twelve parts of the QA framework, in order" });
      const rows = map.getByRole("row");
      expect(await rows.count()).toBe(13); // the header and twelve components
      await expect(rows.nth(1).textContent()).resolves.toContain("i. Performance meetings and reports");
      await expect(rows.nth(12).textContent()).resolves.toContain("xii. Self-evaluation and improvement plan");
      await page.getByText(/The principal social worker leads practice standards, procedures and regulation/).waitFor();
      await expectAccessible(page, "roles and responsibilities");
      await checkWidths(page, "roles");

      const learning = rows.filter({ hasText: "x. Learning culture" });
      await expect(learning.textContent()).resolves.toContain("No one named yet");
      await learning.getByRole("button", { name: "Change who is accountable for Learning culture" }).click();
      const dialog = page.getByRole("dialog", { name: /Who is accountable for learning culture/ });
      await dialog.waitFor();
      await expectAccessible(page, "the accountability dialog");
      await screenshot(page, "roles-dialog");
      await dialog.getByRole("combobox", { name: /Named lead/ }).selectOption({ label: "Tom Okafor, Principal social worker" });
      await dialog.getByRole("textbox", { name: /Notes/ }).fill("Reports to the QA board each quarter.");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByText("Saved. Learning culture is led by the principal social worker (Tom Okafor).").waitFor();
      await expect(learning.textContent()).resolves.toContain("Named lead: Tom Okafor");
      await expect(learning.textContent()).resolves.toContain("Reports to the QA board each quarter.");

      const components = await api<{ components: { id: string; name: string; leadRole: string; leadPersonId?: string; notes: string }[] }>("person-dcs", "GET", "/api/framework-components");
      expect(components.body.components.find((component) => component.name === "Learning culture")).toMatchObject({
        leadRole: "principal_social_worker",
        leadPersonId: "person-psw",
        notes: "Reports to the QA board each quarter.",
      });
    } finally {
      await page.close();
    }
  }, 120_000);

  it("hides planning and editing from people who cannot use them", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Grace Adeyemi");
      await navigation(page).getByRole("link", { name: "Programmes" }).click();
      await page.getByRole("row").filter({ hasText: "Regular case audits, October to December 2026" }).waitFor();
      expect(await page.getByRole("link", { name: "Plan a programme" }).count()).toBe(0);
      await navigation(page).getByRole("link", { name: "Library" }).click();
      await page.getByRole("row").filter({ hasText: "PS-1" }).waitFor();
      expect(await page.getByRole("button", { name: "Add a standard" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Make a new audit tool" }).count()).toBe(0);
      await navigation(page).getByRole("link", { name: "Roles" }).click();
      await page.getByRole("table", { name: "The twelve parts of the QA framework, in order" }).waitFor();
      expect(await page.getByRole("button", { name: /^Change/ }).count()).toBe(0);
      await expectAccessible(page, "roles for a team manager");
    } finally {
      await page.close();
    }
  }, 60_000);
});
