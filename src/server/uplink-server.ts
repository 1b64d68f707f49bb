import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type AppOptions, createApp } from "./uplink-app.js";

export interface ServerOptions extends AppOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
}

export interface RunningServer {
  /** The URL a person opens: localhost for the loopback address. */
  readonly url: string;
  readonly port: number;
  /** Stops taking requests, ends open connections, and waits for billing runs to settle. */
  close(): Promise<void>;
}

/** Serves the API (and the dashboard, when built) on `host:port`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { app, context } = createApp(options);
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const loopback = ["127.0.0.1", "::1", "localhost", "0.0.0.0", "::"].includes(options.host);
  const host = loopback
    ? "localhost"
    : options.host.includes(":")
      ? `[${options.host}]`
      : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await context.billingRuns.idle();
    },
  };
}
