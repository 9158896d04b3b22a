// The tab builds with Vite into tab/dist, with assets under /tab/, and is not
// rebuilt when its sources have not changed.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTabIfChanged, tabPaths } from "../tab/build-if-changed.js";

const BUILD_TIMEOUT_MS = 120_000;

describe("buildTabIfChanged", () => {
  it(
    "builds tab/dist with assets under /tab/, then skips an unchanged rebuild",
    async () => {
      const lines: string[] = [];
      const log = (line: string) => lines.push(line);

      const first = await buildTabIfChanged({ force: true, log });
      expect(first.built).toBe(true);
      expect(first.hash).toMatch(/^[0-9a-f]{64}$/);

      expect(existsSync(tabPaths.distIndex)).toBe(true);
      const html = readFileSync(tabPaths.distIndex, "utf8");
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? "");
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) {
        expect(src).toMatch(/^\/tab\/assets\/[\w.-]+\.js$/);
        expect(existsSync(path.join(tabPaths.distDir, src.slice("/tab/".length)))).toBe(true);
      }
      expect(html).not.toContain('src="/src/');
      expect(readFileSync(tabPaths.hashFile, "utf8").trim()).toBe(first.hash);

      const second = await buildTabIfChanged({ log });
      expect(second).toEqual({ built: false, hash: first.hash });
      expect(lines.at(-1)).toContain("up to date");
    },
    BUILD_TIMEOUT_MS,
  );
});
