// Lesson 9 (MISSION §6, "when to emit"): an event is published when something of business
// significance happened — and a failed command can be such a thing. Checkout publishes its
// rejections as order-failed events, which Analytics consumes for audit; the successful orders go
// to Fulfillment as order-placed, as before.
import type { Scenario } from '../../engine/types';
import { lesson } from './lessonNames';
import { client, consumer, endpoint, poisson, publish, service, topic } from './parts';

const LESSON = lesson(9);

export const publishFailedCommands: Scenario = {
  id: 'publish-failed-commands',
  title: 'Failed commands published for audit',
  summary: 'Checkout publishes order-placed for each accepted order and order-failed for each rejected one. Fulfillment sees only real orders; Analytics counts every failure, and with a technical fault the 500s are published too.',
  lesson: LESSON.en,
  minutes: 3,
  steps: [
    {
      title: 'Success and failure, both facts',
      text: 'Each place-order either succeeds — Checkout publishes order-placed to online-orders — or fails validation (about 1 in 5 here) and gets 422. That failure happened too, and the business wants to know: Checkout publishes it as order-failed to order-failures.',
      highlight: ['checkout', 'checkout->online-orders', 'order-failures'],
      atMs: 5000,
    },
    {
      title: 'Each consumer picks its facts',
      text: 'Fulfillment consumes online-orders: every accepted order and no rejected one. Analytics consumes order-failures: exactly one event per rejection, to audit them or to notice, say, a broken payment form.',
      highlight: ['online-orders->fulfillment', 'order-failures->analytics'],
      atMs: 30_000,
      question: {
        prompt: 'Which orders reach Fulfillment?',
        choices: ['Every order, failed or not', 'Only the accepted ones', 'Only the failed ones, to follow up'],
        answer: 1,
        explanation: 'A failed command is published on its own topic as a different event type. Fulfillment only subscribes to what it must act on.',
      },
    },
    {
      title: 'Technical failures too',
      text: 'Try it: make Checkout fail 30% of its attempts (Error) from 20 s to 40 s. The 500s are published as order-failed as well, so order-failures then holds more events than there were rejections; Fulfillment still sees only the accepted orders.',
      highlight: ['checkout', 'order-failures', 'analytics'],
      atMs: 58_000,
    },
  ],
  durationMs: 60_000,
  seed: 9,
  networkMs: 100,
  nodes: [
    client('shoppers', 'Shoppers', 'place orders, some invalid', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'publishes successes and failures', { x: 260, y: 170 }, {
      endpoints: [endpoint('place-order', [publish('online-orders', 'order-placed')], { publishFailures: { topic: 'order-failures', eventType: 'order-failed' } })],
    }),
    topic('online-orders', { x: 540, y: 40 }, 3),
    topic('order-failures', { x: 540, y: 300 }, 1),
    service('fulfillment', 'Order Fulfillment', 'ships accepted orders', { x: 820, y: 40 }, { consumers: [consumer('fulfillment', 'online-orders')] }),
    service('analytics', 'Analytics', 'audits failed orders', { x: 820, y: 300 }, { consumers: [consumer('analytics', 'order-failures')] }),
  ],
  workload: [poisson('shoppers', 2, 56_000, 0.2)],
  faults: [],
  expectations: [
    {
      name: 'every rejected order becomes one order-failed event; Analytics processes each',
      faults: [],
      assert: [
        { metric: 'checkout.rejected', op: '>', value: 5 },
        { metric: 'topics.order-failures.appended', op: '==', other: { metric: 'checkout.rejected', factor: 1 } },
        { metric: 'groups.analytics.processed', op: '==', other: { metric: 'topics.order-failures.appended', factor: 1 } },
      ],
    },
    {
      name: 'Fulfillment sees only the accepted orders',
      faults: [],
      assert: [
        { metric: 'topics.online-orders.appended', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
        { metric: 'groups.fulfillment.processed', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
      ],
    },
    {
      name: 'with Checkout failing 30% of attempts from 20 s to 40 s, the 500s are published too',
      faults: [{ target: 'checkout', kind: 'error', rate: 0.3, fromMs: 20_000, untilMs: 40_000 }],
      assert: [
        { metric: 'checkout.failed', op: '>', value: 0 },
        { metric: 'topics.order-failures.appended', op: '>', other: { metric: 'checkout.rejected', factor: 1 } },
        { metric: 'groups.analytics.processed', op: '==', other: { metric: 'topics.order-failures.appended', factor: 1 } },
        { metric: 'groups.fulfillment.processed', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
      ],
    },
  ],
};

export const lesson09: Scenario[] = [publishFailedCommands];
