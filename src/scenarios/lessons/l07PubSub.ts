// Lesson 7 (MISSION §3–5): publish/subscribe. Checkout publishes order-placed and does not know
// who consumes it: zero, one or twenty consumer groups, and Checkout's answers are the very same.
// Each group gets every event and keeps its own offsets; a group that cannot keep up scales out by
// adding instances (up to one per partition).
import type { ConsumerSpec, Scenario } from '../../engine/types';
import { lesson } from './lessonNames';
import { client, consumer, endpoint, ms, poisson, publish, service, topic } from './parts';

const LESSON = lesson(7);
const DURATION_MS = 60_000;

const TEAMS = ['loyalty', 'fraud', 'email', 'search', 'recommendations', 'invoicing', 'tax', 'warehouse', 'returns', 'reviews', 'ads', 'finance', 'support', 'crm', 'forecasting', 'pricing', 'audit'];

function shop(extra: Scenario['nodes']): Scenario['nodes'] {
  return [
    client('shoppers', 'Shoppers', 'place orders', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'publishes order-placed', { x: 220, y: 170 }, { endpoints: [endpoint('place-order', [publish('online-orders', 'order-placed')])] }),
    topic('online-orders', { x: 440, y: 150 }, 1),
    ...extra,
  ];
}

const fulfillment = service('fulfillment', 'Order Fulfillment', 'consumer group fulfillment', { x: 680, y: 0 }, { consumers: [consumer('fulfillment', 'online-orders')] });

const common = {
  lesson: LESSON.en,
  durationMs: DURATION_MS,
  seed: 7,
  networkMs: 100,
  workload: [poisson('shoppers', 2, DURATION_MS - 4000, 0.1)],
  faults: [],
};

/**
 * Checkout answers in about 0.5 s whoever subscribes. That its answers are *identical* with 0, 1 or
 * 20 subscribers (same orders from one workload stream, and nothing after the broker's
 * acknowledgement reaches Checkout) is asserted across the three scenarios in
 * tests/unit/lessons.test.ts: an expectation sees one scenario only.
 */
const checkoutUnchanged = {
  name: 'every valid order succeeds; the median answer takes about 0.5 s',
  faults: [],
  assert: [
    { metric: 'checkout.p50LatencyMs', op: '>' as const, value: 450 },
    { metric: 'checkout.p50LatencyMs', op: '<' as const, value: 550 },
    { metric: 'checkout.successRate', op: '==' as const, value: 1 },
  ],
};

export const pubsubZeroSubscribers: Scenario = {
  ...common,
  id: 'pubsub-zero-subscribers',
  title: 'Publishing with no subscriber',
  summary: 'Checkout publishes order-placed to online-orders and nobody consumes it yet. Every order succeeds; the events simply stay in the log.',
  minutes: 2,
  compareWith: 'pubsub-twenty-subscribers',
  nodes: shop([]),
  steps: [
    {
      title: 'Publishing into an empty room',
      text: 'Checkout validates each place-order (a few are invalid and get 422), commits it, publishes order-placed to online-orders and answers 201 once the broker acknowledges. No consumer group reads the topic yet.',
      highlight: ['checkout', 'checkout->online-orders', 'online-orders'],
      atMs: 5000,
    },
    {
      title: 'Nobody listens, nothing fails',
      text: 'Every valid order succeeds, and each one is an event in the log (events appended = orders succeeded), waiting for any consumer group that subscribes later — from the earliest offset, if it wants the history.',
      highlight: ['online-orders'],
      atMs: 30_000,
      question: {
        prompt: 'Nobody subscribes to online-orders. What happens to Checkout’s orders?',
        choices: ['They fail: nobody received them', 'They succeed; the events stay in the log for whoever subscribes', 'Checkout waits until a subscriber appears'],
        answer: 1,
        explanation: 'Publishing is telling the log what happened. Who reads it, if anyone, is not the producer’s concern.',
      },
    },
    {
      title: 'A baseline to compare',
      text: 'Checkout answers in about 0.5 s (median). Keep this run in mind, then open pubsub-one-subscriber and pubsub-twenty-subscribers: the same orders, more subscribers.',
      highlight: ['shoppers->checkout', 'checkout'],
      atMs: 56_000,
    },
  ],
  expectations: [
    checkoutUnchanged,
    {
      name: 'every successful order is an event in the log, read by nobody',
      faults: [],
      assert: [
        { metric: 'topics.online-orders.appended', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
        { metric: 'checkout.rejected', op: '>', value: 0 },
      ],
    },
  ],
};

export const pubsubOneSubscriber: Scenario = {
  ...common,
  id: 'pubsub-one-subscriber',
  title: 'Publishing with one subscriber',
  summary: 'The same orders; Fulfillment now consumes online-orders in its consumer group. Checkout was not changed and answers exactly as before.',
  minutes: 2,
  compareWith: 'pubsub-zero-subscribers',
  nodes: shop([fulfillment]),
  steps: [
    {
      title: 'One subscriber',
      text: 'Fulfillment subscribes to online-orders with its own consumer group and processes the events as they arrive: its lag never exceeds 8.',
      highlight: ['online-orders->fulfillment', 'fulfillment'],
      atMs: 5000,
    },
    {
      title: 'What changed upstream?',
      text: 'Nothing in Checkout changed: same code, same answers. Its median is still about 0.5 s — in fact identical, to the microsecond, to the run with no subscriber (open both in the compare view).',
      highlight: ['checkout'],
      atMs: 30_000,
      question: {
        prompt: 'A subscriber was added. What had to change in Checkout?',
        choices: ['Its code: a call to Fulfillment', 'Its configuration: a list of subscribers', 'Nothing'],
        answer: 2,
        explanation: 'Fulfillment subscribed on its own. The producer publishes to the topic and never learns who reads it.',
      },
    },
    {
      title: 'Every event, once',
      text: 'By the end Fulfillment has processed every published event exactly once, with no duplicate.',
      highlight: ['fulfillment'],
      atMs: 58_000,
    },
  ],
  expectations: [
    checkoutUnchanged,
    {
      name: 'Fulfillment processes every event once and keeps up',
      faults: [],
      assert: [
        { metric: 'groups.fulfillment.processed', op: '==', other: { metric: 'events.published', factor: 1 } },
        { metric: 'groups.fulfillment.duplicates', op: '==', value: 0 },
        { metric: 'groups.fulfillment.maxLag', op: '<=', value: 8 },
      ],
    },
  ],
};

const teams: ConsumerSpec[] = TEAMS.map((t) => consumer(t, 'online-orders', { processing: ms(20) }));

export const pubsubTwentySubscribers: Scenario = {
  ...common,
  id: 'pubsub-twenty-subscribers',
  title: 'Publishing with twenty subscribers',
  summary: 'The same orders, now read by 20 consumer groups: Fulfillment, Inventory, Analytics and 17 more teams. Each group gets every event; Checkout answers exactly as with none.',
  minutes: 3,
  compareWith: 'pubsub-zero-subscribers',
  nodes: shop([
    fulfillment,
    service('inventory', 'Inventory', 'consumer group inventory', { x: 680, y: 140 }, { consumers: [consumer('inventory', 'online-orders')] }),
    service('analytics', 'Analytics', 'consumer group analytics', { x: 680, y: 280 }, { consumers: [consumer('analytics', 'online-orders')] }),
    service('teams', '17 more teams', '17 consumer groups', { x: 900, y: 140 }, { consumers: teams }),
  ]),
  steps: [
    {
      title: 'Twenty subscribers',
      text: 'Twenty consumer groups read online-orders: Fulfillment, Inventory, Analytics, and 17 more teams drawn as one box (loyalty, fraud, email …). Each group is its own subscription, with its own committed offsets.',
      highlight: ['online-orders', 'fulfillment', 'inventory', 'analytics', 'teams'],
      atMs: 5000,
    },
    {
      title: 'Is Checkout slower now?',
      text: 'Checkout’s median is still about 0.5 s — identical to the runs with zero and one subscriber. The producer does not know who consumes, so its consumers cannot slow it down.',
      highlight: ['checkout', 'shoppers->checkout'],
      atMs: 30_000,
      question: {
        prompt: 'Twenty groups now read every order. How much slower does Checkout answer?',
        choices: ['About twenty times slower', 'A little slower', 'Not at all'],
        answer: 2,
        explanation: 'Checkout waits for the broker’s acknowledgement only. Delivery to each group happens afterwards, on each group’s own schedule.',
      },
    },
    {
      title: 'Each group gets everything',
      text: 'Each of the 20 groups processed every event exactly once: none lost, every lag 0 at the end.',
      highlight: ['online-orders'],
      atMs: 57_000,
    },
    {
      title: 'Try it: slow one group down',
      text: 'Make Analytics slow (×100) from 10 s to 30 s: its lag climbs past 10, while Fulfillment stays within 5 and every order still succeeds. One group’s trouble stays in that group.',
      highlight: ['analytics', 'fulfillment'],
      atMs: 59_000,
    },
  ],
  expectations: [
    checkoutUnchanged,
    {
      name: 'each of the 20 groups processes every event exactly once',
      faults: [],
      assert: [
        { metric: 'groups.*.processed', op: '==', other: { metric: 'events.published', factor: 1 } },
        { metric: 'groups.*.duplicates', op: '==', value: 0 },
        { metric: 'groups.*.lost', op: '==', value: 0 },
        { metric: 'groups.*.lag', op: '==', value: 0 },
      ],
    },
    {
      name: 'a slow group falls behind alone: the others and Checkout do not notice',
      faults: [{ target: 'analytics', kind: 'slow', factor: 100, fromMs: 10_000, untilMs: 30_000 }],
      untilMs: 30_000,
      assert: [
        { metric: 'groups.analytics.lag', op: '>', value: 10 },
        { metric: 'groups.fulfillment.lag', op: '<=', value: 5 },
        { metric: 'checkout.successRate', op: '==', value: 1 },
      ],
    },
  ],
};

/** Reports take 500 ms per order: one instance handles 2 a second, the shop sends 4. */
const report = (group: string, instances: number): ConsumerSpec => consumer(group, 'sales', { instances, processing: ms(500) });

export const pubsubScaleConsumers: Scenario = {
  id: 'pubsub-scale-consumers',
  title: 'Scaling a consumer group',
  summary: 'Two consumer groups read the same 4-partition topic at 4 events a second, each event taking 500 ms. One instance falls further and further behind; four instances, one per partition, keep up.',
  lesson: LESSON.en,
  minutes: 3,
  steps: [
    {
      title: 'Two groups, the same events',
      text: 'Shoppers send about 4 orders a second; Checkout publishes each to sales, a topic with 4 partitions. Two consumer groups read it. A report takes 500 ms, so one instance can handle at most 2 events a second.',
      highlight: ['sales', 'reports-one', 'reports-four'],
      atMs: 10_000,
    },
    {
      title: 'Which group keeps up?',
      text: 'By 40 s, reports-one (1 instance) is more than 50 events behind. reports-four has 4 instances that share the 4 partitions, one each: its lag is at most 12 and its events wait under 1.5 s on average, against more than 8 s for reports-one.',
      highlight: ['reports-one', 'reports-four', 'sales->reports-four'],
      atMs: 40_000,
      question: {
        prompt: '4 events a second arrive; each takes 500 ms. Which group keeps up?',
        choices: ['Both: the broker spreads the load', 'Only the group with 4 instances', 'Neither'],
        answer: 1,
        explanation: 'One instance handles 2 a second, half the arrival rate. Four instances, each owning one partition, handle up to 8.',
      },
    },
    {
      title: 'Scaling out drains the lag',
      text: 'The shop closes at 40 s. reports-four finished long ago; reports-one keeps draining at 2 a second and is still more than 10 behind at 60 s. Both processed every event they reached — nothing lost, only late.',
      highlight: ['reports-one', 'reports-four'],
      atMs: 59_000,
    },
  ],
  durationMs: DURATION_MS,
  seed: 7,
  networkMs: 100,
  nodes: [
    client('shoppers', 'Shoppers', '4 orders a second', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'publishes order-placed', { x: 260, y: 170 }, { endpoints: [endpoint('place-order', [publish('sales', 'order-placed')], { processing: ms(100) })] }),
    topic('sales', { x: 520, y: 150 }, 4),
    service('reports-one', 'Reports ×1', 'group reports-one', { x: 800, y: 40 }, { consumers: [report('reports-one', 1)] }),
    service('reports-four', 'Reports ×4', 'group reports-four', { x: 800, y: 300 }, { consumers: [report('reports-four', 4)] }),
  ],
  workload: [poisson('shoppers', 4, 40_000)],
  faults: [],
  expectations: [
    {
      name: 'at 40 s one instance is over 50 events behind; four instances are at most 12 behind',
      faults: [],
      untilMs: 40_000,
      assert: [
        { metric: 'groups.reports-one.lag', op: '>', value: 50 },
        { metric: 'groups.reports-four.lag', op: '<=', value: 12 },
      ],
    },
    {
      name: 'events wait over 8 s on average for one instance, under 1.5 s for four',
      faults: [],
      assert: [
        { metric: 'groups.reports-one.meanDelayMs', op: '>', value: 8000 },
        { metric: 'groups.reports-four.meanDelayMs', op: '<', value: 1500 },
        { metric: 'groups.reports-four.maxLag', op: '<', value: 20 },
      ],
    },
    {
      name: 'at 60 s four instances are done, one instance is still catching up; nothing lost',
      faults: [],
      assert: [
        { metric: 'groups.reports-four.lag', op: '==', value: 0 },
        { metric: 'groups.reports-four.processed', op: '==', other: { metric: 'events.published', factor: 1 } },
        { metric: 'groups.reports-one.lag', op: '>', value: 10 },
        { metric: 'groups.*.lost', op: '==', value: 0 },
      ],
    },
  ],
};

export const lesson07: Scenario[] = [pubsubZeroSubscribers, pubsubOneSubscriber, pubsubTwentySubscribers, pubsubScaleConsumers];
