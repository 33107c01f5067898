// Real failures reported by people who run Kafka (shared/cases/README.md), as scenarios whose
// expectations assert the right outcome exactly. Each is a kind of fault, modelled in the engine:
// commit timing vs crashes (C1), head-of-line blocking by a poison record (C4), and ordering across
// topics (C11).
import type { ConsumerSpec, NodeSpec, RetryPolicy, Scenario, ScriptItem, ServiceSpec } from '../engine/types';
import { lesson } from './lessons/lessonNames';

/** The guided story of a case: its steps, their translation, and how long it takes to work through. */
type Story = Required<Pick<Scenario, 'minutes' | 'steps'>>;
/** C1 and C4 teach lesson 4 (an event handler must not lose events); C11 teaches lesson 3 (ordering). */
const LESSON_4 = lesson(4);
const LESSON_3 = lesson(3);

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

function c1(id: string, title: string, summary: string, commit: ConsumerSpec['commit'], autoCommitIntervalMs: number, crashMs: number, expectations: Scenario['expectations'], story: Story): Scenario {
  const spec = (): ConsumerSpec => consumer('g', 't', { commit, autoCommitIntervalMs });
  return {
    id,
    title,
    summary,
    lesson: LESSON_4.en,
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
    ...story,
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
    {
      name: 'at 2.1 s the committed offset is already 3, though only m0 and m1 are processed',
      faults: [],
      untilMs: 2100,
      assert: [
        { metric: 'groups.g.committed.0', op: '==', value: 3 },
        { metric: 'groups.g.processed', op: '==', value: 2 },
      ],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'Committed on hand-over',
        text: 'Five records, m0 to m4, are written to partition 0 of T at 10 ms. C1 owns the partition; C2 is a standby in the same consumer group. Offsets are auto-committed every 100 ms as soon as a record is handed to the handler — before it is processed. At 2.1 s the committed offset is already 3, while m2 has just begun its 1 s of processing.',
        highlight: ['t', 'c1', 't->c1'],
        atMs: 2100,
      },
      {
        title: 'C1 crashes in the middle of m2',
        text: 'At 2.52 s C1 crashes halfway through m2. The group’s committed offset says m2 is done; it is not — and with C1 gone nobody has m2 in hand any more, so the lab marks it lost at once. C1’s session times out at 3.52 s; at 3.62 s the group gives partition 0 to C2.',
        highlight: ['c1'],
        atMs: 3700,
        question: {
          prompt: 'The committed offset is 3 and m2 (offset 2) was not finished. Where will C2 start reading?',
          choices: ['At m2, offset 2', 'At m3, offset 3', 'At m0, from the beginning'],
          answer: 1,
          explanation: 'A new owner of a partition starts at the group’s committed offset. It knows nothing about what C1 had in hand.',
        },
      },
      {
        title: 'C2 takes over, past m2',
        text: 'After C1’s session timeout (1 s) the group rebalances and C2 gets partition 0. It resumes at the committed offset, 3, and processes m3 and m4. m2 was never processed and never will be: lost. Committing before processing is at-most-once delivery. (Kafka’s Java client with enable.auto.commit commits inside poll(), so a loop that processes each batch before polling again is at-least-once; the loss shown here happens when records are handed to other threads and their offsets committed on hand-over.)',
        highlight: ['c2', 't->c2'],
        atMs: 5700,
      },
    ],
  },
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
    {
      name: 'at 2.1 s the committed offset is 2: m0 and m1 are done, m2 is in progress',
      faults: [],
      untilMs: 2100,
      assert: [
        { metric: 'groups.g.committed.0', op: '==', value: 2 },
        { metric: 'groups.g.processed', op: '==', value: 2 },
      ],
    },
    {
      name: 'by 4.7 s C2 has processed m2',
      faults: [],
      untilMs: 4700,
      assert: [{ metric: 'groups.g.processed', op: '==', value: 3 }],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'Committed after processing',
        text: 'The same records and the same crash, but each offset is committed only after its record has been processed. At 2.1 s the committed offset is 2: m0 and m1 are done, m2 is in progress.',
        highlight: ['t', 'c1', 't->c1'],
        atMs: 2100,
      },
      {
        title: 'C2 starts at m2',
        text: 'C1 crashes at 2.52 s, halfway through m2. After the rebalance C2 starts at the committed offset, 2 — which is m2 — and has processed it by 4.7 s.',
        highlight: ['c2', 't->c2'],
        atMs: 4700,
        question: {
          prompt: 'C1 crashes in the middle of m2; the committed offset is 2. Where does C2 start?',
          choices: ['At m2, offset 2', 'At m3, offset 3', 'At m0, offset 0'],
          answer: 0,
          explanation: 'm2 was never committed, so for the group it is still to do: the new owner reads it again.',
        },
      },
      {
        title: 'Nothing lost',
        text: 'm3 and m4 follow and the committed offset ends at 5: every record processed, none lost, and — this time — none twice. Committing after processing is at-least-once delivery.',
        highlight: ['c2'],
        atMs: 6700,
      },
    ],
  },
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
    {
      name: 'at 3.1 s m2 is processed but its offset not yet committed',
      faults: [],
      untilMs: 3100,
      assert: [
        { metric: 'groups.g.processed', op: '==', value: 3 },
        { metric: 'groups.g.committed.0', op: '==', value: 2 },
      ],
    },
    {
      name: 'by 5.7 s C2 has processed m2 a second time',
      faults: [],
      untilMs: 5700,
      assert: [{ metric: 'groups.g.duplicates', op: '==', value: 1 }],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'Processed, not yet committed',
        text: 'Offsets are committed after processing, but only by a timer, once a second. C1 finishes m2 at 3.02 s; at 3.1 s m2 is processed but the committed offset is still 2 — the commit of 3 would come at the next tick, at 4 s.',
        highlight: ['t', 'c1'],
        atMs: 3100,
      },
      {
        title: 'C1 crashes before the commit',
        text: 'C1 crashes at 3.5 s. After the rebalance C2 starts at the committed offset, 2, and processes m2 a second time (by 5.7 s). Nothing is lost, but m2’s effect is applied twice.',
        highlight: ['c2', 't->c2'],
        atMs: 5700,
        question: {
          prompt: 'C1 processed m2 but crashed before committing it. What does C2 do with m2?',
          choices: ['Skips it: it was processed', 'Processes it again', 'Sends it to a dead-letter topic'],
          answer: 1,
          explanation: 'The group only knows the committed offset, 2. From its point of view m2 still has to be processed.',
        },
      },
      {
        title: 'At-least-once means duplicates',
        text: 'The committed offset ends at 5: all five records processed, m2 twice. Committing after processing never loses a record but can repeat one, so a consumer must tolerate duplicates — for instance by remembering the ids of the events it has processed.',
        highlight: ['c2'],
        atMs: 8700,
      },
    ],
  },
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

function c4(id: string, title: string, summary: string, deadLetter: boolean, expectations: Scenario['expectations'], story: Story): Scenario {
  const spec = consumer('g', 't', {
    processing: { kind: 'const', ms: 100 },
    retry: deadLetter ? { maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 } : FOREVER,
    ...(deadLetter ? { deadLetterTopic: 't.dlt' } : {}),
  });
  return {
    id,
    title,
    summary,
    lesson: LESSON_4.en,
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
    ...story,
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
    {
      name: 'by 0.5 s m0, n0 and n1 are done and m1 has failed',
      faults: [],
      untilMs: 500,
      assert: [
        { metric: 'groups.g.processedPerPartition.0', op: '==', value: 1 },
        { metric: 'groups.g.committed.1', op: '==', value: 2 },
        { metric: 'groups.g.handlerFailures', op: '>=', value: 1 },
      ],
    },
    {
      name: 'at 15 s partition 0 is still stuck at offset 1, after more than 10 attempts at m1',
      faults: [],
      untilMs: 15_000,
      assert: [
        { metric: 'groups.g.committed.0', op: '==', value: 1 },
        { metric: 'groups.g.processedPerPartition.0', op: '==', value: 1 },
        { metric: 'groups.g.handlerFailures', op: '>', value: 10 },
      ],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'A record that can never be handled',
        text: 'At 10 ms m0 to m3 are written to partition 0 and n0, n1 to partition 1. m0 is processed; m1 is poison: every attempt to handle it fails. The consumer retries it with a growing backoff (up to 1 s), and forever. Meanwhile partition 1 is done: n0 and n1, committed offset 2.',
        highlight: ['t', 'consumer', 't->consumer'],
        atMs: 500,
      },
      {
        title: 'The partition is stuck',
        text: 'At 15 s, partition 0’s committed offset is still 1 and m2, m3 wait behind m1, because a partition is consumed in order. m1 has failed more than 10 times.',
        highlight: ['consumer', 't'],
        atMs: 15_000,
        question: {
          prompt: 'The consumer retries m1 forever. What happens to m2 and m3 behind it?',
          choices: ['They are processed meanwhile', 'They wait behind m1', 'They are skipped'],
          answer: 1,
          explanation: 'Within a partition, order is the guarantee: the consumer cannot commit past m1 without giving it up.',
        },
      },
      {
        title: 'Lag that never shrinks',
        text: 'At the end of the run: lag 3 (m1, m2, m3), m1 has failed 20 times or more, nothing dead-lettered. Retrying is right for a transient failure; for a poison record it blocks the partition for good. Next: a dead-letter topic.',
        highlight: ['consumer'],
        atMs: 29_900,
      },
    ],
  },
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
    {
      name: 'at 0.5 s partition 1 is done and m1 has failed once',
      faults: [],
      untilMs: 500,
      assert: [
        { metric: 'groups.g.committed.1', op: '==', value: 2 },
        { metric: 'groups.g.handlerFailures', op: '==', value: 1 },
      ],
    },
    {
      name: 'by 1.1 s m1 is on T.DLT and partition 0 has committed 4',
      faults: [],
      untilMs: 1100,
      assert: [
        { metric: 'groups.g.deadLettered', op: '==', value: 1 },
        { metric: 'groups.g.committed.0', op: '==', value: 4 },
      ],
    },
  ],
  {
    minutes: 2,
    steps: [
      {
        title: 'Three attempts, no more',
        text: 'The same poison m1, but this consumer gives up after 3 failed attempts. At 0.5 s partition 1 is done (n0, n1) and m1 has failed once.',
        highlight: ['consumer', 't->consumer'],
        atMs: 500,
      },
      {
        title: 'Parked on a dead-letter topic',
        text: 'After its third failure, at 0.82 s, the consumer copies m1 to the dead-letter topic T.DLT and commits past it. m2 and m3 follow at once: by 1.1 s partition 0’s committed offset is 4.',
        highlight: ['consumer->t.dlt', 't.dlt'],
        atMs: 1100,
        question: {
          prompt: 'm1 fails for the third time. What happens to it?',
          choices: ['It is deleted', 'It is copied to T.DLT and the partition moves on', 'It keeps blocking the partition'],
          answer: 1,
          explanation: 'An event cannot be rejected, but it can be set aside: the dead-letter topic keeps it for later, and the partition is free again.',
        },
      },
      {
        title: 'Set aside, not lost',
        text: 'm0, m2 and m3 processed, lag 0, exactly 3 failed attempts. m1 is not dropped: it waits on T.DLT for a person — or a fixed handler — to deal with it, and the partition never stalled for long.',
        highlight: ['t.dlt', 'consumer'],
        atMs: 29_000,
      },
    ],
  },
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
  lesson: LESSON_3.en,
  minutes: 3,
  compareWith: 'c11-keyed-topic',
  steps: [
    {
      title: 'Two topics, two speeds',
      text: 'Checkout publishes order-placed K to the topic placed at 0 s; at 1 s the support desk publishes order-canceled K to another topic, canceled. The Order view consumes both, with one consumer group per topic. Handling an order-placed takes it 5 s.',
      highlight: ['placed', 'canceled', 'orders'],
      atMs: 500,
    },
    {
      title: 'The cancel arrives first',
      text: 'order-canceled K is handled at 1.03 s, while order-placed K is still being processed. The Order view has no order K yet (ABSENT), so the cancel cannot apply: it is dropped.',
      highlight: ['canceled->orders', 'orders'],
      atMs: 1100,
      question: {
        prompt: 'order-canceled K reaches the Order view before order-placed K has been applied. What happens to it?',
        choices: ['It waits for order-placed K', 'It is applied: K becomes CANCELED', 'It is dropped: there is no order K yet'],
        answer: 2,
        explanation: 'Two topics (or two partitions) have no order between them: each consumer group moves at its own pace, and a state machine cannot cancel what does not exist yet.',
      },
    },
    {
      title: 'A canceled order comes back to life',
      text: 'At about 5 s order-placed K is finally applied: K becomes ACTIVE — and stays ACTIVE for good, although the customer canceled it. The state is corrupt, and nothing failed loudly.',
      highlight: ['placed->orders', 'orders'],
      atMs: 5100,
    },
  ],
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
    {
      name: 'at 1.1 s the cancel has been dropped and K does not exist yet',
      faults: [],
      untilMs: 1100,
      assert: [
        { metric: 'state.orders.dropped', op: '==', value: 1 },
        { metric: 'state.orders.ACTIVE', op: '==', value: 0 },
      ],
    },
  ],
};

export const c11KeyedTopic: Scenario = {
  ...c11TwoTopics,
  id: 'c11-keyed-topic',
  title: 'C11 · One topic keyed by order id',
  summary: 'Both events go to one topic keyed by order id, so they share a partition and are consumed in order: the cancel waits behind the slow placed, and K ends CANCELED.',
  compareWith: 'c11-cancel-before-place',
  steps: [
    {
      title: 'One topic, keyed by order id',
      text: 'Now both events go to one topic, orders, with the order id as the key. Same key, same partition: order-placed K is at offset 0 and order-canceled K at offset 1 of partition 1, in the order they were published.',
      highlight: ['orders-topic', 'checkout->orders-topic', 'support->orders-topic'],
      atMs: 1100,
    },
    {
      title: 'The cancel waits its turn',
      text: 'The consumer handles a partition in offset order, so order-canceled K waits behind the slow order-placed K. At about 5 s K becomes ACTIVE; the cancel has not been touched yet.',
      highlight: ['orders-topic->orders', 'orders'],
      atMs: 5100,
      question: {
        prompt: 'order-canceled K was published at 1 s; order-placed K takes 5 s to handle. When is the cancel handled?',
        choices: ['At once, at about 1 s', 'After order-placed K, in offset order', 'Never'],
        answer: 1,
        explanation: 'Within a partition records are consumed in offset order: the cancel cannot overtake the order it cancels.',
      },
    },
    {
      title: 'CANCELED, as it should be',
      text: 'At about 10 s the cancel is applied: K is CANCELED, nothing dropped, nothing out of order. Kafka keeps order per partition only — so everything that must stay in order has to share a key.',
      highlight: ['orders'],
      atMs: 10_100,
    },
  ],
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
    {
      name: "both of K's events are in one partition: offsets 0 and 1",
      faults: [],
      assert: [{ metric: 'topics.orders-topic.partitions.1.logEnd', op: '==', value: 2 }],
    },
    {
      name: 'at about 5 s K is ACTIVE and the cancel is still waiting',
      faults: [],
      untilMs: 5100,
      assert: [
        { metric: 'state.orders.ACTIVE', op: '==', value: 1 },
        { metric: 'state.orders.CANCELED', op: '==', value: 0 },
        { metric: 'groups.orders.lag', op: '==', value: 1 },
      ],
    },
  ],
};

export const kafkaCases: Scenario[] = [c1CommitBeforeCrash, c1CommitAfterCrash, c1CommitAfterDuplicate, c4PoisonBlocks, c4DeadLetterTopic, c11TwoTopics, c11KeyedTopic];
