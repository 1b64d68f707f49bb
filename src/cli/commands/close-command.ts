import { type Command, InvalidArgumentError } from "commander";
import { monthlyClose } from "../../flows/index.js";
import { withStore } from "../command-context.js";
import { printJson } from "../output-format.js";
import { formatNumber } from "../text-table.js";
import { describeSummary, progressReporter, requireMonth } from "./bill-command.js";

/** `uplink close --month M`: the monthly close, bill then book. */
export function registerCloseCommand(program: Command): void {
  program
    .command("close")
    .description(
      "The monthly close: bill the month, then recognise its revenue and costs in the ledger.",
    )
    .option("--month <YYYY-MM>", "the month to close, e.g. 2012-09")
    .option(
      "--setup-fee-life-months <n>",
      "expected customer life that initial set-up fees are recognised over (default 24; fixed at the first close)",
      parseLife,
    )
    .option("-f, --format <format>", "text or json", "text")
    .addHelpText(
      "after",
      `
What the books of a month hold (one balanced entry per source, in the issuing company's books):
  invoices          receivable for the total; revenue per line on the account of its product
                    line; consumption tax payable; dated the month's last day
  set-up fees       to deferred revenue, released in equal monthly parts over the expected
                    customer life from the month of service
  reseller lines    presented net: only the net share is revenue, the rest is owed to the carrier
  credit notes      booked in the month of issue, each line like the line it takes back
  SI, equipment,    as invoiced: SI construction by percentage of completion or on acceptance,
  ATM, usage        O&M monthly, equipment on delivery, ATM commissions per withdrawal
  costs             each cost record (segment × category, SG&A, R&D) against payables; the cost
                    of each equipment delivery on its date
  cash              what was owed at the end of the month before is collected and paid

The month before must be closed first. Running the close again changes nothing.

Examples:
  uplink close --month 2012-09
  uplink close --month 2012-09 --format json
  uplink report --period 2Q12 --source ledger --compare reported`,
    )
    .action(
      async (
        options: { month?: string; setupFeeLifeMonths?: number; format: string },
        command: Command,
      ) => {
        const month = requireMonth(options.month, "uplink close --month 2012-09");
        const progress = progressReporter();
        const result = await withStore(command, (store) =>
          monthlyClose(store, month, {
            onProgress: progress.update,
            ...(options.setupFeeLifeMonths === undefined
              ? {}
              : { settings: { setupFeeLifeMonths: options.setupFeeLifeMonths } }),
          }),
        );
        progress.finish();
        if (options.format === "json") {
          printJson({ month, books: result.books, invoices: result.billing.invoices });
          return;
        }
        const books = result.books;
        process.stdout.write(
          `${describeSummary(result.billing)}\nBooked ${month}: ${formatNumber(books.entries)} journal entries (${formatNumber(books.lines)} lines); ${formatNumber(books.posted)} posted now, ${formatNumber(books.unchanged)} already in the ledger.\n`,
        );
      },
    );
}

function parseLife(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || n > 240)
    throw new InvalidArgumentError("Give a whole number of months from 1 to 240.");
  return n;
}
