import { insertFxRates, insertUsagePrices } from "../../src/billing/index.js";
import { importStandardCatalog } from "../../src/catalog/index.js";
import { type ContractEvent, insertContractEvents } from "../../src/contracts/index.js";
import { addDays, addMonths, Decimal, type Money } from "../../src/core/index.js";
import { type Customer, insertCustomers, insertGroupCompanies } from "../../src/customers/index.js";
import type { Store } from "../../src/store/index.js";

/**
 * The test's clock: a date the test moves by days and months, never the wall clock. Events are
 * recorded on `today`; `now()` is the instant the billing run stamps on its own rows.
 */
export class TestClock {
  today: string;

  constructor(start: string) {
    this.today = start;
  }

  advanceDays(days = 1): string {
    this.today = addDays(this.today, days);
    return this.today;
  }

  /** To the same day of a later month (or the month's last day when it has fewer days). */
  advanceMonths(months = 1): string {
    const month = addMonths(this.today.slice(0, 7), months);
    const day = Number(this.today.slice(8, 10));
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
    this.today = `${month}-${String(Math.min(day, last.getUTCDate())).padStart(2, "0")}`;
    return this.today;
  }

  /** The month of today, `YYYY-MM`. */
  get month(): string {
    return this.today.slice(0, 7);
  }

  readonly now = (): Date => new Date(`${this.today}T09:00:00Z`);
}

export const GROUP = [
  { id: "iij", relation: "parent" as const, currency: "JPY" as const, parent: null },
  { id: "trust", relation: "subsidiary" as const, currency: "JPY" as const, parent: "iij" },
  { id: "iij-us", relation: "subsidiary" as const, currency: "USD" as const, parent: "iij" },
];

export function customer(id: string, extra: Partial<Customer> = {}): Customer {
  return {
    id,
    name: `Customer ${id}`,
    industry: "communication_it",
    country: "JP",
    groupCompanyId: "iij",
    billingCurrency: "JPY",
    status: "active",
    statusSince: "2010-04-01",
    billingAddress: "1-105 Kanda Jinbocho, Tokyo",
    ...extra,
  };
}

/** The group, the standard catalog, USD rates and a cloud price, and the given customers. */
export async function seedBillingWorld(
  store: Store,
  customers: readonly Customer[],
): Promise<void> {
  await importStandardCatalog(store);
  await store.db.transaction().execute(async (tx) => {
    await insertGroupCompanies(
      tx,
      GROUP.map((g) => ({
        id: g.id,
        name: g.id,
        parentId: g.parent,
        ownershipPercent: new Decimal(g.id === "trust" ? "79.5" : "100"),
        functionalCurrency: g.currency,
        consolidatedFrom: "2000-04-01",
        relation: g.relation,
      })),
    );
    await insertCustomers(tx, customers);
    await insertFxRates(tx, [
      { currency: "USD", rateDate: "2012-08-31", jpyPerUnit: new Decimal("78.67"), source: "TTM" },
      { currency: "USD", rateDate: "2012-09-28", jpyPerUnit: new Decimal("77.96"), source: "TTM" },
    ]);
    await insertUsagePrices(tx, [
      {
        priceBookId: "standard",
        resource: "vcpu_hours",
        effectiveFrom: "2010-11-01",
        currency: "JPY",
        unitPrice: new Decimal("3.5"),
      },
    ]);
  });
}

/** Contract events, one call per contract: ordered (with its terms), then the rest. */
export function contractEvents(
  contractId: string,
  customerId: string,
  planId: string,
  events: readonly {
    kind: ContractEvent["kind"];
    on: string;
    bandwidthMbps?: number;
    quantity?: number;
    monthlyFee?: Money;
  }[],
): ContractEvent[] {
  return events.map((e) => ({
    contractId,
    customerId,
    kind: e.kind,
    effectiveDate: e.on,
    planId: e.kind === "ordered" ? planId : null,
    priceBookId: e.kind === "ordered" ? "standard" : null,
    bandwidthMbps: e.bandwidthMbps ?? null,
    quantity: e.quantity ?? null,
    monthlyFee: e.monthlyFee ?? null,
    note: "",
  }));
}

export async function writeEvents(store: Store, events: readonly ContractEvent[]): Promise<void> {
  await store.db.transaction().execute((tx) => insertContractEvents(tx, events));
}

export async function rowCount(
  store: Store,
  table: "invoices" | "invoice_lines" | "billing_runs",
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
