// The investor view of a period: headline cards, the presentation's charts over the quarters (the
// chosen period shaded), targets against actuals, the customer mix and the results table, from
// reported figures or, where it has them, the ledger's (the table then sets the reported figure
// and the difference beside each line; targets and the customer mix are published figures only).

import { ApiError } from "./api-client.js";
import type { Report, SeriesAnswer } from "./api-types.js";
import type { ChartOption } from "./chart-host.js";
import { el, replaceChildren } from "./element.js";
import {
  describePeriod,
  half,
  halfOf,
  type Period,
  parsePeriod,
  previousYear,
  quarter,
  quarterEarlier,
  quartersBetween,
  quartersOf,
  year,
  yearEarlier,
  yearOf,
} from "./fiscal-periods.js";
import {
  CLIENT_RANKS,
  clientConcentration,
  contractedBandwidth,
  costByCategory,
  grossMarginRatios,
  type Highlight,
  INDUSTRY_MIX,
  industryMix,
  MIX_METRICS,
  QUARTER_CHART_METRICS,
  recurringVsOneTime,
  revenueBySegment,
  SeriesTable,
  sgaAndOperatingIncome,
  targetAchievement,
} from "./investor-charts.js";
import { kpiCards } from "./kpi-cards.js";
import { errorNotice, loading, notice } from "./notice.js";
import { resultsTables, shownLines } from "./results-table.js";
import { targetLines, targetsTable } from "./targets-panel.js";
import type { App, ViewScope } from "./view-scope.js";

export type FigureSource = "reported" | "ledger";

/** The quarters the charts span and the periods the picker offers. */
export const CHART_QUARTERS = quartersBetween(quarter(1, 11), quarter(2, 12));
export const PICKER_PERIODS: { group: string; periods: Period[] }[] = [
  { group: "Quarters", periods: CHART_QUARTERS },
  { group: "Halves", periods: [half(1, 11), half(2, 11), half(1, 12)] },
  { group: "Years", periods: [year(11), year(12)] },
];
export const DEFAULT_PERIOD = "2Q12";

export function investorHash(period: string, source: FigureSource): string {
  return `#/investor/${period}${source === "ledger" ? "?source=ledger" : ""}`;
}

interface ChartSlot {
  id: string;
  title: string;
  subtitle: string;
  body: HTMLElement;
  card: HTMLElement;
}

function chartSlot(id: string, title: string, subtitle: string, extraClass = ""): ChartSlot {
  const body = el("div", { class: "chart", id: `chart-${id}` });
  const card = el(
    "section",
    { class: `card chart-card ${extraClass}`.trim(), "aria-label": title },
    el(
      "header",
      { class: "card-head" },
      el("h2", {}, title),
      el("p", { class: "card-sub" }, subtitle),
    ),
    body,
  );
  return { id, title, subtitle, body, card };
}

function draw(scope: ViewScope, slot: ChartSlot, option: ChartOption): void {
  if (!scope.active) return;
  scope.charts.draw(slot.id, slot.body, option);
}

function showInSlot(slot: ChartSlot, message: HTMLElement): void {
  slot.body.replaceChildren(message);
  slot.body.classList.add("chart-message");
}

function periodPicker(selected: Period, source: FigureSource): HTMLElement {
  return el(
    "nav",
    { class: "period-picker", "aria-label": "Period" },
    PICKER_PERIODS.map(({ group, periods }) =>
      el(
        "div",
        { class: "segmented", role: "group", "aria-label": group },
        el("span", { class: "segmented-label" }, group),
        periods.map((p) =>
          el(
            "a",
            {
              href: investorHash(p.id, source),
              class: "segment",
              "data-period": p.id,
              "aria-current": p.id === selected.id ? "page" : null,
            },
            p.id,
          ),
        ),
      ),
    ),
  );
}

function highlightOf(period: Period): Highlight | null {
  const ids = CHART_QUARTERS.map((q) => q.id);
  const inside = quartersOf(period)
    .map((q) => q.id)
    .filter((id) => ids.includes(id));
  const from = inside[0];
  const to = inside[inside.length - 1];
  return from && to ? { from, to, label: period.id } : null;
}

export async function renderInvestorView(
  root: HTMLElement,
  app: App,
  scope: ViewScope,
  periodId: string,
  source: FigureSource,
): Promise<void> {
  const period = parsePeriod(periodId);
  if (!period) {
    replaceChildren(
      root,
      notice(
        "error",
        `“${periodId}” is not a period.`,
        "Periods are named like 2Q12 (a quarter), 1H12 (a half) or FY12 (a fiscal year).",
      ),
    );
    return;
  }
  const selectedId = period.id;
  const lastYear = yearEarlier(period);
  const lastQuarter = quarterEarlier(period);

  const sourceNote = el("span", { class: "source-note", id: "source-note" });
  const reportedLink = el(
    "a",
    {
      href: investorHash(period.id, "reported"),
      class: "segment",
      "data-source": "reported",
      "aria-current": source === "reported" ? "page" : null,
    },
    "Reported",
  );
  const ledgerLink = el(
    "a",
    {
      href: investorHash(period.id, "ledger"),
      class: "segment",
      "data-source": "ledger",
      "aria-current": source === "ledger" ? "page" : null,
    },
    "Ledger",
  );
  const sourceSwitch = el(
    "div",
    { class: "source-switch" },
    el(
      "div",
      { class: "segmented", role: "group", "aria-label": "Figures" },
      el("span", { class: "segmented-label" }, "Figures"),
      reportedLink,
      ledgerLink,
    ),
    sourceNote,
  );

  const cardsSlot = el("div", { class: "kpi-slot" }, loading("the headline figures"));
  const tableSlot = el("div", { class: "table-slot" }, loading("the results"));
  const targetsSlot = el("div", { class: "targets-slot" }, loading("targets"));
  const yearTargetsSlot = el("div", { class: "targets-slot" });

  const slots = {
    revenue: chartSlot(
      "revenue-by-segment",
      "Revenues by segment",
      "JPY million per quarter, stacked; total above",
    ),
    margin: chartSlot(
      "gross-margin-ratio",
      "Gross margin ratio by segment",
      "Gross margin ÷ revenue, %",
    ),
    cost: chartSlot(
      "cost-by-category",
      "Cost of revenues by category",
      "JPY million; network services (blue) and SI (green) side by side",
    ),
    sga: chartSlot(
      "sga-operating-income",
      "SG&A, operating income and margin",
      "JPY million; operating margin on the right axis",
    ),
    recurring: chartSlot(
      "recurring-vs-one-time",
      "Recurring vs one-time revenues",
      "JPY million; recurring share of revenues on the right axis",
    ),
    bandwidth: chartSlot(
      "contracted-bandwidth",
      "Contracted bandwidth",
      "Total contracted bandwidth (Gbps) and contracts over 1 Gbps",
    ),
    targets: chartSlot(
      "targets-vs-actual",
      "Achievement against targets",
      "Actual ÷ target, %",
      "wide-chart",
    ),
    industry: chartSlot("industry-mix", "Revenue by industry", "Share of revenues"),
    concentration: chartSlot(
      "client-concentration",
      "Revenue concentration by client rank",
      "Share of revenues by client rank, and cumulative",
    ),
  };

  slots.targets.card.append(targetsSlot);

  const comparison = [
    `YoY = ${period.id} vs ${lastYear.id}`,
    lastQuarter ? `QoQ = ${period.id} vs ${lastQuarter.id}` : null,
    "JPY million unless marked",
  ]
    .filter(Boolean)
    .join(" · ");

  replaceChildren(
    root,
    el(
      "div",
      { class: "view investor-view", "data-period": period.id, "data-source": source },
      el("div", { class: "toolbar" }, periodPicker(period, source), sourceSwitch),
      el(
        "header",
        { class: "view-head" },
        el("h1", {}, describePeriod(period)),
        el(
          "p",
          { class: "view-sub" },
          `${source === "ledger" ? "Ledger figures, beside the reported ones in the table (targets and customer mix as reported)" : "Reported figures"} · ${comparison}`,
        ),
      ),
      cardsSlot,
      el(
        "div",
        { class: "chart-grid" },
        [slots.revenue, slots.margin, slots.cost, slots.sga, slots.recurring, slots.bandwidth].map(
          (s) => s.card,
        ),
      ),
      el(
        "section",
        { class: "band", "aria-label": "Targets" },
        el("h2", { class: "band-title" }, "Targets vs actual"),
        el(
          "div",
          { class: "band-grid" },
          slots.targets.card,
          el("div", { class: "card" }, yearTargetsSlot),
        ),
      ),
      el(
        "section",
        { class: "band", "aria-label": "Results" },
        el(
          "h2",
          { class: "band-title" },
          `Results for ${period.id}`,
          el("span", { class: "band-note" }, comparison),
        ),
        el("div", { class: "card table-card" }, tableSlot),
      ),
      el(
        "section",
        { class: "band", "aria-label": "Customer mix" },
        el(
          "h2",
          { class: "band-title" },
          "Customer mix",
          el("span", { class: "band-note", id: "mix-note" }),
        ),
        el("div", { class: "band-grid even" }, slots.industry.card, slots.concentration.card),
      ),
    ),
  );

  const api = app.api;
  const quarterIds = CHART_QUARTERS.map((q) => q.id);
  const highlight = highlightOf(period);

  const report = api.get<Report>("/reports", {
    period: period.id,
    source,
    compare: source === "ledger" ? "reported" : null,
  });
  const ledgerProbe =
    source === "ledger"
      ? report
      : api.get<Report>("/reports", { period: period.id, source: "ledger" });
  const series = api.get<SeriesAnswer>("/reports/series", {
    metrics: QUARTER_CHART_METRICS.join(","),
    periods: quarterIds.join(","),
    scenario: "actual",
    source,
  });
  const halfId = halfOf(period).id;
  const yearId = yearOf(period).id;
  /** A half or year without figures or targets answers 404: it simply has no targets. */
  const targetsOf = (id: string) =>
    api.get<Report>("/reports", { period: id, source: "reported" }).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    });
  const targetReports = Promise.all([targetsOf(halfId), targetsOf(yearId)]);
  const mixYears = [previousYear(period).id, yearOf(period).id];
  const mix = api.get<SeriesAnswer>("/reports/series", {
    metrics: MIX_METRICS.join(","),
    periods: mixYears.join(","),
    scenario: "actual",
  });

  const tasks: Promise<void>[] = [];

  function showEmptyPeriod(serverMessage?: string): void {
    const what = source === "ledger" ? "ledger figures" : "figures";
    const why =
      source === "ledger"
        ? "The books of this period are not closed in the ledger; switch to the reported figures."
        : "The period has not been reported yet; pick another period above.";
    replaceChildren(
      cardsSlot,
      notice(
        "empty",
        `No ${what} for ${selectedId} yet.`,
        serverMessage ? `${why} (${serverMessage})` : why,
      ),
    );
    replaceChildren(tableSlot, notice("empty", `The results table for ${selectedId} is empty.`));
  }

  tasks.push(
    ledgerProbe.then(
      (ledger) => {
        if (!scope.active) return;
        if (shownLines(ledger).length === 0) {
          sourceNote.textContent = `The ledger has no figures for ${period.id}.`;
        } else if (source === "reported") {
          sourceNote.textContent = "The ledger has figures for this period.";
        }
      },
      (error: unknown) => {
        if (!scope.active) return;
        if (source === "reported") {
          ledgerLink.classList.add("disabled");
          ledgerLink.setAttribute("aria-disabled", "true");
          ledgerLink.removeAttribute("href");
          ledgerLink.title = "No ledger figures for this period";
        }
        if (error instanceof ApiError && error.status === 404) {
          sourceNote.textContent =
            source === "reported"
              ? `No ledger figures for ${selectedId} yet; showing the reported figures.`
              : `No ledger figures for ${selectedId} yet.`;
          sourceNote.title = error.message;
        } else {
          sourceNote.textContent = `Ledger figures cannot be read: ${
            error instanceof Error ? error.message : String(error)
          }.`;
        }
      },
    ),
  );

  tasks.push(
    report.then(
      (answer) => {
        if (!scope.active) return;
        if (shownLines(answer).length === 0) {
          showEmptyPeriod();
          return;
        }
        replaceChildren(cardsSlot, kpiCards(answer));
        replaceChildren(
          tableSlot,
          resultsTables(answer, { yoy: lastYear.id, qoq: lastQuarter?.id ?? null }),
        );
      },
      (error: unknown) => {
        if (!scope.active) return;
        if (error instanceof ApiError && error.status === 404) {
          showEmptyPeriod(error.message);
          return;
        }
        replaceChildren(cardsSlot, errorNotice(error, `the ${period.id} report`));
        replaceChildren(tableSlot, errorNotice(error, `the ${period.id} results`));
      },
    ),
  );

  tasks.push(
    series.then(
      (answer) => {
        const table = new SeriesTable(answer);
        draw(scope, slots.revenue, revenueBySegment(table, highlight));
        draw(scope, slots.margin, grossMarginRatios(table, highlight));
        draw(scope, slots.cost, costByCategory(table, highlight));
        draw(scope, slots.sga, sgaAndOperatingIncome(table, highlight));
        draw(scope, slots.recurring, recurringVsOneTime(table, highlight));
        const unsplit = table.periods.filter((p) => table.at("revenue.recurring", p) === null);
        if (unsplit.length > 0 && unsplit.length < table.periods.length) {
          slots.recurring.card
            .querySelector(".card-sub")
            ?.append(
              ` · ${unsplit.join(", ")}: the split of SI revenue is not stated, so recurring and one-time are not known`,
            );
        }
        draw(scope, slots.bandwidth, contractedBandwidth(table, highlight));
      },
      (error: unknown) => {
        if (!scope.active) return;
        const empty = source === "ledger" && error instanceof ApiError && error.status === 404;
        for (const slot of [
          slots.revenue,
          slots.margin,
          slots.cost,
          slots.sga,
          slots.recurring,
          slots.bandwidth,
        ]) {
          showInSlot(
            slot,
            empty
              ? notice("empty", "No ledger figures to chart yet.", error.message)
              : errorNotice(error, "the quarterly series"),
          );
        }
      },
    ),
  );

  tasks.push(
    targetReports.then(
      ([halfReport, yearReport]) => {
        if (!scope.active) return;
        const halves = targetLines(halfReport);
        const years = targetLines(yearReport);
        if (halves.length === 0 && years.length === 0) {
          const none = notice(
            "empty",
            `No targets set for ${halfId} or ${yearId}.`,
            "Targets are published for halves and fiscal years (1H12 and FY12 in the demo company).",
          );
          replaceChildren(targetsSlot, none);
          replaceChildren(yearTargetsSlot);
          showInSlot(slots.targets, notice("empty", "No targets to compare against."));
          return;
        }
        replaceChildren(
          targetsSlot,
          halfReport && halves.length > 0 ? targetsTable(halfReport) : null,
        );
        replaceChildren(
          yearTargetsSlot,
          yearReport && years.length > 0
            ? targetsTable(yearReport, halfReport?.period.startsWith("1H") ? halfReport : null)
            : notice("empty", `No targets set for ${yearId}.`),
        );
        draw(
          scope,
          slots.targets,
          targetAchievement(halfId, yearId, halfReport?.lines ?? [], yearReport?.lines ?? []),
        );
      },
      (error: unknown) => {
        if (!scope.active) return;
        replaceChildren(targetsSlot, errorNotice(error, "targets"));
        replaceChildren(yearTargetsSlot);
        showInSlot(slots.targets, errorNotice(error, "targets"));
      },
    ),
  );

  tasks.push(
    mix.then(
      (answer) => {
        if (!scope.active) return;
        const table = new SeriesTable(answer);
        const latest = [...answer.periods]
          .reverse()
          .find((p) =>
            [...INDUSTRY_MIX, ...CLIENT_RANKS].some((d) => table.at(d.metric, p) !== null),
          );
        const note = root.querySelector("#mix-note");
        if (!latest) {
          showInSlot(
            slots.industry,
            notice("empty", `No customer mix stated for ${mixYears.join(" or ")}.`),
          );
          showInSlot(slots.concentration, notice("empty", "No revenue concentration stated."));
          return;
        }
        if (note) {
          note.textContent = `${latest}${latest === yearId ? "" : `, the latest fiscal year with a stated mix`}`;
        }
        draw(scope, slots.industry, industryMix(table, latest));
        draw(scope, slots.concentration, clientConcentration(table, latest));
      },
      (error: unknown) => {
        if (!scope.active) return;
        showInSlot(slots.industry, errorNotice(error, "the customer mix"));
        showInSlot(slots.concentration, errorNotice(error, "the customer mix"));
      },
    ),
  );

  await Promise.all(tasks);
  if (scope.active) root.querySelector(".investor-view")?.setAttribute("data-loaded", "true");
}
