// Chart series, the log view and the sequence window: pure models of the time-travel panes.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import type { FaultSpec, Scenario } from '../../src/engine/types';
import { findScenario } from '../../src/scenarios/builtins';
import { buildChartSeries, chartValuesAt, nearestRank, primaryCommands, windowStats } from '../../src/view/chartSeries';
import { logTopicAt, logTopics } from '../../src/view/logView';
import { metricsAt } from '../../src/view/metricsAt';
import { arrowName, sequenceWindow } from '../../src/view/sequence';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { worldAt } from '../../src/view/worldAt';

function run(id: string, interventions: FaultSpec[] = []) {
  const scenario = findScenario(id) as Scenario;
  const trace = simulate(scenario, { interventions });
  return { scenario, trace, index: buildTraceIndex(trace, scenario) };
}

const outage: FaultSpec[] = [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }];

describe('chart series', () => {
  it('nearestRank matches the engine definition', () => {
    expect(nearestRank([], 50)).toBeUndefined();
    expect(nearestRank([3, 1, 2], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 99)).toBe(4);
    expect(nearestRank([5], 1)).toBe(5);
  });

  it('samples evenly from 0 to the end, 200 points by default', () => {
    const { index } = run('checkout-pubsub', outage);
    const set = buildChartSeries(index);
    expect(set.t).toHaveLength(200);
    expect(set.t[0]).toBe(0);
    expect(set.t[199]).toBe(index.endMs);
    expect(set.charts.map((c) => c.id)).toEqual(['lag', 'latency', 'success']);
    for (const c of set.charts) for (const l of c.lines) expect(l.values).toHaveLength(200);
  });

  it('lag per group is metricsAt’s lag at each sample: fulfillment rises during the outage and drains', () => {
    const { index } = run('checkout-pubsub', outage);
    const set = buildChartSeries(index, { samples: 61 });
    const lag = set.charts.find((c) => c.id === 'lag')!;
    const fulfillment = lag.lines.find((l) => l.id === 'fulfillment')!;
    set.t.forEach((t, i) => expect(fulfillment.values[i]).toBe(metricsAt(index, t).groups.fulfillment.lag));
    expect(lag.max).toBeGreaterThan(10);
    expect(fulfillment.values[60]).toBe(0);
    const inventoryMax = Math.max(...lag.lines.find((l) => l.id === 'inventory')!.values.map((v) => v ?? 0));
    expect(inventoryMax).toBeLessThan(lag.max / 2);
  });

  it('sync checkout: the success rate over the last 5 s dips during the outage and recovers', () => {
    const { index } = run('checkout-sync', outage);
    const set = buildChartSeries(index, { samples: 61 });
    const success = set.charts.find((c) => c.id === 'success')!.lines[0].values;
    const at = (s: number) => success[s];
    expect(at(8)).toBe(1);
    expect(at(20)!).toBeLessThan(0.5);
    expect(at(50)).toBe(1);
    const latency = set.charts.find((c) => c.id === 'latency')!;
    const p50 = latency.lines.find((l) => l.id === 'p50')!.values;
    expect(p50[20]!).toBeGreaterThan(p50[8]!);
  });

  it('window stats count what finished in (t − w, t], and the cursor reads exact values', () => {
    const { index } = run('checkout-sync');
    const series = primaryCommands(index)!.series;
    expect(primaryCommands(index)!.label).toBe('Checkout');
    const w = windowStats(series, 20_000, 5000);
    const inWindow = series.doneT.filter((t) => t > 15_000 && t <= 20_000).length;
    expect(w.latencies).toHaveLength(inWindow);
    const values = chartValuesAt(index, 20_000);
    expect(values.latency.p50).toBe(nearestRank(w.latencies, 50));
    expect(values.success.success).toBe(w.ok / (w.ok + w.failed));
    expect(chartValuesAt(index, 0).success.success).toBeNull();
  });

  it('queue depth for a queue scenario', () => {
    const { index } = run('c7-nack-requeue-loop');
    const set = buildChartSeries(index, { samples: 20 });
    const queues = set.charts.find((c) => c.id === 'queues')!;
    expect(queues.lines.length).toBeGreaterThan(0);
    expect(queues.max).toBeGreaterThan(0);
  });
});

describe('log view', () => {
  it('C4: partition 0 is stuck behind the poison record m1; partition 1 is read to the end', () => {
    const { index } = run('c4-poison-blocks-partition');
    const w = worldAt(index, 30_000);
    const log = logTopicAt(index, w, 't')!;
    expect(log.partitions).toHaveLength(2);
    const [p0, p1] = log.partitions;
    expect(p0.cells.map((c) => c.label)).toEqual(['m0', 'm1', 'm2', 'm3']);
    expect(p0.cells[1].poison).toBe(true);
    expect(p0.groups).toEqual([{ group: 'g', committed: 1, lag: 3, member: 'consumer' }]);
    expect(p1.groups[0]).toMatchObject({ committed: 2, lag: 0 });
    expect(log.deadLetters).toEqual([]);
    expect(logTopics(index)).toEqual([{ id: 't', label: 'T', isDeadLetterTopic: false }]);
  });

  it('C4 with a DLT: the dead letter is listed and the DLT topic is marked', () => {
    const { index } = run('c4-dead-letter-topic');
    const w = worldAt(index, 30_000);
    const log = logTopicAt(index, w, 't')!;
    expect(log.deadLetters).toEqual([expect.objectContaining({ group: 'g', partition: 0, offset: 1, label: 'm1', deadLetterTopic: 't.dlt' })]);
    expect(logTopics(index).find((t) => t.id === 't.dlt')?.isDeadLetterTopic).toBe(true);
    expect(logTopicAt(index, w, 't.dlt')!.partitions[0].cells.map((c) => c.label)).toEqual(['m1']);
    // Before it was parked, nothing is listed.
    expect(logTopicAt(index, worldAt(index, 100), 't')!.deadLetters).toEqual([]);
  });

  it('retention greys deleted offsets and the bounds match the world', () => {
    const { index, scenario } = run('checkout-pubsub');
    const w = worldAt(index, 40_000);
    const log = logTopicAt(index, w, 'online-orders', 5)!;
    log.partitions.forEach((p, i) => {
      expect(p.logEnd).toBe(w.topics['online-orders'].partitions[i].logEnd);
      expect(p.cells.length).toBeLessThanOrEqual(5);
      expect(p.cells.every((c) => c.deleted === c.offset < p.logStart)).toBe(true);
    });
    expect(scenario.id).toBe('checkout-pubsub');
    expect(logTopicAt(index, w, 'nope')).toBeUndefined();
  });
});

describe('sequence window', () => {
  const { index, trace } = run('checkout-pubsub', outage);

  it('holds exactly the hops that departed in (t − w, t], in trace order', () => {
    const w = sequenceWindow(index, 20_000, 5000);
    const expected = trace.records.flatMap((r, i) => (r.type === 'hop' && r.t > 15_000 && r.t <= 20_000 ? [i] : []));
    expect(w.arrows.map((a) => a.record)).toEqual(expected);
    expect(w.omitted).toBe(0);
    expect(w.lanes.map((l) => l.id)).toEqual(['shoppers', 'checkout', 'online-orders', 'fulfillment', 'inventory', 'analytics']);
    for (const a of w.arrows) expect(a.inFlight).toBe(a.arriveAt > 20_000);
  });

  it('keeps the newest when over the limit', () => {
    const all = sequenceWindow(index, 20_000, 5000);
    const some = sequenceWindow(index, 20_000, 5000, 10);
    expect(some.arrows).toEqual(all.arrows.slice(-10));
    expect(some.omitted).toBe(all.arrows.length - 10);
  });

  it('names arrows for screen readers', () => {
    const a = sequenceWindow(index, 20_000, 5000).arrows[0];
    expect(arrowName(a, (id) => id.toUpperCase())).toMatch(new RegExp(`^${a.kind} .+, ${a.from.toUpperCase()} to ${a.to.toUpperCase()} at \\d+\\.\\d{3} s`));
  });
});
