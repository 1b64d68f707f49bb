import type { Customer, Industry } from "../../customers/index.js";
import type { SeededRandom } from "./seeded-random.js";

// The demo's customers: a few thousand enterprises whose revenue concentrates as the presented
// company's does (top 100 about 53%, about 500 making up three quarters) and whose industries
// carry the presented shares of revenue. Both distributions come from the reported facts.

export interface RevenueBand {
  /** Ranks first..last (1-based), last = Infinity for the tail. */
  readonly first: number;
  readonly last: number;
  /** Share of revenue, percent. */
  readonly sharePct: number;
}

export interface DemoCustomer extends Customer {
  /** Relative size: the chance a new contract goes to this customer. */
  readonly weight: number;
}

export interface PopulationPlan {
  readonly customerCount: number;
  readonly bands: readonly RevenueBand[];
  readonly industryShares: ReadonlyMap<Industry, number>;
  readonly groupCompanyId: string;
  /** Customers abroad, billed in their currency by the overseas subsidiaries. */
  readonly overseas: readonly {
    country: string;
    currency: "USD" | "CNY" | "THB";
    groupCompanyId: string;
    count: number;
  }[];
}

const NAME_STEMS = [
  "Asahi",
  "Fuji",
  "Hikari",
  "Kaede",
  "Midori",
  "Nishiki",
  "Sakura",
  "Tsubasa",
  "Yamato",
  "Aoba",
  "Hoshi",
  "Kawa",
  "Minato",
  "Nagomi",
  "Shiro",
  "Takumi",
  "Umi",
  "Wakaba",
  "Hinode",
  "Izumi",
];
const NAME_KINDS: Record<Industry, readonly string[]> = {
  communication_it: ["Networks", "Systems", "Telecom", "Data", "Software"],
  media_service: ["Media", "Publishing", "Entertainment", "Services", "Travel"],
  financial: ["Bank", "Securities", "Insurance", "Finance", "Capital"],
  machinery_manufacturing: ["Machinery", "Electric", "Precision", "Motors", "Industries"],
  government_public: ["Prefecture Office", "City Office", "University", "Agency", "Institute"],
  retail: ["Retail", "Stores", "Foods", "Trading", "Department Store"],
  construction: ["Construction", "Engineering", "Builders", "Housing", "Civil Works"],
};

/** Each customer's weight so that the bands carry their shares; within a band, a gentle slope. */
export function rankWeights(count: number, bands: readonly RevenueBand[]): number[] {
  const weights: number[] = new Array(count).fill(0);
  for (const band of bands) {
    const last = Math.min(band.last, count);
    const size = last - band.first + 1;
    if (size <= 0) continue;
    // Zipf-like within the band, so rank 1 is larger than rank 100 but the band keeps its share.
    const raw = Array.from({ length: size }, (_, i) => 1 / (i + 3) ** 0.6);
    const total = raw.reduce((a, b) => a + b, 0);
    raw.forEach((r, i) => {
      weights[band.first - 1 + i] = (band.sharePct * r) / total;
    });
  }
  return weights;
}

export function planPopulation(
  plan: PopulationPlan,
  random: SeededRandom,
  firstDay: string,
): DemoCustomer[] {
  const weights = rankWeights(plan.customerCount, plan.bands);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const industries = [...plan.industryShares];
  const assigned = new Map<Industry, number>(industries.map(([i]) => [i, 0]));
  const overseasSlots = plan.overseas.flatMap((o) => Array.from({ length: o.count }, () => o));
  const customers: DemoCustomer[] = [];
  for (let rank = 0; rank < plan.customerCount; rank++) {
    const weight = weights[rank]!;
    // The industry furthest below its share of revenue so far is the likeliest.
    const deficits = industries.map(
      ([industry, share]) =>
        [
          industry,
          Math.max(1e-9, (share / 100) * totalWeight - (assigned.get(industry) ?? 0)),
        ] as const,
    );
    const industry = random.weighted(deficits);
    assigned.set(industry, (assigned.get(industry) ?? 0) + weight);
    // Overseas customers sit in the long tail, one in every so many, until the quota is used.
    const abroad =
      rank >= 500 && overseasSlots.length > 0 && random.next() < 0.02
        ? overseasSlots.shift()
        : undefined;
    const id = `C${String(rank + 1).padStart(5, "0")}`;
    const stem = random.pick(NAME_STEMS);
    const kind = random.pick(NAME_KINDS[industry]);
    customers.push({
      id,
      name: `${stem} ${kind} ${abroad ? abroad.country : ""}${rank + 1}`.replace("  ", " "),
      industry,
      country: abroad?.country ?? "JP",
      groupCompanyId: abroad?.groupCompanyId ?? plan.groupCompanyId,
      billingCurrency: abroad?.currency ?? "JPY",
      status: "active",
      statusSince: firstDay,
      billingAddress: abroad
        ? `${rank + 1} Harbor Street, ${abroad.country}`
        : `${1 + (rank % 9)}-${1 + (rank % 30)} Chiyoda, Tokyo`,
      weight,
    });
  }
  return customers;
}

/** Picks customers by weight in O(log n): the cumulative weights, searched by bisection. */
export class WeightedCustomers {
  private readonly cumulative: number[] = [];
  private readonly customers: DemoCustomer[] = [];
  private total = 0;

  add(customer: DemoCustomer): void {
    this.total += customer.weight;
    this.cumulative.push(this.total);
    this.customers.push(customer);
  }

  pick(random: SeededRandom): DemoCustomer {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return this.customers[low]!;
  }
}
