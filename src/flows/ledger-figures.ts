import { contractedBandwidthAt } from "../contracts/index.js";
import {
  APRIL_FISCAL_YEAR,
  comparePeriods,
  type FiscalCalendar,
  type FiscalPeriod,
  formatPeriod,
  lastQuarterOf,
  parsePeriod,
  periodEnd,
  subPeriods,
  UplinkError,
} from "../core/index.js";
import { accountsByName, bookedMonthRange, metricBalances, monthWindow } from "../ledger/index.js";
import { atmCountOn, backlogOn, ordersReceived } from "../operations/index.js";
import {
  createValueResolver,
  ensureReportedFacts,
  type Fact,
  listFacts,
  type ValueResolver,
} from "../reporting/index.js";
import type { Store } from "../store/index.js";
import { ledgerFacts, operationFacts, type QuarterOperations } from "./ledger-facts.js";

/**
 * The resolver of the report from the ledger: the group's consolidated balances of every booked
 * fiscal quarter as facts (halves and years are added up, or read at their last quarter, by the
 * resolver as for reported figures), the KPIs operations count at those quarters, and the targets
 * of the reported figures, so that achievement still shows. NOT_FOUND when nothing is booked.
 */
export async function loadLedgerResolver(
  store: Store,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): Promise<ValueResolver> {
  const db = store.db;
  const range = await bookedMonthRange(db);
  if (!range) {
    throw new UplinkError(
      "NOT_FOUND",
      "The ledger holds no entries yet, so there is no report from it. `uplink demo` books every month it bills; `uplink close --month YYYY-MM` bills a month and posts it. The reported figures (source=reported) are there meanwhile.",
    );
  }
  const quarters = bookedQuarters(range, calendar);
  const chartMetrics = new Set<string>();
  for (const account of (await accountsByName(db)).values()) {
    if (account.metric) chartMetrics.add(account.metric);
  }
  const facts: Fact[] = [];
  for (const quarter of quarters) {
    const amounts = await metricBalances(db, monthWindow(quarter, calendar));
    facts.push(...ledgerFacts(formatPeriod(quarter, calendar), amounts, chartMetrics));
  }
  facts.push(...operationFacts(await quarterOperations(store, quarters, calendar)));
  await ensureReportedFacts(store);
  facts.push(...(await listFacts(db, { scenario: "target" })));
  return createValueResolver(facts, calendar);
}

/** Every fiscal quarter from the one holding the first booked month to the one holding the last. */
function bookedQuarters(
  range: { first: string; last: string },
  calendar: FiscalCalendar,
): FiscalPeriod[] {
  const first = parsePeriod(range.first, calendar);
  const last = parsePeriod(range.last, calendar);
  const quarters: FiscalPeriod[] = [];
  for (let fiscalYear = first.fiscalYear; fiscalYear <= last.fiscalYear; fiscalYear++) {
    const year: FiscalPeriod = { kind: "year", fiscalYear, index: 1 };
    for (const quarter of subPeriods(year, "quarter")) {
      if (
        comparePeriods(quarter, lastQuarterOf(first)) >= 0 &&
        comparePeriods(quarter, lastQuarterOf(last)) <= 0
      ) {
        quarters.push(quarter);
      }
    }
  }
  return quarters;
}

async function quarterOperations(
  store: Store,
  quarters: readonly FiscalPeriod[],
  calendar: FiscalCalendar,
): Promise<QuarterOperations[]> {
  const db = store.db;
  const ends = quarters.map((q) => periodEnd(q, calendar));
  const bandwidth = await contractedBandwidthAt(db, ends);
  const result: QuarterOperations[] = [];
  for (const [i, quarter] of quarters.entries()) {
    const end = ends[i]!;
    const [received, backlog, atms] = await Promise.all([
      ordersReceived(db, quarter, calendar),
      backlogOn(db, end),
      atmCountOn(db, end),
    ]);
    result.push({
      period: formatPeriod(quarter, calendar),
      contractedMbps: bandwidth[i]!.totalMbps,
      contractsOver1Gbps: bandwidth[i]!.contractsOver1Gbps,
      ordersReceived: received,
      orderBacklog: backlog,
      atms,
    });
  }
  return result;
}
