/** Row types of metered usage, as the query layer sees them. */

/**
 * One contract's day of 5-minute rates on one port ("" for rates given for the whole contract):
 * 288 slots per direction in a fixed layout (see sample-block.ts). Both drivers hand a blob or
 * bytea back as a Node Buffer, which is a Uint8Array.
 */
export interface UsageSampleTable {
  customer_id: string;
  contract_id: string;
  day: string;
  port: string;
  in_bps: Uint8Array;
  out_bps: Uint8Array;
  sample_count: number;
}

/** A batch of usage written once: its idempotency key and a digest of what it held. */
export interface UsageBatchTable {
  key: string;
  kind: string;
  digest: string;
  items: number;
}

/** The latest counter reading of a router port, so that the next file's first interval has a start. */
export interface UsageCounterPortTable {
  customer_id: string;
  contract_id: string;
  port: string;
  /** ISO timestamp in UTC with milliseconds. */
  read_at: string;
  /** Unsigned decimal text: a 64-bit counter does not fit a signed bigint column. */
  in_octets: string;
  out_octets: string;
  counter_bits: number;
}

export interface AtmWithdrawalTable {
  atm_id: string;
  day: string;
  count: number;
}

export interface CloudUsageTable {
  customer_id: string;
  contract_id: string;
  day: string;
  resource: string;
  /** Exact decimal text. */
  quantity: string;
}
