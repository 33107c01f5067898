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
