import {
  type FiscalCalendar,
  type FiscalPeriod,
  isUplinkError,
  parsePeriod,
} from "../core/index.js";
import { loadLedgerResolver } from "../flows/index.js";
import {
  buildQuarterlyReport,
  createValueResolver,
  listFacts,
  type QuarterlyReport,
  type ValueResolver,
} from "../reporting/index.js";
import type { Store } from "../store/index.js";
import { ApiError } from "./http-error.js";

/** Where a report's figures come from: the reported facts, or the ledger's balances. */
export type ReportSourceName = "reported" | "ledger";
export const REPORT_SOURCES: readonly ReportSourceName[] = ["reported", "ledger"];

/**
 * The value resolver the report routes read, built from the stored facts (or from the ledger's
 * balances) and kept for a moment (`maxAgeMs`) with the reports built from it, so that a burst of
 * report requests reads the figures and assembles each report once. An import or a posting by
 * another process shows within that moment. One instance per source (`of`), each with its cache.
 */
export class ReportSource {
  private cached:
    | { at: number; resolver: ValueResolver; reports: Map<string, QuarterlyReport> }
    | undefined;
  private pending: Promise<ValueResolver> | undefined;
  private readonly siblings = new Map<ReportSourceName, ReportSource>();

  constructor(
    private readonly store: Store,
    private readonly calendar: FiscalCalendar,
    private readonly maxAgeMs: number,
    readonly source: ReportSourceName = "reported",
  ) {}

  /** The source of the same store and settings that reads `source`; made once, then reused. */
  of(source: ReportSourceName): ReportSource {
    if (source === this.source) return this;
    let sibling = this.siblings.get(source);
    if (!sibling) {
      sibling = new ReportSource(this.store, this.calendar, this.maxAgeMs, source);
      sibling.siblings.set(this.source, this);
      this.siblings.set(source, sibling);
    }
    return sibling;
  }

  /** Reads the figures afresh; the ledger's answers NOT_FOUND while it holds no entries. */
  private async load(): Promise<ValueResolver> {
    if (this.source === "ledger") return loadLedgerResolver(this.store, this.calendar);
    return createValueResolver(await listFacts(this.store.db), this.calendar);
  }

  async resolver(): Promise<ValueResolver> {
    const now = performance.now();
    if (this.cached && now - this.cached.at <= this.maxAgeMs) return this.cached.resolver;
    this.pending ??= (async () => {
      try {
        const resolver = await this.load();
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
