// Reads the server's GET /healthz.
//
// The response is { status, store, authority, version }. We check its shape
// rather than trust it, so a proxy's error page is reported as "no answer".

export interface ServerHealth {
  status: string;
  store: string;
  authority: string;
  version: string;
}

export const HEALTH_URL = "/healthz";
const HEALTH_TIMEOUT_MS = 10_000;

export function parseHealth(body: unknown): ServerHealth | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const { status, store, authority, version } = record;
  if (typeof status !== "string" || typeof authority !== "string") return undefined;
  return {
    status,
    authority,
    store: typeof store === "string" ? store : "",
    version: typeof version === "string" ? version : "",
  };
}

/** Fetch /healthz. Rejects when the server does not answer (in time) or answers nonsense. */
export async function fetchHealth(signal?: AbortSignal): Promise<ServerHealth> {
  // Plain AbortController + timer: AbortSignal.any/timeout are missing from
  // some Teams mobile web views.
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, HEALTH_TIMEOUT_MS);
  signal?.addEventListener("abort", abort, { once: true });
  try {
    const response = await fetch(HEALTH_URL, {
      headers: { accept: "application/json" },
      cache: "no-store",
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`GET ${HEALTH_URL} answered ${response.status}`);
    const health = parseHealth(await response.json());
    if (!health) throw new Error(`GET ${HEALTH_URL} answered with an unexpected body`);
    return health;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}
