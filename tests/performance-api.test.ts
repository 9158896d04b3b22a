// Performance data through the API on the demo authority: the CSV import (a
// good month, a file with bad rows that imports nothing, re-importing a month
// replaces it with an audit-log entry), the real DfE comparators for a chosen
// South East authority, focused audit proposals, triangulation and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthOf, addMonths } from "../api/domain/performance/months.js";
import { apiCall, localToken, signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const lastMonth = addMonths(monthOf(new Date()), -1);

let app: TestApp;
let call: Caller;

async function importCsv(fileName: string, csv: string, personId = "person-qa-lead"): Promise<Record<string, unknown>> {
  const started = await call(personId, "post", "/api/performance/imports", { fileName, csv });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const importId = started.body.id as string;
  // Poll as the tab does, until the import has finished (no time limit beyond the test's own).
  for (;;) {
    const polled = await call(personId, "get", `/api/performance/imports/${importId}`);
    expect(polled.status).toBe(200);
    if (!["validating", "writing"].includes(polled.body.status as string)) return polled.body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function authorityValues(kpiId: string, month: string): Promise<{ month: string; value: number; placeName: string }[]> {
  const report = await call("person-qa-lead", "get", `/api/performance/kpis/${kpiId}?from=${month}&to=${month}`);
  expect(report.status).toBe(200);
  return report.body.values as { month: string; value: number; placeName: string }[];
}

beforeAll(async () => {
  app = await startTestApp();
  call = await signedInCaller(app.url, ["person-qa-lead", "person-tm-cp", "person-external", "person-sw-amira", "person-hos"]);
});
afterAll(async () => app?.stop());

describe("the KPI values import", () => {
  const goodMonth = [
    "kpi_code,month,team,service,value,note",
    `REREF-12,${lastMonth},,,22.5,whole authority`,
    `REREF-12,${lastMonth},Assessment team,Front door and assessment,27.1,`,
    `REREF-12,${lastMonth},Child protection team,,18,`,
    `ASSESS-45,${lastMonth},,Front door and assessment,83%,`,
    `CASELOAD,${lastMonth},,,16.2,`,
  ].join("\n");

  it("imports a good month, and the template downloads with one row per KPI and place", async () => {
    const template = await apiCall(app.url, "get", "/api/performance/import-template.csv", { token: await localToken(app.url, "person-qa-lead") });
    expect(template.status).toBe(200);
    expect(template.headers.get("content-type")).toContain("text/csv");
    const lines = String(template.body).trim().split("\n");
    expect(lines[0]).toBe("kpi_code,month,team,service,value,note");
    expect(lines).toContain(`REREF-12,${lastMonth},Assessment team,Front door and assessment,,`);

    const finished = await importCsv("kpis.csv", goodMonth);
    expect(finished).toMatchObject({ status: "imported", importedCount: 5, replacedCount: 0, rowCount: 5, months: [lastMonth], rejectedRows: [] });
    const values = await authorityValues("kpi-rereferrals", lastMonth);
    expect(values.map((value) => [value.placeName, value.value]).sort()).toEqual([
      ["Assessment team", 27.1],
      ["Child protection team", 18],
      ["Whole authority", 22.5],
    ]);
  });

  it("names every rejected row with its reason and imports nothing", async () => {
    const before = await authorityValues("kpi-rereferrals", lastMonth);
    const bad = [
      "kpi_code,month,team,service,value,note",
      `REREF-12,${lastMonth},,,19,`,
      `NOPE,${lastMonth},,,19,`,
      `REREF-12,2026/10,,,19,`,
      `REREF-12,${lastMonth},Assessment team,Children in care and care leavers,19,`,
      `REREF-12,${lastMonth},Nowhere team,,19,`,
      `REREF-12,${lastMonth},,,,`,
      `REREF-12,${lastMonth},,,140,`,
      `CASELOAD,${lastMonth},,,12%,`,
      `REREF-12,${lastMonth},,,21,`,
      `REREF-12,2999-01,,,21,`,
    ].join("\n");
    const finished = await importCsv("bad.csv", bad);
    expect(finished.status).toBe("rejected");
    expect(finished.importedCount).toBe(0);
    const rejected = finished.rejectedRows as { row: number; reason: string }[];
    expect(rejected.map((entry) => entry.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const reason = (row: number) => rejected.find((entry) => entry.row === row)?.reason;
    expect(reason(3)).toContain('No KPI has the code "NOPE"');
    expect(reason(4)).toContain('"2026/10" is not a month');
    expect(reason(5)).toContain("is in Front door and assessment, not Children in care and care leavers");
    expect(reason(6)).toContain('No team is called "Nowhere team"');
    expect(reason(7)).toContain("The value is empty");
    expect(reason(8)).toContain("percentage over 100");
    expect(reason(9)).toContain("not a percentage");
    expect(reason(10)).toContain("Row 2 already gives REREF-12 for the whole authority");
    expect(reason(11)).toContain("2999-01 has not finished yet");
    expect(finished.message).toContain("Nothing was imported");
    expect(await authorityValues("kpi-rereferrals", lastMonth)).toEqual(before);
  });

  it("refuses a file whose header is not the format, naming row 1", async () => {
    const finished = await importCsv("wrong.csv", "code,when,figure\nREREF-12,2026-01,3");
    expect(finished.status).toBe("rejected");
    expect(finished.rejectedRows).toEqual([{ row: 1, reason: expect.stringContaining("it has no kpi_code, month, value columns") }]);
  });

  it("re-importing the same month replaces its values, with an audit-log entry", async () => {
    const sequenceBefore = Math.max(0, ...(await app.store.auditLog({ limit: 100_000 })).map((entry) => entry.sequence));
    const again = ["kpi_code,month,team,service,value,note", `REREF-12,${lastMonth},,,21.4,corrected`, `REREF-12,${lastMonth},Assessment team,,26,`].join("\n");
    const finished = await importCsv("kpis-corrected.csv", again);
    expect(finished).toMatchObject({ status: "imported", importedCount: 2, replacedCount: 3 });
    expect(finished.message).toContain("replacing the 3 values imported before");
    const values = await authorityValues("kpi-rereferrals", lastMonth);
    expect(values.map((value) => [value.placeName, value.value]).sort()).toEqual([
      ["Assessment team", 26],
      ["Whole authority", 21.4],
    ]);
    // Other KPIs of the month are untouched.
    expect((await authorityValues("kpi-caseloads", lastMonth)).map((value) => value.value)).toEqual([16.2]);
    const log = (await app.store.auditLog({ after: sequenceBefore, limit: 1000 })).filter((entry) => entry.actorId === "person-qa-lead");
    expect(log.filter((entry) => entry.kind === "kpiValue" && entry.operation === "delete")).toHaveLength(3);
    const importEntry = log.find((entry) => entry.kind === "kpiImport" && entry.operation === "update" && entry.recordId === finished.id && entry.changes.replacedCount !== undefined);
    expect(importEntry?.changes.replacedCount).toEqual({ from: 0, to: 3 });
  });

  it("records its progress as it checks a long file, then imports every row", async () => {
    const places = ["Assessment team,", "Child protection team,", "Children in care team,", ",Front door and assessment", ",Children in need and child protection", ",Children in care and care leavers", ","];
    const rows = ["kpi_code,month,team,service,value"];
    for (let back = 24; back < 40; back += 1) {
      for (const code of ["REREF-12", "ASSESS-45", "CASELOAD", "VISITS", "CPP-2YRS", "CPP-REPEAT"]) for (const place of places) rows.push(`${code},${addMonths(lastMonth, -back)},${place},${back % 40}`);
    }
    const finished = await importCsv("history.csv", rows.join("\n"));
    expect(finished).toMatchObject({ status: "imported", rowCount: 672, checkedCount: 672, importedCount: 672 });
    const progress = (await app.store.auditLog({ kind: "kpiImport", recordId: finished.id as string, limit: 100 }))
      .map((entry) => entry.changes.checkedCount?.to)
      .filter((count) => count !== undefined);
    expect(progress).toEqual([0, 250, 500, 672]);
    expect(finished.message).toContain("16 months from");
  });

  it("only the QA lead imports", async () => {
    const refused = await call("person-tm-cp", "post", "/api/performance/imports", { fileName: "x.csv", csv: "kpi_code,month,value\n" });
    expect(refused.status).toBe(403);
  });
});

describe("DfE comparators for the chosen authority", () => {
  it("shows Hampshire (the default) against the South East, England and its ten statistical neighbours, with suppressed values not published", async () => {
    const report = await call("person-tm-cp", "get", "/api/performance/kpis/kpi-rereferrals");
    expect(report.status).toBe(200);
    const comparators = report.body.comparators as { available: boolean; authorityName: string; regionName: string; periods: Record<string, unknown>[] };
    expect(comparators).toMatchObject({ available: true, authorityName: "Hampshire", regionName: "South East" });
    const period = (year: string) => comparators.periods.find((entry) => entry.timePeriod === year) as Record<string, Record<string, unknown>> & { neighbours: unknown[] };
    expect(period("2025").authority).toEqual({ published: true, value: 41 });
    expect(period("2025").region).toMatchObject({ published: true, value: 28.4, name: "South East" });
    expect(period("2025").england).toEqual({ published: true, value: 22.6 });
    expect(period("2025").neighbours).toHaveLength(10);
    expect(period("2025").neighbourAverage).toMatchObject({ published: true });
    expect(period("2024").authority).toEqual({ published: false, code: "u", reason: "low reliability" });
  });

  it("lets the QA lead choose another South East authority, and nobody else", async () => {
    const settings = await call("person-qa-lead", "get", "/api/performance/comparator-authority");
    expect(settings.body).toMatchObject({ laCode: "E10000014", isDefault: true });
    const authorities = settings.body.authorities as { laCode: string; name: string; regionName: string }[];
    expect(authorities[0]?.regionName).toBe("South East");
    const kent = authorities.find((authority) => authority.name === "Kent")!;
    expect((await call("person-hos", "patch", "/api/performance/comparator-authority", { laCode: kent.laCode }, settings.etag)).status).toBe(403);
    expect((await call("person-qa-lead", "patch", "/api/performance/comparator-authority", { laCode: "E99999999" }, settings.etag)).status).toBe(422);
    const chosen = await call("person-qa-lead", "patch", "/api/performance/comparator-authority", { laCode: kent.laCode }, settings.etag);
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ laCode: kent.laCode, authorityName: "Kent", isDefault: false });
    const report = await call("person-qa-lead", "get", "/api/performance/kpis/kpi-caseloads");
    expect(report.body.comparators).toMatchObject({ available: true, authorityName: "Kent", regionName: "South East" });
    const back = await call("person-qa-lead", "get", "/api/performance/comparator-authority");
    await call("person-qa-lead", "patch", "/api/performance/comparator-authority", { laCode: "E10000014" }, back.etag);
  });

  it("says why a KPI that DfE does not publish has no comparators", async () => {
    const report = await call("person-qa-lead", "get", "/api/performance/kpis/kpi-visits");
    expect(report.body.comparators).toEqual({ available: false, reason: expect.stringContaining("not published by the Department for Education") });
  });

  it("gives the report pack its headline KPIs for a month", async () => {
    const headlines = await call("person-qa-lead", "get", `/api/performance/headlines?month=${lastMonth}`);
    const rereferrals = (headlines.body.headlines as { kpi: { code: string }; value: number | null; rag: string | null; latestComparators: { timePeriod: string } | null }[]).find((entry) => entry.kpi.code === "REREF-12");
    expect(rereferrals).toMatchObject({ value: 21.4, rag: "amber", latestComparators: { timePeriod: "2025" } });
  });

  it("keeps performance figures from an external auditor", async () => {
    expect((await call("person-external", "get", "/api/performance/kpis")).status).toBe(403);
    expect((await call("person-sw-amira", "get", "/api/performance/kpis")).status).toBe(200);
  });
});

describe("data confidence", () => {
  it("the QA lead rates a KPI's data with a reason; a rating without one is refused", async () => {
    const report = await call("person-qa-lead", "get", "/api/performance/kpis/kpi-visits");
    expect((await call("person-qa-lead", "patch", "/api/performance/kpis/kpi-visits/confidence", { rating: "low", reason: "" }, report.etag)).status).toBe(422);
    expect((await call("person-tm-cp", "patch", "/api/performance/kpis/kpi-visits/confidence", { rating: "low", reason: "x" }, report.etag)).status).toBe(403);
    const rated = await call("person-qa-lead", "patch", "/api/performance/kpis/kpi-visits/confidence", { rating: "low", reason: "Late recording." }, report.etag);
    expect(rated.status).toBe(200);
    expect(rated.body.dataConfidence).toMatchObject({ rating: "low", ratingReason: "Late recording.", ratedById: "person-qa-lead", ratedByName: "Priya Shah" });
  });
});

describe("KPI definitions", () => {
  const agency = {
    code: "AGENCY",
    name: "Agency social workers",
    measures: "Agency social workers covering posts, as a share of all social workers (FTE).",
    purpose: "High agency use means children change worker more often.",
    polarity: "lower_is_better",
    unit: "percent",
    target: 12,
    tolerance: 3,
    dataConfidence: { sourceSystem: "iTrent", sourceReport: "WF-03 Agency staff", extraction: "Monthly, by HR.", timeliness: "Two weeks after month end.", rating: "medium", ratingReason: "Agency starters are entered late." },
    dfeMeasure: { file: "csww_indicators_2017_to_2025.csv", measure: "agency_rate", label: "Agency worker rate (FTE)" },
  };

  it("the QA lead defines a KPI mapped to a DfE column that exists, and changes its target", async () => {
    const wrongColumn = await call("person-qa-lead", "post", "/api/performance/kpis", agency);
    expect(wrongColumn.status).toBe(422);
    expect(wrongColumn.body.detail).toContain('csww_indicators_2017_to_2025.csv has no measure column "agency_rate". Its measure columns are: inpost_fte');
    expect((await call("person-qa-lead", "post", "/api/performance/kpis", { ...agency, code: "REREF-12", dfeMeasure: undefined })).body.detail).toContain("already has the code REREF-12");
    expect((await call("person-tm-cp", "post", "/api/performance/kpis", agency)).status).toBe(403);

    const created = await call("person-qa-lead", "post", "/api/performance/kpis", { ...agency, dfeMeasure: { ...agency.dfeMeasure, measure: "agency_rate_fte" } });
    expect(created.status).toBe(201);
    expect(created.body.dataConfidence).toMatchObject({ rating: "medium", ratedById: "person-qa-lead", ratedByName: "Priya Shah" });
    const kpiId = created.body.id as string;
    const report = await call("person-qa-lead", "get", `/api/performance/kpis/${kpiId}`);
    expect(report.body.comparators).toMatchObject({ available: true, authorityName: "Hampshire" });

    const changed = await call("person-qa-lead", "patch", `/api/performance/kpis/${kpiId}`, { target: 10, tolerance: 0 }, created.etag);
    expect(changed.status).toBe(200);
    expect(changed.body.ragRule).toBe("Green at 10% or below; red above 10%.");
    expect(changed.body.dataConfidence).toMatchObject({ rating: "medium", ratedById: "person-qa-lead" });
    expect((await call("person-qa-lead", "patch", `/api/performance/kpis/${kpiId}`, { target: 11 }, created.etag)).status).toBe(412);
    const unmapped = await call("person-qa-lead", "patch", `/api/performance/kpis/${kpiId}`, { dfeMeasure: null }, changed.etag);
    expect(unmapped.status).toBe(200);
    expect(unmapped.body.dfeMeasure).toBeUndefined();
    expect((await call("person-qa-lead", "get", `/api/performance/kpis/${kpiId}`)).body.comparators).toMatchObject({ available: false });
    const files = await call("person-tm-cp", "get", "/api/performance/dfe-measures");
    expect((files.body.files as { file: string; measures: string[] }[]).find((file) => file.file === "csww_indicators_2017_to_2025.csv")?.measures).toContain("agency_rate_fte");
  });
});

describe("focused audits from data", () => {
  it("proposes a focused audit for the team above the neighbours' average two months running; the QA lead accepts one and dismisses another", async () => {
    const checked = await call("person-qa-lead", "post", "/api/performance/proposals/check");
    expect(checked.status).toBe(200);
    const checks = checked.body.checks as { code: string; fired: boolean; proposalId?: string }[];
    const rereferrals = checks.find((check) => check.code === "REREF-12")!;
    expect(rereferrals.fired).toBe(true);
    const proposals = (await call("person-qa-lead", "get", "/api/performance/proposals?status=proposed")).body.proposals as { id: string; kpiCode: string; teams: { name: string }[]; rule: string; evidence: unknown[] }[];
    const proposal = proposals.find((entry) => entry.id === rereferrals.proposalId)!;
    expect(proposal.teams.map((team) => team.name)).toEqual(["Assessment team"]);
    expect(proposal.rule).toContain("statistical neighbours' average for 2 consecutive months");
    // Checking again proposes nothing new.
    await call("person-qa-lead", "post", "/api/performance/proposals/check");
    expect(((await call("person-qa-lead", "get", "/api/performance/proposals?status=proposed")).body.proposals as unknown[]).length).toBe(proposals.length);

    const fetched = await call("person-qa-lead", "get", "/api/performance/proposals");
    const etagOf = async (id: string) => (await app.store.get("focusedAuditProposal", id))!.etag;
    expect((await call("person-tm-cp", "post", `/api/performance/proposals/${proposal.id}/accept`, {}, await etagOf(proposal.id))).status).toBe(403);
    const accepted = await call("person-qa-lead", "post", `/api/performance/proposals/${proposal.id}/accept`, {}, await etagOf(proposal.id));
    expect(accepted.status).toBe(200);
    const programme = accepted.body.programme as { id: string; auditType: string; teamIds: string[]; theme: string };
    expect(programme).toMatchObject({ auditType: "focused", teamIds: ["team-assessment"], theme: "Re-referrals within 12 months" });
    expect((await call("person-qa-lead", "get", `/api/audit-programmes/${programme.id}`)).status).toBe(200);
    expect((await call("person-qa-lead", "post", `/api/performance/proposals/${proposal.id}/accept`, {}, await etagOf(proposal.id))).status).toBe(412);
    expect(fetched.status).toBe(200);

    const other = (fetched.body.proposals as { id: string; status: string }[]).find((entry) => entry.status === "proposed" && entry.id !== proposal.id);
    if (other) {
      expect((await call("person-qa-lead", "post", `/api/performance/proposals/${other.id}/dismiss`, { reason: "" }, await etagOf(other.id))).status).toBe(400);
      const dismissed = await call("person-qa-lead", "post", `/api/performance/proposals/${other.id}/dismiss`, { reason: "Already covered by the thematic audit." }, await etagOf(other.id));
      expect(dismissed.body).toMatchObject({ status: "dismissed", dismissedReason: "Already covered by the thematic audit." });
    }
  });
});

describe("triangulation", () => {
  it("puts a team's KPIs beside its audit grades, findings and moderation, and says what is not recorded", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const result = await call("person-tm-cp", "get", `/api/triangulation?teamId=team-child-protection&from=${addMonths(lastMonth, -3)}-01&to=${today}`);
    expect(result.status).toBe(200);
    expect(result.body.focus).toEqual({ kind: "team", name: "Child protection team" });
    const kpis = result.body.kpis as { code: string; values: { placeName: string }[] }[];
    expect(kpis.find((kpi) => kpi.code === "CPP-2YRS")?.values.every((value) => value.placeName === "Child protection team")).toBe(true);
    expect(result.body.audits).toMatchObject({ count: expect.any(Number), grades: expect.any(Array) });
    expect(result.body.moderation).toMatchObject({ completed: expect.any(Number) });
    const feedback = result.body.feedback as { type: string; theme: string; caseReference: string | null }[];
    expect(feedback).toContainEqual(expect.objectContaining({ type: "complaint", theme: "Worker changes", caseReference: "NM-100562" }));
    expect(feedback.every((entry) => entry.theme !== "Not told about changes to contact")).toBe(true); // the assessment team's
    expect((result.body.observations as unknown[]).length).toBeGreaterThan(0);
    expect(result.body.notRecorded).toEqual([]);
  });

  it("by theme: the audits, feedback and figures for the theme, and says observations have no theme", async () => {
    const result = await call("person-qa-lead", "get", "/api/triangulation?theme=Worker%20changes&from=2020-01-01");
    expect(result.status).toBe(200);
    expect(result.body.focus).toEqual({ kind: "theme", name: "Worker changes" });
    expect((result.body.feedback as { theme: string }[]).map((entry) => entry.theme)).toEqual(["Worker changes"]);
    expect(result.body.notRecorded).toEqual(["practice observations (they are not recorded by theme)"]);
  });

  it("shows service-wide figures with the audits and findings of the service", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const result = await call("person-qa-lead", "get", `/api/triangulation?serviceId=service-front-door&from=2020-01-01&to=${today}`);
    expect(result.status).toBe(200);
    const audits = result.body.audits as { count: number; findings: { caseReference: string; text: string }[] };
    expect(audits.count).toBe(1);
    expect(audits.findings.map((finding) => finding.caseReference)).toContain("NM-100478");
  });

  it("keeps a team manager to their own team", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await call("person-tm-cp", "get", `/api/triangulation?teamId=team-assessment&from=2026-01-01&to=${today}`)).status).toBe(403);
    expect((await call("person-tm-cp", "get", `/api/triangulation?theme=Neglect&from=2026-01-01&to=${today}`)).status).toBe(403);
  });
});
