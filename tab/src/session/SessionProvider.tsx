// Signs the tab in and keeps the session: Teams single sign-on inside Teams,
// the local demo sign-in in a plain browser (when the server offers it).
// A 401 from the API ends a local session and shows the sign-in page again.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ApiProblem, createApiClient, type ApiClient } from "../api/api-client";
import { forgetLocalToken, signInLocally, storedLocalToken, teamsToken } from "../api/sign-in";
import type { Me } from "../api/types";
import type { TabHost } from "../teams-host";
import { SessionContext, type Session, type SessionControl, type SessionState } from "./session-context";

/** Ends the session when any call answers 401 (expired or unknown token). */
function guarded(api: ApiClient, onUnauthorized: (problem: ApiProblem) => void): ApiClient {
  const check = (error: unknown): never => {
    if (error instanceof ApiProblem && error.status === 401) onUnauthorized(error);
    throw error;
  };
  return {
    get: <T,>(path: string, query?: Parameters<ApiClient["get"]>[1]) => api.get<T>(path, query).catch(check),
    getFile: (path, query) => api.getFile(path, query).catch(check),
    send: <T,>(method: Parameters<ApiClient["send"]>[0], path: string, options?: Parameters<ApiClient["send"]>[2]) =>
      api.send<T>(method, path, options).catch(check),
  };
}

function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiProblem || (error instanceof Error && error.message) ? error.message : fallback;
}

export function SessionProvider({ host, enabled = true, children }: { host: TabHost; enabled?: boolean; children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => (enabled ? { kind: "checking" } : { kind: "off" }));
  // Each sign-in attempt gets a number; answers to older attempts are ignored.
  const attempt = useRef(0);

  const open = useCallback(
    async (token: () => Promise<string>, via: Session["via"]) => {
      const mine = ++attempt.current;
      setState({ kind: "checking" });
      const current = () => mine === attempt.current;
      const endSession = (problem: ApiProblem) => {
        if (!current()) return;
        attempt.current++;
        if (via === "local") {
          forgetLocalToken();
          setState({ kind: "signed-out", why: "expired" });
        } else {
          setState({ kind: "failed", message: problem.message });
        }
      };
      const api = guarded(createApiClient(token), endSession);
      try {
        const { body: me } = await api.get<Me>("/api/me");
        if (!current()) return;
        const signOut =
          via === "local"
            ? () => {
                attempt.current++;
                forgetLocalToken();
                setState({ kind: "signed-out", why: "signed-out" });
              }
            : undefined;
        setState({ kind: "signed-in", session: { me, api, via, signOut } });
      } catch (error) {
        if (!current()) return;
        if (error instanceof ApiProblem && error.status === 401) return; // endSession has run
        setState({
          kind: "failed",
          message:
            via === "teams" && !(error instanceof ApiProblem)
              ? "Teams could not sign you in to Golden Thread. Close this tab and open it again."
              : messageOf(error, "Golden Thread's server did not answer. Try again in a minute."),
        });
      }
    },
    [],
  );

  const start = useCallback(() => {
    if (host.kind === "teams") {
      void open(teamsToken, "teams");
      return;
    }
    const token = storedLocalToken();
    if (token) void open(async () => token, "local");
    else {
      attempt.current++;
      setState({ kind: "signed-out", why: "new" });
    }
  }, [host, open]);

  useEffect(() => {
    if (!enabled) {
      attempt.current++;
      setState({ kind: "off" });
      return;
    }
    start();
  }, [enabled, start]);

  const signInAs = useCallback(
    async (personId: string) => {
      const token = await signInLocally(personId);
      await open(async () => token, "local");
    },
    [open],
  );

  const control = useMemo<SessionControl>(() => ({ state, signInAs, retry: start }), [state, signInAs, start]);
  return <SessionContext.Provider value={control}>{children}</SessionContext.Provider>;
}
