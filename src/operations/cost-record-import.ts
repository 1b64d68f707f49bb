import { UplinkError } from "../core/index.js";
import { type ImportOptions, type ImportOutcome, listGroupCompanies } from "../customers/index.js";
import {
  checkEach,
  type Located,
  readCsvRecords,
  reconcile,
  refuseRepeatedKeys,
  validateAll,
} from "../input/index.js";
import type { Store } from "../store/index.js";
import {
  COST_FIELDS,
  type CostRecord,
  costRecordDifference,
  costRecordFromRaw,
  costRecordKey,
} from "./cost-record.js";
import {
  insertCostRecords,
  storedCostRecords,
  updateCostRecords,
} from "./cost-record.repository.js";
import { importOutcome } from "./import-outcome.js";

export function readCostFile(file: string): Located<CostRecord>[] {
  const records = validateAll(
    readCsvRecords(file, { required: COST_FIELDS }),
    ({ values, where }) => ({ record: costRecordFromRaw(values, where), where }),
    file,
  );
  refuseRepeatedKeys(records, (r) => `Cost ${costRecordKey(r)}`, "category");
  return records;
}

/**
 * Imports monthly cost and SG&A records in one transaction: one amount per group company, month,
 * segment and category; a different amount for a stored one needs `replace`.
 */
export async function importCostFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const located = readCostFile(file);
  const records = located.map((l) => l.record);
  return store.db.transaction().execute(async (tx) => {
    const companies = new Set((await listGroupCompanies(tx)).map((c) => c.id));
    checkEach(located, (record, where) => {
      if (!companies.has(record.groupCompanyId)) {
        throw new UplinkError(
          "INVALID_INPUT",
          `Unknown group company "${record.groupCompanyId}"; import group companies first.`,
          { location: { ...where, field: "group_company" } },
        );
      }
    });
    const plan = reconcile(located, await storedCostRecords(tx, records), {
      key: costRecordKey,
      difference: costRecordDifference,
      describe: (r) => `Cost ${costRecordKey(r)}`,
      replace: options.replace ?? false,
    });
    await insertCostRecords(tx, plan.added);
    await updateCostRecords(tx, plan.replaced);
    return importOutcome(file, plan);
  });
}
