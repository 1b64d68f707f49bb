import { describe, expect, it } from "vitest";
import { Decimal, type UplinkError } from "../core/index.js";
import type { StockSplit } from "./per-share.js";
import { perShareFiguresOf, splitAdjustedBasis, splitAdjustedHistory } from "./share-figures.js";
import type { DividendRecord } from "./share-record.js";

// The shipped share data (data/ledger/*.csv): 202,683 shares from 2011-04-01 (derived from FY11
// net income 3,641 JPY million ÷ EPS JPY 89.82, see data/README.md), the 1:200 split of
// 2012-10-01, and the FY11 dividends as declared (JPY 1,500 interim, 1,750 year-end: the
// presentation's split-adjusted 7.50 and 8.75 × 200).
const HISTORY = [{ from: "2011-04-01", shares: 202_683n }];
const SPLITS: StockSplit[] = [{ effectiveOn: "2012-10-01", ratio: 200n }];
const dividend = (
  fiscalPeriod: string,
  kind: "interim" | "year_end",
  yen: string,
  recordDate: string,
): DividendRecord => ({ fiscalPeriod, kind, perShare: new Decimal(yen), recordDate, source: "t" });
const DIVIDENDS = [
  dividend("FY11", "interim", "1500", "2011-09-30"),
  dividend("FY11", "year_end", "1750", "2012-03-31"),
];
const FY11 = { label: "FY11", startDate: "2011-04-01", endDate: "2012-03-31" };
const NET_INCOME_FY11 = 3_641_000_000n; // Ⅲ-3: FY11 net income attributable 3,641 JPY million

describe("per-share figures restated for the 1:200 split", () => {
  it("restates FY11 to after the split by default: EPS JPY 89.82 and dividends 7.50 + 8.75", () => {
    const figures = perShareFiguresOf({
      period: FY11,
      history: HISTORY,
      splits: SPLITS,
      dividends: DIVIDENDS,
      netIncome: NET_INCOME_FY11,
    });
    expect(figures.asOf).toBe("2012-10-01");
    expect(figures.splitFactor).toBe(200n);
    expect(figures.weightedAverageShares.toFixed()).toBe("40536600"); // 202,683 × 200
    // 3,641,000,000 ÷ 40,536,600 = 89.8200…, the EPS Ⅲ-3 prints
    expect(figures.netIncomePerShare.toFixed(2)).toBe("89.82");
    expect(figures.dividends.map((d) => d.restated.toFixed(2))).toEqual(["7.50", "8.75"]);
    // 16.25 as the dividend slide and Ⅲ-3 print for FY11
    expect(figures.dividendPerShare?.toFixed(2)).toBe("16.25");
  });

  it("shows the figures as reported before the split when restated only to the period's end", () => {
    const figures = perShareFiguresOf({
      period: FY11,
      history: HISTORY,
      splits: SPLITS,
      dividends: DIVIDENDS,
      netIncome: NET_INCOME_FY11,
      asOf: "2012-03-31",
    });
    expect(figures.splitFactor).toBe(1n);
    // 3,641,000,000 ÷ 202,683 = 17,964.0128 → 17,964.01 (200 × 89.82 only to rounding)
    expect(figures.netIncomePerShare.toFixed(2)).toBe("17964.01");
    expect(figures.dividendPerShare?.toFixed(2)).toBe("3250.00"); // 1,500 + 1,750 as declared
  });

  it("counts a quarter after the split on the new basis without restating it again", () => {
    const figures = perShareFiguresOf({
      period: { label: "3Q12", startDate: "2012-10-01", endDate: "2012-12-31" },
      history: HISTORY,
      splits: SPLITS,
      dividends: DIVIDENDS,
      netIncome: 1_000_000_000n,
    });
    expect(figures.splitFactor).toBe(1n);
    expect(figures.weightedAverageShares.toFixed()).toBe("40536600");
    expect(figures.netIncomePerShare.toFixed(2)).toBe("24.67"); // 1e9 ÷ 40,536,600 = 24.669…
    expect(figures.dividendPerShare).toBeNull(); // no record date in the quarter
  });

  it("refuses a basis before the period's end and a period without a share count", () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as UplinkError;
      }
      throw new Error("expected a failure");
    };
    const early = error(() =>
      perShareFiguresOf({
        period: FY11,
        history: HISTORY,
        splits: SPLITS,
        dividends: [],
        netIncome: 1n,
        asOf: "2011-12-31",
      }),
    );
    expect(early.code).toBe("INVALID_INPUT");
    const before = error(() =>
      perShareFiguresOf({
        period: { label: "FY10", startDate: "2010-04-01", endDate: "2011-03-31" },
        history: HISTORY,
        splits: SPLITS,
        dividends: [],
        netIncome: 1n,
      }),
    );
    expect(before.code).toBe("NOT_FOUND");
  });

  it("lists the share history split-adjusted to after the last split", () => {
    const history = [...HISTORY, { from: "2012-10-01", shares: 40_600_000n }];
    const asOf = splitAdjustedBasis(SPLITS, "2012-10-01");
    expect(splitAdjustedHistory(history, SPLITS, asOf)).toEqual([
      { from: "2011-04-01", shares: 202_683n, splitFactor: 200n, splitAdjusted: 40_536_600n },
      { from: "2012-10-01", shares: 40_600_000n, splitFactor: 1n, splitAdjusted: 40_600_000n },
    ]);
  });
});
