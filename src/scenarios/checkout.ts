// The flagship lesson (MISSION §3–4): the same shoppers and orders, once with Checkout POSTing to
// every interested context in turn, once with Checkout publishing order-placed to a topic.
import type { ConsumerSpec, Dist, EndpointSpec, FaultSpec, NodeSpec, RetryPolicy, Scenario, ServiceSpec } from '../engine/types';
import { lesson } from './lessons/lessonNames';

const DURATION_MS = 60_000;

const CALL_RETRY: RetryPolicy = { maxAttempts: 3, backoffMs: 250, multiplier: 2, maxBackoffMs: 2000, jitter: 0.2 };
const PUBLISH_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: 100, multiplier: 2, maxBackoffMs: 2000, jitter: 0.2 };
/** Events cannot be rejected: a consumer retries a failing event until it succeeds. */
const CONSUMER_RETRY: RetryPolicy = { maxAttempts: Infinity, backoffMs: 500, multiplier: 2, maxBackoffMs: 8000, jitter: 0.2 };

const downstream: { id: string; label: string; endpoint: string; processing: Dist; y: number }[] = [
  { id: 'fulfillment', label: 'Order Fulfillment', endpoint: 'ship-order', processing: { kind: 'lognormal', medianMs: 120, sigma: 0.3 }, y: 0 },
  { id: 'inventory', label: 'Inventory', endpoint: 'reserve-stock', processing: { kind: 'lognormal', medianMs: 80, sigma: 0.3 }, y: 170 },
  { id: 'analytics', label: 'Analytics', endpoint: 'record-sale', processing: { kind: 'lognormal', medianMs: 50, sigma: 0.3 }, y: 340 },
];

const fulfillmentOutage: FaultSpec[] = [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }];

function shoppers(): NodeSpec {
  return {
    kind: 'client',
    id: 'shoppers',
    label: 'Shoppers',
    role: 'place orders',
    position: { x: 0, y: 170 },
    target: 'checkout',
    command: 'place-order',
    timeoutMs: 10_000,
    // A shopper who sees an error does not resubmit by themselves: the lab shows the raw outcome.
    retry: { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 },
  };
}

function checkout(then: EndpointSpec['then'], successStatus: 201): ServiceSpec {
  return {
    kind: 'service',
    id: 'checkout',
    label: 'Checkout',
    role: 'validates and commits orders',
    position: { x: 280, y: 170 },
    workers: 8,
    queueLimit: 100,
    endpoints: [
      { name: 'place-order', processing: { kind: 'lognormal', medianMs: 100, sigma: 0.3 }, validate: true, errorRate: 0, then, successStatus },
    ],
    consumers: [],
  };
}

function context(d: (typeof downstream)[number], x: number, consumers: ConsumerSpec[]): ServiceSpec {
  return {
    kind: 'service',
    id: d.id,
    label: d.label,
    role: 'bounded context',
    position: { x, y: d.y },
    workers: 8,
    queueLimit: 100,
    endpoints: consumers.length === 0 ? [{ name: d.endpoint, processing: d.processing, validate: false, errorRate: 0, then: [], successStatus: 200 }] : [],
    consumers,
  };
}

const LESSON = lesson(5);

const common = {
  lesson: LESSON.en,
  minutes: 5,
  durationMs: DURATION_MS,
  seed: 42,
  networkMs: 120,
  // The shop closes 4 s before the run ends so every order in flight settles and lag can drain.
  workload: [{ kind: 'poisson' as const, client: 'shoppers', ratePerSec: 2, fromMs: 0, untilMs: DURATION_MS - 4000, invalidShare: 0.1 }],
  faults: [],
};

export const checkoutSync: Scenario = {
  ...common,
  id: 'checkout-sync',
  title: 'Checkout with synchronous POSTs',
  summary: 'Checkout commits the order, then POSTs to Fulfillment, Inventory and Analytics in turn and answers only when all have answered.',
  compareWith: 'checkout-pubsub',
  steps: [
    {
      title: 'Three calls per order',
      text: 'Each place-order: Checkout validates it (about 1 in 10 is invalid and gets 422), commits the order, then POSTs ship-order to Fulfillment, reserve-stock to Inventory and record-sale to Analytics, one after the other, and answers 201 only when all three have answered. The median order takes about 1.3 s.\n\nYour turn: when the story pauses at 10 s, take Order Fulfillment down (its Take down button or its Faults menu) and play on; bring it back up at 30 s. The next steps describe that outage, from 10 s to 30 s (if you go on without it, the lab adds it for you).',
      highlight: ['checkout', 'checkout->fulfillment', 'checkout->inventory', 'checkout->analytics'],
      atMs: 10_000,
    },
    {
      title: 'Fulfillment is down: orders fail',
      text: 'While Fulfillment is down (from 10 s to 30 s), Checkout’s POST ship-order is refused; after 3 attempts Checkout answers 502. Fewer than half of the orders placed in that window succeed — and the failed ones were already committed by Checkout (the “committed but failed” count in the metrics). The order command is chained to a shipping command: does the order exist or not? (The Charts tab shows the success rate over time.) If you took Fulfillment down yourself, bring it back up at 30 s.',
      highlight: ['fulfillment', 'checkout->fulfillment', 'checkout'],
      atMs: 20_000,
      assumes: fulfillmentOutage,
      question: {
        prompt: 'Fulfillment is down. What happens to the orders placed meanwhile?',
        choices: ['Nothing: Checkout has already committed them', 'They fail for the shopper, although Checkout committed them', 'They wait until Fulfillment is back'],
        answer: 1,
        explanation: 'Checkout commits first, then calls Fulfillment. When the call fails, Checkout can only answer failure: the shopper is told no, the database says yes.',
      },
    },
    {
      title: 'Failing slowly',
      text: 'During the outage the answers are also slower: Checkout spends its retries and backoff before giving up, so the median latency of orders placed between 10 s and 30 s is more than 20% above the run without the outage (the Charts tab shows latency over time). Fulfillment is back up now.',
      highlight: ['shoppers->checkout', 'checkout'],
      atMs: 30_000,
      assumes: fulfillmentOutage,
    },
    {
      title: 'Any context can break checkout',
      text: 'Every context called is in the critical path: Analytics, which only records sales, breaks checkout just as well. Try it: take Analytics down for 20 s — fewer than half the orders placed meanwhile succeed.',
      highlight: ['analytics', 'checkout->analytics'],
      atMs: 40_000,
    },
    {
      title: 'Adding Analytics meant changing Checkout',
      text: 'Analytics was the last to ask for orders. To send it record-sale, the Checkout team changed Checkout and redeployed it, and every order now waits for one more round trip: compare checkout-sync-two-calls, whose median is about 1.0 s.',
      highlight: ['checkout', 'analytics'],
      atMs: 50_000,
    },
    {
      title: 'The alternative: publish an event',
      text: 'Open the compare view: checkout-pubsub runs the same orders, but Checkout publishes order-placed and answers at once. Its median is about 0.6 s, and a Fulfillment outage changes none of its answers.',
      highlight: ['checkout'],
      atMs: 58_000,
    },
  ],
  nodes: [
    shoppers(),
    checkout(
      downstream.map((d) => ({ kind: 'call' as const, target: d.id, endpoint: d.endpoint, timeoutMs: 2000, retry: CALL_RETRY })),
      201,
    ),
    ...downstream.map((d) => context(d, 620, [])),
  ],
  expectations: [
    {
      name: 'with Fulfillment down, checkout succeeds far less often than without faults',
      faults: fulfillmentOutage,
      assert: [
        { metric: 'checkout.successRate', op: '<', baseline: { factor: 0.85 } },
        { metric: 'checkout.successRate', op: '<', baseline: { factor: 0.5 }, window: [10_000, 30_000] },
      ],
    },
    {
      name: 'while Fulfillment is down, checkout is slower than without faults',
      faults: fulfillmentOutage,
      assert: [{ metric: 'checkout.p50LatencyMs', op: '>', baseline: { factor: 1.2 }, window: [10_000, 30_000] }],
    },
    {
      name: 'orders that failed for the shopper were already committed by Checkout',
      faults: fulfillmentOutage,
      assert: [{ metric: 'checkout.committedButFailed', op: '>', value: 0 }],
    },
    {
      name: 'without faults the median order takes about 1.3 s, and invalid orders are answered 422',
      faults: [],
      assert: [
        { metric: 'checkout.p50LatencyMs', op: '>', value: 1200 },
        { metric: 'checkout.p50LatencyMs', op: '<', value: 1450 },
        { metric: 'checkout.rejected', op: '>', value: 0 },
      ],
    },
    {
      name: 'with Analytics down, checkout fails just as well',
      faults: [{ target: 'analytics', kind: 'down', fromMs: 10_000, untilMs: 30_000 }],
      assert: [{ metric: 'checkout.successRate', op: '<', baseline: { factor: 0.5 }, window: [10_000, 30_000] }],
    },
  ],
};

function consumer(group: string, processing: Dist): ConsumerSpec {
  return {
    group,
    topic: 'online-orders',
    instances: 1,
    processing,
    commit: 'after',
    autoCommitIntervalMs: 0,
    sessionTimeoutMs: 3000,
    rebalanceMs: 500,
    errorRate: 0,
    retry: CONSUMER_RETRY,
    idempotent: true,
    emits: [],
  };
}

export const checkoutPubsub: Scenario = {
  ...common,
  id: 'checkout-pubsub',
  title: 'Checkout publishes order-placed',
  summary: 'Checkout commits the order, publishes order-placed to the online-orders topic and answers at once; each context consumes it in its own consumer group.',
  compareWith: 'checkout-sync',
  steps: [
    {
      title: 'Publish, then answer',
      text: 'Each place-order: Checkout validates it, commits the order, publishes order-placed to online-orders (3 partitions, keyed by order id) and answers 201 as soon as the broker acknowledges. The median order takes about 0.6 s. Fulfillment, Inventory and Analytics each consume every event in their own consumer group.\n\nYour turn: when the story pauses at 10 s, take Order Fulfillment down (its Take down button or its Faults menu) and play on; bring it back up at 30 s. The next steps describe that outage, from 10 s to 30 s (if you go on without it, the lab adds it for you).',
      highlight: ['checkout', 'checkout->online-orders', 'online-orders'],
      atMs: 10_000,
    },
    {
      title: 'Fulfillment is down: checkout does not care',
      text: 'While Fulfillment is down (from 10 s to 30 s), Checkout answers exactly as it would without the outage: the same success rate, the same latency. The events wait in the log instead, and Fulfillment’s lag grows past 10. If you took Fulfillment down yourself, bring it back up at 30 s.',
      highlight: ['fulfillment', 'online-orders', 'checkout'],
      atMs: 25_000,
      assumes: fulfillmentOutage,
      question: {
        prompt: 'Fulfillment is down. What happens to checkout’s success rate?',
        choices: ['It drops, as with synchronous POSTs', 'It stays exactly the same', 'It drops a little, because of retries'],
        answer: 1,
        explanation: 'Checkout only needs the broker to accept the event. Who consumes it, and when, is not Checkout’s business.',
      },
    },
    {
      title: 'Fulfillment catches up',
      text: 'Back at 30 s, Fulfillment resumes from its committed offset and works through the backlog; by the end its lag is 0. Every group processed every published event exactly once: none lost, none twice.',
      highlight: ['online-orders->fulfillment', 'fulfillment'],
      atMs: 45_000,
      assumes: fulfillmentOutage,
    },
    {
      title: 'Decoupled in time and in code',
      text: 'Checkout does not know who listens. A new context that cares about orders adds its own consumer group on online-orders, and Checkout does not change — lesson 7 shows it with 0, 1 and 20 subscribers.',
      highlight: ['online-orders', 'inventory', 'analytics'],
      atMs: 58_000,
    },
  ],
  nodes: [
    shoppers(),
    checkout([{ kind: 'publish', topic: 'online-orders', eventType: 'order-placed', timeoutMs: 2000, retry: PUBLISH_RETRY }], 201),
    {
      kind: 'topic',
      id: 'online-orders',
      label: 'online-orders',
      role: 'topic · 3 partitions',
      position: { x: 500, y: 130 },
      partitions: 3,
      autoOffsetReset: 'earliest',
    },
    ...downstream.map((d) => context(d, 800, [consumer(d.id, d.processing)])),
  ],
  expectations: [
    {
      name: 'with Fulfillment down, checkout succeeds as often as without faults',
      faults: fulfillmentOutage,
      assert: [{ metric: 'checkout.successRate', op: '==', baseline: { factor: 1 } }],
    },
    {
      name: 'with Fulfillment down, checkout is as fast as without faults',
      faults: fulfillmentOutage,
      assert: [
        { metric: 'checkout.p50LatencyMs', op: '<=', baseline: { factor: 1.05 } },
        { metric: 'checkout.p99LatencyMs', op: '<=', baseline: { factor: 1.05 } },
      ],
    },
    {
      name: "Fulfillment falls behind during the outage and catches up after it",
      faults: fulfillmentOutage,
      assert: [
        { metric: 'groups.fulfillment.maxLag', op: '>', value: 10 },
        { metric: 'groups.fulfillment.lag', op: '==', value: 0 },
      ],
    },
    {
      name: 'every published event is processed by every group exactly once; none lost',
      faults: fulfillmentOutage,
      assert: [
        { metric: 'groups.*.processed', op: '==', other: { metric: 'events.published', factor: 1 } },
        { metric: 'groups.*.duplicates', op: '==', value: 0 },
        { metric: 'groups.*.lost', op: '==', value: 0 },
      ],
    },
    {
      name: 'without faults the median order takes about 0.6 s',
      faults: [],
      assert: [
        { metric: 'checkout.p50LatencyMs', op: '>', value: 450 },
        { metric: 'checkout.p50LatencyMs', op: '<', value: 700 },
      ],
    },
  ],
};
