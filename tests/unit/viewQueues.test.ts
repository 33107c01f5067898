import { describe, expect, it } from 'vitest';
import type { Scenario, TraceRecord } from '../../src/engine/types';
import { describeWorld } from '../../src/view/accessibleSummary';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { worldAt } from '../../src/view/worldAt';
import { emptyTrace, makeScenario } from './viewFixtures';

const base = makeScenario();
const scenario: Scenario = {
  ...base,
  nodes: [...base.nodes, { kind: 'queue', id: 'ship', label: 'Shipping queue', position: { x: 0, y: 0 }, deliveryLimit: 2 }],
};

const records: TraceRecord[] = [
  { type: 'enqueue', t: 10, queue: 'ship', message: 1, depth: 1 },
  { type: 'enqueue', t: 11, queue: 'ship', message: 2, depth: 2 },
  { type: 'q-deliver', t: 12, queue: 'ship', consumer: 'w1', message: 1, delivery: 1, redelivered: false, depth: 1, unacked: 1 },
  { type: 'enqueue', t: 13, queue: 'ship', message: 3, depth: 2 },
  { type: 'nack', t: 20, queue: 'ship', consumer: 'w1', message: 1, requeue: true, depth: 3, unacked: 0 },
  { type: 'q-deliver', t: 21, queue: 'ship', consumer: 'w2', message: 1, delivery: 2, redelivered: true, depth: 2, unacked: 1 },
  { type: 'nack', t: 30, queue: 'ship', consumer: 'w2', message: 1, requeue: false, depth: 2, unacked: 0 },
  { type: 'q-dead-lettered', t: 30, queue: 'ship', message: 1, reason: 'delivery-limit' },
  { type: 'q-deliver', t: 31, queue: 'ship', consumer: 'w1', message: 2, delivery: 1, redelivered: false, depth: 1, unacked: 1 },
  { type: 'ack', t: 35, queue: 'ship', consumer: 'w1', message: 2, depth: 1, unacked: 0 },
  { type: 'q-deliver', t: 40, queue: 'ship', consumer: 'w1', message: 3, delivery: 1, redelivered: false, depth: 0, unacked: 1 },
  { type: 'nack', t: 45, queue: 'ship', consumer: 'w1', message: 3, requeue: true, depth: 1, unacked: 0, channelClosed: true },
];
const index = buildTraceIndex({ ...emptyTrace(), records }, scenario);

describe('worldAt: queues', () => {
  it('lists a declared queue, empty, before its first record', () => {
    expect(worldAt(index, 0).queues).toEqual({
      ship: {
        id: 'ship',
        label: 'Shipping queue',
        depth: 0,
        unacked: 0,
        enqueued: 0,
        delivered: 0,
        redelivered: 0,
        acked: 0,
        nacked: 0,
        returned: 0,
        deadLettered: 0,
        dropped: 0,
        handledTwice: 0,
      },
    });
  });

  it('keeps the unacked count across an enqueue, which does not report it', () => {
    expect(worldAt(index, 13).queues.ship).toMatchObject({ depth: 2, unacked: 1, enqueued: 3, delivered: 1 });
  });

  it('counts redeliveries, nacks, drops and acks (over the limit with no dead-letter queue: dropped)', () => {
    expect(worldAt(index, 30).queues.ship).toMatchObject({ depth: 2, unacked: 0, redelivered: 1, nacked: 2, deadLettered: 0, dropped: 1 });
    expect(worldAt(index, 35).queues.ship).toMatchObject({ depth: 1, unacked: 0, delivered: 3, acked: 1 });
  });

  it('counts a message the broker took back from a crashed consumer as returned, not nacked', () => {
    expect(worldAt(index, 100).queues.ship).toMatchObject({ depth: 1, unacked: 0, delivered: 4, nacked: 2, returned: 1 });
  });

  it('is mentioned by the summary while it holds messages', () => {
    expect(describeWorld(worldAt(index, 21), scenario)).toContain('Shipping queue holds 2 messages waiting and 1 being handled.');
    expect(describeWorld(worldAt(index, 0), scenario).some((s) => s.includes('Shipping queue'))).toBe(false);
  });
});
