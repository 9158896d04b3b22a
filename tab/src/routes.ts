// Hash routes of the tab. Hash routing keeps every page on
// /tab/index.html, which is what Teams loads (contentUrl, configurationUrl).
//
//   #/my-work    personal tab home (default)
//   #/configure  channel tab configuration page (Teams "settings" frame)
//   #/dashboard  channel tab content, saved by #/configure
//   #/about, #/privacy, #/terms  the manifest's developer links
//   #/audits/<id>  one audit (linked from the bot's cards)

export const routeIds = ["my-work", "configure", "dashboard", "about", "privacy", "terms", "audit"] as const;
export type RouteId = (typeof routeIds)[number];

export const DEFAULT_ROUTE: RouteId = "my-work";

export interface RouteInfo {
  id: RouteId;
  /** Page heading and navigation label. */
  title: string;
  /** Shown in the main navigation. The configure page is reached from Teams only. */
  inNavigation: boolean;
}

export const routes: Record<RouteId, RouteInfo> = {
  "my-work": { id: "my-work", title: "My work", inNavigation: true },
  dashboard: { id: "dashboard", title: "Team dashboard", inNavigation: true },
  configure: { id: "configure", title: "Set up Golden Thread in this channel", inNavigation: false },
  about: { id: "about", title: "About Golden Thread", inNavigation: false },
  privacy: { id: "privacy", title: "Privacy: how Golden Thread handles information", inNavigation: false },
  terms: { id: "terms", title: "Terms of use", inNavigation: false },
  audit: { id: "audit", title: "Audit", inNavigation: false },
};

export function isRouteId(value: string): value is RouteId {
  return (routeIds as readonly string[]).includes(value);
}

/**
 * The route for a location hash: "" or "#" or "#/" is the default route;
 * an unknown path gives `undefined` (show "page not found").
 */
export function routeFromHash(hash: string): RouteId | undefined {
  const pathPart = hash.replace(/^#\/?/, "").split(/[?#]/, 1)[0] ?? "";
  const id = pathPart.replace(/\/+$/, "");
  if (id === "") return DEFAULT_ROUTE;
  if (/^audits\/[^/]+$/.test(id)) return "audit"; // #/audits/<id>, linked from the bot's cards
  return isRouteId(id) ? id : undefined;
}

export function hrefFor(id: RouteId): string {
  return `#/${id}`;
}

/** Entity id of the channel tab that #/configure saves. */
export const DASHBOARD_ENTITY_ID = "golden-thread-dashboard";

/** Content URL of the channel tab that #/configure saves. */
export function dashboardContentUrl(origin: string): string {
  return `${origin}/tab/index.html${hrefFor("dashboard")}`;
}
