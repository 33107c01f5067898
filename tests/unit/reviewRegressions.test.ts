// Bugs a second adversarial review found in the cut / broker-down / copy handling, each pinned by
// the scenario that showed it (every test here failed before its fix).
import { describe, expect, it } from 'vitest';
import { findInvariantBreaks } from '../../src/engine/invariants';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type { ClientSpec, ConsumerSpec, FaultSpec, NodeSpec, Scenario, ScriptItem, ServiceSpec, TopicSpec, Trace, TraceRecord } from '../../src/engine/types';
import { memberActivityAt } from '../../src/view/memberActivity';

const at = { x: 0, y: 0 };
const consumer = (over: Partial<ConsumerSpec> = {}): ConsumerSpec => ({
  group: 'g',
  topic: 'orders',
  instances: 1,
  processing: { kind: 'const', ms: 10 },
  commit: 'after',
  autoCommitIntervalMs: 0,
  sessionTimeoutMs: 1000,
  rebalanceMs: 100,
  errorRate: 0,
  retry: { maxAttempts: Infinity, backoffMs: 100, multiplier: 1, maxBackoffMs: 1000, jitter: 0 },
  idempotent: false,
  emits: [],
  ...over,
});
const service = (id: string, c: ConsumerSpec[]): ServiceSpec => ({ kind: 'service', id, label: id, position: at, workers: 1, queueLimit: 10, endpoints: [], consumers: c });
const topic = (over: Partial<TopicSpec> = {}): TopicSpec => ({ kind: 'topic', id: 'orders', label: 'orders', position: at, partitions: 1, autoOffsetReset: 'earliest', ...over });
const client = (over: Partial<ClientSpec> = {}): ClientSpec => ({
  kind: 'client',
  id: 'producer',
  label: 'producer',
  position: at,
  target: 'orders',
  command: 'order-placed',
  timeoutMs: 1000,
  retry: { maxAttempts: 200, backoffMs: 50, multiplier: 2, maxBackoffMs: 1000, jitter: 0 },
  ...over,
});
const scenario = (nodes: NodeSpec[], items: ScriptItem[], faults: FaultSpec[], durationMs: number, networkMs = 10): Scenario => ({
  id: 'review',
  title: '',
  summary: '',
  lesson: '',
  durationMs,
  seed: 1,
  networkMs,
  nodes,
  workload: [{ kind: 'script', client: 'producer', items }],
  faults,
  expectations: [],
});
const of = <T extends TraceRecord['type']>(trace: Trace, type: T) => trace.records.filter((r): r is Extract<TraceRecord, { type: T }> => r.type === type);

describe('second review: cuts, broker outages and copies', () => {
  it('a member that restarts while cut off holds nothing it had before its crash: what the new owner skips is lost, not silently gone', () => {
    const s = scenario(
      [client(), topic({ autoOffsetReset: 'latest' }), service('s0', [consumer({ processing: { kind: 'const', ms: 600 }, sessionTimeoutMs: 5000 })]), service('s1', [consumer()])],
      [...Array.from({ length: 20 }, (_, i) => ({ atMs: 100 + i, key: `k${i}` })), { atMs: 3000, key: 'late' }],
      [
        { target: 'orders->s0', kind: 'cut', fromMs: 200 },
        { target: 's0', kind: 'down', fromMs: 300, untilMs: 400 },
      ],
      20_000,
    );
    const trace = simulate(s);
    const processed = new Set(of(trace, 'processed').map((r) => r.event));
    const lost = new Set(of(trace, 'lost').map((r) => r.event));
    const silent = of(trace, 'append').filter((a) => !processed.has(a.event) && !lost.has(a.event));
    expect(silent).toEqual([]);
  });

  it('no rebalance completes while the broker (the group coordinator) is stopped: progress is committed when it is back, no duplicates', () => {
    const s = scenario(
      [client(), topic(), service('s0', [consumer({ processing: { kind: 'const', ms: 200 }, sessionTimeoutMs: 500 })]), service('s1', [consumer({ sessionTimeoutMs: 500 })])],
      Array.from({ length: 8 }, (_, i) => ({ atMs: 800, key: `k${i}` })),
      [
        { target: 'orders', kind: 'down', fromMs: 1000, untilMs: 10_000 },
        { target: 's1', kind: 'down', fromMs: 2000, untilMs: 3000 },
      ],
      30_000,
    );
    const trace = simulate(s);
    expect(of(trace, 'assign').filter((r) => r.t > 1000 && r.t < 10_000)).toEqual([]);
    expect(computeMetrics(trace, s).groups.g.duplicates).toBe(0);
  });

  it('a copy already in the log (a non-idempotent retry) keeps its event from being counted lost when the other copy dies with a consumer', () => {
    const s = scenario(
      [
        client({ idempotentProducer: false, timeoutMs: 15, retry: { maxAttempts: 2, backoffMs: 10, multiplier: 1, maxBackoffMs: 10, jitter: 0 } }),
        topic(),
        service('s0', [consumer({ commit: 'before', processing: { kind: 'const', ms: 1000 } })]),
      ],
      [{ atMs: 0, key: 'a' }],
      [{ target: 's0', kind: 'crash', fromMs: 0, restartMs: 200 }],
      10_000,
      60,
    );
    const trace = simulate(s);
    expect(of(trace, 'append')).toHaveLength(2);
    const g = computeMetrics(trace, s).groups.g;
    expect(g).toMatchObject({ processed: 1, lost: 0 });
    expect(findInvariantBreaks(trace).filter((b) => b.kind === 'lost')).toEqual([]);
  });

  it('an evicted member still handling what it fetched is shown handling, not idle', () => {
    const s = scenario(
      [client(), topic(), service('s0', [consumer({ processing: { kind: 'const', ms: 2000 }, sessionTimeoutMs: 500 })]), service('s1', [consumer()])],
      [
        { atMs: 0, key: 'a' },
        { atMs: 0, key: 'b' },
      ],
      [{ target: 'orders->s0', kind: 'cut', fromMs: 100, untilMs: 10_000 }],
      15_000,
    );
    const trace = simulate(s);
    // Evicted at 0.6 s, reassigned at 0.7 s; s0 finishes p0@0 at 2.02 s, then handles p0@1.
    for (const t of [800, 1500]) expect(memberActivityAt(trace, s, 's0', t).handling).toMatchObject({ partition: 0, offset: 0 });
    expect(memberActivityAt(trace, s, 's0', 2500).handling).toMatchObject({ partition: 0, offset: 1 });
  });
});
