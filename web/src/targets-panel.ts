// Targets against actuals for the half and the fiscal year around the chosen period (the
// presentation's 1H12 and FY12 targets): a table of each target with its actual and achievement.

import type { Report, ReportLine } from "./api-types.js";
import { el } from "./element.js";
import { formatNumber, formatValue } from "./format.js";

export function targetLines(report: Report | null): ReportLine[] {
  return report ? report.lines.filter((line) => line.target !== undefined) : [];
}

/** The achievement as a bar against the mark it should reach (100%, or 50% halfway through). */
function achievement(line: ReportLine, mark: number): HTMLElement {
  const pct = line.achievement_pct;
  if (pct === null || pct === undefined) return el("span", { class: "muted" }, "");
  const width = Math.max(0, Math.min(pct, 150)) / 1.5;
  return el(
    "span",
    { class: "achievement" },
    el(
      "span",
      { class: "meter", title: `${formatNumber(pct, 1)}% of target` },
      el("span", {
        class: `meter-fill ${pct >= mark ? "meter-good" : "meter-short"}`,
        style: `width:${width}%`,
      }),
      el("span", { class: "meter-mark", style: `left:${mark / 1.5}%` }),
    ),
    `${formatNumber(pct, 1)}%`,
  );
}

/**
 * A table of a period's targets with the actual and its achievement. A year still in progress
 * (no actual yet) is compared with the actual to date of its first half, where that is an amount.
 */
export function targetsTable(report: Report, toDate: Report | null = null): HTMLElement {
  const lines = targetLines(report);
  const inProgress = toDate !== null && lines.every((line) => line.value === null);
  const soFar = new Map((toDate?.lines ?? []).map((line) => [line.metric, line]));
  const rows = lines.map((line) => {
    let shown = line;
    if (inProgress) {
      const done = soFar.get(line.metric);
      const additive =
        line.unit === "JPY million" && done?.value !== null && done?.value !== undefined;
      shown = {
        ...line,
        value: additive ? done.value : null,
        achievement_pct:
          additive && line.target ? Math.round((done.value! / line.target) * 1000) / 10 : null,
      };
    }
    return el(
      "tr",
      { "data-metric": line.metric },
      el("td", { class: "label" }, line.label),
      el("td", { class: "num" }, formatValue(shown.value, line.unit)),
      el("td", { class: "num" }, formatValue(line.target ?? null, line.unit)),
      el("td", { class: "num" }, achievement(shown, inProgress ? 50 : 100)),
    );
  });
  return el(
    "table",
    { class: "targets", "data-period": report.period },
    el(
      "caption",
      {},
      report.period_label,
      inProgress && toDate
        ? el(
            "span",
            { class: "caption-note" },
            ` · in progress: ${toDate.period} actual against the full-year target`,
          )
        : null,
    ),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { class: "label", scope: "col" }, "JPY million unless marked"),
        el(
          "th",
          { class: "num", scope: "col" },
          inProgress && toDate ? `${toDate.period} actual` : "Actual",
        ),
        el("th", { class: "num", scope: "col" }, "Target"),
        el("th", { class: "num", scope: "col" }, inProgress ? "Reached" : "Achieved"),
      ),
    ),
    el("tbody", {}, rows),
  );
}
