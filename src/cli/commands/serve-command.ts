import { type Command, InvalidArgumentError } from "commander";
import { pino } from "pino";
import { createApiToken, LOCAL_ACTOR } from "../../access/index.js";
import { UplinkError } from "../../core/index.js";
import { ensureReportedFacts } from "../../reporting/index.js";
import { startServer } from "../../server/index.js";
import { openStore, storeConfigFromEnv } from "../../store/index.js";
import { calendarFromEnv, type GlobalOptions } from "../command-context.js";

const DEFAULT_PORT = 8080;

/** `uplink serve [--port N] [--host H]`: the HTTP API and the dashboard, until SIGINT/SIGTERM. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Serve the HTTP API and the web dashboard from the data folder.")
    .option(
      "--port <n>",
      `the port (default: $PORT or ${DEFAULT_PORT}; 0 picks a free one)`,
      parsePort,
    )
    .option(
      "--host <address>",
      "the address to listen on; 0.0.0.0 for every interface",
      "127.0.0.1",
    )
    .addHelpText(
      "after",
      `
At each start it creates a fresh admin token (named "serve <time>") and prints it beside the URL;
\`uplink token create\` makes tokens of other roles. Log lines go to standard error as JSON,
one per request, each with its request id. Stop it with Ctrl-C (SIGINT) or SIGTERM.

  /              the dashboard (when built into dist/web)
  /docs          the API reference (/openapi.json for tools)
  /api/v1/...    the API (Authorization: Bearer <token>)
  /healthz       liveness; /metrics Prometheus metrics

Examples:
  uplink serve
  PORT=9000 uplink serve
  uplink --home ./my-data serve --port 8081`,
    )
    .action(async (options: { port?: number; host: string }, command: Command) => {
      const port = options.port ?? portFromEnv(process.env.PORT) ?? DEFAULT_PORT;
      const { home } = command.optsWithGlobals<GlobalOptions>();
      const logger = pino(
        { base: { service: "uplink" }, timestamp: pino.stdTimeFunctions.isoTime },
        pino.destination({ fd: 2, sync: true }),
      );
      const store = await openStore(storeConfigFromEnv(process.env, { home }));
      try {
        await ensureReportedFacts(store);
        const now = new Date().toISOString();
        const { secret, token } = await createApiToken(store.db, {
          role: "admin",
          name: `serve ${now}`,
          now,
          actor: LOCAL_ACTOR,
          path: "uplink serve",
        });
        const server = await startServer({
          store,
          logger,
          port,
          host: options.host,
          calendar: calendarFromEnv(),
          validateResponses: process.env.UPLINK_VALIDATE_RESPONSES === "1",
        });
        process.stdout.write(`Uplink is serving ${server.url}\nAdmin token: ${secret}\n`);
        logger.info(
          {
            url: server.url,
            store: store.location,
            dialect: store.dialect,
            admin_token_id: token.id,
          },
          "serving",
        );
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        logger.info({ signal }, "shutting down");
        await server.close();
        logger.info("stopped");
      } finally {
        await store.close();
      }
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError("Give a port number from 0 to 65535.");
  }
  return port;
}

function portFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const port = Number(value.trim());
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UplinkError("INVALID_INPUT", `PORT="${value}" is not a port number (0 to 65535).`);
  }
  return port;
}
