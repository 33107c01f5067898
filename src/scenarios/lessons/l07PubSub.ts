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
const checkoutUnchangedZh = '每个有效订单都成功；回答耗时中位数约 0.5 秒';

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
  i18n: {
    'zh-CN': {
      title: '没有订阅者时发布',
      summary: 'Checkout 把 order-placed 发布到 online-orders，目前还没有人消费。每个订单都成功；事件只是留在日志中。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '向空房间发布',
          text: 'Checkout 验证每个 place-order（有几个无效，得到 422），提交订单，把 order-placed 发布到 online-orders，Broker 确认后回答 201。目前还没有消费者组读取这个主题。',
        },
        {
          title: '没人订阅，也没有失败',
          text: '每个有效订单都成功，每一个都是日志中的一个事件（追加的事件数 = 成功的订单数），等待以后订阅的任何消费者组——如果它想要历史，就从最早的偏移量读起。',
          question: {
            prompt: '没有人订阅 online-orders。Checkout 的订单会怎样？',
            choices: ['失败：没有人收到', '成功；事件留在日志中，等待订阅者', 'Checkout 一直等到出现订阅者'],
            explanation: '发布就是告诉日志发生了什么。谁来读、有没有人读，都不是生产者要操心的事。',
          },
        },
        {
          title: '用来对比的基准',
          text: 'Checkout 回答耗时的中位数约为 0.5 秒。记住这次运行，然后打开 pubsub-one-subscriber 和 pubsub-twenty-subscribers：同样的订单，更多的订阅者。',
        },
      ],
      expectations: [checkoutUnchangedZh, '每个成功的订单都是日志中的一个事件，没有人读'],
    },
  },
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
  i18n: {
    'zh-CN': {
      title: '有一个订阅者时发布',
      summary: '同样的订单；现在 Fulfillment 在自己的消费者组中消费 online-orders。Checkout 没有任何修改，回答与之前完全相同。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '一个订阅者',
          text: 'Fulfillment 用自己的消费者组订阅 online-orders，事件一到就处理：它的积压从不超过 8。',
        },
        {
          title: '上游改了什么？',
          text: 'Checkout 什么都没改：同样的代码，同样的回答。它的中位数仍约为 0.5 秒——事实上与没有订阅者的那次运行精确到微秒都一样（在对比视图中同时打开两者）。',
          question: {
            prompt: '增加了一个订阅者。Checkout 需要改什么？',
            choices: ['它的代码：加一个对 Fulfillment 的调用', '它的配置：一份订阅者清单', '什么都不用改'],
            explanation: 'Fulfillment 是自己订阅的。生产者只是发布到主题，永远不知道谁在读。',
          },
        },
        {
          title: '每个事件，处理一次',
          text: '到结束时，Fulfillment 把每个已发布的事件恰好处理了一次，没有重复。',
        },
      ],
      expectations: [checkoutUnchangedZh, 'Fulfillment 把每个事件处理一次，并且跟得上'],
    },
  },
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
  i18n: {
    'zh-CN': {
      title: '有二十个订阅者时发布',
      summary: '同样的订单，现在有 20 个消费者组在读：Fulfillment、Inventory、Analytics 和另外 17 个团队。每个组都收到每个事件；Checkout 的回答与没有订阅者时完全相同。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '二十个订阅者',
          text: '二十个消费者组读取 online-orders：Fulfillment、Inventory、Analytics，以及画在一个框里的另外 17 个团队（loyalty、fraud、email……）。每个组都是一个独立的订阅，有自己已提交的偏移量。',
        },
        {
          title: 'Checkout 现在变慢了吗？',
          text: 'Checkout 的中位数仍约为 0.5 秒——与零个、一个订阅者时完全相同。生产者不知道谁在消费，所以消费者也无法拖慢它。',
          question: {
            prompt: '现在有二十个组读取每个订单。Checkout 的回答会慢多少？',
            choices: ['慢大约二十倍', '慢一点', '一点也不慢'],
            explanation: 'Checkout 只等 Broker 的确认。投递给每个组发生在之后，按各组自己的节奏进行。',
          },
        },
        {
          title: '每个组都收到全部事件',
          text: '20 个组中的每一个都把每个事件恰好处理了一次：没有丢失，结束时所有积压都是 0。',
        },
        {
          title: '动手试试：让一个组变慢',
          text: '让 Analytics 从 10 秒到 30 秒变慢（×100）：它的积压超过 10，而 Fulfillment 保持在 5 以内，每个订单仍然成功。一个组的麻烦只留在这个组里。',
        },
      ],
      expectations: [checkoutUnchangedZh, '20 个组中的每一个都把每个事件恰好处理一次', '慢的组独自落后：其他组和 Checkout 都察觉不到'],
    },
  },
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
  i18n: {
    'zh-CN': {
      title: '扩展消费者组',
      summary: '两个消费者组读取同一个 4 分区主题，每秒 4 个事件，每个事件处理 500 毫秒。一个实例越落越远；四个实例（每个分区一个）跟得上。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '两个组，同样的事件',
          text: '顾客每秒约下 4 个订单；Checkout 把每个订单发布到 sales，一个有 4 个分区的主题。两个消费者组读取它。生成一份报表要 500 毫秒，所以一个实例每秒最多处理 2 个事件。',
        },
        {
          title: '哪个组跟得上？',
          text: '到 40 秒时，reports-one（1 个实例）落后超过 50 个事件。reports-four 有 4 个实例分担 4 个分区，每个一个：它的积压最多 12，事件平均等待不到 1.5 秒，而 reports-one 超过 8 秒。',
          question: {
            prompt: '每秒到达 4 个事件，每个要处理 500 毫秒。哪个组跟得上？',
            choices: ['两个都行：Broker 会分摊负载', '只有 4 个实例的组', '都跟不上'],
            explanation: '一个实例每秒处理 2 个，只有到达速率的一半。四个实例各自负责一个分区，每秒最多能处理 8 个。',
          },
        },
        {
          title: '扩展消化积压',
          text: '商店在 40 秒关门。reports-four 早就处理完了；reports-one 继续以每秒 2 个的速度消化，到 60 秒时仍落后超过 10 个。两个组都处理了它们读到的每个事件——没有丢失，只是晚了。',
        },
      ],
      expectations: [
        '40 秒时，一个实例落后超过 50 个事件；四个实例最多落后 12 个',
        '一个实例时事件平均等待超过 8 秒，四个实例时不到 1.5 秒',
        '60 秒时四个实例已处理完，一个实例仍在追赶；没有丢失',
      ],
    },
  },
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
