import { UplinkError } from "../core/index.js";
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
  type Customer,
  customerDifference,
  customerFromRaw,
  type RawCustomer,
} from "./customer.js";
import {
  contactsOfCustomers,
  customersByIds,
  insertCustomerContacts,
  insertCustomers,
  updateCustomerContacts,
  updateCustomers,
} from "./customer.repository.js";
import {
  CONTACT_FIELDS,
  type CustomerContact,
  contactDifference,
  contactFromRaw,
  contactKey,
  type RawContact,
} from "./customer-contact.js";
import {
  type GroupCompany,
  groupCompanyDifference,
  groupCompanyFromRaw,
  type RawGroupCompany,
} from "./group-company.js";
import {
  insertGroupCompanies,
  listGroupCompanies,
  updateGroupCompanies,
} from "./group-company.repository.js";

/** What an import did: rows added, rows that overwrote a stored record, rows already stored. */
export interface ImportOutcome {
  readonly file: string;
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
}

export interface ImportOptions {
  /** Overwrite stored records that a row changes (otherwise that is a CONFLICT). */
  readonly replace?: boolean;
}

/**
 * Imports group companies (id, name, parent, ownership_percent, functional_currency,
 * consolidated_from, relation) in one transaction. A parent may be in the file or already stored.
 */
export async function importGroupCompanyFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const records = validateAll(
    readCsvRecords(file, {
      required: [
        "id",
        "name",
        "ownership_percent",
        "functional_currency",
        "consolidated_from",
        "relation",
      ],
      optional: ["parent"],
    }),
    ({ values, where }) => ({
      record: groupCompanyFromRaw(values as RawGroupCompany, where),
      where,
    }),
    file,
  );
  refuseRepeatedKeys(records, (c) => c.id, "id");
  return store.db.transaction().execute(async (tx) => {
    const stored = new Map((await listGroupCompanies(tx)).map((c) => [c.id, c]));
    const known = new Set([...stored.keys(), ...records.map((r) => r.record.id)]);
    checkEach(records, (company, where) => {
      if (company.parentId !== null && !known.has(company.parentId)) {
        throw new UplinkError(
          "INVALID_INPUT",
          `There is no group company "${company.parentId}" in the file or the store.`,
          { location: { ...where, field: "parent" } },
        );
      }
    });
    const plan = reconcile<GroupCompany>(records, stored, {
      key: (c) => c.id,
      difference: groupCompanyDifference,
      describe: (c) => `Group company ${c.id}`,
      replace: options.replace ?? false,
    });
    await insertGroupCompanies(tx, plan.added);
    await updateGroupCompanies(tx, plan.replaced);
    return outcome(file, plan);
  });
}

/**
 * Imports customers (id, name, industry, country, group_company, billing_currency, status,
 * status_since, billing_address) in one transaction; each names a stored group company.
 */
export async function importCustomerFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const records: Located<Customer>[] = validateAll(
    readCsvRecords(file, {
      required: ["id", "name", "industry", "country", "group_company", "status_since"],
      optional: ["billing_currency", "status", "billing_address"],
    }),
    ({ values, where }) => ({ record: customerFromRaw(values as RawCustomer, where), where }),
    file,
  );
  refuseRepeatedKeys(records, (c) => c.id, "id");
  return store.db.transaction().execute(async (tx) => {
    const companies = new Set((await listGroupCompanies(tx)).map((c) => c.id));
    checkEach(records, (customer, where) => {
      if (!companies.has(customer.groupCompanyId)) {
        throw new UplinkError(
          "INVALID_INPUT",
          `There is no group company "${customer.groupCompanyId}"; import group companies first.`,
          { location: { ...where, field: "group_company" } },
        );
      }
    });
    const stored = await customersByIds(
      tx,
      records.map((r) => r.record.id),
    );
    const plan = reconcile<Customer>(records, stored, {
      key: (c) => c.id,
      difference: customerDifference,
      describe: (c) => `Customer ${c.id}`,
      replace: options.replace ?? false,
    });
    await insertCustomers(tx, plan.added);
    await updateCustomers(tx, plan.replaced);
    return outcome(file, plan);
  });
}

/** Imports customer contacts (customer, name, email, role) in one transaction. */
export async function importContactFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const records: Located<CustomerContact>[] = validateAll(
    readCsvRecords(file, { required: CONTACT_FIELDS }),
    ({ values, where }) => ({ record: contactFromRaw(values as RawContact, where), where }),
    file,
  );
  refuseRepeatedKeys(records, contactKey, "email");
  return store.db.transaction().execute(async (tx) => {
    const customerIds = records.map((r) => r.record.customerId);
    const customers = await customersByIds(tx, customerIds);
    checkEach(records, (contact, where) => {
      if (!customers.has(contact.customerId)) {
        throw new UplinkError("INVALID_INPUT", `There is no customer "${contact.customerId}".`, {
          location: { ...where, field: "customer" },
        });
      }
    });
    const stored = new Map(
      (await contactsOfCustomers(tx, customerIds)).map((c) => [contactKey(c), c]),
    );
    const plan = reconcile<CustomerContact>(records, stored, {
      key: contactKey,
      difference: contactDifference,
      describe: (c) => `The contact ${c.email} of ${c.customerId}`,
      replace: options.replace ?? false,
    });
    await insertCustomerContacts(tx, plan.added);
    await updateCustomerContacts(tx, plan.replaced);
    return outcome(file, plan);
  });
}

function outcome(
  file: string,
  plan: { added: readonly unknown[]; replaced: readonly unknown[]; unchanged: number },
): ImportOutcome {
  return {
    file,
    added: plan.added.length,
    replaced: plan.replaced.length,
    unchanged: plan.unchanged,
  };
}
