// Talks to Golden Thread's REST API: adds the bearer token, sends and reads
// JSON, carries ETags for If-Match, and turns problem+json answers into
// ApiProblem errors whose message is safe to show.
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly problems: FieldProblem[] = [],
    /** The problem's other members, such as an import's rejected rows. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

export interface ApiResult<T> {
  body: T;
  etag?: string;
}

export type QueryValue = string | number | boolean | undefined | readonly string[];

export interface ApiFile {
  blob: Blob;
  /** From the server's Content-Disposition. */
  filename: string;
}

export interface ApiClient {
  get<T>(path: string, query?: Record<string, QueryValue>): Promise<ApiResult<T>>;
  /** A file the API sends for download (e.g. a CSV export), fetched with the same sign-in. */
  getFile(path: string, query?: Record<string, QueryValue>): Promise<ApiFile>;
  send<T>(method: "POST" | "PATCH" | "DELETE", path: string, options?: { body?: unknown; ifMatch?: string }): Promise<ApiResult<T>>;
}

export function queryString(query: Record<string, QueryValue> = {}): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === "") continue;
    if (Array.isArray(value)) for (const item of value) parameters.append(name, item);
    else parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : "";
}

async function problemFrom(response: Response): Promise<ApiProblem> {
  try {
    const problem = (await response.json()) as { code?: string; title?: string; detail?: string; problems?: FieldProblem[]; field?: string; [member: string]: unknown };
    const detail = problem.detail ?? response.statusText;
    // A rule the server checks (not the request's shape) names its one field at the top level.
    const problems = problem.problems ?? (problem.field ? [{ field: problem.field, message: detail }] : []);
    return new ApiProblem(response.status, problem.code ?? "error", problem.title ?? "Something went wrong", detail, problems, problem);
  } catch {
    return new ApiProblem(response.status, "error", "Something went wrong", "Golden Thread's server did not answer properly. Try again in a minute.");
  }
}

/** `token` is asked for on every request, so an expired Teams token is renewed by teams-js. */
export function createApiClient(token: () => Promise<string>, baseUrl = ""): ApiClient {
  async function respond(method: string, path: string, accept: string, body?: unknown, ifMatch?: string): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await token()}`, Accept: accept };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (ifMatch) headers["If-Match"] = ifMatch;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiProblem(0, "offline", "No connection", "Golden Thread's server did not answer. Check your connection and try again.");
    }
    if (!response.ok) throw await problemFrom(response);
    return response;
  }
  async function request<T>(method: string, path: string, body?: unknown, ifMatch?: string): Promise<ApiResult<T>> {
    const response = await respond(method, path, "application/json", body, ifMatch);
    return { body: (await response.json()) as T, etag: response.headers.get("ETag") ?? undefined };
  }
  return {
    get: (path, query) => request("GET", `${path}${queryString(query)}`),
    async getFile(path, query) {
      const response = await respond("GET", `${path}${queryString(query)}`, "*/*");
      const filename = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "download";
      return { blob: await response.blob(), filename };
    },
    send: (method, path, options = {}) => request(method, path, options.body, options.ifMatch),
  };
}
