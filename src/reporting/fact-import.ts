import path from "node:path";
import { formatLocation, type InputLocation, UplinkError } from "../core/index.js";
import {
  combineProblems,
  type LocatedRecord,
  readCsvRecords,
  readText,
  validateAll,
} from "../input/index.js";
import type { Store } from "../store/index.js";
import { FACT_FIELDS, type Fact, factFromRaw, factKey, type RawFact } from "./fact.js";
import { type UpsertOutcome, upsertFacts } from "./fact.repository.js";

export interface LocatedFact {
  readonly fact: Fact;
  readonly where: InputLocation;
}

/**
 * Reads and validates a whole fact file (CSV with a header, or a JSON array of objects with the
 * same fields). Any bad row fails the file, naming file, line and field; a key written twice in
 * one file is an error too, since only one of the two could win.
 */
export function readFactFile(file: string): LocatedFact[] {
  const extension = path.extname(file).toLowerCase();
  const records =
    extension === ".json"
      ? readJsonRecords(file)
      : extension === ".csv"
        ? readCsvRecords(file, {
            required: ["metric", "period", "value", "unit", "source"],
            optional: ["entity", "scenario"],
          })
        : unsupported(file);
  const seen = new Map<string, string>();
  return validateAll(
    records,
    ({ values, where }) => {
      const fact = factFromRaw(values as RawFact, where);
      const key = factKey(fact);
      if (seen.has(key)) {
        throw new UplinkError(
          "INVALID_INPUT",
          `${fact.metric} for ${fact.period} (${fact.scenario}) is written twice; the first is at ${seen.get(key)}.`,
          { location: { ...where, field: "metric" } },
        );
      }
      seen.set(key, formatLocation(where));
      return { fact, where };
    },
    file,
  );
}

/** Imports a fact file in one transaction: all of it or nothing; a repeat changes nothing. */
export async function importFactFile(
  store: Store,
  file: string,
  options: { replace?: boolean } = {},
): Promise<UpsertOutcome & { file: string }> {
  const facts = readFactFile(file);
  const outcome = await store.db
    .transaction()
    .execute((tx) => upsertFacts(tx, facts, { replace: options.replace ?? false }));
  return { ...outcome, file };
}

function readJsonRecords(file: string): LocatedRecord[] {
  const text = readText(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UplinkError(
      "INVALID_INPUT",
      `${file} is not valid JSON: ${(error as Error).message}`,
      {
        cause: error,
        location: { file },
      },
    );
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { facts?: unknown } | null)?.facts;
  if (!Array.isArray(items)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `${file} must hold an array of facts (or {"facts": [...]}).`,
      {
        location: { file },
      },
    );
  }
  // JSON has no line numbers once parsed: a record is named by its 1-based position instead.
  const problems: UplinkError[] = [];
  const records: LocatedRecord[] = [];
  items.forEach((item, index) => {
    const where = { file, record: index + 1 };
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.push(
        new UplinkError("INVALID_INPUT", "A fact must be a JSON object.", { location: where }),
      );
      return;
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!(FACT_FIELDS as readonly string[]).includes(key)) {
        problems.push(
          new UplinkError(
            "INVALID_INPUT",
            `Unknown field; the fields are ${FACT_FIELDS.join(", ")}.`,
            {
              location: { ...where, field: key },
            },
          ),
        );
      }
      values[key] = value === null || value === undefined ? "" : String(value);
    }
    records.push({ values, where });
  });
  if (problems.length > 0) throw combineProblems(problems, file);
  return records;
}

function unsupported(file: string): never {
  throw new UplinkError("INVALID_INPUT", `${file}: facts import reads .csv or .json files.`, {
    location: { file },
  });
}
