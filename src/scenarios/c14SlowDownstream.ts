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
  i18n: {
    'zh-CN': {
      title: 'C14 · 缓慢的下游耗尽了调用方',
      summary: 'A 有 10 个工作线程，每个订单都向 B 发 POST。60 秒时 B 从 50 毫秒变慢到 5 秒：每个工作线程都在等 B，A 每秒最多完成 2 个订单，就连从不涉及 B 的页面浏览也失败了。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '一个工作线程就够了——暂时',
          text: '服务 A 有一个 10 个工作线程的池。买家每秒发来约 20 个订单；每个订单在 A 向 B 发 POST 期间（约 50 毫秒）占用一个工作线程。浏览者每秒发来 5 次页面浏览，从不调用 B。按利特尔法则，约有 1 个工作线程在忙：20/秒 × 0.05 秒。',
        },
        {
          title: 'B 变慢；A 的线程池被占满',
          text: '60 秒时 B 从每个请求 50 毫秒变慢到 5 秒。现在每个工作线程都在等 B：10 个全忙，A 每秒最多完成 2 个订单，70 秒之后下的订单成功的不到五分之一——其余的排队等待，或被 503 拒绝。',
          question: {
            prompt: '现在 B 每个请求要 5 秒，A 有 10 个工作线程。A 每秒能完成多少个订单？',
            choices: ['约 20 个，和之前一样', '约 10 个', '最多 2 个'],
            explanation: '每个工作线程被占用 5 秒：10 个工作线程 / 5 秒 = 每秒 2 个订单，不管到达多少。',
          },
        },
        {
          title: '页面浏览也失败了',
          text: '页面浏览从不调用 B，却需要同一个池中的工作线程：70 秒之后成功的不到五分之一，而 60 秒之前全部成功。一个缓慢的依赖拖垮了一个无关的功能：级联故障。',
          question: {
            prompt: '从不涉及 B 的页面浏览还能正常工作吗？',
            choices: ['能：它们不依赖 B', '不能：它们在等同一个已被耗尽的池'],
            explanation: '同步调用在等待期间占用着调用方的资源。共享这些资源的一切都会受到影响。',
          },
        },
        {
          title: '对比：发布而不是调用',
          text: '打开对比视图：在 c14-slow-downstream-pubsub 中，A 发布一个事件并回答 202。同样的变慢变成了 B 的积压，每个订单和页面浏览都成功。',
        },
      ],
      expectations: [
        'B 变慢之前，A 约有一个工作线程在忙（利特尔法则：20/秒 × 0.05 秒）',
        'B 变慢之后，A 每秒最多完成 2 个订单，其余的排队或被拒绝',
        '从不调用 B 的页面浏览也失败了：它们共享被耗尽的线程池',
      ],
    },
  },
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
  i18n: {
    'zh-CN': {
      title: 'C14 · 同样的负载，改用发布/订阅',
      summary: 'A 发布 order-received 并立即回答 202。当 B 变慢到每个订单 5 秒时，A 毫无察觉：每个订单和页面浏览都成功，而 B 的积压每秒增长约 18 个事件。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '先发布，再回答 202',
          text: '同样的负载，但 A 把 order-received 发布到 orders（10 个分区），不等 B 就回答 202。B 用 10 个实例消费，每个分区一个。',
        },
        {
          title: 'B 变慢；A 毫无察觉',
          text: '60 秒时 B 变慢到每个事件 5 秒。A 从不等待 B，所以每个订单和页面浏览仍然成功。取而代之的是 B 的积压增长，每秒约 18 个事件：到达 20 个，离开 10 个实例 × 每秒 0.2 个。',
          question: {
            prompt: '60 秒时 B 变慢到每个事件 5 秒。A 会怎样？',
            choices: ['它的线程池被占满，和同步 POST 一样', '什么都不会发生：它只等待 Broker'],
            explanation: 'A 的工作线程只被占用到 Broker 确认为止。B 的速度是 B 自己的事。',
          },
        },
        {
          title: '是积压，不是失败',
          text: '到 100 秒时，B 落后 640 到 800 个事件，没有任何丢失。变慢留在了它该在的地方——B 的消费者组——在那里可以被观察（积压）并被修复（更多分区和实例、更快的 B），而不会让任何一个订单失败。',
        },
      ],
      expectations: ['B 变慢前后，每个订单和页面浏览都成功', 'B 变慢后，它的积压每秒增长约 18 个事件（每秒到达 20 个，离开 10 × 0.2 个）'],
    },
  },
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
