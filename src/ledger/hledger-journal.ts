import type { Account, AccountType } from "./account.js";

/** A transaction as the journal export writes it: amounts in yen, debit positive. */
export interface ExportTransaction {
  readonly date: string;
  readonly code?: string | undefined;
  readonly description: string;
  /** `tag: value` pairs written as the transaction's comment. */
  readonly tags?: readonly [string, string][] | undefined;
  readonly postings: readonly {
    readonly account: string;
    readonly amount: bigint;
    readonly comment?: string | undefined;
  }[];
}

const TYPE_CODES: Readonly<Record<AccountType, string>> = {
  asset: "A",
  liability: "L",
  equity: "E",
  revenue: "R",
  expense: "X",
};

/**
 * Renders a journal that hledger reads: a header comment, the yen commodity (no decimals, no
 * thousands mark), each account used with its type, then the transactions in the order given.
 * Descriptions and comments lose any `;` or line break, which would end them early in hledger.
 */
export function renderHledgerJournal(journal: {
  readonly title: string;
  readonly accounts: readonly Account[];
  readonly transactions: readonly ExportTransaction[];
}): string {
  const out: string[] = [];
  for (const line of journal.title.split("\n")) out.push(`; ${line}`.trimEnd());
  out.push("", "commodity JPY 1000.", "");
  const used = new Set(journal.transactions.flatMap((t) => t.postings.map((p) => p.account)));
  for (const account of [...journal.accounts].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!used.has(account.name)) continue;
    out.push(`account ${account.name}  ; type: ${TYPE_CODES[account.type]}`);
  }
  for (const t of journal.transactions) {
    out.push("");
    const code = t.code ? ` (${t.code})` : "";
    const tags = t.tags?.length
      ? `  ; ${t.tags.map(([k, v]) => `${k}: ${clean(v).replaceAll(",", " ")}`).join(", ")}`
      : "";
    out.push(`${t.date}${code} ${clean(t.description)}${tags}`);
    for (const p of t.postings) {
      const comment = p.comment ? `  ; ${clean(p.comment)}` : "";
      out.push(`    ${p.account}  JPY ${p.amount.toString()}${comment}`);
    }
  }
  return `${out.join("\n")}\n`;
}

function clean(text: string): string {
  return text.replace(/[;\r\n]+/g, " ").trim();
}

/** Reads `hledger balance -O csv` output back: account → yen. */
export function parseHledgerBalanceCsv(csv: string): Map<string, bigint> {
  const balances = new Map<string, bigint>();
  for (const line of csv.split(/\r?\n/)) {
    const match = /^"([^"]+)","(.*)"$/.exec(line);
    if (!match) continue;
    const [, account = "", amount = ""] = match;
    if (account === "account" || account === "total") continue;
    const yen = /^JPY (-?\d+)$/.exec(amount.replaceAll(",", ""));
    balances.set(account, yen?.[1] ? BigInt(yen[1]) : 0n);
  }
  return balances;
}
