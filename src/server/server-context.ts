import type { Logger } from "pino";
import type { Principal } from "../access/index.js";
import type { FiscalCalendar } from "../core/index.js";
import type { Store } from "../store/index.js";
import type { BillingRunTracker } from "./billing-run-tracker.js";
import type { RequestMetrics } from "./request-metrics.js";

/** What every route works with: the open store and the server's long-lived parts. */
export interface ServerContext {
  readonly store: Store;
  readonly calendar: FiscalCalendar;
  readonly logger: Logger;
  readonly metrics: RequestMetrics;
  readonly billingRuns: BillingRunTracker;
  /** The clock of audit entries and run timestamps (tests pass a fixed one). */
  readonly now: () => Date;
  /** The built dashboard (index.html, assets/), or null when it is not built. */
  readonly webRoot: string | null;
}

/** Hono's per-request variables: the request id (every log line has it) and the caller. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
  };
}
