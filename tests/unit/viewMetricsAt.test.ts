import { describe, expect, it } from 'vitest';
import { metricsAt } from '../../src/view/metricsAt';
import { buildTraceIndex } from '../../src/view/traceIndex';
import type { TraceRecord } from '../../src/engine/types';
import { emptyTrace, makeScenario, makeTrace } from './viewFixtures';

const index = buildTraceIndex(makeTrace(), makeScenario());

describe('metricsAt', () => {
  it('reports a perfect, empty run before anything finished', () => {
    const m = metricsAt(index, -1);
    expect(m.commands).toEqual({
      submitted: 0,
      finished: 0,
      pending: 0,
      succeeded: 0,
      rejected: 0,
      failed: 0,
      successRate: 1,
      p50LatencyMs: undefined,
      p99LatencyMs: undefined,
      meanLatencyMs: undefined,
      committedButFailed: 0,
    });
    expect(m.events).toEqual({ published: 0, byTopic: { orders: 0 }, notPublished: 0 });
    expect(m.groups.ful).toEqual({
      group: 'ful',
      topic: 'orders',
      processed: 0,
      available: 0,
      lag: 0,
      maxLag: 0,
      lost: 0,
      duplicates: 0,
      skippedDuplicates: 0,
      deadLettered: 0,
      handlerFailures: 0,
      rebalances: 0,
      outOfOrder: 0,
    });
  });

  it('counts a command once its outcome is known', () => {
    expect(metricsAt(index, 29).commands).toMatchObject({ submitted: 2, finished: 0, pending: 2, successRate: 1 });
    expect(metricsAt(index, 30).commands).toMatchObject({ finished: 1, succeeded: 1, successRate: 1, p50LatencyMs: 30, p99LatencyMs: 30 });
    // A rejection is a correct answer to a bad command: it does not lower the success rate.
    expect(metricsAt(index, 42).commands).toMatchObject({ finished: 2, succeeded: 1, rejected: 1, successRate: 1, meanLatencyMs: 30 });
    const end = metricsAt(index, 1e9).commands;
    expect(end).toMatchObject({ submitted: 3, finished: 3, pending: 0, succeeded: 1, rejected: 1, failed: 1, successRate: 0.5 });
    expect(end.meanLatencyMs).toBeCloseTo(70 / 3);
    // latencies 30, 30, 10 → nearest rank: p50 = 2nd of [10, 30, 30], p99 = 3rd
    expect(end.p50LatencyMs).toBe(30);
    expect(end.p99LatencyMs).toBe(30);
    // Going back in time gives the earlier answer again (the rank structure moves both ways).
    expect(metricsAt(index, 30).commands.p50LatencyMs).toBe(30);
  });

  it('counts a failed command whose row was committed, at the later of the two', () => {
    expect(metricsAt(index, 90).commands).toMatchObject({ failed: 1, committedButFailed: 0 });
    expect(metricsAt(index, 95).commands.committedButFailed).toBe(1);
    expect(metricsAt(index, 95).services.checkout.committedButFailed).toBe(1);
  });

  it('breaks commands down by the service they were sent to', () => {
    const m = metricsAt(index, 1e9);
    expect(Object.keys(m.services)).toEqual(['checkout']);
    expect(m.services.checkout).toEqual(m.commands);
  });

  it('follows each group: processed, lag now, max lag so far, duplicates, losses', () => {
    expect(metricsAt(index, 45).groups.ful).toMatchObject({ processed: 1, lag: 2, maxLag: 2, duplicates: 0 });
    expect(metricsAt(index, 50).groups.ful).toMatchObject({ duplicates: 1 });
    expect(metricsAt(index, 55).groups.ful).toMatchObject({ duplicates: 1, skippedDuplicates: 1 }); // idempotent skip
    expect(metricsAt(index, 99).groups.ful.maxLag).toBe(2);
    expect(metricsAt(index, 1e9).groups.ful).toEqual({
      group: 'ful',
      topic: 'orders',
      processed: 1,
      available: 4,
      lag: 1,
      maxLag: 3, // momentarily 3 at t=100, between the append and the commit
      lost: 1,
      duplicates: 1,
      skippedDuplicates: 1,
      deadLettered: 1,
      handlerFailures: 1,
      rebalances: 1,
      outOfOrder: 0,
    });
    expect(metricsAt(index, 50).groups.ana).toMatchObject({ processed: 0, lag: 2, maxLag: 3 });
    expect(metricsAt(index, 1e9).groups.audit).toMatchObject({ topic: 'orders', lag: 1, maxLag: 1 });
  });

  it('counts an event processed after a later one of the same producer and key as out of order', () => {
    // Two partitions, so nothing keeps o1's events in order: the cancel (produced second) is processed first.
    const records: TraceRecord[] = [
      { type: 'append', t: 1, topic: 'orders', partition: 0, offset: 0, event: 0, key: 'o1', eventType: 'order-placed' },
      { type: 'append', t: 2, topic: 'orders', partition: 1, offset: 0, event: 1, key: 'o1', eventType: 'order-canceled' },
      { type: 'processed', t: 3, group: 'ful', member: 'f1', topic: 'orders', partition: 1, offset: 0, event: 1, key: 'o1', skippedDuplicate: false },
      { type: 'processed', t: 4, group: 'ful', member: 'f1', topic: 'orders', partition: 0, offset: 0, event: 0, key: 'o1', skippedDuplicate: false },
    ];
    const events = [
      { id: 0, type: 'order-placed', key: 'o1', label: 'o1', source: 'checkout', time: 0, poison: false },
      { id: 1, type: 'order-canceled', key: 'o1', label: 'o1', source: 'checkout', time: 1, poison: false },
    ];
    const idx = buildTraceIndex({ ...emptyTrace(), records, events }, makeScenario());
    expect(metricsAt(idx, 3).groups.ful.outOfOrder).toBe(0);
    expect(metricsAt(idx, 4).groups.ful).toMatchObject({ processed: 2, outOfOrder: 1 });
  });

  it('does not count dead letters as published events', () => {
    const scenario = makeScenario();
    for (const n of scenario.nodes) if (n.kind === 'service') for (const c of n.consumers) c.deadLetterTopic = 'orders-dlt';
    const records: TraceRecord[] = [
      { type: 'append', t: 1, topic: 'orders', partition: 0, offset: 0, event: 0, key: 'o1', eventType: 'order-placed' },
      { type: 'append', t: 2, topic: 'orders-dlt', partition: 0, offset: 0, event: 0, key: 'o1', eventType: 'order-placed' },
    ];
    const m = metricsAt(buildTraceIndex({ ...emptyTrace(), records }, scenario), 10);
    expect(m.events).toEqual({ published: 1, byTopic: { orders: 1, 'orders-dlt': 1 }, notPublished: 0 });
  });

  it('counts appends per topic', () => {
    expect(metricsAt(index, 35).events).toEqual({ published: 2, byTopic: { orders: 2 }, notPublished: 0 });
  });

  it('works on an empty trace', () => {
    const m = metricsAt(buildTraceIndex(emptyTrace(), makeScenario()), 100);
    expect(m.commands.successRate).toBe(1);
    expect(m.groups.ana.maxLag).toBe(0);
    expect(m.services.checkout.submitted).toBe(0);
  });
});
