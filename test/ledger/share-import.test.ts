import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APRIL_FISCAL_YEAR, parsePeriod, UplinkError } from "../../src/core/index.js";
import {
  importShareFile,
  importStandardShares,
  listDividends,
  listShareCounts,
  listStockSplits,
  perShareFigures,
  shareHistory,
} from "../../src/ledger/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

const kinds = await storeKinds();

async function failure(promise: Promise<unknown>): Promise<UplinkError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a failure, the import succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UplinkError);
  return error as UplinkError;
}

describe.each(kinds)("importing shares, splits and dividends on %s", (kind) => {
  let t: TestStore;
  const write = (name: string, text: string) => {
    const file = path.join(t.home, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const stored = async () => ({
    counts: await listShareCounts(t.store.db),
    splits: await listStockSplits(t.store.db),
    dividends: (await listDividends(t.store.db)).map((d) => ({
      ...d,
      perShare: d.perShare.toFixed(),
    })),
  });

  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("imports the shipped files, and a second import changes nothing", async () => {
    const first = await importStandardShares(t.store);
    expect(first.shares.added).toBe(1);
    expect(first["stock-splits"].added).toBe(1);
    expect(first.dividends.added).toBe(11); // FY06 year-end, then two a year FY07–FY11
    const before = await stored();
    const again = await importStandardShares(t.store);
    expect(again.shares).toMatchObject({ added: 0, replaced: 0, unchanged: 1 });
    expect(again["stock-splits"]).toMatchObject({ added: 0, replaced: 0, unchanged: 1 });
    expect(again.dividends).toMatchObject({ added: 0, replaced: 0, unchanged: 11 });
    expect(await stored()).toEqual(before);
  });

  it("gives FY11's EPS and dividend split-adjusted from the shipped data", async () => {
    await importStandardShares(t.store);
    // Ⅲ-3: FY11 net income attributable 3,641 JPY million, EPS JPY 89.82, dividend JPY 16.25
    const figures = await perShareFigures(
      t.store.db,
      parsePeriod("FY11"),
      APRIL_FISCAL_YEAR,
      3_641_000_000n,
    );
    expect(figures.netIncomePerShare.toFixed(2)).toBe("89.82");
    expect(figures.dividendPerShare?.toFixed(2)).toBe("16.25");
    const history = await shareHistory(t.store.db);
    expect(history.asOf).toBe("2012-10-01");
    expect(history.counts[0]?.splitAdjusted).toBe(40_536_600n);
    // The dividend slide's split-adjusted bars, FY06 year-end 7.50 … FY11 year-end 8.75
    expect(history.dividends.map((d) => d.restated.toFixed(2))).toEqual([
      "7.50",
      "3.75",
      "5.00",
      "5.00",
      "5.00",
      "5.00",
      "6.25",
      "6.25",
      "7.50",
      "7.50",
      "8.75",
    ]);
  });

  it("refuses a file with a bad row, naming file, line and field, and writes none of it", async () => {
    const file = write(
      "splits.csv",
      "effective_on,ratio,source\n2012-10-01,200,notice\n2013-04-01,1:1,notice\n",
    );
    const error = await failure(importShareFile(t.store, "stock-splits", file));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.location).toEqual({ file, line: 3, field: "ratio" });
    expect(await listStockSplits(t.store.db)).toEqual([]);

    const dividends = write(
      "dividends.csv",
      "fiscal_period,kind,yen_per_share,record_date,source\nFY11,year_end,1750,2012-03-31,x\nFY11,interim,1500,2012-09-30,x\n",
    );
    const outside = await failure(importShareFile(t.store, "dividends", dividends));
    expect(outside.location).toEqual({ file: dividends, line: 3, field: "record_date" });
    expect(outside.message).toContain("FY11");

    const shares = write("shares.csv", "date,shares,source\n2011-04-01,202683.5,x\n");
    const fraction = await failure(importShareFile(t.store, "shares", shares));
    expect(fraction.location).toEqual({ file: shares, line: 2, field: "shares" });
    expect(await listShareCounts(t.store.db)).toEqual([]);
    expect(await listDividends(t.store.db)).toEqual([]);
  });

  it("refuses a row that changes a stored one unless told to replace it", async () => {
    const file = write("shares.csv", "date,shares,source\n2011-04-01,202683,derived\n");
    expect(await importShareFile(t.store, "shares", file)).toMatchObject({ added: 1 });
    const changed = write("changed.csv", "date,shares,source\n2011-04-01,202700,derived\n");
    const conflict = await failure(importShareFile(t.store, "shares", changed));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.location).toEqual({ file: changed, line: 2, field: "shares" });
    expect((await listShareCounts(t.store.db))[0]?.shares).toBe(202_683n);
    expect(await importShareFile(t.store, "shares", changed, { replace: true })).toMatchObject({
      added: 0,
      replaced: 1,
    });
    expect((await listShareCounts(t.store.db))[0]?.shares).toBe(202_700n);
  });
});
