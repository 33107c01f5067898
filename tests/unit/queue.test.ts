// The point-to-point command queue (src/engine/queue.ts): competing consumers, prefetch, requeue to
// the head, redelivery after a crash, delivery limit and dead-letter queue, determinism — each
// checked on the trace itself, plus a fast-check property over random topologies and crash
// schedules. Seed with FC_SEED=<n> to replay a property run; failures print seed and path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvariantBreaks } from '../../src/engine/invariants';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type {
  ClientSpec,
  Dist,
  FaultSpec,
  NodeSpec,
  QueueConsumerSpec,
  QueueSpec,
  RetryPolicy,
  Scenario,
  ScriptItem,
  ServiceSpec,
  Trace,
  TraceRecord,
} from '../../src/engine/types';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 20240611;
const SCALE = process.env.FC_RUNS_SCALE !== undefined ? Number(process.env.FC_RUNS_SCALE) : 1;

const ONCE: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };

type Rec<T extends TraceRecord['type']> = Extract<TraceRecord, { type: T }>;

interface ConsumerService {
  id: string;
  consumer: Partial<QueueConsumerSpec>;
  /** Topics the service's endpoint-less node needs declared for its emits. */
}

interface Setup {
  consumers: ConsumerService[];
  queue?: Partial<QueueSpec>;
  /** Adds a dead-letter queue node `dlq` (set queue.deadLetterQueue to use it). */
  dlq?: boolean;
  items: ScriptItem[];
  networkMs?: number;
  durationMs?: number;
  faults?: FaultSpec[];
  extraNodes?: NodeSpec[];
}

function consumerSpec(partial: Partial<QueueConsumerSpec>): QueueConsumerSpec {
  return {
    queue: 'q',
    instances: 1,
    prefetch: 1,
    processing: { kind: 'const', ms: 10 },
    errorRate: 0,
    onFailure: 'requeue',
    emits: [],
    ...partial,
  };
}

function service(id: string, queueConsumers: QueueConsumerSpec[], y = 0): ServiceSpec {
  return { kind: 'service', id, label: id, position: { x: 400, y }, workers: 1, queueLimit: 0, endpoints: [], consumers: [], queueConsumers };
}

function scenario(setup: Setup): Scenario {
  const producer: ClientSpec = {
    kind: 'client',
    id: 'producer',
    label: 'Producer',
    position: { x: 0, y: 0 },
    target: 'q',
    command: 'job',
    timeoutMs: 60_000,
    retry: ONCE,
  };
  const nodes: NodeSpec[] = [
    producer,
    { kind: 'queue', id: 'q', label: 'Q', position: { x: 200, y: 0 }, ...setup.queue },
    ...setup.consumers.map((c, i) => service(c.id, [consumerSpec(c.consumer)], i * 100)),
  ];
  if (setup.dlq) nodes.push({ kind: 'queue', id: 'dlq', label: 'DLQ', position: { x: 400, y: 300 } });
  nodes.push(...(setup.extraNodes ?? []));
  return {
    id: 'queue-test',
    title: 'queue test',
    summary: '',
    lesson: 'test',
    durationMs: setup.durationMs ?? 20_000,
    seed: 1,
    networkMs: setup.networkMs ?? 5,
    nodes,
    workload: [{ kind: 'script', client: 'producer', items: setup.items }],
    faults: setup.faults ?? [],
    expectations: [],
  };
}

function messages(n: number, every = 1, extra: Partial<ScriptItem> = {}): ScriptItem[] {
  return Array.from({ length: n }, (_, i) => ({ atMs: i * every, key: `k${i}`, label: `m${i}`, ...extra }));
}

function ofType<T extends TraceRecord['type']>(trace: Trace, type: T, queue = 'q'): Rec<T>[] {
  return trace.records.filter((r): r is Rec<T> => r.type === type && (!('queue' in r) || r.queue === queue));
}

function countBy<T>(items: T[], key: (t: T) => number | string): Map<number | string, number> {
  const m = new Map<number | string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

/**
 * Replays the trace: which consumer holds each message (from its q-deliver to its ack / nack) and,
 * per consumer, how many it holds. Fails when a message is held by two consumers at once.
 */
function replayHolders(trace: Trace, queue = 'q'): { maxHeld: Map<string, number>; heldAtDeliver: { consumer: string; held: number }[] } {
  const holder = new Map<number, string>();
  const held = new Map<string, number>();
  const maxHeld = new Map<string, number>();
  const heldAtDeliver: { consumer: string; held: number }[] = [];
  for (const r of trace.records) {
    if (!('queue' in r) || r.queue !== queue) continue;
    if (r.type === 'q-deliver') {
      const other = holder.get(r.message);
      if (other !== undefined) throw new Error(`t=${r.t}: message ${r.message} delivered to ${r.consumer} while ${other} holds it`);
      holder.set(r.message, r.consumer);
      const n = (held.get(r.consumer) ?? 0) + 1;
      held.set(r.consumer, n);
      maxHeld.set(r.consumer, Math.max(maxHeld.get(r.consumer) ?? 0, n));
      heldAtDeliver.push({ consumer: r.consumer, held: n });
    } else if (r.type === 'ack' || r.type === 'nack') {
      // A channel-closed return of a delivery still on the wire was never q-delivered.
      if (holder.get(r.message) === r.consumer) {
        holder.delete(r.message);
        held.set(r.consumer, held.get(r.consumer)! - 1);
      } else if (!(r.type === 'nack' && r.channelClosed)) {
        throw new Error(`t=${r.t}: ${r.type} of message ${r.message} by ${r.consumer}, which does not hold it`);
      }
    }
  }
  return { maxHeld, heldAtDeliver };
}

describe('point-to-point queue', () => {
  it('competing consumers: each message goes to exactly one consumer and is acked exactly once', () => {
    const s = scenario({
      consumers: [
        { id: 'a', consumer: { instances: 3, prefetch: 2, processing: { kind: 'uniform', minMs: 5, maxMs: 40 } } },
        { id: 'b', consumer: { instances: 1, prefetch: 4, processing: { kind: 'exp', meanMs: 20 } } },
      ],
      items: messages(200, 2),
    });
    const trace = simulate(s);
    const enqueued = ofType(trace, 'enqueue').map((r) => r.message);
    expect(enqueued).toHaveLength(200);
    const acks = countBy(ofType(trace, 'ack'), (r) => r.message);
    for (const m of enqueued) expect(acks.get(m), `message ${m}`).toBe(1);
    expect(ofType(trace, 'nack')).toHaveLength(0);
    // Without failures every message is delivered exactly once (never to two consumers).
    expect(countBy(ofType(trace, 'q-deliver'), (r) => r.message).size).toBe(200);
    expect(ofType(trace, 'q-deliver')).toHaveLength(200);
    const { maxHeld } = replayHolders(trace);
    expect([...maxHeld.keys()].sort()).toEqual(['a-1', 'a-2', 'a-3', 'b']);
    const perConsumer = countBy(ofType(trace, 'q-deliver'), (r) => r.consumer);
    for (const n of perConsumer.values()) expect(n).toBeGreaterThan(20);
    const m = computeMetrics(trace, s).queues.q;
    expect(m).toMatchObject({ enqueued: 200, delivered: 200, redelivered: 0, acked: 200, nacked: 0, depth: 0, ready: 0, unacked: 0, maxDeliveries: 1 });
  });

  it('round-robin among consumers with credit', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { instances: 3, prefetch: 1, processing: { kind: 'const', ms: 100 } } }],
      items: messages(6, 0),
      networkMs: 0,
    });
    const order = ofType(simulate(s), 'q-deliver').map((r) => `${r.consumer}:${r.message}`);
    expect(order).toEqual(['w-1:0', 'w-2:1', 'w-3:2', 'w-1:3', 'w-2:4', 'w-3:5']);
  });

  it('prefetch: a consumer never holds more than prefetch unacked messages', () => {
    // One instance per service, so the delivery hops (sent, not yet arrived) identify the consumer:
    // the broker's own count, in-flight deliveries included, can be replayed exactly.
    const prefetch: Record<string, number> = { p1: 1, p2: 3, p5: 5 };
    const s = scenario({
      consumers: Object.entries(prefetch).map(([id, p]) => ({ id, consumer: { prefetch: p, processing: { kind: 'exp', meanMs: 30 } } })),
      items: messages(300, 1),
      networkMs: 20,
    });
    const trace = simulate(s);
    const broker = new Map<string, number>();
    const maxBroker = new Map<string, number>();
    for (const r of trace.records) {
      if (r.type === 'hop' && r.from === 'q' && r.kind === 'command') {
        const n = (broker.get(r.to) ?? 0) + 1;
        broker.set(r.to, n);
        maxBroker.set(r.to, Math.max(maxBroker.get(r.to) ?? 0, n));
      } else if ((r.type === 'ack' || r.type === 'nack') && r.queue === 'q') {
        broker.set(r.consumer, broker.get(r.consumer)! - 1);
      }
    }
    // Each consumer used all its credit under this load, and never more.
    for (const [id, p] of Object.entries(prefetch)) expect(maxBroker.get(id), id).toBe(p);
    const { maxHeld } = replayHolders(trace);
    for (const [id, p] of Object.entries(prefetch)) expect(maxHeld.get(id)!, id).toBeLessThanOrEqual(p);
    // The queue-wide unacked count on every record never exceeds the total credit.
    for (const r of ofType(trace, 'q-deliver')) expect(r.unacked).toBeLessThanOrEqual(9);
    expect(ofType(trace, 'ack')).toHaveLength(300);
  });

  it('nack with requeue puts the message back at the head; it is redelivered first, flagged redelivered', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 10 } } }],
      queue: { deliveryLimit: 3 },
      items: [{ atMs: 0, key: 'a', label: 'a', poison: true }, ...messages(2, 0)],
    });
    const trace = simulate(s);
    const deliveries = ofType(trace, 'q-deliver').map((r) => [trace.events[r.message].label, r.delivery, r.redelivered]);
    // Limit 3: returned 3 times and redelivered; the fourth return is over the limit (rabbit_fifo: count > limit).
    expect(deliveries).toEqual([
      ['a', 1, false],
      ['a', 2, true],
      ['a', 3, true],
      ['a', 4, true],
      ['m0', 1, false],
      ['m1', 1, false],
    ]);
    const nacks = ofType(trace, 'nack');
    expect(nacks.map((r) => [r.requeue, r.depth, r.unacked])).toEqual([
      [true, 3, 0], // back at the head: a, m0, m1 ready
      [true, 3, 0],
      [true, 3, 0],
      [true, 2, 0], // over the limit: not requeued
    ]);
    const dead = ofType(trace, 'q-dead-lettered');
    expect(dead).toEqual([{ type: 'q-dead-lettered', t: nacks[3].t, queue: 'q', message: 0, reason: 'delivery-limit' }]);
    expect(computeMetrics(trace, s).queues.q).toMatchObject({ dropped: 1, deadLettered: 0, acked: 2, nacked: 4, redelivered: 3, depth: 0 });
  });

  it('transient failures are requeued and retried until acked; the redelivered flag follows the delivery count', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { instances: 2, prefetch: 2, errorRate: 0.5, processing: { kind: 'exp', meanMs: 10 } } }],
      items: messages(100, 3),
      durationMs: 60_000,
    });
    const trace = simulate(s);
    const seen = new Map<number, number>();
    for (const r of ofType(trace, 'q-deliver')) {
      const n = (seen.get(r.message) ?? 0) + 1;
      seen.set(r.message, n);
      expect(r.delivery).toBe(n);
      expect(r.redelivered).toBe(n > 1);
    }
    const acks = countBy(ofType(trace, 'ack'), (r) => r.message);
    expect(acks.size).toBe(100);
    for (const n of acks.values()) expect(n).toBe(1);
    expect(ofType(trace, 'nack').length).toBeGreaterThan(30);
    replayHolders(trace);
  });

  it('a crashed consumer returns its unacked messages to the head; they are redelivered (redelivered) and acked', () => {
    const s = scenario({
      consumers: [
        { id: 'w1', consumer: { prefetch: 5, processing: { kind: 'const', ms: 100 } } },
        { id: 'w2', consumer: { prefetch: 1, processing: { kind: 'const', ms: 100 } } },
      ],
      items: messages(20, 0),
      faults: [{ target: 'w1', kind: 'down', fromMs: 150, untilMs: 1000 }],
      durationMs: 10_000,
    });
    const trace = simulate(s);
    const returned = ofType(trace, 'nack').filter((r) => r.channelClosed);
    // At t=150 w1 had finished m0 (acked at 115) and held 5 more: the one being handled and 4 waiting.
    expect(returned.map((r) => [r.t, r.consumer, r.requeue])).toEqual(Array(5).fill([150, 'w1', true]));
    const returnedIds = returned.map((r) => r.message);
    // They go back to the head in their original order: the next deliveries are exactly them.
    const after = ofType(trace, 'q-deliver').filter((r) => r.t > 150);
    expect(after.slice(0, 5).map((r) => r.message)).toEqual(returnedIds.slice(0, 5));
    for (const id of returnedIds) {
      const redeliveries = ofType(trace, 'q-deliver').filter((r) => r.message === id && r.t > 150);
      expect(redeliveries[0].redelivered).toBe(true);
    }
    // While down w1 gets nothing; once back it gets work again.
    const w1 = ofType(trace, 'q-deliver').filter((r) => r.consumer === 'w1');
    expect(w1.some((r) => r.t > 150 && r.t < 1000)).toBe(false);
    expect(w1.some((r) => r.t >= 1000)).toBe(true);
    const acks = countBy(ofType(trace, 'ack'), (r) => r.message);
    expect(acks.size).toBe(20);
    for (const n of acks.values()) expect(n).toBe(1);
    expect(computeMetrics(trace, s).queues.q).toMatchObject({ returned: 5, nacked: 0, acked: 20, depth: 0 });
  });

  it('a broker restart closes every channel: acks sent meanwhile are lost, so the handler’s effects repeat (at-least-once)', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 100 }, emits: [{ topic: 'done', eventType: 'job-done' }] } }],
      items: messages(1, 0),
      faults: [{ target: 'q', kind: 'down', fromMs: 50, untilMs: 500 }],
      extraNodes: [{ kind: 'topic', id: 'done', label: 'done', position: { x: 600, y: 0 }, partitions: 1, autoOffsetReset: 'earliest' }],
    });
    const trace = simulate(s);
    expect(ofType(trace, 'nack').map((r) => [r.t, r.channelClosed])).toEqual([[50, true]]);
    const deliveries = ofType(trace, 'q-deliver');
    expect(deliveries.map((r) => [r.t, r.redelivered])).toEqual([
      [10, false],
      [505, true],
    ]);
    // The first handling finished while the broker was down: its effect happened, its ack was not possible.
    expect(trace.records.filter((r) => r.type === 'append' && r.topic === 'done')).toHaveLength(2);
    expect(ofType(trace, 'ack')).toHaveLength(1);
  });

  it('a queue that is down refuses publishes and delivers nothing until it is up', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { prefetch: 1 } }],
      items: [
        { atMs: 0, key: 'early', label: 'early' },
        { atMs: 200, key: 'refused', label: 'refused' },
      ],
      queue: {},
      faults: [
        { target: 'w', kind: 'down', fromMs: 0, untilMs: 100 },
        { target: 'q', kind: 'down', fromMs: 150, untilMs: 1000 },
      ],
    });
    const trace = simulate(s);
    const refused = trace.records.find((r) => r.type === 'hop' && r.from === 'q' && r.to === 'producer' && r.status === 503);
    expect(refused).toBeDefined();
    expect(ofType(trace, 'enqueue').map((r) => trace.events[r.message].label)).toEqual(['early']);
    // `early` waits for its consumer (down until 100), then is handled.
    expect(ofType(trace, 'q-deliver').map((r) => r.t)).toEqual([105]);
  });

  it('a delivery cut off by a broker stop is void; the message is redelivered once the broker is back', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 100 } } }],
      items: messages(3, 0),
      faults: [{ target: 'q', kind: 'down', fromMs: 6, untilMs: 1000 }],
    });
    const trace = simulate(s);
    // m0 went out at t=5 (arrived 10, after the queue stopped: its channel is gone, so it is void).
    expect(ofType(trace, 'q-deliver').map((r) => [r.t, trace.events[r.message].label, r.redelivered])).toEqual([
      [1005, 'm0', true],
      [1115, 'm1', false],
      [1225, 'm2', false],
    ]);
  });

  describe('faults', () => {
    it('a crash fault kills the consumer halfway through a message; the message is requeued and redelivered', () => {
      const s = scenario({
        consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 100 } } }],
        items: messages(2, 0),
        faults: [{ target: 'w', kind: 'crash', fromMs: 0, restartMs: 500 }],
      });
      const trace = simulate(s);
      // m0 arrives at 10, the crash fires halfway (60); w is back at 560.
      expect(trace.records.filter((r) => r.type === 'crash').map((r) => r.t)).toEqual([60]);
      expect(ofType(trace, 'nack').map((r) => [r.t, r.message, r.channelClosed])).toEqual([[60, 0, true]]);
      expect(ofType(trace, 'q-deliver').map((r) => [r.t, r.message, r.redelivered])).toEqual([
        [10, 0, false],
        [565, 0, true],
        [675, 1, false],
      ]);
      expect(ofType(trace, 'ack').map((r) => r.message)).toEqual([0, 1]);
    });

    it('a poison fault makes the next message published to the queue unhandleable', () => {
      const s = scenario({
        consumers: [{ id: 'w', consumer: { prefetch: 1 } }],
        queue: { deliveryLimit: 2, deadLetterQueue: 'dlq' },
        dlq: true,
        items: messages(3, 100),
        faults: [{ target: 'q', kind: 'poison', fromMs: 50 }],
      });
      const trace = simulate(s);
      expect(ofType(trace, 'q-dead-lettered').map((r) => trace.events[r.message].label)).toEqual(['m1']);
      expect(ofType(trace, 'ack').map((r) => trace.events[r.message].label)).toEqual(['m0', 'm2']);
    });

    it('a short cut link: the lost ack breaks the connection; when the link is back the message is requeued and handled again', () => {
      const s = scenario({
        consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 100 } } }],
        items: messages(2, 0),
        faults: [{ target: 'q->w', kind: 'cut', fromMs: 50, untilMs: 200 }],
      });
      const trace = simulate(s);
      const lost = trace.records.filter((r) => r.type === 'hop' && r.lost);
      expect(lost.map((r) => r.type === 'hop' && [r.t, r.from, r.label])).toEqual([[110, 'w', 'ack m0']]);
      expect(ofType(trace, 'nack').map((r) => [r.t, r.message, r.channelClosed])).toEqual([[200, 0, true]]);
      // m0 handled twice (at-least-once), acked once by the broker; m1 waited behind it.
      expect(ofType(trace, 'q-deliver').map((r) => [r.t, r.message, r.redelivered])).toEqual([
        [10, 0, false],
        [205, 0, true],
        [315, 1, false],
      ]);
      expect(ofType(trace, 'ack').map((r) => r.message)).toEqual([0, 1]);
    });

    it('a long cut link: deliveries sent into it are stuck until the heartbeat timeout, then go to another consumer', () => {
      const s = scenario({
        consumers: [
          { id: 'a', consumer: { prefetch: 2, processing: { kind: 'const', ms: 10 } } },
          { id: 'b', consumer: { prefetch: 1, processing: { kind: 'const', ms: 10 } } },
        ],
        items: [...messages(1, 0), { atMs: 1000, key: 'x', label: 'x' }, { atMs: 1001, key: 'y', label: 'y' }, { atMs: 1002, key: 'z', label: 'z' }],
        faults: [{ target: 'q->a', kind: 'cut', fromMs: 500, untilMs: 200_000 }],
        durationMs: 300_000,
      });
      const trace = simulate(s);
      // m0 → a, x → b (round-robin), then y → a (lost) and z → a (lost): b is busy, and a's credit is
      // used up by messages it never got. The heartbeat timer starts with the first loss (1006).
      const lost = trace.records.filter((r) => r.type === 'hop' && r.lost && r.from === 'q').map((r) => r.type === 'hop' && r.label);
      expect(lost).toEqual(['job y', 'job z']);
      const returned = ofType(trace, 'nack').filter((r) => r.channelClosed);
      expect(returned.map((r) => [r.t, r.consumer, trace.events[r.message].label])).toEqual([
        [61_006, 'a', 'y'],
        [61_006, 'a', 'z'],
      ]);
      const late = ofType(trace, 'q-deliver').filter((r) => r.t > 1100);
      expect(late.map((r) => [r.consumer, trace.events[r.message].label, r.redelivered])).toEqual([
        ['b', 'y', true],
        ['b', 'z', true],
      ]);
      // Nothing goes to a until its link is back.
      expect(ofType(trace, 'q-deliver').filter((r) => r.consumer === 'a' && r.t > 500)).toHaveLength(0);
      expect(computeMetrics(trace, s).queues.q).toMatchObject({ acked: 4, depth: 0 });
    });
  });

  describe('delivery limit and dead-letter queue', () => {
    it('over the delivery limit the message goes to the dead-letter queue as the same message id', () => {
      const s = scenario({
        consumers: [{ id: 'w', consumer: { prefetch: 1 } }],
        queue: { deliveryLimit: 3, deadLetterQueue: 'dlq' },
        dlq: true,
        items: [{ atMs: 0, key: 'p', label: 'p', poison: true }, ...messages(2, 0)],
      });
      const trace = simulate(s);
      const dead = ofType(trace, 'q-dead-lettered');
      expect(dead.map((r) => [r.message, r.reason, r.deadLetterQueue])).toEqual([[0, 'delivery-limit', 'dlq']]);
      expect(ofType(trace, 'enqueue', 'dlq').map((r) => [r.message, r.depth])).toEqual([[0, 1]]);
      // Returned 3 times (the limit) and delivered again; returned a fourth time, it is over the limit.
      expect(ofType(trace, 'q-deliver').filter((r) => r.message === 0)).toHaveLength(4);
      const m = computeMetrics(trace, s).queues;
      expect(m.q).toMatchObject({ deadLettered: 1, dropped: 0, acked: 2, depth: 0, maxDeliveries: 4 });
      expect(m.q.deliveries).toEqual({ p: 4, m0: 1, m1: 1 });
      expect(m.dlq).toMatchObject({ enqueued: 1, depth: 1 });
    });

    it('nack without requeue (reject) dead-letters at once, reason rejected', () => {
      const s = scenario({
        consumers: [{ id: 'w', consumer: { prefetch: 1, onFailure: 'reject' } }],
        queue: { deadLetterQueue: 'dlq' },
        dlq: true,
        items: [{ atMs: 0, key: 'p', label: 'p', poison: true }, ...messages(1, 0)],
      });
      const trace = simulate(s);
      expect(ofType(trace, 'nack').map((r) => r.requeue)).toEqual([false]);
      expect(ofType(trace, 'q-dead-lettered').map((r) => [r.reason, r.deadLetterQueue])).toEqual([['rejected', 'dlq']]);
      expect(computeMetrics(trace, s).queues.dlq.depth).toBe(1);
    });

    it('reject without a dead-letter queue drops the message', () => {
      const s = scenario({
        consumers: [{ id: 'w', consumer: { prefetch: 1, onFailure: 'reject' } }],
        items: [{ atMs: 0, key: 'p', label: 'p', poison: true }],
      });
      const trace = simulate(s);
      expect(ofType(trace, 'q-dead-lettered')).toEqual([{ type: 'q-dead-lettered', t: 25, queue: 'q', message: 0, reason: 'rejected' }]);
      expect(computeMetrics(trace, s).queues.q).toMatchObject({ dropped: 1, deadLettered: 0, depth: 0 });
    });

    it('a message returned by a crash counts towards the delivery limit', () => {
      const s = scenario({
        consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 100 } } }],
        queue: { deliveryLimit: 1, deadLetterQueue: 'dlq' },
        dlq: true,
        items: messages(1, 0),
        // Two crashes, each in the middle of a delivery of the same message.
        faults: [
          { target: 'w', kind: 'down', fromMs: 50, untilMs: 60 },
          { target: 'w', kind: 'down', fromMs: 150, untilMs: 160 },
        ],
      });
      const trace = simulate(s);
      // Limit 1: the first return is within the limit (requeued), the second is over it.
      expect(ofType(trace, 'nack').map((r) => [r.t, r.channelClosed])).toEqual([
        [50, true],
        [150, true],
      ]);
      expect(ofType(trace, 'q-dead-lettered').map((r) => [r.t, r.reason])).toEqual([[150, 'delivery-limit']]);
      expect(ofType(trace, 'q-deliver')).toHaveLength(2);
    });
  });

  it('the enqueue action publishes to the queue with the action’s timeout and retry', () => {
    const base = scenario({ consumers: [{ id: 'w', consumer: { prefetch: 1 } }], items: [] });
    const s: Scenario = {
      ...base,
      nodes: [
        { kind: 'client', id: 'users', label: 'Users', position: { x: -200, y: 0 }, target: 'api', command: 'export', timeoutMs: 5000, retry: ONCE },
        {
          kind: 'service',
          id: 'api',
          label: 'API',
          position: { x: 0, y: 0 },
          workers: 4,
          queueLimit: 10,
          consumers: [],
          endpoints: [
            {
              name: 'export',
              processing: { kind: 'const', ms: 2 },
              validate: true,
              errorRate: 0,
              successStatus: 202,
              then: [{ kind: 'enqueue', queue: 'q', messageType: 'build-export', timeoutMs: 100, retry: { maxAttempts: 2, backoffMs: 10, multiplier: 1, maxBackoffMs: 10, jitter: 0 } }],
            },
          ],
        },
        ...base.nodes.filter((n) => n.kind !== 'client'),
      ],
      workload: [{ kind: 'script', client: 'users', items: [{ atMs: 0, key: 'e1' }, { atMs: 500, key: 'e2' }] }],
      faults: [{ target: 'q', kind: 'down', fromMs: 400, untilMs: 2000 }],
    };
    const trace = simulate(s);
    const done = trace.records.filter((r): r is Rec<'command-done'> => r.type === 'command-done');
    // e1 accepted at once (202); e2 finds the queue down, is refused twice and fails as 502.
    expect(done.map((r) => [r.status, r.attempts])).toEqual([
      [202, 1],
      [502, 1],
    ]);
    const publishes = trace.records.filter((r) => r.type === 'hop' && r.from === 'api' && r.to === 'q');
    expect(publishes).toHaveLength(3);
    const enq = ofType(trace, 'enqueue');
    expect(enq).toHaveLength(1);
    expect(trace.events[enq[0].message]).toMatchObject({ type: 'build-export', key: 'e1', source: 'api', cmd: 0 });
    expect(ofType(trace, 'ack').map((r) => r.message)).toEqual([enq[0].message]);
  });

  it('is deterministic: same seed ⇒ identical trace; another seed ⇒ another one', () => {
    const s = scenario({
      consumers: [
        { id: 'a', consumer: { instances: 2, prefetch: 3, errorRate: 0.3, processing: { kind: 'lognormal', medianMs: 20, sigma: 0.5 } } },
        { id: 'b', consumer: { prefetch: 2, errorRate: 0.1, processing: { kind: 'exp', meanMs: 15 } } },
      ],
      queue: { deliveryLimit: 4, deadLetterQueue: 'dlq' },
      dlq: true,
      items: messages(80, 7),
      faults: [
        { target: 'a', kind: 'down', fromMs: 100, untilMs: 300 },
        { target: 'q', kind: 'down', fromMs: 400, untilMs: 450 },
      ],
    });
    const a = JSON.stringify(simulate(s, { seed: 11 }));
    const b = JSON.stringify(simulate(s, { seed: 11 }));
    const c = JSON.stringify(simulate(s, { seed: 12 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

// ─── Property ─────────────────────────────────────────────────────────────────

const dist: fc.Arbitrary<Dist> = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((ms): Dist => ({ kind: 'const', ms })),
  fc.integer({ min: 1, max: 40 }).map((meanMs): Dist => ({ kind: 'exp', meanMs })),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 50 })).map(([minMs, span]): Dist => ({ kind: 'uniform', minMs, maxMs: minMs + span })),
);

const downWindow = (maxFrom: number): fc.Arbitrary<{ fromMs: number; untilMs: number }> =>
  fc.tuple(fc.integer({ min: 0, max: maxFrom }), fc.integer({ min: 1, max: 800 })).map(([fromMs, len]) => ({ fromMs, untilMs: fromMs + len }));

const world = fc
  .record({
    consumers: fc.array(
      fc.record({
        instances: fc.integer({ min: 1, max: 3 }),
        prefetch: fc.integer({ min: 1, max: 5 }),
        processing: dist,
        errorRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
        reject: fc.boolean(),
        crashes: fc.array(downWindow(1500), { maxLength: 3 }),
        /** Crash faults: die halfway through the next message handled after fromMs. */
        midway: fc.array(fc.record({ fromMs: fc.integer({ min: 0, max: 1500 }), restartMs: fc.integer({ min: 1, max: 1000 }) }), { maxLength: 2 }),
        cuts: fc.array(downWindow(1500), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    withDlq: fc.boolean(),
    deliveryLimit: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    messageTimes: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }),
    poison: fc.array(fc.boolean(), { maxLength: 40 }),
    queueDown: fc.array(downWindow(1500), { maxLength: 2 }),
    networkMs: fc.integer({ min: 0, max: 20 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  // Nothing may be dropped: without a dead-letter queue, consumers requeue and nothing is limited.
  // A poison message only ends if a delivery limit sends it somewhere.
  .map((w) => ({
    ...w,
    consumers: w.consumers.map((c) => ({ ...c, reject: w.withDlq && c.reject })),
    deliveryLimit: w.withDlq ? w.deliveryLimit : undefined,
    poison: w.poison.map((p) => p && w.withDlq && w.deliveryLimit !== undefined),
  }));

type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

/**
 * After the last fault (≤ 2.3 s; a crash fault fires at the latest during the first message after
 * it and restarts ≤ 1 s later) every consumer is up, and a connection broken by a cut link is
 * declared dead at most a heartbeat timeout (60 s) after it broke. The slowest drain the generators
 * allow is then 40 messages × ≤ 2 expected attempts (errorRate ≤ 0.5) × ≤ ~150 ms for the busiest
 * single consumer ⇒ ~12 s; 120 s leaves a wide margin (an error rate of 0.5 fails 20 times in a row
 * once in a million).
 */
const DRAIN_MS = 120_000;

function worldScenario(w: World): Scenario {
  const faults: FaultSpec[] = [];
  const nodes: NodeSpec[] = [
    { kind: 'client', id: 'producer', label: 'P', position: { x: 0, y: 0 }, target: 'q', command: 'job', timeoutMs: 600_000, retry: ONCE },
    { kind: 'queue', id: 'q', label: 'Q', position: { x: 1, y: 0 }, deliveryLimit: w.deliveryLimit, deadLetterQueue: w.withDlq ? 'dlq' : undefined },
    { kind: 'queue', id: 'dlq', label: 'DLQ', position: { x: 2, y: 0 } },
  ];
  w.consumers.forEach((c, i) => {
    nodes.push(
      service(`s${i}`, [
        consumerSpec({ instances: c.instances, prefetch: c.prefetch, processing: c.processing, errorRate: c.errorRate, onFailure: c.reject ? 'reject' : 'requeue' }),
      ]),
    );
    for (const d of c.crashes) faults.push({ target: `s${i}`, kind: 'down', ...d });
    for (const m of c.midway) faults.push({ target: `s${i}`, kind: 'crash', ...m });
    // Never the q ↔ dlq link: a dead letter that cannot reach its queue is dropped, by design.
    for (const d of c.cuts) faults.push({ target: `q->s${i}`, kind: 'cut', ...d });
  });
  for (const d of w.queueDown) faults.push({ target: 'q', kind: 'down', ...d });
  // Publishes land only while the queue is up: a refused publish is the publisher's problem, not a loss.
  const items = w.messageTimes.map((atMs, i) => ({ atMs: 4000 + atMs, key: `k${i}`, label: `m${i}`, poison: w.poison[i] ?? false }));
  return {
    id: 'queue-property',
    title: '',
    summary: '',
    lesson: '',
    durationMs: 6000 + DRAIN_MS,
    seed: w.seed,
    networkMs: w.networkMs,
    nodes,
    // Half the messages while crashes happen (published at 0–1 s), half after the faults are over.
    workload: [{ kind: 'script', client: 'producer', items: items.map((it, i) => (i % 2 === 0 ? { ...it, atMs: it.atMs - 4000 } : it)) }],
    faults,
    expectations: [],
  };
}

describe('point-to-point queue: properties', () => {
  it('every enqueued message is acked exactly once or dead-lettered — never lost — and no consumer exceeds its prefetch', () => {
    fc.assert(
      fc.property(world, (w) => {
        const s = worldScenario(w);
        const trace = simulate(s);
        const prefetchOf = new Map<string, number>();
        const servicePrefetch = new Map<string, number>();
        w.consumers.forEach((c, i) => {
          servicePrefetch.set(`s${i}`, c.instances * c.prefetch);
          for (let k = 0; k < c.instances; k++) prefetchOf.set(c.instances > 1 ? `s${i}-${k + 1}` : `s${i}`, c.prefetch);
        });
        const totalCredit = [...servicePrefetch.values()].reduce((a, b) => a + b, 0);

        // Broker-side unacked per service (in-flight deliveries included), replayed from the hops.
        const perService = new Map<string, number>();
        const consumerService = (id: string): string => id.replace(/-\d+$/, '');
        for (const r of trace.records) {
          if (r.type === 'hop' && r.from === 'q' && r.kind === 'command' && r.to !== 'dlq') {
            const n = (perService.get(r.to) ?? 0) + 1;
            perService.set(r.to, n);
            expect(n).toBeLessThanOrEqual(servicePrefetch.get(r.to)!);
          } else if ((r.type === 'ack' || r.type === 'nack') && r.queue === 'q') {
            perService.set(consumerService(r.consumer), perService.get(consumerService(r.consumer))! - 1);
          } else if (r.type === 'q-deliver' && r.queue === 'q') {
            expect(r.unacked).toBeLessThanOrEqual(totalCredit);
          }
        }
        for (const n of perService.values()) expect(n).toBeGreaterThanOrEqual(0);
        // Per consumer, replayed from q-deliver / ack / nack.
        const { heldAtDeliver } = replayHolders(trace);
        for (const { consumer, held } of heldAtDeliver) expect(held).toBeLessThanOrEqual(prefetchOf.get(consumer)!);

        const enqueued = ofType(trace, 'enqueue').map((r) => r.message);
        expect(new Set(enqueued).size).toBe(enqueued.length);
        const acks = countBy(ofType(trace, 'ack'), (r) => r.message);
        const dead = countBy(ofType(trace, 'q-dead-lettered'), (r) => r.message);
        const inDlq = countBy(ofType(trace, 'enqueue', 'dlq'), (r) => r.message);
        for (const m of enqueued) {
          const a = acks.get(m) ?? 0;
          const d = dead.get(m) ?? 0;
          expect(a + d, `message ${m}: acked ${a}, dead-lettered ${d}`).toBe(1);
          if (d === 1) expect(inDlq.get(m)).toBe(1);
          if (trace.events[m].poison) expect(d).toBe(1);
        }
        expect(ofType(trace, 'q-dead-lettered').every((r) => r.deadLetterQueue === 'dlq')).toBe(true);
        const metrics = computeMetrics(trace, s).queues;
        expect(metrics.q).toMatchObject({ depth: 0, ready: 0, unacked: 0, dropped: 0, enqueued: enqueued.length });
        expect(metrics.q.acked + metrics.q.deadLettered).toBe(enqueued.length);
        expect(metrics.dlq.depth).toBe(metrics.q.deadLettered);
        // A limit of N allows N returns, so N + 1 deliveries.
        if (w.deliveryLimit !== undefined) expect(metrics.q.maxDeliveries).toBeLessThanOrEqual(w.deliveryLimit + 1);
      }),
      { seed: SEED, numRuns: Math.max(1, Math.round(500 * SCALE)) },
    );
  }, 120_000);
});

describe('point-to-point queue: outcomes and monitors', () => {
  const doneTopic: NodeSpec = { kind: 'topic', id: 'done', label: 'done', position: { x: 600, y: 0 }, partitions: 1, autoOffsetReset: 'earliest' };

  it('publishes the outcome BEFORE acking: while the outcome topic is down the message is nacked and handled again, never acked without its event', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 10 }, emits: [{ topic: 'done', eventType: 'job-done' }] } }],
      items: messages(3, 1),
      // Longer than the publisher's own retries (5 attempts over about 3 s): publishing fails, more than once.
      faults: [{ target: 'done', kind: 'down', fromMs: 0, untilMs: 10_000 }],
      extraNodes: [doneTopic],
    });
    const trace = simulate(s);
    const appended = trace.records.filter((r) => r.type === 'append' && r.topic === 'done');
    const acks = ofType(trace, 'ack');
    // Every message acked has its outcome in the log, appended before the ack reached the broker.
    expect(acks).toHaveLength(3);
    for (const ack of acks) {
      const outcome = appended.find((r) => r.type === 'append' && trace.events[r.event].label === trace.events[ack.message].label);
      expect(outcome, trace.events[ack.message].label).toBeDefined();
      expect(outcome!.t).toBeLessThan(ack.t);
    }
    expect(appended.every((r) => r.t >= 10_000)).toBe(true);
    // Failed publishes nacked (requeued) the messages: they were redelivered, none dropped.
    expect(ofType(trace, 'nack').filter((r) => !r.channelClosed).length).toBeGreaterThan(0);
    // Each message's handler succeeded before the publish failed, and ran again after the nack: at-least-once.
    const q = computeMetrics(trace, s).queues.q;
    expect(q).toMatchObject({ acked: 3, dropped: 0, depth: 0 });
    expect(q.duplicates).toBeGreaterThanOrEqual(3);
    expect(q.handled).toBe(3 + q.duplicates);
  });

  it('a lost ack means the message is handled twice: counted as a duplicate and flagged on the queue', () => {
    // The ack of the first handling is dropped by the cut; the connection resets when the link is
    // restored, the message is requeued and handled again.
    const s = scenario({
      consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 100 } } }],
      items: messages(1, 0),
      faults: [{ target: 'w->q', kind: 'cut', fromMs: 50, untilMs: 500 }],
    });
    const trace = simulate(s);
    expect(ofType(trace, 'q-handled').map((r) => [r.t, r.ok])).toEqual([
      [110, true],
      [605, true],
    ]);
    expect(computeMetrics(trace, s).queues.q).toMatchObject({ acked: 1, handled: 2, duplicates: 1 });
    expect(findInvariantBreaks(trace)).toMatchObject([{ subject: 'q', kind: 'duplicate', t: 605, count: 1 }]);
  });

  it('a message dropped with no dead-letter queue is flagged lost on the queue', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { prefetch: 1, onFailure: 'reject' } }],
      items: [{ atMs: 0, key: 'p', label: 'p', poison: true }],
    });
    const trace = simulate(s);
    expect(findInvariantBreaks(trace)).toMatchObject([{ subject: 'q', kind: 'lost', count: 1 }]);
  });

  it('maxDeliveries counts per copy: a message a publisher retry enqueued twice is not over its limit', () => {
    const s = scenario({
      consumers: [{ id: 'w', consumer: { prefetch: 1, processing: { kind: 'const', ms: 0 } } }],
      queue: { deliveryLimit: 3 },
      items: [{ atMs: 0, key: 'm0', label: 'm0', poison: true }],
      networkMs: 5,
      // The publish arrives at 5 ms; its confirm is lost on the cut: the publisher publishes again
      // after its timeout, and the queue has held two copies of m0.
      faults: [{ target: 'producer->q', kind: 'cut', fromMs: 2, untilMs: 10 }],
    });
    const base = { ...s, nodes: s.nodes.map((n) => (n.kind === 'client' ? { ...n, timeoutMs: 1000, retry: { maxAttempts: 200, backoffMs: 50, multiplier: 2, maxBackoffMs: 1000, jitter: 0 } } : n)) };
    const trace = simulate(base);
    expect(ofType(trace, 'enqueue')).toHaveLength(2);
    const m = computeMetrics(trace, base).queues.q;
    expect(m.deliveries.m0).toBe(8);
    // Limit 3: each copy is delivered at most 4 times.
    expect(m.maxDeliveries).toBeLessThanOrEqual(4);
    expect(m.maxDeliveries).toBe(Math.max(...ofType(trace, 'q-deliver').map((r) => r.delivery)));
  });
});
