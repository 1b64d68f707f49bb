import { type Kysely, sql, type Transaction } from "kysely";
import { type Currency, UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import type { Customer, CustomerStatus, Industry } from "./customer.js";
import type { CustomerContactTable, CustomerTable } from "./customer.table.js";
import type { CustomerContact } from "./customer-contact.js";

export interface CustomerFilter {
  readonly industry?: Industry | undefined;
  readonly status?: CustomerStatus | undefined;
  readonly groupCompanyId?: string | undefined;
  /** Part of the id or name, any case. */
  readonly search?: string | undefined;
  readonly limit?: number | undefined;
}

// Rows per statement, below both stores' bound-parameter limits for these column counts.
const BATCH = 1000;

/**
 * Writes new customers inside the caller's transaction, in batches, for imports and for bulk
 * builders (thousands at a time). The group companies they name must exist.
 */
export async function insertCustomers(
  tx: Transaction<Database>,
  customers: readonly Customer[],
): Promise<void> {
  for (let i = 0; i < customers.length; i += BATCH) {
    await tx
      .insertInto("customers")
      .values(customers.slice(i, i + BATCH).map(rowFromCustomer))
      .execute();
  }
}

export async function updateCustomers(
  tx: Transaction<Database>,
  customers: readonly Customer[],
): Promise<void> {
  for (const customer of customers) {
    const { id, ...rest } = rowFromCustomer(customer);
    await tx.updateTable("customers").set(rest).where("id", "=", id).execute();
  }
}

/** Writes new contacts inside the caller's transaction, in batches. */
export async function insertCustomerContacts(
  tx: Transaction<Database>,
  contacts: readonly CustomerContact[],
): Promise<void> {
  for (let i = 0; i < contacts.length; i += BATCH) {
    await tx
      .insertInto("customer_contacts")
      .values(contacts.slice(i, i + BATCH).map(rowFromContact))
      .execute();
  }
}

export async function updateCustomerContacts(
  tx: Transaction<Database>,
  contacts: readonly CustomerContact[],
): Promise<void> {
  for (const contact of contacts) {
    await tx
      .updateTable("customer_contacts")
      .set({ name: contact.name, role: contact.role })
      .where("customer_id", "=", contact.customerId)
      .where("email", "=", contact.email)
      .execute();
  }
}

/** Customers in id order, filtered; `search` matches part of the id or name in any case. */
export async function listCustomers(
  db: Kysely<Database>,
  filter: CustomerFilter = {},
): Promise<Customer[]> {
  let query = db.selectFrom("customers").selectAll();
  if (filter.industry) query = query.where("industry", "=", filter.industry);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.groupCompanyId) query = query.where("group_company_id", "=", filter.groupCompanyId);
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(id)`, "like", sql`${pattern} escape '\\'`),
        eb(sql`lower(name)`, "like", sql`${pattern} escape '\\'`),
      ]),
    );
  }
  query = query.orderBy("id");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(customerFromRow);
}

/** The customer with this id; NOT_FOUND if there is none. */
export async function findCustomer(db: Kysely<Database>, id: string): Promise<Customer> {
  const row = await db.selectFrom("customers").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new UplinkError("NOT_FOUND", `There is no customer "${id}".`);
  return customerFromRow(row);
}

/** The stored customers among `ids`, by id (for checking a file's references in bulk). */
export async function customersByIds(
  db: Kysely<Database>,
  ids: Iterable<string>,
): Promise<Map<string, Customer>> {
  const wanted = [...new Set(ids)];
  const found = new Map<string, Customer>();
  for (let i = 0; i < wanted.length; i += BATCH) {
    const rows = await db
      .selectFrom("customers")
      .selectAll()
      .where("id", "in", wanted.slice(i, i + BATCH))
      .execute();
    for (const row of rows) found.set(row.id, customerFromRow(row));
  }
  return found;
}

export async function countCustomers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("customers")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A customer's contacts, by e-mail address. */
export async function contactsOf(
  db: Kysely<Database>,
  customerId: string,
): Promise<CustomerContact[]> {
  const rows = await db
    .selectFrom("customer_contacts")
    .selectAll()
    .where("customer_id", "=", customerId)
    .orderBy("email")
    .execute();
  return rows.map(contactFromRow);
}

/** The stored contacts of the given customers. */
export async function contactsOfCustomers(
  db: Kysely<Database>,
  customerIds: Iterable<string>,
): Promise<CustomerContact[]> {
  const wanted = [...new Set(customerIds)];
  const contacts: CustomerContact[] = [];
  for (let i = 0; i < wanted.length; i += BATCH) {
    const rows = await db
      .selectFrom("customer_contacts")
      .selectAll()
      .where("customer_id", "in", wanted.slice(i, i + BATCH))
      .execute();
    contacts.push(...rows.map(contactFromRow));
  }
  return contacts;
}

function rowFromCustomer(customer: Customer): CustomerTable {
  return {
    id: customer.id,
    name: customer.name,
    industry: customer.industry,
    country: customer.country,
    group_company_id: customer.groupCompanyId,
    billing_currency: customer.billingCurrency,
    status: customer.status,
    status_since: customer.statusSince,
    billing_address: customer.billingAddress,
  };
}

function customerFromRow(row: CustomerTable): Customer {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry as Industry,
    country: row.country,
    groupCompanyId: row.group_company_id,
    billingCurrency: row.billing_currency as Currency,
    status: row.status as CustomerStatus,
    statusSince: row.status_since,
    billingAddress: row.billing_address,
  };
}

function rowFromContact(contact: CustomerContact): CustomerContactTable {
  return {
    customer_id: contact.customerId,
    email: contact.email,
    name: contact.name,
    role: contact.role,
  };
}

function contactFromRow(row: CustomerContactTable): CustomerContact {
  return { customerId: row.customer_id, email: row.email, name: row.name, role: row.role };
}
