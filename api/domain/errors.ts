// Every failure the domain reports carries a stable code (for programs) and a
// sentence a busy practitioner can act on (for people).
export type DomainErrorCode =
  | "illegal_transition"
  | "invalid_record"
  | "not_found"
  | "conflict"
  | "outside_calendar"
  | "invalid_grade"
  | "invalid_query"
  | "forbidden";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
