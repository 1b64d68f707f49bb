/** Row types of shares and dividends: the share count history, stock splits, dividends per share. */

/** The shares outstanding from `date` on, as counted at the time (before any later split). */
export interface SharesOutstandingTable {
  /** ISO date. */
  date: string;
  shares: bigint | number | string;
  source: string;
}

/** A stock split: from `effective_on`, each old share is `ratio` new ones ("200" for 1:200). */
export interface StockSplitTable {
  /** ISO date. */
  effective_on: string;
  /** A whole number as text. */
  ratio: string;
  source: string;
}

/** A dividend per share as declared, on the basis of its record date; yen as exact decimal text. */
export interface DividendPerShareTable {
  /** The fiscal year it is paid for, short form ("FY11"). */
  fiscal_period: string;
  /** interim | year_end */
  kind: string;
  yen_per_share: string;
  /** ISO date. */
  record_date: string;
  source: string;
}
