import { type Kysely, PostgresAdapter, sql, type Transaction } from "kysely";
import { type Currency, UplinkError } from "../core/index.js";
import { bigintFromColumn, type Database, numberFromColumn } from "../store/index.js";
import {
  checkEntry,
  type JournalEntry,
  type JournalLine,
  monthOfDate,
  reversalOf,
  type SourceKind,
  sameEntry,
} from "./journal-entry.js";
import type { JournalEntryTable, JournalLineTable, LedgerBalanceTable } from "./ledger.table.js";
import { chartsOf, ensureCharts } from "./ledger-account.repository.js";

export interface PostingOutcome {
  /** Entries written now. */
  posted: number;
  /** Entries already in the ledger exactly as given (a repeated run). */
  unchanged: number;
}

// Rows per statement, under both stores' bound-parameter limits (11 columns a line).
const CHUNK = 500;
// One lock for everything that writes the ledger on PostgreSQL, so that two writers never race on
// the same entry id or interleave their balance updates. SQLite has one writer anyway.
const LEDGER_WRITE_LOCK = 74657009;

/**
 * The ledger's one commit point. Inside the caller's transaction: opens the standard chart for
 * companies new to the ledger, checks every entry (a clear INVALID_INPUT for an unbalanced one
 * before the store's own trigger would refuse it), skips entries already posted exactly so
 * (idempotent re-runs), refuses a changed entry under a posted id (CONFLICT) and an entry in a
 * closed month (CONFLICT), then writes lines, entries and the balances per account × entity ×
 * month × currency in the same transaction.
 */
export async function postEntries(
  tx: Transaction<Database>,
  entries: readonly JournalEntry[],
): Promise<PostingOutcome> {
  if (entries.length === 0) return { posted: 0, unchanged: 0 };
  await lockLedger(tx);
  const entities = unique(entries.map((e) => e.entity));
  await ensureCharts(tx, entities);
  const charts = await chartsOf(tx, entities);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) {
      throw new UplinkError("CONFLICT", `The journal entry "${entry.id}" is given twice.`);
    }
    seen.add(entry.id);
    const chart = charts.get(entry.entity);
    checkEntry(entry, (account) => chart?.has(account) ?? false);
  }
  await checkReferences(tx, entries);

  const existing = await findEntries(tx, [...seen]);
  const fresh: JournalEntry[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const stored = existing.get(entry.id);
    if (!stored) {
      fresh.push(entry);
    } else if (sameEntry(stored, entry)) {
      unchanged++;
    } else {
      throw new UplinkError(
        "CONFLICT",
        `The journal entry "${entry.id}" is already posted with other content. Entries are never changed: post a reversal and a new entry.`,
      );
    }
  }
  await refuseClosedMonths(tx, fresh);

  const lines: JournalLineTable[] = fresh.flatMap((entry) =>
    entry.lines.map((line, i) => lineRow(entry, line, i + 1)),
  );
  for (let i = 0; i < lines.length; i += CHUNK) {
    await tx
      .insertInto("journal_lines")
      .values(lines.slice(i, i + CHUNK))
      .execute();
  }
  const headers = fresh.map(entryRow);
  for (let i = 0; i < headers.length; i += CHUNK) {
    await tx
      .insertInto("journal_entries")
      .values(headers.slice(i, i + CHUNK))
      .execute();
  }
  await addToBalances(tx, fresh);
  return { posted: fresh.length, unchanged };
}

/**
 * Cancels a posted entry with one dated `date` whose lines are its lines negated (id
 * `<entry>/R`). An entry is reversed at most once: reversing it again with the same date and
 * reason changes nothing, anything else is a CONFLICT.
 */
export async function reverseEntry(
  tx: Transaction<Database>,
  entryId: string,
  date: string,
  reason: string,
): Promise<JournalEntry> {
  await lockLedger(tx);
  const entry = await findEntry(tx, entryId);
  const reversal = reversalOf(entry, date, reason);
  const earlier = await tx
    .selectFrom("journal_entries")
    .select("id")
    .where("reverses_entry_id", "=", entryId)
    .executeTakeFirst();
  if (earlier && earlier.id !== reversal.id) {
    throw new UplinkError(
      "CONFLICT",
      `The journal entry "${entryId}" is already reversed by "${earlier.id}".`,
    );
  }
  await postEntries(tx, [reversal]);
  return reversal;
}

/** One entry with its lines; NOT_FOUND if there is none. */
export async function findEntry(db: Kysely<Database>, id: string): Promise<JournalEntry> {
  const entry = (await findEntries(db, [id])).get(id);
  if (!entry) throw new UplinkError("NOT_FOUND", `There is no journal entry "${id}".`);
  return entry;
}

export interface EntryFilter {
  /** First and last ISO dates, inclusive. */
  readonly from: string;
  readonly to: string;
  /** Only these companies (all when absent). */
  readonly entities?: readonly string[] | undefined;
}

/** Entries dated in a range with their lines, by date then id. */
export async function listEntries(
  db: Kysely<Database>,
  filter: EntryFilter,
): Promise<JournalEntry[]> {
  if (filter.entities?.length === 0) return [];
  let headers = db
    .selectFrom("journal_entries")
    .selectAll()
    .where("entry_date", ">=", filter.from)
    .where("entry_date", "<=", filter.to);
  let lines = db
    .selectFrom("journal_lines")
    .selectAll()
    .where("month", ">=", monthOfDate(filter.from))
    .where("month", "<=", monthOfDate(filter.to));
  if (filter.entities) {
    headers = headers.where("entity_id", "in", filter.entities);
    lines = lines.where("entity_id", "in", filter.entities);
  }
  const headerRows = await headers.orderBy("entry_date").orderBy("id").execute();
  const linesByEntry = groupLines(await lines.execute());
  return headerRows.map((row) => entryFromRows(row, linesByEntry.get(row.id) ?? []));
}

/** Entries by id, with their lines; ids not posted are absent from the map. */
export async function findEntries(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, JournalEntry>> {
  const found = new Map<string, JournalEntry>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const headers = await db
      .selectFrom("journal_entries")
      .selectAll()
      .where("id", "in", chunk)
      .execute();
    if (headers.length === 0) continue;
    const lines = groupLines(
      await db
        .selectFrom("journal_lines")
        .selectAll()
        .where(
          "entry_id",
          "in",
          headers.map((h) => h.id),
        )
        .execute(),
    );
    for (const header of headers) {
      found.set(header.id, entryFromRows(header, lines.get(header.id) ?? []));
    }
  }
  return found;
}

/** Entries caused by one source (an invoice, a project, a run), by date then id. */
export async function entriesFromSource(
  db: Kysely<Database>,
  source: { kind: SourceKind; id: string },
): Promise<JournalEntry[]> {
  const ids = await db
    .selectFrom("journal_entries")
    .select("id")
    .where("source_kind", "=", source.kind)
    .where("source_id", "=", source.id)
    .orderBy("entry_date")
    .orderBy("id")
    .execute();
  const found = await findEntries(
    db,
    ids.map((r) => r.id),
  );
  return ids.flatMap((r) => found.get(r.id) ?? []);
}

export async function countPostings(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("journal_lines")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function lockLedger(tx: Transaction<Database>): Promise<void> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${LEDGER_WRITE_LOCK})`.execute(tx);
  }
}

async function checkReferences(
  tx: Transaction<Database>,
  entries: readonly JournalEntry[],
): Promise<void> {
  const lines = entries.flatMap((e) => e.lines.map((line) => ({ entry: e.id, line })));
  const customers = unique(lines.flatMap(({ line }) => (line.customerId ? [line.customerId] : [])));
  const known = new Set<string>();
  for (let i = 0; i < customers.length; i += CHUNK) {
    const rows = await tx
      .selectFrom("customers")
      .select("id")
      .where("id", "in", customers.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) known.add(row.id);
  }
  const counterparties = unique(
    lines.flatMap(({ line }) => (line.counterparty ? [line.counterparty] : [])),
  );
  const companies =
    counterparties.length === 0
      ? new Set<string>()
      : new Set(
          (
            await tx
              .selectFrom("group_companies")
              .select("id")
              .where("id", "in", counterparties)
              .execute()
          ).map((r) => r.id),
        );
  for (const { entry, line } of lines) {
    if (line.customerId && !known.has(line.customerId)) {
      throw new UplinkError(
        "NOT_FOUND",
        `Journal entry "${entry}": there is no customer "${line.customerId}".`,
      );
    }
    if (line.counterparty && !companies.has(line.counterparty)) {
      throw new UplinkError(
        "NOT_FOUND",
        `Journal entry "${entry}": there is no group company "${line.counterparty}".`,
      );
    }
  }
}

async function refuseClosedMonths(
  tx: Transaction<Database>,
  entries: readonly JournalEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const closed = new Set(
    (
      await tx
        .selectFrom("ledger_closed_months")
        .select(["entity_id", "month"])
        .where("entity_id", "in", unique(entries.map((e) => e.entity)))
        .execute()
    ).map((r) => `${r.entity_id}|${r.month}`),
  );
  for (const entry of entries) {
    const month = monthOfDate(entry.date);
    if (closed.has(`${entry.entity}|${month}`)) {
      throw new UplinkError(
        "CONFLICT",
        `Journal entry "${entry.id}": ${month} is closed for ${entry.entity}. Date the entry in an open month (a correction of a closed month is posted in the current one).`,
      );
    }
  }
}

async function addToBalances(
  tx: Transaction<Database>,
  entries: readonly JournalEntry[],
): Promise<void> {
  const sums = new Map<string, LedgerBalanceTable & { amount: bigint }>();
  for (const entry of entries) {
    const month = monthOfDate(entry.date);
    for (const line of entry.lines) {
      const counterparty = line.counterparty ?? "";
      const key = `${entry.entity}|${line.account}|${month}|${line.currency}|${counterparty}`;
      const sum = sums.get(key);
      if (sum) sum.amount += line.amount;
      else {
        sums.set(key, {
          entity_id: entry.entity,
          account: line.account,
          month,
          currency: line.currency,
          counterparty_id: counterparty,
          amount: line.amount,
        });
      }
    }
  }
  const rows = [...sums.values()];
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto("ledger_balances")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(["entity_id", "month", "account", "currency", "counterparty_id"])
          .doUpdateSet({ amount: sql`ledger_balances.amount + excluded.amount` }),
      )
      .execute();
  }
}

function lineRow(entry: JournalEntry, line: JournalLine, lineNo: number): JournalLineTable {
  return {
    entry_id: entry.id,
    line_no: lineNo,
    entity_id: entry.entity,
    month: monthOfDate(entry.date),
    account: line.account,
    amount: line.amount,
    currency: line.currency,
    customer_id: line.customerId ?? null,
    contract_id: line.contractId ?? null,
    counterparty_id: line.counterparty ?? null,
  };
}

function entryRow(entry: JournalEntry): JournalEntryTable {
  return {
    id: entry.id,
    entity_id: entry.entity,
    entry_date: entry.date,
    description: entry.description,
    source_kind: entry.source.kind,
    source_id: entry.source.id,
    reverses_entry_id: entry.reverses ?? null,
  };
}

function groupLines(rows: readonly JournalLineTable[]): Map<string, JournalLineTable[]> {
  const byEntry = new Map<string, JournalLineTable[]>();
  for (const row of rows) {
    const list = byEntry.get(row.entry_id);
    if (list) list.push(row);
    else byEntry.set(row.entry_id, [row]);
  }
  return byEntry;
}

function entryFromRows(
  header: JournalEntryTable,
  lines: readonly JournalLineTable[],
): JournalEntry {
  return {
    id: header.id,
    date: header.entry_date,
    entity: header.entity_id,
    description: header.description,
    source: { kind: header.source_kind as SourceKind, id: header.source_id },
    reverses: header.reverses_entry_id,
    lines: [...lines]
      .sort((a, b) => numberFromColumn(a.line_no) - numberFromColumn(b.line_no))
      .map((row) => ({
        account: row.account,
        amount: bigintFromColumn(row.amount),
        currency: row.currency as Currency,
        customerId: row.customer_id,
        contractId: row.contract_id,
        counterparty: row.counterparty_id,
      })),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
