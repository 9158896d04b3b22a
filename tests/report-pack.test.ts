// The monthly QA report pack through the API: the model for a month and a
// scope, the Word document read back (headings, figures, narratives, chart
// images with alt text), the printable HTML (escaped, the same contents),
// narratives saved with ETags, and who may see and write it. Also the pure
// pieces: chart alt text and SVG escaping.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartSvg } from "../api/domain/chart-svg.js";
import { chart, feedbackSection, kpiSection, workforceSection } from "../api/domain/report-pack.js";
import { monthsEnding } from "../api/domain/report-scope.js";
import { apiCall, expectProblem, signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let app: TestApp;
let call: Caller;
const tokens = new Map<string, string>();
// The current month: the demo's actions and audits are dated today, so the pack is built for this month.
const month = new Date().toISOString().slice(0, 7);
const day = (n: number) => `${month}-${String(n).padStart(2, "0")}`;
const hostileFinding = `Plans <script>alert("x")</script> & "reviews" slip`;

beforeAll(async () => {
  app = await startTestApp();
  const actor = { id: "test:setup" };
  const grades = ["good", "good", "requires_improvement", "outstanding", "inadequate"];
  for (const [index, grade] of grades.entries()) {
    const audit = await app.store.create(
      "audit",
      {
        type: "thematic",
        toolId: "tool-regular-case-audit",
        caseId: "case-100231",
        teamId: "team-assessment",
        serviceId: "service-front-door",
        theme: "Neglect",
        auditorId: "person-tm-assessment",
        status: "completed",
        overallGrade: grade,
        sectionGrades: [
          { sectionKey: "voice", grade },
          { sectionKey: "planning", grade: "requires_improvement" },
        ],
        findings: { workingWell: [`Direct work number ${index + 1} is recorded in the child's words`], needsToBeBetter: index === 0 ? [hostileFinding] : [] },
        submittedAt: `${day(1)}T09:00:00.000Z`,
        completedAt: `${day(1)}T10:00:00.000Z`,
      },
      actor,
    );
    await app.store.create(
      "moderation",
      {
        auditId: audit.id,
        moderatorId: "person-qa-lead",
        status: "completed",
        completedAt: `${day(1)}T11:00:00.000Z`,
        outcome: index === 0 ? "regraded_down" : "agreed",
        rationale: "Checked",
        grades: [{ sectionKey: "overall", auditorGrade: grade, moderatorGrade: index === 0 ? "requires_improvement" : grade }],
      },
      actor,
    );
  }
  await app.store.create(
    "feedback",
    { type: "compliment", source: "parent_or_carer", receivedOn: day(1), theme: "Neglect", teamId: "team-assessment", serviceId: "service-front-door", summary: "Thanked the worker", recordedById: "person-qa-lead" },
    actor,
  );
  call = await signedInCaller(app.url, ["person-qa-lead", "person-sw-amira", "person-sm-front-door", "person-dcs"]);
});
afterAll(async () => app?.stop());

async function download(personId: string, path: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  let token = tokens.get(personId);
  if (!token) {
    token = ((await apiCall<{ token: string }>(app.url, "post", "/api/local-sign-in", { json: { personId } })).body as { token: string }).token;
    tokens.set(personId, token);
  }
  const response = await fetch(`${app.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get("content-type"), disposition: response.headers.get("content-disposition"), bytes: Buffer.from(await response.arrayBuffer()) };
}

interface PackBody {
  pack: { title: string; sections: { key: string; heading: string; intro: string; figures: { label: string; value: string }[]; tables: { caption: string; rows: string[][] }[]; chart?: { altText: string } }[] };
  narratives: { id: string; sectionKey: string; text: string; etag: string | null }[];
  leftOut: { sectionKey: string; reason: string }[];
}

const section = (body: PackBody, key: string) => body.pack.sections.find((candidate) => candidate.key === key)!;
const figure = (body: PackBody, key: string, label: string) => section(body, key).figures.find((candidate) => candidate.label === label)?.value;

describe("the report pack model", () => {
  it("counts the month's grades, moderation agreement, themes and overdue actions for the authority", async () => {
    const response = await call("person-qa-lead", "get", `/api/reports/pack?period=${month}`);
    expect(response.status).toBe(200);
    const body = response.body as unknown as PackBody;
    expect(body.pack.sections.map((candidate) => candidate.key)).toEqual(["summary", "kpis", "grades", "moderation", "themes", "actions", "feedback", "workforce", "improvement_plan"]);
    expect(body.leftOut).toEqual([]);
    // Five audits graded this month by the test, plus the demo's two submitted today.
    expect(Number(figure(body, "grades", "Audits graded this month"))).toBeGreaterThanOrEqual(5);
    expect(figure(body, "moderation", "Moderations completed")).toBe("5");
    expect(figure(body, "moderation", "Exact agreement")).toBe("80%");
    expect(section(body, "themes").tables[1]!.rows).toContainEqual([hostileFinding, "Neglect"]);
    // The demo's overdue action (due 14 days ago, in progress) is in the overdue table.
    expect(section(body, "actions").tables[0]!.rows.map((row) => row[0])).toContain("Tell the child when visits change, and why");
    expect(section(body, "grades").chart!.altText).toMatch(/^Stacked bar chart, Overall audit grades by month\./);
    // The demo's pulse survey closed this month: figures for the whole authority, none for a group under the minimum.
    const workforce = section(body, "workforce").tables[0]!.rows;
    expect(workforce.length).toBeGreaterThan(0);
    for (const row of workforce) expect(Number(row[3])).toBeGreaterThanOrEqual(3);
  });

  it("drills down to a theme: only the audits with that theme count", async () => {
    const response = await call("person-qa-lead", "get", `/api/reports/pack?period=${month}&scope=theme&theme=neglect`);
    const body = response.body as unknown as PackBody;
    expect(figure(body, "grades", "Audits graded this month")).toBe("5");
    expect(figure(body, "grades", "Good or better")).toBe("60%");
    expect(body.pack.sections.map((candidate) => candidate.key)).toEqual(["summary", "grades", "moderation", "themes", "actions", "feedback"]);
    expect(body.leftOut.map((left) => left.sectionKey)).toEqual(["kpis", "workforce", "improvement_plan"]);
    // Only the feedback with that theme: the compliment this test recorded.
    expect(figure(body, "feedback", "Compliments received")).toBe("1");
    expect(figure(body, "feedback", "Complaints received")).toBe("0");
    expect(section(body, "feedback").tables[0]!.rows).toEqual([["Neglect", "1", "0"]]);
  });

  it("shows each KPI's figure for the month with its RAG beside the DfE comparators, suppressed values as not published", async () => {
    // The demo holds KPI values up to the month before last.
    const today = new Date();
    const monthBeforeLast = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1)).toISOString().slice(0, 7);
    const body = (await call("person-qa-lead", "get", `/api/reports/pack?period=${monthBeforeLast}`)).body as unknown as PackBody;
    const kpis = section(body, "kpis");
    expect(Number(figure(body, "kpis", "KPIs reported"))).toBeGreaterThan(0);
    const rows = kpis.tables[0]!.rows;
    const reReferrals = rows.find((row) => row[0] === "Re-referrals within 12 months")!;
    expect(reReferrals[1]).toMatch(/^\d+(\.\d)?%$/);
    expect(["Red", "Amber", "Green"]).toContain(reReferrals[2]);
    expect(reReferrals[4]).toMatch(/^(\d+(\.\d)?%|not published)$/);
    for (const row of rows) for (const cell of row.slice(4, 8)) expect(cell).not.toBe("0");
    // A service's pack takes the service's own figures.
    const service = (await call("person-qa-lead", "get", `/api/reports/pack?period=${monthBeforeLast}&scope=service&serviceId=service-front-door`)).body as unknown as PackBody;
    expect(section(service, "kpis").intro).toContain("the DfE comparators are for the whole authority");
  });

  it("lets a service manager see their own service's pack only, and not a practitioner at all", async () => {
    expect((await call("person-sm-front-door", "get", `/api/reports/pack?period=${month}&scope=service&serviceId=service-front-door`)).status).toBe(200);
    expect((await call("person-sm-front-door", "get", `/api/reports/pack?period=${month}&scope=service&serviceId=service-cin-cp`)).status).toBe(403);
    expect((await call("person-sm-front-door", "get", `/api/reports/pack?period=${month}`)).status).toBe(403);
    expect((await call("person-sw-amira", "get", `/api/reports/pack?period=${month}`)).status).toBe(403);
    const missing = await apiCall(app.url, "get", `/api/reports/pack?period=${month}&scope=service`, { token: tokens.get("x") ?? (await signInToken("person-qa-lead")) });
    expect(expectProblem(missing, 400).detail).toContain("Choose the service");
  });
});

async function signInToken(personId: string): Promise<string> {
  return ((await apiCall<{ token: string }>(app.url, "post", "/api/local-sign-in", { json: { personId } })).body as { token: string }).token;
}

describe("narratives", () => {
  it("saves the QA lead's narrative with ETags: a stale save, or a second first save, is refused and changes nothing", async () => {
    const before = (await call("person-qa-lead", "get", `/api/reports/pack?period=${month}`)).body as unknown as PackBody;
    const slot = before.narratives.find((narrative) => narrative.sectionKey === "grades")!;
    expect(slot).toMatchObject({ text: "", etag: null });
    const first = await call("person-qa-lead", "post", "/api/reports/narratives", { period: month, scope: "authority", sectionKey: "grades", text: "Grades held steady; planning is the weak spot." });
    expect(first.status).toBe(201);
    expect(first.body.id).toBe(slot.id);
    const again = await call("person-qa-lead", "post", "/api/reports/narratives", { period: month, scope: "authority", sectionKey: "grades", text: "A second first version" });
    expect(again.status).toBe(412);
    const path = `/api/reports/narratives/${slot.id}`;
    expect((await call("person-qa-lead", "patch", path, { text: "No ETag" })).status).toBe(428);
    const second = await call("person-qa-lead", "patch", path, { text: "Grades held steady; planning is weakest." }, first.etag);
    expect(second.status).toBe(200);
    const stale = await call("person-qa-lead", "patch", path, { text: "Overwrite" }, first.etag);
    expect(stale.status).toBe(412);
    const pack = (await call("person-qa-lead", "get", `/api/reports/pack?period=${month}`)).body as unknown as PackBody;
    expect(pack.narratives.find((narrative) => narrative.sectionKey === "grades")).toMatchObject({ text: "Grades held steady; planning is weakest.", etag: second.etag });
    // Another scope's narrative is its own.
    const themed = (await call("person-qa-lead", "get", `/api/reports/pack?period=${month}&scope=theme&theme=Neglect`)).body as unknown as PackBody;
    expect(themed.narratives.find((narrative) => narrative.sectionKey === "grades")).toMatchObject({ text: "", etag: null });
  });

  it("lets only the QA lead or the PSW write narratives", async () => {
    const refused = await call("person-dcs", "post", "/api/reports/narratives", { period: month, scope: "authority", sectionKey: "summary", text: "Mine" });
    expect(refused.status).toBe(403);
    const missing = await call("person-qa-lead", "post", "/api/reports/narratives", { period: "2026-13", scope: "authority", sectionKey: "summary", text: "Mine" });
    expect(missing.status).toBe(400);
  });
});

describe("the Word document", () => {
  it("has every section's heading, figures, narrative and chart images with alt text", async () => {
    expect((await call("person-qa-lead", "post", "/api/reports/narratives", { period: month, scope: "authority", sectionKey: "moderation", text: "Moderators agree on 4 in 5 grades & the one change was down." })).status).toBe(201);
    const file = await download("person-qa-lead", `/api/reports/pack.docx?period=${month}`);
    expect(file.status).toBe(200);
    expect(file.type).toContain("wordprocessingml");
    expect(file.disposition).toContain(`qa-report-pack-${month}-authority.docx`);
    const zip = await JSZip.loadAsync(file.bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    for (const heading of ["Summary", "Headline KPIs with comparators", "Audit grades", "Moderation agreement", "Themes from audit findings", "Actions overdue", "Feedback and &quot;you said, we did&quot;", "Workforce voice", "Improvement plan progress"]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Grades held steady; planning is weakest.");
    expect(text).toContain("Moderators agree on 4 in 5 grades &amp; the one change was down.");
    expect(text).toContain("Exact agreement 80%");
    expect(text).toContain("Plans &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;reviews&quot; slip");
    expect(text).toContain("The QA lead has not written a narrative for this section.");
    const media = Object.keys(zip.files).filter((name) => name.startsWith("word/media/") && name.endsWith(".png"));
    expect(media.length).toBe(5); // grades, moderation, themes, feedback, workforce; the demo's plan priority has no actions yet, so no chart
    const png = await zip.file(media[0]!)!.async("nodebuffer");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((match) => match[1]);
    expect(descriptions).toHaveLength(media.length);
    expect(descriptions.some((description) => description!.startsWith("Bar chart, Moderators&apos;") || description!.startsWith("Bar chart, Moderators'"))).toBe(true);
  });
});

describe("the printable HTML", () => {
  it("escapes what people wrote and carries the same sections, charts as inline SVG with a title and description", async () => {
    const file = await download("person-qa-lead", `/api/reports/pack.html?period=${month}`);
    expect(file.status).toBe(200);
    expect(file.type).toContain("text/html");
    const page = file.bytes.toString("utf8");
    expect(page).not.toContain("<script>");
    expect(page).toContain("Plans &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;reviews&quot; slip");
    expect(page).toContain("@media print");
    expect(page.match(/<h2 /g)).toHaveLength(9);
    expect(page.match(/<svg /g)!.length).toBeGreaterThanOrEqual(3);
    expect(page).toMatch(/<title id="chart-3-title">Overall audit grades by month<\/title>/);
    expect(page).toContain("Grades held steady; planning is weakest.");
  });
});

describe("charts", () => {
  it("describes the data in the alt text and escapes labels in the SVG", () => {
    const spec = chart({ kind: "bar", title: "Grades <by> team", categories: ["A & B", "C"], series: [{ name: "Good", values: [3, 0] }], unit: "percent" });
    expect(spec.altText).toBe("Bar chart, Grades <by> team. A & B: 3%; C: 0%.");
    const svg = chartSvg(spec, "x");
    expect(svg).toContain("<title id=\"x-title\">Grades &lt;by&gt; team</title>");
    expect(svg).toContain("A &amp; B");
    expect(svg).not.toContain("<by>");
    expect(chart({ kind: "bar", title: "Empty", categories: [], series: [], unit: "count" }).altText).toBe("Empty: no data for this period.");
  });

  it("counts six months back for the trend, across a year end", () => {
    expect(monthsEnding("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });
});

describe("the sections fed by KPIs, feedback and workforce voice", () => {
  it("lays out KPI headlines with comparators, counting RAG", () => {
    const section = kpiSection(
      [
        { name: "Re-referrals within 12 months", value: "24.0%", rag: "Red", target: "20%", authority: "21.5%", region: "not published", england: "22.4%", neighbours: "20.9%", comparatorPeriod: "2024" },
        { name: "Visits on time", value: "no figure", rag: "", target: "95%", authority: "", region: "", england: "", neighbours: "", comparatorPeriod: "" },
      ],
      undefined,
      "",
    );
    expect(section.figures).toEqual([
      { label: "KPIs reported", value: "1" },
      { label: "Red", value: "1" },
      { label: "Amber", value: "0" },
      { label: "Green", value: "0" },
    ]);
    expect(section.tables[0]!.rows[0]).toContain("not published");
  });

  it("sorts feedback themes by volume and charts the busiest eight", () => {
    const section = feedbackSection(
      {
        compliments: 3,
        complaints: 2,
        byTheme: [
          { theme: "Communication", compliments: 0, complaints: 2 },
          { theme: "Support", compliments: 3, complaints: 0 },
        ],
        complaintsOpen: 1,
        complaintsOverdue: 0,
        youSaidWeDid: [{ theme: "Visits", youSaid: "Tell us sooner", weDid: ["Texts the day before", "A named duty worker"], publishedOn: "2026-11-10" }],
      },
      "",
    );
    expect(section.tables[0]!.rows.map((row) => row[0])).toEqual(["Support", "Communication"]);
    expect(section.tables[1]!.rows[0]).toEqual(["Visits", "Tell us sooner", "Texts the day before A named duty worker", "2026-11-10"]);
    expect(section.chart!.altText).toBe("Stacked bar chart, Feedback received by theme. Support: Compliments 3, Complaints 0; Communication: Compliments 0, Complaints 2.");
  });

  it("never shows a small group's answers", () => {
    const section = workforceSection(
      {
        minimumGroupSize: 5,
        placeName: "the whole authority",
        surveys: [
          { title: "Pulse", round: "Autumn 2026", closesOn: "2026-11-20", respondents: null, questions: [] },
          { title: "Health check", round: "2026", closesOn: "2026-11-25", respondents: 12, questions: [{ text: "I feel supported", favourablePercent: 75 }] },
        ],
      },
      "",
    );
    expect(section.tables[0]!.rows).toEqual([
      ["Pulse", "Autumn 2026", "2026-11-20", "fewer than 5: not shown", "", ""],
      ["Health check", "2026", "2026-11-25", "12", "I feel supported", "75%"],
    ]);
    expect(section.chart!.title).toBe("Health check (2026): share answering favourably");
  });
});
