import { Command } from "commander";
import { registerBillCommand, registerBillingImports } from "./commands/bill-command.js";
import { registerCatalogCommand, registerCatalogImports } from "./commands/catalog-command.js";
import { registerCloseCommand } from "./commands/close-command.js";
import { registerContractImports, registerContractsCommand } from "./commands/contracts-command.js";
import { registerCustomerImports, registerCustomersCommand } from "./commands/customers-command.js";
import { registerDemoCommand } from "./commands/demo-command.js";
import { registerFactsCommand } from "./commands/facts-command.js";
import { registerInvoicesCommand } from "./commands/invoices-command.js";
import { registerLedgerCommand, registerLedgerImports } from "./commands/ledger-command.js";
import { registerMetricsCommand } from "./commands/metrics-command.js";
import {
  registerOperationsCommands,
  registerOperationsImports,
} from "./commands/operations-command.js";
import { registerReportCommand } from "./commands/report-command.js";
import { registerServeCommand } from "./commands/serve-command.js";
import { registerTokenCommand } from "./commands/token-command.js";
import { registerUsageCommand } from "./commands/usage-command.js";
import { registerVerifySourceCommand } from "./commands/verify-source-command.js";

export function buildProgram(): Command {
  const program = new Command("uplink")
    .description(
      "Uplink runs a network provider's business, keeps its books and reports its quarters.",
    )
    // Set before the subcommands are added, so that they inherit it: main() decides exit codes.
    .exitOverride()
    .option("--home <dir>", "the data folder (default: $UPLINK_HOME or ./uplink-data)")
    .showHelpAfterError("(add --help for usage)")
    .addHelpText(
      "after",
      `
Environment:
  UPLINK_HOME            the data folder for the embedded SQLite store (default ./uplink-data)
  UPLINK_DATABASE_URL    postgres://… to use a PostgreSQL server instead

Start with:
  uplink report --period 2Q12      the quarter as the presentation frames it
  uplink verify-source             check the presentation's own statements`,
    );
  // `uplink import <kind> FILE`: each module adds its record kinds to this one command.
  const importCommand = program
    .command("import")
    .description(
      "Import operational records from CSV: all rows of a file or none; a repeat changes nothing.",
    );
  registerReportCommand(program);
  registerFactsCommand(program);
  registerVerifySourceCommand(program);
  registerMetricsCommand(program);
  registerCustomerImports(importCommand);
  registerCatalogImports(importCommand);
  registerContractImports(importCommand);
  registerOperationsImports(importCommand);
  registerCustomersCommand(program);
  registerCatalogCommand(program);
  registerContractsCommand(program);
  registerOperationsCommands(program);
  registerUsageCommand(program, importCommand);
  registerBillingImports(importCommand);
  registerBillCommand(program);
  registerCloseCommand(program);
  registerInvoicesCommand(program);
  registerDemoCommand(program);
  registerLedgerImports(importCommand);
  registerLedgerCommand(program);
  registerTokenCommand(program);
  registerServeCommand(program);
  return program;
}
