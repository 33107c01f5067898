// Lesson 6 (MISSION §3, "intermediate"): asynchronous calls with retries. Checkout commits the
// order, answers at once, and calls Fulfillment in the background, retrying in memory. Short
// outages are bridged; a long outage exhausts the retries, and a crash of Checkout forgets the
// retries it was holding. Better than waiting — still coupled: Checkout still knows and calls
// every interested context.
import type { ScriptItem, Scenario } from '../../engine/types';
import { lesson } from './lessonNames';
import { client, endpoint, ms, service } from './parts';

const LESSON = lesson(6);

/** One order a second, at 0.5 s, 1.5 s, … 99.5 s: fixed times make every count exact. */
const ORDERS: ScriptItem[] = Array.from({ length: 100 }, (_, i) => ({ atMs: 500 + 1000 * i, key: `o${i + 1}`, label: `o${i + 1}` }));

/** 5 attempts, 1 + 2 + 4 + 8 s apart: a retry budget of about 15 s. */
const BACKGROUND_RETRY = { maxAttempts: 5, backoffMs: 1000, multiplier: 2, maxBackoffMs: 8000, jitter: 0 };

export const asyncCallRetries: Scenario = {
  id: 'async-call-retries',
  title: 'Asynchronous calls with retries in memory',
  summary: 'Checkout commits the order, answers 201 at once and calls Fulfillment in the background, retrying for about 15 s. A 6 s outage is bridged; a 30 s outage loses orders; a Checkout restart loses the retries it held.',
  lesson: LESSON.en,
  minutes: 5,
  steps: [
    {
      title: 'Answer first, call later',
      text: 'Checkout commits each order and answers 201 at once (0.3 s), then calls ship-order on Fulfillment in the background. A failed call is retried from memory: 5 attempts, 1, 2, 4 and 8 s apart — about 15 s in all. By 9 s: 9 orders, 9 shipments.',
      highlight: ['checkout', 'checkout->fulfillment'],
      atMs: 9000,
    },
    {
      title: 'A short outage is bridged',
      text: 'Fulfillment is down from 10 s to 16 s. Shoppers still get 201 in 0.3 s. The background calls fail and are retried, and once Fulfillment is back every waiting order ships: by 28 s, 28 orders and 28 shipments.',
      highlight: ['fulfillment', 'checkout->fulfillment'],
      atMs: 28_000,
      question: {
        prompt: 'Fulfillment is down for 6 s. What do the shoppers notice?',
        choices: ['Their orders fail', 'Their orders take 6 s longer', 'Nothing: they got 201 at once'],
        answer: 2,
        explanation: 'The call is no longer in the shopper’s path: Checkout answers first and retries afterwards.',
      },
    },
    {
      title: 'A long outage exhausts the retries',
      text: 'From 30 s to 60 s Fulfillment is down for 30 s, twice the retry budget. Orders placed in the first half of the outage run out of attempts and are dropped, silently: by 74 s Checkout holds 74 orders and Fulfillment 60 shipments. 14 orders will never ship, and nobody was told.',
      highlight: ['fulfillment', 'checkout'],
      atMs: 74_000,
      question: {
        prompt: 'Fulfillment is down for 30 s; Checkout retries for about 15 s. What happens to an order placed as the outage starts?',
        choices: ['It ships when Fulfillment is back', 'It never ships, though the shopper got 201', 'The shopper gets an error'],
        answer: 1,
        explanation: 'Retries in memory have a budget. When it runs out the call is abandoned; the shopper was answered long ago.',
      },
    },
    {
      title: 'A restart forgets the retries',
      text: 'Fulfillment is down again from 75 s to 81 s — short enough to bridge — but Checkout restarts at 78 s. Its pending retries lived in memory and die with the process: the 3 orders placed at 75.5, 76.5 and 77.5 s never ship, although Fulfillment is back at 81 s.',
      highlight: ['checkout', 'fulfillment'],
      atMs: 90_000,
    },
    {
      title: 'Better, still coupled',
      text: '100 orders, every one answered 201 in 0.3 s — and 83 shipped. Asynchronous calls took Fulfillment’s latency out of checkout, but Checkout still knows and calls Fulfillment, and a long outage or a restart loses work. Lesson 7: publish an event to a durable log instead.',
      highlight: ['checkout', 'fulfillment'],
      atMs: 109_000,
    },
  ],
  durationMs: 110_000,
  seed: 6,
  networkMs: 100,
  nodes: [
    client('shoppers', 'Shoppers', 'one order a second', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'answers, then calls in the background', { x: 300, y: 170 }, {
      endpoints: [
        endpoint('place-order', [{ kind: 'call', target: 'fulfillment', endpoint: 'ship-order', timeoutMs: 1000, retry: BACKGROUND_RETRY, async: true }], {
          processing: ms(100),
        }),
      ],
    }),
    service('fulfillment', 'Order Fulfillment', 'ships orders', { x: 650, y: 170 }, {
      endpoints: [endpoint('ship-order', [], { processing: ms(100), validate: false, successStatus: 200 })],
    }),
  ],
  workload: [{ kind: 'script', client: 'shoppers', items: ORDERS }],
  faults: [
    // A short outage: shorter than the retry budget.
    { target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 16_000 },
    // A long outage: longer than the retry budget.
    { target: 'fulfillment', kind: 'down', fromMs: 30_000, untilMs: 60_000 },
    // Another short outage, but Checkout restarts in the middle of it.
    { target: 'fulfillment', kind: 'down', fromMs: 75_000, untilMs: 81_000 },
    { target: 'checkout', kind: 'down', fromMs: 78_000, untilMs: 78_300 },
  ],
  expectations: [
    {
      name: 'every shopper gets 201 in 0.3 s, outages or not',
      faults: [],
      assert: [
        { metric: 'clients.shoppers.succeeded', op: '==', value: 100 },
        { metric: 'clients.shoppers.failed', op: '==', value: 0 },
        { metric: 'clients.shoppers.p99LatencyMs', op: '==', value: 300 },
      ],
    },
    {
      name: 'by 9 s: 9 orders, 9 shipments',
      faults: [],
      untilMs: 9000,
      assert: [
        { metric: 'store.checkout.rows', op: '==', value: 9 },
        { metric: 'store.fulfillment.rows', op: '==', value: 9 },
      ],
    },
    {
      name: 'the 6 s outage is bridged by the retries: by 28 s, 28 orders and 28 shipments',
      faults: [],
      untilMs: 28_000,
      assert: [
        { metric: 'store.checkout.rows', op: '==', value: 28 },
        { metric: 'store.fulfillment.rows', op: '==', value: 28 },
      ],
    },
    {
      name: 'the 30 s outage exhausts the retries: by 74 s, 74 orders but 60 shipments',
      faults: [],
      untilMs: 74_000,
      assert: [
        { metric: 'store.checkout.rows', op: '==', value: 74 },
        { metric: 'store.fulfillment.rows', op: '==', value: 60 },
      ],
    },
    {
      name: 'the restart of Checkout at 78 s loses 3 pending retries: from 74 s to 90 s, 16 orders but 13 shipments',
      faults: [],
      untilMs: 90_000,
      assert: [
        { metric: 'store.checkout.rows', op: '==', value: 90 },
        { metric: 'store.fulfillment.rows', op: '==', value: 73 },
      ],
    },
    {
      name: 'in the end 100 orders, 83 shipped, none shipped twice',
      faults: [],
      assert: [
        { metric: 'store.checkout.rows', op: '==', value: 100 },
        { metric: 'store.fulfillment.rows', op: '==', value: 83 },
        { metric: 'store.fulfillment.duplicateRows', op: '==', value: 0 },
      ],
    },
  ],
};

export const lesson06: Scenario[] = [asyncCallRetries];
