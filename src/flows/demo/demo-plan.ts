import type { FxRate } from "../../billing/index.js";
import { type PriceBook, priceOn } from "../../catalog/index.js";
import type { ContractEvent } from "../../contracts/index.js";
import { addMonths, allocate, Decimal, lastDayOf, type Money, yen } from "../../core/index.js";
import type { Customer, GroupCompany, Industry } from "../../customers/index.js";
import type { AtmWithdrawal } from "../../metering/index.js";
import type {
  Atm,
  CostRecord,
  EquipmentDelivery,
  ProgressReport,
  SiProject,
} from "../../operations/index.js";
import { calibrateBandwidth } from "./bandwidth-calibration.js";
import {
  type DemoCustomer,
  planPopulation,
  type RevenueBand,
  WeightedCustomers,
} from "./customer-population.js";
import {
  ATM_FLEET,
  AVERAGE_MONTHLY_FEE,
  CUSTOMERS_AT_END,
  CUSTOMERS_AT_START,
  DEMO_ATM_OPERATOR,
  DEMO_GROUP,
  DEMO_PARENT,
  METERED_MONTHS,
  MONTHLY_CHURN,
  OVERSEAS_CUSTOMERS,
} from "./demo-settings.js";
import { COST_METRICS, type DemoTargets, interpolate, RECURRING_LINES } from "./demo-targets.js";
import { planFxRates, planWithdrawals } from "./demo-usage.js";
import {
  bookTotal,
  type ContractTerms,
  cancelContracts,
  drawTerms,
  type LineBookPlan,
  newBookState,
  openContracts,
  type PlanMix,
} from "./recurring-book.js";
import { SeededRandom } from "./seeded-random.js";

/** Everything the demo company holds, planned in memory before a row is written. */
export interface DemoPlan {
  /** The months the demo runs, `YYYY-MM`. */
  readonly months: readonly string[];
  readonly groupCompanies: readonly GroupCompany[];
  readonly customers: readonly Customer[];
  readonly contractEvents: readonly ContractEvent[];
  readonly projects: readonly SiProject[];
  readonly progressReports: readonly ProgressReport[];
  readonly deliveries: readonly EquipmentDelivery[];
  readonly atms: readonly Atm[];
  readonly costRecords: readonly CostRecord[];
  readonly fxRates: readonly FxRate[];
  readonly withdrawals: readonly AtmWithdrawal[];
  /** The burstable contracts' histories, whose traffic is metered (see planBurstSamples). */
  readonly burstable: ReadonlyMap<string, readonly ContractEvent[]>;
  /** Months whose traffic the demo meters: the latest half year. */
  readonly meteredMonths: readonly string[];
}

/** The bank network that pays the ATM commissions, as a customer of the ATM operator. */
const ATM_NETWORK: Customer = {
  id: "CBANK1",
  name: "Japan Cash Network (ATM commissions)",
  industry: "financial",
  country: "JP",
  groupCompanyId: DEMO_ATM_OPERATOR,
  billingCurrency: "JPY",
  status: "active",
  statusSince: "2007-10-01",
  billingAddress: "1-1 Marunouchi, Tokyo",
};
const ATM_CONTRACT_EVENTS: readonly ContractEvent[] = (["ordered", "activated"] as const).map(
  (kind) => ({
    contractId: "CTATM0001",
    customerId: ATM_NETWORK.id,
    kind,
    effectiveDate: "2007-10-01",
    planId: kind === "ordered" ? "atm-withdrawal" : null,
    priceBookId: kind === "ordered" ? "standard" : null,
    bandwidthMbps: null,
    quantity: null,
    monthlyFee: null,
    note: "commission per withdrawal at the group's ATMs",
  }),
);
const BURSTABLE_PLANS = new Set(["ip-service-burst", "cdn"]);

export interface DemoShape {
  readonly seed: number;
  /** Multiplies customers, contracts and every amount, for load tests. */
  readonly scale: number;
  readonly bands: readonly RevenueBand[];
  readonly industryShares: ReadonlyMap<Industry, number>;
}

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, "0")}`;

function lineMixes(book: PriceBook): Map<string, PlanMix[]> {
  const price = (planId: string) => (bandwidth: number | null) => {
    const p = priceOn(book, planId, "2011-04-01", bandwidth ?? 1).charge as Money;
    return Number(p.amount);
  };
  const setup = (planId: string) => (date: string, bandwidth: number | null) =>
    priceOn(book, planId, date, bandwidth ?? 1).entry.setupFee?.amount ?? 0n;
  const mix = (
    planId: string,
    weight: number,
    quantity: [number, number],
    tiers?: [number, number][],
    countsTowardBandwidth = false,
  ): PlanMix =>
    tiers
      ? {
          planId,
          weight,
          quantity,
          tiers,
          listPrice: price(planId),
          setupFee: setup(planId),
          countsTowardBandwidth,
        }
      : {
          planId,
          weight,
          quantity,
          listPrice: price(planId),
          setupFee: setup(planId),
          countsTowardBandwidth,
        };
  return new Map([
    [
      "revenue.network.connectivity_corporate",
      [
        mix(
          "ip-service",
          60,
          [1, 1],
          [
            [1, 2],
            [2, 2],
            [3, 2],
            [5, 6],
            [10, 12],
            [20, 10],
            [30, 8],
            [50, 12],
            [100, 18],
            [200, 8],
            [300, 5],
            [500, 4],
            [1000, 0.6],
            [2000, 0.2],
            [3000, 0.1],
            [5000, 0.05],
            [10000, 0.03],
          ],
          true,
        ),
        mix(
          "ip-service-burst",
          4,
          [1, 1],
          [
            [10, 3],
            [100, 5],
            [1000, 1],
          ],
          true,
        ),
        mix(
          "dc-connectivity",
          10,
          [1, 1],
          [
            [10, 2],
            [100, 5],
            [1000, 1],
          ],
          true,
        ),
        mix(
          "fiber-access",
          14,
          [1, 4],
          [
            [100, 8],
            [200, 2],
          ],
          true,
        ),
        mix(
          "dsl-access",
          6,
          [1, 6],
          [
            [8, 3],
            [12, 3],
            [50, 4],
          ],
          true,
        ),
        mix("ipv6-service", 6, [1, 3]),
      ],
    ],
    [
      "revenue.network.connectivity_home",
      [
        mix("consumer-fiber", 40, [20, 600]),
        mix("consumer-dsl", 20, [20, 400]),
        mix("mobile-lte", 25, [10, 300]),
        mix("mobile-3g", 15, [10, 300]),
      ],
    ],
    [
      "revenue.network.wan",
      [
        mix(
          "ethernet-wan",
          80,
          [2, 40],
          [
            [1, 2],
            [10, 5],
            [100, 3],
            [1000, 0.5],
          ],
        ),
        mix(
          "global-wan",
          20,
          [1, 12],
          [
            [2, 3],
            [10, 4],
            [100, 1],
          ],
        ),
      ],
    ],
    [
      "revenue.network.outsourcing",
      [
        mix("managed-firewall", 14, [1, 6]),
        mix("ddos-protection", 5, [1, 3]),
        mix("url-filtering", 8, [100, 3000]),
        mix("anti-spam", 8, [100, 5000]),
        mix("housing-rack", 12, [1, 12]),
        mix("email-service", 10, [50, 3000]),
        mix("web-hosting", 10, [1, 10]),
        mix("online-storage", 6, [1, 40]),
        mix(
          "cdn",
          3,
          [1, 1],
          [
            [100, 3],
            [1000, 1],
          ],
        ),
        mix("network-management", 10, [2, 60]),
        mix("vpn-site", 8, [2, 80]),
        mix("gio-hosting", 6, [1, 40]),
      ],
    ],
    ["revenue.si.operation", [mix("si-operation", 60, [1, 3]), mix("gio-component", 40, [5, 200])]],
  ]);
}

export function planDemoCompany(targets: DemoTargets, book: PriceBook, shape: DemoShape): DemoPlan {
  const root = new SeededRandom(shape.seed);
  const scale = BigInt(shape.scale);
  const months = targets.months;
  const monthly = (metric: string) => (targets.monthly.get(metric) ?? []).map((v) => v * scale);

  // Customers: the final population, of which most are there from the start.
  const population = planPopulation(
    {
      customerCount: CUSTOMERS_AT_END * shape.scale,
      bands: shape.bands,
      industryShares: shape.industryShares,
      groupCompanyId: DEMO_PARENT,
      overseas: OVERSEAS_CUSTOMERS.map((o) => ({ ...o, count: o.count * shape.scale })),
    },
    root.fork("customers"),
    day(months[0]!, 1),
  );
  const joinRandom = root.fork("joiners");
  const joinersCount = (CUSTOMERS_AT_END - CUSTOMERS_AT_START) * shape.scale;
  // Joiners come from beyond the largest 200: a new customer rarely starts among the biggest.
  const joinerPool = population.slice(200 * shape.scale);
  const joiners = new Set<DemoCustomer>();
  while (joiners.size < joinersCount)
    joiners.add(joinerPool[joinRandom.integer(0, joinerPool.length - 1)]!);
  const joinMonth = new Map<DemoCustomer, number>();
  for (const [i, c] of [...joiners].entries()) {
    joinMonth.set(c, 1 + Math.floor((i * (months.length - 1)) / joinersCount));
  }
  const initial = population.filter((c) => !joiners.has(c));

  const projects = planConstruction(
    targets,
    monthly("revenue.si.construction"),
    population,
    root.fork("construction"),
  );
  const omFees = operationFees(projects.projects, months);

  // Contracts, line by line, month by month.
  const mixes = lineMixes(book);
  const state = newBookState();
  const random = root.fork("contracts");
  const active = new WeightedCustomers();
  for (const c of initial) active.add(c);
  const lines: LineBookPlan[] = RECURRING_LINES.map((lineMetric) => ({
    lineMetric,
    mix: mixes.get(lineMetric)!,
    monthlyChurn: MONTHLY_CHURN,
  }));
  const lineTargets = new Map<string, bigint[]>(
    RECURRING_LINES.map((line) => [
      line,
      monthly(line).map((v, m) => (line === "revenue.si.operation" ? v - (omFees[m] ?? 0n) : v)),
    ]),
  );
  const counts = new Map<string, number>(
    RECURRING_LINES.map((line) => [
      line,
      Math.max(1, Math.round(Number(lineTargets.get(line)![0]!) / AVERAGE_MONTHLY_FEE[line]!)),
    ]),
  );

  // The base book: every initial customer holds one contract, in a line drawn by its size.
  const anchors = new Map<string, DemoCustomer[]>(RECURRING_LINES.map((l) => [l, []]));
  for (const customer of initial) {
    const line: string = random.weighted(RECURRING_LINES.map((l) => [l, counts.get(l)!] as const));
    anchors.get(line)!.push(customer);
  }
  for (const line of lines) {
    const holders = [...anchors.get(line.lineMetric)!];
    while (holders.length < counts.get(line.lineMetric)!) holders.push(active.pick(random));
    // The base book was ordered and activated in the months before the demo's first.
    const terms = drawTerms(line.mix, holders.length, random);
    openContracts(state, line, lineTargets.get(line.lineMetric)![0]!, terms, holders, (i) => {
      const date = day(addMonths(months[0]!, -1 - (i % 5)), 1);
      return { ordered: date, activated: date };
    });
  }

  const bandwidthTargets = interpolate(
    months.map((_, m) =>
      m % 3 === 2
        ? targets.contractedBandwidthGbps[(m - 2) / 3]!.toNumber() * 1000 * shape.scale
        : null,
    ),
  );
  const over1GbpsTargets = interpolate(
    months.map((_, m) =>
      m % 3 === 2 ? targets.contractsOver1Gbps[(m - 2) / 3]! * shape.scale : null,
    ),
  );

  for (let m = 0; m < months.length; m++) {
    const first = day(months[m]!, 1);
    if (m > 0) {
      const newcomers = [...joinMonth].filter(([, jm]) => jm === m).map(([c]) => c);
      for (const c of newcomers) active.add(c);
      const adds = new Map<string, bigint>();
      for (const line of lines) {
        const target = lineTargets.get(line.lineMetric)!;
        const before = bookTotal(state, line.lineMetric);
        const churn = BigInt(Math.round(Number(before) * line.monthlyChurn));
        const floor = before - target[m]! > 0n ? before - target[m]! : 0n;
        const cancelled = cancelContracts(
          state,
          line.lineMetric,
          churn > floor ? churn : floor,
          first,
          random,
        );
        adds.set(line.lineMetric, target[m]! - before + cancelled);
      }
      const newcomerLines = newcomers.map(
        (c) =>
          [
            c,
            random.weighted(
              lines.map(
                (l) => [l.lineMetric, Math.max(1, Number(adds.get(l.lineMetric)!))] as const,
              ),
            ),
          ] as const,
      );
      for (const line of lines) {
        const growth = adds.get(line.lineMetric)!;
        if (growth <= 0n) continue;
        const holders = newcomerLines.filter(([, l]) => l === line.lineMetric).map(([c]) => c);
        const count = Math.max(
          holders.length,
          Math.round(Number(growth) / AVERAGE_MONTHLY_FEE[line.lineMetric]!),
          1,
        );
        while (holders.length < count) holders.push(active.pick(random));
        // Billing adds each new contract's set-up fee in its first month, so the month's revenue
        // target carries those fees and the new monthly fees carry the rest of the growth.
        let terms = drawTerms(line.mix, count, random);
        const setupOf = (t: ContractTerms) =>
          t.plan.setupFee(first, t.bandwidthMbps) * BigInt(t.quantity);
        const setupTotal = (list: readonly ContractTerms[]) =>
          list.reduce((sum, t) => sum + setupOf(t), 0n);
        while (terms.length > 1 && setupTotal(terms) * 4n > growth) {
          terms = terms.slice(0, Math.ceil(terms.length / 2));
        }
        const monthlyFees = growth - setupTotal(terms);
        if (monthlyFees <= 0n) continue;
        openContracts(state, line, monthlyFees, terms, holders.slice(0, terms.length), () => {
          const ordered = day(addMonths(months[m]!, -random.integer(1, 2)), random.integer(1, 28));
          return { ordered, activated: first };
        });
      }
      // A joiner whose line had nothing to add this month starts with the next month's adds.
      for (const [c] of newcomerLines) {
        if (!state.activeByCustomer.has(c.id)) joinMonth.set(c, Math.min(m + 1, months.length - 1));
      }
    }
    calibrateBandwidth(
      state,
      {
        totalMbps: Math.round(bandwidthTargets[m]!),
        contractsOver1Gbps: Math.round(over1GbpsTargets[m]!),
        toleranceMbps: Math.max(500, bandwidthTargets[m]! * 0.001),
      },
      m,
      first,
      random,
    );
  }

  const customers = population
    .filter((c) => state.activeByCustomer.has(c.id) || projects.customers.has(c.id))
    .map((c): Customer => {
      const since = joinMonth.has(c) ? day(months[joinMonth.get(c)!]!, 1) : c.statusSince;
      return {
        id: c.id,
        name: c.name,
        industry: c.industry,
        country: c.country,
        groupCompanyId: c.groupCompanyId,
        billingCurrency: c.billingCurrency,
        status: "active",
        statusSince: since,
        billingAddress: c.billingAddress,
      };
    });

  const atms = planAtms(months, shape.scale, root.fork("atms"));
  const commission = priceOn(book, "atm-withdrawal", day(months[0]!, 1), 1).entry.amount.amount;
  const burstable = new Map<string, ContractEvent[]>();
  for (const event of state.events) {
    const contract = event.kind === "ordered" && BURSTABLE_PLANS.has(event.planId ?? "");
    if (contract) burstable.set(event.contractId, []);
    burstable.get(event.contractId)?.push(event);
  }
  return {
    months,
    groupCompanies: DEMO_GROUP,
    customers: [...customers, ATM_NETWORK],
    contractEvents: [...state.events, ...ATM_CONTRACT_EVENTS],
    projects: projects.projects,
    progressReports: projects.progress,
    deliveries: planDeliveries(targets, scale, population, root.fork("deliveries")),
    atms,
    costRecords: planCosts(targets, scale),
    fxRates: planFxRates(),
    withdrawals: planWithdrawals(
      atms,
      months,
      monthly("revenue.atm"),
      commission,
      root.fork("withdrawals"),
    ),
    burstable,
    meteredMonths: months.slice(-METERED_MONTHS),
  };
}

interface ConstructionPlan {
  projects: SiProject[];
  progress: ProgressReport[];
  customers: Set<string>;
}

/**
 * Construction projects whose recognised revenue adds up to each month's target: some recognised
 * on acceptance in the month they are accepted, the rest by percentage of completion, reported at
 * each month end. A third of finished projects are followed by an operation contract.
 */
function planConstruction(
  targets: DemoTargets,
  monthlyTarget: readonly bigint[],
  population: readonly DemoCustomer[],
  random: SeededRandom,
): ConstructionPlan {
  const picker = new WeightedCustomers();
  for (const c of population) picker.add(c);
  const projects: SiProject[] = [];
  const progress: ProgressReport[] = [];
  const customers = new Set<string>();
  let next = 1;
  interface Running {
    project: SiProject;
    recognized: bigint;
    burn: bigint;
  }
  const running: Running[] = [];
  const months = targets.months;
  const newProject = (
    month: string,
    value: bigint,
    duration: number,
    acceptedOn: string | null,
  ): SiProject => {
    const customer = picker.pick(random);
    customers.add(customer.id);
    const project: SiProject = {
      id: `PJ${String(next++).padStart(6, "0")}`,
      customerId: customer.id,
      name: random.pick([
        "Network renewal",
        "Data center migration",
        "Private cloud platform",
        "Disaster recovery site",
        "E-commerce platform",
        "FX trading network",
        "Campus network",
      ]),
      kind: "construction",
      recognition: acceptedOn ? "on_acceptance" : "percentage_of_completion",
      orderedOn: day(month, random.integer(1, 28)),
      orderValueYen: value,
      followsProjectId: null,
      acceptedOn,
      startsOn: null,
      endsOn: null,
      monthlyFeeYen: null,
    };
    projects.push(project);
    if (!acceptedOn) running.push({ project, recognized: 0n, burn: value / BigInt(duration) });
    return project;
  };
  const operations: SiProject[] = [];
  const finish = (r: Running, month: number, reportedOn: string) => {
    const index = projects.indexOf(r.project);
    projects[index] = { ...r.project, acceptedOn: reportedOn };
    if (random.next() < 0.33) {
      const start = addMonths(months[month]!, 1);
      const term = random.integer(12, 36);
      const fee = (r.project.orderValueYen * 15n) / 1000n;
      operations.push({
        id: `PJ${String(next++).padStart(6, "0")}`,
        customerId: r.project.customerId,
        name: `Operation of ${r.project.name.toLowerCase()}`,
        kind: "operation",
        recognition: "monthly",
        orderedOn: reportedOn,
        orderValueYen: fee * BigInt(term),
        followsProjectId: r.project.id,
        acceptedOn: null,
        startsOn: day(start, 1),
        endsOn: lastDayOf(addMonths(start, term - 1)),
        monthlyFeeYen: fee,
      });
    }
  };

  // Work in progress at the start, reported a third done at the month before.
  const before = addMonths(months[0]!, -1);
  let wip = monthlyTarget[0]! * 3n;
  while (wip > 0n) {
    const value = BigInt(random.integer(20, 200)) * 1_000_000n;
    const project = newProject(
      addMonths(months[0]!, -random.integer(2, 5)),
      value,
      random.integer(4, 9),
      null,
    );
    const r = running[running.length - 1]!;
    r.recognized = value / 3n;
    progress.push({
      projectId: project.id,
      customerId: project.customerId,
      reportedOn: lastDayOf(before),
      percentComplete: percentOf(r.recognized, value),
    });
    wip -= value;
  }

  for (let m = 0; m < months.length; m++) {
    const month = months[m]!;
    let remaining = monthlyTarget[m]!;
    // About a sixth recognised on acceptance, in one or two projects accepted this month.
    const onAcceptance = (remaining * BigInt(random.integer(10, 22))) / 100n;
    const parts = random.integer(1, 2);
    for (const share of allocate(
      yen(onAcceptance),
      Array.from({ length: parts }, () => random.integer(1, 3)),
    )) {
      if (share.amount <= 0n) continue;
      newProject(
        addMonths(month, -random.integer(2, 5)),
        share.amount,
        1,
        day(month, random.integer(5, 28)),
      );
      remaining -= share.amount;
    }
    // Enough work running to carry the rest at a steady pace.
    let capacity = running.reduce(
      (sum, r) => sum + minBig(r.burn, r.project.orderValueYen - r.recognized),
      0n,
    );
    while (capacity < remaining) {
      const duration = random.integer(3, 9);
      const value = BigInt(random.integer(10, 250)) * 1_000_000n;
      newProject(month, value, duration, null);
      capacity += value / BigInt(duration);
    }
    const shares = allocate(
      yen(remaining),
      running.map((r) => minBig(r.burn, r.project.orderValueYen - r.recognized)),
    );
    const reportedOn = lastDayOf(month);
    running.forEach((r, i) => {
      const share = shares[i]!.amount;
      if (share <= 0n) return;
      r.recognized += share;
      progress.push({
        projectId: r.project.id,
        customerId: r.project.customerId,
        reportedOn,
        percentComplete: percentOf(r.recognized, r.project.orderValueYen),
      });
    });
    for (const r of [...running]) {
      if (r.recognized >= r.project.orderValueYen) {
        finish(r, m, reportedOn);
        running.splice(running.indexOf(r), 1);
      }
    }
  }
  return { projects: [...projects, ...operations], progress, customers };
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Exact percent to six decimals (half-up), the precision progress is reported in. */
function percentOf(part: bigint, whole: bigint): Decimal {
  return new Decimal(part.toString()).div(whole.toString()).times(100).toDecimalPlaces(6);
}

/** Monthly fees of operation projects in force in each demo month. */
function operationFees(projects: readonly SiProject[], months: readonly string[]): bigint[] {
  return months.map((month) => {
    const first = day(month, 1);
    let total = 0n;
    for (const p of projects) {
      if (p.kind === "operation" && p.startsOn! <= first && p.endsOn! >= first)
        total += p.monthlyFeeYen!;
    }
    return total;
  });
}

function planDeliveries(
  targets: DemoTargets,
  scale: bigint,
  population: readonly DemoCustomer[],
  random: SeededRandom,
): EquipmentDelivery[] {
  const picker = new WeightedCustomers();
  for (const c of population) picker.add(c);
  const revenue = targets.monthly.get("revenue.equipment")!;
  const cost = targets.monthly.get("cost.equipment")!;
  const deliveries: EquipmentDelivery[] = [];
  targets.months.forEach((month, m) => {
    const weights = Array.from({ length: random.integer(3, 6) * Number(scale) }, () =>
      random.integer(1, 10),
    );
    const amounts = allocate(yen(revenue[m]! * scale), weights);
    const costs = allocate(yen(cost[m]! * scale), weights);
    amounts.forEach((amount, i) => {
      const deliveredOn = day(month, random.integer(1, 28));
      deliveries.push({
        id: `EQ${String(deliveries.length + 1).padStart(6, "0")}`,
        customerId: picker.pick(random).id,
        projectId: null,
        orderedOn: day(addMonths(month, -random.integer(1, 2)), random.integer(1, 28)),
        deliveredOn,
        amountYen: amount.amount,
        costYen: costs[i]!.amount,
        description: random.pick([
          "Routers",
          "Firewall appliances",
          "Switches",
          "Servers",
          "Wireless access points",
        ]),
      });
    });
  });
  return deliveries;
}

const ATM_SITES = [
  "Station",
  "Mall",
  "Supermarket",
  "Hospital",
  "Airport",
  "Office Tower",
  "Hotel",
];
const ATM_TOWNS = [
  "Shinjuku",
  "Shibuya",
  "Umeda",
  "Sakae",
  "Tenjin",
  "Sapporo",
  "Sendai",
  "Yokohama",
  "Kobe",
  "Naha",
];

/** The fleet grows in a straight line between the settings' points, placed through each month. */
function planAtms(months: readonly string[], scale: number, random: SeededRandom): Atm[] {
  const points = new Map(ATM_FLEET.map(([date, count]) => [date.slice(0, 7), count * scale]));
  const start = ATM_FLEET[0]![1] * scale;
  const path = interpolate(months.map((m) => points.get(m) ?? null));
  const atms: Atm[] = [];
  const place = (placedOn: string) => {
    const n = atms.length + 1;
    atms.push({
      id: `ATM${String(n).padStart(5, "0")}`,
      location: `${random.pick(ATM_TOWNS)} ${random.pick(ATM_SITES)} #${n}`,
      placedOn,
      removedOn: null,
      groupCompanyId: DEMO_ATM_OPERATOR,
    });
  };
  for (let i = 0; i < start; i++)
    place(day(addMonths(months[0]!, -random.integer(1, 40)), random.integer(1, 28)));
  months.forEach((month, m) => {
    const target = Math.round(path[m]!);
    while (atms.length < target) place(day(month, random.integer(1, 28)));
  });
  return atms;
}

function planCosts(targets: DemoTargets, scale: bigint): CostRecord[] {
  const records: CostRecord[] = [];
  for (const metric of COST_METRICS) {
    // Equipment costs come with each delivery; recording them here as well would count them twice.
    if (metric === "cost.equipment") continue;
    const [kind, segmentOrCategory, category] = metric.split(".") as [
      string,
      string,
      string | undefined,
    ];
    const segment = kind === "sga" ? "sga" : segmentOrCategory;
    const name = kind === "sga" ? segmentOrCategory : (category ?? "other");
    const groupCompanyId = segment === "atm" ? DEMO_ATM_OPERATOR : DEMO_PARENT;
    targets.monthly.get(metric)!.forEach((amount, m) => {
      records.push({
        month: targets.months[m]!,
        groupCompanyId,
        segment: segment as CostRecord["segment"],
        category: name,
        amountYen: amount * scale,
      });
    });
  }
  return records;
}
