import fs from "node:fs";
import { type Command, InvalidArgumentError, Option } from "commander";
import { formatMoney, money, parsePeriod, UplinkError } from "../../core/index.js";
import {
  closeMonth,
  exportHledgerJournal,
  findEntry,
  importTranslationRateFile,
  type JournalEntry,
  ledgerTrialBalance,
  localTrialBalance,
  monthWindow,
} from "../../ledger/index.js";
import { calendarFromEnv, withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, printJson } from "../output-format.js";
import { formatNumber, renderCsv, renderTable } from "../text-table.js";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function parseMonth(value: string): string {
  if (!MONTH.test(value)) throw new InvalidArgumentError("Give a month as YYYY-MM, e.g. 2012-09.");
  return value;
}

function yenNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new UplinkError("INTERNAL", `${value} yen is too large to print as a JSON number.`);
  }
  return n;
}

/** `uplink ledger balances | export | close | show`. */
export function registerLedgerCommand(program: Command): void {
  const ledger = program
    .command("ledger")
    .description("The general ledger: trial balances, the hledger export, closing months.")
    .addHelpText(
      "after",
      `
Amounts are signed: debits positive, credits negative (revenue and liabilities show as negative
balances). Without --entity the figures are the consolidated group's, in yen: each company's
books translated (profit and loss at the average rates, the balance sheet at the closing rate,
the difference to Equity:AccumulatedOCI:TranslationAdjustment), intercompany lines eliminated,
non-controlling interests and equity-method income booked. Rates: uplink import translation-rates.

Examples:
  uplink ledger balances --period FY11 --format json
  uplink ledger balances --period 2Q12 --entity trust-atm
  uplink ledger export --period FY11 --format hledger > fy11.journal && hledger -f fy11.journal balance
  uplink ledger close --month 2012-09`,
    );

  ledger
    .command("balances")
    .description("The trial balance of a period: one line per account with its balance in yen.")
    .requiredOption("-p, --period <period>", "a month, quarter, half or year: 2012-09, 2Q12, FY11")
    .option("--entity <id>", "one group company's own books (in yen) instead of the group's")
    .option("--local", "with --entity: in the currencies the books were kept in, minor units")
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addHelpText(
      "after",
      `
Revenue and expense accounts show the period's flows; balance-sheet accounts the position at
its end, with the profit of earlier periods in Equity:RetainedEarnings, so the lines add up to
zero. JSON: an array of {"account": NAME, "balance": YEN}, NAME as the hledger export writes it
(with --local, {"account", "currency", "balance"} in minor units).`,
    )
    .action(
      async (
        options: { period: string; entity?: string; local?: boolean; format: OutputFormat },
        command: Command,
      ) => {
        const window = monthWindow(
          parsePeriod(options.period, calendarFromEnv()),
          calendarFromEnv(),
        );
        if (options.local) {
          if (!options.entity) {
            throw new InvalidArgumentError("--local needs --entity: name the company.");
          }
          const entity = options.entity;
          const lines = await withStore(command, (store) =>
            localTrialBalance(store.db, entity, window),
          );
          if (options.format === "json") {
            printJson(
              lines.map((l) => ({
                account: l.account,
                currency: l.currency,
                balance: yenNumber(l.balance),
              })),
            );
          } else if (options.format === "csv") {
            process.stdout.write(
              renderCsv(
                ["account", "currency", "balance"],
                lines.map((l) => [l.account, l.currency, l.balance]),
              ),
            );
          } else {
            process.stdout.write(
              renderTable(lines, [
                { header: "Account", cell: (l) => l.account },
                {
                  header: "Balance",
                  align: "right",
                  cell: (l) => formatMoney(money(l.balance, l.currency)),
                },
              ]),
            );
          }
          return;
        }
        const lines = await withStore(command, (store) =>
          ledgerTrialBalance(store.db, window, options.entity),
        );
        if (options.format === "json") {
          printJson(lines.map((l) => ({ account: l.account, balance: yenNumber(l.balance) })));
        } else if (options.format === "csv") {
          process.stdout.write(
            renderCsv(
              ["account", "balance"],
              lines.map((l) => [l.account, l.balance]),
            ),
          );
        } else if (lines.length === 0) {
          process.stdout.write(`Nothing is posted up to the end of ${window.label}.\n`);
        } else {
          process.stdout.write(
            `Trial balance ${window.label} (${window.startDate} to ${window.endDate}), ${options.entity ?? "the group, consolidated"}, JPY\n\n`,
          );
          process.stdout.write(
            renderTable(lines, [
              { header: "Account", cell: (l) => l.account },
              {
                header: "Balance (JPY)",
                align: "right",
                cell: (l) => formatNumber(yenNumber(l.balance)),
              },
            ]),
          );
        }
      },
    );

  ledger
    .command("export")
    .description("The journal of a period as hledger reads it, amounts in yen.")
    .requiredOption("-p, --period <period>", "a month, quarter, half or year: 2012-09, 2Q12, FY11")
    .option("--entity <id>", "one group company's own books instead of the group's")
    .addOption(
      new Option("-f, --format <format>", "hledger (the only format)")
        .default("hledger")
        .choices(["hledger"]),
    )
    .option("-o, --output <file>", "write to a file instead of standard output")
    .addHelpText(
      "after",
      `
The journal opens with the balances on the day before the period (earlier profit in retained
earnings), then every entry dated in the period, then, for foreign books and the group, one
entry on the last day that brings each account to the trial balance (translation,
eliminations, non-controlling interests, equity-method income). So
  hledger -f FILE balance
shows what \`uplink ledger balances\` shows for the same period and scope, to the yen.`,
    )
    .action(
      async (options: { period: string; entity?: string; output?: string }, command: Command) => {
        const calendar = calendarFromEnv();
        const window = monthWindow(parsePeriod(options.period, calendar), calendar);
        const journal = await withStore(command, (store) =>
          exportHledgerJournal(store.db, window, options.entity),
        );
        if (options.output) {
          fs.writeFileSync(options.output, journal);
          process.stderr.write(`Wrote ${options.output}.\n`);
        } else {
          process.stdout.write(journal);
        }
      },
    );

  ledger
    .command("close")
    .description("Close a month: the store refuses entries dated in it from then on.")
    .requiredOption("--month <YYYY-MM>", "the month to close, e.g. 2012-09", parseMonth)
    .option("--entity <id>", "close it for one group company only (default: all)")
    .addHelpText(
      "after",
      `
Corrections to a closed month are posted in an open one (a reversal and a new entry).
Closing a closed month changes nothing.`,
    )
    .action(async (options: { month: string; entity?: string }, command: Command) => {
      const closed = await withStore(command, (store) =>
        store.db.transaction().execute((tx) =>
          closeMonth(tx, {
            month: options.month,
            entities: options.entity ? [options.entity] : undefined,
            closedAt: new Date().toISOString(),
          }),
        ),
      );
      process.stdout.write(
        closed.length === 0
          ? `${options.month} was already closed; nothing changed.\n`
          : `Closed ${options.month} for ${closed.join(", ")}.\n`,
      );
    });

  ledger
    .command("show")
    .description("Show one journal entry with its lines.")
    .argument("<id>", "the entry's id, e.g. INV-2012-09-C00001")
    .addOption(
      new Option("-f, --format <format>", "text or json").default("text").choices(["text", "json"]),
    )
    .action(async (id: string, options: { format: "text" | "json" }, command: Command) => {
      const entry = await withStore(command, (store) => findEntry(store.db, id));
      if (options.format === "json") printJson(entryJson(entry));
      else process.stdout.write(entryText(entry));
    });
}

/** `uplink import translation-rates FILE`. */
export function registerLedgerImports(importCommand: Command): void {
  importCommand
    .command("translation-rates")
    .description("Import the average and closing rates foreign books are translated at.")
    .argument("<file>", "a CSV file with a header row")
    .option("--replace", "overwrite a stored rate that a row changes (otherwise that is an error)")
    .addHelpText(
      "after",
      `
Columns: currency (USD, CNY or THB), kind (average or closing), period (for an average: a
month, quarter, half or year such as 2012-09, 2Q12, FY11; for a closing rate: its date),
jpy_per_unit (yen per unit, an exact decimal), source (where the rate comes from).
Profit and loss of a month is translated at the average of the shortest imported span that
covers it; the balance sheet at the latest closing rate in the period's last month.

Example:
  currency,kind,period,jpy_per_unit,source
  USD,average,2Q12,78.50,BoJ monthly averages
  USD,closing,2012-09-28,77.96,MUFG TTM`,
    )
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const outcome = await withStore(command, (store) =>
        importTranslationRateFile(store, file, {
          replace: options.replace ?? false,
          calendar: calendarFromEnv(),
        }),
      );
      process.stdout.write(
        `${outcome.file}: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged.\n`,
      );
    });
}

function entryJson(entry: JournalEntry) {
  return {
    id: entry.id,
    date: entry.date,
    entity: entry.entity,
    description: entry.description,
    source: entry.source,
    reverses: entry.reverses ?? null,
    lines: entry.lines.map((l) => ({
      account: l.account,
      amount: yenNumber(l.amount),
      currency: l.currency,
      customer_id: l.customerId ?? null,
      contract_id: l.contractId ?? null,
      counterparty: l.counterparty ?? null,
    })),
  };
}

function entryText(entry: JournalEntry): string {
  const head = [
    `${entry.id}  ${entry.date}  ${entry.entity}`,
    entry.description,
    `source: ${entry.source.kind} ${entry.source.id}${entry.reverses ? `, reverses ${entry.reverses}` : ""}`,
    "",
  ].join("\n");
  return `${head}\n${renderTable(entry.lines, [
    { header: "Account", cell: (l) => l.account },
    {
      header: "Debit",
      align: "right",
      cell: (l) => (l.amount > 0n ? formatMoney(money(l.amount, l.currency)) : ""),
    },
    {
      header: "Credit",
      align: "right",
      cell: (l) => (l.amount < 0n ? formatMoney(money(-l.amount, l.currency)) : ""),
    },
    { header: "Customer", cell: (l) => l.customerId ?? "" },
    { header: "Contract", cell: (l) => l.contractId ?? "" },
  ])}`;
}
