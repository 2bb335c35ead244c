import { describe, expect, it } from "vitest";
import {
  baseName,
  formatMoney,
  bucketRange,
  formatBucket,
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatPercent,
  formatSpan,
  isShownDate,
  plural,
  shorten,
} from "./format";

describe("numbers", () => {
  it("groups digits per locale", () => {
    expect(formatCount(1234567, "en-US")).toBe("1,234,567");
    expect(formatCount(1234567, "de-DE")).toBe("1.234.567");
  });
  it("says one or many", () => {
    expect(plural(1, "record", "records", "en-US")).toBe("1 record");
    expect(plural(0, "record", "records", "en-US")).toBe("0 records");
    expect(plural(2500, "record", "records", "en-US")).toBe("2,500 records");
  });
  it("formats sizes with decimal units", () => {
    expect(formatBytes(0, "en-US")).toBe("0 bytes");
    expect(formatBytes(999, "en-US")).toBe("999 bytes");
    expect(formatBytes(1500, "en-US")).toBe("1.5 kB");
    expect(formatBytes(35_000, "en-US")).toBe("35 kB");
    expect(formatBytes(1_234_567, "en-US")).toBe("1.2 MB");
    expect(formatBytes(-5, "en-US")).toBe("0 bytes");
  });
  it("formats percentages and guards against a zero total", () => {
    expect(formatPercent(1, 4, "en-US")).toBe("25%");
    expect(formatPercent(3, 0, "en-US")).toBe("0%");
  });
  it("formats durations", () => {
    expect(formatDuration(850, "en-US")).toBe("850 ms");
    expect(formatDuration(4200, "en-US")).toBe("4.2 sec");
    expect(formatDuration(185_000, "en-US")).toBe("3 min 5 sec");
  });
});

describe("dates", () => {
  const march15 = Date.UTC(2024, 2, 15, 12, 0, 0);
  it("shows a dash for unknown dates", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatSpan(null, null)).toBe("—");
  });
  it("formats a date in the given locale", () => {
    expect(formatDate(march15, "en-US")).toBe("Mar 15, 2024");
    expect(formatDate(march15, "fr-FR")).toBe("15 mars 2024");
  });
  it("collapses a span within one month", () => {
    expect(formatSpan(march15, march15 + 86_400_000, "en-US")).toBe("Mar 2024");
    expect(formatSpan(march15, Date.UTC(2025, 0, 10, 12), "en-US")).toBe("Mar 2024 – Jan 2025");
  });
  it("labels timeline buckets of each size in UTC", () => {
    expect(formatBucket("2024", "en-US")).toBe("2024");
    expect(formatBucket("2024-03", "en-US")).toBe("Mar 2024");
    expect(formatBucket("2024-03-01", "en-US")).toBe("Mar 1, 2024");
  });
  // Regression: the timeline showed the years +510 and 0000 and a "last seen" of
  // 9223372036854775807 (a sentinel stored as a time). Impossible values are never dates.
  it("refuses impossible dates", () => {
    for (const bad of [
      Number.MAX_SAFE_INTEGER,
      9223372036854775807,
      0,
      -1,
      Date.UTC(1994, 11, 31, 23, 59, 59),
      Date.UTC(2100, 0, 1),
      -46_388_678_400_000,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(formatDate(bad, "en-US")).toBe("—");
      expect(formatDateTime(bad, "en-US")).toBe("—");
      expect(isShownDate(bad)).toBe(false);
    }
    expect(formatSpan(0, march15, "en-US")).toBe("? – Mar 2024");
    expect(formatSpan(-1, 9223372036854775807, "en-US")).toBe("—");
    for (const bucket of ["0000-00-00", "+510-01", "0000", "1970-01", "2262-04-11", "garbage", ""]) {
      expect(formatBucket(bucket, "en-US")).toBe("—");
    }
    expect(isShownDate(Date.UTC(1995, 0, 1))).toBe(true);
    expect(formatDate(Date.UTC(1995, 0, 1, 12), "en-US")).toBe("Jan 1, 1995");
  });
  it("gives the UTC range of a bucket", () => {
    expect(bucketRange("2024-02")).toEqual([Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)]);
    expect(bucketRange("2024-12")).toEqual([Date.UTC(2024, 11, 1), Date.UTC(2025, 0, 1)]);
    expect(bucketRange("2024-02-29")).toEqual([Date.UTC(2024, 1, 29), Date.UTC(2024, 2, 1)]);
    expect(bucketRange("2023")).toEqual([Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1)]);
  });
});

describe("paths", () => {
  it("keeps the last part of Unix and Windows paths", () => {
    expect(baseName("/home/me/takeout-001.zip")).toBe("takeout-001.zip");
    expect(baseName("C:\\Users\\me\\facebook.zip")).toBe("facebook.zip");
    expect(baseName("/exports/folder/")).toBe("folder");
  });
});

describe("shorten", () => {
  it("keeps short text and cuts long text with an ellipsis", () => {
    expect(shorten("hello", 10)).toBe("hello");
    expect(shorten("hello world", 6)).toBe("hello…");
  });
  it("never splits an emoji", () => {
    expect(shorten("ab😀😀😀", 4)).toBe("ab😀…");
  });
});


describe("formatMoney", () => {
  it("shows minor units in the currency's own decimals, never converted", () => {
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(-68, "USD", "en-US")).toBe("-$0.68");
    expect(formatMoney(1200, "JPY", "en-US")).toBe("¥1,200");
    expect(formatMoney(1250, "EUR", "de-DE")).toMatch(/^12,50\s€$/);
    expect(formatMoney(5, "XYZ1", "en-US")).toBe("5 XYZ1");
  });
});
