// Build the tab (tab/dist) only when its sources have changed.
//
// Run by tsx from the server's start script, and directly:
//   npx tsx tab/build-if-changed.ts [--force]
// This is Node code; it is not part of the browser bundle.
//
// The source hash is a SHA-256 over every file under tab/src and tab/public
// (if present), tab/index.html, tab/vite.config.ts, tab/tsconfig.json and the
// root package-lock.json (if present), each with its path. It is stored in
// tab/dist/.source-hash after a successful build.
import { createHash } from "node:crypto";
import { readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface BuildTabOptions {
  /** Build even when the stored hash matches. */
  force?: boolean;
  /** Where progress lines go. Defaults to console.log. */
  log?: (line: string) => void;
}

export interface BuildTabResult {
  /** True when Vite ran. */
  built: boolean;
  /** SHA-256 (hex) of the tab's sources. */
  hash: string;
}

/** Absolute paths used by the build (resolved from this file, not the cwd). */
export const tabPaths = (() => {
  const tabDir = fileURLToPath(new URL(".", import.meta.url));
  const rootDir = path.dirname(tabDir);
  const distDir = path.join(tabDir, "dist");
  return {
    rootDir,
    tabDir,
    distDir,
    viteConfig: path.join(tabDir, "vite.config.ts"),
    distIndex: path.join(distDir, "index.html"),
    hashFile: path.join(distDir, ".source-hash"),
  } as const;
})();

// Bump when the hashing scheme changes, so old dist folders are rebuilt.
const HASH_SCHEME = "golden-thread-tab-sources/1";

const sourceDirs = ["tab/src", "tab/public"] as const;
const sourceFiles = ["tab/index.html", "tab/vite.config.ts", "tab/tsconfig.json", "package-lock.json"] as const;

/** Every file under `dir` (relative to the repo root, "/"-separated), sorted. Empty if `dir` is missing. */
async function listFiles(relDir: string): Promise<string[]> {
  const absDir = path.join(tabPaths.rootDir, relDir);
  let entries;
  try {
    entries = await readdir(absDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(path.relative(tabPaths.rootDir, path.join(entry.parentPath, entry.name))))
    .sort();
}

/** SHA-256 over the tab's sources. Exported for tests and diagnostics. */
export async function hashTabSources(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`${HASH_SCHEME}\0`);
  const files = [...(await Promise.all(sourceDirs.map(listFiles))).flat(), ...sourceFiles];
  for (const relPath of files) {
    const content = await readIfExists(path.join(tabPaths.rootDir, relPath));
    if (content === undefined) continue; // optional file (package-lock.json)
    hash.update(`${relPath}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest("hex");
}

let buildInProgress: Promise<BuildTabResult> | undefined;

/**
 * Build tab/dist with Vite when the sources differ from the last build (or
 * dist/index.html is missing, or `force` is set). Concurrent calls in the same
 * process share one build.
 */
export async function buildTabIfChanged(options: BuildTabOptions = {}): Promise<BuildTabResult> {
  if (buildInProgress) return buildInProgress;
  buildInProgress = run(options);
  try {
    return await buildInProgress;
  } finally {
    buildInProgress = undefined;
  }
}

async function run({ force = false, log = (line: string) => console.log(line) }: BuildTabOptions): Promise<BuildTabResult> {
  const hash = await hashTabSources();

  if (!force) {
    const [storedHash, hasIndex] = await Promise.all([readStoredHash(), fileExists(tabPaths.distIndex)]);
    if (hasIndex && storedHash === hash) {
      log(`[tab] up to date (${hash.slice(0, 12)})`);
      return { built: false, hash };
    }
    log(`[tab] ${hasIndex ? "sources changed" : "no build found"}; building…`);
  } else {
    log("[tab] building (forced)…");
  }

  const started = Date.now();
  await viteBuild();
  // Vite empties dist/ first, so the hash is written only after a good build.
  const tmpFile = `${tabPaths.hashFile}.${process.pid}.tmp`;
  await writeFile(tmpFile, `${hash}\n`, "utf8");
  await rename(tmpFile, tabPaths.hashFile);
  log(`[tab] built in ${((Date.now() - started) / 1000).toFixed(1)} s (${hash.slice(0, 12)})`);
  return { built: true, hash };
}

async function viteBuild(): Promise<void> {
  // Vite decides between a production and a development bundle from
  // NODE_ENV (vitest sets "test"; a dev server may set "development"), and
  // sets NODE_ENV itself when it is unset. The tab is always served as a
  // production bundle, so pin NODE_ENV for the build and restore it after,
  // leaving the calling process as it was.
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    const { build } = await import("vite");
    await build({ configFile: tabPaths.viteConfig, mode: "production", logLevel: "warn" });
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
}

async function readStoredHash(): Promise<string | undefined> {
  const content = await readIfExists(tabPaths.hashFile);
  return content?.toString("utf8").trim();
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function fileExists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

// Run directly: `tsx tab/build-if-changed.ts [--force]`.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  buildTabIfChanged({ force: process.argv.includes("--force") }).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error("[tab] build failed:", error);
      process.exitCode = 1;
    },
  );
}
