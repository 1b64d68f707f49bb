import { type Command, Option } from "commander";
import {
  CUSTOMER_STATUSES,
  type Customer,
  type CustomerStatus,
  contactsOf,
  findCustomer,
  findGroupCompany,
  type GroupCompany,
  type ImportOutcome,
  INDUSTRIES,
  type Industry,
  importContactFile,
  importCustomerFile,
  importGroupCompanyFile,
  listCustomers,
  listGroupCompanies,
} from "../../customers/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, parseLimit, printJson } from "../output-format.js";
import { renderCsv, renderTable } from "../text-table.js";

/** `uplink customers list|show|group-companies`. */
export function registerCustomersCommand(program: Command): void {
  const customers = program
    .command("customers")
    .description("Look up customers, their contacts and the group companies serving them.");

  customers
    .command("list")
    .description("List customers in id order, filtered.")
    .addOption(new Option("--industry <industry>", "only this industry").choices(INDUSTRIES))
    .addOption(new Option("--status <status>", "only this status").choices(CUSTOMER_STATUSES))
    .option("--group-company <id>", "only customers served by this group company")
    .option("--search <text>", "part of the id or name, any case")
    .addOption(new Option("--limit <n>", "at most n customers").default(50).argParser(parseLimit))
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addHelpText(
      "after",
      `
Examples:
  uplink customers list --industry financial --status active
  uplink customers list --search bank --format json`,
    )
    .action(
      async (
        options: {
          industry?: Industry;
          status?: CustomerStatus;
          groupCompany?: string;
          search?: string;
          limit: number;
          format: OutputFormat;
        },
        command: Command,
      ) => {
        const rows = await withStore(command, (store) =>
          listCustomers(store.db, {
            industry: options.industry,
            status: options.status,
            groupCompanyId: options.groupCompany,
            search: options.search,
            limit: options.limit,
          }),
        );
        printCustomers(rows, options.format);
      },
    );

  customers
    .command("show")
    .description("Show one customer with its group company and contacts.")
    .argument("<id>", "the customer id, e.g. C00001")
    .addOption(
      new Option("-f, --format <format>", "text or json").default("text").choices(["text", "json"]),
    )
    .action(async (id: string, options: { format: "text" | "json" }, command: Command) => {
      const shown = await withStore(command, async (store) => {
        const customer = await findCustomer(store.db, id);
        return {
          customer,
          company: await findGroupCompany(store.db, customer.groupCompanyId),
          contacts: await contactsOf(store.db, id),
        };
      });
      if (options.format === "json") {
        printJson({ ...customerJson(shown.customer), contacts: shown.contacts });
        return;
      }
      const { customer, company, contacts } = shown;
      const lines = [
        `${customer.id}  ${customer.name}`,
        `  industry          ${customer.industry}`,
        `  country           ${customer.country}`,
        `  served by         ${company.id} (${company.name})`,
        `  billing currency  ${customer.billingCurrency}`,
        `  status            ${customer.status} since ${customer.statusSince}`,
        `  billing address   ${customer.billingAddress || "(none)"}`,
        contacts.length === 0 ? "  contacts          (none)" : "  contacts",
        ...contacts.map((c) => `    ${c.name} <${c.email}>, ${c.role}`),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    });

  customers
    .command("group-companies")
    .description("List the group's companies: parent, subsidiaries and equity-method investees.")
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .action(async (options: { format: OutputFormat }, command: Command) => {
      const companies = await withStore(command, (store) => listGroupCompanies(store.db));
      printGroupCompanies(companies, options.format);
    });
}

/** `uplink import group-companies|customers|contacts FILE`. */
export function registerCustomerImports(importCommand: Command): void {
  const kinds = [
    {
      name: "group-companies",
      run: importGroupCompanyFile,
      what: "the group's companies",
      help: `Columns: id, name, ownership_percent, functional_currency, consolidated_from, relation
(required); parent. relation is parent, subsidiary or equity_method; the parent has no
parent and 100 percent; ownership is exact decimal ("79.5"); currencies JPY, USD, CNY, THB.
Example rows:
  G1,Uplink Inc.,,100,JPY,2000-04-01,parent
  G2,Uplink Systems,G1,79.5,JPY,2010-04-01,subsidiary`,
    },
    {
      name: "customers",
      run: importCustomerFile,
      what: "customers",
      help: `Columns: id, name, industry, country, group_company, status_since (required);
billing_currency (default JPY), status (active, suspended, closed; default active),
billing_address. Industries: ${INDUSTRIES.join(", ")}. Country: ISO 3166 alpha-2.
Example row:
  C00001,Acme Bank,financial,JP,G1,JPY,active,2008-04-01,"1-1 Otemachi, Tokyo"`,
    },
    {
      name: "contacts",
      run: importContactFile,
      what: "customer contacts",
      help: `Columns: customer, name, email, role (all required); one contact per e-mail address.
Example row:
  C00001,Hanako Sato,hanako.sato@acme.example,billing`,
    },
  ];
  for (const kind of kinds) {
    importCommand
      .command(kind.name)
      .description(`Import ${kind.what} from a CSV file with a header: all rows or none.`)
      .argument("<file>", "a .csv file")
      .option("--replace", "overwrite stored records a row changes (otherwise that is an error)")
      .addHelpText(
        "after",
        `
${kind.help}

A file with any bad row writes nothing and names the file, line and field; importing the
same file again changes nothing.`,
      )
      .action(async (file: string, options: { replace?: boolean }, command: Command) => {
        const outcome = await withStore(command, (store) =>
          kind.run(store, file, { replace: options.replace ?? false }),
        );
        printOutcome(outcome);
      });
  }
}

function printOutcome(outcome: ImportOutcome): void {
  process.stdout.write(
    `${outcome.file}: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged.\n`,
  );
}

function customerJson(customer: Customer) {
  return {
    id: customer.id,
    name: customer.name,
    industry: customer.industry,
    country: customer.country,
    groupCompany: customer.groupCompanyId,
    billingCurrency: customer.billingCurrency,
    status: customer.status,
    statusSince: customer.statusSince,
    billingAddress: customer.billingAddress,
  };
}

function printCustomers(rows: readonly Customer[], format: OutputFormat): void {
  if (format === "json") {
    printJson(rows.map(customerJson));
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        [
          "id",
          "name",
          "industry",
          "country",
          "group_company",
          "billing_currency",
          "status",
          "status_since",
          "billing_address",
        ],
        rows.map((c) => [
          c.id,
          c.name,
          c.industry,
          c.country,
          c.groupCompanyId,
          c.billingCurrency,
          c.status,
          c.statusSince,
          c.billingAddress,
        ]),
      ),
    );
    return;
  }
  if (rows.length === 0) {
    process.stdout.write("No customers match.\n");
    return;
  }
  process.stdout.write(
    renderTable(rows, [
      { header: "ID", cell: (c) => c.id },
      { header: "Name", cell: (c) => (c.name.length > 40 ? `${c.name.slice(0, 39)}…` : c.name) },
      { header: "Industry", cell: (c) => c.industry },
      { header: "Country", cell: (c) => c.country },
      { header: "Group co.", cell: (c) => c.groupCompanyId },
      { header: "Currency", cell: (c) => c.billingCurrency },
      { header: "Status", cell: (c) => c.status },
      { header: "Since", cell: (c) => c.statusSince },
    ]),
  );
}

function printGroupCompanies(rows: readonly GroupCompany[], format: OutputFormat): void {
  const json = rows.map((c) => ({
    id: c.id,
    name: c.name,
    parent: c.parentId,
    ownershipPercent: c.ownershipPercent.toFixed(),
    functionalCurrency: c.functionalCurrency,
    consolidatedFrom: c.consolidatedFrom,
    relation: c.relation,
  }));
  if (format === "json") {
    printJson(json);
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        [
          "id",
          "name",
          "parent",
          "ownership_percent",
          "functional_currency",
          "consolidated_from",
          "relation",
        ],
        json.map((c) => [
          c.id,
          c.name,
          c.parent ?? "",
          c.ownershipPercent,
          c.functionalCurrency,
          c.consolidatedFrom,
          c.relation,
        ]),
      ),
    );
    return;
  }
  if (rows.length === 0) {
    process.stdout.write(
      "No group companies; import them with `uplink import group-companies FILE`.\n",
    );
    return;
  }
  process.stdout.write(
    renderTable(json, [
      { header: "ID", cell: (c) => c.id },
      { header: "Name", cell: (c) => c.name },
      { header: "Relation", cell: (c) => c.relation },
      { header: "Parent", cell: (c) => c.parent ?? "" },
      { header: "Owned %", align: "right", cell: (c) => c.ownershipPercent },
      { header: "Currency", cell: (c) => c.functionalCurrency },
      { header: "Consolidated from", cell: (c) => c.consolidatedFrom },
    ]),
  );
}
