import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// CLI tests run the compiled command, as a user does (`npm test` builds first).
const MAIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): CliResult {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, UPLINK_DATABASE_URL: undefined, UPLINK_DEBUG: undefined, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
