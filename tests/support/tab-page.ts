// What the browser tests of the tab share: the whole app, Debian's Chromium
// and the built tab (held so no other test file rebuilds it meanwhile), for
// the tests of one describe block or file (`useTabBrowser`); the API as a
// demo person, for checks behind the page's back; and page helpers: local
// sign-in, moving to a route, axe-core (WCAG 2.2 AA: no serious or critical
// violations), screenshots to test-output/screenshots/, the 320 px check and
// Tab-only navigation.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { apiCall, localToken } from "./api-client.js";
import { launchChromium } from "./chromium.js";
import { holdBuiltTab } from "./tab-browser.js";
import { startTestApp, type TestApp } from "./test-app.js";

// Browser globals used by the functions run in the page (the tests are
// type-checked without the DOM library).
declare const window: { location: { hash: string } };
declare const document: {
  activeElement: { textContent: string | null } | null;
  documentElement: { scrollWidth: number };
  getAnimations(): { playState: string }[];
};

const root = path.resolve(import.meta.dirname, "..", "..");
const screenshotDir = path.join(root, "test-output", "screenshots");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface TabBrowserOptions {
  /** The pages' locale (by default the browser's own). */
  locale?: string;
  /** Adds test data once the app has started, before any page opens. */
  seed?: (app: TestApp) => Promise<void>;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
  etag: string | null;
}

export interface TabBrowser {
  running(): { app: TestApp; browser: Browser };
  /** A 1280 × 900 page whose relative addresses are the app's. */
  newPage(): Promise<Page>;
  /** A bearer token for a demo person, from the local sign-in. */
  tokenFor(personId: string): Promise<string>;
  /** A request to the API as a demo person (signed in afresh), with its status, parsed body and ETag. */
  api<T>(personId: string, method: string, apiPath: string, options?: { body?: unknown; ifMatch?: string }): Promise<ApiAnswer<T>>;
}

/** Starts the app and Chromium and holds the built tab for the tests around the call (beforeAll/afterAll). */
export function useTabBrowser(options: TabBrowserOptions = {}): TabBrowser {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let releaseTab: () => void = () => undefined;

  beforeAll(async () => {
    ({ release: releaseTab } = await holdBuiltTab());
    mkdirSync(screenshotDir, { recursive: true });
    app = await startTestApp();
    await options.seed?.(app);
    browser = await launchChromium();
  }, 6 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    releaseTab();
  });

  function running(): { app: TestApp; browser: Browser } {
    if (!app || !browser) throw new Error("the app and browser did not start");
    return { app, browser };
  }

  async function newPage(): Promise<Page> {
    const started = running();
    const page = await started.browser.newPage({ viewport: { width: 1280, height: 900 }, baseURL: started.app.url, ...(options.locale ? { locale: options.locale } : {}) });
    page.setDefaultTimeout(15_000);
    return page;
  }

  const tokenFor = (personId: string) => localToken(running().app.url, personId);

  async function api<T>(personId: string, method: string, apiPath: string, request: { body?: unknown; ifMatch?: string } = {}): Promise<ApiAnswer<T>> {
    const token = await tokenFor(personId);
    // An empty If-Match (an ETag that was missing) is not sent.
    const response = await apiCall<T>(running().app.url, method, apiPath, { token, json: request.body, ifMatch: request.ifMatch || undefined });
    return { status: response.status, body: response.body, etag: response.headers.get("ETag") };
  }

  return { running, newPage, tokenFor, api };
}

// --- page helpers (for pages from `newPage`) -------------------------------

/** The tab's local sign-in page. */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto("/tab/");
  await page.getByText("Local sign-in: no Microsoft 365 tenant").waitFor();
}

/** Signs in as the demo person `name` with the local sign-in. */
export async function signIn(page: Page, name: string): Promise<void> {
  await openSignIn(page);
  await page.getByRole("radio", { name: new RegExp(`^${name}`) }).check();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText(`Signed in as ${name}`).waitFor();
}

/** Moves to a route of the tab (`#/...`), as a link would. */
export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((next) => {
    window.location.hash = next;
  }, hash);
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));

/**
 * axe-core over the page as it is now: no serious or critical WCAG 2.2 AA violations.
 * `exclude`: CSS selectors of elements axe is not to check.
 */
export async function expectAccessible(page: Page, what: string, options: { exclude?: string[] } = {}): Promise<void> {
  // Fluent's motion (dialogs fading in) would otherwise be measured half-way.
  await settled(page);
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const context = exclude.length === 0 ? document : { include: [["html"]], exclude: exclude.map((selector) => [selector]) };
    return axe.run(context, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"] });
  }, options.exclude ?? []);
  const serious = result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(", ")}`);
  expect(serious, `accessibility of ${what}`).toEqual([]);
}

/** A full-page screenshot, test-output/screenshots/`name`.png, once motion has stopped. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** At 320 px wide nothing needs scrolling sideways; a screenshot of each width. */
export async function checkWidths(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await page.waitForTimeout(100);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${name} at 320 px wide`).toBeLessThanOrEqual(320);
    await screenshot(page, `${name}-320px`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

/**
 * Press Tab until the focused element is the one wanted, as a keyboard user would:
 * `isTarget(wanted)` runs in the page after each press.
 */
export async function tabTo(page: Page, isTarget: (wanted: string) => boolean, wanted: string, maxPresses = 20): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    if (await page.evaluate(isTarget, wanted)) return;
    await page.keyboard.press("Tab");
  }
  expect(await page.evaluate(isTarget, wanted), `"${wanted}" reached by Tab within ${maxPresses} presses`).toBe(true);
}

/** The text of the focused element. */
export const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");
