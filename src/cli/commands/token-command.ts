import { type Command, Option } from "commander";
import {
  type ApiToken,
  createApiToken,
  LOCAL_ACTOR,
  listApiTokens,
  ROLES,
  revokeApiToken,
  tokenJson,
} from "../../access/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, parseLimit, printJson } from "../output-format.js";
import { renderCsv, renderTable } from "../text-table.js";

/** `uplink token create|list|revoke`: the API's bearer tokens. */
export function registerTokenCommand(program: Command): void {
  const token = program
    .command("token")
    .description("Create, list and revoke the API's bearer tokens (stored hashed, shown once).");

  token
    .command("create")
    .description("Create a token and print it, alone, on standard output.")
    .addOption(
      new Option("--role <role>", "what the token may do").choices(ROLES).makeOptionMandatory(),
    )
    .option("--customer <id>", "the customer a customer token is confined to (required for it)")
    .option("--name <text>", "a name to recognise the token by in lists and the audit log")
    .addHelpText(
      "after",
      `
Roles:
  admin        everything, including the audit log
  finance      reports, facts, billing runs, invoices, the ledger
  operations   reports, customers, contracts, usage, SI projects
  customer     its own customer, contracts, usage, projects and invoices only

The token is printed once and only its SHA-256 is stored: keep it; if it is lost, revoke it
and create another. Send it as "Authorization: Bearer <token>".

Examples:
  uplink token create --role finance --name "monthly close"
  TOKEN=$(uplink token create --role customer --customer C00001)`,
    )
    .action(
      async (options: { role: string; customer?: string; name?: string }, command: Command) => {
        const { secret } = await withStore(command, (store) =>
          createApiToken(store.db, {
            role: options.role,
            customerId: options.customer,
            name: options.name,
            now: new Date().toISOString(),
            actor: LOCAL_ACTOR,
          }),
        );
        process.stdout.write(`${secret}\n`);
      },
    );

  token
    .command("list")
    .description("List tokens, newest first (never their secrets).")
    .option("--active", "leave out revoked tokens")
    .addOption(new Option("--limit <n>", "at most n tokens").default(50).argParser(parseLimit))
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .action(
      async (
        options: { active?: boolean; limit: number; format: OutputFormat },
        command: Command,
      ) => {
        const tokens = await withStore(command, (store) =>
          listApiTokens(store.db, { activeOnly: options.active ?? false, limit: options.limit }),
        );
        printTokens(tokens, options.format);
      },
    );

  token
    .command("revoke")
    .description("Revoke a token: from now on it is refused (401).")
    .argument("<id>", "the token id, e.g. tok_3f9a2b1c4d5e (see `uplink token list`)")
    .action(async (id: string, _options: unknown, command: Command) => {
      const { token: revoked, changed } = await withStore(command, (store) =>
        revokeApiToken(store.db, id, { now: new Date().toISOString(), actor: LOCAL_ACTOR }),
      );
      process.stdout.write(
        changed
          ? `Revoked ${revoked.id} (${revoked.name}).\n`
          : `${revoked.id} was already revoked on ${revoked.revokedAt}.\n`,
      );
    });
}

function printTokens(tokens: readonly ApiToken[], format: OutputFormat): void {
  if (format === "json") {
    printJson(tokens.map(tokenJson));
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        ["id", "name", "role", "customer_id", "created_at", "revoked_at"],
        tokens.map((t) => [t.id, t.name, t.role, t.customerId, t.createdAt, t.revokedAt]),
      ),
    );
    return;
  }
  if (tokens.length === 0) {
    process.stdout.write("No tokens; `uplink token create --role ROLE` makes one.\n");
    return;
  }
  process.stdout.write(
    renderTable(tokens, [
      { header: "ID", cell: (t) => t.id },
      { header: "Name", cell: (t) => (t.name.length > 36 ? `${t.name.slice(0, 35)}…` : t.name) },
      { header: "Role", cell: (t) => t.role },
      { header: "Customer", cell: (t) => t.customerId ?? "" },
      { header: "Created", cell: (t) => t.createdAt.slice(0, 19).replace("T", " ") },
      { header: "Revoked", cell: (t) => t.revokedAt?.slice(0, 19).replace("T", " ") ?? "" },
    ]),
  );
}
