import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { formatLocation, type InputLocation, UplinkError } from "../core/index.js";

/** One record of an input file with the line it starts on, for error messages. */
export interface LocatedRecord {
  readonly values: Record<string, string>;
  readonly where: InputLocation;
}

/**
 * Reads a CSV file with a header row into records keyed by column. Every column must be one the
 * caller knows, and the required ones must be there, so a misspelt header fails before any row.
 */
export function readCsvRecords(
  file: string,
  columns: { required: readonly string[]; optional?: readonly string[] },
): LocatedRecord[] {
  const text = readText(file);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UplinkError(
      "INVALID_INPUT",
      `${file} is not valid CSV: ${(error as Error).message}`,
      {
        cause: error,
        location: line === undefined ? { file } : { file, line },
      },
    );
  }
  const [header, ...body] = rows;
  if (!header) throw new UplinkError("INVALID_INPUT", `${file} is empty.`, { location: { file } });
  const names = header.record.map((name) => name.trim());
  const known = new Set([...columns.required, ...(columns.optional ?? [])]);
  for (const name of names) {
    if (!known.has(name)) {
      throw new UplinkError(
        "INVALID_INPUT",
        `Unknown column "${name}"; the columns are ${[...known].join(", ")}.`,
        { location: { file, line: 1, field: name } },
      );
    }
  }
  for (const name of columns.required) {
    if (!names.includes(name)) {
      throw new UplinkError("INVALID_INPUT", `The header has no "${name}" column.`, {
        location: { file, line: 1, field: name },
      });
    }
  }
  // csv-parse counts the line a record ends on; records here are one line each unless quoted.
  return body.map(({ record, info }) => ({
    values: Object.fromEntries(names.map((name, i) => [name, record[i] ?? ""])),
    where: { file, line: info.lines },
  }));
}

export function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UplinkError(
      "INVALID_INPUT",
      code === "ENOENT"
        ? `${file} does not exist.`
        : `Cannot read ${file}: ${(error as Error).message}`,
      { cause: error, location: { file } },
    );
  }
}

/**
 * Runs `check` on every record and gathers the problems, so one run shows all of a file's errors
 * (up to a screenful) instead of one per attempt.
 */
export function validateAll<T>(
  records: readonly LocatedRecord[],
  check: (record: LocatedRecord) => T,
  file: string,
): T[] {
  const results: T[] = [];
  const problems: UplinkError[] = [];
  for (const record of records) {
    try {
      results.push(check(record));
    } catch (error) {
      if (!(error instanceof UplinkError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw combineProblems(problems, file);
  return results;
}

export function combineProblems(problems: readonly UplinkError[], file: string): UplinkError {
  const first = problems[0]!;
  if (problems.length === 1) return first;
  const shown = problems.slice(0, 20).map((p) => `  ${formatLocation(p.location)}: ${p.message}`);
  const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
  return new UplinkError(
    "INVALID_INPUT",
    `${problems.length} problems; nothing was written:\n${[...shown, ...more].join("\n")}`,
    { cause: first, location: { file } },
  );
}
