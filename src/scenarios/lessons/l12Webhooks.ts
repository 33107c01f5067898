// Lesson 12 (MISSION §6, third-party events via webhooks): a partner POSTs events to our endpoint.
// They are events, not commands, so none may be lost: the partner retries while we are down; we
// validate at once (4xx: the partner parks the event, fixes it and sends it again) and store the
// event on our own topic before answering 2xx; a repeated delivery is recognised by its event id.
// Case C8 (webhookCases.ts) finishes the lesson: what a missing de-duplication costs.
import type { JsonSchema, Scenario } from '../../engine/types';
import { c8Deduplicated, c8Duplicate, c8WriteThen4xx, c8WriteThen4xxNoRetry } from '../webhookCases';
import { lesson } from './lessonNames';
import { client, consumer, endpoint, ms, publish, service, topic } from './parts';

const LESSON = lesson(12);

const PAYMENT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'amount', 'currency'],
  properties: {
    id: { type: 'string' },
    amount: { type: 'number', minimum: 0.01 },
    currency: { type: 'string', enum: ['EUR', 'USD'] },
  },
};

export const webhookPartnerEvents: Scenario = {
  id: 'webhook-partner-events',
  title: 'Receiving a partner’s events by webhook',
  summary: 'A payment provider POSTs payment events to our endpoint. We validate each at once, store it on our own topic and only then answer 200. A bad payload gets 422 and comes back fixed; while we are down the provider retries; a repeated delivery is answered as a no-op. Every event reaches our ledger exactly once.',
  lesson: LESSON.en,
  minutes: 5,
  steps: [
    {
      title: 'An event arrives by webhook',
      text: 'The provider POSTs payment-succeeded e1. It is an event — the payment already happened — so we must not lose it. Our endpoint validates it against its schema, stores it on our own topic, payment-events, and only then answers 200. The ledger consumes it from there.',
      highlight: ['provider->webhook', 'webhook->payment-events', 'payment-events->ledger'],
      atMs: 1500,
    },
    {
      title: 'A bad payload: 4xx, fix, resend',
      text: 'e2 arrives with amount −10. We answer 422 at once, naming the field (“\'amount\' must be at least 0.01”), and store nothing. The provider parks e2, fixes it and sends it again 5 s later: 200, stored, booked.',
      highlight: ['webhook', 'provider'],
      atMs: 8700,
      question: {
        prompt: 'e2 has a negative amount. What should our endpoint answer?',
        choices: ['200, and drop it', '422 at once, naming the field', '500, so that the provider retries'],
        answer: 1,
        explanation: 'A 5xx would make the provider resend the same bad payload again and again. A 4xx says: this one is wrong — fix it and send it again.',
      },
    },
    {
      title: 'We are down: the provider retries',
      text: 'From 10 s to 25 s our endpoint is down. e3, e4 and e5 are refused, and the provider retries each with growing delays (1, 2, 4, 8 s). Just before we are back none of them is stored yet, and none is lost: they wait at the provider.',
      highlight: ['webhook', 'provider->webhook'],
      atMs: 24_900,
      question: {
        prompt: 'Our endpoint is down when e3 is sent. Who makes sure e3 is not lost?',
        choices: ['Nobody: it is lost', 'The provider, by retrying until we answer 2xx', 'Our ledger, by asking the provider later'],
        answer: 1,
        explanation: 'Until we answer 2xx, the event is the provider’s responsibility: a robust provider keeps retrying, for hours if need be.',
      },
    },
    {
      title: 'Back up: every event accepted',
      text: 'Back at 25 s, the next retries get through: e3, e4 and e5 are stored and answered 200, each about 16 s after it was first sent.',
      highlight: ['webhook->payment-events', 'ledger'],
      atMs: 32_500,
    },
    {
      title: 'The same event twice',
      text: 'At 38 s the provider delivers e6 a second time (webhooks are delivered at least once). Our endpoint remembers event ids: it answers 200 again and stores nothing new.',
      highlight: ['webhook'],
      atMs: 38_300,
    },
    {
      title: 'Every event, exactly once',
      text: 'The ledger booked 6 payments, e1 to e6, each exactly once, and not one delivery failed for good: the 4xx was fixed, the outage retried through, the duplicate recognised. The C8 cases below show what goes wrong without these.',
      highlight: ['ledger', 'payment-events'],
      atMs: 59_000,
    },
  ],
  durationMs: 60_000,
  seed: 12,
  networkMs: 100,
  nodes: [
    client('provider', 'Payment provider', 'retries 5xx · fixes 4xx', { x: 0, y: 170 }, 'webhook', 'payment-succeeded', {
      retry: { maxAttempts: 8, backoffMs: 1000, multiplier: 2, maxBackoffMs: 16_000, jitter: 0 },
      onRejected: { fixAfterMs: 5000 },
      payload: { valid: { id: '{key}', amount: 10, currency: 'EUR' }, invalid: [{ path: 'amount', value: -10, reason: 'a negative amount' }] },
    }),
    service('webhook', 'Our webhook endpoint', 'validate, store, then 200', { x: 280, y: 170 }, {
      endpoints: [
        endpoint('payment-succeeded', [publish('payment-events', 'payment-succeeded')], { processing: ms(50), schema: PAYMENT_SCHEMA, idempotent: true, successStatus: 200 }),
      ],
    }),
    topic('payment-events', { x: 560, y: 150 }, 1),
    service('ledger', 'Ledger', 'books payments', { x: 840, y: 170 }, { consumers: [consumer('ledger', 'payment-events')] }),
  ],
  workload: [
    {
      kind: 'script',
      client: 'provider',
      items: [
        { atMs: 1000, key: 'e1', label: 'e1', id: 'e1' },
        { atMs: 3000, key: 'e2', label: 'e2', id: 'e2', invalid: true },
        { atMs: 12_000, key: 'e3', label: 'e3', id: 'e3' },
        { atMs: 14_000, key: 'e4', label: 'e4', id: 'e4' },
        { atMs: 16_000, key: 'e5', label: 'e5', id: 'e5' },
        { atMs: 35_000, key: 'e6', label: 'e6', id: 'e6' },
        { atMs: 38_000, key: 'e6', label: 'e6', id: 'e6' },
      ],
    },
  ],
  // Our endpoint is down from 10 s to 25 s (a bad deploy).
  faults: [{ target: 'webhook', kind: 'down', fromMs: 10_000, untilMs: 25_000 }],
  expectations: [
    {
      name: 'e1 is validated, stored on payment-events, then answered 200',
      faults: [],
      untilMs: 1500,
      assert: [
        { metric: 'topics.payment-events.appended', op: '==', value: 1 },
        { metric: 'clients.provider.succeeded', op: '==', value: 1 },
      ],
    },
    {
      name: 'e2 (negative amount) gets 422 and is stored nowhere',
      faults: [],
      untilMs: 4000,
      assert: [
        { metric: 'clients.provider.rejected', op: '==', value: 1 },
        { metric: 'store.webhook.invalid', op: '==', value: 1 },
        { metric: 'topics.payment-events.appended', op: '==', value: 1 },
      ],
    },
    {
      name: 'the provider fixes e2 and sends it again: 200, stored',
      faults: [],
      untilMs: 9000,
      assert: [
        { metric: 'clients.provider.submitted', op: '==', value: 3 },
        { metric: 'clients.provider.succeeded', op: '==', value: 2 },
        { metric: 'topics.payment-events.appended', op: '==', value: 2 },
        { metric: 'groups.ledger.processed', op: '==', value: 2 },
      ],
    },
    {
      name: 'while we are down, e3–e5 are not stored yet and the provider is still retrying them',
      faults: [],
      untilMs: 24_900,
      assert: [
        { metric: 'clients.provider.pending', op: '==', value: 3 },
        { metric: 'topics.payment-events.appended', op: '==', value: 2 },
      ],
    },
    {
      name: 'once we are back, e3–e5 are accepted, each about 16 s after it was first sent',
      faults: [],
      assert: [
        { metric: 'clients.provider.succeeded', op: '==', value: 3, window: [10_000, 20_000] },
        { metric: 'clients.provider.p50LatencyMs', op: '>', value: 15_000, window: [10_000, 20_000] },
        { metric: 'clients.provider.p99LatencyMs', op: '<', value: 17_000, window: [10_000, 20_000] },
      ],
    },
    {
      name: 'the second delivery of e6 is answered 200 as a no-op',
      faults: [],
      assert: [
        { metric: 'store.webhook.duplicateRequests', op: '==', value: 1 },
        { metric: 'clients.provider.succeeded', op: '==', value: 2, window: [35_000, 40_000] },
        { metric: 'store.webhook.rows', op: '==', value: 6 },
      ],
    },
    {
      name: 'the ledger books e1–e6 exactly once each; nothing failed, nothing lost',
      faults: [],
      assert: [
        { metric: 'topics.payment-events.appended', op: '==', value: 6 },
        { metric: 'groups.ledger.processed', op: '==', value: 6 },
        { metric: 'groups.ledger.duplicates', op: '==', value: 0 },
        { metric: 'clients.provider.failed', op: '==', value: 0 },
      ],
    },
  ],
};

export const lesson12: Scenario[] = [webhookPartnerEvents, c8Duplicate, c8Deduplicated, c8WriteThen4xx, c8WriteThen4xxNoRetry];
