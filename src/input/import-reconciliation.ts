import { formatLocation, type InputLocation, UplinkError } from "../core/index.js";
import { combineProblems } from "./csv-records.js";

/** A record read from a file, with where it was read. */
export interface Located<T> {
  readonly record: T;
  readonly where: InputLocation;
}

/** What an import does with each record of a file, decided before anything is written. */
export interface Reconciliation<T> {
  readonly added: T[];
  readonly replaced: T[];
  readonly unchanged: number;
}

/**
 * Sorts a file's records against the stored ones: new keys are added, equal records change
 * nothing (so a repeated import is a no-op), and a record that differs from the stored one is a
 * CONFLICT naming its file, line and first differing field, unless `replace` is set.
 */
export function reconcile<T>(
  incoming: readonly Located<T>[],
  stored: ReadonlyMap<string, T>,
  rules: {
    readonly key: (record: T) => string;
    readonly difference: (stored: T, incoming: T) => string | undefined;
    readonly describe: (record: T) => string;
    readonly replace: boolean;
  },
): Reconciliation<T> {
  const added: T[] = [];
  const replaced: T[] = [];
  let unchanged = 0;
  const conflicts: UplinkError[] = [];
  for (const { record, where } of incoming) {
    const before = stored.get(rules.key(record));
    if (before === undefined) {
      added.push(record);
      continue;
    }
    const field = rules.difference(before, record);
    if (field === undefined) unchanged++;
    else if (rules.replace) replaced.push(record);
    else {
      conflicts.push(
        new UplinkError(
          "CONFLICT",
          `${rules.describe(record)} is already stored with another ${field}. Nothing was imported; re-run with --replace to overwrite.`,
          { location: { ...where, field } },
        ),
      );
    }
  }
  const [first] = conflicts;
  if (first) {
    if (conflicts.length === 1) throw first;
    const shown = conflicts
      .slice(0, 20)
      .map((c) => `  ${formatLocation(c.location)}: ${c.message}`);
    const more = conflicts.length > 20 ? [`  … and ${conflicts.length - 20} more`] : [];
    throw new UplinkError(
      "CONFLICT",
      `${conflicts.length} rows differ from stored records; nothing was written:\n${[...shown, ...more].join("\n")}`,
      { cause: first, location: first.location },
    );
  }
  return { added, replaced, unchanged };
}

/** A key given twice in one file is an error, since only one of the two rows could win. */
export function refuseRepeatedKeys<T>(
  records: readonly Located<T>[],
  key: (record: T) => string,
  field: string,
): void {
  const seen = new Map<string, InputLocation>();
  const problems: UplinkError[] = [];
  for (const { record, where } of records) {
    const k = key(record);
    const first = seen.get(k);
    if (first) {
      problems.push(
        new UplinkError(
          "INVALID_INPUT",
          `${k} is written twice; the first is at ${formatLocation(first)}.`,
          {
            location: { ...where, field },
          },
        ),
      );
    } else seen.set(k, where);
  }
  if (problems.length > 0) throw combineProblems(problems, records[0]?.where.file ?? "");
}

/**
 * Runs a check (typically: does what this row refers to exist?) on every record and gathers the
 * problems, so that a file's every bad reference is named at once, with its line and field.
 */
export function checkEach<T>(
  records: readonly Located<T>[],
  check: (record: T, where: InputLocation) => void,
): void {
  const problems: UplinkError[] = [];
  for (const { record, where } of records) {
    try {
      check(record, where);
    } catch (error) {
      if (!(error instanceof UplinkError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw combineProblems(problems, records[0]?.where.file ?? "");
}
