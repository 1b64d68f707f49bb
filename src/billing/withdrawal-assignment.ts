import type { ContractHistory } from "../contracts/index.js";
import type { Customer } from "../customers/index.js";
import type { BillingAnomaly } from "./billing-anomaly.js";
import { type BillingCatalog, planOf, productLineOf } from "./billing-catalog.js";
import { activeSegments } from "./proration.js";

/**
 * Who pays the ATM commissions. ATM revenue belongs to the group company that operates the ATMs
 * (in the presentation, the 79.5%-owned subsidiary); the commission per withdrawal is paid by the
 * bank network whose cardholders withdraw. So the operator's customer is the bank network: a
 * customer served by the operating group company with an active `per_use` contract in the ATM
 * operation line. Every withdrawal of the month at the ATMs a group company operates is billed on
 * that contract. With several such contracts the lowest contract id takes them all (and the run
 * says so); with none, the withdrawals are not billed and the run says so.
 */
export interface AtmContract {
  readonly contractId: string;
  readonly customerId: string;
  readonly groupCompanyId: string;
}

/** The ATM-operation contracts active at some time in `month`, in contract id order. */
export function atmContracts(
  month: string,
  catalog: BillingCatalog,
  customers: ReadonlyMap<string, Customer>,
  contracts: readonly ContractHistory[],
): AtmContract[] {
  const found: AtmContract[] = [];
  for (const contract of contracts) {
    const plan = planOf(catalog, contract.planId);
    if (plan.chargeModel !== "per_use") continue;
    if (productLineOf(catalog, plan.id).revenueMetric !== "revenue.atm") continue;
    if (activeSegments(contract.events, month).length === 0) continue;
    const customer = customers.get(contract.customerId);
    if (!customer) continue;
    found.push({
      contractId: contract.contractId,
      customerId: contract.customerId,
      groupCompanyId: customer.groupCompanyId,
    });
  }
  return found.sort((a, b) =>
    a.contractId < b.contractId ? -1 : a.contractId > b.contractId ? 1 : 0,
  );
}

/** Sums each operator's withdrawals onto its ATM contract. */
export function assignWithdrawals(
  month: string,
  withdrawals: readonly { readonly atmId: string; readonly withdrawals: number }[],
  operatorOf: ReadonlyMap<string, string>,
  contracts: readonly AtmContract[],
): { byContract: Map<string, number>; anomalies: BillingAnomaly[] } {
  const byOperator = new Map<string, AtmContract[]>();
  for (const contract of contracts) {
    const list = byOperator.get(contract.groupCompanyId) ?? [];
    list.push(contract);
    byOperator.set(contract.groupCompanyId, list);
  }
  const byContract = new Map<string, number>();
  const unbilled = new Map<string, { atms: number; withdrawals: number }>();
  for (const { atmId, withdrawals: count } of withdrawals) {
    if (count === 0) continue;
    const operator = operatorOf.get(atmId) ?? "(unknown operator)";
    const contract = byOperator.get(operator)?.[0];
    if (!contract) {
      const sum = unbilled.get(operator) ?? { atms: 0, withdrawals: 0 };
      unbilled.set(operator, { atms: sum.atms + 1, withdrawals: sum.withdrawals + count });
      continue;
    }
    byContract.set(contract.contractId, (byContract.get(contract.contractId) ?? 0) + count);
  }
  const anomalies: BillingAnomaly[] = [];
  for (const [operator, sum] of [...unbilled].sort(([a], [b]) => (a < b ? -1 : 1))) {
    anomalies.push({
      kind: "withdrawals_without_contract",
      customerId: null,
      contractId: null,
      message: `${sum.withdrawals.toLocaleString("en-US")} withdrawals at ${sum.atms} ATMs of ${operator} in ${month} not billed: no customer of ${operator} has an active ATM-operation (per_use) contract.`,
    });
  }
  for (const [operator, list] of byOperator) {
    if (list.length < 2) continue;
    anomalies.push({
      kind: "several_atm_contracts",
      customerId: list[0]!.customerId,
      contractId: list[0]!.contractId,
      message: `${list.length} ATM-operation contracts for ${operator} in ${month} (${list.map((c) => c.contractId).join(", ")}); ${list[0]!.contractId} is billed every withdrawal.`,
    });
  }
  return { byContract, anomalies };
}
