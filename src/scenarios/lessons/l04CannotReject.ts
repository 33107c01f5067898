// Lesson 4 (MISSION §2, §4): events cannot be rejected. An event handler must eventually process
// every event, however long its own outage lasts: its consumer group falls behind, then resumes
// from its committed offset and catches up. The log must keep the events long enough for that —
// a retention shorter than the outage deletes them first. Cases C1 and C4 (kafkaCases.ts) finish
// the lesson: a commit made too early loses an event; a poison event must be parked, not dropped.
import type { Scenario } from '../../engine/types';
import { c1CommitAfterCrash, c1CommitAfterDuplicate, c1CommitBeforeCrash, c4DeadLetterTopic, c4PoisonBlocks } from '../kafkaCases';
import { lesson } from './lessonNames';
import { client, consumer, endpoint, poisson, publish, service, topic } from './parts';

const LESSON = lesson(4);
const DURATION_MS = 180_000;
/** Fulfillment is down for two minutes. */
const OUTAGE = { target: 'fulfillment', kind: 'down' as const, fromMs: 10_000, untilMs: 130_000 };

function nodes(retentionMs?: number): Scenario['nodes'] {
  return [
    client('shoppers', 'Shoppers', 'place orders', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'publishes order-placed', { x: 260, y: 170 }, { endpoints: [endpoint('place-order', [publish('online-orders', 'order-placed')])] }),
    topic('online-orders', { x: 520, y: 150 }, 3, retentionMs === undefined ? {} : { retentionMs, role: `topic · 3 partitions · retention ${retentionMs / 1000} s` }),
    service('fulfillment', 'Order Fulfillment', 'down 10 s – 130 s', { x: 800, y: 40 }, { consumers: [consumer('fulfillment', 'online-orders')] }),
    service('inventory', 'Inventory', 'bounded context', { x: 800, y: 300 }, { consumers: [consumer('inventory', 'online-orders')] }),
  ];
}

const common = {
  lesson: LESSON.en,
  durationMs: DURATION_MS,
  seed: 4,
  networkMs: 100,
  // The shop closes at 170 s so the last orders settle before the end.
  workload: [poisson('shoppers', 2, 170_000)],
  faults: [OUTAGE],
};

export const consumerOutageCatchUp: Scenario = {
  ...common,
  id: 'consumer-outage-catch-up',
  title: 'A consumer down for two minutes catches up',
  summary: 'Fulfillment is down from 10 s to 130 s. Checkout never notices; Fulfillment’s lag grows to about 240 events, then it resumes from its committed offset and processes every one of them. Nothing is lost.',
  minutes: 4,
  compareWith: 'consumer-outage-retention',
  steps: [
    {
      title: 'Two consumer groups keep up',
      text: 'Shoppers place about 2 orders a second; Checkout publishes each as order-placed to online-orders. Fulfillment and Inventory each read every event in their own consumer group, and their lag stays at 5 or less.',
      highlight: ['checkout->online-orders', 'online-orders', 'fulfillment', 'inventory'],
      atMs: 9000,
    },
    {
      title: 'Fulfillment is down',
      text: 'From 10 s Fulfillment is down. Events keep arriving and stay in the log; Fulfillment’s committed offsets stop moving, so its lag grows by about 2 events a second — over 70 by 60 s. Checkout and Inventory do not notice.',
      highlight: ['fulfillment', 'online-orders'],
      atMs: 60_000,
      question: {
        prompt: 'Fulfillment has been down for 50 s. What happens to the order-placed events it has not read?',
        choices: ['They are returned to Checkout as failures', 'They are dropped', 'They wait in the log, and Fulfillment’s lag grows'],
        answer: 2,
        explanation: 'The broker keeps the log for every group; each group tracks its own committed offset. An event nobody could handle yet simply waits.',
      },
    },
    {
      title: 'Two minutes behind',
      text: 'Just before it comes back, Fulfillment is more than 180 events behind, while Inventory’s lag is under 5. A synchronous POST would have given up after its timeout long ago (lesson 5); an event just waits to be handled.',
      highlight: ['fulfillment', 'inventory'],
      atMs: 129_000,
    },
    {
      title: 'Catching up',
      text: 'At 130 s Fulfillment restarts, rejoins its consumer group, resumes from its committed offset and works through the backlog: within 30 s its lag is back to at most 2.',
      highlight: ['online-orders->fulfillment', 'fulfillment'],
      atMs: 160_000,
      question: {
        prompt: 'Where does Fulfillment resume reading when it comes back?',
        choices: ['At the newest event: the old ones are stale', 'At its committed offset: the first event it had not finished', 'At offset 0: everything again'],
        answer: 1,
        explanation: 'The committed offset is the group’s bookmark: everything before it is done, everything from it on still has to be processed.',
      },
    },
    {
      title: 'Nothing lost',
      text: 'Each group processed every event exactly once: none lost, none twice. The oldest waited about two minutes (p99 delay over 100 s). The handler could not reject these events, and did not need to: it only had to get to them eventually.',
      highlight: ['fulfillment', 'inventory'],
      atMs: 179_000,
    },
  ],
  nodes: nodes(),
  expectations: [
    {
      name: 'Checkout is untouched: every order succeeds',
      faults: [],
      assert: [
        { metric: 'checkout.successRate', op: '==', value: 1 },
        { metric: 'checkout.p99LatencyMs', op: '<', value: 1000 },
      ],
    },
    {
      name: 'before the outage both groups keep up',
      faults: [],
      untilMs: 9000,
      assert: [{ metric: 'groups.*.maxLag', op: '<=', value: 5 }],
    },
    {
      name: 'at 60 s, 50 s into the outage, Fulfillment is over 70 events behind',
      faults: [],
      untilMs: 60_000,
      assert: [{ metric: 'groups.fulfillment.lag', op: '>', value: 70 }],
    },
    {
      name: 'just before Fulfillment comes back, its lag is over 180 events; Inventory keeps up',
      faults: [],
      untilMs: 129_000,
      assert: [
        { metric: 'groups.fulfillment.lag', op: '>', value: 180 },
        { metric: 'groups.inventory.lag', op: '<', value: 5 },
      ],
    },
    {
      name: 'within 30 s of coming back Fulfillment has caught up',
      faults: [],
      untilMs: 160_000,
      assert: [{ metric: 'groups.fulfillment.lag', op: '<=', value: 2 }],
    },
    {
      name: 'every event is processed once by both groups: none lost, none twice',
      faults: [],
      assert: [
        { metric: 'groups.*.processed', op: '==', other: { metric: 'events.published', factor: 1 } },
        { metric: 'groups.*.lost', op: '==', value: 0 },
        { metric: 'groups.*.duplicates', op: '==', value: 0 },
        { metric: 'groups.*.lag', op: '==', value: 0 },
      ],
    },
    {
      name: 'the oldest events waited about two minutes, and were still processed',
      faults: [],
      assert: [{ metric: 'groups.fulfillment.p99DelayMs', op: '>', value: 100_000 }],
    },
  ],
};

export const consumerOutageRetention: Scenario = {
  ...common,
  id: 'consumer-outage-retention',
  title: 'The same outage with a 60 s retention',
  summary: 'The same two-minute outage, but the topic deletes records older than 60 s. When Fulfillment comes back, the events it missed first are gone: the log must keep events longer than the longest outage.',
  minutes: 3,
  compareWith: 'consumer-outage-catch-up',
  steps: [
    {
      title: 'The same shop, a shorter memory',
      text: 'The same shoppers and the same outage of Fulfillment from 10 s to 130 s, but online-orders keeps records for only 60 s (its retention). Older records are deleted whether or not every consumer group has read them.',
      highlight: ['online-orders', 'fulfillment'],
      atMs: 9000,
    },
    {
      title: 'The log forgets',
      text: 'While Fulfillment is down, the broker deletes records older than 60 s. Inventory read them long ago; Fulfillment never did: by 100 s more than 20 of its events are gone for good.',
      highlight: ['online-orders', 'fulfillment'],
      atMs: 100_000,
      question: {
        prompt: 'An event Fulfillment has not read becomes older than the retention. What does the broker do?',
        choices: ['It waits until Fulfillment has read it', 'It deletes it anyway', 'It moves it to a dead-letter topic'],
        answer: 1,
        explanation: 'Retention is by age (or size), not by consumption: the broker does not wait for any consumer group.',
      },
    },
    {
      title: 'Back, with a gap',
      text: 'At 130 s Fulfillment returns. Its committed offset now points before the start of the log, so it resumes at the earliest record still kept (auto.offset.reset = earliest). The events deleted in between — more than 60 — are lost for Fulfillment.',
      highlight: ['online-orders->fulfillment', 'fulfillment'],
      atMs: 135_000,
    },
    {
      title: 'Retention must outlast outages',
      text: 'Inventory processed every event; Fulfillment processed fewer than were published. Events cannot be rejected, and must not be forgotten either: keep them longer than the longest outage you mean to survive (days, in practice).',
      highlight: ['inventory', 'fulfillment'],
      atMs: 179_000,
    },
  ],
  nodes: nodes(60_000),
  expectations: [
    {
      name: 'by 100 s the broker has already deleted events Fulfillment never read',
      faults: [],
      untilMs: 100_000,
      assert: [
        { metric: 'groups.fulfillment.lost', op: '>', value: 20 },
        { metric: 'groups.inventory.lost', op: '==', value: 0 },
      ],
    },
    {
      name: 'Fulfillment loses the events deleted by retention during its outage',
      faults: [],
      assert: [
        { metric: 'groups.fulfillment.lost', op: '>', value: 60 },
        { metric: 'groups.fulfillment.processed', op: '<', other: { metric: 'events.published', factor: 1 } },
      ],
    },
    {
      name: 'Inventory, which kept up, loses nothing',
      faults: [],
      assert: [
        { metric: 'groups.inventory.lost', op: '==', value: 0 },
        { metric: 'groups.inventory.processed', op: '==', other: { metric: 'events.published', factor: 1 } },
      ],
    },
  ],
};

export const lesson04: Scenario[] = [consumerOutageCatchUp, consumerOutageRetention, c1CommitBeforeCrash, c1CommitAfterCrash, c1CommitAfterDuplicate, c4PoisonBlocks, c4DeadLetterTopic];
