// Connects the tab to Microsoft Teams, or falls back to a plain browser.
//
// Outside Teams, teams-js `app.initialize()` rejects ("No Parent window
// found") or, inside some other frame, never answers. Either way the tab must
// still work, so we race it against a timeout and fall back to a browser host
// with Teams features (sign-in, theme, channel configuration) off.
import { app } from "@microsoft/teams-js";

/** The themes Teams reports. Anything else (e.g. "glass") counts as "default". */
export type TeamsTheme = "default" | "dark" | "contrast";

export type Unsubscribe = () => void;

export interface TeamsHost {
  kind: "teams";
  /** Theme when the tab loaded; follow changes with `onThemeChange`. */
  theme: TeamsTheme;
  /** Where the tab is shown: "content", "settings" (channel tab configuration), … */
  frameContext: string | undefined;
  /** Host client, e.g. "web", "desktop", "ios". */
  hostClientType: string | undefined;
  onThemeChange(listener: (theme: TeamsTheme) => void): Unsubscribe;
}

export interface BrowserHost {
  kind: "browser";
  /** Why Teams was not found, for diagnostics (not shown to users). */
  reason: string;
}

export type TabHost = TeamsHost | BrowserHost;
export type HostKind = TabHost["kind"];

export const DEFAULT_TEAMS_TIMEOUT_MS = 5_000;

export function toTeamsTheme(value: string | undefined): TeamsTheme {
  return value === "dark" || value === "contrast" ? value : "default";
}

let connection: Promise<TabHost> | undefined;

/**
 * Initialise teams-js once per page. Resolves with a Teams host, or with a
 * browser host when there is no Teams parent window, initialisation fails, or
 * it takes longer than `timeoutMs`. Never rejects.
 */
export function connectToHost(options: { timeoutMs?: number } = {}): Promise<TabHost> {
  connection ??= connect(options.timeoutMs ?? DEFAULT_TEAMS_TIMEOUT_MS);
  return connection;
}

// Teams hosts a tab in a frame (web, desktop), a pop-up (authentication) or a
// mobile web view that exposes `nativeInterface`. With none of these there is
// no Teams to wait for, so a plain browser shows the page at once.
function couldBeInTeams(): boolean {
  return window.parent !== window.self || window.opener !== null || "nativeInterface" in window;
}

async function connect(timeoutMs: number): Promise<TabHost> {
  if (!couldBeInTeams()) return { kind: "browser", reason: "No Teams window around this page" };
  try {
    await withTimeout(app.initialize(), timeoutMs);
  } catch (error) {
    return { kind: "browser", reason: error instanceof Error ? error.message : String(error) };
  }

  let context: app.Context | undefined;
  try {
    context = await withTimeout(app.getContext(), timeoutMs);
  } catch {
    // Initialised but no context: still Teams; use defaults.
  }

  // Teams shows its own loading indicator until told the app is ready.
  app.notifyAppLoaded();
  void app.notifySuccess().catch(() => undefined);

  return {
    kind: "teams",
    theme: toTeamsTheme(context?.app.theme),
    frameContext: context?.page.frameContext,
    hostClientType: context?.app.host.clientType,
    onThemeChange: subscribeToTeamsTheme,
  };
}

// teams-js keeps only one theme handler, so register once and fan out.
const themeListeners = new Set<(theme: TeamsTheme) => void>();
let themeHandlerRegistered = false;

function subscribeToTeamsTheme(listener: (theme: TeamsTheme) => void): Unsubscribe {
  if (!themeHandlerRegistered) {
    app.registerOnThemeChangeHandler((theme) => {
      const next = toTeamsTheme(theme);
      for (const notify of themeListeners) notify(next);
    });
    themeHandlerRegistered = true;
  }
  themeListeners.add(listener);
  return () => {
    themeListeners.delete(listener);
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Microsoft Teams did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
