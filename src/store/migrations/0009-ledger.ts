import { type Kysely, PostgresAdapter, sql } from "kysely";

// The general ledger. Lines are inserted before their entry, with a deferred foreign key to it;
// the entry's BEFORE INSERT trigger checks that its lines exist, belong to its company and month,
// sum to zero per currency, and that the month is open. Lines cannot be added to an entry that
// exists, and nothing is ever updated or deleted: the store itself keeps every entry balanced.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable("ledger_accounts")
    .addColumn("entity_id", "text", (c) => c.notNull().references("group_companies.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("normal_sign", "integer", (c) => c.notNull())
    .addColumn("metric", "text")
    .addColumn("metric_sign", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_accounts_pk", ["entity_id", "name"])
    .addCheckConstraint(
      "ledger_accounts_type_check",
      sql`type in ('asset', 'liability', 'equity', 'revenue', 'expense')`,
    )
    .execute();

  await db.schema
    .createTable("journal_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entity_id", "text", (c) => c.notNull().references("group_companies.id"))
    .addColumn("entry_date", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("source_kind", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("reverses_entry_id", "text", (c) => c.unique().references("journal_entries.id"))
    .execute();
  await db.schema
    .createIndex("journal_entries_source_idx")
    .on("journal_entries")
    .columns(["source_kind", "source_id"])
    .execute();
  await db.schema
    .createIndex("journal_entries_entity_date_idx")
    .on("journal_entries")
    .columns(["entity_id", "entry_date"])
    .execute();

  await db.schema
    .createTable("journal_lines")
    .addColumn("entry_id", "text", (c) => c.notNull())
    .addColumn("line_no", "integer", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.references("customers.id"))
    .addColumn("contract_id", "text")
    .addColumn("counterparty_id", "text", (c) => c.references("group_companies.id"))
    .addPrimaryKeyConstraint("journal_lines_pk", ["entry_id", "line_no"])
    .addForeignKeyConstraint(
      "journal_lines_entry_fk",
      ["entry_id"],
      "journal_entries",
      ["id"],
      (fk) => fk.deferrable().initiallyDeferred(),
    )
    .addForeignKeyConstraint(
      "journal_lines_account_fk",
      ["entity_id", "account"],
      "ledger_accounts",
      ["entity_id", "name"],
    )
    .addCheckConstraint("journal_lines_amount_check", sql`amount <> 0`)
    .execute();
  await db.schema
    .createIndex("journal_lines_entity_month_idx")
    .on("journal_lines")
    .columns(["entity_id", "month"])
    .execute();
  await db.schema
    .createIndex("journal_lines_customer_idx")
    .on("journal_lines")
    .columns(["customer_id"])
    .execute();

  await db.schema
    .createTable("ledger_balances")
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("counterparty_id", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_balances_pk", [
      "entity_id",
      "month",
      "account",
      "currency",
      "counterparty_id",
    ])
    .addForeignKeyConstraint(
      "ledger_balances_account_fk",
      ["entity_id", "account"],
      "ledger_accounts",
      ["entity_id", "name"],
    )
    .execute();

  await db.schema
    .createTable("ledger_closed_months")
    .addColumn("entity_id", "text", (c) => c.notNull().references("group_companies.id"))
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("closed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_closed_months_pk", ["entity_id", "month"])
    .execute();

  await db.schema
    .createTable("translation_rates")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("jpy_per_unit", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("translation_rates_pk", ["currency", "kind", "starts_on", "ends_on"])
    .addCheckConstraint("translation_rates_kind_check", sql`kind in ('average', 'closing')`)
    .execute();

  if (postgres) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

const UNBALANCED = "journal entry does not balance per currency";
const NO_LINES = "journal entry has no lines";
const FOREIGN_LINES = "journal entry has lines of another company or month";
const CLOSED = "the month is closed for this company";
const LINES_OF_POSTED = "lines cannot be added to a posted journal entry";
const IMMUTABLE = "journal entries and lines are never updated or deleted; post a reversal";

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    create trigger journal_entries_check before insert on journal_entries
    begin
      select raise(abort, '${NO_LINES}')
        where not exists (select 1 from journal_lines where entry_id = new.id);
      select raise(abort, '${FOREIGN_LINES}')
        where exists (select 1 from journal_lines where entry_id = new.id
          and (entity_id <> new.entity_id or month <> substr(new.entry_date, 1, 7)));
      select raise(abort, '${UNBALANCED}')
        where exists (select 1 from journal_lines where entry_id = new.id
          group by currency having sum(amount) <> 0);
      select raise(abort, '${CLOSED}')
        where exists (select 1 from ledger_closed_months
          where entity_id = new.entity_id and month = substr(new.entry_date, 1, 7));
    end`)
    .execute(db);
  await sql
    .raw(`
    create trigger journal_lines_of_new_entry before insert on journal_lines
    when exists (select 1 from journal_entries where id = new.entry_id)
    begin
      select raise(abort, '${LINES_OF_POSTED}');
    end`)
    .execute(db);
  for (const table of ["journal_entries", "journal_lines"]) {
    for (const event of ["update", "delete"]) {
      await sql
        .raw(`
        create trigger ${table}_no_${event} before ${event} on ${table}
        begin
          select raise(abort, '${IMMUTABLE}');
        end`)
        .execute(db);
    }
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    create function journal_entries_check() returns trigger language plpgsql as $$
    begin
      if not exists (select 1 from journal_lines where entry_id = new.id) then
        raise exception '${NO_LINES}: %', new.id using errcode = 'check_violation';
      end if;
      if exists (select 1 from journal_lines where entry_id = new.id
          and (entity_id <> new.entity_id or month <> substr(new.entry_date, 1, 7))) then
        raise exception '${FOREIGN_LINES}: %', new.id using errcode = 'check_violation';
      end if;
      if exists (select 1 from journal_lines where entry_id = new.id
          group by currency having sum(amount) <> 0) then
        raise exception '${UNBALANCED}: %', new.id using errcode = 'check_violation';
      end if;
      if exists (select 1 from ledger_closed_months
          where entity_id = new.entity_id and month = substr(new.entry_date, 1, 7)) then
        raise exception '${CLOSED}: % %', new.entity_id, substr(new.entry_date, 1, 7)
          using errcode = 'check_violation';
      end if;
      return new;
    end $$`)
    .execute(db);
  await sql
    .raw(`
    create trigger journal_entries_check before insert on journal_entries
    for each row execute function journal_entries_check()`)
    .execute(db);
  await sql
    .raw(`
    create function journal_lines_of_new_entry() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from journal_entries where id = new.entry_id) then
        raise exception '${LINES_OF_POSTED}: %', new.entry_id using errcode = 'check_violation';
      end if;
      return new;
    end $$`)
    .execute(db);
  await sql
    .raw(`
    create trigger journal_lines_of_new_entry before insert on journal_lines
    for each row execute function journal_lines_of_new_entry()`)
    .execute(db);
  await sql
    .raw(`
    create function ledger_immutable() returns trigger language plpgsql as $$
    begin
      raise exception '${IMMUTABLE}' using errcode = 'check_violation';
    end $$`)
    .execute(db);
  for (const table of ["journal_entries", "journal_lines"]) {
    await sql
      .raw(`
      create trigger ${table}_immutable before update or delete on ${table}
      for each row execute function ledger_immutable()`)
      .execute(db);
    // TRUNCATE skips row triggers; refuse it too.
    await sql
      .raw(`
      create trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function ledger_immutable()`)
      .execute(db);
  }
}
