// Binary searches over ascending number sequences. Every time series in the view model is a
// sorted array of times, so "state at t" is always "the last entry whose time is <= t" and
// "how many so far" is always "how many entries are <= t": both are one of these two searches.

/** A read-only view of either a plain array or a typed array, so series can use either. */
export type NumberSeq = ArrayLike<number>;

/** First index i in [lo, hi) with a[i] > x (hi when none): the count of entries <= x when lo = 0. */
export function upperBound(a: NumberSeq, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i in [lo, hi) with a[i] >= x (hi when none): the count of entries < x when lo = 0. */
export function lowerBound(a: NumberSeq, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last entry <= x, or -1 when every entry is later (the state before any change). */
export function lastAtOrBefore(a: NumberSeq, x: number): number {
  return upperBound(a, x) - 1;
}
