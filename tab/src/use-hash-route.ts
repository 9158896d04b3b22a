import { useSyncExternalStore } from "react";
import { routeFromHash, type RouteId } from "./routes";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

function getHash(): string {
  return window.location.hash;
}

/** The current hash route; `undefined` for an unknown path. */
export function useHashRoute(): RouteId | undefined {
  return routeFromHash(useSyncExternalStore(subscribe, getHash, () => ""));
}
