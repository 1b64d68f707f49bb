import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { formatPeriod } from "../../core/index.js";
import {
  compareReports,
  displayValue,
  findMetric,
  listFacts,
  METRICS,
  type Metric,
  metricById,
  type Scenario,
} from "../../reporting/index.js";
import { ERROR_RESPONSES, jsonContent, pageSchema } from "../api-schemas.js";
import { guarded } from "../authentication.js";
import { ApiError } from "../http-error.js";
import { offsetOfCursor, pageOf, pageQueryFields, rowsToRead } from "../page-cursor.js";
import {
  periodParameter,
  REPORT_SOURCES,
  type ReportSource,
  type ReportSourceName,
} from "../report-source.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const READERS = ["admin", "finance", "operations"] as const;

const ReportLineSchema = z
  .object({
    metric: z.string().openapi({ example: "revenue.network.wan" }),
    label: z.string(),
    section: z.string(),
    unit: z.string().openapi({ example: "JPY million" }),
    value: z.number().nullable(),
    yoy_pct: z.number().nullable(),
    qoq_pct: z.number().nullable(),
    yoy_pp: z.number().nullable().optional(),
    qoq_pp: z.number().nullable().optional(),
    target: z.number().optional(),
    achievement_pct: z.number().nullable().optional(),
    reported: z.number().nullable().optional().openapi({
      description: "With `compare=reported`: the reported value of the line, in its unit.",
    }),
    difference: z.number().nullable().optional().openapi({
      description:
        "With `compare=reported`: value − reported, in the line's unit and precision (percentage points for ratios).",
    }),
    difference_pct: z.number().nullable().optional().openapi({
      description:
        "With `compare=reported`: the difference in percent of |reported|, one decimal, half-up; null for ratios and where reported is 0 or null.",
    }),
  })
  .openapi("ReportLine");

const ReportSchema = z
  .object({
    period: z.string().openapi({ example: "2Q12" }),
    period_label: z.string().openapi({ example: "2Q FY2012" }),
    start: z.string().openapi({ example: "2012-07-01" }),
    end: z.string().openapi({ example: "2012-09-30" }),
    lines: z.array(ReportLineSchema),
  })
  .openapi("QuarterlyReport");

const SeriesSchema = z
  .object({
    periods: z.array(z.string()),
    series: z.array(
      z.object({
        metric: z.string(),
        label: z.string(),
        unit: z.string(),
        values: z.array(z.number().nullable()),
      }),
    ),
  })
  .openapi("ReportSeries");

const MetricSchema = z
  .object({
    id: z.string().openapi({ example: "ratio.gross_margin.network" }),
    label: z.string(),
    unit: z.string(),
    section: z.string(),
    segment: z.string(),
    aggregation: z.enum(["flow", "stock", "ratio"]),
    decimals: z.number().int(),
    derived: z
      .string()
      .nullable()
      .openapi({ description: "How a derived metric is computed; null for stored metrics." }),
  })
  .openapi("Metric");

const FactSchema = z
  .object({
    id: z.string().openapi({ example: "revenue.atm@2Q12" }),
    metric: z.string(),
    entity: z.string(),
    period: z.string(),
    scenario: z.enum(["actual", "target"]),
    value: z.number(),
    unit: z.string(),
    source: z.string(),
  })
  .openapi("Fact");

const sourceParameter = z
  .enum(REPORT_SOURCES as [ReportSourceName, ...ReportSourceName[]])
  .default("reported")
  .openapi({
    description:
      "`reported`: the published figures; `ledger`: the group's consolidated ledger balances of each booked quarter (404 while the ledger holds no entries), with KPIs counted from operations and the reported targets.",
  });

const reportRoute = createRoute({
  method: "get",
  path: "/api/v1/reports",
  tags: ["Reports"],
  summary: "The quarterly report of a quarter, half or year",
  description:
    "Exactly the JSON of `uplink report --format json` (`--source`, `--compare` likewise): every catalogue metric the period has or can derive, with YoY, QoQ (quarters) and achievement of targets (halves and years).",
  ...guarded(READERS),
  request: {
    query: z.object({
      period: z.string().openapi({ example: "2Q12" }),
      source: sourceParameter,
      compare: z.enum(["reported"]).optional().openapi({
        description:
          "With `source=ledger`: add to each line the reported value and the difference (`reported`, `difference`, `difference_pct`).",
      }),
    }),
  },
  responses: { 200: jsonContent(ReportSchema, "The report."), ...ERROR_RESPONSES },
});

const seriesRoute = createRoute({
  method: "get",
  path: "/api/v1/reports/series",
  tags: ["Reports"],
  summary: "Metrics over periods, for charts",
  ...guarded(READERS),
  request: {
    query: z.object({
      metrics: z.string().openapi({ example: "revenue.network,revenue.si" }),
      periods: z.string().openapi({ example: "1Q11,2Q11,3Q11,4Q11,1Q12,2Q12" }),
      scenario: z.enum(["actual", "target"]).default("actual"),
      source: sourceParameter,
    }),
  },
  responses: {
    200: jsonContent(SeriesSchema, "One series per metric, a value (or null) per period."),
    ...ERROR_RESPONSES,
  },
});

const metricsRoute = createRoute({
  method: "get",
  path: "/api/v1/metrics",
  tags: ["Reports"],
  summary: "The metric catalogue",
  description: "Every metric at once (the catalogue is small): `next_cursor` is always null.",
  ...guarded(READERS),
  responses: {
    200: jsonContent(pageSchema(MetricSchema, "MetricPage"), "The catalogue."),
    ...ERROR_RESPONSES,
  },
});

const factsRoute = createRoute({
  method: "get",
  path: "/api/v1/facts",
  tags: ["Reports"],
  summary: "Stored facts",
  description: "The same records as `uplink facts list --format json`.",
  ...guarded(READERS),
  request: {
    query: z.object({
      metric: z.string().optional().openapi({ example: "revenue.atm" }),
      period: z.string().optional().openapi({ example: "2Q12" }),
      scenario: z.enum(["actual", "target"]).optional(),
      entity: z.string().optional(),
      ...pageQueryFields,
    }),
  },
  responses: {
    200: jsonContent(pageSchema(FactSchema, "FactPage"), "A page of facts."),
    ...ERROR_RESPONSES,
  },
});

export function registerReportRoutes(
  app: OpenAPIHono<AppEnv>,
  context: ServerContext,
  reports: ReportSource,
): void {
  app.openapi(reportRoute, async (c) => {
    const query = c.req.valid("query");
    const period = periodParameter(query.period, "period", context.calendar);
    if (query.compare && query.source !== "ledger") {
      throw new ApiError(
        "INVALID_INPUT",
        `compare=${query.compare} sets the ledger's figures beside the reported ones; add source=ledger.`,
        "compare",
      );
    }
    const report = await reports.of(query.source).report(period);
    if (query.source === "ledger" && report.lines.every((line) => line.value === null)) {
      throw new ApiError(
        "NOT_FOUND",
        `The ledger has no figures for ${report.period}: its months are not booked (a half or year needs every quarter).`,
        "period",
      );
    }
    if (report.lines.every((line) => line.value === null && line.target === undefined)) {
      throw new ApiError("NOT_FOUND", `No figures for ${report.period}.`, "period");
    }
    if (!query.compare) return c.json(report, 200);
    return c.json(compareReports(report, await reports.of("reported").report(period)), 200);
  });

  app.openapi(seriesRoute, async (c) => {
    const query = c.req.valid("query");
    const metrics = listParameter(query.metrics, "metrics", 100).map((id) => {
      const metric = findMetric(id);
      if (!metric) {
        throw new ApiError(
          "UNKNOWN_METRIC",
          `Unknown metric "${id}"; GET /api/v1/metrics lists them.`,
          "metrics",
        );
      }
      return metric;
    });
    const periods = listParameter(query.periods, "periods", 200).map((text) =>
      periodParameter(text, "periods", context.calendar),
    );
    const resolve = await reports.of(query.source).resolver();
    const scenario = query.scenario as Scenario;
    return c.json(
      {
        periods: periods.map((p) => formatPeriod(p, context.calendar)),
        series: metrics.map((metric) => ({
          metric: metric.id,
          label: metric.label,
          unit: metric.unit,
          values: periods.map((period) => {
            const value = resolve({ metric: metric.id, period, scenario })?.value;
            return value === undefined ? null : displayValue(metric, value);
          }),
        })),
      },
      200,
    );
  });

  app.openapi(metricsRoute, (c) =>
    c.json({ items: METRICS.map(metricJson), next_cursor: null }, 200),
  );

  app.openapi(factsRoute, async (c) => {
    const query = c.req.valid("query");
    if (query.metric && !findMetric(query.metric)) {
      throw new ApiError("UNKNOWN_METRIC", `Unknown metric "${query.metric}".`, "metric");
    }
    const period = query.period
      ? formatPeriod(
          periodParameter(query.period, "period", context.calendar, { allowMonth: true }),
          context.calendar,
        )
      : undefined;
    const offset = offsetOfCursor(query.cursor);
    const facts = await listFacts(context.store.db, {
      metric: query.metric,
      period,
      scenario: query.scenario,
      entity: query.entity,
      limit: rowsToRead(offset, query.limit),
    });
    const page = pageOf(facts, offset, query.limit);
    return c.json(
      {
        items: page.items.map((fact) => {
          const metric = metricById(fact.metric);
          return {
            id: `${fact.metric}@${fact.period}${fact.scenario === "target" ? "#target" : ""}${fact.entity === "group" ? "" : `/${fact.entity}`}`,
            metric: fact.metric,
            entity: fact.entity,
            period: fact.period,
            scenario: fact.scenario,
            value: displayValue(metric, fact.value),
            unit: metric.unit,
            source: fact.source,
          };
        }),
        next_cursor: page.next_cursor,
      },
      200,
    );
  });
}

/** A comma-separated parameter as its trimmed, non-empty parts (at most `max`). */
function listParameter(text: string, field: string, max: number): string[] {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0)
    throw new ApiError("INVALID_INPUT", `Give at least one of ${field}.`, field);
  if (parts.length > max) {
    throw new ApiError("INVALID_INPUT", `Give at most ${max} ${field} at once.`, field);
  }
  return parts;
}

function metricJson(metric: Metric) {
  const d = metric.derivation;
  const derived = !d
    ? null
    : d.kind === "ratio"
      ? `${d.numerator} / ${d.denominator} × 100`
      : d.terms.map((t, i) => `${t.sign < 0 ? "- " : i > 0 ? "+ " : ""}${t.metric}`).join(" ");
  return {
    id: metric.id,
    label: metric.label,
    unit: metric.unit,
    section: metric.section,
    segment: metric.segment,
    aggregation: metric.aggregation,
    decimals: metric.decimals,
    derived,
  };
}
