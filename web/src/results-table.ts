// The results table of a period as the presentation lays it out: sections of lines, the period's
// value, YoY and QoQ (percent, or percentage points for ratios), target with achievement where
// the period has targets, and the reported value with the difference when the ledger's figures
// are compared with the reported ones.

import type { Report, ReportLine } from "./api-types.js";
import { el } from "./element.js";
import {
  changeTone,
  formatChangePct,
  formatChangePp,
  formatDifference,
  formatNumber,
  formatValue,
  risingIsGood,
} from "./format.js";

const SECTION_TITLES: Record<string, string> = {
  revenue: "Revenues",
  cost: "Cost of revenues",
  gross_margin: "Gross margin",
  sga: "SG&A expenses / R&D",
  income: "Income",
  kpi: "Key performance indicators",
  orders: "SI orders",
  cash_flow: "Cash flows and other financial data",
  balance_sheet: "Balance sheet (period end)",
  per_share: "Per share (split-adjusted)",
  customer_mix: "Customer mix (% of revenue)",
};

export function sectionTitle(section: string): string {
  return SECTION_TITLES[section] ?? section.replace(/_/g, " ");
}

/** Lines worth a row: a value or a target. */
export function shownLines(report: Report): ReportLine[] {
  return report.lines.filter((line) => line.value !== null || line.target !== undefined);
}

/** Whether the report carries the reported figures beside its own (`compare=reported`). */
export function isCompared(report: Report): boolean {
  return report.lines.some((line) => line.reported !== undefined);
}

/** Indent a line under its parent: segment lines under segments, ratios under their amounts. */
function depthOf(line: ReportLine): number {
  if (line.metric.startsWith("ratio.")) return 1;
  if (line.metric.startsWith("mix.")) return 0;
  return Math.max(0, line.metric.split(".").length - 2);
}

function unitNote(line: ReportLine): string {
  if (line.unit === "JPY million" || line.unit === "count" || line.unit === "%") return "";
  return ` (${line.unit})`;
}

function changeCell(line: ReportLine, which: "yoy" | "qoq"): HTMLTableCellElement {
  const isRatio = line.unit === "%";
  const value = isRatio ? line[`${which}_pp`] : line[`${which}_pct`];
  const text = isRatio ? formatChangePp(value) : formatChangePct(value);
  const tone = changeTone(value, risingIsGood(line.metric));
  return el("td", { class: `num change tone-${tone}`, "data-col": which }, text);
}

interface Comparison {
  yoy: string;
  qoq: string | null;
}

/**
 * The results in two columns of whole sections, the profit and loss on the left and the rest
 * (KPIs, cash flows, balance sheet…) on the right, split where the two come out about even.
 */
export function resultsTables(report: Report, compare: Comparison): HTMLElement {
  const lines = shownLines(report);
  const sections: ReportLine[][] = [];
  for (const line of lines) {
    const last = sections.at(-1);
    if (last && last[0]?.section === line.section) last.push(line);
    else sections.push([line]);
  }
  const rows = (group: ReportLine[][]) => group.reduce((n, section) => n + section.length + 1, 0);
  let split = 1;
  let best = Number.POSITIVE_INFINITY;
  for (let at = 1; at < sections.length; at++) {
    const gap = Math.abs(rows(sections.slice(0, at)) - rows(sections.slice(at)));
    if (gap < best) {
      best = gap;
      split = at;
    }
  }
  const withTargets = lines.some((line) => line.target !== undefined);
  const compared = isCompared(report);
  if (compared) split = sections.length;
  const left = sections.slice(0, split).flat();
  const right = sections.slice(split).flat();
  const options = { withTargets, compared };
  return el(
    "div",
    {
      class: `results-columns${compared ? " compared" : ""}`,
      "data-period": report.period,
    },
    resultsTable(report.period, left, compare, options),
    right.length > 0 ? resultsTable(report.period, right, compare, options) : null,
  );
}

function resultsTable(
  period: string,
  lines: ReportLine[],
  compare: Comparison,
  { withTargets, compared }: { withTargets: boolean; compared: boolean },
): HTMLElement {
  const showQoq = compare.qoq !== null;
  const head = el(
    "tr",
    {},
    el("th", { class: "label", scope: "col" }, "JPY million unless marked"),
    el("th", { class: "num", scope: "col" }, period),
    el("th", { class: "num", scope: "col", title: `compared with ${compare.yoy}` }, "YoY"),
    showQoq
      ? el("th", { class: "num", scope: "col", title: `compared with ${compare.qoq}` }, "QoQ")
      : null,
    withTargets ? el("th", { class: "num", scope: "col" }, "Target") : null,
    withTargets ? el("th", { class: "num", scope: "col" }, "Achieved") : null,
    compared ? el("th", { class: "num", scope: "col" }, "Reported") : null,
    compared
      ? el("th", { class: "num", scope: "col", title: "ledger − reported" }, "Difference")
      : null,
    compared
      ? el("th", { class: "num", scope: "col", title: "of the reported value" }, "Diff %")
      : null,
  );
  const columns = 3 + (showQoq ? 1 : 0) + (withTargets ? 2 : 0) + (compared ? 3 : 0);
  const body = el("tbody", {});
  let section = "";
  for (const line of lines) {
    if (line.section !== section) {
      section = line.section;
      body.append(
        el(
          "tr",
          { class: "section-row" },
          el("th", { colspan: columns, scope: "rowgroup" }, sectionTitle(section)),
        ),
      );
    }
    const depth = depthOf(line);
    body.append(
      el(
        "tr",
        {
          "data-metric": line.metric,
          class: `depth-${depth}${depth === 0 ? " lead" : ""}`,
        },
        el("td", { class: "label" }, `${line.label}${unitNote(line)}`),
        el("td", { class: "num value", "data-col": "value" }, formatValue(line.value, line.unit)),
        changeCell(line, "yoy"),
        showQoq ? changeCell(line, "qoq") : null,
        withTargets
          ? el(
              "td",
              { class: "num", "data-col": "target" },
              line.target === undefined ? "" : formatValue(line.target, line.unit),
            )
          : null,
        withTargets
          ? el(
              "td",
              { class: "num", "data-col": "achievement" },
              line.achievement_pct === null || line.achievement_pct === undefined
                ? ""
                : `${formatNumber(line.achievement_pct, 1)}%`,
            )
          : null,
        compared
          ? el(
              "td",
              { class: "num", "data-col": "reported" },
              formatValue(line.reported, line.unit),
            )
          : null,
        compared
          ? el(
              "td",
              { class: "num", "data-col": "difference" },
              formatDifference(line.difference, line.unit),
            )
          : null,
        compared
          ? el(
              "td",
              { class: "num", "data-col": "difference_pct" },
              line.unit === "%" ? "" : formatChangePct(line.difference_pct),
            )
          : null,
      ),
    );
  }
  return el("table", { class: "results", "data-period": period }, el("thead", {}, head), body);
}
