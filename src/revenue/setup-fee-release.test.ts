import { describe, expect, it } from "vitest";
import type { SetupFeeCharge } from "../billing/index.js";
import { addMonths } from "../core/index.js";
import {
  earliestReleasingMonth,
  recognizeSetupFees,
  setupFeeReleaseEntryId,
  setupFeeReleaseIn,
} from "./setup-fee-release.js";

function charge(
  amount: bigint,
  serviceMonth: string,
  extra: Partial<SetupFeeCharge> = {},
): SetupFeeCharge {
  return {
    documentId: `INV-${serviceMonth}-C00001`,
    lineNo: 2,
    groupCompanyId: "iij",
    customerId: "C00001",
    contractId: "CT1",
    revenueMetric: "revenue.network.connectivity_corporate",
    currency: "JPY",
    amount,
    serviceMonth,
    bookedMonth: serviceMonth,
    ...extra,
  };
}

/** The release in each of `count` months from `from`. */
function schedule(c: SetupFeeCharge, from: string, count: number, life: number): bigint[] {
  return Array.from({ length: count }, (_, i) => setupFeeReleaseIn(c, addMonths(from, i), life));
}

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

describe("setupFeeReleaseIn", () => {
  it("releases a 30,000-yen fee over 24 months as 1,250 a month from the month of service", () => {
    const fee = charge(30_000n, "2012-09");
    // 30,000 / 24 = 1,250 exactly; nothing in the month before, nothing after month 24 (2014-08).
    expect(setupFeeReleaseIn(fee, "2012-08", 24)).toBe(0n);
    expect(schedule(fee, "2012-09", 24, 24)).toEqual(Array(24).fill(1_250n));
    expect(setupFeeReleaseIn(fee, "2014-09", 24)).toBe(0n);
    expect(setupFeeReleaseIn(fee, "2016-01", 24)).toBe(0n);
  });

  it("gives the odd yen of an uneven fee to the first months: 10,001 over 3 → 3,334/3,334/3,333", () => {
    // 10,001 / 3 = 3,333 r 2: the two left-over yen go one each to the first two months.
    expect(schedule(charge(10_001n, "2012-09"), "2012-09", 4, 3)).toEqual([
      3_334n,
      3_334n,
      3_333n,
      0n,
    ]);
  });

  it("adds up to the fee exactly whatever the life", () => {
    // 50,000 / 24 = 2,083 r 8: eight months of 2,084 and sixteen of 2,083 = 50,000.
    const fee = charge(50_000n, "2012-07");
    const parts = schedule(fee, "2012-07", 30, 24);
    expect(parts.filter((p) => p === 2_084n)).toHaveLength(8);
    expect(parts.filter((p) => p === 2_083n)).toHaveLength(16);
    expect(sum(parts)).toBe(50_000n);
  });

  it("catches up a credit of the fee in the month it is booked, five months later", () => {
    const fee = charge(30_000n, "2012-09");
    const credit = charge(-30_000n, "2012-09", {
      documentId: "CN-2012-09-C00001-1",
      bookedMonth: "2013-02",
    });
    // Sep–Jan released 5 × 1,250 = 6,250. In Feb the fee releases its 6th 1,250 and the credit
    // catches up its first 6 parts: −6 × 1,250 = −7,500; the month's net −6,250 gives back all
    // that was recognised. From Mar on the two cancel, so the total recognised is 0.
    expect(schedule(credit, "2012-09", 5, 24)).toEqual(Array(5).fill(0n));
    expect(setupFeeReleaseIn(credit, "2013-02", 24)).toBe(-7_500n);
    expect(setupFeeReleaseIn(fee, "2013-02", 24)).toBe(1_250n);
    expect(setupFeeReleaseIn(credit, "2013-03", 24)).toBe(-1_250n);
    const net = (m: string) => setupFeeReleaseIn(fee, m, 24) + setupFeeReleaseIn(credit, m, 24);
    expect(net("2013-02")).toBe(-6_250n);
    expect(Array.from({ length: 40 }, (_, i) => net(addMonths("2012-09", i)))).toEqual([
      ...Array(5).fill(1_250n),
      -6_250n,
      ...Array(34).fill(0n),
    ]);
  });

  it("takes back a whole fee at once when the credit is booked after its schedule ended", () => {
    const credit = charge(-30_000n, "2012-09", { bookedMonth: "2015-03" });
    // The schedule ended in 2014-08: all 24 parts are due by the booking month.
    expect(setupFeeReleaseIn(credit, "2015-03", 24)).toBe(-30_000n);
    expect(setupFeeReleaseIn(credit, "2015-04", 24)).toBe(0n);
  });

  it("starts a fee billed late (booked after its service month) with a catch-up too", () => {
    const late = charge(12_000n, "2012-09", { bookedMonth: "2012-11" });
    // 12,000 / 12 = 1,000: Sep, Oct and Nov all fall due in Nov.
    expect(schedule(late, "2012-09", 4, 12)).toEqual([0n, 0n, 3_000n, 1_000n]);
  });
});

describe("earliestReleasingMonth", () => {
  it("looks back one customer life, which is as far as any fee still releases", () => {
    expect(earliestReleasingMonth("2014-09", 24)).toBe("2012-09");
    // A fee of 2012-09 releases its last part in 2014-08 and nothing in 2014-09.
    expect(setupFeeReleaseIn(charge(30_000n, "2012-09"), "2014-09", 24)).toBe(0n);
  });
});

describe("recognizeSetupFees", () => {
  it("releases each company's fees in one balanced entry per currency, per revenue account", () => {
    const entries = recognizeSetupFees(
      [
        charge(30_000n, "2012-09"),
        charge(24_000n, "2012-08", { revenueMetric: "revenue.network.wan", documentId: "I2" }),
        charge(48_000n, "2012-09", { groupCompanyId: "trust", documentId: "I3" }),
        charge(2_400n, "2012-09", { groupCompanyId: "iij-us", currency: "USD", documentId: "I4" }),
      ],
      "2012-09",
      24,
    );
    // iij: 30,000/24 = 1,250 corporate and 24,000/24 = 1,000 WAN, 2,250 out of deferred revenue;
    // trust: 48,000/24 = 2,000; iij-us: USD 24.00/24 = 1.00 (100 cents). Ordered by company id
    // then currency ("iij-us" sorts before "iij|").
    expect(
      entries.map((e) => [e.id, e.entity, e.date, e.lines.map((l) => [l.account, l.amount])]),
    ).toEqual([
      [
        "SETUP/2012-09/iij-us/USD",
        "iij-us",
        "2012-09-30",
        [
          ["Liabilities:DeferredRevenue", 100n],
          ["Revenue:Network:ConnectivityCorporate", -100n],
        ],
      ],
      [
        "SETUP/2012-09/iij/JPY",
        "iij",
        "2012-09-30",
        [
          ["Liabilities:DeferredRevenue", 2_250n],
          ["Revenue:Network:ConnectivityCorporate", -1_250n],
          ["Revenue:Network:WAN", -1_000n],
        ],
      ],
      [
        "SETUP/2012-09/trust/JPY",
        "trust",
        "2012-09-30",
        [
          ["Liabilities:DeferredRevenue", 2_000n],
          ["Revenue:Network:ConnectivityCorporate", -2_000n],
        ],
      ],
    ]);
    expect(entries[1]?.id).toBe(setupFeeReleaseEntryId("2012-09", "iij", "JPY"));
    for (const entry of entries) {
      expect(entry.lines.reduce((s, l) => s + l.amount, 0n)).toBe(0n);
    }
  });

  it("gives back through deferred revenue in the month a credit catches up", () => {
    const entries = recognizeSetupFees(
      [
        charge(30_000n, "2012-09"),
        charge(-30_000n, "2012-09", { documentId: "CN", bookedMonth: "2013-02" }),
      ],
      "2013-02",
      24,
    );
    // 1,250 − 7,500 = −6,250: revenue debited, deferred revenue credited.
    expect(entries.map((e) => e.lines.map((l) => [l.account, l.amount]))).toEqual([
      [
        ["Liabilities:DeferredRevenue", -6_250n],
        ["Revenue:Network:ConnectivityCorporate", 6_250n],
      ],
    ]);
  });

  it("posts nothing in a month where nothing releases or a fee and its credit cancel", () => {
    const fee = charge(30_000n, "2012-09");
    const credit = charge(-30_000n, "2012-09", { documentId: "CN", bookedMonth: "2013-02" });
    expect(recognizeSetupFees([fee, credit], "2013-03", 24)).toEqual([]);
    expect(recognizeSetupFees([fee], "2014-09", 24)).toEqual([]);
    expect(recognizeSetupFees([], "2012-09", 24)).toEqual([]);
  });
});
