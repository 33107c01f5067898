// Hand-written scenario and trace fixtures for the view-model tests. Small enough to compute
// every expected value by hand (the timeline below is the reference for the assertions).
import type {
  ConsumerSpec,
  HopRecord,
  MessageKind,
  RetryPolicy,
  Scenario,
  ServiceSpec,
  Trace,
  TraceRecord,
} from '../../src/engine/types';

const retry: RetryPolicy = { maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 };

function consumer(group: string, topic: string): ConsumerSpec {
  return {
    group,
    topic,
    instances: 2,
    processing: { kind: 'const', ms: 5 },
    commit: 'after',
    autoCommitIntervalMs: 0,
    sessionTimeoutMs: 100,
    rebalanceMs: 10,
    errorRate: 0,
    retry,
    idempotent: false,
    emits: [],
  };
}

function service(id: string, label: string, workers: number, queueLimit: number, consumers: ConsumerSpec[]): ServiceSpec {
  return {
    kind: 'service',
    id,
    label,
    position: { x: 0, y: 0 },
    workers,
    queueLimit,
    endpoints:
      id === 'checkout'
        ? [
            {
              name: 'place-order',
              processing: { kind: 'const', ms: 5 },
              validate: true,
              errorRate: 0,
              then: [{ kind: 'publish', topic: 'orders', eventType: 'order-placed', timeoutMs: 100, retry }],
              successStatus: 201,
            },
          ]
        : [],
    consumers,
  };
}

export function makeScenario(): Scenario {
  return {
    id: 'fixture',
    title: 'Fixture',
    summary: 'Hand-written fixture',
    lesson: 'tests',
    durationMs: 200,
    seed: 1,
    networkMs: 10,
    nodes: [
      {
        kind: 'client',
        id: 'shop',
        label: 'Shoppers',
        position: { x: 0, y: 0 },
        target: 'checkout',
        command: 'place-order',
        timeoutMs: 1000,
        retry,
      },
      service('checkout', 'Checkout', 2, 3, []),
      {
        kind: 'topic',
        id: 'orders',
        label: 'Online orders',
        position: { x: 0, y: 0 },
        partitions: 2,
        retentionMs: 30,
        autoOffsetReset: 'earliest',
      },
      service('fulfillment', 'Order Fulfillment', 1, 0, [consumer('ful', 'orders')]),
      service('analytics', 'Analytics', 1, 0, [consumer('ana', 'orders')]),
    ],
    workload: [],
    faults: [],
    expectations: [],
  };
}

export function hop(t: number, arriveAt: number, from: string, to: string, kind: MessageKind, label: string, ref: number, status?: number): HopRecord {
  const r: HopRecord = { type: 'hop', t, arriveAt, from, to, kind, label, ref };
  if (status !== undefined) r.status = status;
  return r;
}

function append(t: number, partition: number, offset: number, event: number, key: string): TraceRecord {
  return { type: 'append', t, topic: 'orders', partition, offset, event, key, eventType: 'order-placed' };
}

function processed(t: number, group: string, partition: number, offset: number, event: number, skippedDuplicate = false): TraceRecord {
  return { type: 'processed', t, group, member: `${group}-1`, topic: 'orders', partition, offset, event, key: `o${event + 1}`, skippedDuplicate };
}

function commit(t: number, group: string, partition: number, offset: number): TraceRecord {
  return { type: 'commit', t, group, topic: 'orders', partition, offset };
}

/**
 * Timeline (ms). Groups: `ful` commits, `ana` never commits, `audit` is undeclared and appears at 110.
 *   0  cmd 1 submitted; hop#1 shop→checkout [0,10); ful assigned {f1:[0], f2:[1]}
 *  10  checkout pool busy 1
 *  12  cmd 2 submitted (invalid); hop shop→checkout [12,22)
 *  15  hop checkout→orders [15,20)
 *  20  append p0@0 (event 0); hop checkout→shop 201 [20,30)
 *  22  checkout pool busy 2, queued 1
 *  25  fulfillment down
 *  30  cmd 1 ok (latency 30); deliver ful p0@0; hop orders→fulfillment [30,40)
 *  35  append p1@0 (event 1)
 *  40  ful processed event 0; ful commits p0 → 1
 *  42  cmd 2 rejected (latency 30)
 *  45  append p0@1 (event 2)
 *  50  retention p0 → logStart 1; ful processes event 0 again (a duplicate)
 *  55  ful processes event 0 a third time, skipped as a duplicate (no count)
 *  60  fulfillment up; ful rebalance; ful handler-failed on event 1
 *  70  ful assigned {f1:[0,1], f2:[]}
 *  80  cmd 3 submitted; hop shop→checkout [80,1080) (a long hop); ful lost event 1 (reported twice)
 *  90  cmd 3 failed (latency 10); ful dead-lettered event 2
 *  95  checkout commits cmd 3's row anyway (committed but failed)
 * 100  append p1@1 (event 3) and ful commits p1 → 2 in the same instant
 * 110  audit (undeclared) commits p1 → 2
 */
export function makeTrace(): Trace {
  const records: TraceRecord[] = [
    { type: 'command', t: 0, cmd: 1, client: 'shop', service: 'checkout', endpoint: 'place-order', key: 'o1', valid: true },
    hop(0, 10, 'shop', 'checkout', 'command', 'place-order o1', 1),
    { type: 'assign', t: 0, group: 'ful', assignment: { f1: [0], f2: [1] } },
    { type: 'pool', t: 10, node: 'checkout', busy: 1, queued: 0 },
    { type: 'command', t: 12, cmd: 2, client: 'shop', service: 'checkout', endpoint: 'place-order', key: 'o2', valid: false },
    hop(12, 22, 'shop', 'checkout', 'command', 'place-order o2', 2),
    hop(15, 20, 'checkout', 'orders', 'event', 'order-placed o1', 0),
    append(20, 0, 0, 0, 'o1'),
    hop(20, 30, 'checkout', 'shop', 'reply', '201', 1, 201),
    { type: 'pool', t: 22, node: 'checkout', busy: 2, queued: 1 },
    { type: 'node', t: 25, node: 'fulfillment', status: 'down' },
    { type: 'command-done', t: 30, cmd: 1, client: 'shop', outcome: 'ok', status: 201, latencyMs: 30, attempts: 1 },
    { type: 'deliver', t: 30, group: 'ful', member: 'f1', topic: 'orders', partition: 0, offset: 0, event: 0, attempt: 1 },
    hop(30, 40, 'orders', 'fulfillment', 'event', 'order-placed o1 @0', 0),
    append(35, 1, 0, 1, 'o2'),
    processed(40, 'ful', 0, 0, 0),
    commit(40, 'ful', 0, 1),
    { type: 'command-done', t: 42, cmd: 2, client: 'shop', outcome: 'rejected', status: 422, latencyMs: 30, attempts: 1 },
    append(45, 0, 1, 2, 'o3'),
    { type: 'retention', t: 50, topic: 'orders', partition: 0, logStart: 1 },
    processed(50, 'ful', 0, 0, 0),
    processed(55, 'ful', 0, 0, 0, true),
    { type: 'node', t: 60, node: 'fulfillment', status: 'up' },
    { type: 'rebalance', t: 60, group: 'ful', reason: 'f2 missed its session timeout' },
    { type: 'handler-failed', t: 60, group: 'ful', member: 'f2', topic: 'orders', partition: 1, offset: 0, event: 1, attempt: 1 },
    { type: 'assign', t: 70, group: 'ful', assignment: { f1: [0, 1], f2: [] } },
    { type: 'command', t: 80, cmd: 3, client: 'shop', service: 'checkout', endpoint: 'place-order', key: 'o4', valid: true },
    hop(80, 1080, 'shop', 'checkout', 'command', 'place-order o4', 3),
    { type: 'lost', t: 80, group: 'ful', topic: 'orders', partition: 1, offset: 0, event: 1, reason: 'retention' },
    { type: 'lost', t: 80, group: 'ful', topic: 'orders', partition: 1, offset: 0, event: 1, reason: 'retention' },
    { type: 'command-done', t: 90, cmd: 3, client: 'shop', outcome: 'failed', status: 500, latencyMs: 10, attempts: 3 },
    { type: 'dead-lettered', t: 90, group: 'ful', topic: 'orders', partition: 0, offset: 1, event: 2, deadLetterTopic: 'orders-dlt' },
    { type: 'row', t: 95, service: 'checkout', cmd: 3, key: 'o4' },
    append(100, 1, 1, 3, 'o4'),
    commit(100, 'ful', 1, 2),
    commit(110, 'audit', 1, 2),
  ];
  return {
    scenarioId: 'fixture',
    seed: 1,
    durationMs: 200,
    faults: [],
    records,
    events: [0, 1, 2, 3].map((id) => ({
      id,
      type: 'order-placed',
      key: `o${id + 1}`,
      label: `m${id + 1}`,
      source: 'checkout',
      time: 0,
      poison: false,
    })),
  };
}

export function emptyTrace(): Trace {
  return { scenarioId: 'fixture', seed: 1, durationMs: 200, faults: [], records: [], events: [] };
}
