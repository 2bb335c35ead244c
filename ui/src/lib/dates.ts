// Date inputs (<input type="date">, "YYYY-MM-DD", the user's local day) to epoch milliseconds.

/**
 * The start of the local day (`endOfDay` false) or the start of the next local day (`endOfDay`
 * true, for an exclusive upper bound), or null for an empty or invalid input.
 */
export function dateInputToMs(value: string, endOfDay: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0));
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

/** Epoch milliseconds as the local day for an <input type="date"> ("" for null). */
export function msToDateInput(ms: number | null): string {
  if (ms === null) return "";
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
