// Lesson 1 (MISSION §1): a command may succeed or fail, and its two kinds of failure behave
// differently. A validation failure (4xx) fails again when resent unchanged: the sender must fix
// the command. A technical failure (5xx) may succeed when the same command is simply retried.
import type { JsonSchema, PayloadSpec, Scenario } from '../../engine/types';
import { lesson } from './lessonNames';
import { client, endpoint, ms, poisson, service } from './parts';

const LESSON = lesson(1);

/** Card expiry as yyyymm; the shop accepts cards valid in July 2026 or later. */
const ORDER_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['orderId', 'card'],
  properties: {
    orderId: { type: 'string' },
    card: {
      type: 'object',
      required: ['number', 'expiry'],
      properties: {
        number: { type: 'string', pattern: '^[0-9]{16}$' },
        expiry: { type: 'integer', minimum: 202607, description: 'yyyymm: the last month the card is valid' },
      },
    },
  },
};

const ORDER_PAYLOAD: PayloadSpec = {
  valid: { orderId: '{key}', card: { number: '4111111111111111', expiry: 202809 } },
  invalid: [{ path: 'card.expiry', value: 202401, reason: 'the card expired in January 2024' }],
};

export const commandValidation: Scenario = {
  id: 'command-validation',
  title: 'A validation failure: fix the command, then resubmit',
  summary: 'Checkout checks each place-order against a JSON Schema. An expired card gets 422 naming card.expiry; resending it unchanged fails again, fixing it and resubmitting succeeds.',
  lesson: LESSON.en,
  minutes: 3,
  steps: [
    {
      title: 'A command: place-order o1',
      text: 'The shopper sends the command place-order o1: a request to do something that has not happened yet. Checkout validates the payload against its JSON Schema, commits one row and answers 201 at 1.3 s.',
      highlight: ['shopper', 'checkout', 'shopper->checkout'],
      atMs: 1300,
    },
    {
      title: 'A validation failure: 422',
      text: 'o2 carries an expired card: card.expiry is 202401, the schema asks for at least 202607. Checkout answers 422 and names the field (inspect o2: “\'card.expiry\' must be at least 202607”). It writes no row: everybody agrees nothing happened.',
      highlight: ['checkout'],
      atMs: 3300,
      question: {
        prompt: 'o2 carries an expired card. What does Checkout answer?',
        choices: ['201, and it sorts the card out later', '422: the command is invalid and nothing is written', '500: try again later'],
        answer: 1,
        explanation: 'Bad data is a validation failure. The command handler refuses it at once with a 4xx naming what is wrong, and commits nothing.',
      },
    },
    {
      title: 'Fix, then resubmit',
      text: 'The shopper parks o2, enters a card that is still valid (expiry 202809) and resubmits it at 7.3 s. The changed command passes validation: 201, and Checkout now holds 2 rows.',
      highlight: ['shopper', 'checkout'],
      atMs: 7600,
      question: {
        prompt: 'What must the shopper do to get o2 accepted?',
        choices: ['Send the same command again', 'Change the command (a valid card), then resubmit it', 'Wait until Checkout is less busy'],
        answer: 1,
        explanation: 'A validation failure is about the command itself: only a changed command can succeed.',
      },
    },
    {
      title: 'Resending it unchanged fails again',
      text: 'The impatient app sends o3 with the same expired card and resends it unchanged twice, a second after each 422: three attempts, three 422s, and it gives up after 2.9 s. Resubmitting an invalid command only repeats the failure.',
      highlight: ['app', 'checkout', 'app->checkout'],
      atMs: 14_900,
      question: {
        prompt: 'The app sends the unchanged o3 three times. How many attempts succeed?',
        choices: ['All three', 'One of them, with luck', 'None'],
        answer: 2,
        explanation: 'Nothing about o3 changes between attempts, so the validation fails the same way every time.',
      },
    },
    {
      title: 'Nothing half-done',
      text: 'The end: 4 validation failures and 2 rows, one per 201. A failed command left nothing in Checkout’s store, and each sender was told, so it could decide what to do next: give up, or fix and resubmit.',
      highlight: ['checkout', 'shopper', 'app'],
      atMs: 19_000,
    },
  ],
  i18n: {
    'zh-CN': {
      title: '数据验证失败：先修正命令，再重新提交',
      summary: 'Checkout 用 JSON Schema 检查每个 place-order。过期的卡得到 422，并指出字段 card.expiry；原样重发仍然失败，修正后重新提交则成功。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '一个命令：place-order o1',
          text: '顾客发送命令 place-order o1：请求做一件尚未发生的事。Checkout 按 JSON Schema 验证数据，提交一行记录，并在 1.3 秒时回答 201。',
        },
        {
          title: '数据验证失败：422',
          text: 'o2 用的是一张过期的卡：card.expiry 为 202401，而 Schema 要求至少 202607。Checkout 回答 422 并指出出错的字段（查看 o2：“\'card.expiry\' must be at least 202607”）。它没有写入任何记录：各方一致认为什么都没有发生。',
          question: {
            prompt: 'o2 用的卡已过期。Checkout 会怎么回答？',
            choices: ['201，卡的问题以后再处理', '422：命令无效，什么都不写入', '500：请稍后重试'],
            explanation: '错误的数据属于数据验证失败。命令处理者立即以 4xx 拒绝，指出问题所在，并且不提交任何东西。',
          },
        },
        {
          title: '修正，然后重新提交',
          text: '顾客把 o2 搁置，换上一张仍然有效的卡（有效期 202809），在 7.3 秒时重新提交。修改后的命令通过验证：201，Checkout 现在有 2 行记录。',
          question: {
            prompt: '顾客要怎样才能让 o2 被接受？',
            choices: ['把同一个命令再发一次', '修改命令（换一张有效的卡），再重新提交', '等 Checkout 不那么忙的时候'],
            explanation: '数据验证失败是命令本身的问题：只有修改过的命令才可能成功。',
          },
        },
        {
          title: '原样重发，照样失败',
          text: '性急的应用发送带着同一张过期卡的 o3，并在每次收到 422 一秒后原样重发，共重发两次：三次尝试，三个 422，2.9 秒后放弃。重新提交一个无效的命令只会重复同样的失败。',
          question: {
            prompt: '应用把未作修改的 o3 发送了三次。有几次会成功？',
            choices: ['三次都成功', '运气好的话有一次', '一次也不会'],
            explanation: '两次尝试之间 o3 没有任何变化，所以每次验证都以同样的方式失败。',
          },
        },
        {
          title: '没有做了一半的事',
          text: '结果：4 次数据验证失败，2 行记录，每个 201 对应一行。失败的命令没有在 Checkout 的存储中留下任何东西，每个发送方都得到了通知，可以自己决定下一步：放弃，或者修正后重新提交。',
        },
      ],
      expectations: [
        'o1 有效：提交一行记录，1.3 秒时回答 201',
        'o2（过期的卡）被 422 拒绝，不写入任何东西',
        '顾客修正 o2 并在 7.3 秒时重新提交：201，第二行记录',
        '应用原样重发 o3：三次尝试，三个 422，没有记录',
        '每个失败的命令都没有留下任何东西',
      ],
    },
  },
  durationMs: 20_000,
  seed: 1,
  networkMs: 100,
  nodes: [
    client('shopper', 'Shopper', 'fixes and resubmits', { x: 0, y: 40 }, 'checkout', 'place-order', { onRejected: { fixAfterMs: 4000 }, payload: ORDER_PAYLOAD }),
    client('app', 'Impatient app', 'resends unchanged', { x: 0, y: 300 }, 'checkout', 'place-order', {
      retryOn: 'any-failure',
      retry: { maxAttempts: 3, backoffMs: 1000, multiplier: 1, maxBackoffMs: 1000, jitter: 0 },
      payload: ORDER_PAYLOAD,
    }),
    service('checkout', 'Checkout', 'validates and commits orders', { x: 320, y: 170 }, {
      endpoints: [endpoint('place-order', [], { processing: ms(100), schema: ORDER_SCHEMA })],
    }),
  ],
  workload: [
    {
      kind: 'script',
      client: 'shopper',
      items: [
        { atMs: 1000, key: 'o1', label: 'o1' },
        { atMs: 3000, key: 'o2', label: 'o2', invalid: true },
      ],
    },
    { kind: 'script', client: 'app', items: [{ atMs: 12_000, key: 'o3', label: 'o3', invalid: true }] },
  ],
  faults: [],
  expectations: [
    {
      name: 'o1 is valid: one row committed and 201 at 1.3 s',
      faults: [],
      untilMs: 1300,
      assert: [
        { metric: 'clients.shopper.succeeded', op: '==', value: 1 },
        { metric: 'store.checkout.rows', op: '==', value: 1 },
      ],
    },
    {
      name: 'o2 (expired card) is rejected with 422 and writes nothing',
      faults: [],
      untilMs: 4000,
      assert: [
        { metric: 'clients.shopper.rejected', op: '==', value: 1 },
        { metric: 'store.checkout.invalid', op: '==', value: 1 },
        { metric: 'store.checkout.rows', op: '==', value: 1 },
      ],
    },
    {
      name: 'the shopper fixes o2 and resubmits it at 7.3 s: 201, a second row',
      faults: [],
      untilMs: 11_000,
      assert: [
        { metric: 'clients.shopper.submitted', op: '==', value: 1, window: [7300, 7301] },
        { metric: 'clients.shopper.succeeded', op: '==', value: 1, window: [7300, 7301] },
        { metric: 'clients.shopper.submitted', op: '==', value: 3 },
        { metric: 'clients.shopper.succeeded', op: '==', value: 2 },
        { metric: 'store.checkout.rows', op: '==', value: 2 },
      ],
    },
    {
      name: 'the app resends o3 unchanged: three attempts, three 422s, no row',
      faults: [],
      assert: [
        { metric: 'clients.app.p50LatencyMs', op: '==', value: 2900 },
        { metric: 'clients.app.rejected', op: '==', value: 1 },
        { metric: 'clients.app.succeeded', op: '==', value: 0 },
        { metric: 'store.checkout.invalid', op: '==', value: 4 },
        { metric: 'store.checkout.rows', op: '==', value: 2 },
      ],
    },
    {
      name: 'every failed command left nothing behind',
      faults: [],
      assert: [
        { metric: 'checkout.committedButFailed', op: '==', value: 0 },
        { metric: 'store.checkout.rows', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
      ],
    },
  ],
};

/** Half of all attempts fail with 500 between 10 s and 30 s. */
const ERRORS = { target: 'checkout', kind: 'error' as const, rate: 0.5, fromMs: 10_000, untilMs: 30_000 };

export const commandTechnicalFailure: Scenario = {
  id: 'command-technical-failure',
  title: 'A technical failure: retry the same command',
  summary: 'From 10 s to 30 s half of Checkout’s attempts fail with 500. A client that gives up reports half its orders failed; a client that retries the same command on 5xx gets almost all of them through.',
  lesson: LESSON.en,
  minutes: 3,
  compareWith: 'command-validation',
  steps: [
    {
      title: 'Commands that work',
      text: 'Two apps each send about two place-order commands a second. Checkout validates each one, commits a row and answers 201 in under 0.4 s.',
      highlight: ['one-shot', 'shopper', 'checkout'],
      atMs: 9000,
    },
    {
      title: 'A technical failure: 500',
      text: 'From 10 s, half of Checkout’s attempts fail with 500 (think of a lost database connection): a technical failure, nothing wrong with the orders. The one-shot app shows each error to its shopper.',
      highlight: ['checkout', 'one-shot->checkout'],
      atMs: 12_000,
      question: {
        prompt: 'An order failed with 500. If the same command is sent again, unchanged, can it succeed?',
        choices: ['No: like an expired card, it will fail again', 'Yes: a technical failure may be gone on the next attempt'],
        answer: 1,
        explanation: 'A technical failure says nothing about the command. The same command, retried, may well succeed.',
      },
    },
    {
      title: 'Retrying the same command',
      text: 'The retrying app resends the same command after about 0.5 s, 1 s, 2 s, 4 s … up to 6 attempts. Of the orders sent between 10 s and 30 s it gets at least 90% through (all 6 attempts fail with probability 0.5⁶ ≈ 1.6%), while the one-shot app loses between a quarter and three quarters. The price: some orders now take over a second.',
      highlight: ['shopper', 'shopper->checkout'],
      atMs: 30_000,
      question: {
        prompt: 'Between 10 s and 30 s, which app gets more orders through?',
        choices: ['The one-shot app', 'The retrying app', 'Both the same: Checkout fails half the time either way'],
        answer: 1,
        explanation: 'Each attempt fails independently with probability 0.5, so six attempts almost always include a success.',
      },
    },
    {
      title: 'A 500 leaves nothing behind',
      text: 'Checkout failed before it committed anything, so no 500 wrote a row: the rows equal the successful commands. That is what makes retrying safe here. Lesson 13 shows the dangerous case, a failure after the row is written.',
      highlight: ['checkout'],
      atMs: 39_000,
    },
  ],
  i18n: {
    'zh-CN': {
      title: '技术故障：重试同一个命令',
      summary: '从 10 秒到 30 秒，Checkout 有一半的尝试以 500 失败。不重试的客户端有一半订单失败；遇到 5xx 就重试同一个命令的客户端几乎全部成功。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '正常工作的命令',
          text: '两个应用各自每秒发送约两个 place-order 命令。Checkout 验证每个命令，提交一行记录，并在 0.4 秒内回答 201。',
        },
        {
          title: '技术故障：500',
          text: '从 10 秒开始，Checkout 一半的尝试以 500 失败（比如数据库连接断了）：这是技术故障，订单本身没有问题。只发一次的应用把每个错误直接显示给顾客。',
          question: {
            prompt: '一个订单以 500 失败。如果把同一个命令原样再发一次，它可能成功吗？',
            choices: ['不会：就像过期的卡一样，它还会失败', '可能：技术故障在下一次尝试时也许已经消失'],
            explanation: '技术故障与命令本身无关。同一个命令重试，很可能就成功了。',
          },
        },
        {
          title: '重试同一个命令',
          text: '会重试的应用在约 0.5 秒、1 秒、2 秒、4 秒……之后重发同一个命令，最多 6 次。在 10 秒到 30 秒之间发出的订单中，它至少有 90% 成功（6 次全部失败的概率是 0.5⁶ ≈ 1.6%），而只发一次的应用失败了四分之一到四分之三。代价是：有些订单现在要花一秒以上。',
          question: {
            prompt: '在 10 秒到 30 秒之间，哪个应用成功的订单更多？',
            choices: ['只发一次的应用', '会重试的应用', '一样多：反正 Checkout 有一半时间会失败'],
            explanation: '每次尝试以 0.5 的概率独立失败，所以六次尝试中几乎总有一次成功。',
          },
        },
        {
          title: '500 不留下任何东西',
          text: 'Checkout 在提交任何东西之前就失败了，所以没有一个 500 写入了记录：记录数等于成功的命令数。正因如此，这里的重试是安全的。第 13 课展示危险的情况：在写入记录之后才失败。',
        },
      ],
      expectations: [
        '故障开始之前，每个命令都在约 0.3 秒内成功',
        'Checkout 出错期间，只发一次的应用丢掉约一半订单',
        '遇到 5xx 就重试同一个命令：至少 90% 成功，只是更晚',
        '500 不写入任何东西：每个成功一行记录，失败的没有',
      ],
    },
  },
  durationMs: 40_000,
  seed: 1,
  networkMs: 100,
  nodes: [
    client('one-shot', 'One-shot app', 'never retries', { x: 0, y: 40 }, 'checkout', 'place-order'),
    client('shopper', 'Retrying app', 'retries 5xx, 6 attempts', { x: 0, y: 300 }, 'checkout', 'place-order', {
      retry: { maxAttempts: 6, backoffMs: 500, multiplier: 2, maxBackoffMs: 4000, jitter: 0.2 },
    }),
    service('checkout', 'Checkout', 'validates and commits orders', { x: 320, y: 170 }, {
      endpoints: [endpoint('place-order', [], { processing: ms(100) })],
    }),
  ],
  workload: [poisson('one-shot', 2, 36_000), poisson('shopper', 2, 36_000)],
  faults: [ERRORS],
  expectations: [
    {
      name: 'before the errors start, every command succeeds in about 0.3 s',
      faults: [],
      assert: [
        { metric: 'clients.one-shot.p99LatencyMs', op: '<', value: 400, window: [0, 9_500] },
        { metric: 'clients.one-shot.successRate', op: '==', value: 1, window: [0, 9_500] },
        { metric: 'clients.shopper.successRate', op: '==', value: 1, window: [0, 9_500] },
      ],
    },
    {
      name: 'while Checkout errs, the one-shot app loses about half its orders',
      faults: [],
      assert: [
        { metric: 'clients.one-shot.successRate', op: '<', value: 0.75, window: [10_000, 30_000] },
        { metric: 'clients.one-shot.successRate', op: '>', value: 0.25, window: [10_000, 30_000] },
      ],
    },
    {
      name: 'retrying the same command on 5xx gets at least 90% through, later',
      faults: [],
      assert: [
        { metric: 'clients.shopper.successRate', op: '>=', value: 0.9, window: [10_000, 30_000] },
        { metric: 'clients.shopper.p99LatencyMs', op: '>', value: 1000, window: [10_000, 30_000] },
      ],
    },
    {
      name: 'a 500 writes nothing: one row per success, none for the failures',
      faults: [],
      assert: [
        { metric: 'checkout.committedButFailed', op: '==', value: 0 },
        { metric: 'store.checkout.rows', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
      ],
    },
  ],
};

export const lesson01: Scenario[] = [commandValidation, commandTechnicalFailure];
