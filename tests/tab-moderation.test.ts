// The moderation page (#/moderation) in Debian Chromium against the real
// server: the demo's waiting moderation, agreement shown by section (kept in
// the address), the moderations behind a figure, axe-core and 320 px; and
// GET /api/moderations within a team manager's scope.
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
      await expect(overall.textContent()).resolves.toMatch(/24.*50%.*100%/);

      await page.getByRole("combobox", { name: "Show by" }).selectOption({ label: "Section" });
      await page.getByRole("table", { name: "Agreement overall and by section" }).waitFor();
      expect(await page.evaluate(() => window.location.hash)).toBe("#/moderation?by=section");

      const planning = page.getByRole("row").filter({ hasText: "Planning and review" });
      const planningText = await planning.textContent();
      expect(planningText).toMatch(/^Planning and review.*12.*0%.*100%/);
      expect(planningText).toContain("0 up, 12 down");

      // A period with one moderation: too few to say, the numbers behind a disclosure.
      await page.getByLabel("From").fill("2026-10-10");
      await page.getByLabel("To").fill("2026-10-10");
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
      const links = planningAgain.getByRole("link");
      await expect(links.count()).resolves.toBe(12);
      await expect(links.filter({ hasText: "NM-100562" }).count()).resolves.toBe(6);
      expect(await links.first().getAttribute("href")).toMatch(/^#\/audits\//);

      await expectAccessible(page, "the moderation page");
      await checkWidths(page, "moderation");
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
    expect(all.body.moderations).toHaveLength(12);
  });

  it("refuses an unknown status, naming the field", async () => {
    const answer = await api<{ problems: { field: string; message: string }[] }>("person-qa-lead", "GET", "/api/moderations?status=archived");
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([{ field: "query.status", message: "status is one of: requested, completed" }]);
  });
});
