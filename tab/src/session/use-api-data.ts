// Loads data from the API for a page: loading, the data, or an error whose
// message is safe to show; `reload` loads again. Answers that arrive after
// the page has moved on (unmounted, or `deps` changed) are dropped.
import { useCallback, useEffect, useState, type DependencyList } from "react";
import { ApiProblem, type ApiClient } from "../api/api-client";
import { useSession } from "./session-context";

export type Loadable<T> = { kind: "loading" } | { kind: "ok"; data: T } | { kind: "error"; message: string; status: number };

export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.message;
  return "Something went wrong in this page. Reload it, and if it keeps happening tell your IT service desk.";
}

export function useApiData<T>(load: (api: ApiClient) => Promise<T>, deps: DependencyList) {
  const { api } = useSession();
  const [state, setState] = useState<Loadable<T>>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: "loading" });
    load(api).then(
      (data) => live && setState({ kind: "ok", data }),
      (error: unknown) => live && setState({ kind: "error", message: problemMessage(error), status: error instanceof ApiProblem ? error.status : 0 }),
    );
    return () => {
      live = false;
    };
    // `load` is a new function each render; `deps` says when to load again.
  }, [api, attempt, ...deps]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  /** Change the loaded data in place (after a successful change sent to the API). */
  const update = useCallback((change: (data: T) => T) => setState((current) => (current.kind === "ok" ? { kind: "ok", data: change(current.data) } : current)), []);
  return { state, reload, update };
}

/** Every page of a list endpoint that answers { [key]: T[], nextCursor }. */
export async function allPages<T>(api: ApiClient, path: string, key: string, query: Record<string, string | readonly string[] | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const { body } = await api.get<Record<string, unknown> & { nextCursor: string | null }>(path, { ...query, limit: "200", cursor });
    items.push(...((body[key] as T[] | undefined) ?? []));
    cursor = body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
