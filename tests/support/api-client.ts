// A small client for the REST API in tests: local sign-in as a demo person,
// and requests that return status, headers and the parsed body.
import { expect } from "vitest";

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiRequest {
  token?: string;
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  /** Sent as is, with `contentType` (if any). */
  raw?: string;
  contentType?: string;
  ifMatch?: string;
  authorization?: string;
}

export async function apiCall<T = Record<string, unknown>>(baseUrl: string, method: string, path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (request.token) headers.Authorization = `Bearer ${request.token}`;
  if (request.authorization) headers.Authorization = request.authorization;
  if (request.ifMatch !== undefined) headers["If-Match"] = request.ifMatch;
  let body: string | undefined;
  if (request.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.raw !== undefined) {
    if (request.contentType) headers["Content-Type"] = request.contentType;
    body = request.raw;
  }
  const response = await fetch(`${baseUrl}${path}`, { method: method.toUpperCase(), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** Signs in with the local demo sign-in (no tenant configured) and returns the bearer token. */
export async function localToken(baseUrl: string, personId: string): Promise<string> {
  const response = await apiCall<{ token: string }>(baseUrl, "post", "/api/local-sign-in", { json: { personId } });
  expect(response.status, `local sign-in as ${personId}`).toBe(200);
  return response.body.token;
}

/** Asserts an RFC 9457 problem with this status, and returns it. */
export function expectProblem(response: ApiResponse<unknown>, status: number): { status: number; code: string; title: string; detail: string; problems?: { field: string; message: string }[] } {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const problem = response.body as { status: number; code: string; title: string; detail: string };
  expect(problem).toMatchObject({ status, code: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  return problem;
}

export type Caller = (
  personId: string,
  method: string,
  path: string,
  json?: unknown,
  ifMatch?: string,
) => Promise<{ status: number; etag?: string; body: Record<string, unknown> }>;

/** Signs each person in once, and returns a way to call the API as any of them. */
export async function signedInCaller(baseUrl: string, personIds: readonly string[]): Promise<Caller> {
  const tokens = new Map(await Promise.all(personIds.map(async (personId) => [personId, await localToken(baseUrl, personId)] as const)));
  return async (personId, method, path, json, ifMatch) => {
    const token = tokens.get(personId);
    if (!token) throw new Error(`${personId} was not signed in for this test`);
    const response = await apiCall(baseUrl, method, path, { token, json, ifMatch });
    return { status: response.status, etag: response.headers.get("ETag") ?? undefined, body: response.body };
  };
}
