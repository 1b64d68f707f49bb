// Builds the shipped CLI: one ESM bundle per entry point. A bundle starts in about half the time
// of tsc's many small modules (Kysely alone is hundreds of files); `npm run bench` measures both.
// Native and optional modules stay external and are loaded from node_modules.
import { chmod, rm } from "node:fs/promises";
import { build } from "esbuild";

await rm("dist", { recursive: true, force: true });
await build({
  entryPoints: { "cli/main": "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  external: ["better-sqlite3", "pg-native"],
  // Bundled CommonJS dependencies call require(); give them one in the ESM output.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
await chmod("dist/cli/main.js", 0o755);
