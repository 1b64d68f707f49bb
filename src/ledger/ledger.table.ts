/** Row types of the general ledger: charts, entries, lines, balances, closed months, rates. */

/** One account of one group company's chart. */
export interface LedgerAccountTable {
  entity_id: string;
  name: string;
  /** asset | liability | equity | revenue | expense */
  type: string;
  normal_sign: number;
  metric: string | null;
  metric_sign: number;
  label: string;
}

/** An entry's header. Inserted after its lines; the store checks there that they balance. */
export interface JournalEntryTable {
  id: string;
  entity_id: string;
  /** ISO date. */
  entry_date: string;
  description: string;
  source_kind: string;
  source_id: string;
  reverses_entry_id: string | null;
}

/** One posting. `entity_id` and `month` repeat the entry's, so that postings can be summed alone. */
export interface JournalLineTable {
  entry_id: string;
  line_no: number;
  entity_id: string;
  /** `YYYY-MM` of the entry's date. */
  month: string;
  account: string;
  /** Integer minor units of `currency`; debit positive, credit negative. */
  amount: bigint | number | string;
  currency: string;
  customer_id: string | null;
  contract_id: string | null;
  counterparty_id: string | null;
}

/** The sum of the postings per account × entity × month × currency × counterparty ("" for none). */
export interface LedgerBalanceTable {
  entity_id: string;
  account: string;
  month: string;
  currency: string;
  counterparty_id: string;
  amount: bigint | number | string;
}

export interface LedgerClosedMonthTable {
  entity_id: string;
  month: string;
  closed_at: string;
}

/**
 * Rates the ledger translates foreign books with: `average` over `starts_on`..`ends_on` (a month,
 * quarter, half or year) for profit and loss, `closing` on a date (`starts_on` = `ends_on`) for
 * the balance sheet. Yen per unit of `currency`, exact decimal text.
 */
export interface TranslationRateTable {
  currency: string;
  kind: string;
  starts_on: string;
  ends_on: string;
  jpy_per_unit: string;
  source: string;
}
