// The REST API's contract: the OpenAPI 3.1 document lists exactly the routes
// the server has registered, with their path parameters and If-Match; every
// documented route answers; bad input gets a problem naming each field;
// lists page without duplicates; a change needs the record's current ETag
// and is written to the audit log with the person who made it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, expectProblem, localToken, type ApiRequest } from "./support/api-client.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
  security?: unknown[];
  operationId?: string;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

// Served by the server but not part of the API: the tab's static files.
const notApi = new Set(["get /tab", "get /tab/*"]);

// Real ids from the demo seed for path parameters, so GETs can answer 200.
const sampleIds: Record<string, string> = {
  auditId: "audit-planned",
  actionId: "action-supervision-decisions",
  id: "tool-regular-case-audit",
  toolId: "tool-regular-case-audit",
  standardId: "standard-1",
  programmeId: "programme-regular-2026-q4",
};

// Operations that change an existing record, each with a body the route accepts.
const changesToRecords: Record<string, unknown> = {
  "patch /api/audits/{auditId}": {},
  "post /api/audits/{auditId}/assign": { auditorId: "person-tm-cp" },
  "post /api/audits/{auditId}/start": undefined,
  "post /api/audits/{auditId}/decline": { reason: "I know this family" },
  "post /api/audits/{auditId}/submit": undefined,
  "post /api/actions/{actionId}/done": { evidence: "Supervision template now has a decisions box" },
  "post /api/actions/{actionId}/extend": { dueDate: "2031-01-10", reason: "Waiting for the new template" },
};

let app: TestApp;
let openApi: OpenApi;
let qaLead: string;

beforeAll(async () => {
  app = await startTestApp();
  openApi = (await apiCall<OpenApi>(app.url, "get", "/api/openapi.json")).body;
  qaLead = await localToken(app.url, "person-qa-lead");
});
afterAll(async () => {
  await app?.stop();
});

function operations(): { key: string; method: string; path: string; operation: Operation }[] {
  return Object.entries(openApi.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ key: `${method} ${path}`, method, path, operation })),
  );
}

/** /api/audits/{auditId} → /api/audits/audit-planned, from sample ids (or a placeholder). */
function concrete(path: string): string {
  return path.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => sampleIds[name] ?? "no-such-id");
}

const requiresIfMatch = (operation: Operation) =>
  (operation.parameters ?? []).some((parameter) => parameter.in === "header" && parameter.name.toLowerCase() === "if-match" && parameter.required === true);

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1.0, served as JSON", async () => {
    const response = await apiCall(app.url, "get", "/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(openApi.openapi).toBe("3.1.0");
    const ids = operations().flatMap(({ operation }) => (operation.operationId ? [operation.operationId] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists exactly the routes the server has registered", () => {
    const registered = app
      .routes()
      .filter(({ method, path }) => !notApi.has(`${method} ${path}`))
      .map(({ method, path }) => `${method === "del" ? "delete" : method} ${path.replace(/:([A-Za-z]+)/g, "{$1}")}`);
    const documented = operations().map(({ key }) => key);
    expect(registered.length).toBeGreaterThan(20);
    expect([...documented].sort()).toEqual([...new Set(registered)].sort());
  });

  it("declares every path parameter", () => {
    for (const { key, path, operation } of operations()) {
      const inPath = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
      expect(declared.map((parameter) => parameter.name).sort(), key).toEqual(inPath);
      for (const parameter of declared) expect(parameter.required, `${key} ${parameter.name}`).toBe(true);
    }
  });

  it("declares If-Match with 412 and 428 on every operation that changes an existing record", () => {
    const withIfMatch = operations().filter(({ operation }) => requiresIfMatch(operation));
    for (const key of Object.keys(changesToRecords)) {
      expect(withIfMatch.map((entry) => entry.key), `${key} should require If-Match`).toContain(key);
    }
    for (const { key, method, operation } of operations()) {
      if (method === "patch" || method === "put" || method === "delete") expect(requiresIfMatch(operation), `${key} should require If-Match`).toBe(true);
    }
    for (const { key, operation } of withIfMatch) {
      expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(["412", "428"]));
    }
  });

  it("says which operations need a signed-in person, and they do", async () => {
    for (const { key, method, path, operation } of operations()) {
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const response = await apiCall(app.url, method, concrete(path), method === "get" ? {} : { json: [] });
      if (isPublic) expect(response.status, key).not.toBe(401);
      else {
        expect(response.status, key).toBe(401);
        expect(operation.responses, key).toHaveProperty("401");
      }
    }
  });
});

describe("every documented route", () => {
  it("answers a signed-in QA lead (never 404 for the route or 405)", async () => {
    for (const { key, method, path } of operations()) {
      const known = [...path.matchAll(/\{([A-Za-z]+)\}/g)].every((match) => sampleIds[match[1]!] !== undefined);
      // Changes get an invalid body, so nothing is changed: the route still has to answer (400 or 428).
      const request: ApiRequest = method === "get" ? { token: qaLead } : { token: qaLead, json: [] };
      const response = await apiCall<{ code?: string }>(app.url, method, concrete(path), request);
      expect(response.status, key).not.toBe(405);
      expect(response.body?.code, `${key} is not routed`).not.toBe("resource_not_found");
      if (method === "get" && known) expect(response.status, `${key}: ${JSON.stringify(response.body)}`).toBe(200);
      if (method !== "get") expect(response.status, `${key}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(400);
    }
  });

  it("that changes a record answers 428 without If-Match, and changes nothing", async () => {
    const before = await app.store.auditLog();
    for (const [key, body] of Object.entries(changesToRecords)) {
      const [method, path] = key.split(" ") as [string, string];
      const response = await apiCall(app.url, method, concrete(path), { token: qaLead, ...(body === undefined ? {} : { json: body }) });
      const problem = expectProblem(response, 428);
      expect(problem.code, key).toBe("if_match_required");
    }
    expect(await app.store.auditLog()).toEqual(before);
  });
});

describe("bad requests", () => {
  const fieldsOf = (problem: { problems?: { field: string; message: string }[] }) => (problem.problems ?? []).map((entry) => entry.field).sort();

  it("name each failing query field with its own message", async () => {
    const problem = expectProblem(await apiCall(app.url, "get", "/api/audits?limit=0&dueBefore=31%2F12%2F2026&status=archived", { token: qaLead }), 400);
    expect(problem.code).toBe("invalid_request");
    expect(fieldsOf(problem)).toEqual(["query.dueBefore", "query.limit", "query.status"]);
    for (const entry of problem.problems!) {
      expect(entry.message).not.toMatch(/^Invalid input$/);
      expect(problem.detail).toContain(`${entry.field}: ${entry.message}`);
    }
    const actions = expectProblem(await apiCall(app.url, "get", "/api/actions?limit=500&overdue=maybe&status=finished", { token: qaLead }), 400);
    expect(fieldsOf(actions)).toEqual(["query.limit", "query.overdue", "query.status"]);
    expect(actions.problems!.find((entry) => entry.field === "query.limit")?.message).toBe("limit is at most 200");
  });

  it("name each failing body field", async () => {
    const assign = expectProblem(
      await apiCall(app.url, "post", "/api/audits/audit-planned/assign", { token: qaLead, ifMatch: '"1"', json: { auditorId: "", dueDate: "next Tuesday" } }),
      400,
    );
    expect(fieldsOf(assign)).toEqual(["body.auditorId", "body.dueDate"]);
    expect(assign.problems!.find((entry) => entry.field === "body.auditorId")?.message).toBe("Choose an auditor");

    const create = expectProblem(await apiCall(app.url, "post", "/api/audits", { token: qaLead, json: {} }), 400);
    expect(fieldsOf(create)).toEqual(["body.caseId", "body.toolId", "body.type"]);

    const unknown = expectProblem(await apiCall(app.url, "patch", "/api/audits/audit-in-progress", { token: qaLead, ifMatch: '"1"', json: { colour: "red" } }), 400);
    expect(unknown.problems).toEqual([{ field: "body", message: expect.stringContaining("colour") }]);

    // An id longer than any the API issues never reaches a route (restify's router caps parameters at 100 characters).
    expectProblem(await apiCall(app.url, "get", `/api/audits/${"x".repeat(101)}`, { token: qaLead }), 404);
  });

  it("refuse a body that is not JSON (415), malformed JSON (400) and an oversized body (413) as problems", async () => {
    const wrongType = expectProblem(await apiCall(app.url, "post", "/api/audits", { token: qaLead, raw: "type=regular", contentType: "text/plain" }), 415);
    expect(wrongType.code).toBe("unsupported_media_type");
    const malformed = expectProblem(await apiCall(app.url, "post", "/api/audits", { token: qaLead, raw: '{"type": "regular",', contentType: "application/json" }), 400);
    expect(malformed.detail).toBe("The request body is not valid JSON.");
    const oversized = expectProblem(
      await apiCall(app.url, "post", "/api/audits", { token: qaLead, json: { type: "regular", toolId: "tool-regular-case-audit", caseId: "case-100231", theme: "x".repeat(300 * 1024) } }),
      413,
    );
    expect(oversized.detail).toMatch(/under 256 KB/);
    expect((await app.store.query("audit", { where: { caseId: "case-100231" }, limit: 50 })).records).toHaveLength(1);
  });
});

describe("paging", () => {
  async function walk(token: string, limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/audits?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const response = await apiCall<{ audits: { id: string }[]; nextCursor: string | null }>(app.url, "get", query, { token });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.audits.length).toBeLessThanOrEqual(limit);
      pages.push(response.body.audits.map((audit) => audit.id));
      cursor = response.body.nextCursor;
      expect(pages.length).toBeLessThan(100);
    } while (cursor);
    return pages;
  }

  it("walks every audit once, page by page, for one scope and for a union of scopes", async () => {
    // More audits than the seed's six, some with a due date and some without.
    for (const [index, caseId] of ["case-100231", "case-100562", "case-100719", "case-100834", "case-100902"].entries()) {
      const created = await apiCall(app.url, "post", "/api/audits", {
        token: qaLead,
        json: { type: "thematic", toolId: "tool-regular-case-audit", caseId, theme: "Neglect", ...(index % 2 ? { dueDate: `2027-01-1${index}` } : {}) },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const everything = (await app.store.query("audit", { limit: 500 })).records.map((audit) => audit.id).sort();
    expect(everything.length).toBeGreaterThanOrEqual(11);
    for (const limit of [1, 2, 3, 50]) {
      const pages = await walk(qaLead, limit);
      const ids = pages.flat();
      expect(new Set(ids).size, `limit ${limit}: ${JSON.stringify(pages)}`).toBe(ids.length);
      expect([...ids].sort()).toEqual(everything);
      expect(pages.length).toBe(Math.ceil(everything.length / limit));
    }
    // A team manager's view joins their team's audits and the ones they audit elsewhere.
    const teamManager = await localToken(app.url, "person-tm-cp");
    const all = (await walk(teamManager, 200)).flat();
    for (const limit of [1, 4]) {
      const ids = (await walk(teamManager, limit)).flat();
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...all].sort());
    }
  });

  it("refuses a cursor it did not issue with a problem", async () => {
    expectProblem(await apiCall(app.url, "get", "/api/audits?limit=2&cursor=not-a-cursor", { token: qaLead }), 400);
    const teamManager = await localToken(app.url, "person-tm-cp");
    expectProblem(await apiCall(app.url, "get", "/api/audits?limit=2&cursor=not-a-cursor", { token: teamManager }), 400);
  });
});

describe("changes", () => {
  it("need the record's current ETag: none gets 428, a stale one 412, and neither changes anything", async () => {
    // The PSW is the auditor of the audit in progress.
    const psw = await localToken(app.url, "person-psw");
    const read = () => apiCall<Record<string, unknown>>(app.url, "get", "/api/audits/audit-in-progress", { token: psw });
    const first = await read();
    expect(first.status).toBe(200);
    const firstEtag = first.headers.get("etag")!;
    expect(firstEtag).toBeTruthy();
    expect(first.body.etag).toBe(firstEtag);

    const logBefore = await app.store.auditLog({ recordId: "audit-in-progress" });
    const change = { overallGrade: "good", answers: [{ questionKey: "analysis", answer: "Analysis of risk is clear and current." }] };
    expectProblem(await apiCall(app.url, "patch", "/api/audits/audit-in-progress", { token: psw, json: change }), 428);
    expect((await read()).body).toEqual(first.body);

    const saved = await apiCall<Record<string, unknown>>(app.url, "patch", "/api/audits/audit-in-progress", { token: psw, ifMatch: firstEtag, json: change });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.overallGrade).toBe("good");
    const secondEtag = saved.headers.get("etag")!;
    expect(secondEtag).not.toBe(firstEtag);
    const afterSave = await read();

    const stale = expectProblem(
      await apiCall(app.url, "patch", "/api/audits/audit-in-progress", { token: psw, ifMatch: firstEtag, json: { overallGrade: "inadequate" } }),
      412,
    );
    expect(stale.code).toBe("conflict");
    const afterStale = await read();
    expect(afterStale.body).toEqual(afterSave.body);
    expect(afterStale.headers.get("etag")).toBe(secondEtag);

    const log = await app.store.auditLog({ recordId: "audit-in-progress" });
    expect(log).toHaveLength(logBefore.length + 1);
    expect(log.at(-1)).toMatchObject({ actorId: "person-psw", operation: "update", kind: "audit", changes: { overallGrade: { to: "good" } } });
  });

  it("are written to the audit log with the signed-in person as actor", async () => {
    const created = await apiCall<{ id: string; etag: string }>(app.url, "post", "/api/audits", {
      token: qaLead,
      json: { type: "focused", toolId: "tool-regular-case-audit", caseId: "case-100478" },
    });
    expect(created.status).toBe(201);
    const assigned = await apiCall(app.url, "post", `/api/audits/${created.body.id}/assign`, {
      token: qaLead,
      ifMatch: created.headers.get("etag")!,
      json: { auditorId: "person-tm-cp" },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const log = await app.store.auditLog({ recordId: created.body.id });
    expect(log.map((entry) => [entry.operation, entry.actorId])).toEqual([
      ["create", "person-qa-lead"],
      ["update", "person-qa-lead"],
      ["update", "person-qa-lead"],
    ]);
    expect(log[1]?.changes).toMatchObject({ status: { from: "planned", to: "assigned" }, auditorId: { to: "person-tm-cp" } });

    // Chloe marks her overdue action done.
    const chloe = await localToken(app.url, "person-sw-chloe");
    const action = await apiCall(app.url, "get", "/api/actions/action-visit-changes", { token: chloe });
    const done = await apiCall(app.url, "post", "/api/actions/action-visit-changes/done", {
      token: chloe,
      ifMatch: action.headers.get("etag")!,
      json: { evidence: "Visit changes are now texted to the child the same day." },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const actionLog = await app.store.auditLog({ recordId: "action-visit-changes" });
    expect(actionLog.at(-1)).toMatchObject({ actorId: "person-sw-chloe", operation: "update", changes: { status: { from: "in_progress", to: "done" } } });
  });
});
