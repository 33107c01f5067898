// The column-wise trace must give back exactly the records the engine meant: same fields, same
// values, same property order (exports and fingerprints are JSON), across chunk boundaries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABEL_EVENT, LABEL_FETCH, LABEL_PRODUCE_ACK, LABEL_TEXT, TraceLog } from '../../src/engine/traceLog';
import { simulate } from '../../src/engine/simulate';
import { checkoutPubsub } from '../../src/scenarios/checkout';
import type { EventInfo, MessageKind, TraceRecord } from '../../src/engine/types';

const NETWORK_MS = 3;

function events(): EventInfo[] {
  return [
    { id: 0, type: 'order-placed', key: 'o1', label: 'o1', source: 'orders', time: 0, poison: false },
    { id: 1, type: 'order-paid', key: 'o2', label: 'o2', source: 'orders', time: 1.5, poison: false },
  ];
}

describe('TraceLog', () => {
  it('gives back each kind of row as the documented record, property order included', () => {
    const log = new TraceLog(events(), NETWORK_MS);
    const n = (s: string): number => log.name(s);
    log.hop(1.25, n('client'), n('orders'), 'command', LABEL_TEXT, 'place-order o1', 0, 0, 7, undefined, false);
    log.hop(2, n('orders'), n('client'), 'failure', LABEL_TEXT, '503 busy', 0, 0, 7, 503, true);
    log.hop(3, n('orders'), n('orders-topic'), 'event', LABEL_EVENT, '', 0, 0, 1, undefined, false);
    log.hop(4, n('orders-topic'), n('orders'), 'ack', LABEL_PRODUCE_ACK, '', 5, 42, 1, 200, false);
    log.hop(5, n('orders-topic'), n('billing'), 'event', LABEL_FETCH, '', 3, 1_000_000, 0, undefined, false);
    log.append(6, n('orders-topic'), 2, 9, 1);
    log.deliver(7, n('billing'), n('billing-1'), n('orders-topic'), 2, 9, 1, 3);
    log.processed(8, n('billing'), n('billing-1'), n('orders-topic'), 2, 9, 1, true);
    log.commit(9, n('billing'), n('orders-topic'), 2, 10);
    const rebalance: TraceRecord = { type: 'rebalance', t: 10, group: 'billing', reason: 'billing-2 joined' };
    log.object(rebalance);

    expect(JSON.stringify(log.toArray())).toBe(
      JSON.stringify([
        { type: 'hop', t: 1.25, arriveAt: 4.25, from: 'client', to: 'orders', kind: 'command', label: 'place-order o1', ref: 7 },
        { type: 'hop', t: 2, arriveAt: 5, from: 'orders', to: 'client', kind: 'failure', label: '503 busy', ref: 7, status: 503, lost: true },
        { type: 'hop', t: 3, arriveAt: 6, from: 'orders', to: 'orders-topic', kind: 'event', label: 'order-paid o2', ref: 1 },
        { type: 'hop', t: 4, arriveAt: 7, from: 'orders-topic', to: 'orders', kind: 'ack', label: 'ack p5@42', ref: 1, status: 200 },
        { type: 'hop', t: 5, arriveAt: 8, from: 'orders-topic', to: 'billing', kind: 'event', label: 'order-placed o1 p3@1000000', ref: 0 },
        { type: 'append', t: 6, topic: 'orders-topic', partition: 2, offset: 9, event: 1, key: 'o2', eventType: 'order-paid' },
        { type: 'deliver', t: 7, group: 'billing', member: 'billing-1', topic: 'orders-topic', partition: 2, offset: 9, event: 1, attempt: 3 },
        { type: 'processed', t: 8, group: 'billing', member: 'billing-1', topic: 'orders-topic', partition: 2, offset: 9, event: 1, key: 'o2', skippedDuplicate: true },
        { type: 'commit', t: 9, group: 'billing', topic: 'orders-topic', partition: 2, offset: 10 },
        rebalance,
      ]),
    );
    expect(log.get(9)).toBe(rebalance);
    expect([...Array(log.length).keys()].map((i) => log.typeAt(i))).toEqual(log.toArray().map((r) => r.type));
  });

  it('keeps every row across the first chunk growing and later chunks (property)', () => {
    const kinds: MessageKind[] = ['command', 'reply', 'event', 'ack', 'failure'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.nat(1 << 20), fc.nat(63), fc.constantFrom(...kinds), fc.boolean()), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 700 }),
        (rows, repeat) => {
          const log = new TraceLog(events(), NETWORK_MS);
          const node = log.name('a');
          const expected: { t: number; offset: number; partition: number; kind: MessageKind; lost: boolean }[] = [];
          // Enough rows to cross the 65,536-row chunk boundary in the longer cases.
          for (let r = 0; r < repeat; r++) {
            for (const [t, offset, partition, kind, lost] of rows) {
              log.hop(t, node, node, kind, LABEL_FETCH, '', partition, offset, 1, undefined, lost);
              expected.push({ t, offset, partition, kind, lost });
            }
          }
          expect(log.length).toBe(expected.length);
          for (let i = 0; i < expected.length; i += Math.max(1, Math.floor(expected.length / 500))) {
            const e = expected[i];
            const got = log.get(i);
            expect(log.timeAt(i)).toBe(e.t);
            expect(got).toMatchObject({ type: 'hop', t: e.t, kind: e.kind, label: `order-paid o2 p${e.partition}@${e.offset}` });
            expect(got.type === 'hop' && got.lost === true).toBe(e.lost);
          }
        },
      ),
      { numRuns: 40, seed: 20261203 },
    );
  });

  it('builds the objects once and again after the log grows', () => {
    const log = new TraceLog(events(), NETWORK_MS);
    log.append(0, log.name('t'), 0, 0, 0);
    const first = log.toArray();
    expect(log.toArray()).toBe(first);
    log.append(1, log.name('t'), 0, 1, 1);
    expect(log.toArray()).toHaveLength(2);
  });

  it('is what a simulated trace reads its records from, and stays out of exports', () => {
    const trace = simulate(checkoutPubsub);
    const log = trace.log!;
    expect(trace.records).toHaveLength(log.length);
    expect(trace.records[0]).toEqual(log.get(0));
    expect(Object.keys(trace)).not.toContain('log');
    expect(JSON.parse(JSON.stringify(trace)).records).toHaveLength(log.length);
  });
});
