// A contract's month of traffic: 5-minute in and out rates over time, the 95th percentile the
// month is billed at drawn across, and the contracted bandwidth for scale.

import type { Usage } from "./api-types.js";
import { type ChartOption, PALETTE } from "./chart-host.js";
import { formatBitRate } from "./format.js";

export function sampleCount(usage: Usage): number {
  return (
    usage.in_bps.filter((v) => v !== null).length + usage.out_bps.filter((v) => v !== null).length
  );
}

export function trafficChart(usage: Usage, contractedMbps: number | null): ChartOption {
  const start = Date.parse(usage.start);
  const step = usage.interval_seconds * 1000;
  const points = (values: (number | null)[]) =>
    values.map((value, index): [number, number | null] => [start + index * step, value]);
  const p95 = usage.percentile_95;
  const marks: { name: string; yAxis: number; colour: string; type: "solid" | "dashed" }[] = [];
  if (p95?.billed_bps !== null && p95?.billed_bps !== undefined) {
    marks.push({
      name: "95th percentile (billed)",
      yAxis: p95.billed_bps,
      colour: PALETTE.coral,
      type: "solid",
    });
  }
  if (contractedMbps) {
    marks.push({
      name: "Contracted",
      yAxis: contractedMbps * 1e6,
      colour: PALETTE.slate,
      type: "dashed",
    });
  }
  return {
    legend: {
      top: 0,
      left: 0,
      itemWidth: 12,
      itemHeight: 10,
      textStyle: { fontSize: 11, color: PALETTE.muted },
      data: ["Inbound", "Outbound"],
    },
    tooltip: {
      trigger: "axis",
      valueFormatter: (value) => formatBitRate(typeof value === "number" ? value : null),
    },
    grid: { left: 8, right: 24, top: 40, bottom: 56, containLabel: true },
    xAxis: {
      type: "time",
      axisLabel: { color: PALETTE.muted, fontSize: 11, hideOverlap: true },
      axisLine: { lineStyle: { color: "#c5cad6" } },
      splitLine: { show: false },
    },
    yAxis: {
      type: "value",
      name: "bit/s",
      nameTextStyle: { color: PALETTE.muted, fontSize: 11, align: "left" },
      axisLabel: { color: PALETTE.muted, fontSize: 11, formatter: (v: number) => formatBitRate(v) },
      splitLine: { lineStyle: { color: PALETTE.grid } },
      max: (extent: { max: number }) => Math.max(extent.max, ...marks.map((m) => m.yAxis)) * 1.08,
    },
    dataZoom: [
      { type: "inside", throttle: 50 },
      { type: "slider", height: 22, bottom: 8, borderColor: PALETTE.grid, showDetail: false },
    ],
    series: [
      {
        type: "line",
        name: "Inbound",
        data: points(usage.in_bps),
        showSymbol: false,
        sampling: "lttb",
        lineStyle: { width: 1, color: PALETTE.blue },
        itemStyle: { color: PALETTE.blue },
        areaStyle: { color: "rgba(60, 110, 180, 0.18)" },
        markLine: {
          silent: true,
          symbol: "none",
          data: marks.map((mark) => ({
            name: mark.name,
            yAxis: mark.yAxis,
            lineStyle: { color: mark.colour, type: mark.type, width: 2 },
            label: {
              position: "insideEndTop",
              color: mark.colour,
              fontWeight: "bold",
              backgroundColor: "rgba(255, 255, 255, 0.85)",
              padding: [2, 6],
              borderRadius: 3,
              formatter: `${mark.name}: ${formatBitRate(mark.yAxis)}`,
            },
          })),
        },
      },
      {
        type: "line",
        name: "Outbound",
        data: points(usage.out_bps),
        showSymbol: false,
        sampling: "lttb",
        lineStyle: { width: 1, color: PALETTE.teal },
        itemStyle: { color: PALETTE.teal },
      },
    ],
  };
}
