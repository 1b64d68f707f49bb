import { describe, expect, it } from "vitest";
import { UplinkError, yen } from "../core/index.js";
import { type ContractEvent, contractEventFromRaw } from "./contract-event.js";
import {
  contractHistoryProblem,
  contractStateOn,
  latestContractState,
} from "./contract-history.js";
import { contractedBandwidth } from "./contracted-bandwidth.js";

function event(
  kind: ContractEvent["kind"],
  effectiveDate: string,
  terms: Partial<ContractEvent> = {},
): ContractEvent {
  return {
    contractId: "CT1",
    customerId: "C1",
    kind,
    effectiveDate,
    planId: kind === "ordered" ? "ip-service" : null,
    priceBookId: kind === "ordered" ? "standard" : null,
    bandwidthMbps: null,
    quantity: null,
    monthlyFee: null,
    note: "",
    ...terms,
  };
}

// Ordered in May, live in June, upgraded mid-month in July 2012 with a new fee, repriced in
// August, cancelled from October.
const HISTORY: ContractEvent[] = [
  event("cancelled", "2012-10-01"),
  event("ordered", "2011-05-10", { bandwidthMbps: 1000 }),
  event("changed", "2012-07-16", { bandwidthMbps: 2000, monthlyFee: yen(2_900_000) }),
  event("activated", "2011-06-01"),
  event("changed", "2012-08-01", { monthlyFee: yen(2_600_000) }),
];

describe("a contract's state on a date", () => {
  it.each([
    ["2011-05-09", undefined, null, null],
    ["2011-05-10", "ordered", 1000, null],
    ["2011-06-01", "active", 1000, null],
    ["2012-07-15", "active", 1000, null],
    ["2012-07-16", "active", 2000, 2_900_000n],
    ["2012-07-31", "active", 2000, 2_900_000n],
    ["2012-08-01", "active", 2000, 2_600_000n],
    ["2012-09-30", "active", 2000, 2_600_000n],
    ["2012-10-01", "cancelled", 2000, 2_600_000n],
  ])("on %s is %s at %s Mbps, fee %s", (date, status, mbps, fee) => {
    const state = contractStateOn(HISTORY, date);
    expect(state?.status).toBe(status);
    if (!state) return;
    expect(state.bandwidthMbps).toBe(mbps);
    expect(state.monthlyFee?.amount ?? null).toBe(fee);
    expect(state.quantity).toBe(1);
  });

  it("remembers when it was ordered, activated, last changed and cancelled", () => {
    expect(latestContractState(HISTORY)).toMatchObject({
      orderedOn: "2011-05-10",
      activatedOn: "2011-06-01",
      changedOn: "2012-08-01",
      cancelledOn: "2012-10-01",
      planId: "ip-service",
      priceBookId: "standard",
    });
  });

  it("is active from the day when it is ordered and activated on the same day", () => {
    const sameDay = [
      event("activated", "2012-04-01"),
      event("ordered", "2012-04-01", { bandwidthMbps: 10 }),
    ];
    expect(contractStateOn(sameDay, "2012-04-01")?.status).toBe("active");
  });
});

describe("the lifecycle rules of a history", () => {
  it("accept a sound history in any order", () => {
    expect(contractHistoryProblem(HISTORY)).toBeUndefined();
  });

  it.each([
    ["no ordered event", [event("activated", "2012-01-01")], "activated", "event"],
    [
      "an event before the order",
      [event("ordered", "2012-02-01"), event("changed", "2012-01-01", { quantity: 2 })],
      "ordered",
      "effective_date",
    ],
    [
      "a second order",
      [event("ordered", "2012-01-01"), event("ordered", "2012-02-01")],
      "ordered",
      "event",
    ],
    [
      "a second activation",
      [
        event("ordered", "2012-01-01"),
        event("activated", "2012-01-02"),
        event("activated", "2012-03-01"),
      ],
      "activated",
      "event",
    ],
    [
      "a change after the cancellation",
      [
        event("ordered", "2012-01-01"),
        event("cancelled", "2012-02-01"),
        event("changed", "2012-03-01", { quantity: 2 }),
      ],
      "changed",
      "effective_date",
    ],
    [
      "an event of another customer",
      [event("ordered", "2012-01-01"), event("activated", "2012-02-01", { customerId: "C2" })],
      "activated",
      "customer",
    ],
  ])("refuse %s, blaming the %s event's %s", (_, events, blamed, field) => {
    const problem = contractHistoryProblem(events);
    expect(problem?.event.kind).toBe(blamed);
    expect(problem?.field).toBe(field);
  });
});

describe("contracted bandwidth on a date", () => {
  const other = (
    id: string,
    mbps: number,
    quantity = 1,
    planId = "ip-service",
  ): ContractEvent[] => [
    event("ordered", "2011-04-01", { contractId: id, bandwidthMbps: mbps, quantity, planId }),
    event("activated", "2011-04-01", { contractId: id }),
  ];
  const histories = [
    HISTORY,
    other("CT2", 100, 3),
    other("CT3", 1000),
    other("CT4", 10_000, 1, "consumer-fiber"),
  ];
  const counts = (planId: string) => planId === "ip-service";

  it.each([
    ["2011-05-31", "1.3", 2, 1],
    ["2011-06-01", "2.3", 3, 2],
    ["2012-07-15", "2.3", 3, 2],
    ["2012-07-16", "3.3", 3, 2],
    ["2012-10-01", "1.3", 2, 1],
  ])(
    "on %s is %s Gbps over %i contracts, %i of them at 1 Gbps or more",
    (date, gbps, contracts, over) => {
      const result = contractedBandwidth(histories, counts, date);
      expect(result.gbps.toFixed()).toBe(gbps);
      expect(result.contracts).toBe(contracts);
      expect(result.contractsOver1Gbps).toBe(over);
    },
  );

  it("is exact in Gbps: 1 Mbps is 0.001 Gbps", () => {
    const result = contractedBandwidth([other("CT5", 1)], counts, "2012-01-01");
    expect(result.gbps.toFixed()).toBe("0.001");
    expect(result.totalMbps).toBe(1n);
  });
});

describe("a contracts file row", () => {
  const WHERE = { file: "contracts.csv", line: 3 };
  const base = { contract: "CT1", customer: "C1", effective_date: "2012-07-16" };

  it("defaults an order to the standard price book", () => {
    const ordered = contractEventFromRaw(
      { ...base, event: "ordered", plan: "ip-service", bandwidth_mbps: "100" },
      WHERE,
    );
    expect(ordered).toMatchObject({ priceBookId: "standard", bandwidthMbps: 100, quantity: null });
  });

  it.each([
    [{ event: "ordered" }, "plan"],
    [{ event: "changed" }, "event"],
    [{ event: "changed", bandwidth_mbps: "0" }, "bandwidth_mbps"],
    [{ event: "changed", bandwidth_mbps: "1.5" }, "bandwidth_mbps"],
    [{ event: "changed", quantity: "0" }, "quantity"],
    [{ event: "changed", monthly_fee: "12.5" }, "monthly_fee"],
    [{ event: "changed", monthly_fee: "100", currency: "EUR" }, "currency"],
    [{ event: "activated", price_book: "special" }, "price_book"],
    [{ event: "cancelled", bandwidth_mbps: "100" }, "bandwidth_mbps"],
    [{ event: "cancelled", monthly_fee: "100" }, "monthly_fee"],
    [{ event: "upgraded" }, "event"],
    [{ event: "activated", effective_date: "16/07/2012" }, "effective_date"],
  ])("refuses %o, naming the field", (change, field) => {
    let error: unknown;
    try {
      contractEventFromRaw({ ...base, ...change }, WHERE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UplinkError);
    expect((error as UplinkError).location).toEqual({ ...WHERE, field });
  });
});
