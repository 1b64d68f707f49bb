import { contractedBandwidthAt } from "../contracts/index.js";
import {
  APRIL_FISCAL_YEAR,
  comparePeriods,
  type FiscalCalendar,
  type FiscalPeriod,
  formatPeriod,
  isUplinkError,
  lastQuarterOf,
  parsePeriod,
  periodEnd,
  subPeriods,
  UplinkError,
} from "../core/index.js";
import {
  accountsByName,
  bookedMonthRange,
  groupMetricBalances,
  listShareCounts,
  monthWindow,
  perShareFigures,
} from "../ledger/index.js";
import { atmCountOn, backlogOn, ordersReceived } from "../operations/index.js";
import {
  createValueResolver,
  ensureReportedFacts,
  type Fact,
  listFacts,
  type ValueResolver,
} from "../reporting/index.js";
import type { Store } from "../store/index.js";
import {
  ledgerFacts,
  operationFacts,
  perShareFacts,
  type QuarterOperations,
} from "./ledger-facts.js";

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
      "The ledger holds no entries yet, so there is no report from it. `uplink demo` books every month it bills; `uplink close --month YYYY-MM` (or POST /api/v1/ledger/books) posts a billed month. The reported figures (source=reported) are there meanwhile.",
    );
  }
  const quarters = bookedQuarters(range, calendar);
  const chartMetrics = new Set<string>();
  for (const account of (await accountsByName(db)).values()) {
    if (account.metric) chartMetrics.add(account.metric);
  }
  const facts: Fact[] = [];
  const balances = await groupMetricBalances(
    db,
    quarters.map((quarter) => monthWindow(quarter, calendar)),
  );
  quarters.forEach((quarter, i) => {
    facts.push(...ledgerFacts(formatPeriod(quarter, calendar), balances[i]!, chartMetrics));
  });
  facts.push(...operationFacts(await quarterOperations(store, quarters, calendar)));
  await ensureReportedFacts(store);
  facts.push(...(await listFacts(db, { scenario: "target" })));
  // Per-share figures divide the books' net income by the shares outstanding, so they are read
  // once the rest resolves: every booked quarter, and each half and year booked in full.
  if ((await listShareCounts(db)).length > 0) {
    const books = createValueResolver(facts, calendar);
    for (const period of [...quarters, ...wholePeriods(quarters)]) {
      const netIncome = books({ metric: "net_income", period })?.value;
      if (netIncome === undefined) continue;
      const figures = await perShareFigures(
        db,
        period,
        calendar,
        BigInt(netIncome.toFixed(0)),
      ).catch((error: unknown) => {
        // A booked period before the first recorded share count has no per-share figures.
        if (isUplinkError(error) && error.code === "NOT_FOUND") return null;
        throw error;
      });
      if (!figures) continue;
      const shares = perShareFacts(formatPeriod(period, calendar), figures);
      // Dividends are declared per fiscal year, as the presentation shows them.
      facts.push(
        ...(period.kind === "year"
          ? shares
          : shares.filter((f) => f.metric === "per_share.net_income")),
      );
    }
  }
  return createValueResolver(facts, calendar);
}

/** The halves and years all of whose quarters are among `quarters`. */
function wholePeriods(quarters: readonly FiscalPeriod[]): FiscalPeriod[] {
  const booked = new Set(quarters.map((q) => `${q.fiscalYear}:${q.index}`));
  const whole: FiscalPeriod[] = [];
  for (const fiscalYear of new Set(quarters.map((q) => q.fiscalYear))) {
    const year: FiscalPeriod = { kind: "year", fiscalYear, index: 1 };
    for (const period of [...subPeriods(year, "half"), year]) {
      if (subPeriods(period, "quarter").every((q) => booked.has(`${q.fiscalYear}:${q.index}`)))
        whole.push(period);
    }
  }
  return whole;
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
