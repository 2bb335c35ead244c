// Paging state, kept as plain values so screens stay simple and the rules are testable.

/** Keyset paging (the Explorer): a stack of the cursors that opened each page seen so far. */
export interface CursorPaging<C> {
  /** stack[i] opened page i+1; the first page has no cursor. */
  readonly stack: readonly (C | null)[];
  /** The cursor of the page after the current one, if any (from the last load). */
  readonly next: C | null;
}

export function firstPage<C>(): CursorPaging<C> {
  return { stack: [null], next: null };
}

/** The cursor to load the current page with. */
export function currentCursor<C>(p: CursorPaging<C>): C | null {
  return p.stack[p.stack.length - 1];
}

/** Records what the last load said about the page after this one. */
export function loaded<C>(p: CursorPaging<C>, next: C | null): CursorPaging<C> {
  return { stack: p.stack, next };
}

export function hasNext<C>(p: CursorPaging<C>): boolean {
  return p.next !== null;
}

export function hasPrevious<C>(p: CursorPaging<C>): boolean {
  return p.stack.length > 1;
}

/** 1-based number of the current page. */
export function pageNumber<C>(p: CursorPaging<C>): number {
  return p.stack.length;
}

/** Moves to the next page (no-op at the end). */
export function forward<C>(p: CursorPaging<C>): CursorPaging<C> {
  if (p.next === null) return p;
  return { stack: [...p.stack, p.next], next: null };
}

/** Moves to the previous page (no-op on the first). */
export function back<C>(p: CursorPaging<C>): CursorPaging<C> {
  if (p.stack.length <= 1) return p;
  return { stack: p.stack.slice(0, -1), next: null };
}

/** Offset paging (Companies): ask for one row more than shown to know whether more exist. */
export interface OffsetPage<T> {
  rows: T[];
  hasMore: boolean;
}

/** The `limit` to request for a page of `size` rows. */
export function probeLimit(size: number): number {
  return size + 1;
}

/** Splits a probed result into the rows to show and whether a next page exists. */
export function splitProbe<T>(rows: T[], size: number): OffsetPage<T> {
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
