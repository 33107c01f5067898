// Case C7 (shared/cases/README.md): a poison message nacked with requeue goes straight back to the
// head of the queue and is redelivered at once, forever; the message behind it never gets a turn.
// A delivery limit with a dead-letter queue breaks the loop.
import type { ClientSpec, QueueSpec, Scenario, ServiceSpec } from '../engine/types';
import { lesson } from './lessons/lessonNames';

/** Lesson 8: commands on a point-to-point queue, and what a handler's nack does to it. */
const LESSON = lesson(8);

const DURATION_MS = 10_000;

const producer: ClientSpec = {
  kind: 'client',
  id: 'producer',
  label: 'Producer',
  role: 'publishes commands',
  position: { x: 0, y: 120 },
  target: 'q',
  command: 'process',
  timeoutMs: 1000,
  retry: { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 },
};

/** The worker; its handler fails m1 in `processingMs` (1 ms: the loop of the case; longer: a loop one can watch). */
function worker(processingMs = 1): ServiceSpec {
  return {
    kind: 'service',
    id: 'worker',
    label: 'Worker',
    role: 'competing consumer · prefetch 1',
    position: { x: 560, y: 0 },
    workers: 1,
    queueLimit: 0,
    endpoints: [],
    consumers: [],
    queueConsumers: [
      {
        queue: 'q',
        instances: 1,
        prefetch: 1,
        processing: { kind: 'const', ms: processingMs },
        errorRate: 0,
        // The handler's failure is not transient, but it asks for a requeue all the same.
        onFailure: 'requeue',
        emits: [],
      },
    ],
  };
}

function queue(extra: Partial<QueueSpec>): QueueSpec {
  return { kind: 'queue', id: 'q', label: 'Q', role: 'command queue', position: { x: 280, y: 120 }, ...extra };
}

const common = {
  lesson: LESSON.en,
  minutes: 2,
  durationMs: DURATION_MS,
  seed: 7,
  // No network latency: the nack → requeue → redeliver loop spins once per millisecond of handling.
  networkMs: 0,
  workload: [
    {
      kind: 'script' as const,
      client: 'producer',
      // Published in this order at t = 0: m1 is at the head of the queue, m2 behind it.
      items: [
        { atMs: 0, key: 'm1', label: 'm1', poison: true },
        { atMs: 0, key: 'm2', label: 'm2' },
      ],
    },
  ],
  faults: [],
};

export const c7NackRequeueLoop: Scenario = {
  ...common,
  id: 'c7-nack-requeue-loop',
  title: 'A poison message nacked with requeue blocks the queue',
  summary:
    'The worker fails m1 every time and nacks it with requeue. A classic queue puts m1 back in its place, at the head of Q, and redelivers it at once, ' +
    'about once per millisecond of handling, for ever; with prefetch 1 the worker never gets m2. Q keeps holding 2 messages. ' +
    '(Quorum queues differ: without a delivery limit they return a nacked message to the back of the queue, and since RabbitMQ 4 they have a delivery limit of 20 by default.)',
  compareWith: 'c7-delivery-limit-dlq',
  nodes: [producer, queue({}), worker()],
  steps: [
    {
      title: 'A poison message at the head',
      text: 'Q holds m1, then m2. The worker takes one message at a time (prefetch 1). Handling m1 always fails, in 1 ms, and the worker nacks it with requeue: “put it back, try again”.',
      highlight: ['q', 'worker', 'q->worker'],
      atMs: 2,
    },
    {
      title: 'Straight back to the head',
      text: 'A classic queue puts a requeued message back in its original place — here the head of the queue — so m1 is redelivered at once, about once per millisecond: some 5,000 deliveries by 5 s. With prefetch 1 the worker never gets to m2.',
      highlight: ['q->worker', 'q'],
      atMs: 5000,
      question: {
        prompt: 'm1 is nacked with requeue. Where does it go, and what happens to m2?',
        choices: ['m1 goes to the back; m2 is handled next', 'm1 goes back to the head and is redelivered at once; m2 waits', 'm1 is dropped; m2 is handled'],
        answer: 1,
        explanation: 'In a classic queue a requeued message keeps its place at the head. A handler that can never succeed turns nack-and-requeue into a busy loop.',
      },
    },
    {
      title: '10,000 deliveries, no progress',
      text: 'After 10 s: m1 delivered about 10,000 times, m2 never, not one ack. Q holds 2 messages throughout (1 ready, 1 unacked). Requeueing is for transient failures; a poison message needs a limit and a dead-letter queue.',
      highlight: ['q', 'worker'],
      atMs: 9999,
    },
  ],
  expectations: [
    {
      // 1 ms of handling and no network delay: one delivery per virtual ms over 10 s, t = 0 … 10,000
      // inclusive — 10,001 at most. 9,000 leaves room for a slower loop without hiding a stopped one.
      name: 'm1 is redelivered about once per millisecond, about 10,000 times',
      faults: [],
      assert: [
        { metric: 'queues.q.deliveries.m1', op: '>=', value: 9000 },
        { metric: 'queues.q.deliveries.m1', op: '<=', value: 10_001 },
        { metric: 'queues.q.maxDeliveries', op: '>=', value: 9000 },
      ],
    },
    {
      name: 'm2 is never delivered and nothing is ever acked',
      faults: [],
      assert: [
        { metric: 'queues.q.deliveries.m2', op: '==', value: 0 },
        { metric: 'queues.q.acked', op: '==', value: 0 },
        { metric: 'queues.q.deadLettered', op: '==', value: 0 },
      ],
    },
    {
      // depth = ready + unacked, RabbitMQ's "messages": m2 ready, m1 unacked (or ready for an instant).
      name: 'the queue holds 2 messages throughout (ready + unacked)',
      faults: [],
      assert: [
        { metric: 'queues.q.depth', op: '==', value: 2 },
        { metric: 'queues.q.maxDepth', op: '==', value: 2 },
        { metric: 'queues.q.ready', op: '==', value: 1 },
        { metric: 'queues.q.unacked', op: '==', value: 1 },
      ],
    },
    {
      name: 'by 5 s m1 has been delivered about 5,000 times and m2 never',
      faults: [],
      untilMs: 5000,
      assert: [
        { metric: 'queues.q.deliveries.m1', op: '>=', value: 4500 },
        { metric: 'queues.q.deliveries.m1', op: '<=', value: 5001 },
        { metric: 'queues.q.deliveries.m2', op: '==', value: 0 },
      ],
    },
  ],
};

export const c7DeliveryLimitDlq: Scenario = {
  ...common,
  id: 'c7-delivery-limit-dlq',
  title: 'A delivery limit sends the poison message to a dead-letter queue',
  summary:
    'The same poison m1, but Q (a quorum queue) has a delivery limit of 5 and a dead-letter queue: m1 may be returned 5 times; when its sixth delivery fails too it is ' +
    'dead-lettered to q-dlq instead of requeued, and the worker handles m2. Q ends empty; the dead-letter queue holds m1 for a person to look at.',
  compareWith: 'c7-nack-requeue-loop',
  // Slow enough to watch every redelivery (the outcome does not depend on it): 400 ms of handling,
  // 50 ms a hop, so each failed delivery takes half a second.
  networkMs: 50,
  nodes: [
    producer,
    queue({ deliveryLimit: 5, deadLetterQueue: 'q-dlq' }),
    worker(400),
    { kind: 'queue', id: 'q-dlq', label: 'Q dead letters', role: 'dead-letter queue', position: { x: 560, y: 240 } },
  ],
  steps: [
    {
      title: 'The same poison, with a limit',
      text: 'The same m1 and m2, the same failing handler that nacks with requeue — slowed down to 400 ms so each redelivery can be watched. This time Q is a quorum queue with a delivery limit of 5 and a dead-letter queue, q-dlq: a message returned more than 5 times is dead-lettered.',
      highlight: ['q', 'q-dlq'],
      atMs: 100,
    },
    {
      title: 'Dead-lettered, and the queue moves on',
      text: 'm1 is delivered, fails and is returned, every half second. After 5 returns its sixth delivery fails too: over the limit, it is not requeued but dead-lettered to q-dlq (at 3.05 s); m2 is delivered next and acked at 3.55 s.',
      highlight: ['q->q-dlq', 'q->worker'],
      atMs: 3600,
      question: {
        prompt: 'm1 has been returned 5 times, and 5 is the delivery limit. Its sixth delivery fails. What happens?',
        choices: ['It is requeued once more', 'It goes to q-dlq and m2 is handled', 'The queue stops'],
        answer: 1,
        explanation: 'The delivery limit turns an endless loop into a bounded one: once a message has been returned more than N times it is set aside on the dead-letter queue.',
      },
    },
    {
      title: 'Empty queue, one dead letter',
      text: 'Q ends empty; q-dlq holds m1 for a person to look at. m1 was delivered exactly 6 times (the first delivery and 5 redeliveries), m2 once.',
      highlight: ['q-dlq'],
      atMs: 9999,
    },
  ],
  expectations: [
    {
      name: 'm1 is delivered 6 times (returned 5 times, the limit), then dead-lettered; m2 is acked',
      faults: [],
      assert: [
        { metric: 'queues.q.deliveries.m1', op: '==', value: 6 },
        { metric: 'queues.q.deadLettered', op: '==', value: 1 },
        { metric: 'queues.q.deliveries.m2', op: '==', value: 1 },
        { metric: 'queues.q.acked', op: '==', value: 1 },
      ],
    },
    {
      name: 'Q ends empty and the dead-letter queue holds 1 message',
      faults: [],
      assert: [
        { metric: 'queues.q.depth', op: '==', value: 0 },
        { metric: 'queues.q-dlq.depth', op: '==', value: 1 },
        { metric: 'queues.q.dropped', op: '==', value: 0 },
      ],
    },
    {
      name: 'by 3.6 s m1 is dead-lettered and m2 acked',
      faults: [],
      untilMs: 3600,
      assert: [
        { metric: 'queues.q.deadLettered', op: '==', value: 1 },
        { metric: 'queues.q.acked', op: '==', value: 1 },
      ],
    },
  ],
};

export const c7Scenarios: Scenario[] = [c7NackRequeueLoop, c7DeliveryLimitDlq];
