import type { Kysely } from "kysely";
import {
  type FiscalCalendar,
  type FiscalPeriod,
  formatPeriod,
  previousPeriod,
  subPeriods,
  UplinkError,
} from "../core/index.js";
import type { Database } from "../store/index.js";
import { type BalanceSheetSummary, balanceSheetSummary } from "./balance-sheet-summary.js";
import { type CashFlowSummary, cashFlowSummary } from "./cash-flow-summary.js";
import { accountsByName } from "./ledger-account.repository.js";
import { monthWindow } from "./trial-balance.js";
import { ledgerTrialBalance } from "./trial-balance.repository.js";

/** One quarter's statements: the balance sheet at its end and the cash flows that led there. */
export interface QuarterEndStatements {
  /** "2Q12". */
  readonly quarter: string;
  readonly startDate: string;
  readonly endDate: string;
  /** At the end of the quarter before (the cash flows' starting point). */
  readonly openingBalanceSheet: BalanceSheetSummary;
  readonly balanceSheet: BalanceSheetSummary;
  readonly cashFlow: CashFlowSummary;
}

/** The quarters a period's statements are shown for: 2Q12 → one, 1H12 → two, FY11 → four. */
export function quartersOf(period: FiscalPeriod): FiscalPeriod[] {
  if (period.kind === "quarter") return [period];
  if (period.kind === "month") {
    throw new UplinkError(
      "INVALID_PERIOD",
      "The statements are per quarter end: give a quarter, half or year (2Q12, 1H12, FY11), not a month.",
    );
  }
  return subPeriods(period, "quarter");
}

/**
 * For each quarter of `period`, the balance-sheet summary at its end and the cash-flow summary
 * from the end of the quarter before, from the ledger's trial balances (the group consolidated,
 * or one company's books in yen with `entity`). Each quarter's balance sheet comes from the trial
 * balance of that quarter, so its revenue and expense lines are the quarter's profit.
 */
export async function quarterEndStatements(
  db: Kysely<Database>,
  period: FiscalPeriod,
  calendar: FiscalCalendar,
  entity?: string,
): Promise<QuarterEndStatements[]> {
  const quarters = quartersOf(period);
  const accounts = await accountsByName(db);
  const typeOf = (name: string) => accounts.get(name)?.type;
  const balanceSheetAt = async (quarter: FiscalPeriod) => {
    const window = monthWindow(quarter, calendar);
    return balanceSheetSummary(
      window.endDate,
      await ledgerTrialBalance(db, window, entity),
      typeOf,
    );
  };
  const first = quarters[0];
  if (!first) return [];
  let opening = await balanceSheetAt(previousPeriod(first));
  const statements: QuarterEndStatements[] = [];
  for (const quarter of quarters) {
    const window = monthWindow(quarter, calendar);
    const balanceSheet = await balanceSheetAt(quarter);
    statements.push({
      quarter: formatPeriod(quarter, calendar),
      startDate: window.startDate,
      endDate: window.endDate,
      openingBalanceSheet: opening,
      balanceSheet,
      // The quarter's trial balance closes its profit into the balance sheet it is read from.
      cashFlow: cashFlowSummary(opening, balanceSheet, {
        netIncome: balanceSheet.netIncome,
        noncontrollingInterestsIncome: balanceSheet.noncontrollingInterestsIncome,
      }),
    });
    opening = balanceSheet;
  }
  return statements;
}
