import { productLineById } from "../catalog/index.js";
import type { ContractHistory } from "../contracts/index.js";
import {
  type Currency,
  type Decimal,
  firstDayOf,
  lastDayOf,
  UplinkError,
  yen,
} from "../core/index.js";
import type { Customer } from "../customers/index.js";
import type { MonthlyPercentile } from "../metering/index.js";
import type { EquipmentDelivery, ProjectRevenue } from "../operations/index.js";
import type { BillingAnomaly } from "./billing-anomaly.js";
import type { BillingCatalog } from "./billing-catalog.js";
import { invoiceDates } from "./billing-month.js";
import { consumptionTaxRateOn, isTaxableCustomer } from "./consumption-tax.js";
import { type Charge, contractCharges } from "./contract-charges.js";
import { convertMoney, fxRateOn } from "./exchange-rate.js";
import {
  type AppliedFxRate,
  type Invoice,
  type InvoiceLine,
  invoiceNumber,
  invoiceWithTotals,
} from "./invoice.js";

/** One customer's month as the rating sees it: its contracts and everything metered or earned. */
export interface CustomerMonth {
  readonly customer: Customer;
  readonly contracts: readonly ContractHistory[];
  /** The month's 95th percentile of its burstable contracts, by contract id. */
  readonly percentiles?: ReadonlyMap<string, MonthlyPercentile>;
  /** ATM withdrawals assigned to its contracts, by contract id. */
  readonly withdrawals?: ReadonlyMap<string, number>;
  readonly cloudUsage?: readonly {
    readonly contractId: string;
    readonly resource: string;
    readonly quantity: string;
  }[];
  /** SI revenue earned in the month on its projects. */
  readonly projectRevenues?: readonly ProjectRevenue[];
  /** Equipment delivered to it in the month. */
  readonly deliveries?: readonly EquipmentDelivery[];
}

export interface CustomerRating {
  /** Null when there is nothing to bill (or the customer is not billed this month). */
  readonly invoice: Invoice | null;
  readonly anomalies: readonly BillingAnomaly[];
}

/**
 * Rates one customer's month into its invoice (pure: no store, no clock).
 *
 * Contracts are rated by contractCharges; SI revenue of the month (completion increments, the
 * whole order on acceptance, O&M fees; see the operations module) and equipment delivered in the
 * month are added as lines in yen. The invoice is in the customer's billing currency: a charge
 * priced in another currency is converted line by line at the FX table's latest rate on or before
 * the issue date, half-up to the minor unit. Consumption tax: the rate in force on the issue date
 * (the month's last day) for customers in Japan, none for customers abroad; computed on the sum of
 * the lines per rate, rounded down to the minor unit. A customer suspended or closed before the
 * month began is not billed (its charges become an anomaly).
 */
export function rateCustomerMonth(
  month: string,
  catalog: BillingCatalog,
  input: CustomerMonth,
): CustomerRating {
  const { customer } = input;
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const charges: Charge[] = [];
  const anomalies: BillingAnomaly[] = [];
  const usageByContract = new Map<string, { resource: string; quantity: string }[]>();
  for (const used of input.cloudUsage ?? []) {
    const list = usageByContract.get(used.contractId) ?? [];
    list.push({ resource: used.resource, quantity: used.quantity });
    usageByContract.set(used.contractId, list);
  }
  for (const contract of input.contracts) {
    const rated = contractCharges(month, catalog, contract, {
      percentile: input.percentiles?.get(contract.contractId),
      withdrawals: input.withdrawals?.get(contract.contractId),
      cloudUsage: usageByContract.get(contract.contractId),
    });
    charges.push(...rated.charges);
    anomalies.push(...rated.anomalies);
  }
  for (const revenue of input.projectRevenues ?? []) {
    const line = productLineById(
      revenue.kind === "construction" ? "si_construction" : "si_operation",
    );
    charges.push({
      kind: "si",
      description: `${line.name}, project ${revenue.projectId}: ${RECOGNITION_TEXT[revenue.recognition]}`,
      productLineId: line.id,
      revenueMetric: line.revenueMetric,
      contractId: null,
      projectId: revenue.projectId,
      deliveryId: null,
      serviceFrom: first,
      serviceTo: last,
      quantity: "1",
      unit: "project",
      daysCharged: null,
      daysInPeriod: null,
      netSharePercent: null,
      price: yen(revenue.revenueYen),
    });
  }
  for (const delivery of input.deliveries ?? []) {
    const line = productLineById("equipment_sales");
    charges.push({
      kind: "equipment",
      description: `Equipment delivered: ${delivery.description || delivery.id}`,
      productLineId: line.id,
      revenueMetric: line.revenueMetric,
      contractId: null,
      projectId: delivery.projectId,
      deliveryId: delivery.id,
      serviceFrom: delivery.deliveredOn,
      serviceTo: delivery.deliveredOn,
      quantity: "1",
      unit: "delivery",
      daysCharged: null,
      daysInPeriod: null,
      netSharePercent: null,
      price: yen(delivery.amountYen),
    });
  }

  if (charges.length === 0) return { invoice: null, anomalies };
  if (customer.status !== "active" && customer.statusSince <= first) {
    anomalies.push({
      kind: "customer_not_billed",
      customerId: customer.id,
      contractId: null,
      message: `${customer.id} is ${customer.status} since ${customer.statusSince}; its ${charges.length} charges of ${month} are not billed.`,
    });
    return { invoice: null, anomalies };
  }

  const { issueDate, dueDate } = invoiceDates(month);
  const currency = customer.billingCurrency;
  const rates = new Map<Currency, AppliedFxRate & { value: Decimal }>();
  const jpyPerUnit = (c: Currency): Decimal => {
    let rate = rates.get(c);
    if (!rate) {
      const found = fxRateOn(catalog.fxRates, c, issueDate);
      if (!found) {
        throw new UplinkError(
          "INVALID_INPUT",
          `Customer ${customer.id} is billed in ${currency}, but the FX-rate table has no ${c} rate on or before ${issueDate}; import one with \`uplink import fx-rates FILE\`.`,
        );
      }
      rate = {
        currency: c,
        rateDate: found.rateDate,
        jpyPerUnit: found.jpyPerUnit.toFixed(),
        source: found.source,
        value: found.jpyPerUnit,
      };
      rates.set(c, rate);
    }
    return rate.value;
  };
  const taxRatePercent = isTaxableCustomer(customer.country)
    ? consumptionTaxRateOn(issueDate)
    : "0";
  const lines: InvoiceLine[] = charges.map((charge, i) => ({
    lineNo: i + 1,
    kind: charge.kind,
    description: charge.description,
    productLineId: charge.productLineId,
    revenueMetric: charge.revenueMetric,
    contractId: charge.contractId,
    projectId: charge.projectId,
    deliveryId: charge.deliveryId,
    serviceFrom: charge.serviceFrom,
    serviceTo: charge.serviceTo,
    quantity: charge.quantity,
    unit: charge.unit,
    daysCharged: charge.daysCharged,
    daysInPeriod: charge.daysInPeriod,
    amount: convertMoney(charge.price, currency, jpyPerUnit),
    amountYen:
      charge.price.currency === "JPY"
        ? charge.price.amount
        : convertMoney(charge.price, "JPY", jpyPerUnit).amount,
    taxRatePercent,
    netSharePercent: charge.netSharePercent,
    creditsLineNo: null,
  }));
  const applied = currency === "JPY" ? undefined : rates.get(currency);
  const invoice = invoiceWithTotals(
    {
      id: invoiceNumber(month, customer.id),
      kind: "invoice",
      customerId: customer.id,
      groupCompanyId: customer.groupCompanyId,
      month,
      issueDate,
      dueDate,
      currency,
      billToName: customer.name,
      billToAddress: customer.billingAddress,
      fxRate: applied
        ? {
            currency: applied.currency,
            rateDate: applied.rateDate,
            jpyPerUnit: applied.jpyPerUnit,
            source: applied.source,
          }
        : null,
      creditsInvoiceId: null,
      reason: "",
    },
    lines,
  );
  return { invoice, anomalies };
}

const RECOGNITION_TEXT: Record<ProjectRevenue["recognition"], string> = {
  percentage_of_completion: "work completed in the month (percentage of completion)",
  on_acceptance: "accepted in the month",
  monthly: "operation and maintenance fee for the month",
};
