// Who may see and change what, through the REST API, for every demo role.
// Each person signs in locally; the expected answers are written out below
// from the demo seed (which team and service each audit and action belongs
// to, who audits and who owns what), not computed by the code under test.
// Out of scope is "not there" (404), never a 403 that gives away a record's
// existence; a refused change changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, expectProblem, localToken } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

const people = {
  amira: "person-sw-amira", // practitioner, assessment team (front door service)
  liam: "person-sw-liam", // practitioner, child protection team (CIN/CP service)
  chloe: "person-sw-chloe", // practitioner, children in care team
  grace: "person-tm-assessment", // team manager + auditor, assessment team
  daniel: "person-tm-cp", // team manager + auditor, child protection team
  owen: "person-sm-front-door", // service manager + auditor, front door service
  helen: "person-hos", // head of service, CIN/CP service
  priya: "person-qa-lead", // QA lead
  tom: "person-psw", // principal social worker
  ruth: "person-external", // external auditor
  marcus: "person-dcs", // director of children's services
} as const;
type Who = keyof typeof people;
const everyone = Object.keys(people) as Who[];

// The seed, for reference:
//   audit-planned               child protection team   practitioner liam   no auditor
//   audit-assigned              assessment team         practitioner amira  auditor daniel
//   audit-reflection-requested  child protection team   practitioner liam   auditor grace
//   audit-in-progress           children in care team   practitioner chloe  auditor tom
//   audit-in-moderation         assessment team         practitioner amira  auditor daniel
//   audit-completed             children in care team   practitioner chloe  auditor priya
//   action-supervision-decisions  child protection team  owner daniel
//   action-visit-changes          children in care team  owner chloe (overdue)
const seededAudits = ["audit-planned", "audit-assigned", "audit-reflection-requested", "audit-in-progress", "audit-in-moderation", "audit-completed"];
const seededActions = ["action-supervision-decisions", "action-visit-changes"];
const seededCases = ["case-100231", "case-100478", "case-100562", "case-100719", "case-100834", "case-100902"];

interface View {
  scope: "own" | "team" | "service" | "authority";
  audits: string[];
  actions: string[];
  cases: string[];
}

const sees: Record<Who, View> = {
  amira: { scope: "own", audits: ["audit-assigned", "audit-in-moderation"], actions: [], cases: ["case-100231", "case-100478"] },
  liam: { scope: "own", audits: ["audit-planned", "audit-reflection-requested"], actions: [], cases: ["case-100562", "case-100719"] },
  chloe: { scope: "own", audits: ["audit-in-progress", "audit-completed"], actions: ["action-visit-changes"], cases: ["case-100834", "case-100902"] },
  grace: {
    scope: "team",
    audits: ["audit-assigned", "audit-in-moderation", "audit-reflection-requested"],
    actions: [],
    cases: ["case-100231", "case-100478"],
  },
  daniel: {
    scope: "team",
    audits: ["audit-planned", "audit-reflection-requested", "audit-assigned", "audit-in-moderation"],
    actions: ["action-supervision-decisions"],
    cases: ["case-100562", "case-100719"],
  },
  owen: { scope: "service", audits: ["audit-assigned", "audit-in-moderation"], actions: [], cases: ["case-100231", "case-100478"] },
  helen: { scope: "service", audits: ["audit-planned", "audit-reflection-requested"], actions: ["action-supervision-decisions"], cases: ["case-100562", "case-100719"] },
  priya: { scope: "authority", audits: seededAudits, actions: seededActions, cases: seededCases },
  tom: { scope: "authority", audits: seededAudits, actions: seededActions, cases: seededCases },
  ruth: { scope: "own", audits: [], actions: [], cases: [] },
  marcus: { scope: "authority", audits: seededAudits, actions: seededActions, cases: seededCases },
};

const overdueActions = ["action-visit-changes"];

const sorted = (ids: readonly string[]) => [...ids].sort();

async function signInEveryone(app: TestApp): Promise<Record<Who, string>> {
  const tokens = {} as Record<Who, string>;
  for (const who of everyone) tokens[who] = await localToken(app.url, people[who]);
  return tokens;
}

describe("what each person sees", () => {
  let app: TestApp;
  let tokens: Record<Who, string>;
  beforeAll(async () => {
    app = await startTestApp();
    tokens = await signInEveryone(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const get = <T = Record<string, unknown>>(who: Who, path: string) => apiCall<T>(app.url, "get", path, { token: tokens[who] });

  it.each(everyone)("%s has the scope of their role", async (who) => {
    const me = await get(who, "/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: people[who], scope: sees[who].scope, signIn: "local" });
  });

  it.each(everyone)("%s lists exactly the audits in their scope", async (who) => {
    const list = await get<{ audits: { id: string }[] }>(who, "/api/audits?limit=200");
    expect(list.status).toBe(200);
    expect(sorted(list.body.audits.map((audit) => audit.id))).toEqual(sorted(sees[who].audits));
  });

  it.each(everyone)("%s reads by ID only the audits in their scope; any other is not there", async (who) => {
    const missing = expectProblem(await get(who, "/api/audits/audit-that-never-was"), 404);
    for (const auditId of seededAudits) {
      const response = await get(who, `/api/audits/${auditId}`);
      if (sees[who].audits.includes(auditId)) {
        expect(response.status, `${who} reads ${auditId}`).toBe(200);
        expect(response.body).toMatchObject({ id: auditId });
      } else {
        const problem = expectProblem(response, 404);
        // Exactly what a record that does not exist gets: nothing tells them it is there.
        const anonymised = (value: object, id: string) => JSON.parse(JSON.stringify(value).replaceAll(id, "ID")) as unknown;
        expect(anonymised(problem, auditId)).toEqual(anonymised(missing, "audit-that-never-was"));
      }
    }
  });

  it.each(everyone)("%s lists and reads by ID only the actions in their scope", async (who) => {
    const list = await get<{ actions: { id: string }[] }>(who, "/api/actions?limit=200");
    expect(list.status).toBe(200);
    expect(sorted(list.body.actions.map((action) => action.id))).toEqual(sorted(sees[who].actions));
    for (const actionId of seededActions) {
      const response = await get(who, `/api/actions/${actionId}`);
      if (sees[who].actions.includes(actionId)) expect(response.status, `${who} reads ${actionId}`).toBe(200);
      else expect(expectProblem(response, 404).code).toBe("not_found");
    }
    const overdue = await get<{ actions: { id: string }[] }>(who, "/api/actions?overdue=true");
    expect(sorted(overdue.body.actions.map((action) => action.id))).toEqual(sorted(sees[who].actions.filter((id) => overdueActions.includes(id))));
  });

  it.each(everyone)("%s sees only the case references, programme audits and dashboard figures in their scope", async (who) => {
    const cases = await get<{ cases: { id: string }[] }>(who, "/api/cases?limit=200");
    expect(cases.status).toBe(200);
    expect(sorted(cases.body.cases.map((record) => record.id))).toEqual(sorted(sees[who].cases));

    // Every seeded audit is in the demo programme.
    const programme = await get<{ audits: { id: string }[] }>(who, "/api/audit-programmes/programme-regular-2026-q4");
    expect(programme.status).toBe(200);
    expect(sorted(programme.body.audits.map((audit) => audit.id))).toEqual(sorted(sees[who].audits));

    const dashboard = await get<{ byStatus: { count: number }[]; overdueActions: number }>(who, "/api/dashboard");
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.byStatus.reduce((total, entry) => total + entry.count, 0)).toBe(sees[who].audits.length);
    expect(dashboard.body.overdueActions).toBe(sees[who].actions.filter((id) => overdueActions.includes(id)).length);
  });

  it.each<[Who, string, string[]]>([
    ["amira", "/api/audits?teamId=team-child-protection", []],
    ["amira", "/api/audits?practitionerId=person-sw-liam", []],
    ["amira", "/api/audits?auditorId=person-psw", []],
    ["daniel", "/api/audits?teamId=team-children-in-care", []],
    ["daniel", "/api/audits?teamId=team-assessment", ["audit-assigned", "audit-in-moderation"]],
    ["owen", "/api/audits?serviceId=service-cin-cp", []],
    ["helen", "/api/audits?teamId=team-assessment", []],
    ["helen", "/api/audits?status=in_progress", []],
    ["ruth", "/api/audits?status=completed", []],
    ["grace", "/api/audits?teamId=team-child-protection", ["audit-reflection-requested"]],
  ])("a filter never widens %s's view: %s", async (who, path, expected) => {
    const list = await get<{ audits: { id: string }[] }>(who, path);
    expect(list.status).toBe(200);
    expect(sorted(list.body.audits.map((audit) => audit.id))).toEqual(sorted(expected));
  });

  it.each<[Who, string, string[]]>([
    ["ruth", "/api/actions?ownerId=person-sw-chloe", []],
    ["helen", "/api/actions?teamId=team-children-in-care", []],
    ["amira", "/api/actions?auditId=audit-completed", []],
    ["chloe", "/api/actions?teamId=team-child-protection", []],
    ["amira", "/api/cases?teamId=team-child-protection", []],
  ])("a filter never widens %s's view: %s", async (who, path, expected) => {
    const list = await get<{ actions?: { id: string }[]; cases?: { id: string }[] }>(who, path);
    expect(list.status).toBe(200);
    expect(sorted((list.body.actions ?? list.body.cases ?? []).map((record) => record.id))).toEqual(sorted(expected));
  });
});

// Each change, and who gets what. Refusals are tried first (each with the
// record's current ETag, so only the permission check stands in the way) and
// must change nothing; then the people allowed to make the change make it,
// in the order listed.
interface Change {
  what: string;
  method: "post" | "patch";
  path: string;
  body: unknown;
  /** The record whose ETag goes in If-Match; none for a create. */
  record?: { kind: "audit" | "action"; id: string };
  expect: Record<Who, 200 | 201 | 403 | 404 | 422>;
}

const allSections = ["voice", "assessment", "planning", "oversight", "impact"].map((sectionKey) => ({ sectionKey, grade: "good" }));

const changes: Change[] = [
  {
    what: "create an audit of a case in the assessment team",
    method: "post",
    path: "/api/audits",
    body: { type: "regular", toolId: "tool-regular-case-audit", caseId: "case-100231" },
    // Planners only; a head of service only within their own service (the case is "not there" for Helen).
    expect: { amira: 403, liam: 403, chloe: 403, grace: 403, daniel: 403, owen: 201, helen: 422, priya: 201, tom: 201, ruth: 403, marcus: 403 },
  },
  {
    what: "create an audit of a case in the child protection team",
    method: "post",
    path: "/api/audits",
    body: { type: "thematic", toolId: "tool-regular-case-audit", caseId: "case-100719", theme: "Neglect" },
    expect: { amira: 403, liam: 403, chloe: 403, grace: 403, daniel: 403, owen: 422, helen: 201, priya: 201, tom: 201, ruth: 403, marcus: 403 },
  },
  {
    what: "assign the planned audit (child protection team)",
    method: "post",
    path: "/api/audits/audit-planned/assign",
    body: { auditorId: "person-tm-assessment" },
    record: { kind: "audit", id: "audit-planned" },
    expect: { amira: 404, liam: 403, chloe: 404, grace: 404, daniel: 403, owen: 404, helen: 200, priya: 200, tom: 200, ruth: 404, marcus: 403 },
  },
  {
    what: "start the assigned audit (Daniel audits it)",
    method: "post",
    path: "/api/audits/audit-assigned/start",
    body: undefined,
    record: { kind: "audit", id: "audit-assigned" },
    expect: { amira: 403, liam: 404, chloe: 404, grace: 403, daniel: 200, owen: 403, helen: 404, priya: 403, tom: 403, ruth: 404, marcus: 403 },
  },
  {
    what: "decline the audit waiting for reflection (Grace audits it)",
    method: "post",
    path: "/api/audits/audit-reflection-requested/decline",
    body: { reason: "I supervised this worker last year." },
    record: { kind: "audit", id: "audit-reflection-requested" },
    expect: { amira: 404, liam: 403, chloe: 404, grace: 200, daniel: 403, owen: 404, helen: 403, priya: 403, tom: 403, ruth: 404, marcus: 403 },
  },
  {
    what: "grade the audit in progress (Tom audits it)",
    method: "patch",
    path: "/api/audits/audit-in-progress",
    body: { sectionGrades: allSections, overallGrade: "good", workingWell: ["The child's words are in the plan."] },
    record: { kind: "audit", id: "audit-in-progress" },
    expect: { amira: 404, liam: 404, chloe: 403, grace: 404, daniel: 404, owen: 404, helen: 404, priya: 403, tom: 200, ruth: 404, marcus: 403 },
  },
  {
    what: "submit the audit in progress",
    method: "post",
    path: "/api/audits/audit-in-progress/submit",
    body: undefined,
    record: { kind: "audit", id: "audit-in-progress" },
    expect: { amira: 404, liam: 404, chloe: 403, grace: 404, daniel: 404, owen: 404, helen: 404, priya: 403, tom: 200, ruth: 404, marcus: 403 },
  },
  {
    what: "move the due date of Daniel's action (child protection team)",
    method: "post",
    path: "/api/actions/action-supervision-decisions/extend",
    body: { dueDate: "2031-03-14", reason: "The new supervision template is not out yet." },
    record: { kind: "action", id: "action-supervision-decisions" },
    expect: { amira: 404, liam: 404, chloe: 404, grace: 404, daniel: 200, owen: 404, helen: 403, priya: 403, tom: 403, ruth: 404, marcus: 403 },
  },
  {
    what: "mark Daniel's action done",
    method: "post",
    path: "/api/actions/action-supervision-decisions/done",
    body: { evidence: "Supervision records now have a decisions box." },
    record: { kind: "action", id: "action-supervision-decisions" },
    expect: { amira: 404, liam: 404, chloe: 404, grace: 404, daniel: 200, owen: 404, helen: 403, priya: 403, tom: 403, ruth: 404, marcus: 403 },
  },
  {
    what: "mark Chloe's overdue action done (children in care team)",
    method: "post",
    path: "/api/actions/action-visit-changes/done",
    body: { evidence: "Visit changes are texted to the child the same day." },
    record: { kind: "action", id: "action-visit-changes" },
    expect: { amira: 404, liam: 404, chloe: 200, grace: 404, daniel: 404, owen: 404, helen: 404, priya: 403, tom: 403, ruth: 404, marcus: 403 },
  },
  {
    what: "raise an action on the completed audit (children in care team)",
    method: "post",
    path: "/api/actions",
    body: { title: "Share the audit's findings with the child", ownerId: "person-sw-chloe", dueDate: "2031-02-03", auditId: "audit-completed" },
    // Auditors, managers and the QA lead raise actions, but only on audits they can see.
    expect: { amira: 403, liam: 403, chloe: 403, grace: 422, daniel: 422, owen: 422, helen: 422, priya: 201, tom: 201, ruth: 403, marcus: 403 },
  },
];

describe("who may change what", () => {
  let app: TestApp;
  let tokens: Record<Who, string>;
  beforeAll(async () => {
    app = await startTestApp();
    tokens = await signInEveryone(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function attempt(change: Change, who: Who) {
    const current = change.record ? await app.store.get(change.record.kind, change.record.id) : undefined;
    return apiCall(app.url, change.method, change.path, {
      token: tokens[who],
      ...(change.body === undefined ? {} : { json: change.body }),
      ...(current ? { ifMatch: current.etag } : {}),
    });
  }

  it("answers a case or audit out of scope exactly as one that does not exist", async () => {
    const create = (caseId: string) => apiCall(app.url, "post", "/api/audits", { token: tokens.owen, json: { type: "regular", toolId: "tool-regular-case-audit", caseId } });
    const outOfScope = expectProblem(await create("case-100719"), 422);
    const missing = expectProblem(await create("case-000000"), 422);
    expect(outOfScope.detail.replace("case-100719", "ID")).toBe(missing.detail.replace("case-000000", "ID"));
    const raise = (auditId: string) =>
      apiCall(app.url, "post", "/api/actions", { token: tokens.grace, json: { title: "Check the plan", ownerId: "person-sw-amira", dueDate: "2031-02-03", auditId } });
    const hidden = expectProblem(await raise("audit-completed"), 422);
    const absent = expectProblem(await raise("audit-000000"), 422);
    expect(hidden.detail.replace("audit-completed", "ID")).toBe(absent.detail.replace("audit-000000", "ID"));
  });

  it.each(changes)("$what", async (change) => {
    const refused = everyone.filter((who) => change.expect[who] >= 400);
    const allowed = everyone.filter((who) => change.expect[who] < 400);
    for (const who of refused) {
      const logBefore = await app.store.auditLog();
      const recordBefore = change.record ? await app.store.get(change.record.kind, change.record.id) : undefined;
      const response = await attempt(change, who);
      const problem = expectProblem(response, change.expect[who]);
      expect(problem.code, `${who}: ${problem.detail}`).toBe({ 403: "forbidden", 404: "not_found", 422: "invalid_record" }[change.expect[who] as 403 | 404 | 422]);
      expect(await app.store.auditLog(), `${who}'s refused attempt changed something`).toEqual(logBefore);
      if (change.record) expect(await app.store.get(change.record.kind, change.record.id)).toEqual(recordBefore);
    }
    for (const who of allowed) {
      const response = await attempt(change, who);
      expect(response.status, `${who}: ${JSON.stringify(response.body)}`).toBe(change.expect[who]);
      const id = change.record?.id ?? (response.body as { id: string }).id;
      const [latest] = (await app.store.auditLog({ recordId: id })).slice(-1);
      expect(latest?.actorId, `${who}'s change is in the audit log`).toBe(people[who]);
    }
  });
});
