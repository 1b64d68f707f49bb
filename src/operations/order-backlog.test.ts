import { describe, expect, it } from "vitest";
import { Decimal } from "../core/index.js";
import type { EquipmentDelivery } from "./equipment-delivery.js";
import {
  orderBacklog,
  percentCompleteOn,
  projectRevenues,
  recognizedThrough,
  revenueByMethod,
  revenueEarned,
  totalBacklog,
  totalOrdersReceived,
} from "./order-backlog.js";
import type { ProgressReport, SiProject } from "./si-project.js";

const base = {
  customerId: "C00001",
  name: "",
  followsProjectId: null,
  acceptedOn: null,
  startsOn: null,
  endsOn: null,
  monthlyFeeYen: null,
} as const;

const byProgress: SiProject = {
  ...base,
  id: "P1",
  kind: "construction",
  recognition: "percentage_of_completion",
  orderedOn: "2012-04-10",
  orderValueYen: 10_000_000n,
  acceptedOn: "2012-12-20",
};
const progress: ProgressReport[] = [
  // Given out of order on purpose: the latest report on or before the date counts.
  {
    projectId: "P1",
    customerId: "C00001",
    reportedOn: "2012-09-30",
    percentComplete: new Decimal("62.5"),
  },
  {
    projectId: "P1",
    customerId: "C00001",
    reportedOn: "2012-06-30",
    percentComplete: new Decimal(25),
  },
];
const onAcceptance: SiProject = {
  ...base,
  id: "P2",
  kind: "construction",
  recognition: "on_acceptance",
  orderedOn: "2011-11-01",
  orderValueYen: 3_000_000n,
  acceptedOn: "2012-05-15",
};
const operation: SiProject = {
  ...base,
  id: "P3",
  kind: "operation",
  recognition: "monthly",
  orderedOn: "2012-03-15",
  orderValueYen: 6_000_000n,
  followsProjectId: "P2",
  startsOn: "2012-04-01",
  endsOn: "2013-03-31",
  monthlyFeeYen: 500_000n,
};

describe("order backlog: the order value not yet recognised at the end of a day", () => {
  it.each([
    ["before the order", "2012-04-09", 0n],
    ["on the order day, with no progress yet", "2012-04-10", 10_000_000n],
    ["the day before the first report", "2012-06-29", 10_000_000n],
    ["on the day of a 25% report", "2012-06-30", 7_500_000n],
    ["mid-progress after a 62.5% report", "2012-11-15", 3_750_000n],
    ["the day before acceptance", "2012-12-19", 3_750_000n],
    ["on the acceptance day (100% from then)", "2012-12-20", 0n],
    ["long after acceptance", "2013-06-30", 0n],
  ])("percentage of completion: %s (%s) → %s yen", (_, date, expected) => {
    expect(orderBacklog(byProgress, progress, date)).toBe(expected);
  });

  it.each([
    ["before the order", "2011-10-31", 0n],
    ["at a quarter end before acceptance", "2012-03-31", 3_000_000n],
    ["the day before acceptance", "2012-05-14", 3_000_000n],
    ["on the acceptance day", "2012-05-15", 0n],
  ])("on acceptance: %s (%s) → %s yen", (_, date, expected) => {
    expect(orderBacklog(onAcceptance, [], date)).toBe(expected);
  });

  it.each([
    ["before the order", "2012-03-14", 0n],
    ["after the order, before the term starts", "2012-03-31", 6_000_000n],
    ["a month not yet ended still counts", "2012-04-29", 6_000_000n],
    ["the first month ended", "2012-04-30", 5_500_000n],
    ["at 2Q12's end, six months run off", "2012-09-30", 3_000_000n],
    ["at the term's end", "2013-03-31", 0n],
    ["after the term", "2014-01-01", 0n],
  ])("O&M runs off month by month: %s (%s) → %s yen", (_, date, expected) => {
    expect(orderBacklog(operation, [], date)).toBe(expected);
  });

  it("rounds the recognised part half-up to the yen and keeps backlog + recognised = value", () => {
    const small = { ...byProgress, orderValueYen: 5n, acceptedOn: null };
    const half = [{ ...progress[1]!, percentComplete: new Decimal(50) }];
    expect(recognizedThrough(small, half, "2012-07-01")).toBe(3n);
    expect(orderBacklog(small, half, "2012-07-01")).toBe(2n);
    const odd = { ...byProgress, orderValueYen: 1_000_001n, acceptedOn: null };
    const third = [{ ...progress[1]!, percentComplete: new Decimal("33.3333") }];
    expect(recognizedThrough(odd, third, "2012-07-01")).toBe(333_333n);
    expect(orderBacklog(odd, third, "2012-07-01")).toBe(666_668n);
  });

  it("reads percent complete as the latest report, 100 once accepted, 0 before any", () => {
    expect(percentCompleteOn(byProgress, progress, "2012-05-01").toFixed()).toBe("0");
    expect(percentCompleteOn(byProgress, progress, "2012-10-01").toFixed()).toBe("62.5");
    expect(percentCompleteOn(byProgress, progress, "2012-12-20").toFixed()).toBe("100");
  });
});

describe("revenue earned in a period, by recognition method", () => {
  it.each([
    ["1Q12", "2012-04-01", "2012-06-30", 2_500_000n, 3_000_000n, 1_500_000n],
    ["2Q12", "2012-07-01", "2012-09-30", 3_750_000n, 0n, 1_500_000n],
    ["3Q12", "2012-10-01", "2012-12-31", 3_750_000n, 0n, 1_500_000n],
    ["4Q11", "2012-01-01", "2012-03-31", 0n, 0n, 0n],
  ])("%s: %s..%s", (_, from, to, poc, acceptance, monthly) => {
    const revenues = projectRevenues(
      [byProgress, onAcceptance, operation],
      new Map([["P1", progress]]),
      from,
      to,
    );
    expect(revenueByMethod(revenues)).toEqual({
      percentage_of_completion: poc,
      on_acceptance: acceptance,
      monthly,
    });
  });

  it("adds up over the quarters to the whole order value", () => {
    const quarters = [
      ["2012-04-01", "2012-06-30"],
      ["2012-07-01", "2012-09-30"],
      ["2012-10-01", "2012-12-31"],
      ["2013-01-01", "2013-03-31"],
    ] as const;
    for (const project of [byProgress, operation]) {
      const total = quarters
        .map(([from, to]) => revenueEarned(project, progress, from, to))
        .reduce((a, b) => a + b, 0n);
      expect(total).toBe(project.orderValueYen);
    }
  });

  it("leaves out projects that earned nothing, and says how each one is recognised", () => {
    const revenues = projectRevenues(
      [byProgress, onAcceptance],
      new Map([["P1", progress]]),
      "2012-07-01",
      "2012-09-30",
    );
    expect(revenues).toEqual([
      {
        projectId: "P1",
        customerId: "C00001",
        kind: "construction",
        recognition: "percentage_of_completion",
        revenueYen: 3_750_000n,
      },
    ]);
  });
});

describe("orders received and backlog totals, with equipment orders in construction", () => {
  const delivery: EquipmentDelivery = {
    id: "D1",
    customerId: "C00001",
    projectId: null,
    orderedOn: "2012-08-20",
    deliveredOn: "2012-10-05",
    amountYen: 800_000n,
    costYen: 600_000n,
    description: "routers",
  };
  const projects = [byProgress, onAcceptance, operation];

  it.each([
    ["3Q11", "2011-10-01", "2011-12-31", 3_000_000n, 0n, 0n],
    ["4Q11", "2012-01-01", "2012-03-31", 0n, 6_000_000n, 0n],
    ["1Q12", "2012-04-01", "2012-06-30", 10_000_000n, 0n, 0n],
    ["2Q12", "2012-07-01", "2012-09-30", 800_000n, 0n, 800_000n],
  ])("orders received in %s", (_, from, to, construction, operationOrders, equipment) => {
    expect(totalOrdersReceived(projects, [delivery], from, to)).toEqual({
      construction,
      operation: operationOrders,
      equipment,
    });
  });

  it.each([
    ["2012-03-31", 3_000_000n, 6_000_000n, 0n],
    ["2012-06-30", 7_500_000n, 4_500_000n, 0n],
    ["2012-09-30", 3_750_000n + 800_000n, 3_000_000n, 800_000n],
    ["2012-10-05", 3_750_000n, 3_000_000n, 0n],
  ])("backlog on %s", (date, construction, operationBacklog, equipment) => {
    expect(totalBacklog(projects, new Map([["P1", progress]]), [delivery], date)).toEqual({
      construction,
      operation: operationBacklog,
      equipment,
    });
  });
});
