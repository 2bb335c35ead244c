// ECharts, trimmed to the parts Footprint uses (bars, lines, scatter on a map), rendered to a
// canvas. Tooltips use ECharts' rich-text mode: drawn on the canvas, never HTML, so a company
// name from an archive can never become markup.
import * as echarts from "echarts/core";
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { ComposeOption } from "echarts/core";
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from "echarts/charts";
import type {
  DataZoomComponentOption,
  GeoComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import { words } from "./vocabulary.svelte";

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | DataZoomComponentOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export { echarts };

const FALLBACK = ["#2f9e77", "#e08e0b", "#8c6d5c", "#5c7cfa", "#c2255c"];

/** One color per platform, the same on every chart: the descriptor's colour (from the
 * engine's vocabulary), else a fallback by position. */
export function platformColor(platform: string, index = 0): string {
  return words.platformTerm(platform)?.color ?? FALLBACK[index % FALLBACK.length];
}

/** Category-axis labels that wrap onto a second line instead of being cut
 * ("sent your activity from outside the platform" stays whole). */
export const WRAPPED_LABEL = { width: 210, overflow: "break", lineHeight: 15 } as const;

/** Chart height in pixels for a horizontal bar chart of `rows` categories: room for
 * two-line labels. */
export function barChartHeight(rows: number, min = 160): number {
  return Math.max(min, 40 + rows * 44);
}

/** Shared tooltip settings: canvas-drawn text only. */
export const SAFE_TOOLTIP = { renderMode: "richText" } as const;
