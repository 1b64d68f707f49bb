import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { runBilling } from "../billing/index.js";
import { isUplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import { errorResponseOf } from "./http-error.js";

/** What this server knows of a run it started: more than the store holds while rating. */
export interface TrackedRun {
  readonly month: string;
  /** rating: the month is being rated in memory (nothing is written yet); writing: invoices are. */
  phase: "rating" | "writing" | "finished" | "failed";
  customersDone: number;
  customersTotal: number | null;
  invoices: number;
  startedAt: string;
  error: { code: string; message: string } | null;
}

/**
 * Billing runs started over the API, run in the background of this process one month at a time
 * (a second start of a month that is running returns the same run). The store keeps each run's
 * status and progress marker; this keeps what only the running process knows — the phase, the
 * customers to do, and a failure's message.
 */
export class BillingRunTracker {
  private readonly runs = new Map<string, TrackedRun>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** The run of `month` this process knows of, if any. */
  progressOf(month: string): TrackedRun | undefined {
    return this.runs.get(month);
  }

  /** Months this process has run or is running. */
  months(): string[] {
    return [...this.runs.keys()];
  }

  /** How many runs are going on now. */
  get active(): number {
    return [...this.runs.values()].filter((r) => r.phase === "rating" || r.phase === "writing")
      .length;
  }

  isRunning(month: string): boolean {
    const run = this.runs.get(month);
    return run !== undefined && (run.phase === "rating" || run.phase === "writing");
  }

  /** Starts billing `month` in the background; returns the tracked run at once. */
  start(month: string): TrackedRun {
    const existing = this.runs.get(month);
    if (existing && (existing.phase === "rating" || existing.phase === "writing")) return existing;
    const run: TrackedRun = {
      month,
      phase: "rating",
      customersDone: 0,
      customersTotal: null,
      invoices: 0,
      startedAt: this.now().toISOString(),
      error: null,
    };
    this.runs.set(month, run);
    const work = runBilling(this.db, {
      month,
      now: this.now,
      onProgress: (progress) => {
        run.phase = "writing";
        run.customersDone = progress.customersDone;
        run.customersTotal = progress.customersTotal;
        run.invoices = progress.invoices;
      },
    })
      .then((summary) => {
        run.phase = "finished";
        run.customersDone = summary.customers;
        run.customersTotal = summary.customers;
        run.invoices = summary.invoices;
        this.logger.info(
          { month, invoices: summary.invoices, seconds: summary.seconds, outcome: summary.outcome },
          "billing run finished",
        );
      })
      .catch((error: unknown) => {
        run.phase = "failed";
        const { body } = errorResponseOf(error);
        run.error = { code: body.error.code, message: body.error.message };
        if (isUplinkError(error))
          this.logger.warn({ month, error: error.message }, "billing run failed");
        else this.logger.error({ month, err: error }, "billing run failed");
      });
    const tracked = work.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    return run;
  }

  /** Resolves when every run started so far has finished or failed. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
