// Chart series are computed once per run (200 samples of each metric) and shared by every
// render and both compare sides' re-mounts.
import { buildChartSeries, type ChartSet } from '../../view/chartSeries';
import type { TraceIndex } from '../../view/traceIndex';

const cache = new WeakMap<TraceIndex, ChartSet>();

export function chartSetOf(index: TraceIndex): ChartSet {
  let set = cache.get(index);
  if (!set) cache.set(index, (set = buildChartSeries(index)));
  return set;
}
