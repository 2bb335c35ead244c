// The world outline for the offline map: Natural Earth 1:110m countries from the `world-atlas`
// package, bundled into the app (no tiles, nothing fetched), converted once to GeoJSON.
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import countries from "world-atlas/countries-110m.json";
import { echarts } from "./charts";

let registered = false;

/** Registers the map "world" with ECharts (once). */
export function registerWorld(): void {
  if (registered) return;
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  const geojson = flatWorld(feature(topology, topology.objects.countries) as FeatureCollection);
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

/**
 * A ring that crosses the antimeridian (a jump of more than 180° between two points) is drawn
 * by ECharts as a band across the whole map. Fold its far-side points onto ±180° instead (on
 * the side most of the ring lies on): Chukotka and Fiji lose a sliver, the map loses the bands.
 */
export function foldRing(ring: Position[]): Position[] {
  const crosses = ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
  if (!crosses) return ring;
  const east = ring.filter((p) => p[0] >= 0).length >= ring.length / 2;
  return ring.map(([lon, lat]) => [east ? (lon < 0 ? 180 : lon) : lon > 0 ? -180 : lon, lat]);
}

/** The world without Antarctica (it spans every longitude and has no one's location history). */
export function flatWorld(world: FeatureCollection): FeatureCollection {
  const fold = (g: Geometry): Geometry => {
    if (g.type === "Polygon") return { ...g, coordinates: g.coordinates.map(foldRing) };
    if (g.type === "MultiPolygon") {
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map(foldRing)) };
    }
    return g;
  };
  const features: Feature[] = world.features
    .filter((f) => f.properties?.name !== "Antarctica")
    .map((f) => (f.geometry ? { ...f, geometry: fold(f.geometry) } : f));
  return { ...world, features };
}
