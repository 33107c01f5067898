// Bus semantics beyond the reported cases: crashes mid-message, poison injection, cut links,
// retention, broker outages and rebalances — each checked on the trace and the metrics.
import { describe, expect, it } from 'vitest';
import { findInvariantBreaks } from '../../src/engine/invariants';
import { computeMetrics, type CommandMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import { partitionForKey } from '../../src/engine/topic';
import type { ConsumerSpec, FaultSpec, NodeSpec, Scenario, Trace } from '../../src/engine/types';
import { findScenario } from '../../src/scenarios/builtins';

function consumer(overrides: Partial<ConsumerSpec> = {}): ConsumerSpec {
  return {
    group: 'g',
    topic: 't',
    instances: 1,
    processing: { kind: 'const', ms: 100 },
    commit: 'after',
    autoCommitIntervalMs: 0,
    sessionTimeoutMs: 1000,
    rebalanceMs: 100,
    errorRate: 0,
    retry: { maxAttempts: Infinity, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 },
    idempotent: false,
    emits: [],
    ...overrides,
  };
}

function busScenario(opts: { partitions?: number; consumers?: { id: string; spec: ConsumerSpec }[]; rate?: number; until?: number; duration?: number; faults?: FaultSpec[]; retentionMs?: number; extraNodes?: NodeSpec[] }): Scenario {
  const consumers = opts.consumers ?? [{ id: 'c', spec: consumer() }];
  return {
    id: 'test',
    title: 'test',
    summary: '',
    lesson: 'test',
    durationMs: opts.duration ?? 30_000,
    seed: 3,
    networkMs: 10,
    nodes: [
      { kind: 'client', id: 'p', label: 'P', position: { x: 0, y: 0 }, target: 't', command: 'e', timeoutMs: 1000, retry: { maxAttempts: 10, backoffMs: 200, multiplier: 2, maxBackoffMs: 2000, jitter: 0 } },
      { kind: 'topic', id: 't', label: 'T', position: { x: 0, y: 0 }, partitions: opts.partitions ?? 3, autoOffsetReset: 'earliest', ...(opts.retentionMs ? { retentionMs: opts.retentionMs } : {}) },
      ...consumers.map(({ id, spec }): NodeSpec => ({ kind: 'service', id, label: id, position: { x: 0, y: 0 }, workers: 1, queueLimit: 0, endpoints: [], consumers: [spec] })),
      ...(opts.extraNodes ?? []),
    ],
    workload: [{ kind: 'poisson', client: 'p', ratePerSec: opts.rate ?? 5, fromMs: 0, untilMs: opts.until ?? 10_000, invalidShare: 0 }],
    faults: opts.faults ?? [],
    expectations: [],
  };
}

describe('event bus semantics', () => {
  it('a crash mid-message with commit-after redelivers the message after the restart; nothing lost', () => {
    const s = busScenario({ faults: [{ target: 'c', kind: 'crash', fromMs: 3000, restartMs: 2000 }] });
    const trace = simulate(s);
    const crash = trace.records.find((r) => r.type === 'crash');
    expect(crash).toBeDefined();
    const event = crash!.type === 'crash' ? crash!.ref : -1;
    expect(trace.records.filter((r) => r.type === 'deliver' && r.event === event).length).toBe(2);
    const m = computeMetrics(trace, s);
    expect(m.groups.g).toMatchObject({ lost: 0, lag: 0, processed: m.events.published, duplicates: 0 });
  });

  it('an armed crash the process never reached (it stopped before halfway) stays armed for the next message', () => {
    const base = busScenario({
      consumers: [{ id: 'c', spec: consumer({ processing: { kind: 'const', ms: 1000 } }) }],
      faults: [
        { target: 'c', kind: 'crash', fromMs: 0, restartMs: 500 },
        { target: 'c', kind: 'down', fromMs: 300, untilMs: 400 },
      ],
    });
    const s: Scenario = { ...base, workload: [{ kind: 'script', client: 'p', items: [{ atMs: 0, key: 'k' }] }] };
    const trace = simulate(s);
    expect(trace.records.filter((r) => r.type === 'deliver').map((r) => r.t)[0]).toBeLessThan(300);
    const crashes = trace.records.filter((r) => r.type === 'crash');
    expect(crashes).toHaveLength(1);
    // The first message's handler started before 300 ms and was cut short by the stop; the crash
    // fires halfway through the next handling after the restart.
    expect(crashes[0].t).toBeGreaterThan(400);
  });

  it('a crash mid-message with commit-before (auto-commit) loses the message and counts it', () => {
    const s = busScenario({ consumers: [{ id: 'c', spec: consumer({ commit: 'before', autoCommitIntervalMs: 10 }) }], faults: [{ target: 'c', kind: 'crash', fromMs: 3000, restartMs: 2000 }] });
    const m = computeMetrics(simulate(s), s);
    expect(m.groups.g.lost).toBe(1);
    expect(m.groups.g.processed + m.groups.g.lost).toBe(m.events.published);
  });

  it('a poison fault makes the next record unprocessable; a dead-letter topic parks it', () => {
    const s = busScenario({
      consumers: [{ id: 'c', spec: consumer({ deadLetterTopic: 'dlt', retry: { maxAttempts: 3, backoffMs: 50, multiplier: 2, maxBackoffMs: 500, jitter: 0 } }) }],
      faults: [{ target: 't', kind: 'poison', fromMs: 2000 }],
      extraNodes: [{ kind: 'topic', id: 'dlt', label: 'DLT', position: { x: 0, y: 0 }, partitions: 1, autoOffsetReset: 'earliest' }],
    });
    const m = computeMetrics(simulate(s), s);
    expect(m.groups.g).toMatchObject({ deadLettered: 1, handlerFailures: 3, lost: 0, lag: 0 });
    expect(m.groups.g.processed).toBe(m.events.published - 1);
    expect(m.topics.dlt.appended).toBe(1);
  });

  it('a cut link between topic and consumer: lag grows while cut, then drains; nothing lost', () => {
    const s = busScenario({ faults: [{ target: 't->c', kind: 'cut', fromMs: 2000, untilMs: 7000 }] });
    const trace = simulate(s);
    const during = computeMetrics(trace, s, { atMs: 6900 });
    expect(during.groups.g.lag).toBeGreaterThan(10);
    const end = computeMetrics(trace, s);
    expect(end.groups.g).toMatchObject({ lag: 0, lost: 0, processed: end.events.published });
  });

  it('a cut between producer and topic drops requests; the producer retries and nothing is lost', () => {
    const s = busScenario({ faults: [{ target: 'p->t', kind: 'cut', fromMs: 2000, untilMs: 4000 }] });
    const trace = simulate(s);
    expect(trace.records.some((r) => r.type === 'hop' && r.lost)).toBe(true);
    const m = computeMetrics(trace, s);
    expect(m.groups.g.lost).toBe(0);
  });

  describe('the idempotent producer (enable.idempotence, on by default)', () => {
    /** Two records of key k from producer p, around a cut of the link p–t from 2 s to 4 s. */
    const twoRecords = (items: { atMs: number; label: string }[], idempotentProducer?: boolean, cut: [number, number] = [2000, 4000]): Scenario => {
      const s = busScenario({ partitions: 3, faults: [{ target: 'p->t', kind: 'cut', fromMs: cut[0], untilMs: cut[1] }] });
      return {
        ...s,
        nodes: s.nodes.map((n) => (n.kind === 'client' && idempotentProducer !== undefined ? { ...n, idempotentProducer } : n)),
        workload: [{ kind: 'script', client: 'p', items: items.map((i) => ({ ...i, key: 'k' })) }],
      };
    };
    const appendedLabels = (trace: Trace) => trace.records.flatMap((r) => (r.type === 'append' ? [trace.events[r.event].label] : []));

    it('a retry after a lost acknowledgement is not appended twice (off: it is, and processed twice)', () => {
      // m0 reaches the broker just before the cut; its acknowledgement leaves after it: lost. The producer retries.
      const items = [{ atMs: 1995, label: 'm0' }];
      const on = simulate(twoRecords(items));
      expect(appendedLabels(on)).toEqual(['m0']);
      // The retry was answered with the original offset.
      const acks = on.records.filter((r) => r.type === 'hop' && r.kind === 'ack' && !r.lost);
      expect(acks.map((r) => (r.type === 'hop' ? r.label : ''))).toEqual([`ack p${partitionForKey('k', 3)}@0`]);
      const offScenario = twoRecords(items, false);
      const off = simulate(offScenario);
      expect(appendedLabels(off)).toEqual(['m0', 'm0']);
      expect(computeMetrics(off, offScenario).groups.g.duplicates).toBe(1);
      expect(findInvariantBreaks(off).map((b) => b.kind)).toEqual(['duplicate']);
    });

    it('a retry cannot overtake a later record of the same partition (off: it can, and the monitor says out of order)', () => {
      // m0 is sent during the cut and lost; m1, sent after it, gets through first.
      const items = [
        { atMs: 2500, label: 'm0' },
        { atMs: 3100, label: 'm1' },
      ];
      const on = simulate(twoRecords(items, undefined, [2000, 3000]));
      expect(appendedLabels(on)).toEqual(['m0', 'm1']);
      expect(findInvariantBreaks(on)).toEqual([]);
      const offScenario = twoRecords(items, false, [2000, 3000]);
      const off = simulate(offScenario);
      expect(appendedLabels(off)).toEqual(['m1', 'm0']);
      expect(computeMetrics(off, offScenario).groups.g.outOfOrder).toBe(1);
      expect(findInvariantBreaks(off)).toMatchObject([{ kind: 'out-of-order', subject: 'g', count: 1 }]);
    });
  });

  it('per-key order holds within a partition and nowhere else: the same key in two partitions is processed out of order, and the monitor says so', () => {
    const s = busScenario({ partitions: 2 });
    // Many records ahead of k's first in partition 1; k's second goes to partition 0, which is free.
    const items = [
      ...Array.from({ length: 5 }, (_, i) => ({ atMs: 0, key: `x${i}`, label: `x${i}`, partition: 1 })),
      { atMs: 1, key: 'k', label: 'k-placed', partition: 1 },
      { atMs: 2, key: 'k', label: 'k-canceled', partition: 0 },
    ];
    const scenario: Scenario = { ...s, workload: [{ kind: 'script', client: 'p', items }] };
    const trace = simulate(scenario);
    const order = trace.records.flatMap((r) => (r.type === 'processed' && r.key === 'k' ? [trace.events[r.event].label] : []));
    expect(order).toEqual(['k-canceled', 'k-placed']);
    expect(computeMetrics(trace, scenario).groups.g.outOfOrder).toBe(1);
    const [b] = findInvariantBreaks(trace);
    expect(b).toMatchObject({ kind: 'out-of-order', subject: 'g' });
    expect(trace.events[b.event].label).toBe('k-placed');
  });

  it('retention deletes what a down consumer never read: counted as lost, and the group resets to the log start', () => {
    const s = busScenario({ retentionMs: 3000, faults: [{ target: 'c', kind: 'down', fromMs: 1000, untilMs: 12_000 }] });
    const trace = simulate(s);
    const m = computeMetrics(trace, s);
    expect(m.groups.g.lost).toBeGreaterThan(0);
    expect(trace.records.some((r) => r.type === 'lost' && r.reason === 'retention')).toBe(true);
    expect(m.groups.g.processed + m.groups.g.lost).toBe(m.events.published);
    expect(m.groups.g.lag).toBe(0);
  });

  it('the broker down: producing fails, the command fails, and no acknowledged event is lost', () => {
    const s = findScenario('checkout-pubsub')!;
    const trace = simulate(s, { interventions: [{ target: 'online-orders', kind: 'down', fromMs: 10_000, untilMs: 20_000 }] });
    const m = computeMetrics(trace, s);
    const checkout = m.checkout as CommandMetrics;
    expect(checkout.failed).toBeGreaterThan(0);
    expect(checkout.committedButFailed).toBe(checkout.failed); // the dual-write trap: rows without events
    for (const g of Object.values(m.groups)) expect(g).toMatchObject({ lost: 0, processed: m.events.published });
  });

  it('a member that misses its session timeout is evicted and its partitions move to the others', () => {
    const s = busScenario({
      partitions: 4,
      consumers: [
        { id: 'a', spec: consumer() },
        { id: 'b', spec: consumer() },
      ],
      faults: [{ target: 'a', kind: 'down', fromMs: 3000 }],
    });
    const trace = simulate(s);
    const assigns = trace.records.filter((r) => r.type === 'assign');
    expect(assigns[0]).toMatchObject({ assignment: { a: [0, 1], b: [2, 3] } });
    expect(assigns[assigns.length - 1]).toMatchObject({ assignment: { a: [], b: [0, 1, 2, 3] } });
    const rebalance = trace.records.find((r) => r.type === 'rebalance');
    expect(rebalance?.t).toBe(4000); // crash at 3 s + session timeout 1 s
    const m = computeMetrics(trace, s);
    expect(m.groups.g).toMatchObject({ lost: 0, lag: 0, processed: m.events.published });
  });

  it('a member cut off from the broker misses its session timeout: evicted, its partitions move on, its late commits are fenced, and it rejoins when the link is back', () => {
    const s = busScenario({
      partitions: 1,
      rate: 2,
      consumers: [
        { id: 'a', spec: consumer({ processing: { kind: 'const', ms: 300 } }) },
        { id: 'b', spec: consumer({ processing: { kind: 'const', ms: 300 } }) },
      ],
      faults: [{ target: 't->a', kind: 'cut', fromMs: 3000, untilMs: 8000 }],
    });
    const trace = simulate(s);
    const rebalances = trace.records.flatMap((r) => (r.type === 'rebalance' ? [[r.t, r.reason]] : []));
    // Cut at 3 s + session timeout 1 s; back at 8 s.
    expect(rebalances).toEqual([
      [4000, 'a missed its session timeout (cut off from t)'],
      [8000, 'a rejoined'],
    ]);
    const assigns = trace.records.flatMap((r) => (r.type === 'assign' ? [r.assignment] : []));
    expect(assigns).toEqual([{ a: [0], b: [] }, { a: [], b: [0] }, { a: [0], b: [] }]);
    // a went on with the record it had fetched (a zombie) but could commit nothing while cut off;
    // b started from the committed offset and processed that record again.
    const zombie = trace.records.filter((r) => r.type === 'processed' && r.member === 'a' && r.t > 3000 && r.t < 8000);
    expect(zombie).toHaveLength(1);
    const commitsWhileCut = trace.records.filter((r) => r.type === 'commit' && r.t > 3000 && r.t < 4100);
    expect(commitsWhileCut).toEqual([]);
    const m = computeMetrics(trace, s);
    expect(m.groups.g).toMatchObject({ lost: 0, lag: 0, processed: m.events.published, duplicates: 1 });
  });

  it('the broker down: consumers fetch and commit nothing while it is down, then catch up; nothing lost', () => {
    const s = busScenario({ faults: [{ target: 't', kind: 'down', fromMs: 3000, untilMs: 6000 }] });
    const trace = simulate(s);
    // A fetch sent just before the stop may still land; nothing leaves the broker after that.
    const fetchesFromT = (from: number, until: number) => trace.records.filter((r) => r.type === 'hop' && r.from === 't' && r.to === 'c' && r.t >= from && r.t < until);
    expect(fetchesFromT(0, 3000).length).toBeGreaterThan(5);
    expect(fetchesFromT(3000, 6000)).toEqual([]);
    expect(fetchesFromT(6000, 7000).length).toBeGreaterThan(0);
    expect(trace.records.filter((r) => r.type === 'commit' && r.t >= 3000 && r.t < 6000)).toEqual([]);
    expect(trace.records.some((r) => r.type === 'commit' && r.t >= 6000 && r.t < 6500)).toBe(true);
    const m = computeMetrics(trace, s);
    expect(m.groups.g).toMatchObject({ lost: 0, lag: 0, processed: m.events.published });
  });

  it('several instances share the partitions: each partition has one owner', () => {
    const s = busScenario({ partitions: 5, consumers: [{ id: 's', spec: consumer({ instances: 3 }) }] });
    const assign = simulate(s).records.find((r) => r.type === 'assign');
    expect(assign).toMatchObject({ assignment: { 's-1': [0, 1], 's-2': [2, 3], 's-3': [4] } });
  });

  it('every group gets every event, independently', () => {
    const s = busScenario({
      consumers: [
        { id: 'x', spec: consumer({ group: 'gx' }) },
        { id: 'y', spec: consumer({ group: 'gy', processing: { kind: 'const', ms: 300 } }) },
      ],
      faults: [{ target: 'y', kind: 'down', fromMs: 1000, untilMs: 5000 }],
    });
    const m = computeMetrics(simulate(s), s);
    expect(m.groups.gx.processed).toBe(m.events.published);
    expect(m.groups.gy.processed).toBe(m.events.published);
    expect(m.groups.gy.maxLag).toBeGreaterThan(m.groups.gx.maxLag);
  });
});
