/**
 * Something a billing run noticed but did not stop for; the summary lists them so that someone
 * looks:
 * - `burstable_without_samples`: a burstable contract active in the month has no traffic sample,
 *   so only its commitment is billed;
 * - `sparse_samples`: fewer than half of the month's 5-minute windows have a sample;
 * - `usage_without_price`: cloud usage of a resource the contract's price book does not price;
 * - `usage_on_inactive_contract`: usage or withdrawals recorded for a contract not active in the month;
 * - `withdrawals_without_contract`: withdrawals at ATMs whose operator has no active ATM contract;
 * - `several_atm_contracts`: more than one ATM contract for one operator (the first takes them all);
 * - `customer_not_billed`: charges of a customer suspended or closed before the month began.
 */
export type BillingAnomalyKind =
  | "burstable_without_samples"
  | "sparse_samples"
  | "usage_without_price"
  | "usage_on_inactive_contract"
  | "withdrawals_without_contract"
  | "several_atm_contracts"
  | "customer_not_billed";

export interface BillingAnomaly {
  readonly kind: BillingAnomalyKind;
  readonly customerId: string | null;
  readonly contractId: string | null;
  readonly message: string;
}

/** Anomalies in a stable order: by kind, customer, contract, message. */
export function sortAnomalies(anomalies: readonly BillingAnomaly[]): BillingAnomaly[] {
  const key = (a: BillingAnomaly) =>
    [a.kind, a.customerId ?? "", a.contractId ?? "", a.message].join("\u0000");
  return [...anomalies].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
