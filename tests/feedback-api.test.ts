// The feedback register, CSV import and the child/family view of audits
// through the REST API, as demo people: who may see and change what,
// complaint stages with problem+json refusals, and imports that land whole
// or not at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../api/config.js";
import { dayOf } from "../api/domain/calendar.js";
import { workingDaysBetween } from "../api/domain/working-days.js";
import { apiCall, expectProblem, localToken, signedInCaller, type Caller } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const people = {
  amira: "person-sw-amira", // practitioner, assessment team
  liam: "person-sw-liam", // practitioner, child protection team
  grace: "person-tm-assessment", // team manager, assessment team
  daniel: "person-tm-cp", // team manager, child protection team
  owen: "person-sm-front-door", // service manager, front door (assessment team)
  priya: "person-qa-lead",
  ruth: "person-external",
} as const;

let app: TestApp;
let call: Caller;
const today = dayOf(new Date());

/** The calendar day `n` working days before today. */
function workingDaysAgo(n: number): string {
  let day = today;
  while (workingDaysBetween(day, today) < n) day = dayOf(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000));
  return day;
}
const daysAgo = (n: number) => dayOf(new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000));

interface FeedbackBody {
  id: string;
  type: string;
  teamId: string;
  teamName: string | null;
  stages: { stage: number; startedOn: string; respondedOn?: string }[];
  standing: { open: boolean; timeliness?: string; stages: { stage: number; dueOn: string; timeliness: string }[] };
}

beforeAll(async () => {
  app = await startTestApp();
  call = await signedInCaller(app.url, Object.values(people));
});
afterAll(async () => {
  await app?.stop();
});

const complaint = (overrides: Record<string, unknown> = {}) => ({
  type: "complaint",
  source: "parent_or_carer",
  receivedOn: daysAgo(40),
  theme: "Communication about contact",
  teamId: "team-assessment",
  caseReference: "NM-100231",
  summary: "Mother says she was not told a contact session had moved.",
  ...overrides,
});

describe("recording and seeing feedback", () => {
  let overdueId: string;

  it("records a complaint at stage 1 from the day it was received, overdue once 10 working days have passed", async () => {
    const created = await call(people.grace, "post", "/api/feedback", complaint());
    expect(created.status).toBe(201);
    const body = created.body as unknown as FeedbackBody;
    overdueId = body.id;
    expect(body.stages).toEqual([{ stage: 1, startedOn: daysAgo(40) }]);
    expect(body.standing).toMatchObject({ open: true, timeliness: "overdue" });
    expect(body.teamName).toBe("Assessment team");
  });

  it("shows a complaint due within 3 working days as due soon", async () => {
    const created = await call(people.grace, "post", "/api/feedback", complaint({ receivedOn: workingDaysAgo(8), theme: "Late visits" }));
    expect((created.body as unknown as FeedbackBody).standing.timeliness).toBe("due_soon");
    const dueSoon = await call(people.grace, "get", "/api/feedback?status=due_soon&teamId=team-assessment");
    expect((dueSoon.body.feedback as FeedbackBody[]).map((feedback) => feedback.id)).toContain((created.body as unknown as FeedbackBody).id);
    expect((dueSoon.body.feedback as FeedbackBody[]).every((feedback) => feedback.standing.timeliness === "due_soon")).toBe(true);
  });

  it("lets the assessment team's practitioner see it, but never another team's practitioner", async () => {
    const amira = await call(people.amira, "get", "/api/feedback?type=complaint");
    expect((amira.body.feedback as FeedbackBody[]).map((feedback) => feedback.id)).toContain(overdueId);
    const liam = await call(people.liam, "get", "/api/feedback");
    expect((liam.body.feedback as FeedbackBody[]).some((feedback) => feedback.teamId !== "team-child-protection")).toBe(false);
    expect((liam.body.feedback as FeedbackBody[]).map((feedback) => feedback.id)).not.toContain(overdueId);
    const byId = await apiCall(app.url, "get", `/api/feedback/${overdueId}`, { token: await localToken(app.url, people.liam) });
    expectProblem(byId, 404);
    const teamFilter = await call(people.liam, "get", "/api/feedback?teamId=team-assessment");
    expect(teamFilter.body.feedback).toEqual([]);
    const ruth = await call(people.ruth, "get", "/api/feedback");
    expect(ruth.body.feedback).toEqual([]);
  });

  it("lets a service manager see their service's teams, and the QA lead everything", async () => {
    const owen = await call(people.owen, "get", "/api/feedback");
    expect((owen.body.feedback as FeedbackBody[]).every((feedback) => feedback.teamId === "team-assessment")).toBe(true);
    expect((owen.body.feedback as FeedbackBody[]).map((feedback) => feedback.id)).toContain(overdueId);
    const priya = await call(people.priya, "get", `/api/feedback/${overdueId}`);
    expect(priya.status).toBe(200);
  });

  it("refuses practitioners recording, and managers recording for another team, changing nothing", async () => {
    const before = await call(people.priya, "get", "/api/feedback");
    const practitioner = await apiCall(app.url, "post", "/api/feedback", { token: await localToken(app.url, people.amira), json: complaint() });
    expect(expectProblem(practitioner, 403).detail).toContain("managers");
    const otherTeam = await apiCall(app.url, "post", "/api/feedback", { token: await localToken(app.url, people.daniel), json: complaint() });
    expectProblem(otherTeam, 403);
    const after = await call(people.priya, "get", "/api/feedback");
    expect((after.body.feedback as unknown[]).length).toBe((before.body.feedback as unknown[]).length);
  });

  it("refuses a name where the case reference goes, and a future date, naming the field", async () => {
    const token = await localToken(app.url, people.grace);
    const named = expectProblem(await apiCall(app.url, "post", "/api/feedback", { token, json: complaint({ caseReference: "Jamie Smith" }) }), 422);
    expect(named.detail).toContain("caseReference");
    const future = expectProblem(await apiCall(app.url, "post", "/api/feedback", { token, json: complaint({ receivedOn: "2099-01-01" }) }), 422);
    expect(future.detail).toContain("cannot be in the future");
  });
});

describe("moving a complaint through its stages", () => {
  it("extends, responds and escalates with If-Match; refuses stale and out-of-rule changes", async () => {
    const created = await call(people.grace, "post", "/api/feedback", complaint({ receivedOn: workingDaysAgo(12), theme: "Assessment delay" }));
    const id = (created.body as unknown as FeedbackBody).id;
    expect((created.body as unknown as FeedbackBody).standing.timeliness).toBe("overdue");
    const token = await localToken(app.url, people.grace);

    const tooLong = await apiCall(app.url, "post", `/api/feedback/${id}/extend`, { token, json: { workingDays: 25, reason: "Complex" }, ifMatch: created.etag });
    expect(expectProblem(tooLong, 422).detail).toContain("between 11 and 20 working days");

    const stale = await apiCall(app.url, "post", `/api/feedback/${id}/extend`, { token, json: { workingDays: 20, reason: "Complex" }, ifMatch: '"stale"' });
    expectProblem(stale, 412);

    const extended = await call(people.grace, "post", `/api/feedback/${id}/extend`, { workingDays: 20, reason: "The family asked to meet first" }, created.etag);
    expect(extended.status).toBe(200);
    expect((extended.body as unknown as FeedbackBody).standing.timeliness).not.toBe("overdue");

    const practitioner = await apiCall(app.url, "post", `/api/feedback/${id}/respond`, { token: await localToken(app.url, people.amira), json: { respondedOn: today, outcome: "upheld" }, ifMatch: extended.etag });
    expectProblem(practitioner, 403);

    const responded = await call(people.grace, "post", `/api/feedback/${id}/respond`, { respondedOn: today, outcome: "partly_upheld" }, extended.etag);
    expect((responded.body as unknown as FeedbackBody).standing).toMatchObject({ open: false, timeliness: "responded_on_time" });

    const again = await apiCall(app.url, "post", `/api/feedback/${id}/respond`, { token, json: { respondedOn: today, outcome: "upheld" }, ifMatch: responded.etag });
    expectProblem(again, 409);

    const escalated = await call(people.grace, "post", `/api/feedback/${id}/escalate`, { requestedOn: today }, responded.etag);
    const stages = (escalated.body as unknown as FeedbackBody).standing.stages;
    expect(stages.map((stage) => [stage.stage, stage.timeliness])).toEqual([
      [1, "responded_on_time"],
      [2, "on_time"],
    ]);

    const compliment = await call(people.grace, "post", "/api/feedback", { ...complaint(), type: "compliment", theme: "Kindness" });
    const noStages = await apiCall(app.url, "post", `/api/feedback/${(compliment.body as unknown as FeedbackBody).id}/escalate`, { token, json: { requestedOn: today }, ifMatch: compliment.etag });
    expectProblem(noStages, 409);
  });

  it("corrects details with PATCH, moving stage 1 with the date received", async () => {
    const created = await call(people.grace, "post", "/api/feedback", complaint({ receivedOn: daysAgo(3), theme: "Wrong theme" }));
    const edited = await call(people.grace, "patch", `/api/feedback/${(created.body as unknown as FeedbackBody).id}`, { theme: "Respect", receivedOn: daysAgo(4) }, created.etag);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ theme: "Respect", receivedOn: daysAgo(4), stages: [{ stage: 1, startedOn: daysAgo(4) }] });
  });
});

describe("the child/family view from audits", () => {
  it("lists what the child told the auditor on the completed audit, linked by audit and case reference, within scope", async () => {
    const priya = await call(people.priya, "get", "/api/feedback/audit-views");
    expect(priya.body.views).toContainEqual(
      expect.objectContaining({ auditId: "audit-completed", caseReference: "NM-100902", soughtFrom: "child", summary: "Likes their worker; wants to know sooner when visits change." }),
    );
    const byCase = await call(people.priya, "get", "/api/feedback/audit-views?caseReference=nm-100902");
    expect((byCase.body.views as { auditId: string }[]).map((view) => view.auditId)).toEqual(["audit-completed"]);
    const liam = await call(people.liam, "get", "/api/feedback/audit-views");
    expect((liam.body.views as { auditId: string }[]).map((view) => view.auditId)).not.toContain("audit-completed");
  });

  it("shows those views beside a complaint about the same case, without copying them", async () => {
    const created = await call(people.priya, "post", "/api/feedback", complaint({ teamId: "team-children-in-care", caseReference: "NM-100902", receivedOn: daysAgo(2) }));
    const id = (created.body as unknown as FeedbackBody).id;
    const detail = await call(people.priya, "get", `/api/feedback/${id}`);
    expect((detail.body.auditViews as { auditId: string }[]).map((view) => view.auditId)).toEqual(["audit-completed"]);
    const stored = await app.store.get("feedback", id);
    expect(JSON.stringify(stored)).not.toContain("Likes their worker");
  });
});

describe("CSV import from a participation tool", () => {
  const header = "source_id,type,received_on,source,theme,team,case_reference,summary";
  const good = [
    header,
    `MOMO-1,compliment,${daysAgo(5)},child_or_young_person,Being listened to,Assessment team,NM-100231,My worker listens to me.`,
    `MOMO-2,complaint,${daysAgo(6)},child_or_young_person,Changes to visits,assessment team,,"Nobody told me, again."`,
  ].join("\n");

  const count = async () => ((await call(people.grace, "get", "/api/feedback?teamId=team-assessment")).body.feedback as unknown[]).length;

  it("offers the template as a download", async () => {
    const response = await apiCall(app.url, "get", "/api/feedback/import-template", { token: await localToken(app.url, people.grace) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("feedback-import-template.csv");
    expect(String(response.body).split("\n")[0]).toBe(header);
  });

  it("imports a good file, and importing it again adds nothing", async () => {
    const before = await count();
    const first = await call(people.grace, "post", "/api/feedback/import", { sourceSystem: "Mind of My Own", csv: good });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ imported: 2, alreadyImported: 0, rows: 2 });
    expect(await count()).toBe(before + 2);
    const imported = (await app.store.query("feedback", { where: { importKey: "mind-of-my-own:MOMO-2" } })).records[0];
    expect(imported).toMatchObject({ type: "complaint", teamId: "team-assessment", stages: [{ stage: 1, startedOn: daysAgo(6) }], summary: "Nobody told me, again." });

    const second = await call(people.grace, "post", "/api/feedback/import", { sourceSystem: "Mind of My Own", csv: good });
    expect(second.body).toEqual({ imported: 0, alreadyImported: 2, rows: 2 });
    expect(await count()).toBe(before + 2);
  });

  it("names every bad row with its reasons and imports nothing, not even the good rows", async () => {
    const before = await count();
    const bad = [
      header,
      `MOMO-10,compliment,${daysAgo(3)},child_or_young_person,Good visit,Assessment team,NM-100231,Fine row`,
      `MOMO-11,praise,${daysAgo(3)},child_or_young_person,Good visit,Assessment team,,`,
      `MOMO-12,complaint,31/10/2026,granny,Late,Assessment team,Jamie Smith,`,
      `MOMO-13,complaint,${daysAgo(3)},parent_or_carer,Late,Moon team,,`,
      `MOMO-10,compliment,${daysAgo(3)},child_or_young_person,Duplicate,Assessment team,,`,
      `MOMO-14,complaint,${daysAgo(3)},parent_or_carer,Late,Child protection team,,`,
    ].join("\n");
    const response = await apiCall(app.url, "post", "/api/feedback/import", { token: await localToken(app.url, people.grace), json: { sourceSystem: "Mind of My Own", csv: bad } });
    const problem = expectProblem(response, 422) as unknown as { detail: string; rejectedRows: { line: number; sourceId: string; reasons: string[] }[] };
    expect(problem.detail).toContain("5 of 6 rows cannot be imported, so nothing was imported");
    expect(problem.rejectedRows).toEqual([
      { line: 3, sourceId: "MOMO-11", reasons: ["type must be compliment or complaint"] },
      {
        line: 4,
        sourceId: "MOMO-12",
        reasons: [
          "received_on must be a date in the form YYYY-MM-DD",
          `source must be one of: child_or_young_person, parent_or_carer, family_member, advocate, professional, other`,
          "case_reference is not a case reference (such as NM-100231); never put a name here",
        ],
      },
      { line: 5, sourceId: "MOMO-13", reasons: ['team "Moon team" is not a team in Golden Thread'] },
      { line: 6, sourceId: "MOMO-10", reasons: ["source_id MOMO-10 is also on line 2"] },
      { line: 7, sourceId: "MOMO-14", reasons: ["you cannot record feedback for the Child protection team"] },
    ]);
    expect(await count()).toBe(before);
    expect((await app.store.query("feedback", { where: { importKey: "mind-of-my-own:MOMO-10" } })).records).toEqual([]);
  });

  it("counts lines as a spreadsheet shows them, and names a row with the wrong number of fields", async () => {
    const csv = [
      header,
      `MOMO-20,compliment,${daysAgo(3)},child_or_young_person,Good visit,Assessment team,,"Two lines:`,
      `she listened"`,
      "",
      `MOMO-21,compliment,${daysAgo(3)},child_or_young_person,Good visit,Assessment team`,
      `MOMO-22,praise,${daysAgo(3)},child_or_young_person,Good visit,Assessment team,,,extra`,
    ].join("\n");
    const response = await apiCall(app.url, "post", "/api/feedback/import", { token: await localToken(app.url, people.grace), json: { sourceSystem: "Mind of My Own", csv } });
    const problem = expectProblem(response, 422) as unknown as { rejectedRows: { line: number; sourceId: string; reasons: string[] }[] };
    expect(problem.rejectedRows).toEqual([
      { line: 5, sourceId: "MOMO-21", reasons: ["the row has 6 fields but the header has 8"] },
      { line: 6, sourceId: "MOMO-22", reasons: ["the row has 9 fields but the header has 8", "type must be compliment or complaint"] },
    ]);
  });

  it("refuses a file whose header is not the template's, and a practitioner's import", async () => {
    const wrong = await apiCall(app.url, "post", "/api/feedback/import", { token: await localToken(app.url, people.grace), json: { sourceSystem: "MOMO", csv: "id,what\n1,2" } });
    expect(expectProblem(wrong, 422).detail).toContain("missing source_id, type, received_on, source, theme, team");
    const practitioner = await apiCall(app.url, "post", "/api/feedback/import", { token: await localToken(app.url, people.amira), json: { sourceSystem: "MOMO", csv: good } });
    expectProblem(practitioner, 403);
  });
});

describe("the 'due soon' window", () => {
  it("is set by COMPLAINT_DUE_SOON_WORKING_DAYS, and refuses a negative number", async () => {
    const strict = await startTestApp({ COMPLAINT_DUE_SOON_WORKING_DAYS: "0" });
    try {
      const token = await localToken(strict.url, people.priya);
      // The seeded complaint has 2 working days left: due soon by default, on time with a window of 0.
      const seeded = await apiCall<FeedbackBody>(strict.url, "get", "/api/feedback/feedback-complaint-due-soon", { token });
      expect(seeded.body.standing.timeliness).toBe("on_time");
      const withDefault = await call(people.priya, "get", "/api/feedback/feedback-complaint-due-soon");
      expect((withDefault.body as unknown as FeedbackBody).standing.timeliness).toBe("due_soon");
    } finally {
      await strict.stop();
    }
    expect(() => loadConfig({ HOST: "127.0.0.1", COMPLAINT_DUE_SOON_WORKING_DAYS: "-1" })).toThrow(/COMPLAINT_DUE_SOON_WORKING_DAYS: Use 0 or more/);
  });
});
