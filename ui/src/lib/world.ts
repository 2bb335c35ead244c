// The world outline for the offline map: Natural Earth 1:110m countries from the `world-atlas`
// package, bundled into the app (no tiles, nothing fetched), converted once to GeoJSON.
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "world-atlas/countries-110m.json";
import { echarts } from "./charts";

let registered = false;

/** Registers the map "world" with ECharts (once). */
export function registerWorld(): void {
  if (registered) return;
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  const geojson = feature(topology, topology.objects.countries);
  echarts.registerMap("world", geojson as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}

/** An ECharts geo zoom that shows the box [west, south, east, north] (1 = whole world). */
export function zoomFor(extent: [number, number, number, number]): number {
  const [w, s, e, n] = extent;
  const lonSpan = Math.max(e - w, 0.01);
  const latSpan = Math.max(n - s, 0.01);
  const zoom = 0.7 * Math.min(360 / lonSpan, 150 / latSpan);
  return Math.max(1, Math.min(60, zoom));
}

/** Bubble size for a bin of `count` points: grows with the logarithm, stays readable. */
export function binSize(count: number): number {
  return Math.min(28, 5 + 3 * Math.log2(Math.max(1, count)));
}
