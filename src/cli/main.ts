#!/usr/bin/env node
// The `uplink` command. It parses input, calls one function, renders the result; errors a user
// can act on print one line and exit 2, anything else exits 1 (with a stack under UPLINK_DEBUG).
import { CommanderError } from "commander";
import { formatLocation, isUplinkError } from "../core/index.js";
import { buildProgram } from "./program.js";

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isUplinkError(error)) {
      const where = formatLocation(error.location);
      process.stderr.write(`uplink: ${where ? `${where}: ` : ""}${error.message}\n`);
      return error.code === "INTERNAL" ? 1 : 2;
    }
    process.stderr.write(
      `uplink: unexpected failure: ${(error as Error).message ?? String(error)}\n${
        process.env.UPLINK_DEBUG
          ? `${(error as Error).stack}\n`
          : "Set UPLINK_DEBUG=1 to see the details.\n"
      }`,
    );
    return 1;
  }
}

process.exitCode = await main(process.argv);
