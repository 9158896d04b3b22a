// The built tab, shared safely between test files. vitest runs files in
// parallel processes, and a tab build empties tab/dist before writing it, so:
//
// - `buildTab()` builds (if the sources changed, or when forced) while
//   holding a file lock, so two files never build at once;
// - `holdBuiltTab()` builds and then keeps the lock until `release()`, so no
//   other file rebuilds tab/dist while this one's browser is loading pages
//   from it. Files that serve tab/dist (the browser tests, `npm start`) hold it.
//
// The lock is a file created with O_EXCL ("wx") holding the owner's pid; a
// lock left by a process that has died is taken over. Within one process
// the lock is re-entrant.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { buildTabIfChanged, tabPaths, type BuildTabOptions, type BuildTabResult } from "../../tab/build-if-changed.js";

export const tabLockFile = path.join(tabPaths.rootDir, "test-output", ".tab-dist.lock");

const DEFAULT_WAIT_MS = 5 * 60_000;
let holders = 0;

function ownerAlive(): boolean {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(tabLockFile, "utf8"), 10);
  } catch {
    return false; // gone (or half-written): try again
  }
  if (!Number.isInteger(pid) || pid <= 0) return true; // being written; give it a moment
  // Our own pid with no holder here: left by an earlier test file in this (reused) process.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Take the tab lock (waiting for another process to release it). Resolves with `release`. */
export async function lockTab(waitMs = DEFAULT_WAIT_MS): Promise<() => void> {
  if (holders > 0) {
    holders++;
    return releaseOnce();
  }
  mkdirSync(path.dirname(tabLockFile), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(tabLockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      holders = 1;
      return releaseOnce();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!ownerAlive()) {
      rmSync(tabLockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Waited ${Math.round(waitMs / 1000)} s for the tab lock (${tabLockFile}); another test file holds it.`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

function releaseOnce(): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0) rmSync(tabLockFile, { force: true });
  };
}

/** Build tab/dist if needed (or forced), holding the lock while Vite runs. */
export async function buildTab(options: BuildTabOptions = {}): Promise<BuildTabResult> {
  const release = await lockTab();
  try {
    return await buildTabIfChanged(options);
  } finally {
    release();
  }
}

/** Build tab/dist if needed, then keep it as it is until `release()` (call it in afterAll). */
export async function holdBuiltTab(options: BuildTabOptions = {}): Promise<{ build: BuildTabResult; release: () => void }> {
  const release = await lockTab();
  try {
    return { build: await buildTabIfChanged(options), release };
  } catch (error) {
    release();
    throw error;
  }
}
