import { describe, expect, it } from "vitest";
import { fillGaps, pivot } from "./series";

type Row = { b: string; p: string; n: number };
const rows: Row[] = [
  { b: "2024-03", p: "google", n: 5 },
  { b: "2024-01", p: "facebook", n: 2 },
  { b: "2024-03", p: "facebook", n: 1 },
];
const shape = (r: Row[]) =>
  pivot(
    r,
    (x) => x.b,
    (x) => x.p,
    (x) => x.n,
  );

describe("pivot", () => {
  it("aligns platforms on sorted buckets with zeros for gaps", () => {
    expect(shape(rows)).toEqual({
      buckets: ["2024-01", "2024-03"],
      series: [
        { platform: "facebook", values: [2, 1] },
        { platform: "google", values: [0, 5] },
      ],
    });
  });
  it("is empty for no rows", () => {
    expect(shape([])).toEqual({ buckets: [], series: [] });
  });
});

describe("fillGaps", () => {
  it("adds the missing months, across a year end", () => {
    const p = fillGaps(shape([
      { b: "2023-11", p: "google", n: 1 },
      { b: "2024-02", p: "google", n: 4 },
    ]));
    expect(p.buckets).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(p.series[0].values).toEqual([1, 0, 0, 4]);
  });
  it("adds missing days, across a leap day", () => {
    const p = fillGaps(shape([
      { b: "2024-02-28", p: "g", n: 1 },
      { b: "2024-03-01", p: "g", n: 2 },
    ]));
    expect(p.buckets).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
  });
  it("adds missing years", () => {
    expect(fillGaps(shape([
      { b: "2020", p: "g", n: 1 },
      { b: "2022", p: "g", n: 1 },
    ])).buckets).toEqual(["2020", "2021", "2022"]);
  });
  it("gives up beyond the limit rather than drawing millions of bars", () => {
    const p = shape([
      { b: "1990-01-01", p: "g", n: 1 },
      { b: "2024-01-01", p: "g", n: 1 },
    ]);
    expect(fillGaps(p, 100)).toBe(p);
  });
});
