// Consumer-group bugs found by the property tests (tests/unit/kafkaProperties.test.ts), each pinned
// by the smallest scenario that showed it. Every test here failed before its fix in consumerGroup.ts.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type { ConsumerSpec, FaultSpec, NodeSpec, Scenario, ScriptItem, Trace, TraceRecord } from '../../src/engine/types';

function consumer(overrides: Partial<ConsumerSpec>): ConsumerSpec {
  return {
    group: 'g',
    topic: 't',
    instances: 1,
    processing: { kind: 'const', ms: 10 },
    commit: 'after',
    autoCommitIntervalMs: 0,
    sessionTimeoutMs: 300,
    rebalanceMs: 100,
    errorRate: 0,
    retry: { maxAttempts: Infinity, backoffMs: 100, multiplier: 1, maxBackoffMs: 100, jitter: 0 },
    idempotent: false,
    emits: [],
    ...overrides,
  };
}

function scenario(opts: { partitions: number; services: string[]; spec: Partial<ConsumerSpec>; items: ScriptItem[]; faults: FaultSpec[]; retentionMs?: number; networkMs?: number }): Scenario {
  const nodes: NodeSpec[] = [
    {
      kind: 'client',
      id: 'p',
      label: 'p',
      position: { x: 0, y: 0 },
      target: 't',
      command: 'e',
      timeoutMs: 5000,
      retry: { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 },
    },
    { kind: 'topic', id: 't', label: 't', position: { x: 0, y: 0 }, partitions: opts.partitions, autoOffsetReset: 'earliest', retentionMs: opts.retentionMs },
    ...opts.services.map((id): NodeSpec => ({ kind: 'service', id, label: id, position: { x: 0, y: 0 }, workers: 1, queueLimit: 1, endpoints: [], consumers: [consumer(opts.spec)] })),
  ];
  return {
    id: 'regression',
    title: '',
    summary: '',
    lesson: '',
    durationMs: 100_000,
    seed: 1,
    networkMs: opts.networkMs ?? 10,
    nodes,
    workload: [{ kind: 'script', client: 'p', items: opts.items }],
    faults: opts.faults,
    expectations: [],
  };
}

function of<T extends TraceRecord['type']>(trace: Trace, type: T): Extract<TraceRecord, { type: T }>[] {
  return trace.records.filter((r): r is Extract<TraceRecord, { type: T }> => r.type === type);
}

describe('consumer group regressions', () => {
  it('a member crashing mid-handler while the group waits for it to rebalance does not freeze the group', () => {
    // a restarts at 1.1 s ⇒ rebalance, which waits for b's 2 s handler; b dies at 1.5 s mid-handler.
    // Before the fix nobody told the group that b was no longer busy: no assignment ever again.
    const s = scenario({
      partitions: 2,
      services: ['a', 'b'],
      spec: { processing: { kind: 'const', ms: 2000 } },
      items: [0, 1, 2, 3, 4, 5].map((i) => ({ atMs: i * 10, key: `k${i}` })),
      faults: [
        { target: 'a', kind: 'down', fromMs: 1000, untilMs: 1100 },
        { target: 'b', kind: 'down', fromMs: 1500, untilMs: 3000 },
      ],
    });
    const trace = simulate(s);
    expect(of(trace, 'assign').filter((a) => a.t > 1100).length).toBeGreaterThan(0);
    const g = computeMetrics(trace, s).groups.g;
    expect(g.processed).toBe(6);
    expect(g.lag).toBe(0);
  });

  it('a retry wake-up left over from an earlier assignment does not stall the partition forever', () => {
    // Backoff ×10 per attempt: attempt 2 fails at 140 ms and schedules a wake-up at 1140 ms. The
    // rebalance at 300 ms reassigns the partition; its first retry (due at 520 ms) found the stale
    // "wake-up scheduled" flag set and never woke; the stale wake-up then belonged to an old epoch.
    const s = scenario({
      partitions: 1,
      services: ['a', 'b'],
      spec: { retry: { maxAttempts: Infinity, backoffMs: 100, multiplier: 10, maxBackoffMs: 100_000, jitter: 0 } },
      items: [{ atMs: 0, key: 'x' }],
      faults: [
        { target: 'a', kind: 'error', rate: 1, fromMs: 0, untilMs: 500 },
        { target: 'b', kind: 'down', fromMs: 0 },
      ],
    });
    const trace = simulate(s);
    const processed = of(trace, 'processed');
    expect(processed).toHaveLength(1);
    // Retry due at 520 ms (error fault gone at 500 ms), handled for 10 ms.
    expect(processed[0].t).toBe(530);
  });

  it('a retry due earlier than the pending wake-up of another partition is not delayed to it', () => {
    // One member, two partitions. p0 fails twice (backoff 100 then 1000 ms: wake-up due at 1140);
    // p1's record, handed over at 1020 ms, fails at 1030 ms with a 100 ms backoff: retry due at 1130 ms.
    const s = scenario({
      partitions: 2,
      services: ['a'],
      spec: { retry: { maxAttempts: Infinity, backoffMs: 100, multiplier: 10, maxBackoffMs: 100_000, jitter: 0 } },
      items: [
        { atMs: 0, key: 'x', partition: 0 },
        { atMs: 1000, key: 'y', partition: 1 },
      ],
      faults: [{ target: 'a', kind: 'error', rate: 1, fromMs: 0, untilMs: 1035 }],
    });
    const trace = simulate(s);
    const p1 = of(trace, 'deliver').filter((d) => d.partition === 1);
    expect(p1.map((d) => d.t)).toEqual([1020, 1130]);
  });

  it("commit 'before' with a synchronous commit never processes a record twice, even if the crash beats the commit's hop", () => {
    // Handler takes 1 ms, one network hop 60 ms: before the fix the commit was still travelling when
    // the member died right after processing, so the record was redelivered: a duplicate under at-most-once.
    const s = scenario({
      partitions: 1,
      services: ['a'],
      spec: { commit: 'before', processing: { kind: 'const', ms: 1 }, sessionTimeoutMs: 10, rebalanceMs: 0 },
      items: [{ atMs: 0, key: 'x' }],
      faults: [{ target: 'a', kind: 'down', fromMs: 125, untilMs: 126 }],
      networkMs: 60,
    });
    const trace = simulate(s);
    expect(of(trace, 'processed')).toHaveLength(1);
    expect(computeMetrics(trace, s).groups.g.duplicates).toBe(0);
  });

  it("commit 'before': a record waiting for its retry while the member works on another partition is reported lost when skipped", () => {
    // p0's poison record fails and waits for its retry (already committed past: at-most-once); the
    // member handles p1 meanwhile, then crashes. The group restarts past p0's record: it is lost,
    // and the trace must say so (before the fix only the last record handed over was checked).
    const s = scenario({
      partitions: 2,
      services: ['a'],
      spec: { commit: 'before', processing: { kind: 'const', ms: 100 }, retry: { maxAttempts: Infinity, backoffMs: 1000, multiplier: 1, maxBackoffMs: 1000, jitter: 0 } },
      items: [
        { atMs: 0, key: 'x', partition: 0, poison: true },
        { atMs: 0, key: 'y', partition: 1 },
      ],
      faults: [{ target: 'a', kind: 'down', fromMs: 500, untilMs: 600 }],
    });
    const trace = simulate(s);
    const lost = of(trace, 'lost');
    expect(lost.map((l) => [l.partition, l.offset, l.reason])).toEqual([[0, 0, 'committed-before-processing']]);
    expect(computeMetrics(trace, s).groups.g.lost).toBe(1);
  });

  it('retention does not report as lost a record the owner still holds for a retry on another partition than its current one', () => {
    // p0's record fails (error fault) and waits 3 s for its retry; meanwhile p1's records are
    // handled. Retention (1 s) deletes p0@0 from the log, but the member has it and processes it.
    const s = scenario({
      partitions: 2,
      services: ['a'],
      spec: { retry: { maxAttempts: Infinity, backoffMs: 3000, multiplier: 1, maxBackoffMs: 3000, jitter: 0 } },
      items: [
        { atMs: 0, key: 'x', partition: 0 },
        ...[0, 1, 2, 3].map((i) => ({ atMs: 100 + i * 300, key: 'y', partition: 1 })),
      ],
      faults: [{ target: 'a', kind: 'error', rate: 1, fromMs: 0, untilMs: 50 }],
      retentionMs: 1000,
    });
    const trace = simulate(s);
    expect(of(trace, 'processed').some((p) => p.partition === 0 && p.offset === 0)).toBe(true);
    expect(of(trace, 'lost')).toEqual([]);
  });

  it('retention deleting what an evicted member still works through is not a loss: it processes them from memory', () => {
    // Found with the cut faults added to the properties: s is cut off at 1 ms and evicted at 11 ms
    // with two records in hand (300 ms each); retention deletes both meanwhile.
    const s = scenario({
      partitions: 1,
      services: ['s'],
      spec: { processing: { kind: 'const', ms: 300 }, sessionTimeoutMs: 10, rebalanceMs: 0 },
      items: [
        { atMs: 0, key: 'a' },
        { atMs: 0, key: 'a' },
      ],
      faults: [{ target: 't->s', kind: 'cut', fromMs: 1, untilMs: 301 }],
      retentionMs: 300,
      networkMs: 0,
    });
    const trace = simulate(s);
    expect(of(trace, 'processed').map((r) => r.offset)).toEqual([0, 1]);
    expect(of(trace, 'lost')).toEqual([]);
  });

  it('an offset reset by a new owner does not count as lost what an evicted member still processes', () => {
    // Found by the properties: auto.offset.reset=latest, nothing committed yet. a (300 ms per
    // record) is handling offset 0 when it is cut off and evicted; b comes up, joins, and its reset
    // skips offset 0 — which a still processes from memory.
    const base = scenario({
      partitions: 1,
      services: ['a', 'b'],
      spec: { processing: { kind: 'const', ms: 300 }, sessionTimeoutMs: 10, rebalanceMs: 0 },
      items: [{ atMs: 11, key: 'a' }],
      faults: [
        { target: 'b', kind: 'down', fromMs: 0, untilMs: 23 },
        { target: 't->a', kind: 'cut', fromMs: 12, untilMs: 24 },
      ],
      networkMs: 0,
    });
    const s: Scenario = {
      ...base,
      nodes: base.nodes.map((n) => (n.kind === 'topic' ? { ...n, autoOffsetReset: 'latest' as const } : n.kind === 'service' && n.id === 'b' ? { ...n, consumers: [consumer({ processing: { kind: 'const', ms: 0 }, sessionTimeoutMs: 10, rebalanceMs: 0 })] } : n)),
    };
    const trace = simulate(s);
    expect(of(trace, 'rebalance').map((r) => [r.t, r.reason])).toContainEqual([22, 'a missed its session timeout (cut off from t)']);
    expect(of(trace, 'processed').map((r) => [r.member, r.offset])).toEqual([['a', 0]]);
    expect(of(trace, 'lost')).toEqual([]);
    expect(computeMetrics(trace, s).groups.g).toMatchObject({ processed: 1, lost: 0 });
  });

  it('a failed record waiting for its retry stays in memory when the log deletes it under the member', () => {
    // At-most-once, synchronous commits: p0@0 fails, its retry waits while the link is cut (no
    // commit possible), retention resets the member's position past it. Before the fix the reset
    // dropped the waiting record silently: neither processed nor lost.
    const s = scenario({
      partitions: 1,
      services: ['s'],
      spec: { commit: 'before', processing: { kind: 'const', ms: 0 }, sessionTimeoutMs: 10_000, retry: { maxAttempts: Infinity, backoffMs: 50, multiplier: 1, maxBackoffMs: 50, jitter: 0 } },
      // p0@2 arrives during the cut: never fetched, deleted — the member's position falls off the log.
      items: [
        { atMs: 0, key: 'a' },
        { atMs: 20, key: 'a' },
        { atMs: 100, key: 'a' },
      ],
      faults: [
        { target: 's', kind: 'error', fromMs: 0, untilMs: 40, rate: 1 },
        { target: 't->s', kind: 'cut', fromMs: 45, untilMs: 700 },
      ],
      retentionMs: 300,
      networkMs: 0,
    });
    const trace = simulate(s);
    const processed = new Set(of(trace, 'processed').map((r) => r.offset));
    const lost = new Set(of(trace, 'lost').map((r) => r.offset));
    for (const offset of [0, 1, 2]) expect(processed.has(offset) !== lost.has(offset), `offset ${offset}`).toBe(true);
    // p0@0 was in the application's hands: retried once the link is back. The others were deleted unread.
    expect([...processed]).toEqual([0]);
    // p0@2 is lost when deleted (nobody had it); p0@1, fetched before the cut, when the reset drops it.
    expect(of(trace, 'lost').map((r) => [r.offset, r.reason])).toEqual([
      [2, 'retention'],
      [1, 'retention'],
    ]);
  });
});
