// The headline cards above the charts: revenue, gross margin, operating and net income,
// recurring revenue and contracted bandwidth, each with its YoY and QoQ change.

import type { Report, ReportLine } from "./api-types.js";
import { el } from "./element.js";
import {
  changeTone,
  formatChangePct,
  formatNumber,
  formatValue,
  formatWithUnit,
} from "./format.js";

interface Card {
  metric: string;
  title: string;
  /** A second line: a ratio or a related count. */
  detail?: { metric: string; suffix: string };
}

const CARDS: Card[] = [
  { metric: "revenue.total", title: "Revenues" },
  {
    metric: "gross_margin.total",
    title: "Gross margin",
    detail: { metric: "ratio.gross_margin.total", suffix: "gross margin ratio" },
  },
  {
    metric: "operating_income",
    title: "Operating income",
    detail: { metric: "ratio.operating_margin", suffix: "operating margin" },
  },
  {
    metric: "net_income",
    title: "Net income attributable",
    detail: { metric: "ratio.net_margin", suffix: "net margin" },
  },
  {
    metric: "revenue.recurring",
    title: "Recurring revenue",
    detail: { metric: "ratio.recurring", suffix: "of revenues" },
  },
  {
    metric: "kpi.contracted_bandwidth_gbps",
    title: "Contracted bandwidth",
    detail: { metric: "kpi.contracts_over_1gbps", suffix: "contracts over 1 Gbps" },
  },
];

function change(label: string, value: number | null | undefined): HTMLElement | null {
  if (value === null || value === undefined) return null;
  return el(
    "span",
    { class: `change tone-${changeTone(value, true)}` },
    el("span", { class: "change-label" }, label),
    formatChangePct(value),
  );
}

function detailText(line: ReportLine | undefined, suffix: string): string | null {
  if (!line || line.value === null) return null;
  const value =
    line.unit === "count" ? formatNumber(line.value) : formatValue(line.value, line.unit);
  return `${value} ${suffix}`;
}

export function kpiCards(report: Report): HTMLElement {
  const byMetric = new Map(report.lines.map((line) => [line.metric, line]));
  const cards = CARDS.flatMap((card) => {
    const line = byMetric.get(card.metric);
    if (!line || (line.value === null && line.target === undefined)) return [];
    const detail = card.detail
      ? detailText(byMetric.get(card.detail.metric), card.detail.suffix)
      : null;
    const target =
      line.target !== undefined
        ? `Target ${formatWithUnit(line.target, line.unit)}${
            line.achievement_pct !== null && line.achievement_pct !== undefined
              ? ` · ${formatNumber(line.achievement_pct, 1)}% achieved`
              : ""
          }`
        : null;
    return [
      el(
        "article",
        { class: "kpi", "data-metric": card.metric },
        el("h3", {}, card.title),
        el("p", { class: "kpi-value" }, formatWithUnit(line.value, line.unit)),
        detail ? el("p", { class: "kpi-detail" }, detail) : null,
        el("p", { class: "kpi-changes" }, change("YoY", line.yoy_pct), change("QoQ", line.qoq_pct)),
        target ? el("p", { class: "kpi-target" }, target) : null,
      ),
    ];
  });
  return el("section", { class: "kpis", "aria-label": "Headline figures" }, cards);
}
