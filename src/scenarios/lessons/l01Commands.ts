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
