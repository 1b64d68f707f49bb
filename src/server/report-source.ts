import {
  type FiscalCalendar,
  type FiscalPeriod,
  isUplinkError,
  parsePeriod,
} from "../core/index.js";
import {
  buildQuarterlyReport,
  createValueResolver,
  listFacts,
  type QuarterlyReport,
  type ValueResolver,
} from "../reporting/index.js";
import type { Store } from "../store/index.js";
import { ApiError } from "./http-error.js";

/**
 * The value resolver the report routes read, built from the stored facts and kept for a moment
 * (`maxAgeMs`) with the reports built from it, so that a burst of report requests reads the facts
 * and assembles each report once. An import by another process shows within that moment.
 */
export class ReportSource {
  private cached:
    | { at: number; resolver: ValueResolver; reports: Map<string, QuarterlyReport> }
    | undefined;
  private pending: Promise<ValueResolver> | undefined;

  constructor(
    private readonly store: Store,
    private readonly calendar: FiscalCalendar,
    private readonly maxAgeMs: number,
  ) {}

  async resolver(): Promise<ValueResolver> {
    const now = performance.now();
    if (this.cached && now - this.cached.at <= this.maxAgeMs) return this.cached.resolver;
    this.pending ??= (async () => {
      try {
        const resolver = createValueResolver(await listFacts(this.store.db), this.calendar);
        this.cached = { at: performance.now(), resolver, reports: new Map() };
        return resolver;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /** The report of a period, assembled once per reading of the facts. */
  async report(period: FiscalPeriod): Promise<QuarterlyReport> {
    const resolver = await this.resolver();
    const reports = this.cached?.resolver === resolver ? this.cached.reports : new Map();
    const key = `${period.kind}:${period.fiscalYear}:${period.index}`;
    let report = reports.get(key);
    if (!report) {
      report = buildQuarterlyReport(resolver, period, this.calendar);
      reports.set(key, report);
    }
    return report;
  }
}

/** A period from a query parameter; a bad one is a 400 naming the parameter. */
export function periodParameter(
  text: string,
  field: string,
  calendar: FiscalCalendar,
  options: { allowMonth?: boolean } = {},
): FiscalPeriod {
  let period: FiscalPeriod;
  try {
    period = parsePeriod(text, calendar);
  } catch (error) {
    if (isUplinkError(error)) throw new ApiError("INVALID_INPUT", error.message, field);
    throw error;
  }
  if (period.kind === "month" && !options.allowMonth) {
    throw new ApiError(
      "INVALID_INPUT",
      `Give a quarter, half or year (2Q12, 1H12, FY11), not a month like "${text}".`,
      field,
    );
  }
  return period;
}
