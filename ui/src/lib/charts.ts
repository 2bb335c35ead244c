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

/** One color per platform, the same on every chart. */
const PLATFORM_COLORS: Record<string, string> = {
  google: "#3b7ddd",
  facebook: "#6c5ce7",
  instagram: "#d63384",
};
const FALLBACK = ["#2f9e77", "#e08e0b", "#8c6d5c", "#5c7cfa", "#c2255c"];

export function platformColor(platform: string, index = 0): string {
  return PLATFORM_COLORS[platform] ?? FALLBACK[index % FALLBACK.length];
}

/** Shared tooltip settings: canvas-drawn text only. */
export const SAFE_TOOLTIP = { renderMode: "richText" } as const;
