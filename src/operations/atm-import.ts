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
import { ATM_FIELDS, ATM_REQUIRED_FIELDS, type Atm, atmDifference, atmFromRaw } from "./atm.js";
import { atmsById, insertAtms, updateAtms } from "./atm.repository.js";
import { importOutcome, optionalColumns } from "./import-outcome.js";

export function readAtmFile(file: string): Located<Atm>[] {
  const records = validateAll(
    readCsvRecords(file, {
      required: ATM_REQUIRED_FIELDS,
      optional: optionalColumns(ATM_FIELDS, ATM_REQUIRED_FIELDS),
    }),
    ({ values, where }) => ({ record: atmFromRaw(values, where), where }),
    file,
  );
  refuseRepeatedKeys(records, (a) => `ATM ${a.id}`, "id");
  return records;
}

/**
 * Imports ATMs in one transaction; each names the group company that operates it. Recording a
 * removal later changes a stored ATM, so it needs `replace`.
 */
export async function importAtmFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const located = readAtmFile(file);
  const atms = located.map((l) => l.record);
  return store.db.transaction().execute(async (tx) => {
    const companies = new Set((await listGroupCompanies(tx)).map((c) => c.id));
    checkEach(located, (atm, where) => {
      if (!companies.has(atm.groupCompanyId)) {
        throw new UplinkError(
          "INVALID_INPUT",
          `Unknown group company "${atm.groupCompanyId}"; import group companies first.`,
          { location: { ...where, field: "group_company" } },
        );
      }
    });
    const stored = await atmsById(
      tx,
      atms.map((a) => a.id),
    );
    const plan = reconcile(located, stored, {
      key: (a) => a.id,
      difference: atmDifference,
      describe: (a) => `ATM ${a.id}`,
      replace: options.replace ?? false,
    });
    await insertAtms(tx, plan.added);
    await updateAtms(tx, plan.replaced);
    return importOutcome(file, plan);
  });
}
