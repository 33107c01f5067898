// Real failures reported by people who run Kafka (shared/cases/README.md), as scenarios whose
// expectations assert the right outcome exactly. Each is a kind of fault, modelled in the engine:
// commit timing vs crashes (C1), head-of-line blocking by a poison record (C4), and ordering across
// topics (C11).
import type { ConsumerSpec, NodeSpec, RetryPolicy, Scenario, ScriptItem, ServiceSpec } from '../engine/types';

const NO_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };
const FOREVER: RetryPolicy = { maxAttempts: Infinity, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 };

function producer(id: string, target: string, command: string, y = 120): NodeSpec {
  return { kind: 'client', id, label: 'Producer', role: 'writes records', position: { x: 0, y }, target, command, timeoutMs: 5000, retry: NO_RETRY };
}

function topic(id: string, label: string, partitions: number, x: number, y: number): NodeSpec {
  return { kind: 'topic', id, label, role: `topic · ${partitions} partition${partitions > 1 ? 's' : ''}`, position: { x, y }, partitions, autoOffsetReset: 'earliest' };
}

function consumerService(id: string, label: string, consumers: ConsumerSpec[], position: { x: number; y: number }, extra: Partial<ServiceSpec> = {}): ServiceSpec {
  return { kind: 'service', id, label, role: 'consumer', position, workers: 1, queueLimit: 0, endpoints: [], consumers, ...extra };
}

function consumer(group: string, topicId: string, overrides: Partial<ConsumerSpec>): ConsumerSpec {
  return {
    group,
    topic: topicId,
    instances: 1,
    processing: { kind: 'const', ms: 1000 },
    commit: 'after',
    autoCommitIntervalMs: 0,
    sessionTimeoutMs: 1000,
    rebalanceMs: 100,
    errorRate: 0,
    retry: FOREVER,
    idempotent: false,
    emits: [],
    ...overrides,
  };
}

// ─── C1: commit before processing, then crash ─────────────────────────────────

const c1Records: ScriptItem[] = [0, 1, 2, 3, 4].map((i) => ({ atMs: 0, key: 'k', label: `m${i}` }));
/** m0 is handed over at 20 ms, each record takes 1 s: m2 is handed at 2.02 s; the crash comes 0.5 s later. */
const C1_CRASH_MS = 2520;

function c1(id: string, title: string, summary: string, commit: ConsumerSpec['commit'], autoCommitIntervalMs: number, crashMs: number, expectations: Scenario['expectations']): Scenario {
  const spec = (): ConsumerSpec => consumer('g', 't', { commit, autoCommitIntervalMs });
  return {
    id,
    title,
    summary,
    lesson: 'Kafka failure cases',
    durationMs: 10_000,
    seed: 1,
    networkMs: 10,
    nodes: [
      producer('producer', 't', 'record'),
      topic('t', 'T', 1, 260, 120),
      consumerService('c1', 'C1', [spec()], { x: 560, y: 40 }),
      consumerService('c2', 'C2 (standby)', [spec()], { x: 560, y: 220 }),
    ],
    workload: [{ kind: 'script', client: 'producer', items: c1Records }],
    faults: [{ target: 'c1', kind: 'down', fromMs: crashMs }],
    expectations,
  };
}

export const c1CommitBeforeCrash = c1(
  'c1-commit-before-crash',
  'C1 · Commit before processing, then crash',
  'Offsets are auto-committed (every 100 ms) as records are handed to C1. C1 crashes 0.5 s into m2; C2 takes over from the committed offset — past m2, which is lost.',
  'before',
  100,
  C1_CRASH_MS,
  [
    {
      name: 'm2 is lost; m0, m1, m3, m4 are processed once; the committed offset ends at 5',
      faults: [],
      assert: [
        { metric: 'groups.g.processed', op: '==', value: 4 },
        { metric: 'groups.g.lost', op: '==', value: 1 },
        { metric: 'groups.g.duplicates', op: '==', value: 0 },
        { metric: 'groups.g.committed.0', op: '==', value: 5 },
      ],
    },
  ],
);

export const c1CommitAfterCrash = c1(
  'c1-commit-after-crash',
  'C1 · Commit after processing, then crash',
  'The same crash, but offsets are committed only after a record is processed: C2 starts at m2 and processes it. Nothing is lost.',
  'after',
  0,
  C1_CRASH_MS,
  [
    {
      name: 'm2 is processed by C2; nothing lost, no duplicate; the committed offset ends at 5',
      faults: [],
      assert: [
        { metric: 'groups.g.processed', op: '==', value: 5 },
        { metric: 'groups.g.lost', op: '==', value: 0 },
        { metric: 'groups.g.duplicates', op: '==', value: 0 },
        { metric: 'groups.g.committed.0', op: '==', value: 5 },
      ],
    },
  ],
);

export const c1CommitAfterDuplicate = c1(
  'c1-commit-after-duplicate',
  'C1 · Crash after processing, before the commit',
  'Commit after processing with auto-commit every second: C1 finishes m2 at 3.02 s and crashes at 3.5 s, before the next commit. C2 processes m2 again: at-least-once means a duplicate.',
  'after',
  1000,
  3500,
  [
    {
      name: 'nothing lost, but m2 is processed twice',
      faults: [],
      assert: [
        { metric: 'groups.g.processed', op: '==', value: 5 },
        { metric: 'groups.g.lost', op: '==', value: 0 },
        { metric: 'groups.g.duplicates', op: '==', value: 1 },
        { metric: 'groups.g.committed.0', op: '==', value: 5 },
      ],
    },
  ],
);

// ─── C4: a poison record blocks its partition ────────────────────────────────

const c4Records: ScriptItem[] = [
  { atMs: 0, key: 'a', label: 'm0', partition: 0 },
  { atMs: 0, key: 'a', label: 'm1', partition: 0, poison: true },
  { atMs: 0, key: 'a', label: 'm2', partition: 0 },
  { atMs: 0, key: 'a', label: 'm3', partition: 0 },
  { atMs: 0, key: 'b', label: 'n0', partition: 1 },
  { atMs: 0, key: 'b', label: 'n1', partition: 1 },
];

function c4(id: string, title: string, summary: string, deadLetter: boolean, expectations: Scenario['expectations']): Scenario {
  const spec = consumer('g', 't', {
    processing: { kind: 'const', ms: 100 },
    retry: deadLetter ? { maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 } : FOREVER,
    ...(deadLetter ? { deadLetterTopic: 't.dlt' } : {}),
  });
  return {
    id,
    title,
    summary,
    lesson: 'Kafka failure cases',
    durationMs: 30_000,
    seed: 1,
    networkMs: 10,
    nodes: [
      producer('producer', 't', 'record'),
      topic('t', 'T', 2, 260, 120),
      consumerService('consumer', 'Consumer', [spec], { x: 560, y: 120 }),
      ...(deadLetter ? [topic('t.dlt', 'T.DLT', 1, 860, 120)] : []),
    ],
    workload: [{ kind: 'script', client: 'producer', items: c4Records }],
    faults: [],
    expectations,
  };
}

export const c4PoisonBlocks = c4(
  'c4-poison-blocks-partition',
  'C4 · A poison record blocks its partition',
  'm1 can never be handled and the consumer retries forever: partition 0 is stuck at offset 1 behind it, m2 and m3 wait for good, while partition 1 carries on.',
  false,
  [
    {
      name: 'partition 0 stuck at committed offset 1 with lag 3; partition 1 committed 2',
      faults: [],
      assert: [
        { metric: 'groups.g.committed.0', op: '==', value: 1 },
        { metric: 'groups.g.committed.1', op: '==', value: 2 },
        { metric: 'groups.g.lag', op: '==', value: 3 },
        { metric: 'groups.g.processedPerPartition.0', op: '==', value: 1 },
        { metric: 'groups.g.processedPerPartition.1', op: '==', value: 2 },
        { metric: 'groups.g.handlerFailures', op: '>=', value: 20 },
        { metric: 'groups.g.deadLettered', op: '==', value: 0 },
      ],
    },
  ],
);

export const c4DeadLetterTopic = c4(
  'c4-dead-letter-topic',
  'C4 · A dead-letter topic frees the partition',
  'After 3 failed attempts m1 is parked on T.DLT and the consumer moves on: m2 and m3 are processed and partition 0 commits 4.',
  true,
  [
    {
      name: 'm1 lands in T.DLT; partition 0 committed 4; m0, m2, m3 processed',
      faults: [],
      assert: [
        { metric: 'groups.g.deadLettered', op: '==', value: 1 },
        { metric: 'topics.t\\.dlt.appended', op: '==', value: 1 },
        { metric: 'groups.g.committed.0', op: '==', value: 4 },
        { metric: 'groups.g.committed.1', op: '==', value: 2 },
        { metric: 'groups.g.processedPerPartition.0', op: '==', value: 3 },
        { metric: 'groups.g.lag', op: '==', value: 0 },
        { metric: 'groups.g.handlerFailures', op: '==', value: 3 },
      ],
    },
  ],
);

// ─── C11: order-canceled handled before order-placed ─────────────────────────

const ORDER_STATES = {
  initial: 'ABSENT',
  transitions: {
    'order-placed': { from: ['ABSENT'], to: 'ACTIVE' },
    'order-canceled': { from: ['ACTIVE'], to: 'CANCELED' },
  },
};

export const c11TwoTopics: Scenario = {
  id: 'c11-cancel-before-place',
  title: 'C11 · order-canceled handled before order-placed',
  summary: 'placed and canceled travel on two topics. The placed consumer is 5 s behind, so the cancel arrives first, finds no order and is dropped: order K stays ACTIVE for good.',
  lesson: 'Kafka failure cases',
  durationMs: 10_000,
  seed: 1,
  networkMs: 10,
  nodes: [
    producer('checkout', 'placed', 'order-placed', 40),
    { kind: 'client', id: 'support', label: 'Support desk', role: 'cancels orders', position: { x: 0, y: 240 }, target: 'canceled', command: 'order-canceled', timeoutMs: 5000, retry: NO_RETRY },
    topic('placed', 'placed', 1, 260, 40),
    topic('canceled', 'canceled', 1, 260, 240),
    consumerService(
      'orders',
      'Order view',
      [
        consumer('orders-placed', 'placed', { processing: { kind: 'const', ms: 5000 } }),
        consumer('orders-canceled', 'canceled', { processing: { kind: 'const', ms: 10 } }),
      ],
      { x: 560, y: 140 },
      { state: ORDER_STATES },
    ),
  ],
  workload: [
    { kind: 'script', client: 'checkout', items: [{ atMs: 0, key: 'K', label: 'K', type: 'order-placed' }] },
    { kind: 'script', client: 'support', items: [{ atMs: 1000, key: 'K', label: 'K', type: 'order-canceled' }] },
  ],
  faults: [],
  expectations: [
    {
      name: 'the cancel is dropped and order K ends ACTIVE (wrong)',
      faults: [],
      assert: [
        { metric: 'state.orders.dropped', op: '==', value: 1 },
        { metric: 'state.orders.ACTIVE', op: '==', value: 1 },
        { metric: 'state.orders.CANCELED', op: '==', value: 0 },
      ],
    },
  ],
};

export const c11KeyedTopic: Scenario = {
  ...c11TwoTopics,
  id: 'c11-keyed-topic',
  title: 'C11 · One topic keyed by order id',
  summary: 'Both events go to one topic keyed by order id, so they share a partition and are consumed in order: the cancel waits behind the slow placed, and K ends CANCELED.',
  nodes: [
    producer('checkout', 'orders-topic', 'order-placed', 40),
    { kind: 'client', id: 'support', label: 'Support desk', role: 'cancels orders', position: { x: 0, y: 240 }, target: 'orders-topic', command: 'order-canceled', timeoutMs: 5000, retry: NO_RETRY },
    topic('orders-topic', 'orders', 3, 260, 140),
    consumerService('orders', 'Order view', [consumer('orders', 'orders-topic', { processing: { kind: 'const', ms: 5000 } })], { x: 560, y: 140 }, { state: ORDER_STATES }),
  ],
  durationMs: 15_000,
  expectations: [
    {
      name: 'order K ends CANCELED, nothing dropped',
      faults: [],
      assert: [
        { metric: 'state.orders.dropped', op: '==', value: 0 },
        { metric: 'state.orders.ACTIVE', op: '==', value: 0 },
        { metric: 'state.orders.CANCELED', op: '==', value: 1 },
        { metric: 'groups.orders.outOfOrder', op: '==', value: 0 },
      ],
    },
  ],
};

export const kafkaCases: Scenario[] = [c1CommitBeforeCrash, c1CommitAfterCrash, c1CommitAfterDuplicate, c4PoisonBlocks, c4DeadLetterTopic, c11TwoTopics, c11KeyedTopic];
