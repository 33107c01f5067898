// Cases C8 (a duplicate webhook applies its effect twice) and C12 (the dual write: the database
// commits, then publishing fails), as scenarios with their right outcomes as expectations.
import type { ConsumerSpec, EndpointSpec, FaultSpec, NodeSpec, RetryPolicy, Scenario } from '../engine/types';

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

function c8(id: string, title: string, summary: string, nodes: NodeSpec[], workload: Scenario['workload'], expectations: Scenario['expectations']): Scenario {
  return { id, title, summary, lesson: 'Webhooks and the dual write', durationMs: 60_000, seed: 8, networkMs: 20, nodes, workload, faults: [], expectations, minutes: 3 };
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
  ],
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
  ],
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
  ],
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

function c12(id: string, title: string, summary: string, nodes: NodeSpec[], faults: FaultSpec[], expectations: Scenario['expectations']): Scenario {
  return {
    id,
    title,
    summary,
    lesson: 'Webhooks and the dual write',
    durationMs: 40_000,
    seed: 12,
    networkMs: 10,
    nodes,
    workload: [{ kind: 'script', client: 'client', items: [{ atMs: 12_000, key: 'r1', label: 'r1' }] }],
    faults: [...BUS_DOWN, ...faults],
    expectations,
    minutes: 4,
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
  ],
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
  ],
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
  ],
);

export const webhookCases: Scenario[] = [c8Duplicate, c8Deduplicated, c8WriteThen4xx, c8WriteThen4xxNoRetry, c12DualWrite, c12Outbox, c12RelayCrash];
