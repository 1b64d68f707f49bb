import { InvalidArgumentError } from "commander";

export type OutputFormat = "table" | "json" | "csv";

/** Commander parser for `--format`, so a typo fails before any work starts. */
export function parseFormat(allowed: readonly OutputFormat[]) {
  return (value: string): OutputFormat => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`Choose one of: ${allowed.join(", ")}.`);
    }
    return value as OutputFormat;
  };
}

export function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new InvalidArgumentError("Give a whole number of 1 or more.");
  }
  return limit;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
