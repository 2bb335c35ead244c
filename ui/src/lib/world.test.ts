import { describe, expect, it } from "vitest";
import type { FeatureCollection } from "geojson";
import { binSize, flatWorld, foldRing, zoomFor } from "./world";

describe("antimeridian", () => {
  it("leaves ordinary rings alone", () => {
    const ring = [[10, 10], [20, 10], [20, 20], [10, 10]];
    expect(foldRing(ring)).toBe(ring);
  });
  it("folds the far side of a crossing ring onto 180°", () => {
    const ring = [[170, 60], [179, 62], [-178, 64], [175, 66], [170, 60]];
    expect(foldRing(ring)).toEqual([[170, 60], [179, 62], [180, 64], [175, 66], [170, 60]]);
  });
  it("folds onto -180° when most of the ring is west", () => {
    const ring = [[-170, 10], [-179, 11], [178, 12], [-175, 13], [-170, 10]];
    expect(foldRing(ring).map((p) => p[0])).toEqual([-170, -179, -180, -175, -170]);
  });
  it("drops Antarctica", () => {
    const world: FeatureCollection = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name: "Antarctica" }, geometry: { type: "Polygon", coordinates: [] } },
        { type: "Feature", properties: { name: "Chile" }, geometry: { type: "Polygon", coordinates: [] } },
      ],
    };
    expect(flatWorld(world).features.map((f) => f.properties?.name)).toEqual(["Chile"]);
  });
});

describe("map sizing", () => {
  it("zooms in on a small area and out on a large one", () => {
    expect(zoomFor([-180, -60, 180, 80])).toBe(1);
    expect(zoomFor([2.2, 48.8, 2.5, 48.9])).toBe(60);
    const europe = zoomFor([-10, 35, 30, 60]);
    expect(europe).toBeGreaterThan(1);
    expect(europe).toBeLessThan(60);
  });
  it("grows bubbles with the logarithm of the count, within bounds", () => {
    expect(binSize(1)).toBe(5);
    expect(binSize(8)).toBe(14);
    expect(binSize(1e9)).toBe(28);
  });
});
