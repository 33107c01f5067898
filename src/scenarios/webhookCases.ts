// Cases C8 (a duplicate webhook applies its effect twice) and C12 (the dual write: the database
// commits, then publishing fails), as scenarios with their right outcomes as expectations.
import type { ConsumerSpec, EndpointSpec, FaultSpec, NodeSpec, RetryPolicy, Scenario } from '../engine/types';
import { lesson } from './lessons/lessonNames';

/** The guided story of a case: its steps, their translation, and how long it takes to work through. */
type Story = Required<Pick<Scenario, 'minutes' | 'steps' | 'i18n'>>;
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
    i18n: {
      'zh-CN': {
        title: 'C8 · 重复的 Webhook 把效果应用了两次',
        summary: '服务商至少投递一次 Webhook：e1 到达了两次。我们的处理程序每次都给余额加 10——余额最终是 20，而不是 10。',
        lesson: LESSON_12['zh-CN'],
        steps: [
          {
            title: 'e1 被投递',
            text: '服务商 POST 了 payment-succeeded e1。我们的处理程序给余额加 10，回答 200：余额为 10。',
          },
          {
            title: 'e1 再次被投递',
            text: '服务商至少投递一次 Webhook——200 丢失了、超时了、他们自己重试了——这里 e1 在 2 秒时又来了一次。我们的处理程序对它毫无记忆，又加了 10：余额 20，一行重复的记录。',
            question: {
              prompt: 'e1 第二次到达。余额会怎样？',
              choices: ['保持 10', '变为 20'],
              explanation: '没有任何东西告诉这个处理程序它以前见过 e1，所以它再次应用了效果。',
            },
          },
          {
            title: '错了，而且悄无声息',
            text: '余额最终为 20，本应是 10，而每个回答都是 200：看起来一切正常。接收事件的端点必须通过事件 id 识别重复——下一个场景就是这样做的。',
          },
        ],
        expectations: ['没有去重时余额为 20（应为 10）：一次重复', '第一次投递后余额为 10'],
      },
    },
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
    i18n: {
      'zh-CN': {
        title: 'C8 · 按事件 id 对 Webhook 去重',
        summary: '处理程序维护一张已处理事件 id 的表：e1 的第二次投递作为无操作得到 200，余额保持 10。',
        lesson: LESSON_12['zh-CN'],
        steps: [
          {
            title: '记住了 e1',
            text: '同样是 e1 的两次投递。这个处理程序在与效果相同的事务中记录每个已处理的事件 id：e1 加了 10，余额为 10，e1 进入了表中。',
          },
          {
            title: '重复的是无操作',
            text: '2 秒时 e1 又来了。端点在已处理 id 的表中找到 e1，回答 200，不动余额：服务商满意了，余额保持 10。',
            question: {
              prompt: 'e1 再次到达。端点应该怎么回答？',
              choices: ['200，什么都不改', '409 或别的 4xx：这是重复的', '再处理一次并回答 200'],
              explanation: '事件已经处理过了，所以 2xx 才是事实。4xx 可能让服务商重试、惊动某人，或者把一个无需修正的投递搁置起来。',
            },
          },
          {
            title: '幂等',
            text: '余额 10，识别出一次重复，两次投递都得到 2xx，没有重复的记录。同一个事件收到两次，效果与收到一次相同。',
          },
        ],
        expectations: ['有已处理 id 的表时余额为 10，重复的投递是 2xx 无操作', '第一次投递后余额为 10'],
      },
    },
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
    i18n: {
      'zh-CN': {
        title: 'C8 · 处理程序先写入，再回答 4xx',
        summary: '一个有缺陷的处理程序先给余额加钱，然后回答 422。这个服务商对任何非 2xx 都会重试，最多 5 次——每次尝试都会写入：余额最终为 50。',
        lesson: LESSON_12['zh-CN'],
        steps: [
          {
            title: '先写入，再 422',
            text: '一个有缺陷的处理程序给余额加了 10，然后照样回答 422。',
          },
          {
            title: '每次重试都再写一次',
            text: '这个服务商对任何非 2xx 都会重试，最多 5 次，间隔 1、2、4、8 秒。每次尝试都会写入：到 15.5 秒时有 5 行记录，余额为 50。然后服务商放弃，记录一次失败的投递。',
            question: {
              prompt: '这个服务商对任何非 2xx 的回答都会重试，最多 5 次。余额会是多少？',
              choices: ['10', '20', '50'],
              explanation: '每次尝试都以同样的方式处理：写入，然后 422。五次尝试，五次写入。',
            },
          },
          {
            title: '回答你实际做了的事',
            text: '一笔 10 元的支付，余额却是 50。要么先验证，不写入就回答 4xx；要么写入并回答 2xx：写入之后再回答 4xx，会让每次重试都多写一次。',
          },
        ],
        expectations: ['服务商重试到上限，每次尝试都写入', '第一次尝试写入一次并回答 422', '到 15.5 秒时第五次尝试已写入，服务商已放弃'],
      },
    },
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
    i18n: {
      'zh-CN': {
        title: 'C8 · 先写入再 4xx，服务商只重试 5xx',
        summary: '服务商各不相同：这一个不重试 4xx。余额只写入一次（10），但服务商认为投递失败了，把它搁置起来。',
        lesson: LESSON_12['zh-CN'],
        steps: [
          {
            title: '同样的缺陷，另一个服务商',
            text: '同样的处理程序先写入，再回答 422。这个服务商只重试 5xx 和超时，所以不会重试这个 422。',
          },
          {
            title: '两边，两种真相',
            text: '一次尝试，一次写入：余额为 10，这是对的。但服务商被告知 422，于是把 e1 记为投递失败，搁置起来等人修正——尽管根本没什么可修正的。双方现在对同一个事实有了分歧。',
            question: {
              prompt: '我们记录了这笔支付，却回答了 422。双方各自相信什么？',
              choices: ['双方都认为：支付已记录', '我们有记录（余额 10）；服务商认为投递失败了', '双方都没有记录'],
              explanation: '回答是服务商对我们所做之事的唯一了解。错误的回答会造成分歧，最后只能由人手工理清。',
            },
          },
          {
            title: '服务商各不相同；修正在我们这边',
            text: '对比 c8-write-then-4xx：对任何非 2xx 都重试的服务商，会把同样的缺陷变成 5 次写入。无论哪种情况，修正都在我们这边：只有在什么都没写入时才回答 4xx。',
          },
        ],
        expectations: ['一次尝试，一次写入，服务商记录了一次失败'],
      },
    },
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
    i18n: {
      'zh-CN': {
        title: 'C12 · 双写：记录已提交，发布失败',
        summary: 'POST /records 先插入一行，再发布 record-created。总线在 10 秒到 20 秒之间停机；12 秒到达的请求提交了记录，发布失败，回答 5xx。客户端重试：第二行记录，第二次失败。索引对两者都一无所知。',
        lesson: LESSON_13['zh-CN'],
        steps: [
          {
            title: '一个请求，两次写入',
            text: 'POST create-record 先在 Records API 的数据库中插入一行，再把 record-created 发布到 records 主题供搜索索引器使用，两者都成功才回答 201。对两个系统的两次写入，没有任何事务能同时覆盖它们。总线在 10 秒到 20 秒之间停机。',
          },
          {
            title: '记录已提交，发布失败',
            text: '12 秒时，r1 这一行已提交；随后发布被拒绝——总线停机了——API 回答 502。数据库说 r1 存在；客户端被告知失败了；没有发布任何事件。',
            question: {
              prompt: '请求在 12 秒到达时总线停机。之后数据库里有什么？',
              choices: ['什么都没有：请求失败了', 'r1 这一行，尽管请求失败了', '这一行，以及等待发送的事件'],
              explanation: '记录在尝试发布之前就已提交。第二次写入失败时，没有任何东西撤销它。',
            },
          },
          {
            title: '重试让情况更糟',
            text: '客户端遇到 5xx 重试一次：r1 的第二行记录，第二个 502。客户端放弃了：对它来说 r1 失败了——而数据库里有两份。',
          },
          {
            title: '永久不一致',
            text: '总线在 20 秒恢复，但没有任何东西记得少了一个事件：2 行记录，0 个事件，索引永远不会知道 r1。数据库和索引永久不一致。下一个场景用事务性发件箱来修复它。',
          },
        ],
        expectations: ['2 行记录，0 个事件，索引为 0——永久如此', '12.1 秒时 r1 这一行已提交，但没有发布任何事件', '到 13.2 秒时重试为 r1 写入了第二行，客户端已放弃'],
      },
    },
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
    i18n: {
      'zh-CN': {
        title: 'C12 · 事务性发件箱与幂等键',
        summary: '记录和事件在同一个事务中提交；总线恢复后由转发器发布事件。客户端立即得到 201，只有一行记录，事件在 20 秒后发布，索引随之追上。',
        lesson: LESSON_13['zh-CN'],
        steps: [
          {
            title: '记录和事件在同一个事务中',
            text: '同样的请求，总线同样在 10 秒到 20 秒之间停机。这一次 API 在一个本地事务中把记录和 record-created 事件写入发件箱表；一个转发器每 0.5 秒检查一次，发布待发送的发件箱事件。',
          },
          {
            title: '立即得到 201',
            text: '12 秒时：一行记录，一个在发件箱中等待的事件，50 毫秒内回答 201。发布不再是请求的一部分，所以总线停机不会让请求失败。',
            question: {
              prompt: '使用发件箱时，请求在 12 秒到达时总线停机。客户端会得到什么？',
              choices: ['502，和之前一样', '201', '超时'],
              explanation: '请求只写入 API 自己的数据库——记录和事件一起。发送事件是转发器之后的工作。',
            },
          },
          {
            title: '总线恢复后转发器发布',
            text: '转发器不断尝试。20 秒时总线恢复：record-created 被发布，索引器立即处理了它。',
          },
          {
            title: '一致，只是晚一点',
            text: '1 行记录，1 个事件，索引是最新的，发件箱为空。本地事务把记录和事件绑在一起；只有延迟取决于总线。',
          },
        ],
        expectations: ['12 秒时 201，1 行记录，事件在 20 秒之后发布，索引追上', '12.1 秒时：50 毫秒内得到 201，一行记录，事件在发件箱中等待', '到 20.1 秒时转发器已发布事件，索引器已处理'],
      },
    },
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
    i18n: {
      'zh-CN': {
        title: 'C12 · 转发器在发布后崩溃',
        summary: '转发器在 20 秒发布 record-created，而 API 进程在 Broker 的确认到达之前死掉。重启后转发器再次发布：日志中有两份这个事件，索引器必须按事件 id 去重。',
        lesson: LESSON_13['zh-CN'],
        steps: [
          {
            title: '和之前一样的发件箱',
            text: '同样的发件箱：12 秒时客户端得到 201，总线停机期间 record-created 在发件箱中等待。',
          },
          {
            title: '已发布，但转发器没有得到消息',
            text: '20.01 秒时 Broker 追加了 record-created；20.015 秒时 API 进程在确认返回之前死掉了。事件已在日志中，索引器也处理了它——但发件箱仍把它标记为待发送。',
          },
          {
            title: '再次发布',
            text: 'API 在 21 秒重启，它的转发器再次发布这个待发送的事件：日志中现在有两份 record-created。',
            question: {
              prompt: '重启后，发件箱仍把事件标记为待发送。转发器会怎么做？',
              choices: ['什么都不做：它总能知道事件已经发布了', '再次发布它', '把它从发件箱中删除'],
              explanation: '转发器只知道它自己记录下来的东西。没有收到确认，再次发布是唯一安全的选择：至少一次。',
            },
          },
          {
            title: '消费者去重',
            text: '索引器通过事件 id 认出第二份并跳过它：只应用一次，跳过一次重复。发件箱至少发布一次，所以它的消费者必须具有幂等性。',
          },
        ],
        expectations: ['事件在日志中有两份；幂等的索引器只应用一次', '20.1 秒时事件在日志中只有一份且已被索引，但在发件箱中仍为待发送'],
      },
    },
  },
);

export const webhookCases: Scenario[] = [c8Duplicate, c8Deduplicated, c8WriteThen4xx, c8WriteThen4xxNoRetry, c12DualWrite, c12Outbox, c12RelayCrash];
