import fs from "node:fs";
import { type Command, InvalidArgumentError, Option } from "commander";
import {
  Decimal,
  formatMoney,
  money,
  parsePeriod,
  roundTo,
  UplinkError,
} from "../../core/index.js";
import {
  BALANCE_SHEET_LINES,
  type BalanceSheetSummary,
  CASH_FLOW_LINES,
  type CashFlowSummary,
  closeMonth,
  exportHledgerJournal,
  findEntry,
  importShareFile,
  importTranslationRateFile,
  type JournalEntry,
  ledgerTrialBalance,
  localTrialBalance,
  monthWindow,
  type QuarterEndStatements,
  quarterEndStatements,
  type ShareHistory,
  type ShareImportKind,
  shareHistory,
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

/** `uplink ledger balances | export | close | show | statements | shares`. */
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
  uplink ledger close --month 2012-09
  uplink ledger statements --period 1H12
  uplink ledger shares`,
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

  ledger
    .command("statements")
    .description("The balance-sheet and cash-flow summaries at each quarter end of a period.")
    .requiredOption("-p, --period <period>", "a quarter, half or year: 2Q12, 1H12, FY11")
    .option("--entity <id>", "one group company's own books (in yen) instead of the group's")
    .addOption(
      new Option("--unit <unit>", "the table's unit: million (JPY million, half-up) or yen")
        .default("million")
        .choices(["million", "yen"]),
    )
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addHelpText(
      "after",
      `
One column per quarter end (2Q12: one, 1H12: two, FY11: four). The balance sheet groups the
trial balance at the quarter's end (retained earnings include the quarter's profit; an account
no line names goes to the "other" line of its type) and checks assets = liabilities + equity.
The cash flows are the indirect method from the balance sheet at the end of the quarter before:
net income, working capital, investing (property and equipment net of depreciation,
intangibles, investments), financing (dividends = the change in retained earnings the profit
does not explain), the translation adjustment, and the check that they add up to the change in
cash. JSON and CSV give exact yen.`,
    )
    .action(
      async (
        options: { period: string; entity?: string; unit: "million" | "yen"; format: OutputFormat },
        command: Command,
      ) => {
        const calendar = calendarFromEnv();
        const period = parsePeriod(options.period, calendar);
        const statements = await withStore(command, (store) =>
          quarterEndStatements(store.db, period, calendar, options.entity),
        );
        const rows = statementRows(statements);
        if (options.format === "json") {
          printJson({
            period: monthWindow(period, calendar).label,
            entity: options.entity ?? "group",
            quarters: statements.map(statementsJson),
          });
        } else if (options.format === "csv") {
          process.stdout.write(
            renderCsv(
              ["statement", "line", ...statements.map((q) => q.quarter)],
              rows
                .filter((r) => r.values !== null)
                .map((r) => [r.statement, r.line, ...(r.values ?? [])]),
            ),
          );
        } else if (statements.every((q) => q.balanceSheet.placements.length === 0)) {
          process.stdout.write(
            `Nothing is posted up to the end of ${monthWindow(period, calendar).label}.\n`,
          );
        } else {
          const window = monthWindow(period, calendar);
          const unit = options.unit === "yen" ? "JPY" : "JPY million, rounded half-up";
          process.stdout.write(
            `Quarter-end statements ${window.label} (${window.startDate} to ${window.endDate}), ${options.entity ?? "the group, consolidated"}\n${unit}\n\n`,
          );
          const shown = (yen: bigint) =>
            formatNumber(options.unit === "yen" ? yenNumber(yen) : millions(yen));
          process.stdout.write(
            renderTable(rows, [
              { header: "", cell: (r) => r.label },
              ...statements.map((q, i) => ({
                header: q.endDate,
                align: "right" as const,
                cell: (r: StatementRow) => {
                  const value = r.values?.[i];
                  return value === undefined ? "" : shown(value);
                },
              })),
            ]),
          );
          const off = statements.filter((q) => !q.balanceSheet.balances || !q.cashFlow.agrees);
          if (off.length > 0) {
            process.stdout.write(
              `\nThe checks fail at ${off.map((q) => q.endDate).join(", ")}: the trial balance does not add up to zero there.\n`,
            );
          }
        }
      },
    );

  ledger
    .command("shares")
    .description("Shares outstanding, stock splits and dividends per share, split-adjusted.")
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addHelpText(
      "after",
      `
Each count of shares outstanding as recorded, and restated for the splits since (1:200 on
2012-10-01 makes one share 200); each dividend per share as declared and restated likewise.
CSV lists the counts. Import them: uplink import shares | stock-splits | dividends FILE.`,
    )
    .action(async (options: { format: OutputFormat }, command: Command) => {
      const history = await withStore(command, (store) => shareHistory(store.db));
      if (options.format === "json") printJson(shareHistoryJson(history));
      else if (options.format === "csv") {
        process.stdout.write(
          renderCsv(
            ["from", "shares", "split_factor", "split_adjusted", "source"],
            history.counts.map((c) => [c.from, c.shares, c.splitFactor, c.splitAdjusted, c.source]),
          ),
        );
      } else process.stdout.write(shareHistoryText(history));
    });
}

const SHARE_IMPORT_HELP: Readonly<Record<ShareImportKind, { description: string; help: string }>> =
  {
    shares: {
      description: "Import counts of shares outstanding (what per-share figures divide by).",
      help: `
Columns: date (the count holds from this date until the next), shares (a whole number, as
counted at the time, before any later split), source.

Example:
  date,shares,source
  2011-04-01,202683,annual report`,
    },
    "stock-splits": {
      description: "Import stock splits, for restating per-share figures retroactively.",
      help: `
Columns: effective_on (date), ratio (new shares per old share: 200 or 1:200), source.

Example:
  effective_on,ratio,source
  2012-10-01,200,notice of stock split`,
    },
    dividends: {
      description: "Import dividends per share as declared.",
      help: `
Columns: fiscal_period (FY11), kind (interim or year_end), yen_per_share (as declared, on the
basis of its record date; an exact decimal), record_date (in that fiscal year), source.

Example:
  fiscal_period,kind,yen_per_share,record_date,source
  FY11,year_end,1750,2012-03-31,dividend notice`,
    },
  };

/** `uplink import translation-rates | shares | stock-splits | dividends FILE`. */
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

  for (const kind of ["shares", "stock-splits", "dividends"] as const) {
    importCommand
      .command(kind)
      .description(SHARE_IMPORT_HELP[kind].description)
      .argument("<file>", "a CSV file with a header row")
      .option("--replace", "overwrite a stored row that a row changes (otherwise that is an error)")
      .addHelpText("after", SHARE_IMPORT_HELP[kind].help)
      .action(async (file: string, options: { replace?: boolean }, command: Command) => {
        const outcome = await withStore(command, (store) =>
          importShareFile(store, kind, file, {
            replace: options.replace ?? false,
            calendar: calendarFromEnv(),
          }),
        );
        process.stdout.write(
          `${outcome.file}: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged.\n`,
        );
      });
  }
}

function millions(yen: bigint): number {
  return Number(roundTo(new Decimal(yen.toString()).div(1_000_000), 0, "half-up").toFixed(0));
}

/** A row of the statements table: a heading (no values) or a line with one value per quarter. */
interface StatementRow {
  readonly statement: "balance_sheet" | "cash_flow";
  readonly line: string;
  readonly label: string;
  readonly values: readonly bigint[] | null;
}

function statementRows(statements: readonly QuarterEndStatements[]): StatementRow[] {
  const rows: StatementRow[] = [];
  const heading = (statement: StatementRow["statement"], label: string) =>
    rows.push({ statement, line: "", label, values: null });
  const bs = (line: string, label: string, value: (b: BalanceSheetSummary) => bigint) =>
    rows.push({
      statement: "balance_sheet",
      line,
      label,
      values: statements.map((q) => value(q.balanceSheet)),
    });
  const cf = (line: string, label: string, value: (c: CashFlowSummary) => bigint) =>
    rows.push({
      statement: "cash_flow",
      line,
      label,
      values: statements.map((q) => value(q.cashFlow)),
    });
  const bsSection = (section: string) => {
    for (const l of BALANCE_SHEET_LINES.filter((x) => x.section === section)) {
      bs(l.line, `  ${l.label}`, (b) => b.lines[l.line]);
    }
  };
  const cfSection = (section: string) => {
    for (const l of CASH_FLOW_LINES.filter((x) => x.section === section)) {
      cf(l.line, `  ${l.label}`, (c) => c.lines[l.line]);
    }
  };

  heading("balance_sheet", "Balance sheet at the quarter end");
  heading("balance_sheet", "Current assets");
  bsSection("current_assets");
  bs("current_assets", "  Total current assets", (b) => b.currentAssets);
  heading("balance_sheet", "Non-current assets");
  bsSection("noncurrent_assets");
  bs("noncurrent_assets", "  Total non-current assets", (b) => b.nonCurrentAssets);
  bs("total_assets", "Total assets", (b) => b.totalAssets);
  heading("balance_sheet", "Liabilities");
  bsSection("liabilities");
  bs("total_liabilities", "  Total liabilities", (b) => b.totalLiabilities);
  heading("balance_sheet", "Equity");
  bsSection("equity");
  bs("total_equity", "  Total equity", (b) => b.totalEquity);
  bs(
    "total_liabilities_and_equity",
    "Total liabilities and equity",
    (b) => b.totalLiabilitiesAndEquity,
  );
  bs("difference", "Check: assets - (liabilities + equity)", (b) => b.difference);
  heading("cash_flow", "");
  heading("cash_flow", "Cash flows in the quarter");
  heading("cash_flow", "Operating activities");
  cfSection("operating");
  cf("operating", "  Net cash from operating activities", (c) => c.operating);
  heading("cash_flow", "Investing activities");
  cfSection("investing");
  cf("investing", "  Net cash from investing activities", (c) => c.investing);
  heading("cash_flow", "Financing activities");
  cfSection("financing");
  cf("financing", "  Net cash from financing activities", (c) => c.financing);
  cf("translation", "Translation adjustment", (c) => c.translation);
  cf("total", "Total", (c) => c.total);
  cf("change_in_cash", "Change in cash (balance sheets)", (c) => c.changeInCash);
  cf("difference", "Check: total - change in cash", (c) => c.difference);
  return rows;
}

function statementsJson(q: QuarterEndStatements) {
  const b = q.balanceSheet;
  const c = q.cashFlow;
  const yen = (lines: Readonly<Record<string, bigint>>) =>
    Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, yenNumber(v)]));
  return {
    quarter: q.quarter,
    start: q.startDate,
    end: q.endDate,
    balance_sheet: {
      date: b.date,
      lines: yen(b.lines),
      current_assets: yenNumber(b.currentAssets),
      noncurrent_assets: yenNumber(b.nonCurrentAssets),
      total_assets: yenNumber(b.totalAssets),
      total_liabilities: yenNumber(b.totalLiabilities),
      total_equity: yenNumber(b.totalEquity),
      total_liabilities_and_equity: yenNumber(b.totalLiabilitiesAndEquity),
      difference: yenNumber(b.difference),
      balances: b.balances,
      net_income: yenNumber(b.netIncome),
    },
    cash_flow: {
      start: c.startDate,
      end: c.endDate,
      lines: yen(c.lines),
      operating: yenNumber(c.operating),
      investing: yenNumber(c.investing),
      financing: yenNumber(c.financing),
      translation: yenNumber(c.translation),
      total: yenNumber(c.total),
      cash_at_start: yenNumber(c.cashAtStart),
      cash_at_end: yenNumber(c.cashAtEnd),
      change_in_cash: yenNumber(c.changeInCash),
      difference: yenNumber(c.difference),
      agrees: c.agrees,
    },
  };
}

function shareHistoryJson(history: ShareHistory) {
  return {
    as_of: history.asOf,
    counts: history.counts.map((c) => ({
      from: c.from,
      shares: yenNumber(c.shares),
      split_factor: yenNumber(c.splitFactor),
      split_adjusted: yenNumber(c.splitAdjusted),
      source: c.source,
    })),
    splits: history.splits.map((s) => ({
      effective_on: s.effectiveOn,
      ratio: yenNumber(s.ratio),
      source: s.source,
    })),
    dividends: history.dividends.map((d) => ({
      fiscal_period: d.fiscalPeriod,
      kind: d.kind,
      record_date: d.recordDate,
      yen_per_share: d.perShare.toNumber(),
      split_adjusted: d.restated.toNumber(),
      source: d.source,
    })),
  };
}

function shareHistoryText(history: ShareHistory): string {
  if (history.asOf === null) {
    return "No shares are recorded; import them: uplink import shares | stock-splits | dividends FILE.\n";
  }
  const splits =
    history.splits.length === 0
      ? "no splits"
      : history.splits.map((s) => `1:${s.ratio} on ${s.effectiveOn}`).join(", ");
  const parts = [
    `Shares outstanding, split-adjusted to ${history.asOf} (${splits})\n\n`,
    renderTable(history.counts, [
      { header: "From", cell: (c) => c.from },
      { header: "Shares", align: "right", cell: (c) => c.shares.toLocaleString("en-US") },
      { header: "Split factor", align: "right", cell: (c) => c.splitFactor.toString() },
      {
        header: "Split-adjusted",
        align: "right",
        cell: (c) => c.splitAdjusted.toLocaleString("en-US"),
      },
      { header: "Source", cell: (c) => c.source },
    ]),
  ];
  if (history.dividends.length > 0) {
    parts.push(
      `\nDividends per share (JPY), as declared and split-adjusted\n\n`,
      renderTable(history.dividends, [
        { header: "Year", cell: (d) => d.fiscalPeriod },
        { header: "Kind", cell: (d) => (d.kind === "interim" ? "interim" : "year-end") },
        { header: "Record date", cell: (d) => d.recordDate },
        { header: "Declared", align: "right", cell: (d) => formatNumber(d.perShare.toNumber(), 2) },
        {
          header: "Split-adjusted",
          align: "right",
          cell: (d) => formatNumber(d.restated.toNumber(), 2),
        },
      ]),
    );
  }
  return parts.join("");
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
