// Reshaping the engine's rows into chart series (pure, tested).

export interface Pivot {
  /** Sorted bucket keys ("2024-03", ...), the x axis. */
  buckets: string[];
  /** One series per platform, values aligned with `buckets` (0 where no records). */
  series: { platform: string; values: number[] }[];
}

/** Rows of (bucket, platform, count) to aligned series; buckets sorted, gaps filled with 0. */
export function pivot<T>(
  rows: T[],
  bucketOf: (row: T) => string,
  platformOf: (row: T) => string,
  countOf: (row: T) => number,
): Pivot {
  const buckets = [...new Set(rows.map(bucketOf))].sort();
  const index = new Map(buckets.map((b, i) => [b, i]));
  const byPlatform = new Map<string, number[]>();
  for (const row of rows) {
    const platform = platformOf(row);
    let values = byPlatform.get(platform);
    if (!values) {
      values = new Array(buckets.length).fill(0);
      byPlatform.set(platform, values);
    }
    values[index.get(bucketOf(row))!] += countOf(row);
  }
  const series = [...byPlatform.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([platform, values]) => ({ platform, values }));
  return { buckets, series };
}

/**
 * Fills the empty months/days between the first and last bucket so a time axis shows gaps as
 * zero instead of joining distant points. Works on "YYYY", "YYYY-MM" and "YYYY-MM-DD" keys;
 * gives up (returns the input) beyond `limit` buckets.
 */
export function fillGaps(p: Pivot, limit = 5000): Pivot {
  if (p.buckets.length < 2) return p;
  const all: string[] = [];
  const first = p.buckets[0];
  const last = p.buckets[p.buckets.length - 1];
  const parts = first.split("-").length;
  let [y, m, d] = first.split("-").map(Number);
  const key = () =>
    parts === 1
      ? `${y}`
      : parts === 2
        ? `${y}-${String(m).padStart(2, "0")}`
        : `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  while (all.length <= limit) {
    const k = key();
    all.push(k);
    if (k >= last) break;
    if (parts === 1) y += 1;
    else if (parts === 2) {
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    } else {
      const next = new Date(Date.UTC(y, m - 1, d + 1));
      y = next.getUTCFullYear();
      m = next.getUTCMonth() + 1;
      d = next.getUTCDate();
    }
  }
  if (all.length > limit) return p;
  const index = new Map(p.buckets.map((b, i) => [b, i]));
  return {
    buckets: all,
    series: p.series.map((s) => ({
      platform: s.platform,
      values: all.map((b) => {
        const i = index.get(b);
        return i === undefined ? 0 : s.values[i];
      }),
    })),
  };
}
