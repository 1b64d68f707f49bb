import type { Transaction } from "kysely";
import { insertFxRates, runBilling } from "../../billing/index.js";
import { importStandardCatalog, loadPriceBook, STANDARD_PRICE_BOOK } from "../../catalog/index.js";
import { insertContractEvents } from "../../contracts/index.js";
import { parsePeriod, UplinkError } from "../../core/index.js";
import {
  countCustomers,
  INDUSTRIES,
  type Industry,
  insertCustomers,
  insertGroupCompanies,
} from "../../customers/index.js";
import {
  importStandardShares,
  type JournalEntry,
  ledgerTrialBalance,
  listDividends,
  listShareCounts,
  listStockSplits,
  monthWindow,
  postEntries,
  saveTranslationRates,
} from "../../ledger/index.js";
import { writeSampleBlocks, writeWithdrawals } from "../../metering/index.js";
import {
  insertAtms,
  insertCostRecords,
  insertDeliveries,
  insertProgressReports,
  insertProjects,
} from "../../operations/index.js";
import { loadValueResolver, type ValueResolver } from "../../reporting/index.js";
import { type Database, readMeta, type Store, writeMeta } from "../../store/index.js";
import { bookMonth } from "../close/month-books.js";
import type { RevenueBand } from "./customer-population.js";
import { demoBelowTheLine, demoDividendPayments } from "./demo-below-the-line.js";
import { demoOpeningBalances } from "./demo-opening-balances.js";
import { type DemoPlan, planDemoCompany } from "./demo-plan.js";
import { DEFAULT_SEED, DEMO_PARENT, METERED_MONTHS } from "./demo-settings.js";
import { DEMO_QUARTERS, demoTargets } from "./demo-targets.js";
import { demoTranslationRates } from "./demo-translation-rates.js";
import { planBurstSamples } from "./demo-usage.js";
import { SeededRandom } from "./seeded-random.js";

// Builds the demo company into a store: plans it in memory (deterministic from the seed), then
// writes it phase by phase, each phase in one transaction that also records the phase as done.
// A build killed part-way loses only its current phase, and a re-run skips what is done, so it
// ends identical to a build that was never interrupted.

export interface DemoOptions {
  readonly seed?: number;
  readonly scale?: number;
  readonly onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  readonly phase: string;
  readonly step: number;
  readonly steps: number;
  readonly detail: string;
  readonly skipped: boolean;
}

export interface DemoSummary {
  readonly seed: number;
  readonly scale: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly phasesRun: readonly string[];
}

const SETTINGS_KEY = "demo.settings";
// v2: the build books every month it bills; a folder finished by an earlier build resumes and
// books its months.
const SUMMARY_KEY = "demo.summary.v2";

interface Phase {
  readonly name: string;
  readonly rows: (plan: DemoPlan) => Record<string, number>;
  readonly write: (store: Store, plan: DemoPlan) => Promise<void>;
}

const RECORD_PHASES: readonly Phase[] = [
  {
    name: "customers",
    rows: (p) => ({ group_companies: p.groupCompanies.length, customers: p.customers.length }),
    write: (store, plan) =>
      inTransaction(store, "customers", async (tx) => {
        await insertGroupCompanies(tx, plan.groupCompanies);
        await insertCustomers(tx, plan.customers);
      }),
  },
  {
    name: "contracts",
    rows: (p) => ({
      contracts: p.contractEvents.filter((e) => e.kind === "ordered").length,
      contract_events: p.contractEvents.length,
    }),
    write: (store, plan) =>
      inTransaction(store, "contracts", (tx) => insertContractEvents(tx, plan.contractEvents)),
  },
  {
    name: "projects",
    rows: (p) => ({
      si_projects: p.projects.length,
      si_project_progress: p.progressReports.length,
      equipment_deliveries: p.deliveries.length,
    }),
    write: (store, plan) =>
      inTransaction(store, "projects", async (tx) => {
        await insertProjects(tx, plan.projects);
        await insertProgressReports(tx, plan.progressReports);
        await insertDeliveries(tx, plan.deliveries);
      }),
  },
  {
    name: "atms-and-costs",
    rows: (p) => ({ atms: p.atms.length, cost_records: p.costRecords.length }),
    write: (store, plan) =>
      inTransaction(store, "atms-and-costs", async (tx) => {
        await insertAtms(tx, plan.atms);
        await insertCostRecords(tx, plan.costRecords);
      }),
  },
  {
    name: "rates-and-withdrawals",
    rows: (p) => ({ fx_rates: p.fxRates.length, atm_withdrawals: p.withdrawals.length }),
    write: (store, plan) =>
      inTransaction(store, "rates-and-withdrawals", async (tx) => {
        await insertFxRates(tx, plan.fxRates);
        await writeWithdrawals(tx, plan.withdrawals);
      }),
  },
  {
    name: "translation-rates",
    rows: (p) => ({ translation_rates: demoTranslationRates(p.fxRates).length }),
    write: async (store, plan) => {
      // The shares outstanding, the split and the dividends ship with the reported figures.
      await importStandardShares(store);
      await inTransaction(store, "translation-rates", (tx) =>
        saveTranslationRates(tx, demoTranslationRates(plan.fxRates)),
      );
    },
  },
];

/** Every phase of the build: the records, a month of traffic at a time, then each month's bill. */
function phasesOf(
  plan: DemoPlan,
  seed: number,
  belowTheLine: ReadonlyMap<string, readonly JournalEntry[]>,
  resolve: ValueResolver,
): Phase[] {
  const usage = plan.meteredMonths.map(
    (month): Phase => ({
      name: `usage-${month}`,
      rows: () => ({}),
      write: (store, p) =>
        inTransaction(store, `usage-${month}`, async (tx) => {
          const random = new SeededRandom(seed).fork(`usage-${month}`);
          await writeSampleBlocks(tx, planBurstSamples(p.burstable, month, random));
        }),
    }),
  );
  // Each month is billed, then booked: the books of a month settle the balances of the month before.
  const close = plan.months.flatMap((month): Phase[] => [
    {
      name: `billing-${month}`,
      rows: () => ({}),
      // The run is resumable by itself; the marker only saves asking it again.
      write: async (store) => {
        await runBilling(store.db, { month });
        await store.db
          .transaction()
          .execute((tx) => writeMeta(tx, phaseKey(`billing-${month}`), "done"));
      },
    },
    {
      name: `books-${month}`,
      rows: () => ({}),
      // Booking is idempotent by entry id and marks the month booked in its own transaction.
      write: async (store) => {
        await bookMonth(store, month);
        await store.db.transaction().execute(async (tx) => {
          const [dividends, counts, splits] = await Promise.all([
            listDividends(tx),
            listShareCounts(tx),
            listStockSplits(tx),
          ]);
          await postEntries(tx, [
            ...(belowTheLine.get(month) ?? []),
            ...demoDividendPayments(month, dividends, counts, splits),
          ]);
          await writeMeta(tx, phaseKey(`books-${month}`), "done");
        });
      },
    },
  ]);
  const opening: Phase = {
    name: "opening-balances",
    rows: () => ({}),
    // After every month is booked: the opening amounts are the reported FY11 balance sheet less
    // what the books moved in FY11.
    write: (store) =>
      inTransaction(store, "opening-balances", async (tx) => {
        const trial = await ledgerTrialBalance(tx, monthWindow(parsePeriod("FY11")));
        await postEntries(tx, [demoOpeningBalances(resolve, trial, DEMO_PARENT)]);
      }),
  };
  return [...RECORD_PHASES, ...usage, ...close, opening];
}

function phaseKey(name: string): string {
  return `demo.phase.${name}`;
}

function inTransaction(
  store: Store,
  phase: string,
  write: (tx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  return store.db.transaction().execute(async (tx) => {
    await write(tx);
    await writeMeta(tx, phaseKey(phase), "done");
  });
}

export async function buildDemoCompany(
  store: Store,
  options: DemoOptions = {},
): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
    throw new UplinkError(
      "INVALID_INPUT",
      `--scale is a whole number from 1 to 100, not ${scale}.`,
    );
  }
  const settings = `seed=${seed};scale=${scale}`;
  const existing = await readMeta(store.db, SETTINGS_KEY);
  if (existing !== undefined && existing !== settings) {
    throw new UplinkError(
      "CONFLICT",
      `This data folder holds a demo company built with ${existing.replace(";", ", ")}; build another in an empty folder (--home DIR).`,
    );
  }
  if (existing === undefined && (await countCustomers(store.db)) > 0) {
    throw new UplinkError(
      "CONFLICT",
      "This data folder already holds customers of its own; build the demo company in an empty folder (--home DIR).",
    );
  }
  if (existing === settings) {
    const finished = await readMeta(store.db, SUMMARY_KEY);
    // A finished build is not planned again: `npm start` runs this on every start.
    if (finished)
      return { seed, scale, rows: JSON.parse(finished) as Record<string, number>, phasesRun: [] };
  }
  const steps = RECORD_PHASES.length + 3 + METERED_MONTHS + DEMO_QUARTERS.length * 3 * 2;
  const report = (step: number, phase: string, detail: string, skipped = false) =>
    options.onProgress?.({ phase, step, steps, detail, skipped });

  report(1, "catalog", "loading the standard catalog");
  await importStandardCatalog(store);
  await store.db.transaction().execute((tx) => writeMeta(tx, SETTINGS_KEY, settings));

  report(2, "plan", "planning the company from the reported figures");
  const resolve = await loadValueResolver(store);
  const plan = planDemoCompany(
    demoTargets(resolve),
    await loadPriceBook(store.db, STANDARD_PRICE_BOOK),
    {
      seed,
      scale,
      bands: revenueBands(resolve),
      industryShares: industryShares(resolve),
    },
  );

  const phases = phasesOf(plan, seed, demoBelowTheLine(resolve), resolve);
  const rows: Record<string, number> = {};
  const phasesRun: string[] = [];
  for (const [i, phase] of phases.entries()) {
    Object.assign(rows, phase.rows(plan));
    const done = (await readMeta(store.db, phaseKey(phase.name))) === "done";
    const detail = Object.entries(phase.rows(plan))
      .map(([table, n]) => `${n.toLocaleString("en-US")} ${table.replaceAll("_", " ")}`)
      .join(", ");
    report(i + 3, phase.name, detail || phase.name.replace("-", " "), done);
    if (done) continue;
    await phase.write(store, plan);
    phasesRun.push(phase.name);
  }
  await store.db.transaction().execute((tx) => writeMeta(tx, SUMMARY_KEY, JSON.stringify(rows)));
  return { seed, scale, rows, phasesRun };
}

const CLIENT_BANDS: readonly (readonly [string, number, number])[] = [
  ["mix.clients.top_1_100", 1, 100],
  ["mix.clients.top_101_200", 101, 200],
  ["mix.clients.top_201_300", 201, 300],
  ["mix.clients.top_301_400", 301, 400],
  ["mix.clients.top_401_500", 401, 500],
  ["mix.clients.top_501_plus", 501, Number.POSITIVE_INFINITY],
];

/** Revenue concentration by client rank, FY11, from the reported customer mix. */
function revenueBands(resolve: ValueResolver): RevenueBand[] {
  const fy11 = parsePeriod("FY11");
  return CLIENT_BANDS.map(([metric, first, last]) => {
    const share = resolve({ metric, period: fy11 })?.value;
    if (!share) throw new UplinkError("NOT_FOUND", `The demo needs ${metric} for FY11.`);
    return { first, last, sharePct: share.toNumber() };
  });
}

function industryShares(resolve: ValueResolver): Map<Industry, number> {
  const fy11 = parsePeriod("FY11");
  return new Map(
    INDUSTRIES.map((industry) => {
      const share = resolve({ metric: `mix.industry.${industry}`, period: fy11 })?.value;
      if (!share)
        throw new UplinkError("NOT_FOUND", `The demo needs mix.industry.${industry} for FY11.`);
      return [industry, share.toNumber()] as const;
    }),
  );
}
