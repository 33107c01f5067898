// Case C14: a slow downstream exhausts a synchronous caller's worker pool — and takes down an
// endpoint that never calls it, because the pool is shared. The pub/sub variant answers 202 and lets
// the backlog grow on the bus instead.
import type { FaultSpec, NodeSpec, RetryPolicy, Scenario } from '../engine/types';
import { lesson } from './lessons/lessonNames';

const LESSON = lesson(14);

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
  lesson: LESSON.en,
  minutes: 4,
  durationMs: DURATION_MS,
  seed: 14,
  // No network delay, so the numbers are the textbook ones: 20/s × 50 ms = 1 busy worker.
  networkMs: 0,
  workload: [
    { kind: 'poisson' as const, client: 'buyers', ratePerSec: 20, fromMs: 0, untilMs: DURATION_MS, invalidShare: 0 },
    { kind: 'poisson' as const, client: 'browsers', ratePerSec: 5, fromMs: 0, untilMs: DURATION_MS, invalidShare: 0 },
  ],
  // The story plays by itself: B slows down at 60 s in both variants.
  faults: B_SLOW,
};

const browse = { name: 'browse', processing: { kind: 'const' as const, ms: 5 }, validate: false, errorRate: 0, then: [], successStatus: 200 as const };

export const c14Sync: Scenario = {
  ...common,
  id: 'c14-slow-downstream-sync',
  title: 'C14 · A slow downstream exhausts the caller',
  summary: 'A has 10 workers and POSTs to B for every order. At 60 s B slows from 50 ms to 5 s: every worker waits on B, A completes at most 2 orders/s, and even the page views that never touch B fail.',
  compareWith: 'c14-slow-downstream-pubsub',
  steps: [
    {
      title: 'One worker is enough — for now',
      text: 'Service A has a pool of 10 workers. Buyers send about 20 orders a second; each holds a worker while A POSTs to B, about 50 ms. Browsers send 5 page views a second that never call B. By Little’s law about 1 worker is busy: 20/s × 0.05 s.',
      highlight: ['a', 'a->b', 'browsers->a'],
      atMs: 30_000,
    },
    {
      title: 'B slows down; A’s pool fills up',
      text: 'At 60 s B slows from 50 ms to 5 s per request. Every worker now waits on B: all 10 are busy, A completes at most 2 orders a second, and fewer than 1 order in 5 placed from 70 s succeeds — the rest queue up or are refused with 503.',
      highlight: ['b', 'a', 'buyers->a'],
      atMs: 75_000,
      question: {
        prompt: 'B now takes 5 s per request and A has 10 workers. How many orders a second can A complete?',
        choices: ['About 20, as before', 'About 10', 'At most 2'],
        answer: 2,
        explanation: 'Each worker is held for 5 s: 10 workers / 5 s = 2 orders a second, however many arrive.',
      },
    },
    {
      title: 'The page views fail too',
      text: 'Page views never call B, yet they need a worker from the same pool: from 70 s fewer than 1 in 5 succeeds, where all of them did before 60 s. One slow dependency took down an unrelated feature: a cascading failure.',
      highlight: ['browsers', 'browsers->a', 'a'],
      atMs: 100_000,
      question: {
        prompt: 'Will the page views, which never touch B, still work?',
        choices: ['Yes: they do not depend on B', 'No: they wait for the same exhausted pool'],
        answer: 1,
        explanation: 'A synchronous call holds the caller’s resources while it waits. Whatever shares those resources suffers too.',
      },
    },
    {
      title: 'Compare: publish instead of call',
      text: 'Open the compare view: in c14-slow-downstream-pubsub, A publishes an event and answers 202. The same slowdown becomes B’s lag, and every order and page view succeeds.',
      highlight: ['a', 'b'],
      atMs: 118_000,
    },
  ],
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
      faults: [],
      assert: [
        { metric: 'pool.a.meanBusy', op: '>', value: 0.8, window: [5_000, 60_000] },
        { metric: 'pool.a.meanBusy', op: '<', value: 1.2, window: [5_000, 60_000] },
      ],
    },
    {
      name: 'after B slows, A completes at most 2 orders/s and the rest queue or are rejected',
      faults: [],
      assert: [
        { metric: 'clients.buyers.throughputPerSec', op: '<=', value: 2.05, window: [70_000, 120_000] },
        { metric: 'pool.a.meanBusy', op: '>', value: 9.9, window: [70_000, 110_000] },
        { metric: 'clients.buyers.successRate', op: '<', value: 0.2, window: [70_000, 110_000] },
      ],
    },
    {
      name: 'the page views, which never call B, fail too: they share the exhausted pool',
      faults: [],
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
  steps: [
    {
      title: 'Publish, then answer 202',
      text: 'The same load, but A publishes order-received to orders (10 partitions) and answers 202 without waiting for B. B consumes with 10 instances, one per partition.',
      highlight: ['a', 'a->orders', 'orders', 'b'],
      atMs: 30_000,
    },
    {
      title: 'B slows down; A does not notice',
      text: 'At 60 s B slows to 5 s per event. A never waits for B, so every order and page view still succeeds. B’s lag grows instead, by about 18 events a second: 20 arrive, 10 instances × 0.2 per second leave.',
      highlight: ['orders', 'b', 'orders->b'],
      atMs: 80_000,
      question: {
        prompt: 'At 60 s B slows to 5 s per event. What happens to A?',
        choices: ['Its pool fills up, as with synchronous POSTs', 'Nothing: it only waits for the broker'],
        answer: 1,
        explanation: 'A’s workers are held only until the broker acknowledges. B’s speed is B’s business.',
      },
    },
    {
      title: 'Lag, not failure',
      text: 'By 100 s B is between 640 and 800 events behind, and nothing is lost. The slowdown stays where it belongs — in B’s consumer group — where it can be watched (lag) and fixed (more partitions and instances, a faster B) without failing a single order.',
      highlight: ['b', 'orders'],
      atMs: 100_000,
    },
  ],
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
      faults: [],
      assert: [
        { metric: 'clients.buyers.successRate', op: '==', value: 1 },
        { metric: 'clients.browsers.successRate', op: '==', value: 1 },
      ],
    },
    {
      name: "B's lag grows by about 18 events a second once B slows (20/s in, 10 × 0.2/s out)",
      faults: [],
      untilMs: 100_000,
      assert: [
        { metric: 'groups.b.lag', op: '>', value: 40 * 16 },
        { metric: 'groups.b.lag', op: '<', value: 40 * 20 },
        { metric: 'groups.b.lost', op: '==', value: 0 },
      ],
    },
  ],
};
