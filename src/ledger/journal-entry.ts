import { type Currency, isCurrency, UplinkError } from "../core/index.js";

/** What caused an entry: the invoice, project, delivery, cost record or run it was made from. */
export type SourceKind =
  | "invoice"
  | "credit_note"
  | "project"
  | "delivery"
  | "cost_record"
  | "withdrawal"
  | "run"
  | "reversal"
  | "opening"
  | "manual";
export const SOURCE_KINDS: readonly SourceKind[] = [
  "invoice",
  "credit_note",
  "project",
  "delivery",
  "cost_record",
  "withdrawal",
  "run",
  "reversal",
  "opening",
  "manual",
];

export interface EntrySource {
  readonly kind: SourceKind;
  readonly id: string;
}

/**
 * One posting. `amount` is integer minor units of `currency` with a sign: a debit is positive, a
 * credit negative. `counterparty` names the group company on the other side of an intercompany
 * line (eliminated on consolidation); `customerId` and `contractId` say whose business it was.
 */
export interface JournalLine {
  readonly account: string;
  readonly amount: bigint;
  readonly currency: Currency;
  readonly customerId?: string | null;
  readonly contractId?: string | null;
  readonly counterparty?: string | null;
}

/**
 * A journal entry of one group company (`entity`) on one date. Its `id` is the idempotency key:
 * posting the same entry again changes nothing, posting a different one under the same id is a
 * conflict. Entries are never edited or deleted; `reverses` names the entry this one cancels.
 */
export interface JournalEntry {
  readonly id: string;
  readonly date: string;
  readonly entity: string;
  readonly description: string;
  readonly source: EntrySource;
  readonly lines: readonly JournalLine[];
  readonly reverses?: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ENTRY_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

/** The `YYYY-MM` month an ISO date falls in: the period the entry's balances go to. */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Sum per currency of the lines; an entry balances when every sum is zero. */
export function sumsPerCurrency(lines: readonly JournalLine[]): Map<Currency, bigint> {
  const sums = new Map<Currency, bigint>();
  for (const line of lines) sums.set(line.currency, (sums.get(line.currency) ?? 0n) + line.amount);
  return sums;
}

/** The currencies in which the lines do not add up to zero, with the amount they are off by. */
export function unbalancedCurrencies(
  lines: readonly JournalLine[],
): { currency: Currency; off: bigint }[] {
  return [...sumsPerCurrency(lines)]
    .filter(([, total]) => total !== 0n)
    .map(([currency, off]) => ({ currency, off }));
}

/**
 * Checks an entry before it is posted: an id, a real date, a description, at least two lines,
 * amounts that are non-zero integers in a known currency, accounts known to `hasAccount`, and a
 * zero sum per currency. The store refuses an unbalanced entry too; this gives the clear message.
 */
export function checkEntry(entry: JournalEntry, hasAccount: (account: string) => boolean): void {
  const fail = (message: string): never => {
    throw new UplinkError("INVALID_INPUT", `Journal entry "${entry.id}": ${message}`);
  };
  if (!ENTRY_ID.test(entry.id)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The journal entry id "${entry.id}" must start with a letter or digit and use only letters, digits and . _ : / -.`,
    );
  }
  if (!isIsoDate(entry.date)) fail(`the date "${entry.date}" is not a YYYY-MM-DD date.`);
  if (entry.entity.trim() === "") fail("it names no group company.");
  if (entry.description.trim() === "") fail("it has no description.");
  if (!SOURCE_KINDS.includes(entry.source.kind)) {
    fail(`the source kind "${entry.source.kind}" is not one of ${SOURCE_KINDS.join(", ")}.`);
  }
  if (entry.source.id.trim() === "") fail("its source has no id.");
  if (entry.lines.length < 2) fail("an entry has at least two lines.");
  entry.lines.forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (typeof line.amount !== "bigint") fail(`${at}: the amount must be a bigint of minor units.`);
    if (line.amount === 0n) fail(`${at}: a line of zero posts nothing; leave it out.`);
    if (!isCurrency(line.currency)) fail(`${at}: unknown currency "${String(line.currency)}".`);
    if (!hasAccount(line.account)) {
      fail(`${at}: "${line.account}" is not an account of ${entry.entity}'s chart.`);
    }
    if (line.counterparty === entry.entity) fail(`${at}: a company is not its own counterparty.`);
  });
  const off = unbalancedCurrencies(entry.lines);
  if (off.length > 0) {
    const detail = off.map((o) => `${o.currency} off by ${o.off}`).join(", ");
    fail(`debits and credits do not balance per currency (${detail}).`);
  }
}

/** The entry that cancels `entry`: every line negated, dated `date`, naming the reason. */
export function reversalOf(entry: JournalEntry, date: string, reason: string): JournalEntry {
  if (reason.trim() === "") {
    throw new UplinkError("INVALID_INPUT", "A reversal states its reason.");
  }
  return {
    id: reversalId(entry.id),
    date,
    entity: entry.entity,
    description: `Reversal of ${entry.id}: ${reason}`,
    source: { kind: "reversal", id: entry.id },
    lines: entry.lines.map((line) => ({ ...line, amount: -line.amount })),
    reverses: entry.id,
  };
}

export function reversalId(entryId: string): string {
  return `${entryId}/R`;
}

/** Whether two entries say the same (a repeat post is then a no-op). */
export function sameEntry(a: JournalEntry, b: JournalEntry): boolean {
  if (
    a.id !== b.id ||
    a.date !== b.date ||
    a.entity !== b.entity ||
    a.description !== b.description ||
    a.source.kind !== b.source.kind ||
    a.source.id !== b.source.id ||
    (a.reverses ?? null) !== (b.reverses ?? null) ||
    a.lines.length !== b.lines.length
  ) {
    return false;
  }
  return a.lines.every((line, i) => {
    const other = b.lines[i];
    return (
      other !== undefined &&
      line.account === other.account &&
      line.amount === other.amount &&
      line.currency === other.currency &&
      (line.customerId ?? null) === (other.customerId ?? null) &&
      (line.contractId ?? null) === (other.contractId ?? null) &&
      (line.counterparty ?? null) === (other.counterparty ?? null)
    );
  });
}
