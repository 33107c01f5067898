// Lesson 8 (MISSION §5): a command whose processing is slow is split. Checkout does the quick
// checks at once, puts the rest on a point-to-point queue and answers 202 Accepted; competing
// workers (our own code: still coupled) finish it and publish the outcome event, which tells the
// shopper later. Each queued message goes to exactly one worker. Case C7 (c7NackRequeueLoop.ts)
// finishes the lesson: what a handler that nacks with requeue does to a queue.
import type { Scenario, ServiceSpec } from '../../engine/types';
import { c7DeliveryLimitDlq, c7NackRequeueLoop } from '../c7NackRequeueLoop';
import { lesson } from './lessonNames';
import { around, client, consumer, endpoint, ms, poisson, queue, service, topic } from './parts';

const LESSON = lesson(8);

/** One of three competing consumers: our own code, charging one card at a time (prefetch 1). */
function worker(id: string, y: number): ServiceSpec {
  return service(id, `Payment worker ${id.slice(-1)}`, 'competing consumer · prefetch 1', { x: 630, y }, {
    workers: 1,
    queueConsumers: [
      { queue: 'payment-jobs', instances: 1, prefetch: 1, processing: around(1200), errorRate: 0, onFailure: 'requeue', emits: [{ topic: 'payment-outcomes', eventType: 'payment-completed' }] },
    ],
  });
}

export const asyncCommandQueue: Scenario = {
  id: 'async-command-queue',
  title: 'An accepted command, finished by competing workers',
  summary: 'Checkout validates place-order, enqueues charge-card on a point-to-point queue and answers 202 at once. Three payment workers compete for the messages, each handled by exactly one of them, and publish payment-completed; Notifications tells the shopper the outcome.',
  lesson: LESSON.en,
  minutes: 4,
  steps: [
    {
      title: 'Quick checks, then 202',
      text: 'Checkout validates place-order in 50 ms — an invalid one gets 422 at once and is never queued — then enqueues a charge-card message on payment-jobs and answers 202 Accepted: the command is accepted, not done. Every answer arrives in under 0.5 s.',
      highlight: ['checkout', 'checkout->payment-jobs', 'shoppers->checkout'],
      atMs: 5000,
    },
    {
      title: 'Competing workers',
      text: 'Three payment workers consume payment-jobs, one message at a time each (prefetch 1), and the broker gives each message to exactly one of them. Charging a card takes about 1.2 s, so when orders bunch up, messages wait in the queue.',
      highlight: ['payment-jobs', 'worker-1', 'worker-2', 'worker-3'],
      atMs: 15_000,
      question: {
        prompt: 'Three workers consume the same queue. How many of them handle a given charge-card message?',
        choices: ['All three', 'Exactly one', 'One, and the others check its work'],
        answer: 1,
        explanation: 'A point-to-point queue hands each message to one consumer: the workers compete for messages and share the work.',
      },
    },
    {
      title: 'The later outcome',
      text: 'When a worker has charged the card it acks the message and publishes payment-completed to payment-outcomes; Notifications consumes it and tells the shopper. The shopper got 202 long before, so the shop must show the outcome later — an email, an order status page.',
      highlight: ['payment-outcomes', 'notifications', 'payment-outcomes->notifications'],
      atMs: 25_000,
    },
    {
      title: 'A worker crashes mid-message',
      text: 'At 30 s worker 2 crashes halfway through a charge. Its channel closes and the broker puts the unacked message back in the queue; it is delivered again (redelivered) to a worker that is up, and completed. Until the crash, no message had been delivered twice.',
      highlight: ['worker-2', 'payment-jobs'],
      atMs: 34_000,
      question: {
        prompt: 'Worker 2 dies halfway through a message it has not acked. What happens to that message?',
        choices: ['It is lost', 'The broker requeues it and delivers it again', 'It goes to the dead-letter queue'],
        answer: 1,
        explanation: 'The broker keeps a delivered message until it is acked; a closed channel returns its unacked messages to the queue. That is at-least-once delivery, so handlers should be idempotent.',
      },
    },
    {
      title: 'Done once each — and still coupled',
      text: 'In the end every accepted order has exactly one payment-completed event and Notifications handled each; the queue is empty. But the workers are our own code, doing our command on a queue we chose for them: this is a command made asynchronous, still coupled — not an event anyone may subscribe to.',
      highlight: ['payment-jobs', 'payment-outcomes'],
      atMs: 59_000,
    },
  ],
  durationMs: 60_000,
  seed: 8,
  networkMs: 100,
  nodes: [
    client('shoppers', 'Shoppers', 'place orders', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'quick checks, then 202', { x: 210, y: 170 }, {
      endpoints: [
        endpoint('place-order', [{ kind: 'enqueue', queue: 'payment-jobs', messageType: 'charge-card', timeoutMs: 2000, retry: { maxAttempts: 3, backoffMs: 200, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 } }], {
          processing: ms(50),
          successStatus: 202,
        }),
      ],
    }),
    queue('payment-jobs', { x: 420, y: 150 }),
    worker('worker-1', 20),
    worker('worker-2', 170),
    worker('worker-3', 320),
    topic('payment-outcomes', { x: 860, y: 60 }, 1),
    service('notifications', 'Notifications', 'tells the shopper', { x: 860, y: 300 }, { consumers: [consumer('notifications', 'payment-outcomes')] }),
  ],
  workload: [poisson('shoppers', 2, 45_000, 0.1)],
  // Worker 2 crashes in the middle of the first message it takes after 30 s.
  faults: [{ target: 'worker-2', kind: 'crash', fromMs: 30_000, restartMs: 3000 }],
  expectations: [
    {
      name: 'Checkout answers 202 in under 0.5 s; invalid orders get 422 and are never queued',
      faults: [],
      assert: [
        { metric: 'clients.shoppers.p99LatencyMs', op: '<', value: 500 },
        { metric: 'checkout.rejected', op: '>', value: 0 },
        { metric: 'queues.payment-jobs.enqueued', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
      ],
    },
    {
      name: 'when orders bunch up, messages wait in the queue',
      faults: [],
      assert: [{ metric: 'queues.payment-jobs.maxDepth', op: '>', value: 2 }],
    },
    {
      name: 'until the crash, every message is delivered once, to one worker',
      faults: [],
      untilMs: 29_900,
      assert: [
        { metric: 'queues.payment-jobs.redelivered', op: '==', value: 0 },
        { metric: 'queues.payment-jobs.maxDeliveries', op: '==', value: 1 },
      ],
    },
    {
      name: 'worker 2 crashes mid-message: the broker requeues it and it is delivered again and completed',
      faults: [],
      assert: [
        { metric: 'queues.payment-jobs.returned', op: '==', value: 1 },
        { metric: 'queues.payment-jobs.redelivered', op: '==', value: 1 },
        { metric: 'queues.payment-jobs.acked', op: '==', other: { metric: 'queues.payment-jobs.enqueued', factor: 1 } },
        { metric: 'queues.payment-jobs.depth', op: '==', value: 0 },
      ],
    },
    {
      name: 'one payment-completed per accepted order, and Notifications handles each',
      faults: [],
      assert: [
        { metric: 'topics.payment-outcomes.appended', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
        { metric: 'groups.notifications.processed', op: '==', other: { metric: 'topics.payment-outcomes.appended', factor: 1 } },
      ],
    },
  ],
};

export const lesson08: Scenario[] = [asyncCommandQueue, c7NackRequeueLoop, c7DeliveryLimitDlq];
