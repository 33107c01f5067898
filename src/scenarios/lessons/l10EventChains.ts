// Lesson 10 (MISSION §6, event chains): a consumer of events often emits its own. Fulfillment
// consumes order-placed and, once it has shipped the order, publishes order-fulfilled, which a
// third context (Notifications) consumes. Nobody upstream knows who is downstream.
import type { Scenario } from '../../engine/types';
import { lesson } from './lessonNames';
import { around, client, consumer, endpoint, poisson, publish, service, topic } from './parts';

const LESSON = lesson(10);

export const eventChain: Scenario = {
  id: 'event-chain',
  title: 'An event chain: order-placed → order-fulfilled',
  summary: 'Fulfillment consumes order-placed and publishes order-fulfilled for each shipped order; Notifications consumes order-fulfilled and emails the shopper. When Fulfillment is down the chain pauses; nothing is lost and Checkout never notices.',
  lesson: LESSON.en,
  minutes: 3,
  steps: [
    {
      title: 'A chain of facts',
      text: 'Checkout publishes order-placed. Fulfillment consumes it, ships the order and publishes an event of its own, order-fulfilled, to shipments; Notifications consumes that and emails the shopper. Each context knows only the topics it reads and writes.',
      highlight: ['online-orders->fulfillment', 'fulfillment->shipments', 'shipments->notifications'],
      atMs: 10_000,
    },
    {
      title: 'A link in the chain is down',
      text: 'From 20 s to 35 s Fulfillment is down: order-placed piles up in its consumer group (lag over 5) and order-fulfilled stops coming, so Notifications has nothing to do. Nothing fails: Checkout still answers every order.',
      highlight: ['fulfillment', 'notifications', 'checkout'],
      atMs: 34_900,
      question: {
        prompt: 'Fulfillment is down from 20 s to 35 s. What happens to Notifications?',
        choices: ['It fails: its upstream is down', 'It idles: no order-fulfilled arrives, and nothing fails', 'It reads order-placed directly instead'],
        answer: 1,
        explanation: 'Notifications depends on order-fulfilled events, not on Fulfillment being up. No event, no work — and no error.',
      },
    },
    {
      title: 'The chain resumes',
      text: 'Fulfillment resumes from its committed offset, ships the backlog and publishes one order-fulfilled per order; Notifications catches up. In the end there are as many order-fulfilled as order-placed, each handled once: nothing lost, nothing doubled.',
      highlight: ['fulfillment', 'shipments', 'notifications'],
      atMs: 59_000,
    },
  ],
  durationMs: 60_000,
  seed: 10,
  networkMs: 100,
  nodes: [
    client('shoppers', 'Shoppers', 'place orders', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'publishes order-placed', { x: 230, y: 170 }, { endpoints: [endpoint('place-order', [publish('online-orders', 'order-placed')])] }),
    topic('online-orders', { x: 470, y: 150 }, 3),
    service('fulfillment', 'Order Fulfillment', 'ships, then publishes order-fulfilled', { x: 710, y: 170 }, {
      consumers: [consumer('fulfillment', 'online-orders', { processing: around(100), emits: [{ topic: 'shipments', eventType: 'order-fulfilled' }] })],
    }),
    topic('shipments', { x: 950, y: 40 }, 3),
    service('notifications', 'Notifications', 'emails the shopper', { x: 950, y: 300 }, { consumers: [consumer('notifications', 'shipments')] }),
  ],
  workload: [poisson('shoppers', 1, 50_000)],
  faults: [{ target: 'fulfillment', kind: 'down', fromMs: 20_000, untilMs: 35_000 }],
  expectations: [
    {
      name: 'before the outage each order-placed is followed by an order-fulfilled, and Notifications keeps up',
      faults: [],
      untilMs: 19_500,
      assert: [
        { metric: 'groups.fulfillment.lag', op: '<=', value: 3 },
        { metric: 'groups.notifications.lag', op: '<=', value: 3 },
        { metric: 'topics.shipments.appended', op: '>=', other: { metric: 'topics.online-orders.appended', factor: 0.8 } },
      ],
    },
    {
      name: 'while Fulfillment is down, order-placed piles up and order-fulfilled stops; Checkout is untouched',
      faults: [],
      untilMs: 34_900,
      assert: [
        { metric: 'groups.fulfillment.lag', op: '>', value: 5 },
        { metric: 'topics.shipments.appended', op: '<', other: { metric: 'topics.online-orders.appended', factor: 0.8 } },
        { metric: 'groups.notifications.lag', op: '==', value: 0 },
        { metric: 'checkout.successRate', op: '==', value: 1 },
      ],
    },
    {
      name: 'in the end: one order-fulfilled per order-placed, each handled by Notifications; nothing lost or doubled',
      faults: [],
      assert: [
        { metric: 'topics.shipments.appended', op: '==', other: { metric: 'topics.online-orders.appended', factor: 1 } },
        { metric: 'groups.notifications.processed', op: '==', other: { metric: 'topics.shipments.appended', factor: 1 } },
        { metric: 'groups.*.lost', op: '==', value: 0 },
        { metric: 'groups.*.duplicates', op: '==', value: 0 },
        { metric: 'groups.*.lag', op: '==', value: 0 },
        { metric: 'checkout.successRate', op: '==', value: 1 },
      ],
    },
  ],
};

export const lesson10: Scenario[] = [eventChain];
