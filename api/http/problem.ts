// HTTP errors as RFC 9457 problem details (application/problem+json), each
// with a stable code beside the human message.
import type { ServerResponse } from "node:http";
import { isDomainError, type DomainErrorCode } from "../domain/errors.js";

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  [extension: string]: unknown;
}

export function sendProblem(response: ServerResponse, problem: Problem): void {
  const body = JSON.stringify({ type: `https://golden-thread.example/problems/${problem.code}`, ...problem });
  response.writeHead(problem.status, {
    "Content-Type": "application/problem+json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}

const statusByCode: Record<DomainErrorCode, number> = {
  illegal_transition: 409,
  invalid_record: 422,
  invalid_query: 400,
  invalid_grade: 422,
  not_found: 404,
  conflict: 412,
  outside_calendar: 422,
  forbidden: 403,
};

const titleByStatus: Record<number, string> = {
  400: "The request is not valid",
  403: "You cannot do this",
  404: "Not found",
  409: "Not allowed in the record's current state",
  412: "The record has changed since you opened it",
  422: "The record cannot be saved",
  500: "Something went wrong on Golden Thread's side",
};

/** Turns any thrown error into a problem; unexpected errors never leak their message. */
export function problemFor(error: unknown): Problem {
  if (isDomainError(error)) {
    const status = statusByCode[error.code];
    // Details come first so that one named like a problem field (a record's "status", say) cannot replace it.
    return { ...error.details, status, code: error.code, title: titleByStatus[status] ?? "Error", detail: error.message };
  }
  return { status: 500, code: "internal_error", title: titleByStatus[500]!, detail: "Please try again in a minute. If it keeps happening, tell your IT service desk." };
}
