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
      text: 'By 3.6 s the log holds three order-placed events: o1 in partition 1 (offset 0), o2 and o3 in partition 2 (offsets 0 and 1) — where Kafka’s own partitioner puts these keys. Fulfillment holds 3 ACTIVE orders.',
      highlight: ['orders', 'fulfillment'],
      atMs: 3600,
    },
    {
      title: 'Canceling o2: a new command, a new event',
      text: 'At 8 s the shopper sends a new command, cancel-order o2. Checkout owns it, and as it succeeds, Checkout appends a new event: order-canceled o2, at offset 2 of partition 2 — after order-placed o2, which stays where it was.',
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
      name: 'by 3.6 s three order-placed events are in the log (o1 in partition 1; o2, o3 in partition 2) and Fulfillment holds 3 ACTIVE orders',
      faults: [],
      untilMs: 3600,
      assert: [
        { metric: 'topics.orders.appended', op: '==', value: 3 },
        { metric: 'topics.orders.partitions.1.logEnd', op: '==', value: 1 },
        { metric: 'topics.orders.partitions.2.logEnd', op: '==', value: 2 },
        { metric: 'topics.orders.partitions.0.logEnd', op: '==', value: 0 },
        { metric: 'state.fulfillment.ACTIVE', op: '==', value: 3 },
      ],
    },
    {
      name: 'the cancel appends a fourth event, order-canceled o2 at offset 2 of partition 2; nothing is removed from the log',
      faults: [],
      assert: [
        { metric: 'topics.orders.partitions.2.logStart', op: '==', value: 0 },
        { metric: 'topics.orders.partitions.2.logEnd', op: '==', value: 3 },
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
