import { describe, expect, it } from "vitest";
import { dateInputToMs, msToDateInput } from "./dates";

describe("date inputs", () => {
  it("reads a local day as its start, or the next day's start for an end bound", () => {
    expect(dateInputToMs("2024-03-15", false)).toBe(new Date(2024, 2, 15).getTime());
    expect(dateInputToMs("2024-03-15", true)).toBe(new Date(2024, 2, 16).getTime());
    expect(dateInputToMs("2024-12-31", true)).toBe(new Date(2025, 0, 1).getTime());
  });
  it("ignores empty or malformed input", () => {
    expect(dateInputToMs("", false)).toBeNull();
    expect(dateInputToMs("15/03/2024", false)).toBeNull();
  });
  it("round-trips a local day", () => {
    expect(msToDateInput(new Date(2024, 0, 5, 13, 30).getTime())).toBe("2024-01-05");
    expect(msToDateInput(null)).toBe("");
  });
});
