import fc from "fast-check";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Currency, parsePeriod, UplinkError } from "../../src/core/index.js";
import {
  type JournalEntry,
  type JournalLine,
  localTrialBalance,
  monthlyBalances,
  monthlySumsOfPostings,
  monthWindow,
  postEntries,
  reverseEntry,
  STANDARD_CHART,
} from "../../src/ledger/index.js";
import type { Database } from "../../src/store/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { seedLedgerWorld } from "./ledger-fixtures.js";

const kinds = await storeKinds();

const ACCOUNTS = STANDARD_CHART.map((a) => a.name);
const ENTITIES = ["parent", "systems", "america", "atm"];
const MONTHS = ["2012-04", "2012-05", "2012-06", "2012-07"];

type Draft = Omit<JournalEntry, "id">;

/** Lines of one currency that sum to zero: some random amounts and the line that balances them. */
const balancedLines = (currency: Currency) =>
  fc
    .array(
      fc.record({
        account: fc.constantFrom(...ACCOUNTS),
        amount: fc.bigInt({ min: -10_000_000n, max: 10_000_000n }).filter((a) => a !== 0n),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .chain((lines) => {
      const total = lines.reduce((s, l) => s + l.amount, 0n);
      return fc
        .constantFrom(...ACCOUNTS)
        .map((account): JournalLine[] => [
          ...lines.map((l) => ({ ...l, currency })),
          ...(total === 0n ? [] : [{ account, amount: -total, currency }]),
        ]);
    })
    .filter((lines) => lines.length >= 2);

const draft: fc.Arbitrary<Draft> = fc
  .record({
    entity: fc.constantFrom(...ENTITIES),
    month: fc.constantFrom(...MONTHS),
    day: fc.integer({ min: 1, max: 28 }),
    yen: balancedLines("JPY"),
    dollars: fc.option(balancedLines("USD"), { nil: undefined }),
  })
  .map(({ entity, month, day, yen, dollars }) => ({
    entity,
    date: `${month}-${String(day).padStart(2, "0")}`,
    description: "random entry",
    source: { kind: "manual" as const, id: "property" },
    lines: [...yen, ...(dollars ?? [])],
  }));

type Step =
  | { kind: "post"; entries: Draft[] }
  | { kind: "reverse"; pick: number; day: number }
  | { kind: "unbalanced"; entry: Draft; off: bigint };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(draft, { minLength: 1, maxLength: 4 })
      .map((entries) => ({ kind: "post" as const, entries })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("reverse" as const),
      pick: fc.nat(),
      day: fc.integer({ min: 1, max: 28 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("unbalanced" as const),
      entry: draft,
      off: fc.bigInt({ min: 1n, max: 1000n }),
    }),
  },
);

async function ledgerInvariants(db: Kysely<Database>): Promise<void> {
  // Every entry balances per currency, in the store.
  const unbalanced = await sql<{ entry_id: string }>`
    select entry_id from journal_lines group by entry_id, currency having sum(amount) <> 0`.execute(
    db,
  );
  expect(unbalanced.rows).toEqual([]);
  // The kept balances equal the sums of the postings.
  const shown = (
    rows: { entity: string; account: string; month: string; currency: string; amount: bigint }[],
  ) =>
    rows
      .filter((r) => r.amount !== 0n)
      .map((r) => `${r.entity}|${r.account}|${r.month}|${r.currency}=${r.amount}`)
      .sort();
  expect(shown(await monthlyBalances(db, { through: "9999-12" }))).toEqual(
    shown(await monthlySumsOfPostings(db, { through: "9999-12" })),
  );
  // Each company's trial balance adds up to zero per currency.
  const window = monthWindow(parsePeriod("1Q12"));
  for (const entity of ENTITIES) {
    const sums = new Map<string, bigint>();
    for (const line of await localTrialBalance(db, entity, window)) {
      sums.set(line.currency, (sums.get(line.currency) ?? 0n) + line.balance);
    }
    for (const total of sums.values()) expect(total).toBe(0n);
  }
}

describe.each(kinds)("random postings and reversals on %s", (kind) => {
  let t: TestStore;
  let serial = 0;
  const posted: string[] = [];
  const reversed = new Set<string>();
  beforeAll(async () => {
    t = await openTestStore(kind);
    await seedLedgerWorld(t.store);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("keep every entry balanced and the balances equal to the sum of postings", async () => {
    const db = t.store.db;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === "post") {
            const entries = s.entries.map((d) => ({ ...d, id: `P${++serial}` }));
            await db.transaction().execute((tx) => postEntries(tx, entries));
            posted.push(...entries.map((e) => e.id));
          } else if (s.kind === "reverse") {
            const open = posted.filter((id) => !reversed.has(id));
            const id = open[s.pick % Math.max(open.length, 1)];
            if (!id) continue;
            await db
              .transaction()
              .execute((tx) =>
                reverseEntry(tx, id, `2012-08-${String(s.day).padStart(2, "0")}`, "property test"),
              );
            reversed.add(id);
          } else {
            const [first, ...rest] = s.entry.lines;
            if (!first) continue;
            const broken = {
              ...s.entry,
              id: `U${++serial}`,
              lines: [{ ...first, amount: first.amount + s.off }, ...rest],
            };
            const error = await db
              .transaction()
              .execute((tx) => postEntries(tx, [broken]))
              .then(
                () => undefined,
                (e: unknown) => e,
              );
            expect(error).toBeInstanceOf(UplinkError);
          }
          await ledgerInvariants(db);
        }
      }),
      { numRuns: kind === "sqlite" ? 40 : 20 },
    );
    expect(posted.length).toBeGreaterThan(0);
  }, 240_000);
});
