import { describe, expect, it } from "vitest";
import * as paging from "./paging";

type Cursor = { ts: number; id: number };

describe("cursor paging", () => {
  it("walks forward and back through pages", () => {
    let p = paging.firstPage<Cursor>();
    expect(paging.currentCursor(p)).toBeNull();
    expect(paging.hasPrevious(p)).toBe(false);
    expect(paging.hasNext(p)).toBe(false);

    const c1 = { ts: 100, id: 9 };
    p = paging.loaded(p, c1);
    expect(paging.hasNext(p)).toBe(true);
    p = paging.forward(p);
    expect(paging.pageNumber(p)).toBe(2);
    expect(paging.currentCursor(p)).toBe(c1);
    expect(paging.hasNext(p)).toBe(false); // unknown until page 2 is loaded

    const c2 = { ts: 50, id: 3 };
    p = paging.forward(paging.loaded(p, c2));
    expect(paging.currentCursor(p)).toBe(c2);
    p = paging.back(p);
    expect(paging.currentCursor(p)).toBe(c1);
    p = paging.back(p);
    expect(paging.currentCursor(p)).toBeNull();
    expect(paging.back(p)).toBe(p);
  });

  it("does not move past the last page", () => {
    const p = paging.loaded(paging.firstPage<Cursor>(), null);
    expect(paging.forward(p)).toBe(p);
  });

  it("recording the next cursor keeps the current one (no reload loop)", () => {
    const p = paging.forward(paging.loaded(paging.firstPage<Cursor>(), { ts: 1, id: 1 }));
    const again = paging.loaded(p, { ts: 0, id: 0 });
    expect(paging.currentCursor(again)).toBe(paging.currentCursor(p));
  });
});

describe("offset paging", () => {
  it("asks for one more row to know whether a next page exists", () => {
    expect(paging.probeLimit(50)).toBe(51);
    const full = Array.from({ length: 51 }, (_, i) => i);
    expect(paging.splitProbe(full, 50)).toEqual({ rows: full.slice(0, 50), hasMore: true });
    expect(paging.splitProbe([1, 2], 50)).toEqual({ rows: [1, 2], hasMore: false });
  });
});
