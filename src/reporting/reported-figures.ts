import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FiscalCalendar } from "../core/index.js";
import { readCsvRecords, validateAll } from "../input/index.js";
import { readMeta, type Store, writeMeta } from "../store/index.js";
import { listFacts, upsertFacts } from "./fact.repository.js";
import { readFactFile } from "./fact-import.js";
import { STATEMENT_COLUMNS, type Statement, statementFromRaw } from "./statement.js";
import { createValueResolver, type ValueResolver } from "./value-resolver.js";

// The company's published figures ship in data/reported: facts/*.csv (what was reported) and
// statements/*.csv (what the source says about its own figures, which verify-source checks).

const DIGEST_KEY = "reported_facts_digest";

/** `data/reported` of this package, found from this file in src/ (tsx) or dist/ (compiled). */
export function reportedDataDirectory(): string {
  return fileURLToPath(new URL("../../data/reported/", import.meta.url));
}

function csvFilesIn(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".csv"))
    .sort()
    .map((name) => path.join(folder, name));
}

/**
 * Loads the shipped facts into the store on first use, and again only when the shipped files
 * change, so that `uplink report` works on a fresh data folder with no set-up step.
 */
export async function ensureReportedFacts(
  store: Store,
  directory = reportedDataDirectory(),
): Promise<{ loaded: boolean; facts: number }> {
  const files = csvFilesIn(path.join(directory, "facts"));
  const hash = createHash("sha256");
  for (const file of files)
    hash.update(path.basename(file)).update("\0").update(fs.readFileSync(file));
  const digest = hash.digest("hex");
  if ((await readMeta(store.db, DIGEST_KEY)) === digest) return { loaded: false, facts: 0 };
  const facts = files.flatMap((file) => readFactFile(file));
  await store.db.transaction().execute(async (tx) => {
    await upsertFacts(tx, facts, { replace: true });
    await writeMeta(tx, DIGEST_KEY, digest);
  });
  return { loaded: true, facts: facts.length };
}

/** Every shipped statement, validated; a bad row names its file, line and field. */
export function readReportedStatements(directory = reportedDataDirectory()): Statement[] {
  const statements = csvFilesIn(path.join(directory, "statements")).flatMap((file) =>
    validateAll(
      readCsvRecords(file, { required: STATEMENT_COLUMNS }),
      ({ values, where }) => statementFromRaw(values, where),
      file,
    ),
  );
  return statements;
}

/** The resolver over everything the store holds, with the shipped figures loaded first. */
export async function loadValueResolver(
  store: Store,
  calendar?: FiscalCalendar,
): Promise<ValueResolver> {
  await ensureReportedFacts(store);
  return createValueResolver(await listFacts(store.db), calendar);
}
