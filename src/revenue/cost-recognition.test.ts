import { describe, expect, it } from "vitest";
import {
  COST_CATEGORIES,
  COST_SEGMENTS,
  type CostRecord,
  type EquipmentDelivery,
} from "../operations/index.js";
import { recognizeCostRecord, recognizeDeliveryCost } from "./cost-recognition.js";

const record = (
  segment: CostRecord["segment"],
  category: string,
  amountYen: bigint,
): CostRecord => ({
  month: "2012-09",
  groupCompanyId: "iij",
  segment,
  category,
  amountYen,
});

/**
 * Where each cost record goes: the chart's account for its segment and category. Equipment and
 * ATM costs have no categories in the catalogue, so every category of theirs adds to one account.
 * The first test checks the grid has a cell for every segment × category a record may carry.
 */
const GRID: readonly [CostRecord["segment"], string, string][] = [
  ["network", "circuit", "Expenses:Cost:Network:Circuit"],
  ["network", "network_operation", "Expenses:Cost:Network:NetworkOperation"],
  ["network", "personnel", "Expenses:Cost:Network:Personnel"],
  ["network", "outsourcing", "Expenses:Cost:Network:Outsourcing"],
  ["network", "other", "Expenses:Cost:Network:Other"],
  ["si", "purchasing", "Expenses:Cost:SI:Purchasing"],
  ["si", "outsourcing", "Expenses:Cost:SI:Outsourcing"],
  ["si", "personnel", "Expenses:Cost:SI:Personnel"],
  ["si", "network_operation", "Expenses:Cost:SI:NetworkOperation"],
  ["si", "other", "Expenses:Cost:SI:Other"],
  ["equipment", "purchasing", "Expenses:Cost:Equipment"],
  ["equipment", "other", "Expenses:Cost:Equipment"],
  ["atm", "purchasing", "Expenses:Cost:ATM"],
  ["atm", "other", "Expenses:Cost:ATM"],
  ["sga", "sales_marketing", "Expenses:SGA:SalesMarketing"],
  ["sga", "general_admin", "Expenses:SGA:GeneralAdmin"],
  ["sga", "rnd", "Expenses:SGA:RnD"],
];

describe("recognizeCostRecord", () => {
  it("has a cell for every segment and category of a cost record", () => {
    const cells = COST_SEGMENTS.flatMap((s) => COST_CATEGORIES[s].map((c) => `${s}.${c}`));
    expect(GRID.map(([s, c]) => `${s}.${c}`).sort()).toEqual(cells.sort());
  });

  it.each(GRID)("books %s %s costs to %s against payables", (segment, category, account) => {
    const entry = recognizeCostRecord(record(segment, category, 1_000_000n));
    // 1,000,000 of expense (debit) owed to suppliers (credit), on the month's last day.
    expect(entry?.date).toBe("2012-09-30");
    expect(entry?.entity).toBe("iij");
    expect(entry?.source).toEqual({
      kind: "cost_record",
      id: `iij/2012-09/${segment}/${category}`,
    });
    expect(entry?.lines.map((l) => [l.account, l.amount, l.currency])).toEqual([
      [account, 1_000_000n, "JPY"],
      ["Liabilities:Payables", -1_000_000n, "JPY"],
    ]);
  });

  it("books a negative record (a supplier credit) the other way", () => {
    const entry = recognizeCostRecord(record("network", "circuit", -40_000n));
    // −40,000: the expense is credited and the payable debited.
    expect(entry?.lines.map((l) => [l.account, l.amount])).toEqual([
      ["Expenses:Cost:Network:Circuit", -40_000n],
      ["Liabilities:Payables", 40_000n],
    ]);
  });

  it("books nothing for a zero record", () => {
    expect(recognizeCostRecord(record("sga", "rnd", 0n))).toBeNull();
  });

  it("names the entry after its record, so that a re-run finds it posted", () => {
    expect(recognizeCostRecord(record("sga", "rnd", 5n))?.id).toBe("COST/iij/2012-09/sga/rnd");
  });
});

describe("recognizeDeliveryCost", () => {
  const delivery: EquipmentDelivery = {
    id: "D1",
    customerId: "C00004",
    projectId: "P1",
    orderedOn: "2012-08-01",
    deliveredOn: "2012-09-10",
    amountYen: 800_000n,
    costYen: 600_000n,
    description: "Core routers",
  };

  it("books the cost of equipment on its delivery date, in the seller's books", () => {
    const entry = recognizeDeliveryCost(delivery, "iij");
    // The 600,000 cost (not the 800,000 price, which comes with the invoice) on 2012-09-10.
    expect(entry).toMatchObject({
      id: "DLV/D1",
      date: "2012-09-10",
      entity: "iij",
      source: { kind: "delivery", id: "D1" },
    });
    expect(entry?.lines.map((l) => [l.account, l.amount, l.customerId])).toEqual([
      ["Expenses:Cost:Equipment", 600_000n, "C00004"],
      ["Liabilities:Payables", -600_000n, "C00004"],
    ]);
  });

  it("books nothing for a delivery that cost nothing", () => {
    expect(recognizeDeliveryCost({ ...delivery, costYen: 0n }, "iij")).toBeNull();
  });
});
