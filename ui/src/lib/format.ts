// Numbers, sizes and dates in the user's locale (Intl). `locale` is a parameter so tests can
// pin one; the app passes nothing and gets the system's.

/** 12,345 (or 12 345, 12.345 ... per locale). */
export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** "1 record", "2 records" (English words, localized digits). */
export function plural(n: number, one: string, many: string, locale?: string): string {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}

const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** 1.2 MB, 940 kB: decimal units (as file managers show them), one decimal below 10. */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: BYTE_UNITS[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
  }).format(value);
}

/**
 * The instants shown as dates: from 1995-01-01 to 2100-01-01 UTC, the bounds of the engine's
 * `time::shown` (its `EVENTS_FROM_MS`, `LATEST_MS`). Outside them a value is a sentinel
 * (`9223372036854775807`, `0`), a unit mistake or damage: shown as unknown, never as a date.
 */
const EARLIEST_SHOWN_MS = Date.UTC(1995, 0, 1);
const LATEST_SHOWN_MS = Date.UTC(2100, 0, 1);

/** Whether `ms` may be shown as a date (see the bounds above). */
export function isShownDate(ms: number | null | undefined): ms is number {
  return (
    typeof ms === "number" &&
    Number.isFinite(ms) &&
    ms >= EARLIEST_SHOWN_MS &&
    ms < LATEST_SHOWN_MS
  );
}

/** What an unknown or impossible date shows. */
export const UNKNOWN_DATE = "—";

/** A date (no time) from UTC epoch milliseconds; "—" when unknown or impossible. */
export function formatDate(ms: number | null | undefined, locale?: string): string {
  if (!isShownDate(ms)) return UNKNOWN_DATE;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(ms));
}

/** Date and time from UTC epoch milliseconds, in the user's time zone; "—" when unknown or impossible. */
export function formatDateTime(ms: number | null | undefined, locale?: string): string {
  if (!isShownDate(ms)) return UNKNOWN_DATE;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(ms),
  );
}

/** "Mar 2024 – Jan 2025" or a single month when both ends fall in it; an impossible end is "?". */
export function formatSpan(
  first: number | null | undefined,
  last: number | null | undefined,
  locale?: string,
): string {
  if (!isShownDate(first) && !isShownDate(last)) return UNKNOWN_DATE;
  const month = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric" });
  const a = isShownDate(first) ? month.format(new Date(first)) : "?";
  const b = isShownDate(last) ? month.format(new Date(last)) : "?";
  return a === b ? a : `${a} – ${b}`;
}

/**
 * A timeline bucket ("2024", "2024-03" or "2024-03-15", UTC) as a local label; "—" for a
 * bucket that is no date (an older database's `0000-00-00` or `+510-01`).
 */
export function formatBucket(bucket: string, locale?: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(bucket)) return UNKNOWN_DATE;
  const [y, m, d] = bucket.split("-").map(Number);
  const date = new Date(Date.UTC(y, (m || 1) - 1, d || 1));
  if (!isShownDate(date.getTime())) return UNKNOWN_DATE;
  const options: Intl.DateTimeFormatOptions =
    d !== undefined
      ? { dateStyle: "medium", timeZone: "UTC" }
      : m !== undefined
        ? { month: "short", year: "numeric", timeZone: "UTC" }
        : { year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** The UTC [start, end) in ms of a bucket ("2024", "2024-03", "2024-03-15"). */
export function bucketRange(bucket: string): [number, number] {
  const [y, m, d] = bucket.split("-").map(Number);
  if (d !== undefined) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
  if (m !== undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

/** A percentage with no decimals ("42 %" or "42%" per locale); 0 when total is 0. */
export function formatPercent(part: number, total: number, locale?: string): string {
  const ratio = total > 0 ? part / total : 0;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
    ratio,
  );
}

/** The last part of a path, for compact labels ("/a/b/takeout.zip" -> "takeout.zip"). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts.length ? parts[parts.length - 1] : path;
}

/** Milliseconds as "850 ms", "4.2 s", "3 min 5 s". */
export function formatDuration(ms: number, locale?: string): string {
  if (ms < 1000) return new Intl.NumberFormat(locale, { style: "unit", unit: "millisecond" }).format(Math.round(ms));
  const s = ms / 1000;
  if (s < 60) {
    return new Intl.NumberFormat(locale, { style: "unit", unit: "second", maximumFractionDigits: 1 }).format(s);
  }
  const min = Math.floor(s / 60);
  const rest = Math.round(s - min * 60);
  const fmtMin = new Intl.NumberFormat(locale, { style: "unit", unit: "minute" }).format(min);
  const fmtSec = new Intl.NumberFormat(locale, { style: "unit", unit: "second" }).format(rest);
  return `${fmtMin} ${fmtSec}`;
}

/** `text` cut to at most `max` characters (whole code points), with "…" when cut. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("").trimEnd()}…`;
}

/** An amount in minor units of an ISO 4217 currency, in the user's locale ("€12.34",
 * "¥1,200"). The currency's own number of decimals comes from Intl, not from a table. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  let f: Intl.NumberFormat;
  try {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
  } catch {
    return `${minor} ${currency}`;
  }
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}
