// Loads the dashboard's figures for the current filters, and the services and
// teams to filter by. A newer request replaces an older one; the figures on
// screen stay until the new ones arrive, so changing a filter never blanks
// the page.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiClient } from "../api/api-client";
import type { DashboardFigures, Service, Team } from "../api/types";
import { filterQueryString, periodProblem, queryFromFilters, type DashboardFilters } from "./dashboard-filters";

export type Loaded<T> =
  | { kind: "loading"; previous?: T }
  | { kind: "ok"; value: T }
  | { kind: "error"; message: string; previous?: T };

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Golden Thread's server did not answer properly. Try again in a minute.";
}

function previousOf<T>(state: Loaded<T>): T | undefined {
  return state.kind === "ok" ? state.value : state.previous;
}

export function useDashboardFigures(api: ApiClient, filters: DashboardFilters): { state: Loaded<DashboardFigures>; retry: () => void } {
  const [state, setState] = useState<Loaded<DashboardFigures>>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const key = filterQueryString(filters);

  useEffect(() => {
    const request = ++latest.current;
    const problem = periodProblem(filters);
    if (problem) {
      setState((current) => ({ kind: "error", message: problem, previous: previousOf(current) }));
      return;
    }
    setState((current) => ({ kind: "loading", previous: previousOf(current) }));
    api
      .get<DashboardFigures>("/api/dashboard", queryFromFilters(filters))
      .then(({ body }) => {
        if (request === latest.current) setState({ kind: "ok", value: body });
      })
      .catch((error: unknown) => {
        if (request === latest.current) setState((current) => ({ kind: "error", message: messageOf(error), previous: previousOf(current) }));
      });
    // `key` stands for `filters`, a new object on every render.
  }, [api, key, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry };
}

export interface FilterOptions {
  services: Service[];
  teams: Team[];
}

/** The authority's services and teams, for the filter lists. On failure the lists offer only "All". */
export function useFilterOptions(api: ApiClient): { options: FilterOptions; problem?: string } {
  const [options, setOptions] = useState<FilterOptions>({ services: [], teams: [] });
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    let current = true;
    Promise.all([api.get<{ services: Service[] }>("/api/services"), api.get<{ teams: Team[] }>("/api/teams")])
      .then(([services, teams]) => {
        if (!current) return;
        const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "en-GB");
        setOptions({ services: [...services.body.services].sort(byName), teams: [...teams.body.teams].sort(byName) });
      })
      .catch((error: unknown) => {
        if (current) setProblem(`The lists of services and teams did not load: ${messageOf(error)}`);
      });
    return () => {
      current = false;
    };
  }, [api]);
  return { options, problem };
}
