// ECharts, tree-shaken to the charts and components the dashboard draws, with its palette. A
// ChartHost owns the charts of one view: it draws them, resizes them with their box, marks each
// container with what it drew (data-chart, data-series, data-points) and disposes them all.

import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from "echarts/charts";
import {
  DataZoomComponent,
  type DataZoomComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkAreaComponent,
  type MarkAreaComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, type EChartsType, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

use([
  BarChart,
  LineChart,
  PieChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export type ChartSeries = BarSeriesOption | LineSeriesOption | PieSeriesOption;

/** The dashboard's colours, in the order series take them. */
export const PALETTE = {
  navy: "#1f3b6f",
  blue: "#3c6eb4",
  sky: "#7fa7d9",
  teal: "#2a9d8f",
  amber: "#e0a030",
  coral: "#d1495b",
  slate: "#6c7a89",
  plum: "#7b5ea7",
  green: "#4c956c",
  sand: "#c9b79c",
  ink: "#1d2433",
  grid: "#e6e9ef",
  muted: "#6b7385",
} as const;

export const SERIES_COLOURS = [
  PALETTE.navy,
  PALETTE.teal,
  PALETTE.amber,
  PALETTE.coral,
  PALETTE.plum,
  PALETTE.sky,
  PALETTE.green,
  PALETTE.slate,
  PALETTE.sand,
  PALETTE.blue,
];

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Settings every chart shares: font, colours, a quiet grid, an axis tooltip, legend on top. */
function withDefaults(option: ChartOption): ChartOption {
  return {
    color: SERIES_COLOURS,
    textStyle: { fontFamily: FONT, color: PALETTE.ink },
    animationDuration: 300,
    ...option,
  };
}

export class ChartHost {
  private readonly charts = new Map<string, { chart: EChartsType; observer: ResizeObserver }>();

  /** Draws (or redraws) the chart `id` in `container`. */
  draw(id: string, container: HTMLElement, option: ChartOption): EChartsType {
    let entry = this.charts.get(id);
    if (entry && entry.chart.getDom() !== container) {
      this.dispose(id);
      entry = undefined;
    }
    if (!entry) {
      const chart = init(container, undefined, { renderer: "canvas" });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(container);
      entry = { chart, observer };
      this.charts.set(id, entry);
    }
    const { chart } = entry;
    container.dataset.chart = id;
    delete container.dataset.rendered;
    chart.off("finished");
    chart.on("finished", () => {
      container.dataset.rendered = "true";
    });
    const full = withDefaults(option);
    chart.setOption(full, { notMerge: true });
    const counts = countSeries(full);
    container.dataset.series = String(counts.series);
    container.dataset.points = String(counts.points);
    return chart;
  }

  dispose(id: string): void {
    const entry = this.charts.get(id);
    if (!entry) return;
    entry.observer.disconnect();
    entry.chart.dispose();
    this.charts.delete(id);
  }

  disposeAll(): void {
    for (const id of [...this.charts.keys()]) this.dispose(id);
  }
}

/** Series and the values in them that are numbers (what the browser tests check was drawn). */
function countSeries(option: ChartOption): { series: number; points: number } {
  const list = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  let points = 0;
  for (const series of list) {
    const data = (series as { data?: unknown[] }).data ?? [];
    for (const item of data) if (hasNumber(item)) points += 1;
  }
  return { series: list.length, points };
}

function hasNumber(item: unknown): boolean {
  if (typeof item === "number") return Number.isFinite(item);
  if (Array.isArray(item)) return hasNumber(item[item.length - 1]);
  if (item && typeof item === "object" && "value" in item) {
    return hasNumber((item as { value: unknown }).value);
  }
  return false;
}
