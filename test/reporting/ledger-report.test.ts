import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod, UplinkError } from "../../src/core/index.js";
import { insertGroupCompanies } from "../../src/customers/index.js";
import { loadLedgerResolver } from "../../src/flows/index.js";
import { bookedMonthRange, postEntries } from "../../src/ledger/index.js";
import {
  buildQuarterlyReport,
  compareReports,
  loadValueResolver,
  type QuarterlyReport,
  type ReportLine,
} from "../../src/reporting/index.js";
import { entry, LEDGER_GROUP, line } from "../ledger/ledger-fixtures.js";
import { runCli } from "../support/run-cli.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

// The quarterly report from the ledger: a small hand-made ledger of one company over 1Q12 and
// 2Q12 (WAN and ATM revenue, circuit cost, receivables, cash and payables), then the report's
// lines against the figures worked out by hand below, the half adding up its quarters, and the
// comparison with the reported figures. The CLI runs the built bundle (`npm run build` first).

const kinds = await storeKinds();
const PARENT = LEDGER_GROUP.filter((company) => company.id === "parent");

/** A sale on account in yen: Dr receivables, Cr the revenue line. */
const sale = (id: string, date: string, account: string, yen: number) =>
  entry(id, date, [line("Assets:Receivables", yen), line(account, -yen)]);

// 1Q12 (Apr–Jun 2012): WAN 3,000m, ATM 400m, circuit cost 1,200m on account, 2,500m collected.
// 2Q12 (Jul–Sep 2012): WAN 3,300m, ATM 450.5m, circuit cost 1,300m on account, 1,000m collected.
const LEDGER = [
  sale("W1", "2012-04-15", "Revenue:Network:WAN", 3_000_000_000),
  sale("A1", "2012-05-20", "Revenue:ATM", 400_000_000),
  entry("K1", "2012-06-10", [
    line("Expenses:Cost:Network:Circuit", 1_200_000_000),
    line("Liabilities:Payables", -1_200_000_000),
  ]),
  entry("P1", "2012-06-30", [
    line("Assets:Cash", 2_500_000_000),
    line("Assets:Receivables", -2_500_000_000),
  ]),
  sale("W2", "2012-07-15", "Revenue:Network:WAN", 3_300_000_000),
  sale("A2", "2012-08-15", "Revenue:ATM", 450_500_000),
  entry("K2", "2012-09-10", [
    line("Expenses:Cost:Network:Circuit", 1_300_000_000),
    line("Liabilities:Payables", -1_300_000_000),
  ]),
  entry("P2", "2012-09-30", [
    line("Assets:Cash", 1_000_000_000),
    line("Assets:Receivables", -1_000_000_000),
  ]),
];

function lineOf(report: QuarterlyReport, metric: string): ReportLine {
  const found = report.lines.find((l) => l.metric === metric);
  if (!found) throw new Error(`${report.period} has no line ${metric}`);
  return found;
}

function values(report: QuarterlyReport, metrics: readonly string[]) {
  return Object.fromEntries(metrics.map((m) => [m, lineOf(report, m).value]));
}

describe.each(kinds)("the quarterly report from the ledger (%s)", (kind) => {
  let t: TestStore;
  const reports = new Map<string, QuarterlyReport>();
  const cli = (...args: string[]) => runCli(args, t.env);

  beforeAll(async () => {
    t = await openTestStore(kind);
    await t.store.db.transaction().execute(async (tx) => {
      await insertGroupCompanies(tx, PARENT);
      await postEntries(tx, LEDGER);
    });
    const resolve = await loadLedgerResolver(t.store);
    for (const period of ["1Q12", "2Q12", "1H12"]) {
      reports.set(period, buildQuarterlyReport(resolve, parsePeriod(period)));
    }
  });
  afterAll(async () => {
    await t.dispose();
  });
  const report = (period: string) => reports.get(period)!;

  it("spans the months the ledger has booked", async () => {
    expect(await bookedMonthRange(t.store.db)).toEqual({ first: "2012-04", last: "2012-09" });
  });

  it("gives each quarter's revenue, cost, margin and period-end balances as booked", () => {
    const metrics = [
      "revenue.network.wan",
      "revenue.atm",
      "revenue.si",
      "revenue.total",
      "cost.network.circuit",
      "cost.total",
      "gross_margin.total",
      "ratio.gross_margin.total",
      "bs.cash",
      "bs.accounts_receivable",
      "bs.accounts_payable",
    ];
    // 1Q12: revenue 3,000 + 400 = 3,400; margin 3,400 − 1,200 = 2,200, 2,200 ÷ 3,400 = 64.7%;
    // receivables 3,400 − 2,500 = 900 at 30 June.
    expect(values(report("1Q12"), metrics)).toEqual({
      "revenue.network.wan": 3000,
      "revenue.atm": 400,
      "revenue.si": 0,
      "revenue.total": 3400,
      "cost.network.circuit": 1200,
      "cost.total": 1200,
      "gross_margin.total": 2200,
      "ratio.gross_margin.total": 64.7,
      "bs.cash": 2500,
      "bs.accounts_receivable": 900,
      "bs.accounts_payable": 1200,
    });
    // 2Q12: ATM 450.5 → 451 half-up; revenue 3,750.5 → 3,751; margin 2,450.5 → 2,451,
    // 2,450.5 ÷ 3,750.5 = 65.3%; receivables 900 + 3,750.5 − 1,000 = 3,650.5 → 3,651.
    expect(values(report("2Q12"), metrics)).toEqual({
      "revenue.network.wan": 3300,
      "revenue.atm": 451,
      "revenue.si": 0,
      "revenue.total": 3751,
      "cost.network.circuit": 1300,
      "cost.total": 1300,
      "gross_margin.total": 2451,
      "ratio.gross_margin.total": 65.3,
      "bs.cash": 3500,
      "bs.accounts_receivable": 3651,
      "bs.accounts_payable": 2500,
    });
    // QoQ of WAN: 3,300 ÷ 3,000 = +10.0%; 2Q11 is not booked, so no YoY.
    expect(lineOf(report("2Q12"), "revenue.network.wan")).toMatchObject({
      qoq_pct: 10,
      yoy_pct: null,
    });
  });

  it("adds up the quarters into the half and reads balances at the half's end", () => {
    // 1H12: WAN 6,300; ATM 850.5 → 851; revenue 7,150.5 → 7,151; cost 2,500; receivables = 2Q12's.
    expect(
      values(report("1H12"), [
        "revenue.network.wan",
        "revenue.atm",
        "revenue.total",
        "cost.network.circuit",
        "bs.accounts_receivable",
      ]),
    ).toEqual({
      "revenue.network.wan": 6300,
      "revenue.atm": 851,
      "revenue.total": 7151,
      "cost.network.circuit": 2500,
      "bs.accounts_receivable": 3651,
    });
  });

  it("keeps the reported targets, so a half shows its achievement", () => {
    // The 1H12 revenue target is JPY 50.5 billion (slide Ⅱ-1, data/reported/facts/part-a.csv);
    // 7,150.5 ÷ 50,500 = 14.159…% → 14.2.
    expect(lineOf(report("1H12"), "revenue.total")).toMatchObject({
      target: 50500,
      achievement_pct: 14.2,
    });
  });

  it("reads no KPI from operations that hold no records", () => {
    expect(report("2Q12").lines.filter((l) => l.section === "kpi")).toEqual([]);
  });

  it("sets each line beside the reported figure with the difference", async () => {
    const reported = buildQuarterlyReport(await loadValueResolver(t.store), parsePeriod("2Q12"));
    const compared = compareReports(report("2Q12"), reported);
    // WAN services 2Q12 reported: 6,265 (slide Ⅱ-4 (1)). 3,300 − 6,265 = −2,965; ÷ 6,265 = −47.3%.
    expect(lineOf(compared, "revenue.network.wan")).toMatchObject({
      value: 3300,
      reported: 6265,
      difference: -2965,
      difference_pct: -47.3,
    });
  });

  it("prints the compared report as JSON through the command", () => {
    const result = cli(
      "report",
      "--period",
      "2Q12",
      "--source",
      "ledger",
      "--compare",
      "reported",
      "--format",
      "json",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as QuarterlyReport;
    expect(printed.period).toBe("2Q12");
    expect(lineOf(printed, "revenue.network.wan")).toEqual({
      ...lineOf(report("2Q12"), "revenue.network.wan"),
      reported: 6265,
      difference: -2965,
      difference_pct: -47.3,
    });
    expect(lineOf(printed, "revenue.total").value).toBe(3751);
  });

  it("prints Reported, Diff and Diff % columns in the table", () => {
    const result = cli("report", "--period", "2Q12", "--source", "ledger", "--compare", "reported");
    expect(result.status).toBe(0);
    const header = result.stdout.split("\n").find((l) => l.includes("Reported"));
    expect(header).toMatch(/2Q12 .*Reported +Diff +Diff %/);
    const wan = result.stdout.split("\n").find((l) => l.includes("WAN services"));
    expect(wan).toMatch(/3,300 .* 6,265 +-2,965 +-47\.3$/);
  });

  it("refuses --compare without --source ledger, and a period the ledger has not booked", () => {
    const compare = cli("report", "--period", "2Q12", "--compare", "reported");
    expect(compare.status).toBe(2);
    expect(compare.stderr).toContain("add --source ledger");
    const unbooked = cli("report", "--period", "2Q11", "--source", "ledger");
    expect(unbooked.status).toBe(2);
    expect(unbooked.stderr).toContain("The ledger has no figures for 2Q11");
  });
});

describe.each(kinds)("the report from an empty ledger (%s)", (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("is NOT_FOUND, telling how the ledger gets entries", async () => {
    const error = await loadLedgerResolver(t.store).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UplinkError);
    expect((error as UplinkError).code).toBe("NOT_FOUND");
    expect((error as UplinkError).message).toContain("`uplink demo` books every month it bills");
  });

  it("is one line on standard error and status 2 from the command", () => {
    const result = runCli(["report", "--period", "2Q12", "--source", "ledger"], t.env);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("The ledger holds no entries yet");
  });
});
