// Lesson 5 (MISSION §3): the naive design — Checkout POSTs to every interested context and waits.
// The flagship pair (checkout.ts) shows the outage coupling and the pub/sub alternative; this file
// adds Checkout as it was before Analytics asked for orders, with two calls instead of three, so
// the learner sees that a new interested context means changing Checkout, and paying for it on
// every order.
import type { Scenario } from '../../engine/types';
import { checkoutPubsub, checkoutSync } from '../checkout';
import { lesson } from './lessonNames';

const LESSON = lesson(5);

const isAnalyticsCall = (a: { kind: string; target?: string }): boolean => a.kind === 'call' && a.target === 'analytics';

export const checkoutSyncTwoCalls: Scenario = {
  ...checkoutSync,
  id: 'checkout-sync-two-calls',
  title: 'Before Analytics: Checkout calls two contexts',
  summary: 'The same shoppers and orders, before Analytics existed: Checkout POSTs to Fulfillment and Inventory only. Compare it with checkout-sync, where the Checkout team had to add a third call.',
  lesson: LESSON.en,
  minutes: 3,
  compareWith: 'checkout-sync',
  nodes: checkoutSync.nodes
    .filter((n) => n.id !== 'analytics')
    .map((n) => (n.kind === 'service' && n.id === 'checkout' ? { ...n, endpoints: n.endpoints.map((e) => ({ ...e, then: e.then.filter((a) => !isAnalyticsCall(a)) })) } : n)),
  steps: [
    {
      title: 'Two calls per order',
      text: 'Checkout validates each place-order, commits it, then POSTs ship-order to Fulfillment and reserve-stock to Inventory, one after the other, and answers 201 when both have answered. The median order takes about 1.0 s.',
      highlight: ['checkout', 'checkout->fulfillment', 'checkout->inventory'],
      atMs: 10_000,
    },
    {
      title: 'Analytics wants the orders too',
      text: 'Now Analytics also needs every sale. With synchronous calls, Checkout must be changed: a third POST, record-sale, in its code, tested and redeployed by the Checkout team — for a context Checkout has no business reason to know about.',
      highlight: ['checkout'],
      atMs: 25_000,
      question: {
        prompt: 'Analytics needs every order. In this design, which service has to change?',
        choices: ['Only Analytics', 'Checkout (and Analytics)', 'Neither: Analytics can read the orders from Fulfillment'],
        answer: 1,
        explanation: 'In the POST design the caller decides who hears about an order: every new interested context is a change to Checkout.',
      },
    },
    {
      title: 'Every order pays for it',
      text: 'Open the compare view (checkout-sync, three calls): the third round trip adds to every order, and the median goes from about 1.0 s to about 1.3 s. Latencies add up call by call; so do the ways to fail.',
      highlight: ['checkout', 'shoppers->checkout'],
      atMs: 55_000,
      question: {
        prompt: 'With a third synchronous call (record-sale, about 50 ms of work plus two network hops of 120 ms), the median checkout becomes…',
        choices: ['About the same', 'About 0.3 s slower', 'Twice as slow'],
        answer: 1,
        explanation: 'Two hops of 120 ms plus about 50 ms of work: roughly 0.3 s more on every order, as checkout-sync shows.',
      },
    },
  ],
  i18n: {
    'zh-CN': {
      title: '加入 Analytics 之前：Checkout 调用两个上下文',
      summary: '同样的顾客和订单，在 Analytics 出现之前：Checkout 只向 Fulfillment 和 Inventory 发 POST。与 checkout-sync 对比，在那里 Checkout 团队不得不加上第三个调用。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '每个订单两次调用',
          text: 'Checkout 验证每个 place-order 并提交，然后依次向 Fulfillment 发送 POST ship-order、向 Inventory 发送 POST reserve-stock，两者都回答后才回答 201。订单耗时的中位数约为 1.0 秒。',
        },
        {
          title: 'Analytics 也想要订单',
          text: '现在 Analytics 也需要每一笔销售。在同步调用的设计下，必须修改 Checkout：在它的代码里加第三个 POST，record-sale，由 Checkout 团队测试并重新部署——而 Checkout 在业务上根本没有理由知道这个上下文。',
          question: {
            prompt: 'Analytics 需要每个订单。在这种设计下，哪个服务必须修改？',
            choices: ['只有 Analytics', 'Checkout（以及 Analytics）', '都不用：Analytics 可以从 Fulfillment 读订单'],
            explanation: '在 POST 设计中，由调用方决定谁会得知一个订单：每个新的关心方都意味着修改 Checkout。',
          },
        },
        {
          title: '每个订单都要为此付出代价',
          text: '打开对比视图（checkout-sync，三次调用）：第三次往返加在每个订单上，中位数从约 1.0 秒变为约 1.3 秒。延迟一次调用一次调用地累加；失败的可能也是如此。',
          question: {
            prompt: '加上第三个同步调用（record-sale，约 50 毫秒的处理，加上两次 120 毫秒的网络传输）后，结账的中位耗时会……',
            choices: ['差不多', '慢约 0.3 秒', '慢一倍'],
            explanation: '两次 120 毫秒的传输加上约 50 毫秒的处理：每个订单大约多 0.3 秒，checkout-sync 正是如此。',
          },
        },
      ],
      expectations: ['两次调用：结账耗时中位数约 1.0 秒（低于 1.15 秒）', '没有故障时，每个有效订单都成功'],
    },
  },
  expectations: [
    {
      name: 'two calls: the median checkout takes about 1.0 s (under 1.15 s)',
      faults: [],
      assert: [
        { metric: 'checkout.p50LatencyMs', op: '>', value: 900 },
        { metric: 'checkout.p50LatencyMs', op: '<', value: 1150 },
      ],
    },
    {
      name: 'without faults every valid order succeeds',
      faults: [],
      assert: [{ metric: 'checkout.successRate', op: '==', value: 1 }],
    },
  ],
};

export const lesson05: Scenario[] = [checkoutSyncTwoCalls, checkoutSync, checkoutPubsub];
