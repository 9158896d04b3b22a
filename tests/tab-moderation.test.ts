// The moderation page (#/moderation) in Debian Chromium against the real
// server: the queues for each kind, agreement shown by section (kept in the
// address), the moderations and the pairs behind a figure, agreement over
// time as a chart and a table, an external parallel audit side by side,
// axe-core and 320 px; and GET /api/moderations within a team manager's scope.
import { describe, expect, it } from "vitest";
import { checkWidths, expectAccessible, go, signIn, useTabBrowser } from "./support/tab-page.js";

// Browser globals used by the functions this file runs in the page.
declare const window: { location: { hash: string } };

const grades = ["outstanding", "good", "requires_improvement", "inadequate"];

// Twelve moderations completed in October 2026, audited by Tom Okafor: six in
// the assessment team (case NM-100231), six in the child protection team
// (NM-100562). The moderator agrees on "voice" and marks "planning" one grade down.
const { newPage, api } = useTabBrowser({
  seed: async (app) => {
    const actor = { id: "test:setup" };
    for (let index = 0; index < 12; index += 1) {
      const assessment = index % 2 === 0;
      const grade = grades[index % 3]!;
      const audit = await app.store.create(
        "audit",
        {
          type: "regular",
          toolId: "tool-regular-case-audit",
          caseId: assessment ? "case-100231" : "case-100562",
          teamId: assessment ? "team-assessment" : "team-child-protection",
          serviceId: assessment ? "service-front-door" : "service-cin-cp",
          auditorId: "person-psw",
          status: "completed",
        },
        actor,
      );
      await app.store.create(
        "moderation",
        {
          auditId: audit.id,
          moderatorId: "person-qa-lead",
          status: "completed",
          completedAt: `2026-10-${String(10 + index).padStart(2, "0")}T10:00:00Z`,
          outcome: "regraded_down",
          rationale: "Planning was weaker than graded",
          grades: [
            { sectionKey: "voice", auditorGrade: grade, moderatorGrade: grade },
            { sectionKey: "planning", auditorGrade: grade, moderatorGrade: grades[grades.indexOf(grade) + 1]! },
          ],
        },
        actor,
      );
    }
    // A third moderator, so a panel can sit on Daniel's audit without his line manager (Helen Marsh).
    await app.store.create("person", { displayName: "Sam Adler", email: "sam.adler@northmoor.example.gov.uk", roles: ["moderator"], jobTitle: "Practice educator" }, actor, { id: "person-moderator-sam" });
    // A disagreement with the QA lead, and a finished external parallel audit (children in care team, November).
    const disputed = await app.store.create(
      "audit",
      { type: "regular", toolId: "tool-regular-case-audit", caseId: "case-100902", teamId: "team-children-in-care", auditorId: "person-tm-cp", status: "in_moderation" },
      actor,
    );
    await app.store.create(
      "moderation",
      {
        auditId: disputed.id,
        moderatorId: "person-psw",
        status: "escalated",
        escalatedToId: "person-qa-lead",
        completedAt: "2026-11-03T10:00:00Z",
        outcome: "regraded_down",
        rationale: "No plan",
        auditorResponse: { accepted: false, reason: "There is a plan", by: "person-tm-cp", at: "2026-11-04T10:00:00Z" },
        grades: [
          { sectionKey: "voice", auditorGrade: "good", moderatorGrade: "good", outcome: "agreed" },
          { sectionKey: "overall", auditorGrade: "good", moderatorGrade: "requires_improvement", outcome: "regraded_down", rationale: "No plan" },
        ],
      },
      actor,
    );
    const parallel = { type: "regular" as const, toolId: "tool-regular-case-audit", caseId: "case-100834", teamId: "team-children-in-care", status: "completed" as const, submittedAt: "2026-11-05T09:00:00Z" };
    const internal = await app.store.create(
      "audit",
      { ...parallel, auditorId: "person-psw", sectionGrades: [{ sectionKey: "voice", grade: "good" }], overallGrade: "good", findings: { workingWell: ["Visits are purposeful"], needsToBeBetter: [] } },
      actor,
    );
    const external = await app.store.create(
      "audit",
      {
        ...parallel,
        type: "external",
        auditorId: "person-external",
        sharedWithIds: ["person-external"],
        parallelWithAuditId: internal.id,
        sectionGrades: [{ sectionKey: "voice", grade: "good" }],
        overallGrade: "requires_improvement",
        findings: { workingWell: [], needsToBeBetter: ["Plans lack dates"] },
      },
      actor,
    );
    await app.store.update("audit", internal.id, { parallelWithAuditId: external.id }, internal.etag, actor);
    await app.store.create(
      "moderation",
      {
        auditId: internal.id,
        parallelAuditId: external.id,
        moderatorId: "person-external",
        kind: "external_parallel",
        status: "completed",
        completedAt: "2026-11-05T09:00:00Z",
        outcome: "regraded_down",
        grades: [
          { sectionKey: "voice", auditorGrade: "good", moderatorGrade: "good", outcome: "agreed" },
          { sectionKey: "overall", auditorGrade: "good", moderatorGrade: "requires_improvement", outcome: "regraded_down" },
        ],
      },
      actor,
    );
  },
});

interface ModerationsBody {
  moderations: { id: string; auditId: string; caseReference: string | null; auditorName: string | null; moderatorName: string | null; status: string; completedAt: string | null }[];
}

describe("the moderation page", () => {
  it("shows Priya Shah the waiting moderation and agreement by section, with the moderations behind a figure", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await page.getByRole("navigation", { name: "Golden Thread" }).getByRole("link", { name: "Moderation" }).click();
      await page.getByRole("heading", { name: "Moderation", level: 2 }).waitFor();

      const waiting = page.getByRole("table", { name: /Audits waiting for a moderator/ });
      const row = waiting.getByRole("row").filter({ hasText: "NM-100478" });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain("Daniel Price");
      await expect(row.textContent()).resolves.toContain("Drawn in the 25% sample (demo)");
      await expect(row.getByRole("link", { name: "NM-100478" }).getAttribute("href")).resolves.toBe("#/audits/audit-in-moderation");
      await page.getByText("from the card in their Teams chat").waitFor();
      await page.getByText("agreement beyond chance: 1 is perfect, 0 is what chance alone would give.").waitFor();

      const overall = page.getByRole("table", { name: "Agreement overall" }).getByRole("row").filter({ hasText: "All moderated grades" });
      // October's 24 pairs, and November's four (the disagreement and the parallel audit): half agree exactly.
      await expect(overall.textContent()).resolves.toMatch(/28.*50%.*100%/);

      await page.getByRole("combobox", { name: "Show by" }).selectOption({ label: "Section" });
      await page.getByRole("table", { name: "Agreement overall and by section" }).waitFor();
      expect(await page.evaluate(() => window.location.hash)).toBe("#/moderation?by=section");

      const planning = page.getByRole("row").filter({ hasText: "Planning and review" });
      const planningText = await planning.textContent();
      expect(planningText).toMatch(/^Planning and review.*12.*0%.*100%/);
      expect(planningText).toContain("0 up, 12 down");

      // A period with one moderation: too few to say, the numbers behind a disclosure.
      await page.getByLabel("From", { exact: true }).fill("2026-10-10");
      await page.getByLabel("To", { exact: true }).fill("2026-10-10");
      await page.waitForFunction(() => window.location.hash === "#/moderation?by=section&from=2026-10-10&to=2026-10-10");
      const fewRow = page.getByRole("row").filter({ hasText: "All moderated grades" });
      await fewRow.getByText("Too few to say").first().waitFor();
      await fewRow.getByText("Too few to say: the numbers anyway").click();
      await fewRow.getByText(/Fewer than 10 pairs\. Exact agreement 50%/).waitFor();
      await fewRow.getByText("The moderation behind this figure").click();
      await fewRow.getByRole("link", { name: "NM-100231" }).waitFor();
      await expectAccessible(page, "the moderation page, too few to say");

      // Back to all time: the moderations behind the planning figure link to their audits.
      await go(page, "#/moderation?by=section");
      const planningAgain = page.getByRole("row").filter({ hasText: "Planning and review" });
      await planningAgain.getByText("The 12 moderations behind this figure").click();
      const links = planningAgain.getByRole("list").getByRole("link");
      await expect(links.count()).resolves.toBe(12);
      await expect(links.filter({ hasText: "NM-100562" }).count()).resolves.toBe(6);
      expect(await links.first().getAttribute("href")).toMatch(/^#\/audits\//);

      await expectAccessible(page, "the moderation page");
      await checkWidths(page, "moderation");
    } finally {
      await page.close();
    }
  });

  it("shows a queue for each kind, the pairs behind a figure and agreement by month as a chart and a table", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/moderation?by=section");
      const withLead = page.getByRole("table", { name: "Disagreements waiting for the QA lead's final decision" }).getByRole("row").filter({ hasText: "NM-100902" });
      await expect(withLead.textContent()).resolves.toMatch(/Daniel Price.*Tom Okafor.*Priya Shah/);
      await page.getByText("No panels are sitting.").waitFor();
      await page.getByText("No re-grades are waiting for an auditor.").waitFor();

      // The pairs behind the planning figure: twelve, every one marked down.
      await page.getByRole("row").filter({ hasText: "Planning and review" }).getByRole("link", { name: "The 12 pairs behind Planning and review" }).click();
      const pairs = page.getByRole("table", { name: "12 pairs of grades, oldest first" });
      await pairs.waitFor();
      expect(await page.evaluate(() => window.location.hash)).toBe("#/moderation?by=section&pairs=planning");
      await expect(pairs.getByRole("row").filter({ hasText: "NM-100562" }).count()).resolves.toBe(6);
      await expect(pairs.getByRole("row").nth(1).textContent()).resolves.toMatch(/NM-100231.*Planning and review.*Outstanding.*Good.*Peer moderation/);
      await page.getByRole("link", { name: "Close the pairs" }).click();
      await page.getByRole("table", { name: /pairs of grades/ }).waitFor({ state: "detached" });

      // Agreement over time: a point per month with its interval, and the same as a table.
      const overTime = page.getByRole("region", { name: "Agreement over time" });
      await overTime.getByRole("group", { name: /Agreement by month\. October 2026: kappa .*; November 2026: kappa too few to say/ }).waitFor();
      await overTime.getByRole("button", { name: "Show as table" }).click();
      const months = overTime.getByRole("table", { name: "Agreement by month, with 95% intervals" });
      await expect(months.getByRole("row").filter({ hasText: "October 2026" }).textContent()).resolves.toMatch(/October 2026\s*24.*50%.* to /);
      await expect(months.getByRole("row").filter({ hasText: "November 2026" }).textContent()).resolves.toContain("Too few to say");
      await months.getByRole("link", { name: "4 pairs in November 2026" }).click();
      const november = page.getByRole("table", { name: "4 pairs of grades, oldest first" });
      await november.waitFor();
      await expect(november.textContent()).resolves.toContain("External parallel audit");
      await page.getByRole("heading", { name: "The pairs behind: November 2026" }).waitFor();
      await expectAccessible(page, "the moderation page: queues, pairs and agreement by month");
      await checkWidths(page, "moderation with pairs");
    } finally {
      await page.close();
    }
  });

  it("shows an external parallel audit side by side: grades per section and both auditors' findings", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/moderation");
      const parallel = page.getByRole("table", { name: /External parallel audits/ }).getByRole("row").filter({ hasText: "NM-100834" });
      await expect(parallel.textContent()).resolves.toMatch(/Tom Okafor.*Ruth Ellison/);
      await parallel.getByRole("link", { name: "Compare side by side" }).click();
      await page.getByRole("heading", { name: "Parallel audit of case NM-100834, side by side" }).waitFor();
      const grades = page.getByRole("table", { name: "Grades side by side" });
      await expect(grades.getByRole("row").filter({ hasText: "Overall" }).textContent()).resolves.toMatch(/Good.*Requires improvement to be good.*External one grade lower/);
      await expect(grades.getByRole("row").filter({ hasText: "The child's voice" }).textContent()).resolves.toContain("Same grade");
      await page.getByRole("region", { name: "Internal findings (Tom Okafor)" }).getByText("Visits are purposeful").waitFor();
      await page.getByRole("region", { name: "External findings (Ruth Ellison)" }).getByText("Plans lack dates").waitFor();
      await expectAccessible(page, "a parallel audit side by side");
      await checkWidths(page, "parallel audit side by side");
    } finally {
      await page.close();
    }
  });

  it("lets the QA lead convene a panel on a waiting moderation and set up an external parallel audit", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/moderation");
      await page.getByRole("button", { name: "Convene a panel for case NM-100478" }).click();
      const panel = page.getByRole("dialog", { name: "Convene a moderation panel" });
      await panel.getByText("Case NM-100478, chaired by Priya Shah").waitFor();
      await panel.getByRole("checkbox", { name: "Tom Okafor" }).check();
      await panel.getByRole("button", { name: "Invite the panel" }).click();
      await panel.getByText("Choose at least two moderators besides the chair.").waitFor();
      await panel.getByRole("checkbox", { name: "Helen Marsh" }).check();
      await expectAccessible(page, "the panel dialog");
      await panel.getByRole("button", { name: "Invite the panel" }).click();
      await panel.getByText("Helen Marsh cannot sit on this panel. The authority's rule is that an auditor's own line manager does not moderate their audits.").waitFor();
      await panel.getByRole("checkbox", { name: "Helen Marsh" }).uncheck();
      await panel.getByRole("checkbox", { name: "Sam Adler" }).check();
      await panel.getByRole("button", { name: "Invite the panel" }).click();
      await page.getByRole("status").getByText("A panel will moderate case NM-100478.", { exact: false }).waitFor();
      const sitting = page.getByRole("table", { name: "Panels waiting for their chair to record the outcome" }).getByRole("row").filter({ hasText: "NM-100478" });
      await expect(sitting.textContent()).resolves.toMatch(/Daniel Price.*Priya Shah/);
      const moderation = await api<{ kind: string; panel: { memberIds: string[] } }>("person-qa-lead", "GET", "/api/moderations/moderation-demo");
      expect(moderation.body).toMatchObject({ kind: "panel", panel: { memberIds: ["person-psw", "person-moderator-sam"] } });

      await page.getByRole("button", { name: "Set up an external parallel audit" }).click();
      const parallel = page.getByRole("dialog", { name: "Set up an external parallel audit" });
      await parallel.getByRole("button", { name: "Set up the parallel audit" }).click();
      await parallel.getByText("Choose the case.").waitFor();
      await parallel.getByRole("combobox", { name: "Case" }).selectOption({ label: "NM-100719" });
      await parallel.getByRole("combobox", { name: "Internal auditor" }).selectOption({ label: "Daniel Price" });
      await parallel.getByRole("combobox", { name: "External auditor" }).selectOption({ label: "Ruth Ellison" });
      await parallel.getByRole("button", { name: "Set up the parallel audit" }).click();
      await page.getByRole("status").getByText("External parallel audit of case NM-100719 set up.", { exact: false }).waitFor();
      const open = page.getByRole("table", { name: /External parallel audits/ }).getByRole("row").filter({ hasText: "NM-100719" });
      await expect(open.textContent()).resolves.toMatch(/Daniel Price.*Ruth Ellison.*Opens when both audits are submitted/);
    } finally {
      await page.close();
    }
  });

  it("shows on the audit's page how its moderation went, section by section, and where it stands", async () => {
    const escalated = await api<ModerationsBody>("person-qa-lead", "GET", "/api/moderations?status=escalated");
    const auditId = escalated.body.moderations[0]!.auditId;
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, `#/audits/${auditId}`);
      await page.getByText("The auditor disagreed: with the QA lead to decide.").waitFor();
      const grades = page.getByRole("table", { name: "The auditor's and the moderator's grades, with the final grade" });
      await expect(grades.getByRole("row").filter({ hasText: "Overall" }).textContent()).resolves.toMatch(/Good.*Requires improvement to be good.*Re-graded down.*No plan.*Not resolved yet/);
      await page.getByText("The auditor disagreed: There is a plan", { exact: false }).waitFor();
      await expectAccessible(page, "an audit's moderation");
    } finally {
      await page.close();
    }
  });

  it("shows the sampling rule, and lets the QA lead change it", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/moderation");
      await page.getByText('Sampling rule: 25% of audits are drawn at random (seed "golden-thread"). Always moderated: Inadequate, Outstanding.', { exact: false }).waitFor();
      await page.getByRole("button", { name: "Change the sampling rule" }).click();
      const dialog = page.getByRole("dialog", { name: "Change the sampling rule" });
      await dialog.getByLabel("Share of audits drawn at random (%)").fill("140");
      await dialog.getByRole("button", { name: "Save the rule" }).click();
      await dialog.getByText("Give a share from 0 to 100.").waitFor();
      await dialog.getByLabel("Share of audits drawn at random (%)").fill("30");
      await dialog.getByLabel("Fewest moderations per auditor each quarter").fill("2");
      await dialog.getByRole("checkbox", { name: "Outstanding" }).uncheck();
      await dialog.getByLabel(/^Seed/).fill("northmoor-2027-q1");
      await expectAccessible(page, "the sampling rule dialog");
      await dialog.getByRole("button", { name: "Save the rule" }).click();
      await page.getByText('Sampling rule: 30% of audits are drawn at random (seed "northmoor-2027-q1"). Always moderated: Inadequate. At least 2 per auditor each quarter. Never moderated by the auditor\'s own line manager.').waitFor();
      const rule = await api<Record<string, unknown>>("person-qa-lead", "GET", "/api/moderation/rule");
      expect(rule.body).toEqual({ sampleRate: 0.3, alwaysModerateGrades: ["inadequate"], seed: "northmoor-2027-q1", minimumPerAuditorPerQuarter: 2, excludeLineManager: true });
    } finally {
      await page.close();
    }
  });

  it("downloads the agreement as a CSV file with the session's token", async () => {
    const page = await newPage();
    try {
      await signIn(page, "Priya Shah");
      await go(page, "#/moderation?by=section&from=2026-10-01");
      await page.getByRole("table", { name: "Agreement overall and by section" }).waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as CSV" }).click()]);
      expect(download.suggestedFilename()).toBe("moderation-agreement-2026-10-01-by-section.csv");
    } finally {
      await page.close();
    }
  });
});

describe("GET /api/moderations", () => {
  it("gives a team manager only the moderations of their team's audits, newest first", async () => {
    const answer = await api<ModerationsBody>("person-tm-assessment", "GET", "/api/moderations");
    expect(answer.status).toBe(200);
    const references = answer.body.moderations.map((moderation) => moderation.caseReference);
    expect(new Set(references)).toEqual(new Set(["NM-100231", "NM-100478"]));
    expect(references.filter((reference) => reference === "NM-100231")).toHaveLength(6);
    const completed = answer.body.moderations.filter((moderation) => moderation.status === "completed").map((moderation) => moderation.completedAt!);
    expect(completed).toEqual([...completed].sort().reverse());
    expect(answer.body.moderations.find((moderation) => moderation.caseReference === "NM-100231")).toMatchObject({ auditorName: "Tom Okafor", moderatorName: "Priya Shah" });

    const waiting = await api<ModerationsBody>("person-tm-assessment", "GET", "/api/moderations?status=requested");
    expect(waiting.body.moderations).toEqual([expect.objectContaining({ caseReference: "NM-100478", auditId: "audit-in-moderation", auditorName: "Daniel Price", status: "requested" })]);

    const all = await api<ModerationsBody>("person-qa-lead", "GET", "/api/moderations?status=completed");
    expect(all.body.moderations).toHaveLength(13);
  });

  it("refuses an unknown status, naming the field", async () => {
    const answer = await api<{ problems: { field: string; message: string }[] }>("person-qa-lead", "GET", "/api/moderations?status=archived");
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([{ field: "query.status", message: "status is one of: requested, awaiting_auditor, escalated, completed" }]);
  });
});
