// Case C14: a slow downstream exhausts a synchronous caller's worker pool — and takes down an
// endpoint that never calls it, because the pool is shared. The pub/sub variant answers 202 and lets
// the backlog grow on the bus instead.
import type { FaultSpec, NodeSpec, RetryPolicy, Scenario } from '../engine/types';

const NO_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };
const DURATION_MS = 120_000;
/** B's latency goes from 50 ms to 5 s at t = 60 s. */
const B_SLOW: FaultSpec[] = [{ target: 'b', kind: 'slow', factor: 100, fromMs: 60_000 }];

function clients(): NodeSpec[] {
  return [
    { kind: 'client', id: 'buyers', label: 'Buyers', role: '20 orders/s', position: { x: 0, y: 40 }, target: 'a', command: 'order', timeoutMs: 10_000, retry: NO_RETRY },
    { kind: 'client', id: 'browsers', label: 'Browsers', role: '5 page views/s', position: { x: 0, y: 260 }, target: 'a', command: 'browse', timeoutMs: 10_000, retry: NO_RETRY },
  ];
}

const common = {
  lesson: 'Commands, events and coupling',
  durationMs: DURATION_MS,
  seed: 14,
  // No network delay, so the numbers are the textbook ones: 20/s × 50 ms = 1 busy worker.
  networkMs: 0,
  workload: [
    { kind: 'poisson' as const, client: 'buyers', ratePerSec: 20, fromMs: 0, untilMs: DURATION_MS, invalidShare: 0 },
    { kind: 'poisson' as const, client: 'browsers', ratePerSec: 5, fromMs: 0, untilMs: DURATION_MS, invalidShare: 0 },
  ],
  faults: [],
};

const browse = { name: 'browse', processing: { kind: 'const' as const, ms: 5 }, validate: false, errorRate: 0, then: [], successStatus: 200 as const };

export const c14Sync: Scenario = {
  ...common,
  id: 'c14-slow-downstream-sync',
  title: 'C14 · A slow downstream exhausts the caller',
  summary: 'A has 10 workers and POSTs to B for every order. At 60 s B slows from 50 ms to 5 s: every worker waits on B, A completes at most 2 orders/s, and even the page views that never touch B fail.',
  compareWith: 'c14-slow-downstream-pubsub',
  nodes: [
    ...clients(),
    {
      kind: 'service',
      id: 'a',
      label: 'Service A',
      role: '10 workers',
      position: { x: 300, y: 150 },
      workers: 10,
      queueLimit: 50,
      endpoints: [
        { name: 'order', processing: { kind: 'const', ms: 0 }, validate: false, errorRate: 0, then: [{ kind: 'call', target: 'b', endpoint: 'handle', timeoutMs: 30_000, retry: NO_RETRY }], successStatus: 200 },
        browse,
      ],
      consumers: [],
    },
    {
      kind: 'service',
      id: 'b',
      label: 'Service B',
      role: 'downstream',
      position: { x: 620, y: 150 },
      workers: 1000,
      queueLimit: 0,
      endpoints: [{ name: 'handle', processing: { kind: 'exp', meanMs: 50 }, validate: false, errorRate: 0, then: [], successStatus: 200 }],
      consumers: [],
    },
  ],
  expectations: [
    {
      name: "before B slows, about one of A's workers is busy (Little's law: 20/s × 0.05 s)",
      faults: B_SLOW,
      assert: [
        { metric: 'pool.a.meanBusy', op: '>', value: 0.8, window: [5_000, 60_000] },
        { metric: 'pool.a.meanBusy', op: '<', value: 1.2, window: [5_000, 60_000] },
      ],
    },
    {
      name: 'after B slows, A completes at most 2 orders/s and the rest queue or are rejected',
      faults: B_SLOW,
      assert: [
        { metric: 'clients.buyers.throughputPerSec', op: '<=', value: 2.05, window: [70_000, 120_000] },
        { metric: 'pool.a.meanBusy', op: '>', value: 9.9, window: [70_000, 110_000] },
        { metric: 'clients.buyers.successRate', op: '<', value: 0.2, window: [70_000, 110_000] },
      ],
    },
    {
      name: 'the page views, which never call B, fail too: they share the exhausted pool',
      faults: B_SLOW,
      assert: [
        { metric: 'clients.browsers.successRate', op: '==', value: 1, window: [0, 60_000] },
        { metric: 'clients.browsers.successRate', op: '<', value: 0.2, window: [70_000, 110_000] },
      ],
    },
  ],
};

export const c14Pubsub: Scenario = {
  ...common,
  id: 'c14-slow-downstream-pubsub',
  title: 'C14 · The same load over pub/sub',
  summary: 'A publishes order-received and answers 202 at once. When B slows to 5 s per order, A does not notice: every order and page view succeeds while B’s lag grows by about 18 events a second.',
  compareWith: 'c14-slow-downstream-sync',
  nodes: [
    ...clients(),
    {
      kind: 'service',
      id: 'a',
      label: 'Service A',
      role: '10 workers',
      position: { x: 300, y: 150 },
      workers: 10,
      queueLimit: 50,
      endpoints: [
        {
          name: 'order',
          processing: { kind: 'const', ms: 0 },
          validate: false,
          errorRate: 0,
          then: [{ kind: 'publish', topic: 'orders', eventType: 'order-received', timeoutMs: 2000, retry: NO_RETRY }],
          successStatus: 202,
        },
        browse,
      ],
      consumers: [],
    },
    { kind: 'topic', id: 'orders', label: 'orders', role: 'topic · 10 partitions', position: { x: 560, y: 130 }, partitions: 10, autoOffsetReset: 'earliest' },
    {
      kind: 'service',
      id: 'b',
      label: 'Service B',
      role: '10 consumers',
      position: { x: 860, y: 150 },
      workers: 1,
      queueLimit: 0,
      endpoints: [],
      consumers: [
        {
          group: 'b',
          topic: 'orders',
          instances: 10,
          processing: { kind: 'exp', meanMs: 50 },
          commit: 'after',
          autoCommitIntervalMs: 0,
          sessionTimeoutMs: 10_000,
          rebalanceMs: 500,
          errorRate: 0,
          retry: { maxAttempts: Infinity, backoffMs: 500, multiplier: 2, maxBackoffMs: 8000, jitter: 0.2 },
          idempotent: true,
          emits: [],
        },
      ],
    },
  ],
  expectations: [
    {
      name: 'every order and page view succeeds, before and after B slows',
      faults: B_SLOW,
      assert: [
        { metric: 'clients.buyers.successRate', op: '==', value: 1 },
        { metric: 'clients.browsers.successRate', op: '==', value: 1 },
      ],
    },
    {
      name: "B's lag grows by about 18 events a second once B slows (20/s in, 10 × 0.2/s out)",
      faults: B_SLOW,
      untilMs: 100_000,
      assert: [
        { metric: 'groups.b.lag', op: '>', value: 40 * 16 },
        { metric: 'groups.b.lag', op: '<', value: 40 * 20 },
        { metric: 'groups.b.lost', op: '==', value: 0 },
      ],
    },
  ],
};
