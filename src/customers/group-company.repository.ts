import type { Kysely, Transaction } from "kysely";
import { type Currency, Decimal, UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import type { GroupCompanyTable } from "./customer.table.js";
import { type GroupCompany, type GroupRelation, parentsFirst } from "./group-company.js";

/** Writes new group companies inside the caller's transaction, parents before their children. */
export async function insertGroupCompanies(
  tx: Transaction<Database>,
  companies: readonly GroupCompany[],
): Promise<void> {
  // One statement per company: a group has a handful, and a parent must exist before its child.
  for (const company of parentsFirst(companies)) {
    await tx.insertInto("group_companies").values(rowFromGroupCompany(company)).execute();
  }
}

export async function updateGroupCompanies(
  tx: Transaction<Database>,
  companies: readonly GroupCompany[],
): Promise<void> {
  for (const company of parentsFirst(companies)) {
    const { id, ...rest } = rowFromGroupCompany(company);
    await tx.updateTable("group_companies").set(rest).where("id", "=", id).execute();
  }
}

export async function listGroupCompanies(db: Kysely<Database>): Promise<GroupCompany[]> {
  const rows = await db.selectFrom("group_companies").selectAll().orderBy("id").execute();
  return rows.map(groupCompanyFromRow);
}

/** The group company with this id; NOT_FOUND if there is none. */
export async function findGroupCompany(db: Kysely<Database>, id: string): Promise<GroupCompany> {
  const row = await db
    .selectFrom("group_companies")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new UplinkError("NOT_FOUND", `There is no group company "${id}".`);
  return groupCompanyFromRow(row);
}

function rowFromGroupCompany(company: GroupCompany): GroupCompanyTable {
  return {
    id: company.id,
    name: company.name,
    parent_id: company.parentId,
    ownership_percent: company.ownershipPercent.toFixed(),
    functional_currency: company.functionalCurrency,
    consolidated_from: company.consolidatedFrom,
    relation: company.relation,
  };
}

function groupCompanyFromRow(row: GroupCompanyTable): GroupCompany {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    ownershipPercent: new Decimal(row.ownership_percent),
    functionalCurrency: row.functional_currency as Currency,
    consolidatedFrom: row.consolidated_from,
    relation: row.relation as GroupRelation,
  };
}
