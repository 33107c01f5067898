// Nearest-rank percentiles over a growing prefix of a fixed list of values.
//
// Latency percentiles "so far" at time t are order statistics of the first k finished commands,
// and k changes every animation frame. Re-sorting the prefix each frame costs O(k log k) (tens
// of ms on a long run); instead the values are ranked once, and a Fenwick tree over ranks holds
// which of them are inside the current prefix. Moving the prefix by d values costs
// O(min(d log n, n)) and reading any order statistic costs O(log n), so playback (small d) and
// scrubbing (arbitrary d) both stay well under a millisecond.
//
// The tree is mutable state hidden behind a pure interface: the answer depends only on
// (values, prefixLength, p), never on the order of calls.

export class PrefixPercentiles {
  private readonly n: number;
  /** Values sorted ascending (ties keep their original order, so ranks are deterministic). */
  private readonly sorted: Float64Array;
  /** rankOf[i] = position of values[i] in `sorted`. */
  private readonly rankOf: Int32Array;
  /** 1-based Fenwick tree of 0/1 flags: rank r is present when values[rankOf^-1(r)] is in the prefix. */
  private readonly tree: Int32Array;
  /** How many leading values are currently marked present in the tree. */
  private prefix = 0;
  /** Largest power of two <= n, the first step of the Fenwick descent. */
  private readonly topBit: number;

  constructor(values: ArrayLike<number>) {
    const n = values.length;
    this.n = n;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Sorting indices (not values) keeps the mapping back to arrival order; ties break on index.
    order.sort((a, b) => values[a] - values[b] || a - b);
    this.sorted = new Float64Array(n);
    this.rankOf = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      this.sorted[r] = values[order[r]];
      this.rankOf[order[r]] = r;
    }
    this.tree = new Int32Array(n + 1);
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.topBit = n === 0 ? 0 : top;
  }

  /**
   * Nearest-rank percentile p (0 < p <= 100) of the first `prefixLength` values:
   * the value of rank ceil(p/100 · k) in ascending order. Undefined for an empty prefix.
   */
  percentile(prefixLength: number, p: number): number | undefined {
    const k = Math.max(0, Math.min(this.n, prefixLength));
    if (k === 0) return undefined;
    this.moveTo(k);
    // Multiply before dividing so integer percentiles give exact integer ranks (no 0.99*100 drift).
    const rank = Math.min(k, Math.max(1, Math.ceil((p * k) / 100)));
    return this.sorted[this.kth(rank)];
  }

  private moveTo(k: number): void {
    const d = Math.abs(k - this.prefix);
    // A long jump (scrubbing) is cheaper as a linear rebuild than as d logarithmic updates.
    if (d * 32 > this.n) {
      this.rebuild(k);
      return;
    }
    while (this.prefix < k) this.add(this.rankOf[this.prefix++] + 1, 1);
    while (this.prefix > k) this.add(this.rankOf[--this.prefix] + 1, -1);
  }

  private rebuild(k: number): void {
    const tree = this.tree;
    tree.fill(0);
    for (let i = 0; i < k; i++) tree[this.rankOf[i] + 1] = 1;
    // Standard O(n) Fenwick construction: push each node's sum to its parent.
    for (let i = 1; i <= this.n; i++) {
      const parent = i + (i & -i);
      if (parent <= this.n) tree[parent] += tree[i];
    }
    this.prefix = k;
  }

  private add(pos: number, delta: number): void {
    for (let i = pos; i <= this.n; i += i & -i) this.tree[i] += delta;
  }

  /** 0-based rank of the k-th (1-based) present value, by Fenwick binary descent. */
  private kth(k: number): number {
    let pos = 0;
    let remaining = k;
    for (let step = this.topBit; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.n && this.tree[next] < remaining) {
        pos = next;
        remaining -= this.tree[next];
      }
    }
    return pos; // pos is the 1-based index just before the answer, i.e. the 0-based answer.
  }
}
