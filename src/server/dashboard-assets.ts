import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";

/**
 * The built dashboard, `dist/web` of this package, found from this file in src/ (tsx) or from the
 * CLI bundle in dist/cli (both two folders below the package).
 */
export function dashboardDirectory(): string {
  return fileURLToPath(new URL("../../dist/web/", import.meta.url));
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Whether the dashboard has been built into `root`. */
export function dashboardBuilt(root: string | null): root is string {
  return root !== null && fs.existsSync(path.join(root, "index.html"));
}

/**
 * A file of the built dashboard, or null when there is none: `relative` is the URL path below the
 * root, refused if it leaves the folder. Files under assets/ carry a content hash in their names,
 * so they may be cached for good; anything else is revalidated.
 */
export function dashboardFile(c: Context, root: string, relative: string): Response | null {
  const decoded = safeDecode(relative);
  if (decoded === null) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  const immutable = decoded.startsWith("assets/");
  return c.body(new Uint8Array(fs.readFileSync(file)), 200, {
    "Content-Type": type,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
}

/** The page `/` shows when the dashboard is not built: where to go instead. */
export const DASHBOARD_NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Uplink</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:0 .3em}</style>
</head><body>
<h1>Uplink</h1>
<p><strong>Dashboard not built.</strong> <code>npm run build</code> builds it into <code>dist/web</code>; this page shows it from the next request on.</p>
<p>The API is served meanwhile: its reference is at <a href="/docs">/docs</a> (<a href="/openapi.json">/openapi.json</a>), its health at <a href="/healthz">/healthz</a>.</p>
</body></html>
`;

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
