// The investor view's charts as ECharts options, built from the API's series (quarters on the
// x-axis) the way the presentation draws them: stacked segment revenue, margin lines, cost by
// category, SG&A with operating income and margin, recurring vs one-time, bandwidth, customer mix.

import type { MetricSeries, ReportLine, SeriesAnswer } from "./api-types.js";
import { type ChartOption, type ChartSeries, PALETTE } from "./chart-host.js";
import { formatNumber, formatValue } from "./format.js";

/** A metric drawn in a chart, with the short name its legend shows. */
interface Drawn {
  metric: string;
  name: string;
  colour?: string;
}

export const REVENUE_SEGMENTS: Drawn[] = [
  { metric: "revenue.network", name: "Network services", colour: PALETTE.navy },
  { metric: "revenue.si", name: "Systems integration", colour: PALETTE.teal },
  { metric: "revenue.equipment", name: "Equipment sales", colour: PALETTE.amber },
  { metric: "revenue.atm", name: "ATM operation", colour: PALETTE.coral },
];

export const MARGIN_RATIOS: Drawn[] = [
  { metric: "ratio.gross_margin.total", name: "Total", colour: PALETTE.ink },
  { metric: "ratio.gross_margin.network", name: "Network services", colour: PALETTE.navy },
  { metric: "ratio.gross_margin.si", name: "Systems integration", colour: PALETTE.teal },
  { metric: "ratio.gross_margin.equipment", name: "Equipment sales", colour: PALETTE.amber },
  { metric: "ratio.gross_margin.atm", name: "ATM operation", colour: PALETTE.coral },
];

export const NETWORK_COSTS: Drawn[] = [
  { metric: "cost.network.circuit", name: "Circuit related", colour: "#1f3b6f" },
  { metric: "cost.network.network_operation", name: "Network operation", colour: "#3c6eb4" },
  { metric: "cost.network.personnel", name: "Personnel", colour: "#6f96cf" },
  { metric: "cost.network.outsourcing", name: "Outsourcing", colour: "#a3bfe4" },
  { metric: "cost.network.other", name: "Others", colour: "#cfdcee" },
];

export const SI_COSTS: Drawn[] = [
  { metric: "cost.si.purchasing", name: "Purchasing", colour: "#1d7a6f" },
  { metric: "cost.si.outsourcing", name: "Outsourcing", colour: "#2a9d8f" },
  { metric: "cost.si.personnel", name: "Personnel", colour: "#62bcb0" },
  { metric: "cost.si.network_operation", name: "Network operation", colour: "#98d3cb" },
  { metric: "cost.si.other", name: "Others", colour: "#c9e8e3" },
];

export const SGA_PARTS: Drawn[] = [
  { metric: "sga.sales_marketing", name: "Sales and marketing", colour: "#8a93a6" },
  { metric: "sga.general_admin", name: "General and administrative", colour: "#b3bac8" },
  { metric: "sga.rnd", name: "R&D", colour: PALETTE.plum },
];

/** Every metric the quarter charts read, for one series request. */
export const QUARTER_CHART_METRICS: string[] = [
  ...REVENUE_SEGMENTS.map((d) => d.metric),
  "revenue.total",
  ...MARGIN_RATIOS.map((d) => d.metric),
  ...NETWORK_COSTS.map((d) => d.metric),
  ...SI_COSTS.map((d) => d.metric),
  "cost.equipment",
  "cost.atm",
  ...SGA_PARTS.map((d) => d.metric),
  "operating_income",
  "ratio.operating_margin",
  "revenue.recurring",
  "revenue.one_time",
  "ratio.recurring",
  "kpi.contracted_bandwidth_gbps",
  "kpi.contracts_over_1gbps",
];

export const INDUSTRY_MIX: Drawn[] = [
  { metric: "mix.industry.communication_it", name: "Communication/IT" },
  { metric: "mix.industry.media_service", name: "Media/Service" },
  { metric: "mix.industry.financial", name: "Financial sector" },
  { metric: "mix.industry.machinery_manufacturing", name: "Machinery/Manufacturing" },
  { metric: "mix.industry.government_public", name: "Government/Public sector" },
  { metric: "mix.industry.retail", name: "Retail" },
  { metric: "mix.industry.construction", name: "Construction" },
];

export const CLIENT_RANKS: Drawn[] = [
  { metric: "mix.clients.top_1_100", name: "Top 1–100" },
  { metric: "mix.clients.top_101_200", name: "101–200" },
  { metric: "mix.clients.top_201_300", name: "201–300" },
  { metric: "mix.clients.top_301_400", name: "301–400" },
  { metric: "mix.clients.top_401_500", name: "401–500" },
  { metric: "mix.clients.top_501_plus", name: "501 and below" },
];

export const MIX_METRICS: string[] = [...INDUSTRY_MIX, ...CLIENT_RANKS].map((d) => d.metric);

/** Looks series up by metric; a metric the answer lacks reads as all nulls. */
export class SeriesTable {
  private readonly byMetric: Map<string, MetricSeries>;

  constructor(readonly answer: SeriesAnswer) {
    this.byMetric = new Map(answer.series.map((s) => [s.metric, s]));
  }

  get periods(): string[] {
    return this.answer.periods;
  }

  values(metric: string): (number | null)[] {
    return this.byMetric.get(metric)?.values ?? this.periods.map(() => null);
  }

  /** The value of a metric in one period. */
  at(metric: string, period: string): number | null {
    const index = this.periods.indexOf(period);
    return index < 0 ? null : (this.values(metric)[index] ?? null);
  }

  /** True when at least one of the metrics has a value somewhere. */
  hasAny(metrics: string[]): boolean {
    return metrics.some((metric) => this.values(metric).some((v) => v !== null));
  }
}

/** The quarters of the chosen period, shaded on every quarter chart. */
export interface Highlight {
  from: string;
  to: string;
  label: string;
}

const AXIS_LABEL = { color: PALETTE.muted, fontSize: 11 };
const SPLIT_LINE = { lineStyle: { color: PALETTE.grid } };
const LEGEND = {
  top: 0,
  left: 0,
  itemWidth: 12,
  itemHeight: 10,
  textStyle: { fontSize: 11, color: PALETTE.muted },
};

function categoryAxis(periods: string[]) {
  return {
    type: "category" as const,
    data: periods,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: "#c5cad6" } },
    axisLabel: { ...AXIS_LABEL, fontSize: 12 },
  };
}

function valueAxis(name: string, format: (value: number) => string, position?: "right") {
  return {
    type: "value" as const,
    name,
    position,
    nameTextStyle: { color: PALETTE.muted, fontSize: 11, align: position ? "right" : "left" },
    axisLabel: { ...AXIS_LABEL, formatter: format },
    splitLine: position ? { show: false } : SPLIT_LINE,
  } as const;
}

const millions = (value: number) => formatNumber(value);
const percent = (value: number) => `${formatNumber(value, 0)}%`;

function tooltip(format: (value: number | null, seriesName: string) => string) {
  return {
    trigger: "axis" as const,
    axisPointer: { type: "shadow" as const },
    valueFormatter: undefined,
    formatter: (params: unknown) => {
      const items = (Array.isArray(params) ? params : [params]) as {
        axisValueLabel?: string;
        marker?: string;
        seriesName?: string;
        value?: unknown;
      }[];
      const head = items[0]?.axisValueLabel ?? "";
      const rows = items
        .filter((item) => item.seriesName !== undefined)
        .map((item) => {
          const value = typeof item.value === "number" ? item.value : null;
          return `${item.marker ?? ""}${item.seriesName}<span style="float:right;margin-left:16px;font-weight:600">${format(value, item.seriesName ?? "")}</span>`;
        });
      return [`<strong>${head}</strong>`, ...rows].join("<br>");
    },
  };
}

function markArea(highlight: Highlight | null) {
  if (!highlight) return undefined;
  return {
    silent: true,
    itemStyle: { color: "rgba(31, 59, 111, 0.07)" },
    label: { show: false },
    data: [[{ xAxis: highlight.from }, { xAxis: highlight.to }]] as never,
  };
}

function grid(right = 16) {
  return { left: 8, right, top: 56, bottom: 8, containLabel: true };
}

function stackedBars(
  table: SeriesTable,
  drawn: Drawn[],
  stack: string,
  prefix = "",
): ChartSeries[] {
  return drawn.map(
    (d): ChartSeries => ({
      type: "bar",
      name: `${prefix}${d.name}`,
      stack,
      data: table.values(d.metric),
      barMaxWidth: 44,
      itemStyle: d.colour ? { color: d.colour } : undefined,
      emphasis: { focus: "series" },
    }),
  );
}

/** Revenue by segment, stacked, with the total printed above each bar. */
export function revenueBySegment(table: SeriesTable, highlight: Highlight | null): ChartOption {
  const bars = stackedBars(table, REVENUE_SEGMENTS, "revenue");
  const first = bars[0];
  if (first && first.type === "bar") first.markArea = markArea(highlight);
  const top = bars.at(-1);
  const totals = table.values("revenue.total");
  if (top && top.type === "bar") {
    top.label = {
      show: true,
      position: "top",
      fontSize: 11,
      fontWeight: "bold",
      color: PALETTE.ink,
      formatter: (p: { dataIndex: number }) => formatNumber(totals[p.dataIndex] ?? null),
    };
  }
  return {
    legend: { ...LEGEND, data: REVENUE_SEGMENTS.map((d) => d.name) },
    tooltip: tooltip((v) => formatNumber(v)),
    grid: grid(),
    xAxis: categoryAxis(table.periods),
    yAxis: valueAxis("JPY million", millions),
    series: [...bars],
  };
}

/** Gross margin ratio by segment, one line each; the total drawn heavier. */
export function grossMarginRatios(table: SeriesTable, highlight: Highlight | null): ChartOption {
  const lines = MARGIN_RATIOS.map(
    (d, index): ChartSeries => ({
      type: "line",
      name: d.name,
      data: table.values(d.metric),
      symbol: "circle",
      symbolSize: index === 0 ? 7 : 5,
      connectNulls: true,
      lineStyle: { width: index === 0 ? 3 : 2, color: d.colour },
      itemStyle: { color: d.colour },
      markArea: index === 0 ? markArea(highlight) : undefined,
    }),
  );
  return {
    legend: { ...LEGEND, data: MARGIN_RATIOS.map((d) => d.name) },
    tooltip: { ...tooltip((v) => formatValue(v, "%")), axisPointer: { type: "line" } },
    grid: grid(),
    xAxis: { ...categoryAxis(table.periods), boundaryGap: true },
    yAxis: { ...valueAxis("% of revenue", percent), scale: true },
    series: lines,
  };
}

/** Cost of revenues by category: network services and SI side by side, each stacked. */
export function costByCategory(table: SeriesTable, highlight: Highlight | null): ChartOption {
  const network = stackedBars(table, NETWORK_COSTS, "network", "Network · ");
  const si = stackedBars(table, SI_COSTS, "si", "SI · ");
  const first = network[0];
  if (first && first.type === "bar") first.markArea = markArea(highlight);
  return {
    legend: {
      ...LEGEND,
      right: 0,
      itemGap: 8,
      data: [...network, ...si].map((s) => String(s.name)),
    },
    tooltip: tooltip((v) => formatNumber(v)),
    grid: { ...grid(), top: 92 },
    xAxis: categoryAxis(table.periods),
    yAxis: valueAxis("JPY million", millions),
    series: [...network, ...si].map((s) => ({ ...s, barMaxWidth: 26 }) as ChartSeries),
  };
}

/** SG&A by kind (stacked), operating income beside it, operating margin on the right axis. */
export function sgaAndOperatingIncome(
  table: SeriesTable,
  highlight: Highlight | null,
): ChartOption {
  const sga = stackedBars(table, SGA_PARTS, "sga").map(
    (s) => ({ ...s, barMaxWidth: 26 }) as ChartSeries,
  );
  const first = sga[0];
  if (first && first.type === "bar") first.markArea = markArea(highlight);
  return {
    legend: {
      ...LEGEND,
      data: [...SGA_PARTS.map((d) => d.name), "Operating income", "Operating margin"],
    },
    tooltip: tooltip((v, name) =>
      name === "Operating margin" ? formatValue(v, "%") : formatNumber(v),
    ),
    grid: grid(8),
    xAxis: categoryAxis(table.periods),
    yAxis: [valueAxis("JPY million", millions), valueAxis("Margin", percent, "right")],
    series: [
      ...sga,
      {
        type: "bar",
        name: "Operating income",
        stack: "income",
        data: table.values("operating_income"),
        barMaxWidth: 26,
        itemStyle: { color: PALETTE.green },
      },
      {
        type: "line",
        name: "Operating margin",
        yAxisIndex: 1,
        data: table.values("ratio.operating_margin"),
        symbol: "circle",
        symbolSize: 6,
        lineStyle: { width: 2, color: PALETTE.coral },
        itemStyle: { color: PALETTE.coral },
      },
    ],
  };
}

/** Recurring and one-time revenue (ATM operation is neither), with the recurring share. */
export function recurringVsOneTime(table: SeriesTable, highlight: Highlight | null): ChartOption {
  return {
    legend: { ...LEGEND, data: ["Recurring", "One-time", "ATM operation", "Recurring share"] },
    tooltip: tooltip((v, name) =>
      name === "Recurring share" ? formatValue(v, "%") : formatNumber(v),
    ),
    grid: grid(8),
    xAxis: categoryAxis(table.periods),
    yAxis: [
      valueAxis("JPY million", millions),
      { ...valueAxis("Share", percent, "right"), min: 0, max: 100 },
    ],
    series: [
      {
        type: "bar",
        name: "Recurring",
        stack: "revenue",
        data: table.values("revenue.recurring"),
        barMaxWidth: 44,
        itemStyle: { color: PALETTE.navy },
        markArea: markArea(highlight),
      },
      {
        type: "bar",
        name: "One-time",
        stack: "revenue",
        data: table.values("revenue.one_time"),
        barMaxWidth: 44,
        itemStyle: { color: PALETTE.amber },
      },
      {
        type: "bar",
        name: "ATM operation",
        stack: "revenue",
        data: table.values("revenue.atm"),
        barMaxWidth: 44,
        itemStyle: { color: PALETTE.coral },
      },
      {
        type: "line",
        name: "Recurring share",
        yAxisIndex: 1,
        data: table.values("ratio.recurring"),
        symbol: "circle",
        symbolSize: 6,
        lineStyle: { width: 2, color: PALETTE.teal },
        itemStyle: { color: PALETTE.teal },
      },
    ],
  };
}

/** Total contracted bandwidth (bars, Gbps) and contracts of over 1 Gbps (line). */
export function contractedBandwidth(table: SeriesTable, highlight: Highlight | null): ChartOption {
  return {
    legend: { ...LEGEND, data: ["Contracted bandwidth", "Contracts over 1 Gbps"] },
    tooltip: tooltip((v, name) =>
      name === "Contracted bandwidth" ? `${formatValue(v, "Gbps")} Gbps` : formatNumber(v),
    ),
    grid: grid(8),
    xAxis: categoryAxis(table.periods),
    yAxis: [
      valueAxis("Gbps", millions),
      { ...valueAxis("Contracts", millions, "right"), minInterval: 1 },
    ],
    series: [
      {
        type: "bar",
        name: "Contracted bandwidth",
        data: table.values("kpi.contracted_bandwidth_gbps"),
        barMaxWidth: 44,
        itemStyle: { color: PALETTE.blue },
        markArea: markArea(highlight),
        label: {
          show: true,
          position: "insideTop",
          color: "#fff",
          fontSize: 10,
          formatter: (p: { value: unknown }) =>
            typeof p.value === "number" ? formatNumber(p.value, 1) : "",
        },
      },
      {
        type: "line",
        name: "Contracts over 1 Gbps",
        yAxisIndex: 1,
        data: table.values("kpi.contracts_over_1gbps"),
        connectNulls: true,
        symbol: "circle",
        symbolSize: 7,
        lineStyle: { width: 2, color: PALETTE.amber },
        itemStyle: { color: PALETTE.amber },
      },
    ],
  };
}

/** Revenue share by industry as a donut. */
export function industryMix(table: SeriesTable, period: string): ChartOption {
  const data = INDUSTRY_MIX.map((d) => ({
    name: d.name,
    value: table.at(d.metric, period),
  })).filter((d): d is { name: string; value: number } => d.value !== null);
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const item = p as { name: string; value: number; marker: string };
        return `${item.marker}${item.name}: <strong>${formatValue(item.value, "%")}</strong> of revenue`;
      },
    },
    legend: {
      ...LEGEND,
      orient: "vertical",
      top: "middle",
      left: "58%",
      itemGap: 8,
      formatter: (name: string) => {
        const found = data.find((d) => d.name === name);
        return found ? `${name}  ${formatValue(found.value, "%").replace(".0%", "%")}` : name;
      },
    },
    series: [
      {
        type: "pie",
        name: "Revenue by industry",
        radius: ["42%", "72%"],
        center: ["28%", "52%"],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: "#fff", borderWidth: 2 },
        data,
      },
    ],
  };
}

/** Revenue share by client rank as bars, with the cumulative share (concentration) as a line. */
export function clientConcentration(table: SeriesTable, period: string): ChartOption {
  const shares = CLIENT_RANKS.map((d) => table.at(d.metric, period));
  let running = 0;
  const cumulative = shares.map((share) => {
    if (share === null) return null;
    running += share;
    return Math.round(running * 10) / 10;
  });
  return {
    legend: { ...LEGEND, data: ["Share of revenue", "Cumulative share"] },
    tooltip: tooltip((v) => formatValue(v, "%")),
    grid: grid(8),
    xAxis: {
      ...categoryAxis(CLIENT_RANKS.map((d) => d.name)),
      axisLabel: { ...AXIS_LABEL, fontSize: 12, interval: 0 },
    },
    yAxis: [
      { ...valueAxis("% of revenue", percent), max: 100 },
      { ...valueAxis("Cumulative", percent, "right"), max: 100 },
    ],
    series: [
      {
        type: "bar",
        name: "Share of revenue",
        data: shares,
        barMaxWidth: 40,
        itemStyle: { color: PALETTE.navy },
        label: {
          show: true,
          position: "top",
          fontSize: 11,
          formatter: (p: { value: unknown }) =>
            typeof p.value === "number" ? `${formatNumber(p.value, 0)}%` : "",
        },
      },
      {
        type: "line",
        name: "Cumulative share",
        yAxisIndex: 1,
        data: cumulative,
        symbol: "circle",
        symbolSize: 6,
        lineStyle: { width: 2, color: PALETTE.amber },
        itemStyle: { color: PALETTE.amber },
      },
    ],
  };
}

/** Achievement against targets: the half against its target, the half against the year's. */
export function targetAchievement(
  halfId: string,
  yearId: string,
  halfLines: ReportLine[],
  yearLines: ReportLine[],
): ChartOption {
  const money = (lines: ReportLine[]) =>
    lines.filter((l) => l.target !== undefined && l.unit === "JPY million");
  const metrics = [...new Set([...money(halfLines), ...money(yearLines)].map((l) => l.metric))];
  const label = (metric: string) =>
    [...halfLines, ...yearLines].find((l) => l.metric === metric)?.label ?? metric;
  const halfAchieved = metrics.map((metric) => {
    const line = halfLines.find((l) => l.metric === metric);
    return line?.achievement_pct ?? null;
  });
  const towardsYear = metrics.map((metric) => {
    const yearLine = yearLines.find((l) => l.metric === metric);
    const halfLine = halfLines.find((l) => l.metric === metric);
    if (yearLine?.value !== null && yearLine?.value !== undefined && yearLine.target) {
      return yearLine.achievement_pct ?? null;
    }
    if (!yearLine?.target || halfLine?.value === null || halfLine?.value === undefined) return null;
    return Math.round((halfLine.value / yearLine.target) * 1000) / 10;
  });
  const names = [`${halfId} vs ${halfId} target`, `${halfId} actual to ${yearId} target`];
  return {
    legend: { ...LEGEND, data: names },
    tooltip: tooltip((v) => formatValue(v, "%")),
    grid: { left: 8, right: 48, top: 48, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      axisLabel: { ...AXIS_LABEL, formatter: percent },
      splitLine: SPLIT_LINE,
    },
    yAxis: {
      type: "category",
      data: metrics.map(label),
      inverse: true,
      axisTick: { show: false },
      axisLabel: { ...AXIS_LABEL, fontSize: 12, color: PALETTE.ink },
    },
    series: [
      {
        type: "bar",
        name: names[0],
        data: halfAchieved,
        barMaxWidth: 16,
        itemStyle: { color: PALETTE.teal },
        label: {
          show: true,
          position: "right",
          fontSize: 11,
          formatter: (p: { value: unknown }) =>
            typeof p.value === "number" ? formatValue(p.value, "%") : "",
        },
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { color: PALETTE.coral, type: "dashed" },
          label: { formatter: "target", position: "start", color: PALETTE.coral, fontSize: 10 },
          data: [{ xAxis: 100 }],
        },
      },
      {
        type: "bar",
        name: names[1],
        data: towardsYear,
        barMaxWidth: 16,
        itemStyle: { color: PALETTE.sky },
        label: {
          show: true,
          position: "right",
          fontSize: 11,
          formatter: (p: { value: unknown }) =>
            typeof p.value === "number" ? formatValue(p.value, "%") : "",
        },
      },
    ],
  };
}
