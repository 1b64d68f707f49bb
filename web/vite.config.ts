// Builds the dashboard into dist/web, which `uplink serve` serves at `/` (assets under /assets/).
// Run after scripts/build.mjs: that script empties dist/ first.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API runs on `uplink serve`.
    proxy: { "/api": "http://localhost:8080" },
  },
});
