import type { Kysely } from "kysely";
import { listPlans, loadPriceBook } from "../catalog/index.js";
import { type ContractHistory, loadContractHistories } from "../contracts/index.js";
import { firstDayOf, lastDayOf, periodContaining } from "../core/index.js";
import { type Customer, listCustomers } from "../customers/index.js";
import {
  type MonthlyPercentile,
  monthlyCloudUsage,
  monthlyPercentiles,
  monthlyWithdrawals,
} from "../metering/index.js";
import {
  type EquipmentDelivery,
  listAtms,
  listDeliveries,
  type ProjectRevenue,
  projectRevenueIn,
} from "../operations/index.js";
import type { Database } from "../store/index.js";
import type { BillingAnomaly } from "./billing-anomaly.js";
import { type BillingCatalog, billingCatalog, planOf } from "./billing-catalog.js";
import { listFxRates, listUsagePrices } from "./billing-rates.repository.js";
import type { CustomerMonth } from "./customer-month.js";
import { activeSegments } from "./proration.js";
import { assignWithdrawals, atmContracts } from "./withdrawal-assignment.js";

/** Everything a month's run rates, loaded in bulk (a few queries, whatever the customer count). */
export interface BillingMonthInputs {
  readonly month: string;
  readonly catalog: BillingCatalog;
  /** Every customer, in id order (code-unit order, the same on both stores). */
  readonly customers: readonly Customer[];
  /** Each customer's month (customers with nothing in it are absent). */
  readonly byCustomer: ReadonlyMap<string, CustomerMonth>;
  /** Anomalies that belong to the month rather than to one customer (unbilled withdrawals). */
  readonly anomalies: readonly BillingAnomaly[];
}

export async function loadBillingMonth(
  db: Kysely<Database>,
  month: string,
): Promise<BillingMonthInputs> {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const [customers, plans, histories, usagePrices, fxRates] = await Promise.all([
    listCustomers(db),
    listPlans(db),
    loadContractHistories(db),
    listUsagePrices(db),
    listFxRates(db),
  ]);
  const bookIds = [...new Set(histories.map((h) => h.priceBookId))].sort();
  const priceBooks = await Promise.all(bookIds.map((id) => loadPriceBook(db, id)));
  const catalog = billingCatalog({ plans, priceBooks, usagePrices, fxRates });
  // Contracts ordered after the month or cancelled before it have nothing to bill.
  const relevant = histories.filter(
    (h) => h.events.some((e) => e.effectiveDate <= last) && activeOrEndingIn(h, first),
  );
  const burstable = relevant
    .filter((h) => planOf(catalog, h.planId).chargeModel === "commit_burst")
    .filter((h) => activeSegments(h.events, month).length > 0)
    .map((h) => h.contractId);
  const customersById = new Map(customers.map((c) => [c.id, c]));
  const [percentiles, withdrawals, atms, cloudUsage, projectRevenues, deliveries] =
    await Promise.all([
      burstable.length > 0
        ? monthlyPercentiles(db, month, { contractIds: burstable })
        : Promise.resolve([] as MonthlyPercentile[]),
      monthlyWithdrawals(db, month),
      listAtms(db),
      monthlyCloudUsage(db, month),
      projectRevenueIn(db, periodContaining(first, "month")),
      listDeliveries(db, { deliveredFrom: first, deliveredTo: last }),
    ]);
  const assignment = assignWithdrawals(
    month,
    withdrawals,
    new Map(atms.map((a) => [a.id, a.groupCompanyId])),
    atmContracts(month, catalog, customersById, relevant),
  );

  const byCustomer = new Map<string, MutableMonth>();
  const monthOf = (customerId: string): MutableMonth | undefined => {
    let entry = byCustomer.get(customerId);
    if (!entry) {
      const customer = customersById.get(customerId);
      if (!customer) return undefined;
      entry = {
        customer,
        contracts: [],
        percentiles: new Map(),
        withdrawals: new Map(),
        cloudUsage: [],
        projectRevenues: [],
        deliveries: [],
      };
      byCustomer.set(customerId, entry);
    }
    return entry;
  };
  const owner = new Map<string, string>();
  const historyById = new Map(histories.map((h) => [h.contractId, h]));
  for (const history of relevant) {
    owner.set(history.contractId, history.customerId);
    monthOf(history.customerId)?.contracts.push(history);
  }
  for (const reading of percentiles) {
    const customerId = owner.get(reading.contractId);
    if (customerId) monthOf(customerId)?.percentiles.set(reading.contractId, reading);
  }
  for (const [contractId, count] of assignment.byContract) {
    const customerId = owner.get(contractId);
    if (customerId) monthOf(customerId)?.withdrawals.set(contractId, count);
  }
  for (const used of cloudUsage) {
    const entry = monthOf(used.customerId);
    if (!entry) continue;
    if (!owner.has(used.contractId)) {
      // Usage of a contract outside the month's window: rate it with the contract all the same.
      const history = historyById.get(used.contractId);
      if (history) {
        owner.set(history.contractId, history.customerId);
        entry.contracts.push(history);
      }
    }
    entry.cloudUsage.push(used);
  }
  for (const revenue of projectRevenues) monthOf(revenue.customerId)?.projectRevenues.push(revenue);
  for (const delivery of deliveries) monthOf(delivery.customerId)?.deliveries.push(delivery);
  for (const entry of byCustomer.values()) {
    entry.contracts.sort((a, b) => compare(a.contractId, b.contractId));
  }
  return {
    month,
    catalog,
    customers: [...customers].sort((a, b) => compare(a.id, b.id)),
    byCustomer,
    anomalies: assignment.anomalies,
  };
}

interface MutableMonth {
  readonly customer: Customer;
  readonly contracts: ContractHistory[];
  readonly percentiles: Map<string, MonthlyPercentile>;
  readonly withdrawals: Map<string, number>;
  readonly cloudUsage: { contractId: string; resource: string; quantity: string }[];
  readonly projectRevenues: ProjectRevenue[];
  readonly deliveries: EquipmentDelivery[];
}

/** Not cancelled before the month began. */
function activeOrEndingIn(history: ContractHistory, first: string): boolean {
  const cancelled = history.events.find((e) => e.kind === "cancelled");
  return cancelled === undefined || cancelled.effectiveDate > first;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
