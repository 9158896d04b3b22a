// Vite config for the Golden Thread tab (React + Fluent UI v9).
//
// The Node server serves the built files under /tab/, so `base` is "/tab/".
// Paths are resolved from this file, not from the working directory, so the
// config works from `vite --config tab/vite.config.ts` and from
// tab/build-if-changed.ts alike.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const tabDir = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("./dist", import.meta.url));

// Where `vite` dev mode forwards API calls: the local Golden Thread server.
const serverOrigin = "http://127.0.0.1:3978";

export default defineConfig({
  root: tabDir,
  base: "/tab/",
  // Static files, if any are added later, go in tab/public (part of the
  // source hash). No .env files: the build must depend only on hashed sources.
  envDir: false,
  clearScreen: false,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // React + Fluent UI + teams-js make one chunk of about 460 kB (130 kB
    // gzipped); expected for a Teams tab. Warn if it grows much beyond that.
    chunkSizeWarningLimit: 600,
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": serverOrigin,
      "/healthz": serverOrigin,
    },
  },
});
