import { describe, expect, it } from 'vitest';
import { buildTraceIndex, TraceContractError } from '../../src/view/traceIndex';
import type { Trace, TraceRecord } from '../../src/engine/types';
import { emptyTrace, hop, makeScenario, makeTrace } from './viewFixtures';

function withRecords(records: TraceRecord[]): Trace {
  return { ...emptyTrace(), records };
}

describe('buildTraceIndex', () => {
  it('knows every scenario entity before it has records', () => {
    const index = buildTraceIndex(emptyTrace(), makeScenario());
    expect(index.nodeIds).toEqual(['shop', 'checkout', 'orders', 'fulfillment', 'analytics']);
    expect([...index.topics.keys()]).toEqual(['orders']);
    expect(index.topics.get('orders')!.partitions).toHaveLength(2);
    expect([...index.groups.keys()]).toEqual(['ful', 'ana']);
    expect(index.groups.get('ful')!.service).toBe('fulfillment');
    expect([...index.commandsByService.keys()]).toEqual(['checkout']);
    expect(index.hopCount).toBe(0);
    expect(index.endMs).toBe(200);
  });

  it('classifies hops by duration and records the longest', () => {
    const index = buildTraceIndex(makeTrace(), makeScenario());
    expect(index.hopCount).toBe(6);
    expect(index.maxHopDurationMs).toBe(1000);
    expect(index.hopClasses.length).toBe(3); // 5 ms, 10 ms and 1000 ms hops
    expect(Array.from(index.arrivals)).toEqual([10, 20, 22, 30, 40, 1080]);
    expect(index.endMs).toBe(1080);
  });

  it('tracks each group lag as a step function, one entry per instant, max including momentary values', () => {
    const index = buildTraceIndex(makeTrace(), makeScenario());
    const ful = index.groups.get('ful')!;
    expect(ful.lagT).toEqual([20, 35, 40, 45, 100]);
    expect(ful.lag).toEqual([1, 2, 1, 2, 1]);
    // At t=100 an append (lag 3) then a commit (lag 1): one entry, lag 1, but the max saw 3
    // (the engine samples max lag right after each append).
    expect(ful.maxLag).toEqual([1, 2, 2, 2, 3]);

    const ana = index.groups.get('ana')!; // never commits: reads from the log start
    expect(ana.lagT).toEqual([20, 35, 45, 50, 100]);
    expect(ana.lag).toEqual([1, 2, 3, 2, 3]);
    expect(ana.maxLag).toEqual([1, 2, 3, 3, 3]);
  });

  it('adds a group first seen in the trace from that moment, owing the retained log past its commit', () => {
    const index = buildTraceIndex(makeTrace(), makeScenario());
    const audit = index.groups.get('audit')!;
    expect(audit.service).toBeUndefined();
    expect(audit.subscriptions.get('orders')!.since).toBe(110);
    expect(audit.lagT).toEqual([110]);
    expect(audit.lag).toEqual([1]);
    expect(audit.maxLag).toEqual([1]);
  });

  it('counts distinct processed events, duplicates and lost events once each', () => {
    const ful = buildTraceIndex(makeTrace(), makeScenario()).groups.get('ful')!;
    expect(ful.processedT).toEqual([40]);
    expect(ful.duplicateT).toEqual([50]); // the skipped redelivery at 55 is not a duplicate
    expect(ful.lostT).toEqual([80]); // reported twice, lost once
    expect(ful.handlerFailedT).toEqual([60]);
    expect(ful.deadLetteredT).toEqual([90]);
  });

  it('creates topics and partitions first seen in the trace', () => {
    const index = buildTraceIndex(
      withRecords([{ type: 'append', t: 1, topic: 'orders-dlt', partition: 2, offset: 0, event: 9, key: 'k', eventType: 'x' }]),
      makeScenario(),
    );
    const dlt = index.topics.get('orders-dlt')!;
    expect(dlt.spec).toBeUndefined();
    expect(dlt.partitions).toHaveLength(3);
    expect(dlt.partitions[2].appendT).toEqual([1]);
  });

  it('rejects traces the binary searches cannot trust', () => {
    const scenario = makeScenario();
    expect(() =>
      buildTraceIndex(withRecords([hop(5, 6, 'a', 'b', 'event', 'x', 1), hop(4, 6, 'a', 'b', 'event', 'x', 1)]), scenario),
    ).toThrow(TraceContractError);
    expect(() => buildTraceIndex(withRecords([hop(5, 4, 'a', 'b', 'event', 'x', 1)]), scenario)).toThrow(/arrives/);
    expect(() =>
      buildTraceIndex(
        withRecords([{ type: 'append', t: 1, topic: 'orders', partition: 0, offset: 1, event: 0, key: 'k', eventType: 'x' }]),
        scenario,
      ),
    ).toThrow(/expected 0/);
  });
});
