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
  i18n: {
    'zh-CN': {
      title: '为审计而发布失败的命令',
      summary: 'Checkout 为每个被接受的订单发布 order-placed，为每个被拒绝的订单发布 order-failed。Fulfillment 只看到真正的订单；Analytics 统计每一次失败，出现技术故障时，500 也会被发布。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '成功和失败，都是事实',
          text: '每个 place-order 要么成功——Checkout 把 order-placed 发布到 online-orders——要么数据验证失败（这里约五分之一）并得到 422。这次失败也确实发生了，业务方想知道：Checkout 把它作为 order-failed 发布到 order-failures。',
        },
        {
          title: '每个消费者挑选自己关心的事实',
          text: 'Fulfillment 消费 online-orders：每个被接受的订单，不含任何被拒绝的。Analytics 消费 order-failures：每次拒绝恰好一个事件，用于审计，或者用来发现比如一个坏掉的支付表单。',
          question: {
            prompt: '哪些订单会到达 Fulfillment？',
            choices: ['所有订单，不管失败与否', '只有被接受的订单', '只有失败的订单，以便跟进'],
            explanation: '失败的命令作为另一种事件类型发布在自己的主题上。Fulfillment 只订阅它必须处理的事件。',
          },
        },
        {
          title: '技术故障也一样',
          text: '动手试试：让 Checkout 从 20 秒到 40 秒有 30% 的尝试失败（Error）。这些 500 同样被发布为 order-failed，于是 order-failures 中的事件比拒绝的次数更多；Fulfillment 仍然只看到被接受的订单。',
        },
      ],
      expectations: [
        '每个被拒绝的订单成为一个 order-failed 事件；Analytics 处理每一个',
        'Fulfillment 只看到被接受的订单',
        '20 秒到 40 秒之间 Checkout 有 30% 的尝试失败时，500 也会被发布',
      ],
    },
  },
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
