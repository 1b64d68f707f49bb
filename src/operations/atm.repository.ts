import type { Kysely, Transaction } from "kysely";
import type { Database } from "../store/index.js";
import type { Atm } from "./atm.js";
import type { AtmTable } from "./atm.table.js";
import { batches } from "./batches.js";

export interface AtmFilter {
  /** Only ATMs in place at the end of this day. */
  readonly on?: string | undefined;
  readonly groupCompanyId?: string | undefined;
  readonly limit?: number | undefined;
}

/** Inserts new ATMs in batches inside the caller's transaction. */
export async function insertAtms(tx: Transaction<Database>, atms: readonly Atm[]): Promise<void> {
  for (const batch of batches(atms.map(rowFromAtm))) {
    await tx.insertInto("atms").values(batch).execute();
  }
}

export async function updateAtms(tx: Transaction<Database>, atms: readonly Atm[]): Promise<void> {
  for (const atm of atms) {
    await tx.updateTable("atms").set(rowFromAtm(atm)).where("id", "=", atm.id).execute();
  }
}

export async function listAtms(db: Kysely<Database>, filter: AtmFilter = {}): Promise<Atm[]> {
  let query = db.selectFrom("atms").selectAll();
  if (filter.on) {
    const on = filter.on;
    query = query
      .where("placed_on", "<=", on)
      .where((eb) => eb.or([eb("removed_on", "is", null), eb("removed_on", ">", on)]));
  }
  if (filter.groupCompanyId) query = query.where("group_company_id", "=", filter.groupCompanyId);
  query = query.orderBy("placed_on").orderBy("id");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(atmFromRow);
}

/** ATMs in place at the end of `date`: placed on or before it and not removed by then. */
export async function atmCountOn(db: Kysely<Database>, date: string): Promise<number> {
  const row = await db
    .selectFrom("atms")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("placed_on", "<=", date)
    .where((eb) => eb.or([eb("removed_on", "is", null), eb("removed_on", ">", date)]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function atmsById(
  db: Kysely<Database>,
  ids: Iterable<string>,
): Promise<Map<string, Atm>> {
  const found = new Map<string, Atm>();
  for (const batch of batches([...new Set(ids)])) {
    const rows = await db.selectFrom("atms").selectAll().where("id", "in", batch).execute();
    for (const row of rows) found.set(row.id, atmFromRow(row));
  }
  return found;
}

function atmFromRow(row: AtmTable): Atm {
  return {
    id: row.id,
    location: row.location,
    placedOn: row.placed_on,
    removedOn: row.removed_on,
    groupCompanyId: row.group_company_id,
  };
}

function rowFromAtm(atm: Atm): AtmTable {
  return {
    id: atm.id,
    location: atm.location,
    placed_on: atm.placedOn,
    removed_on: atm.removedOn,
    group_company_id: atm.groupCompanyId,
  };
}
