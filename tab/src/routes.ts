// Hash routes of the tab. Hash routing keeps every page on
// /tab/index.html, which is what Teams loads (contentUrl, configurationUrl).
//
//   #/my-work      personal tab home (default)
//   #/dashboard    QA dashboard; channel tab content, saved by #/configure
//   #/actions      action tracker
//   #/audits       audit list, filtered by its query (#/audits?overallGrade=good&…)
//   #/audits/<id>  one audit (linked from the bot's cards)
//   #/programmes   audit programmes; #/programmes/new plans one; #/programmes/<id> one programme
//   #/moderation   audits waiting for a moderator, and moderation agreement (#/moderation?from=…&to=…&by=section)
//   #/library      practice standards and audit tools;
//                  #/library/standards/<id> one standard and how audits graded it;
//                  #/library/tools/<id> (or …/tools/new) the audit tool editor
//   #/roles        roles and responsibilities, and the accountability map
//   #/bulletins    learning bulletins; #/bulletins/new writes one; #/bulletins/<id> one bulletin (linked from its card)
//   #/you-said-we-did  "you said, we did" updates; #/you-said-we-did/new and #/you-said-we-did/<id>
//   #/feedback     compliments and complaints from children and families (#/feedback?type=complaint&status=overdue…)
//   #/observations practice observations, including observation of supervision
//   #/voice        workforce voice: surveys and their settings; #/voice/new writes a survey;
//                  #/voice/<id> one survey (a draft to edit and send, or its results)
//   #/performance  KPIs: trend, target band, RAG, DfE comparators, data confidence; focused audit proposals
//                  (#/performance?place=team:<id>); #/performance/import imports a month of KPI values
//   #/triangulation  KPIs beside audits, moderation, feedback and observations for a team, service or theme
//   #/reports      the monthly QA report pack (#/reports?period=2026-11&scope=service&serviceId=…)
//   #/meetings     performance meetings and QA boards (#/meetings?meetingId=…)
//   #/self-evaluation  the SEF and the improvement plan (#/self-evaluation?year=<id>)
//   #/configure    channel tab configuration page (Teams "settings" frame)
//   #/about, #/privacy, #/terms  the manifest's developer links
//
// A route may carry a query after "?" (#/dashboard?teamId=x&from=2026-10-01);
// use-hash-route.ts reads and writes it.

export const routeIds = [
  "my-work",
  "dashboard",
  "actions",
  "programmes",
  "moderation",
  "library",
  "roles",
  "bulletins",
  "you-said-we-did",
  "feedback",
  "observations",
  "voice",
  "performance",
  "triangulation",
  "performance-import",
  "reports",
  "meetings",
  "self-evaluation",
  "programme",
  "plan-programme",
  "standard",
  "audit-tool",
  "bulletin",
  "you-said-we-did-update",
  "survey",
  "compose-survey",
  "audit-list",
  "audit",
  "configure",
  "about",
  "privacy",
  "terms",
] as const;
export type RouteId = (typeof routeIds)[number];

export const DEFAULT_ROUTE: RouteId = "my-work";

export interface RouteInfo {
  id: RouteId;
  /** Page heading and navigation label. Pages with `ownHeading` write their own (it depends on what they show). */
  title: string;
  /** Shown in the main navigation. The configure page is reached from Teams only. */
  inNavigation: boolean;
  /** The page needs to know who you are (it reads the API). */
  needsSignIn: boolean;
  /** The page renders its own main heading. */
  ownHeading?: boolean;
}

export const routes: Record<RouteId, RouteInfo> = {
  "my-work": { id: "my-work", title: "My work", inNavigation: true, needsSignIn: true },
  dashboard: { id: "dashboard", title: "QA dashboard", inNavigation: true, needsSignIn: true },
  actions: { id: "actions", title: "Actions", inNavigation: true, needsSignIn: true },
  programmes: { id: "programmes", title: "Programmes", inNavigation: true, needsSignIn: true, ownHeading: true },
  moderation: { id: "moderation", title: "Moderation", inNavigation: true, needsSignIn: true },
  library: { id: "library", title: "Library", inNavigation: true, needsSignIn: true, ownHeading: true },
  roles: { id: "roles", title: "Roles", inNavigation: true, needsSignIn: true, ownHeading: true },
  bulletins: { id: "bulletins", title: "Bulletins", inNavigation: true, needsSignIn: true, ownHeading: true },
  "you-said-we-did": { id: "you-said-we-did", title: "You said, we did", inNavigation: true, needsSignIn: true, ownHeading: true },
  bulletin: { id: "bulletin", title: "Learning bulletin", inNavigation: false, needsSignIn: true, ownHeading: true },
  "you-said-we-did-update": { id: "you-said-we-did-update", title: "You said, we did", inNavigation: false, needsSignIn: true, ownHeading: true },
  feedback: { id: "feedback", title: "Feedback", inNavigation: true, needsSignIn: true },
  observations: { id: "observations", title: "Observations", inNavigation: true, needsSignIn: true },
  voice: { id: "voice", title: "Staff voice", inNavigation: true, needsSignIn: true, ownHeading: true },
  survey: { id: "survey", title: "Survey", inNavigation: false, needsSignIn: true, ownHeading: true },
  "compose-survey": { id: "compose-survey", title: "Write a survey", inNavigation: false, needsSignIn: true, ownHeading: true },
  performance: { id: "performance", title: "Performance", inNavigation: true, needsSignIn: true },
  triangulation: { id: "triangulation", title: "Triangulation", inNavigation: false, needsSignIn: true },
  "performance-import": { id: "performance-import", title: "Import KPI values", inNavigation: false, needsSignIn: true },
  reports: { id: "reports", title: "Report pack", inNavigation: true, needsSignIn: true },
  meetings: { id: "meetings", title: "Meetings", inNavigation: true, needsSignIn: true },
  "self-evaluation": { id: "self-evaluation", title: "Self-evaluation", inNavigation: true, needsSignIn: true },
  programme: { id: "programme", title: "Audit programme", inNavigation: false, needsSignIn: true, ownHeading: true },
  "plan-programme": { id: "plan-programme", title: "Plan an audit programme", inNavigation: false, needsSignIn: true, ownHeading: true },
  standard: { id: "standard", title: "Practice standard", inNavigation: false, needsSignIn: true, ownHeading: true },
  "audit-tool": { id: "audit-tool", title: "Audit tool", inNavigation: false, needsSignIn: true, ownHeading: true },
  "audit-list": { id: "audit-list", title: "Audits", inNavigation: false, needsSignIn: true, ownHeading: true },
  audit: { id: "audit", title: "Audit", inNavigation: false, needsSignIn: true, ownHeading: true },
  configure: { id: "configure", title: "Set up Golden Thread in this channel", inNavigation: false, needsSignIn: false },
  about: { id: "about", title: "About Golden Thread", inNavigation: false, needsSignIn: false },
  privacy: { id: "privacy", title: "Privacy: how Golden Thread handles information", inNavigation: false, needsSignIn: false },
  terms: { id: "terms", title: "Terms of use", inNavigation: false, needsSignIn: false },
};

/** Route ids written as they appear in the address (#/<path>), where the two differ. */
const pathOf: Partial<Record<RouteId, string>> = {
  "audit-list": "audits",
  "plan-programme": "programmes/new",
  "compose-survey": "voice/new",
  "performance-import": "performance/import",
};

/** Routes for one record, reached only as #/<prefix>/<id>. */
const recordRoutes: { route: RouteId; prefix: string }[] = [
  { route: "programme", prefix: "programmes" },
  { route: "standard", prefix: "library/standards" },
  { route: "audit-tool", prefix: "library/tools" },
  { route: "bulletin", prefix: "bulletins" },
  { route: "you-said-we-did-update", prefix: "you-said-we-did" },
  { route: "survey", prefix: "voice" },
];

export function isRouteId(value: string): value is RouteId {
  return (routeIds as readonly string[]).includes(value);
}

/** The path part of a location hash, without "#/", the query or a trailing "/". */
export function hashPath(hash: string): string {
  const pathPart = hash.replace(/^#\/?/, "").split(/[?#]/, 1)[0] ?? "";
  return pathPart.replace(/\/+$/, "");
}

/** The query part of a location hash (after the first "?"), as URLSearchParams. */
export function hashQuery(hash: string): URLSearchParams {
  const at = hash.indexOf("?");
  return new URLSearchParams(at === -1 ? "" : hash.slice(at + 1));
}

/**
 * The route for a location hash: "" or "#" or "#/" is the default route;
 * an unknown path gives `undefined` (show "page not found").
 */
export function routeFromHash(hash: string): RouteId | undefined {
  const id = hashPath(hash);
  if (id === "") return DEFAULT_ROUTE;
  if (id === "audits") return "audit-list";
  if (/^audits\/[^/]+$/.test(id)) return "audit"; // #/audits/<id>, linked from the bot's cards
  if (id === "audit-list") return undefined; // only reachable as #/audits
  if (id === "programmes/new") return "plan-programme";
  if (id === "voice/new") return "compose-survey";
  if (id === "compose-survey") return undefined; // only reachable as #/voice/new
  if (id === "performance/import") return "performance-import";
  if (id === "performance-import") return undefined; // only reachable as #/performance/import
  for (const { route, prefix } of recordRoutes) {
    if (id.startsWith(`${prefix}/`) && /^[^/]+$/.test(id.slice(prefix.length + 1))) return route;
    if (id === route) return undefined; // only reachable as #/<prefix>/<id>
  }
  if (id === "plan-programme") return undefined;
  return isRouteId(id) ? id : undefined;
}

/** The audit id in #/audits/<id>, or undefined. */
export function auditIdFromHash(hash: string): string | undefined {
  const match = /^audits\/([^/]+)$/.exec(hashPath(hash));
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** The record id in #/programmes/<id>, #/library/standards/<id> or #/library/tools/<id>, or undefined. */
export function recordIdFromHash(hash: string): string | undefined {
  const path = hashPath(hash);
  for (const { prefix } of recordRoutes) {
    const rest = path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : "";
    if (rest === "" || rest.includes("/")) continue;
    try {
      return decodeURIComponent(rest);
    } catch {
      return rest;
    }
  }
  return undefined;
}

export type QueryInput = Record<string, string | readonly string[] | undefined>;

/** "?a=1&b=2" from values; empty and undefined values are left out. "" when nothing is left. */
export function queryText(query: QueryInput | URLSearchParams = {}): string {
  const parameters = new URLSearchParams();
  const entries: [string, string | readonly string[] | undefined][] =
    query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    for (const item of typeof value === "string" ? [value] : value) if (item !== "") parameters.append(name, item);
  }
  const text = parameters.toString();
  return text ? `?${text}` : "";
}

export function hrefFor(id: RouteId, query?: QueryInput | URLSearchParams): string {
  return `#/${pathOf[id] ?? id}${queryText(query)}`;
}

/** Link to one audit's page. */
export function auditHref(auditId: string): string {
  return `#/audits/${encodeURIComponent(auditId)}`;
}

/** Link to the audit list with filters (status, type, teamId, serviceId, overallGrade, submittedFrom, submittedTo, …). */
export function auditListHref(filters: QueryInput = {}): string {
  return hrefFor("audit-list", filters);
}

/** Link to one audit programme's page. */
export function programmeHref(programmeId: string): string {
  return `#/programmes/${encodeURIComponent(programmeId)}`;
}

/** Link to one practice standard (and how audits graded practice against it). */
export function standardHref(standardId: string): string {
  return `#/library/standards/${encodeURIComponent(standardId)}`;
}

/** Link to the editor of one audit tool; "new" starts a new tool. */
export function auditToolHref(toolId: string): string {
  return `#/library/tools/${encodeURIComponent(toolId)}`;
}

/** Link to one learning bulletin; "new" writes one. */
export function bulletinHref(bulletinId: string): string {
  return `#/bulletins/${encodeURIComponent(bulletinId)}`;
}

/** Link to one "you said, we did" update; "new" writes one. */
export function youSaidWeDidHref(updateId: string): string {
  return `#/you-said-we-did/${encodeURIComponent(updateId)}`;
}

/** Link to one survey: a draft to edit and send, or a sent survey's results. */
export function surveyHref(surveyId: string): string {
  return `#/voice/${encodeURIComponent(surveyId)}`;
}

/** Entity id of the channel tab that #/configure saves. */
export const DASHBOARD_ENTITY_ID = "golden-thread-dashboard";

/** Content URL of the channel tab that #/configure saves. */
export function dashboardContentUrl(origin: string): string {
  return `${origin}/tab/index.html${hrefFor("dashboard")}`;
}
