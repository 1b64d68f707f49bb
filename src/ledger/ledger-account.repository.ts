import type { Kysely, Transaction } from "kysely";
import { UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import { type Account, type AccountType, checkAccount, STANDARD_CHART } from "./account.js";
import type { LedgerAccountTable } from "./ledger.table.js";

/**
 * Opens the standard chart for each company that has no chart yet (a company's chart is installed
 * on its first entry), and the standard accounts a chart lacks. Companies must exist; one that
 * does not is NOT_FOUND.
 */
export async function ensureCharts(
  tx: Transaction<Database>,
  entities: readonly string[],
): Promise<void> {
  if (entities.length === 0) return;
  const known = new Set(
    (await tx.selectFrom("group_companies").select("id").where("id", "in", entities).execute()).map(
      (r) => r.id,
    ),
  );
  const missing = entities.filter((e) => !known.has(e));
  if (missing.length > 0) {
    throw new UplinkError(
      "NOT_FOUND",
      `There is no group company ${missing.map((m) => `"${m}"`).join(", ")}; import it first (uplink import group-companies FILE).`,
    );
  }
  // A chart grows with the standard chart: a standard account added in a later version is opened
  // in every company's chart on its next entry.
  const held = new Map<string, Set<string>>();
  for (const row of await tx
    .selectFrom("ledger_accounts")
    .select(["entity_id", "name"])
    .where("entity_id", "in", entities)
    .execute()) {
    const names = held.get(row.entity_id) ?? new Set<string>();
    names.add(row.name);
    held.set(row.entity_id, names);
  }
  for (const entity of entities) {
    const names = held.get(entity);
    const missing = names ? STANDARD_CHART.filter((a) => !names.has(a.name)) : STANDARD_CHART;
    if (missing.length > 0) await addAccounts(tx, entity, missing);
  }
}

/** Adds accounts to a company's chart (its own accounts beside the standard ones). */
export async function addAccounts(
  tx: Transaction<Database>,
  entity: string,
  accounts: readonly Account[],
): Promise<void> {
  const rows: LedgerAccountTable[] = accounts.map((a) => {
    checkAccount(a);
    return {
      entity_id: entity,
      name: a.name,
      type: a.type,
      normal_sign: a.normalSign,
      metric: a.metric,
      metric_sign: a.metricSign,
      label: a.label,
    };
  });
  for (let i = 0; i < rows.length; i += 200) {
    await tx
      .insertInto("ledger_accounts")
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(["entity_id", "name"]).doNothing())
      .execute();
  }
}

/** The chart of each company asked for (all companies with a chart when none is named). */
export async function chartsOf(
  db: Kysely<Database>,
  entities?: readonly string[],
): Promise<Map<string, Map<string, Account>>> {
  let query = db.selectFrom("ledger_accounts").selectAll();
  if (entities) {
    if (entities.length === 0) return new Map();
    query = query.where("entity_id", "in", entities);
  }
  const charts = new Map<string, Map<string, Account>>();
  for (const row of await query.orderBy("entity_id").orderBy("name").execute()) {
    let chart = charts.get(row.entity_id);
    if (!chart) {
      chart = new Map();
      charts.set(row.entity_id, chart);
    }
    chart.set(row.name, accountFromRow(row));
  }
  return charts;
}

/** Every account name used by any chart, with its definition (the first company's, by id). */
export async function accountsByName(db: Kysely<Database>): Promise<Map<string, Account>> {
  const byName = new Map<string, Account>();
  for (const chart of (await chartsOf(db)).values()) {
    for (const account of chart.values()) {
      if (!byName.has(account.name)) byName.set(account.name, account);
    }
  }
  for (const account of STANDARD_CHART) {
    if (!byName.has(account.name)) byName.set(account.name, account);
  }
  return byName;
}

function accountFromRow(row: LedgerAccountTable): Account {
  return {
    name: row.name,
    type: row.type as AccountType,
    normalSign: Number(row.normal_sign) < 0 ? -1 : 1,
    metric: row.metric,
    metricSign: Number(row.metric_sign) < 0 ? -1 : 1,
    label: row.label,
  };
}
