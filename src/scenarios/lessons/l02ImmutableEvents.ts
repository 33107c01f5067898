// Lesson 2 (MISSION §2): an event is a command that succeeded — a fact — and facts are immutable.
// Undoing an order is not deleting order-placed: it takes a new command (cancel-order) that, when
// it succeeds, is a new event (order-canceled) appended AFTER the first, in the same partition.
import type { Scenario, StateMachineSpec } from '../../engine/types';
import { lesson } from './lessonNames';
import { client, consumer, endpoint, ms, publish, service, topic } from './parts';

const LESSON = lesson(2);

const ORDER_STATES: StateMachineSpec = {
  initial: 'ABSENT',
  transitions: {
    'order-placed': { from: ['ABSENT'], to: 'ACTIVE' },
    'order-canceled': { from: ['ACTIVE'], to: 'CANCELED' },
  },
};

export const eventCancelOrder: Scenario = {
  id: 'event-cancel-order',
  title: 'Canceling an order is a new event',
  summary: 'Three orders are placed, then o2 is canceled. The cancel is a new command whose success appends order-canceled after order-placed in the same partition; the log keeps both, and a late reader replays them in order.',
  lesson: LESSON.en,
  minutes: 4,
  steps: [
    {
      title: 'A command succeeds: a fact',
      text: 'place-order o1 succeeds: Checkout commits it and publishes order-placed o1 to the orders topic. The key is the order id, so every event about o1 goes to the same partition. Fulfillment consumes it and o1 becomes ACTIVE.',
      highlight: ['checkout', 'orders', 'fulfillment', 'checkout->orders'],
      atMs: 1500,
    },
    {
      title: 'Three facts in the log',
      text: 'By 3.6 s the log holds three order-placed events: o1 and o2 in partition 1 (offsets 0 and 1), o3 in partition 0. Fulfillment holds 3 ACTIVE orders.',
      highlight: ['orders', 'fulfillment'],
      atMs: 3600,
    },
    {
      title: 'Canceling o2: a new command, a new event',
      text: 'At 8 s the shopper sends a new command, cancel-order o2. Checkout owns it, and as it succeeds, Checkout appends a new event: order-canceled o2, at offset 2 of partition 1 — after order-placed o2, which stays where it was.',
      highlight: ['shopper->checkout', 'checkout->orders', 'orders'],
      atMs: 8300,
      question: {
        prompt: 'The shopper cancels o2. What happens to order-placed o2 in the log?',
        choices: ['It is deleted', 'It is edited to say “canceled”', 'It stays; a new event, order-canceled o2, is appended after it'],
        answer: 2,
        explanation: 'Events are immutable facts: o2 was placed, and that stays true. The undo is a new fact, later in the same partition.',
      },
    },
    {
      title: 'Fulfillment applies the change',
      text: 'Fulfillment reads offset 2 after offset 1 and moves o2 from ACTIVE to CANCELED: 2 ACTIVE, 1 CANCELED, no event dropped, none out of order. The topic now holds 4 events: the history, not just the current state.',
      highlight: ['fulfillment', 'orders->fulfillment'],
      atMs: 8600,
    },
    {
      title: 'A late reader replays the history',
      text: 'Reporting is deployed at 15 s with a new consumer group. It has no committed offset, so it starts at the earliest offset (auto.offset.reset = earliest) and replays all 4 events — order-placed o2 before order-canceled o2 — and reaches the same state: 2 ACTIVE, 1 CANCELED.',
      highlight: ['reporting', 'orders->reporting'],
      atMs: 16_500,
      question: {
        prompt: 'Reporting starts at 15 s, long after o2 was canceled. What does it read about o2?',
        choices: ['Nothing: o2 is gone', 'Only order-canceled o2', 'order-placed o2, then order-canceled o2'],
        answer: 2,
        explanation: 'The log keeps every fact in order. A new consumer group reads it from the earliest offset and rebuilds the same state.',
      },
    },
  ],
  i18n: {
    'zh-CN': {
      title: '取消订单是一个新的事件',
      summary: '先下了三个订单，然后取消 o2。取消是一个新的命令，它成功后会在同一个分区里、在 order-placed 之后追加 order-canceled；日志两个事件都保留，后来的读者按顺序重放它们。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '命令成功：一个事实',
          text: 'place-order o1 成功：Checkout 提交订单，并把 order-placed o1 发布到 orders 主题。键是订单号，所以关于 o1 的所有事件都进入同一个分区。Fulfillment 消费它，o1 变为 ACTIVE。',
        },
        {
          title: '日志中的三个事实',
          text: '到 3.6 秒时，日志中有三个 order-placed 事件：o1 和 o2 在分区 1（偏移量 0 和 1），o3 在分区 0。Fulfillment 中有 3 个 ACTIVE 订单。',
        },
        {
          title: '取消 o2：新的命令，新的事件',
          text: '8 秒时，顾客发送一个新的命令 cancel-order o2。这个命令归 Checkout 处理；它成功后，Checkout 追加一个新的事件：order-canceled o2，位于分区 1 的偏移量 2——在 order-placed o2 之后，而 order-placed o2 原封不动。',
          question: {
            prompt: '顾客取消了 o2。日志中的 order-placed o2 会怎样？',
            choices: ['被删除', '被修改为“已取消”', '保持不变；在它之后追加一个新事件 order-canceled o2'],
            explanation: '事件是不可变的事实：o2 确实被下过单，这一点永远成立。撤销是一个新的事实，位于同一分区的更后面。',
          },
        },
        {
          title: 'Fulfillment 应用这个变化',
          text: 'Fulfillment 在读完偏移量 1 之后读取偏移量 2，把 o2 从 ACTIVE 改为 CANCELED：2 个 ACTIVE，1 个 CANCELED，没有事件被丢弃，也没有乱序。主题现在有 4 个事件：这是历史，而不仅仅是当前状态。',
        },
        {
          title: '后来的读者重放历史',
          text: 'Reporting 在 15 秒时部署，使用一个新的消费者组。它没有已提交的偏移量，于是从最早的偏移量开始（auto.offset.reset = earliest），重放全部 4 个事件——order-placed o2 在 order-canceled o2 之前——得到同样的状态：2 个 ACTIVE，1 个 CANCELED。',
          question: {
            prompt: 'Reporting 在 15 秒时才启动，那时 o2 早已取消。关于 o2 它读到了什么？',
            choices: ['什么都没有：o2 已经没了', '只有 order-canceled o2', '先是 order-placed o2，然后是 order-canceled o2'],
            explanation: '日志按顺序保留每个事实。新的消费者组从最早的偏移量读起，重建出同样的状态。',
          },
        },
      ],
      expectations: [
        '到 3.6 秒时日志中有三个 order-placed 事件（o1、o2 在分区 1；o3 在分区 0），Fulfillment 有 3 个 ACTIVE 订单',
        '取消追加了第四个事件：分区 1 偏移量 2 处的 order-canceled o2；日志中没有任何东西被删除',
        'Fulfillment 在 order-placed 之后应用 order-canceled：o2 为 CANCELED，o1 和 o3 为 ACTIVE',
        '15 秒时部署的 Reporting 从最早的偏移量按顺序重放全部 4 个事件，得到同样的状态',
        '15 秒之前 Reporting 什么都没读',
      ],
    },
  },
  durationMs: 25_000,
  seed: 2,
  networkMs: 100,
  nodes: [
    client('shopper', 'Shopper', 'places and cancels orders', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'owns place-order and cancel-order', { x: 260, y: 170 }, {
      endpoints: [
        endpoint('place-order', [publish('orders', 'order-placed')], { processing: ms(100) }),
        endpoint('cancel-order', [publish('orders', 'order-canceled')], { processing: ms(100), successStatus: 200 }),
      ],
    }),
    topic('orders', { x: 520, y: 150 }, 3, { role: 'topic · 3 partitions · key = order id' }),
    service('fulfillment', 'Order Fulfillment', 'order state per id', { x: 800, y: 40 }, {
      consumers: [consumer('fulfillment', 'orders', { processing: ms(100) })],
      state: ORDER_STATES,
    }),
    service('reporting', 'Reporting', 'deployed at 15 s', { x: 800, y: 300 }, {
      consumers: [consumer('reporting', 'orders', { processing: ms(100) })],
      state: ORDER_STATES,
    }),
  ],
  workload: [
    {
      kind: 'script',
      client: 'shopper',
      items: [
        { atMs: 1000, key: 'o1', label: 'o1' },
        { atMs: 2000, key: 'o2', label: 'o2' },
        { atMs: 3000, key: 'o3', label: 'o3' },
        { atMs: 8000, key: 'o2', label: 'o2', type: 'cancel-order' },
      ],
    },
  ],
  // Reporting does not exist yet: it is deployed (comes up) at 15 s, with a new consumer group.
  faults: [{ target: 'reporting', kind: 'down', fromMs: 0, untilMs: 15_000 }],
  expectations: [
    {
      name: 'by 3.6 s three order-placed events are in the log (o1, o2 in partition 1; o3 in partition 0) and Fulfillment holds 3 ACTIVE orders',
      faults: [],
      untilMs: 3600,
      assert: [
        { metric: 'topics.orders.appended', op: '==', value: 3 },
        { metric: 'topics.orders.partitions.1.logEnd', op: '==', value: 2 },
        { metric: 'topics.orders.partitions.0.logEnd', op: '==', value: 1 },
        { metric: 'state.fulfillment.ACTIVE', op: '==', value: 3 },
      ],
    },
    {
      name: 'the cancel appends a fourth event, order-canceled o2 at offset 2 of partition 1; nothing is removed from the log',
      faults: [],
      assert: [
        { metric: 'topics.orders.partitions.1.logStart', op: '==', value: 0 },
        { metric: 'topics.orders.partitions.1.logEnd', op: '==', value: 3 },
        { metric: 'topics.orders.appended', op: '==', value: 4 },
        { metric: 'events.published', op: '==', value: 4 },
        { metric: 'checkout.succeeded', op: '==', value: 4 },
      ],
    },
    {
      name: 'Fulfillment applies order-canceled after order-placed: o2 CANCELED, o1 and o3 ACTIVE',
      faults: [],
      untilMs: 8600,
      assert: [
        { metric: 'state.fulfillment.CANCELED', op: '==', value: 1 },
        { metric: 'state.fulfillment.ACTIVE', op: '==', value: 2 },
        { metric: 'state.fulfillment.dropped', op: '==', value: 0 },
        { metric: 'groups.fulfillment.outOfOrder', op: '==', value: 0 },
      ],
    },
    {
      name: 'Reporting, deployed at 15 s, replays all 4 events from the earliest offset, in order, to the same state',
      faults: [],
      assert: [
        { metric: 'groups.reporting.processed', op: '==', value: 4 },
        { metric: 'groups.reporting.outOfOrder', op: '==', value: 0 },
        { metric: 'state.reporting.CANCELED', op: '==', value: 1 },
        { metric: 'state.reporting.ACTIVE', op: '==', value: 2 },
        { metric: 'groups.*.lag', op: '==', value: 0 },
      ],
    },
    {
      name: 'before 15 s Reporting has read nothing',
      faults: [],
      untilMs: 14_900,
      assert: [{ metric: 'groups.reporting.processed', op: '==', value: 0 }],
    },
  ],
};

export const lesson02: Scenario[] = [eventCancelOrder];
