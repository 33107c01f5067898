// Cases C8 (a duplicate webhook applies its effect twice) and C12 (the dual write: the database
// commits, then publishing fails), as scenarios with their right outcomes as expectations.
import type { ConsumerSpec, EndpointSpec, FaultSpec, NodeSpec, RetryPolicy, Scenario } from '../engine/types';
import { lesson } from './lessons/lessonNames';

/** The guided story of a case: its steps, their translation, and how long it takes to work through. */
type Story = Required<Pick<Scenario, 'minutes' | 'steps'>>;
/** C8 finishes lesson 12 (webhooks); C12 is lesson 13 (the dual write and the outbox). */
const LESSON_12 = lesson(12);
const LESSON_13 = lesson(13);

const NO_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };
/** Payment providers retry for a long time with growing delays; five attempts is enough to see it. */
const PROVIDER_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: 1000, multiplier: 2, maxBackoffMs: 60_000, jitter: 0 };

// ─── C8 ─────────────────────────────────────────────────────────────────────

function provider(retryOn: 'server-errors' | 'any-failure'): NodeSpec {
  return {
    kind: 'client',
    id: 'provider',
    label: 'Payment provider',
    role: retryOn === 'any-failure' ? 'retries any non-2xx' : 'retries 5xx and timeouts',
    position: { x: 0, y: 100 },
    target: 'payments',
    command: 'payment-succeeded',
    timeoutMs: 5000,
    retry: PROVIDER_RETRY,
    retryOn,
    payload: { valid: { id: '{key}', amount: 10, currency: 'EUR' }, invalid: [] },
  };
}

function payments(endpoint: Partial<EndpointSpec>): NodeSpec {
  return {
    kind: 'service',
    id: 'payments',
    label: 'Our webhook endpoint',
    role: 'adds the amount to the balance',
    position: { x: 340, y: 100 },
    workers: 4,
    queueLimit: 100,
    endpoints: [
      {
        name: 'payment-succeeded',
        processing: { kind: 'const', ms: 50 },
        validate: true,
        errorRate: 0,
        then: [],
        successStatus: 200,
        effect: { counter: 'balance', add: 10 },
        ...endpoint,
      },
    ],
    consumers: [],
  };
}

/** The provider delivers e1, then delivers it again (at-least-once delivery). */
const deliveredTwice = [{ kind: 'script' as const, client: 'provider', items: [{ atMs: 0, key: 'e1', id: 'e1' }, { atMs: 2000, key: 'e1', id: 'e1' }] }];

function c8(id: string, title: string, summary: string, nodes: NodeSpec[], workload: Scenario['workload'], expectations: Scenario['expectations'], story: Story): Scenario {
  return { id, title, summary, lesson: LESSON_12.en, durationMs: 60_000, seed: 8, networkMs: 20, nodes, workload, faults: [], expectations, ...story };
}

export const c8Duplicate = c8(
  'c8-webhook-duplicate',
  'C8 · A duplicate webhook applies its effect twice',
  'The provider delivers webhooks at least once: e1 arrives twice. Our handler adds 10 to the balance each time — the balance ends at 20 instead of 10.',
  [provider('server-errors'), payments({})],
  deliveredTwice,
  [
    {
      name: 'without de-duplication the balance is 20 (should be 10): one duplicate',
      faults: [],
      assert: [
        { metric: 'store.payments.counters.balance', op: '==', value: 20 },
        { metric: 'store.payments.duplicateRows', op: '==', value: 1 },
      ],
    },
    {
      name: 'after the first delivery the balance is 10',
      faults: [],
      untilMs: 100,
      assert: [{ metric: 'store.payments.counters.balance', op: '==', value: 10 }],
    },
  ],
  {
    minutes: 2,
    steps: [
      {
        title: 'e1 is delivered',
        text: 'The provider POSTs payment-succeeded e1. Our handler adds 10 to the balance and answers 200: the balance is 10.',
        highlight: ['provider->payments', 'payments'],
        atMs: 100,
      },
      {
        title: 'e1 is delivered again',
        text: 'Providers deliver webhooks at least once — after a lost 200, a timeout, a retry of their own — and here e1 simply arrives again at 2 s. Our handler has no memory of it and adds 10 again: balance 20, a duplicate row.',
        highlight: ['provider->payments', 'payments'],
        atMs: 2100,
        question: {
          prompt: 'e1 arrives a second time. What happens to the balance?',
          choices: ['It stays 10', 'It becomes 20'],
          answer: 1,
          explanation: 'Nothing tells this handler that it has seen e1 before, so it applies the effect again.',
        },
      },
      {
        title: 'Wrong, and silently so',
        text: 'The balance ends at 20 where it should be 10, and every answer was a 200: nothing looks wrong. An endpoint that receives events must recognise repeats by event id — the next scenario does.',
        highlight: ['payments'],
        atMs: 59_000,
      },
    ],
  },
);

export const c8Deduplicated = c8(
  'c8-webhook-dedupe',
  'C8 · De-duplicate webhooks by event id',
  'The handler keeps a table of processed event ids: the second delivery of e1 is answered 200 as a no-op and the balance stays 10.',
  [provider('server-errors'), payments({ idempotent: true })],
  deliveredTwice,
  [
    {
      name: 'with a table of processed ids the balance is 10 and the repeat is a 2xx no-op',
      faults: [],
      assert: [
        { metric: 'store.payments.counters.balance', op: '==', value: 10 },
        { metric: 'store.payments.duplicateRequests', op: '==', value: 1 },
        { metric: 'store.payments.duplicateRows', op: '==', value: 0 },
        { metric: 'clients.provider.succeeded', op: '==', value: 2 },
      ],
    },
    {
      name: 'after the first delivery the balance is 10',
      faults: [],
      untilMs: 100,
      assert: [{ metric: 'store.payments.counters.balance', op: '==', value: 10 }],
    },
  ],
  {
    minutes: 2,
    steps: [
      {
        title: 'e1, remembered',
        text: 'The same two deliveries of e1. This handler records each processed event id in the same transaction as its effect: e1 adds 10, the balance is 10, and e1 is in the table.',
        highlight: ['provider->payments', 'payments'],
        atMs: 100,
      },
      {
        title: 'A repeat is a no-op',
        text: 'At 2 s e1 comes again. The endpoint finds e1 in its table of processed ids and answers 200 without touching the balance: the provider is satisfied, the balance stays 10.',
        highlight: ['payments'],
        atMs: 2100,
        question: {
          prompt: 'e1 arrives again. What should the endpoint answer?',
          choices: ['200, and change nothing', '409 or another 4xx: it is a duplicate', 'Process it again and answer 200'],
          answer: 0,
          explanation: 'The event was handled, so 2xx is the truth. A 4xx could make the provider retry, alert someone, or park a delivery that needs no fixing.',
        },
      },
      {
        title: 'Idempotent',
        text: 'Balance 10, one repeat recognised, both deliveries answered 2xx, no duplicate row. Receiving the same event twice now has the effect of receiving it once.',
        highlight: ['payments'],
        atMs: 59_000,
      },
    ],
  },
);

const deliveredOnce = [{ kind: 'script' as const, client: 'provider', items: [{ atMs: 0, key: 'e1', id: 'e1' }] }];

export const c8WriteThen4xx = c8(
  'c8-write-then-4xx',
  'C8 · The handler writes, then answers 4xx',
  'A buggy handler adds to the balance and then answers 422. This provider retries any non-2xx, up to 5 attempts — and every attempt writes: the balance ends at 50.',
  [provider('any-failure'), payments({ answerAfterWrite: 422 })],
  deliveredOnce,
  [
    {
      name: 'the provider retries up to its limit and every attempt writes',
      faults: [],
      assert: [
        { metric: 'store.payments.counters.balance', op: '==', value: 50 },
        { metric: 'store.payments.rows', op: '==', value: 5 },
        { metric: 'clients.provider.rejected', op: '==', value: 1 },
      ],
    },
    {
      name: 'the first attempt writes once and answers 422',
      faults: [],
      untilMs: 100,
      assert: [
        { metric: 'store.payments.counters.balance', op: '==', value: 10 },
        { metric: 'store.payments.rows', op: '==', value: 1 },
      ],
    },
    {
      name: 'by 15.5 s the fifth attempt has written and the provider has given up',
      faults: [],
      untilMs: 15_500,
      assert: [
        { metric: 'store.payments.rows', op: '==', value: 5 },
        { metric: 'clients.provider.rejected', op: '==', value: 1 },
      ],
    },
  ],
  {
    minutes: 2,
    steps: [
      {
        title: 'Write, then 422',
        text: 'A buggy handler adds 10 to the balance, and then answers 422 anyway.',
        highlight: ['payments'],
        atMs: 100,
      },
      {
        title: 'Every retry writes again',
        text: 'This provider retries any non-2xx, up to 5 attempts, 1, 2, 4 and 8 s apart. Every attempt writes: by 15.5 s there are 5 rows and the balance is 50. Then the provider gives up and records a failed delivery.',
        highlight: ['provider->payments', 'payments'],
        atMs: 15_500,
        question: {
          prompt: 'This provider retries any non-2xx answer, up to 5 attempts. What will the balance be?',
          choices: ['10', '20', '50'],
          answer: 2,
          explanation: 'Each attempt is handled the same way: write, then 422. Five attempts, five writes.',
        },
      },
      {
        title: 'Answer what you did',
        text: 'Balance 50, for one payment of 10. Validate first and answer 4xx without writing, or write and answer 2xx: a 4xx after a write turns every retry into one more write.',
        highlight: ['payments'],
        atMs: 59_000,
      },
    ],
  },
);

export const c8WriteThen4xxNoRetry = c8(
  'c8-write-then-4xx-5xx-only',
  'C8 · Write then 4xx, with a provider that retries only 5xx',
  'Providers differ: this one does not retry a 4xx. The balance is written once (10), but the provider believes the delivery failed and parks it.',
  [provider('server-errors'), payments({ answerAfterWrite: 422 })],
  deliveredOnce,
  [
    {
      name: 'one attempt, one write, and the provider records a failure',
      faults: [],
      assert: [
        { metric: 'store.payments.counters.balance', op: '==', value: 10 },
        { metric: 'store.payments.rows', op: '==', value: 1 },
        { metric: 'clients.provider.rejected', op: '==', value: 1 },
      ],
    },
  ],
  {
    minutes: 2,
    steps: [
      {
        title: 'The same bug, another provider',
        text: 'The same handler writes, then answers 422. This provider retries only 5xx and timeouts, so it does not retry the 422.',
        highlight: ['provider', 'payments'],
        atMs: 100,
      },
      {
        title: 'Two sides, two truths',
        text: 'One attempt, one write: the balance is 10, which is right. But the provider was told 422, so it records e1 as a failed delivery and parks it for someone to fix — though there is nothing to fix. The two sides now disagree about the same fact.',
        highlight: ['provider', 'payments'],
        atMs: 30_000,
        question: {
          prompt: 'We recorded the payment but answered 422. What does each side believe?',
          choices: ['Both: the payment was recorded', 'We have it (balance 10); the provider believes the delivery failed', 'Neither has it'],
          answer: 1,
          explanation: 'The answer is the only thing the provider knows about what we did. A wrong answer creates a disagreement that someone will have to untangle by hand.',
        },
      },
      {
        title: 'Providers differ; the fix is ours',
        text: 'Compare c8-write-then-4xx: a provider that retries any non-2xx turns the same bug into 5 writes. Either way the fix is on our side: answer 4xx only when nothing was written.',
        highlight: ['payments'],
        atMs: 59_000,
      },
    ],
  },
);

// ─── C12 ────────────────────────────────────────────────────────────────────

/** The bus is down from t = 10 s to t = 20 s. */
const BUS_DOWN: FaultSpec[] = [{ target: 'records', kind: 'down', fromMs: 10_000, untilMs: 20_000 }];

function indexer(idempotent: boolean): ConsumerSpec {
  return {
    group: 'indexer',
    topic: 'records',
    instances: 1,
    processing: { kind: 'const', ms: 50 },
    commit: 'after',
    autoCommitIntervalMs: 0,
    sessionTimeoutMs: 10_000,
    rebalanceMs: 200,
    errorRate: 0,
    retry: { maxAttempts: Infinity, backoffMs: 500, multiplier: 2, maxBackoffMs: 8000, jitter: 0 },
    idempotent,
    emits: [],
  };
}

function c12Nodes(outbox: boolean, idempotentIndexer: boolean): NodeSpec[] {
  return [
    {
      kind: 'client',
      id: 'client',
      label: 'Client',
      role: 'retries once on 5xx',
      position: { x: 0, y: 100 },
      target: 'api',
      command: 'create-record',
      timeoutMs: 5000,
      retry: { maxAttempts: 2, backoffMs: 1000, multiplier: 1, maxBackoffMs: 1000, jitter: 0 },
      idempotencyKeys: outbox,
      payload: { valid: { id: '{key}', title: 'Lemon tart' }, invalid: [] },
    },
    {
      kind: 'service',
      id: 'api',
      label: 'Records API',
      role: outbox ? 'row + outbox in one transaction' : 'inserts a row, then publishes',
      position: { x: 300, y: 100 },
      workers: 4,
      queueLimit: 100,
      endpoints: [
        {
          name: 'create-record',
          processing: { kind: 'const', ms: 30 },
          validate: true,
          errorRate: 0,
          then: [{ kind: 'publish', topic: 'records', eventType: 'record-created', timeoutMs: 1000, retry: NO_RETRY }],
          successStatus: 201,
          ...(outbox ? { outbox: { relayIntervalMs: 500 }, idempotent: true } : {}),
        },
      ],
      consumers: [],
    },
    { kind: 'topic', id: 'records', label: 'records', role: 'topic · 1 partition', position: { x: 600, y: 80 }, partitions: 1, autoOffsetReset: 'earliest' },
    {
      kind: 'service',
      id: 'search',
      label: 'Search indexer',
      role: 'indexes record-created',
      position: { x: 900, y: 100 },
      workers: 1,
      queueLimit: 0,
      endpoints: [],
      consumers: [indexer(idempotentIndexer)],
    },
  ];
}

function c12(id: string, title: string, summary: string, nodes: NodeSpec[], faults: FaultSpec[], expectations: Scenario['expectations'], story: Story): Scenario {
  return {
    id,
    title,
    summary,
    lesson: LESSON_13.en,
    durationMs: 40_000,
    seed: 12,
    networkMs: 10,
    nodes,
    workload: [{ kind: 'script', client: 'client', items: [{ atMs: 12_000, key: 'r1', label: 'r1' }] }],
    faults: [...BUS_DOWN, ...faults],
    expectations,
    ...story,
  };
}

export const c12DualWrite = c12(
  'c12-dual-write',
  'C12 · The dual write: the row commits, publishing fails',
  'POST /records inserts a row, then publishes record-created. The bus is down from 10 s to 20 s; a request at 12 s commits its row, fails to publish and answers 5xx. The client retries: a second row, a second failure. The index never hears of either.',
  c12Nodes(false, false),
  [],
  [
    {
      name: 'rows 2, events 0, index 0 — for good',
      faults: [],
      assert: [
        { metric: 'store.api.rows', op: '==', value: 2 },
        { metric: 'events.published', op: '==', value: 0 },
        { metric: 'groups.indexer.processed', op: '==', value: 0 },
        { metric: 'clients.client.failed', op: '==', value: 1 },
      ],
    },
    {
      name: 'at 12.1 s the row r1 is committed but no event was published',
      faults: [],
      untilMs: 12_100,
      assert: [
        { metric: 'store.api.rows', op: '==', value: 1 },
        { metric: 'events.published', op: '==', value: 0 },
      ],
    },
    {
      name: 'by 13.2 s the retry has written a second row for r1 and the client has given up',
      faults: [],
      untilMs: 13_200,
      assert: [
        { metric: 'store.api.rows', op: '==', value: 2 },
        { metric: 'store.api.duplicateRows', op: '==', value: 1 },
        { metric: 'clients.client.failed', op: '==', value: 1 },
      ],
    },
  ],
  {
    minutes: 4,
    steps: [
      {
        title: 'Two writes for one request',
        text: 'POST create-record inserts a row in the Records API’s database, then publishes record-created to the records topic for the search indexer, and answers 201 only if both worked. Two writes to two systems, and no transaction spans them. The bus is down from 10 s to 20 s.',
        highlight: ['api', 'api->records', 'records'],
        atMs: 9000,
      },
      {
        title: 'The row commits, the publish fails',
        text: 'At 12 s the row r1 is committed; then publishing is refused — the bus is down — and the API answers 502. The database says r1 exists; the client is told it failed; no event was published.',
        highlight: ['api', 'records', 'client->api'],
        atMs: 12_100,
        question: {
          prompt: 'The bus is down when the request arrives at 12 s. What does the database hold afterwards?',
          choices: ['Nothing: the request failed', 'The row r1, although the request failed', 'The row, and the event waiting to be sent'],
          answer: 1,
          explanation: 'The row was committed before the publish was tried. Nothing undoes it when the second write fails.',
        },
      },
      {
        title: 'The retry makes it worse',
        text: 'The client retries once on 5xx: a second row for r1, a second 502. The client gives up: for it, r1 failed — the database holds it twice.',
        highlight: ['client->api', 'api'],
        atMs: 13_200,
      },
      {
        title: 'Inconsistent for good',
        text: 'The bus is back at 20 s, but nothing remembers that an event is missing: 2 rows, 0 events, and the index never hears of r1. Database and index disagree for good. The next scenario fixes it with a transactional outbox.',
        highlight: ['search', 'api'],
        atMs: 39_000,
      },
    ],
  },
);

export const c12Outbox = c12(
  'c12-outbox',
  'C12 · A transactional outbox and an idempotency key',
  'The row and the event are committed in one transaction; a relay publishes the event when the bus is back. The client gets 201 at once, one row exists, the event is published after 20 s and the index catches up.',
  c12Nodes(true, true),
  [],
  [
    {
      name: '201 at t = 12 s, rows 1, the event published at t ≥ 20 s, the index catches up',
      faults: [],
      assert: [
        { metric: 'clients.client.succeeded', op: '==', value: 1 },
        { metric: 'clients.client.p99LatencyMs', op: '<', value: 200 },
        { metric: 'store.api.rows', op: '==', value: 1 },
        { metric: 'events.published', op: '==', value: 1 },
        { metric: 'topics.records.firstAppendMs', op: '>=', value: 20_000 },
        { metric: 'groups.indexer.processed', op: '==', value: 1 },
        { metric: 'store.api.outboxPending', op: '==', value: 0 },
      ],
    },
    {
      name: 'at 12.1 s: 201 within 50 ms, one row, the event waiting in the outbox',
      faults: [],
      untilMs: 12_100,
      assert: [
        { metric: 'clients.client.succeeded', op: '==', value: 1 },
        { metric: 'clients.client.p99LatencyMs', op: '<=', value: 50 },
        { metric: 'store.api.outboxPending', op: '==', value: 1 },
        { metric: 'events.published', op: '==', value: 0 },
      ],
    },
    {
      name: 'by 20.1 s the relay has published the event and the indexer has processed it',
      faults: [],
      untilMs: 20_100,
      assert: [
        { metric: 'events.published', op: '==', value: 1 },
        { metric: 'groups.indexer.processed', op: '==', value: 1 },
      ],
    },
  ],
  {
    minutes: 4,
    steps: [
      {
        title: 'Row and event in one transaction',
        text: 'The same request and the same bus outage from 10 s to 20 s. This time the API writes the row and the record-created event into an outbox table in one local transaction; a relay publishes pending outbox events, checking every 0.5 s.',
        highlight: ['api', 'records'],
        atMs: 9000,
      },
      {
        title: '201 at once',
        text: 'At 12 s: one row, one event waiting in the outbox, and 201 in 50 ms. Publishing is no longer part of the request, so the bus being down does not fail it.',
        highlight: ['client->api', 'api'],
        atMs: 12_100,
        question: {
          prompt: 'With an outbox, the bus is down when the request arrives at 12 s. What does the client get?',
          choices: ['502, as before', '201', 'A timeout'],
          answer: 1,
          explanation: 'The request only writes to the API’s own database — row and event together. Sending the event is the relay’s job, later.',
        },
      },
      {
        title: 'The relay publishes when the bus is back',
        text: 'The relay keeps trying. At 20 s the bus is back: record-created is published and the indexer processes it at once.',
        highlight: ['api->records', 'records->search'],
        atMs: 20_100,
      },
      {
        title: 'Consistent, a little later',
        text: '1 row, 1 event, the index up to date, the outbox empty. The local transaction ties the row and the event together; only the delay depends on the bus.',
        highlight: ['search', 'api'],
        atMs: 39_000,
      },
    ],
  },
);

export const c12RelayCrash = c12(
  'c12-outbox-relay-crash',
  'C12 · The relay crashes after publishing',
  'The relay publishes record-created at 20 s, and the API process dies before the broker’s acknowledgement arrives. After the restart the relay publishes it again: the log holds the event twice, and the indexer must de-duplicate by event id.',
  c12Nodes(true, true),
  [{ target: 'api', kind: 'down', fromMs: 20_015, untilMs: 21_000 }],
  [
    {
      name: 'the event is in the log twice; the idempotent indexer applies it once',
      faults: [],
      assert: [
        { metric: 'topics.records.appended', op: '==', value: 2 },
        { metric: 'groups.indexer.processed', op: '==', value: 1 },
        { metric: 'groups.indexer.skippedDuplicates', op: '==', value: 1 },
        { metric: 'groups.indexer.duplicates', op: '==', value: 0 },
      ],
    },
    {
      name: 'at 20.1 s the event is in the log once and indexed, yet still pending in the outbox',
      faults: [],
      untilMs: 20_100,
      assert: [
        { metric: 'topics.records.appended', op: '==', value: 1 },
        { metric: 'groups.indexer.processed', op: '==', value: 1 },
        { metric: 'store.api.outboxPending', op: '==', value: 1 },
      ],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'The outbox, as before',
        text: 'The same outbox: at 12 s the client gets 201, and record-created waits in the outbox while the bus is down.',
        highlight: ['api', 'client->api'],
        atMs: 12_100,
      },
      {
        title: 'Published, but the relay never heard',
        text: 'At 20.01 s the broker appends record-created; at 20.015 s the API process dies before the acknowledgement comes back. The event is in the log, and the indexer processes it — but the outbox still marks it pending.',
        highlight: ['api', 'records'],
        atMs: 20_100,
      },
      {
        title: 'Published again',
        text: 'The API restarts at 21 s and its relay publishes the pending event again: the log now holds record-created twice.',
        highlight: ['api->records', 'records'],
        atMs: 21_050,
        question: {
          prompt: 'After the restart, the outbox still marks the event pending. What does the relay do?',
          choices: ['Nothing: somehow it knows the event was published', 'Publishes it again', 'Deletes it from the outbox'],
          answer: 1,
          explanation: 'The relay only knows what it recorded. Without the acknowledgement, publishing again is the only safe choice: at-least-once.',
        },
      },
      {
        title: 'The consumer de-duplicates',
        text: 'The indexer recognises the second copy by its event id and skips it: applied once, one duplicate skipped. An outbox publishes at least once, so its consumers must be idempotent.',
        highlight: ['search', 'records->search'],
        atMs: 39_000,
      },
    ],
  },
);

export const webhookCases: Scenario[] = [c8Duplicate, c8Deduplicated, c8WriteThen4xx, c8WriteThen4xxNoRetry, c12DualWrite, c12Outbox, c12RelayCrash];
