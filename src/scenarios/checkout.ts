// The flagship lesson (MISSION §3–4): the same shoppers and orders, once with Checkout POSTing to
// every interested context in turn, once with Checkout publishing order-placed to a topic.
import type { ConsumerSpec, Dist, EndpointSpec, FaultSpec, NodeSpec, RetryPolicy, Scenario, ServiceSpec } from '../engine/types';

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

const common = {
  lesson: 'Commands, events and coupling',
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
  ],
};
