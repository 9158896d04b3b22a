import { useCallback, useEffect, useState } from "react";
import { fetchHealth, type ServerHealth } from "./health";

export type ServerHealthState =
  | { kind: "loading" }
  | { kind: "ok"; health: ServerHealth }
  | { kind: "error" };

/** Fetches /healthz on mount; `retry` fetches again. */
export function useServerHealth(): { state: ServerHealthState; retry: () => void } {
  const [state, setState] = useState<ServerHealthState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: "loading" });
    fetchHealth(controller.signal).then(
      (health) => {
        if (!controller.signal.aborted) setState({ kind: "ok", health });
      },
      () => {
        if (!controller.signal.aborted) setState({ kind: "error" });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
