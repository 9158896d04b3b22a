// The current hash route and its query, as React hooks.
//
//   const { route, auditId } = useHashRoute();
//   const query = useHashQuery();          // #/dashboard?teamId=x&from=2026-10-01
//   query.get("teamId");                   // "x"
//   query.set({ teamId: "y", from: undefined });   // → #/dashboard?teamId=y (replaces the history entry)
//
// Writing the query keeps the route's path and, by default, replaces the
// current history entry so that changing filters does not fill the Back button.
import { useMemo, useSyncExternalStore } from "react";
import { auditIdFromHash, hashPath, hashQuery, queryText, routeFromHash, type QueryInput, type RouteId } from "./routes";

// True once the hash has changed after the page loaded (the user navigated).
let navigatedSinceLoad = false;

// history.replaceState does not fire "hashchange", so query writes notify here too.
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  const listener = () => {
    navigatedSinceLoad = true;
    onChange();
  };
  window.addEventListener("hashchange", listener);
  listeners.add(onChange);
  return () => {
    window.removeEventListener("hashchange", listener);
    listeners.delete(onChange);
  };
}

function getHash(): string {
  return window.location.hash;
}

function useHash(): string {
  return useSyncExternalStore(subscribe, getHash, () => "");
}

export interface HashRoute {
  /** The current route; `undefined` for an unknown path. */
  route: RouteId | undefined;
  /** Whether the user has moved between routes since the page loaded. */
  navigated: boolean;
  /** For #/audits/<id>: the audit's id. */
  auditId: string | undefined;
}

export function useHashRoute(): HashRoute {
  const hash = useHash();
  return { route: routeFromHash(hash), navigated: navigatedSinceLoad, auditId: auditIdFromHash(hash) };
}

export interface HashQuery {
  /** The query after "?" in the hash (a fresh copy: changing it changes nothing). */
  params: URLSearchParams;
  /** First value of a parameter, or undefined when it is missing or empty. */
  get(name: string): string | undefined;
  /** Every value of a repeated parameter (status=open&status=in_progress). */
  getAll(name: string): string[];
  /**
   * Replace the whole query (the route's path is kept). Undefined and empty
   * values are left out. `push: true` adds a history entry instead of replacing.
   */
  set(next: QueryInput | URLSearchParams, options?: { push?: boolean }): void;
  /** Change some parameters and keep the others. */
  update(changes: QueryInput, options?: { push?: boolean }): void;
}

/** Write a new query into the current hash route. */
export function setHashQuery(next: QueryInput | URLSearchParams, options: { push?: boolean } = {}): void {
  const hash = `#/${hashPath(window.location.hash)}${queryText(next)}`;
  if (hash === window.location.hash) return;
  if (options.push) {
    window.location.hash = hash; // fires hashchange
    return;
  }
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(window.history.state, "", url);
  for (const notify of listeners) notify();
}

/** The query string of the current hash route, kept in step with the address. */
export function useHashQuery(): HashQuery {
  const hash = useHash();
  return useMemo(() => {
    const params = hashQuery(hash);
    return {
      params: new URLSearchParams(params),
      get: (name) => params.get(name) || undefined,
      getAll: (name) => params.getAll(name).filter((value) => value !== ""),
      set: setHashQuery,
      update(changes, options) {
        const next = new URLSearchParams(params);
        for (const [name, value] of Object.entries(changes)) {
          next.delete(name);
          if (value === undefined) continue;
          for (const item of typeof value === "string" ? [value] : value) if (item !== "") next.append(name, item);
        }
        setHashQuery(next, options);
      },
    } satisfies HashQuery;
  }, [hash]);
}
