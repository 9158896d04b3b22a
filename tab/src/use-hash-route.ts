import { useSyncExternalStore } from "react";
import { routeFromHash, type RouteId } from "./routes";

// True once the hash has changed after the page loaded (the user navigated).
let navigatedSinceLoad = false;

function subscribe(onChange: () => void): () => void {
  const listener = () => {
    navigatedSinceLoad = true;
    onChange();
  };
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}

function getHash(): string {
  return window.location.hash;
}

export interface HashRoute {
  /** The current route; `undefined` for an unknown path. */
  route: RouteId | undefined;
  /** Whether the user has moved between routes since the page loaded. */
  navigated: boolean;
}

export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(subscribe, getHash, () => "");
  return { route: routeFromHash(hash), navigated: navigatedSinceLoad };
}
