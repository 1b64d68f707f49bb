import type { Kysely, Transaction } from "kysely";
import { Decimal, type InputLocation, UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import { type Fact, factKey, type Scenario, sameFact } from "./fact.js";
import type { FactTable } from "./fact.table.js";
import { type BaseUnit, displayValue } from "./metric.js";
import { metricById } from "./metric-catalogue.js";

export interface FactFilter {
  readonly metric?: string | undefined;
  readonly entity?: string | undefined;
  readonly period?: string | undefined;
  readonly scenario?: Scenario | undefined;
  readonly limit?: number | undefined;
}

export interface UpsertOutcome {
  inserted: number;
  unchanged: number;
  replaced: number;
}

/**
 * Writes facts inside the caller's transaction. A fact equal to the stored one changes nothing, so
 * importing a file twice is a no-op; a different value for the same key is a conflict unless
 * `replace` is set, and then the whole file is refused (the caller's transaction rolls back).
 */
export async function upsertFacts(
  tx: Transaction<Database>,
  facts: readonly { fact: Fact; where: InputLocation }[],
  options: { replace: boolean },
): Promise<UpsertOutcome> {
  const existing = new Map(
    (await tx.selectFrom("facts").selectAll().execute()).map((row) => {
      const fact = factFromRow(row);
      return [factKey(fact), fact];
    }),
  );
  const outcome: UpsertOutcome = { inserted: 0, unchanged: 0, replaced: 0 };
  const inserts: FactTable[] = [];
  for (const { fact, where } of facts) {
    const stored = existing.get(factKey(fact));
    if (!stored) {
      inserts.push(rowFromFact(fact));
      outcome.inserted++;
    } else if (sameFact(stored, fact)) {
      outcome.unchanged++;
    } else if (options.replace) {
      await tx
        .updateTable("facts")
        .set(rowFromFact(fact))
        .where("metric", "=", fact.metric)
        .where("entity", "=", fact.entity)
        .where("period", "=", fact.period)
        .where("scenario", "=", fact.scenario)
        .execute();
      outcome.replaced++;
    } else {
      throw new UplinkError(
        "CONFLICT",
        `${fact.metric} for ${fact.period} (${fact.scenario}) is already stored as ${shown(stored)} from "${stored.source}"; this row says ${shown(fact)}. Nothing was imported. Re-run with --replace to overwrite.`,
        { location: { ...where, field: "value" } },
      );
    }
  }
  // Chunked so that neither store meets its bound-parameter limit.
  for (let i = 0; i < inserts.length; i += 500) {
    await tx
      .insertInto("facts")
      .values(inserts.slice(i, i + 500))
      .execute();
  }
  return outcome;
}

export async function listFacts(db: Kysely<Database>, filter: FactFilter = {}): Promise<Fact[]> {
  let query = db.selectFrom("facts").selectAll();
  if (filter.metric) query = query.where("metric", "=", filter.metric);
  if (filter.entity) query = query.where("entity", "=", filter.entity);
  if (filter.period) query = query.where("period", "=", filter.period);
  if (filter.scenario) query = query.where("scenario", "=", filter.scenario);
  query = query.orderBy("metric").orderBy("entity").orderBy("scenario").orderBy("period");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(factFromRow);
}

export async function countFacts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("facts")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function rowFromFact(fact: Fact): FactTable {
  return {
    metric: fact.metric,
    entity: fact.entity,
    period: fact.period,
    scenario: fact.scenario,
    value: fact.value.toFixed(),
    unit: fact.unit,
    resolution: fact.resolution.toFixed(),
    source: fact.source,
  };
}

function factFromRow(row: FactTable): Fact {
  return {
    metric: row.metric,
    entity: row.entity,
    period: row.period,
    scenario: row.scenario as Scenario,
    value: new Decimal(row.value),
    unit: row.unit as BaseUnit,
    resolution: new Decimal(row.resolution),
    source: row.source,
  };
}

function shown(fact: Fact): string {
  const metric = metricById(fact.metric);
  return `${displayValue(metric, fact.value)} ${metric.unit}`;
}
