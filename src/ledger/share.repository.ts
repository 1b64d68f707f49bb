import type { Kysely, Transaction } from "kysely";
import { Decimal, type FiscalCalendar, type FiscalPeriod } from "../core/index.js";
import { bigintFromColumn, type Database } from "../store/index.js";
import { restatedDividend } from "./per-share.js";
import {
  type PerShareFigures,
  perShareFiguresOf,
  type SplitAdjustedCount,
  splitAdjustedBasis,
  splitAdjustedHistory,
} from "./share-figures.js";
import type {
  DividendKind,
  DividendRecord,
  ShareCountRecord,
  StockSplitRecord,
} from "./share-record.js";
import { monthWindow } from "./trial-balance.js";

export async function listShareCounts(db: Kysely<Database>): Promise<ShareCountRecord[]> {
  const rows = await db.selectFrom("shares_outstanding").selectAll().orderBy("date").execute();
  return rows.map((r) => ({ from: r.date, shares: bigintFromColumn(r.shares), source: r.source }));
}

export async function listStockSplits(db: Kysely<Database>): Promise<StockSplitRecord[]> {
  const rows = await db.selectFrom("stock_splits").selectAll().orderBy("effective_on").execute();
  return rows.map((r) => ({
    effectiveOn: r.effective_on,
    ratio: BigInt(r.ratio),
    source: r.source,
  }));
}

export async function listDividends(db: Kysely<Database>): Promise<DividendRecord[]> {
  const rows = await db
    .selectFrom("dividends_per_share")
    .selectAll()
    .orderBy("record_date")
    .orderBy("kind")
    .execute();
  return rows.map((r) => ({
    fiscalPeriod: r.fiscal_period,
    kind: r.kind as DividendKind,
    perShare: new Decimal(r.yen_per_share),
    recordDate: r.record_date,
    source: r.source,
  }));
}

/** Writes share counts inside the caller's transaction; a count of the same date is replaced. */
export async function saveShareCounts(
  tx: Transaction<Database>,
  counts: readonly ShareCountRecord[],
): Promise<void> {
  if (counts.length === 0) return;
  await tx
    .insertInto("shares_outstanding")
    .values(counts.map((c) => ({ date: c.from, shares: c.shares.toString(), source: c.source })))
    .onConflict((oc) =>
      oc.column("date").doUpdateSet((eb) => ({
        shares: eb.ref("excluded.shares"),
        source: eb.ref("excluded.source"),
      })),
    )
    .execute();
}

/** Writes splits inside the caller's transaction; a split of the same date is replaced. */
export async function saveStockSplits(
  tx: Transaction<Database>,
  splits: readonly StockSplitRecord[],
): Promise<void> {
  if (splits.length === 0) return;
  await tx
    .insertInto("stock_splits")
    .values(
      splits.map((s) => ({
        effective_on: s.effectiveOn,
        ratio: s.ratio.toString(),
        source: s.source,
      })),
    )
    .onConflict((oc) =>
      oc.column("effective_on").doUpdateSet((eb) => ({
        ratio: eb.ref("excluded.ratio"),
        source: eb.ref("excluded.source"),
      })),
    )
    .execute();
}

/** Writes dividends inside the caller's transaction; one of the same year and kind is replaced. */
export async function saveDividends(
  tx: Transaction<Database>,
  dividends: readonly DividendRecord[],
): Promise<void> {
  if (dividends.length === 0) return;
  await tx
    .insertInto("dividends_per_share")
    .values(
      dividends.map((d) => ({
        fiscal_period: d.fiscalPeriod,
        kind: d.kind,
        yen_per_share: d.perShare.toFixed(),
        record_date: d.recordDate,
        source: d.source,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["fiscal_period", "kind"]).doUpdateSet((eb) => ({
        yen_per_share: eb.ref("excluded.yen_per_share"),
        record_date: eb.ref("excluded.record_date"),
        source: eb.ref("excluded.source"),
      })),
    )
    .execute();
}

/**
 * EPS and dividends per share of a period from the stored share history, splits and dividends,
 * for the net income attributable to the parent (yen) that the caller computed. Restated to
 * `asOf` (default: after every recorded split, as the presentation shows them).
 */
export async function perShareFigures(
  db: Kysely<Database>,
  period: FiscalPeriod,
  calendar: FiscalCalendar,
  netIncomeAttributableYen: bigint,
  options: { asOf?: string } = {},
): Promise<PerShareFigures> {
  const [history, splits, dividends] = await Promise.all([
    listShareCounts(db),
    listStockSplits(db),
    listDividends(db),
  ]);
  const window = monthWindow(period, calendar);
  return perShareFiguresOf({
    period: { label: window.label, startDate: window.startDate, endDate: window.endDate },
    history,
    splits,
    dividends,
    netIncome: netIncomeAttributableYen,
    asOf: options.asOf,
  });
}

/**
 * The share history for `uplink ledger shares`: each count with its source and the dividends, all
 * also restated to the latest basis (after the last split).
 */
export interface ShareHistory {
  /** The basis everything is restated to: the last split's date, or the latest record's. */
  readonly asOf: string | null;
  readonly counts: readonly (SplitAdjustedCount & { readonly source: string })[];
  readonly splits: readonly StockSplitRecord[];
  /** Every recorded dividend, as declared and restated to `asOf`. */
  readonly dividends: readonly (DividendRecord & { readonly restated: Decimal })[];
}

export async function shareHistory(db: Kysely<Database>): Promise<ShareHistory> {
  const [history, splits, dividends] = await Promise.all([
    listShareCounts(db),
    listStockSplits(db),
    listDividends(db),
  ]);
  const latest = [...history.map((c) => c.from), ...dividends.map((d) => d.recordDate)]
    .sort()
    .at(-1);
  if (latest === undefined && splits.length === 0) {
    return { asOf: null, counts: [], splits, dividends: [] };
  }
  const asOf = splitAdjustedBasis(splits, latest ?? "0000-01-01");
  const sources = new Map(history.map((c) => [c.from, c.source]));
  return {
    asOf,
    counts: splitAdjustedHistory(history, splits, asOf).map((c) => ({
      ...c,
      source: sources.get(c.from) ?? "",
    })),
    splits,
    dividends: dividends.map((d) => ({ ...d, restated: restatedDividend(d, splits, asOf) })),
  };
}
