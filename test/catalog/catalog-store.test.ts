import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  importPlanFile,
  importPriceFile,
  importStandardCatalog,
  listPlans,
  listPriceBooks,
  loadPriceBook,
  PRODUCT_LINES,
  priceOn,
} from "../../src/catalog/index.js";
import { UplinkError } from "../../src/core/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

const kinds = await storeKinds();

function writeFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-catalog-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<UplinkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UplinkError);
  return error as UplinkError;
}

const PRICES_HEADER =
  "price_book,plan,effective_from,tier_mbps,currency,amount,setup_fee,burst_per_mbps,net_share_percent\n";

describe.each(kinds)("the catalog on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("imports the standard catalog in one go, and a second run changes nothing", async () => {
    const first = await importStandardCatalog(t.store);
    expect(first.plans.added).toBeGreaterThanOrEqual(25);
    expect(first.prices.added).toBeGreaterThan(first.plans.added);
    const second = await importStandardCatalog(t.store);
    expect(second.plans).toMatchObject({ added: 0, replaced: 0, unchanged: first.plans.added });
    expect(second.prices).toMatchObject({ added: 0, replaced: 0, unchanged: first.prices.added });
    expect(await listPriceBooks(t.store.db)).toEqual([
      { id: "standard", currency: "JPY", entries: first.prices.added },
    ]);
  });

  it("has a plan in every product line, each priced throughout the demo company's life", async () => {
    await importStandardCatalog(t.store);
    const plans = await listPlans(t.store.db);
    for (const line of PRODUCT_LINES) {
      expect(
        plans.some((p) => p.lineId === line.id),
        line.id,
      ).toBe(true);
    }
    const book = await loadPriceBook(t.store.db, "standard");
    for (const plan of plans) {
      for (const date of ["2011-04-01", "2012-09-30"]) {
        expect(() => priceOn(book, plan.id, date, 1), `${plan.id} on ${date}`).not.toThrow();
      }
    }
  });

  it.each([
    ["ip-service", "2012-09-30", 1000, 1_000_000n, 3_000_000n],
    ["ip-service", "2012-09-30", 100, 200_000n, 999_999n],
    ["consumer-fiber", "2012-09-30", 1, 1_500n, 2_500n],
    ["consumer-dsl", "2012-09-30", 1, 1_000n, 2_500n],
    ["atm-withdrawal", "2012-09-30", 1, 100n, 150n],
  ])("prices %s on %s for %i realistically (JPY %s–%s)", async (plan, date, n, low, high) => {
    await importStandardCatalog(t.store);
    const { charge } = priceOn(await loadPriceBook(t.store.db, "standard"), plan, date, n);
    expect(charge.currency).toBe("JPY");
    expect(charge.amount >= low && charge.amount <= high).toBe(true);
  });

  it("chooses the stored price in force on each date around a revision", async () => {
    await importStandardCatalog(t.store);
    const book = await loadPriceBook(t.store.db, "standard");
    expect(priceOn(book, "ip-service", "2012-03-31", 1000).charge.amount).toBe(1_800_000n);
    expect(priceOn(book, "ip-service", "2012-04-01", 1000).charge.amount).toBe(1_620_000n);
    const lte = priceOn(book, "mobile-lte", "2012-05-01", 2);
    expect([lte.charge.amount, lte.setupCharge?.amount]).toEqual([7_800n, 6_300n]);
  });

  it("refuses plans with an unknown line or charge model, naming line and field", async () => {
    const file = writeFile(
      "plans.csv",
      `id,name,line,charge_model,unit
ok,Fine,ip_service,bandwidth_tier,circuit
bad-line,Bad,satellite,per_unit,dish
bad-model,Bad,cdn,per_byte,GB
`,
    );
    const error = await failure(importPlanFile(t.store, file));
    expect(error.message).toContain(`${file}:3, field "line"`);
    expect(error.message).toContain(`${file}:4, field "charge_model"`);
    expect(await listPlans(t.store.db)).toEqual([]);
  });

  it.each([
    ["an unknown plan", "standard,no-such-plan,2012-04-01,,JPY,100,,,", "plan"],
    ["a tiered plan without a tier", "standard,ip-service,2013-04-01,,JPY,100,,,", "tier_mbps"],
    [
      "a burst price on a flat plan",
      "standard,ip-service,2013-04-01,100,JPY,100,,5,",
      "burst_per_mbps",
    ],
    ["a second currency in one book", "standard,consumer-dsl,2013-04-01,,USD,15,,,", "currency"],
    ["a key written twice", "standard,atm-withdrawal,2007-10-01,,JPY,120,,,", "effective_from"],
  ])("refuses a prices file with %s, writing nothing", async (_, row, field) => {
    await importStandardCatalog(t.store);
    const before = (await loadPriceBook(t.store.db, "standard")).entries.length;
    const file = writeFile(
      "prices.csv",
      `${PRICES_HEADER}standard,atm-withdrawal,2007-10-01,,JPY,120,,,\n${row}\n`,
    );
    const error = await failure(importPriceFile(t.store, file));
    expect(error.location).toEqual({ file, line: 3, field });
    expect((await loadPriceBook(t.store.db, "standard")).entries.length).toBe(before);
  });

  it("refuses a changed price unless told to replace it, and then uses the new one", async () => {
    await importStandardCatalog(t.store);
    const file = writeFile(
      "prices.csv",
      `${PRICES_HEADER}standard,atm-withdrawal,2012-10-01,,JPY,110,,,
standard,atm-withdrawal,2007-10-01,,JPY,125,,,
`,
    );
    const error = await failure(importPriceFile(t.store, file));
    expect(error.code).toBe("CONFLICT");
    expect(error.location).toEqual({ file, line: 3, field: "amount" });
    expect(await importPriceFile(t.store, file, { replace: true })).toMatchObject({
      added: 1,
      replaced: 1,
    });
    const book = await loadPriceBook(t.store.db, "standard");
    expect(priceOn(book, "atm-withdrawal", "2012-09-30", 1).charge.amount).toBe(125n);
    expect(priceOn(book, "atm-withdrawal", "2012-10-01", 1).charge.amount).toBe(110n);
  });

  it("keeps separate price books side by side", async () => {
    await importStandardCatalog(t.store);
    const file = writeFile(
      "prices.csv",
      `${PRICES_HEADER}key-accounts,ip-service,2012-04-01,1000,JPY,1400000,0,,\n`,
    );
    await importPriceFile(t.store, file);
    const special = await loadPriceBook(t.store.db, "key-accounts");
    expect(priceOn(special, "ip-service", "2012-09-30", 800).charge.amount).toBe(1_400_000n);
    expect(priceOn(special, "ip-service", "2012-09-30", 800).setupCharge?.amount).toBe(0n);
  });
});
