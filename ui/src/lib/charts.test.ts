import { describe, expect, it } from "vitest";
import { barChartHeight, WRAPPED_LABEL } from "./charts";

describe("bar chart labels", () => {
  it("wrap instead of being cut, with room for two lines per bar", () => {
    expect(WRAPPED_LABEL.overflow).toBe("break");
    expect(barChartHeight(9)).toBeGreaterThanOrEqual(9 * 2 * WRAPPED_LABEL.lineHeight);
    expect(barChartHeight(0)).toBe(160);
  });
});
