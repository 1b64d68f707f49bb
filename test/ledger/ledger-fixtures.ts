import { type Currency, Decimal } from "../../src/core/index.js";
import {
  type Customer,
  type GroupCompany,
  insertCustomers,
  insertGroupCompanies,
} from "../../src/customers/index.js";
import type { JournalEntry, JournalLine } from "../../src/ledger/index.js";
import type { Store } from "../../src/store/index.js";

const company = (
  id: string,
  relation: GroupCompany["relation"],
  ownership: string,
  currency: Currency,
  consolidatedFrom: string,
): GroupCompany => ({
  id,
  name: `Company ${id}`,
  parentId: relation === "parent" ? null : "parent",
  ownershipPercent: new Decimal(ownership),
  functionalCurrency: currency,
  consolidatedFrom,
  relation,
});

/** A parent, a wholly owned JPY subsidiary, one 79.5% owned, a USD one, an acquisition, an investee. */
export const LEDGER_GROUP: readonly GroupCompany[] = [
  company("parent", "parent", "100", "JPY", "2000-04-01"),
  company("systems", "subsidiary", "100", "JPY", "2000-04-01"),
  company("atm", "subsidiary", "79.5", "JPY", "2007-07-01"),
  company("america", "subsidiary", "100", "USD", "2000-04-01"),
  company("acquired", "subsidiary", "100", "JPY", "2012-07-01"),
  company("investee", "equity_method", "20", "JPY", "2001-01-01"),
];

export function ledgerCustomer(id: string): Customer {
  return {
    id,
    name: `Customer ${id}`,
    industry: "communication_it",
    country: "JP",
    groupCompanyId: "parent",
    billingCurrency: "JPY",
    status: "active",
    statusSince: "2010-04-01",
    billingAddress: "Tokyo",
  };
}

export async function seedLedgerWorld(store: Store): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    await insertGroupCompanies(tx, LEDGER_GROUP);
    await insertCustomers(tx, [ledgerCustomer("C00001"), ledgerCustomer("C00002")]);
  });
}

/** A line in yen (or another currency): debit positive, credit negative. */
export function line(
  account: string,
  amount: bigint | number,
  extra: Partial<JournalLine> = {},
): JournalLine {
  return { account, amount: BigInt(amount), currency: "JPY", ...extra };
}

export function entry(
  id: string,
  date: string,
  lines: readonly JournalLine[],
  extra: Partial<JournalEntry> = {},
): JournalEntry {
  return {
    id,
    date,
    entity: "parent",
    description: `Entry ${id}`,
    source: { kind: "manual", id },
    lines,
    ...extra,
  };
}

/** A sale on account: Dr receivables, Cr the revenue line. */
export function sale(
  id: string,
  date: string,
  yen: number,
  revenue = "Revenue:Network:WAN",
  extra: Partial<JournalEntry> = {},
): JournalEntry {
  return entry(
    id,
    date,
    [
      line("Assets:Receivables", yen, { customerId: "C00001" }),
      line(revenue, -yen, { customerId: "C00001", contractId: "CT000001" }),
    ],
    extra,
  );
}
