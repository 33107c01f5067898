// Real failures reported by people who run Kafka (shared/cases/README.md), as scenarios whose
// expectations assert the right outcome exactly. Each is a kind of fault, modelled in the engine:
// commit timing vs crashes (C1), head-of-line blocking by a poison record (C4), and ordering across
// topics (C11).
import type { ConsumerSpec, NodeSpec, RetryPolicy, Scenario, ScriptItem, ServiceSpec } from '../engine/types';
import { lesson } from './lessons/lessonNames';

/** The guided story of a case: its steps, their translation, and how long it takes to work through. */
type Story = Required<Pick<Scenario, 'minutes' | 'steps' | 'i18n'>>;
/** C1 and C4 teach lesson 4 (an event handler must not lose events); C11 teaches lesson 3 (ordering). */
const LESSON_4 = lesson(4);
const LESSON_3 = lesson(3);

const NO_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };
const FOREVER: RetryPolicy = { maxAttempts: Infinity, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 };

function producer(id: string, target: string, command: string, y = 120): NodeSpec {
  return { kind: 'client', id, label: 'Producer', role: 'writes records', position: { x: 0, y }, target, command, timeoutMs: 5000, retry: NO_RETRY };
}

function topic(id: string, label: string, partitions: number, x: number, y: number): NodeSpec {
  return { kind: 'topic', id, label, role: `topic · ${partitions} partition${partitions > 1 ? 's' : ''}`, position: { x, y }, partitions, autoOffsetReset: 'earliest' };
}

function consumerService(id: string, label: string, consumers: ConsumerSpec[], position: { x: number; y: number }, extra: Partial<ServiceSpec> = {}): ServiceSpec {
  return { kind: 'service', id, label, role: 'consumer', position, workers: 1, queueLimit: 0, endpoints: [], consumers, ...extra };
}

function consumer(group: string, topicId: string, overrides: Partial<ConsumerSpec>): ConsumerSpec {
  return {
    group,
    topic: topicId,
    instances: 1,
    processing: { kind: 'const', ms: 1000 },
    commit: 'after',
    autoCommitIntervalMs: 0,
    sessionTimeoutMs: 1000,
    rebalanceMs: 100,
    errorRate: 0,
    retry: FOREVER,
    idempotent: false,
    emits: [],
    ...overrides,
  };
}

// ─── C1: commit before processing, then crash ─────────────────────────────────

const c1Records: ScriptItem[] = [0, 1, 2, 3, 4].map((i) => ({ atMs: 0, key: 'k', label: `m${i}` }));
/** m0 is handed over at 20 ms, each record takes 1 s: m2 is handed at 2.02 s; the crash comes 0.5 s later. */
const C1_CRASH_MS = 2520;

function c1(id: string, title: string, summary: string, commit: ConsumerSpec['commit'], autoCommitIntervalMs: number, crashMs: number, expectations: Scenario['expectations'], story: Story): Scenario {
  const spec = (): ConsumerSpec => consumer('g', 't', { commit, autoCommitIntervalMs });
  return {
    id,
    title,
    summary,
    lesson: LESSON_4.en,
    durationMs: 10_000,
    seed: 1,
    networkMs: 10,
    nodes: [
      producer('producer', 't', 'record'),
      topic('t', 'T', 1, 260, 120),
      consumerService('c1', 'C1', [spec()], { x: 560, y: 40 }),
      consumerService('c2', 'C2 (standby)', [spec()], { x: 560, y: 220 }),
    ],
    workload: [{ kind: 'script', client: 'producer', items: c1Records }],
    faults: [{ target: 'c1', kind: 'down', fromMs: crashMs }],
    expectations,
    ...story,
  };
}

export const c1CommitBeforeCrash = c1(
  'c1-commit-before-crash',
  'C1 · Commit before processing, then crash',
  'Offsets are auto-committed (every 100 ms) as records are handed to C1. C1 crashes 0.5 s into m2; C2 takes over from the committed offset — past m2, which is lost.',
  'before',
  100,
  C1_CRASH_MS,
  [
    {
      name: 'm2 is lost; m0, m1, m3, m4 are processed once; the committed offset ends at 5',
      faults: [],
      assert: [
        { metric: 'groups.g.processed', op: '==', value: 4 },
        { metric: 'groups.g.lost', op: '==', value: 1 },
        { metric: 'groups.g.duplicates', op: '==', value: 0 },
        { metric: 'groups.g.committed.0', op: '==', value: 5 },
      ],
    },
    {
      name: 'at 2.1 s the committed offset is already 3, though only m0 and m1 are processed',
      faults: [],
      untilMs: 2100,
      assert: [
        { metric: 'groups.g.committed.0', op: '==', value: 3 },
        { metric: 'groups.g.processed', op: '==', value: 2 },
      ],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'Committed on hand-over',
        text: 'Five records, m0 to m4, wait in partition 0 of T. C1 owns the partition; C2 is a standby in the same consumer group. Offsets are auto-committed every 100 ms as soon as a record is handed to the handler — before it is processed. At 2.1 s the committed offset is already 3, while m2 has just begun its 1 s of processing.',
        highlight: ['t', 'c1', 't->c1'],
        atMs: 2100,
      },
      {
        title: 'C1 crashes in the middle of m2',
        text: 'At 2.52 s C1 crashes halfway through m2. The group’s committed offset says m2 is done; it is not.',
        highlight: ['c1'],
        atMs: 2600,
        question: {
          prompt: 'The committed offset is 3 and m2 (offset 2) was not finished. Where will C2 start reading?',
          choices: ['At m2, offset 2', 'At m3, offset 3', 'At m0, from the beginning'],
          answer: 1,
          explanation: 'A new owner of a partition starts at the group’s committed offset. It knows nothing about what C1 had in hand.',
        },
      },
      {
        title: 'C2 takes over, past m2',
        text: 'After C1’s session timeout (1 s) the group rebalances and C2 gets partition 0. It resumes at the committed offset, 3, and processes m3 and m4. m2 was never processed and never will be: lost. Committing before processing is at-most-once delivery.',
        highlight: ['c2', 't->c2'],
        atMs: 5700,
      },
    ],
    i18n: {
      'zh-CN': {
        title: 'C1 · 处理前提交偏移量，然后崩溃',
        summary: '记录一交给 C1 就自动提交偏移量（每 100 毫秒）。C1 在处理 m2 的第 0.5 秒时崩溃；C2 从已提交的偏移量接手——已经越过了 m2，m2 丢失。',
        lesson: LESSON_4['zh-CN'],
        steps: [
          {
            title: '交出即提交',
            text: '五条记录 m0 到 m4 在 T 的分区 0 中等待。C1 拥有这个分区；C2 是同一消费者组中的备用者。记录一交给处理程序就会被自动提交偏移量（每 100 毫秒一次）——在处理之前。到 2.1 秒时已提交的偏移量已经是 3，而 m2 的 1 秒处理才刚刚开始。',
          },
          {
            title: 'C1 在处理 m2 时崩溃',
            text: '2.52 秒时，C1 在处理 m2 到一半时崩溃。组的已提交偏移量说 m2 已经完成；其实并没有。',
            question: {
              prompt: '已提交的偏移量是 3，而 m2（偏移量 2）还没处理完。C2 会从哪里开始读？',
              choices: ['从 m2，偏移量 2', '从 m3，偏移量 3', '从 m0，从头开始'],
              explanation: '分区的新主人从组的已提交偏移量开始。它对 C1 手里正在处理什么一无所知。',
            },
          },
          {
            title: 'C2 接手，越过了 m2',
            text: 'C1 的会话超时（1 秒）之后，消费者组再平衡，C2 得到分区 0。它从已提交的偏移量 3 继续，处理 m3 和 m4。m2 从未被处理，将来也不会：丢失了。处理前提交就是“至多一次”投递。',
          },
        ],
        expectations: ['m2 丢失；m0、m1、m3、m4 各处理一次；已提交的偏移量最终为 5', '2.1 秒时已提交的偏移量已经是 3，尽管只处理了 m0 和 m1'],
      },
    },
  },
);

export const c1CommitAfterCrash = c1(
  'c1-commit-after-crash',
  'C1 · Commit after processing, then crash',
  'The same crash, but offsets are committed only after a record is processed: C2 starts at m2 and processes it. Nothing is lost.',
  'after',
  0,
  C1_CRASH_MS,
  [
    {
      name: 'm2 is processed by C2; nothing lost, no duplicate; the committed offset ends at 5',
      faults: [],
      assert: [
        { metric: 'groups.g.processed', op: '==', value: 5 },
        { metric: 'groups.g.lost', op: '==', value: 0 },
        { metric: 'groups.g.duplicates', op: '==', value: 0 },
        { metric: 'groups.g.committed.0', op: '==', value: 5 },
      ],
    },
    {
      name: 'at 2.1 s the committed offset is 2: m0 and m1 are done, m2 is in progress',
      faults: [],
      untilMs: 2100,
      assert: [
        { metric: 'groups.g.committed.0', op: '==', value: 2 },
        { metric: 'groups.g.processed', op: '==', value: 2 },
      ],
    },
    {
      name: 'by 4.7 s C2 has processed m2',
      faults: [],
      untilMs: 4700,
      assert: [{ metric: 'groups.g.processed', op: '==', value: 3 }],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'Committed after processing',
        text: 'The same records and the same crash, but each offset is committed only after its record has been processed. At 2.1 s the committed offset is 2: m0 and m1 are done, m2 is in progress.',
        highlight: ['t', 'c1', 't->c1'],
        atMs: 2100,
      },
      {
        title: 'C2 starts at m2',
        text: 'C1 crashes at 2.52 s, halfway through m2. After the rebalance C2 starts at the committed offset, 2 — which is m2 — and has processed it by 4.7 s.',
        highlight: ['c2', 't->c2'],
        atMs: 4700,
        question: {
          prompt: 'C1 crashes in the middle of m2; the committed offset is 2. Where does C2 start?',
          choices: ['At m2, offset 2', 'At m3, offset 3', 'At m0, offset 0'],
          answer: 0,
          explanation: 'm2 was never committed, so for the group it is still to do: the new owner reads it again.',
        },
      },
      {
        title: 'Nothing lost',
        text: 'm3 and m4 follow and the committed offset ends at 5: every record processed, none lost, and — this time — none twice. Committing after processing is at-least-once delivery.',
        highlight: ['c2'],
        atMs: 6700,
      },
    ],
    i18n: {
      'zh-CN': {
        title: 'C1 · 处理后提交偏移量，然后崩溃',
        summary: '同样的崩溃，但偏移量只在记录处理完之后才提交：C2 从 m2 开始并处理它。没有任何丢失。',
        lesson: LESSON_4['zh-CN'],
        steps: [
          {
            title: '处理后提交',
            text: '同样的记录，同样的崩溃，但每个偏移量只在对应记录处理完之后才提交。2.1 秒时已提交的偏移量是 2：m0 和 m1 已完成，m2 正在处理。',
          },
          {
            title: 'C2 从 m2 开始',
            text: 'C1 在 2.52 秒处理 m2 到一半时崩溃。再平衡之后，C2 从已提交的偏移量 2——也就是 m2——开始，到 4.7 秒时已经处理完它。',
            question: {
              prompt: 'C1 在处理 m2 时崩溃；已提交的偏移量是 2。C2 从哪里开始？',
              choices: ['从 m2，偏移量 2', '从 m3，偏移量 3', '从 m0，偏移量 0'],
              explanation: 'm2 从未被提交，所以对组来说它仍然待处理：新的主人会再读一遍。',
            },
          },
          {
            title: '没有任何丢失',
            text: '接着是 m3 和 m4，已提交的偏移量最终为 5：每条记录都被处理，没有丢失，而且——这一次——没有重复。处理后提交就是“至少一次”投递。',
          },
        ],
        expectations: ['m2 由 C2 处理；没有丢失，没有重复；已提交的偏移量最终为 5', '2.1 秒时已提交的偏移量是 2：m0 和 m1 已完成，m2 正在处理', '到 4.7 秒时 C2 已处理完 m2'],
      },
    },
  },
);

export const c1CommitAfterDuplicate = c1(
  'c1-commit-after-duplicate',
  'C1 · Crash after processing, before the commit',
  'Commit after processing with auto-commit every second: C1 finishes m2 at 3.02 s and crashes at 3.5 s, before the next commit. C2 processes m2 again: at-least-once means a duplicate.',
  'after',
  1000,
  3500,
  [
    {
      name: 'nothing lost, but m2 is processed twice',
      faults: [],
      assert: [
        { metric: 'groups.g.processed', op: '==', value: 5 },
        { metric: 'groups.g.lost', op: '==', value: 0 },
        { metric: 'groups.g.duplicates', op: '==', value: 1 },
        { metric: 'groups.g.committed.0', op: '==', value: 5 },
      ],
    },
    {
      name: 'at 3.1 s m2 is processed but its offset not yet committed',
      faults: [],
      untilMs: 3100,
      assert: [
        { metric: 'groups.g.processed', op: '==', value: 3 },
        { metric: 'groups.g.committed.0', op: '==', value: 2 },
      ],
    },
    {
      name: 'by 5.7 s C2 has processed m2 a second time',
      faults: [],
      untilMs: 5700,
      assert: [{ metric: 'groups.g.duplicates', op: '==', value: 1 }],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'Processed, not yet committed',
        text: 'Offsets are committed after processing, but only by a timer, once a second. C1 finishes m2 at 3.02 s; at 3.1 s m2 is processed but the committed offset is still 2 — the commit of 3 would come at the next tick, at 4 s.',
        highlight: ['t', 'c1'],
        atMs: 3100,
      },
      {
        title: 'C1 crashes before the commit',
        text: 'C1 crashes at 3.5 s. After the rebalance C2 starts at the committed offset, 2, and processes m2 a second time (by 5.7 s). Nothing is lost, but m2’s effect is applied twice.',
        highlight: ['c2', 't->c2'],
        atMs: 5700,
        question: {
          prompt: 'C1 processed m2 but crashed before committing it. What does C2 do with m2?',
          choices: ['Skips it: it was processed', 'Processes it again', 'Sends it to a dead-letter topic'],
          answer: 1,
          explanation: 'The group only knows the committed offset, 2. From its point of view m2 still has to be processed.',
        },
      },
      {
        title: 'At-least-once means duplicates',
        text: 'The committed offset ends at 5: all five records processed, m2 twice. Committing after processing never loses a record but can repeat one, so a consumer must tolerate duplicates — for instance by remembering the ids of the events it has processed.',
        highlight: ['c2'],
        atMs: 8700,
      },
    ],
    i18n: {
      'zh-CN': {
        title: 'C1 · 处理后、提交前崩溃',
        summary: '处理后提交，但每秒才自动提交一次：C1 在 3.02 秒处理完 m2，在 3.5 秒、下一次提交之前崩溃。C2 再次处理 m2：至少一次意味着重复。',
        lesson: LESSON_4['zh-CN'],
        steps: [
          {
            title: '已处理，尚未提交',
            text: '偏移量在处理后提交，但只由定时器每秒提交一次。C1 在 3.02 秒处理完 m2；3.1 秒时 m2 已处理，但已提交的偏移量仍是 2——提交 3 要等到下一次定时，在 4 秒。',
          },
          {
            title: 'C1 在提交之前崩溃',
            text: 'C1 在 3.5 秒崩溃。再平衡之后，C2 从已提交的偏移量 2 开始，第二次处理 m2（到 5.7 秒）。没有丢失，但 m2 的效果被应用了两次。',
            question: {
              prompt: 'C1 处理完 m2，但在提交之前崩溃了。C2 会怎样处理 m2？',
              choices: ['跳过：它已经处理过了', '再处理一次', '把它发到死信主题'],
              explanation: '组只知道已提交的偏移量 2。在它看来，m2 仍然需要处理。',
            },
          },
          {
            title: '至少一次意味着重复',
            text: '已提交的偏移量最终为 5：五条记录都被处理了，m2 处理了两次。处理后提交永远不会丢失记录，但可能重复，所以消费者必须能容忍重复——比如记住已处理事件的 id。',
          },
        ],
        expectations: ['没有丢失，但 m2 被处理了两次', '3.1 秒时 m2 已处理，但它的偏移量尚未提交', '到 5.7 秒时 C2 已第二次处理 m2'],
      },
    },
  },
);

// ─── C4: a poison record blocks its partition ────────────────────────────────

const c4Records: ScriptItem[] = [
  { atMs: 0, key: 'a', label: 'm0', partition: 0 },
  { atMs: 0, key: 'a', label: 'm1', partition: 0, poison: true },
  { atMs: 0, key: 'a', label: 'm2', partition: 0 },
  { atMs: 0, key: 'a', label: 'm3', partition: 0 },
  { atMs: 0, key: 'b', label: 'n0', partition: 1 },
  { atMs: 0, key: 'b', label: 'n1', partition: 1 },
];

function c4(id: string, title: string, summary: string, deadLetter: boolean, expectations: Scenario['expectations'], story: Story): Scenario {
  const spec = consumer('g', 't', {
    processing: { kind: 'const', ms: 100 },
    retry: deadLetter ? { maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 } : FOREVER,
    ...(deadLetter ? { deadLetterTopic: 't.dlt' } : {}),
  });
  return {
    id,
    title,
    summary,
    lesson: LESSON_4.en,
    durationMs: 30_000,
    seed: 1,
    networkMs: 10,
    nodes: [
      producer('producer', 't', 'record'),
      topic('t', 'T', 2, 260, 120),
      consumerService('consumer', 'Consumer', [spec], { x: 560, y: 120 }),
      ...(deadLetter ? [topic('t.dlt', 'T.DLT', 1, 860, 120)] : []),
    ],
    workload: [{ kind: 'script', client: 'producer', items: c4Records }],
    faults: [],
    expectations,
    ...story,
  };
}

export const c4PoisonBlocks = c4(
  'c4-poison-blocks-partition',
  'C4 · A poison record blocks its partition',
  'm1 can never be handled and the consumer retries forever: partition 0 is stuck at offset 1 behind it, m2 and m3 wait for good, while partition 1 carries on.',
  false,
  [
    {
      name: 'partition 0 stuck at committed offset 1 with lag 3; partition 1 committed 2',
      faults: [],
      assert: [
        { metric: 'groups.g.committed.0', op: '==', value: 1 },
        { metric: 'groups.g.committed.1', op: '==', value: 2 },
        { metric: 'groups.g.lag', op: '==', value: 3 },
        { metric: 'groups.g.processedPerPartition.0', op: '==', value: 1 },
        { metric: 'groups.g.processedPerPartition.1', op: '==', value: 2 },
        { metric: 'groups.g.handlerFailures', op: '>=', value: 20 },
        { metric: 'groups.g.deadLettered', op: '==', value: 0 },
      ],
    },
    {
      name: 'by 0.5 s m0, n0 and n1 are done and m1 has failed',
      faults: [],
      untilMs: 500,
      assert: [
        { metric: 'groups.g.processedPerPartition.0', op: '==', value: 1 },
        { metric: 'groups.g.committed.1', op: '==', value: 2 },
        { metric: 'groups.g.handlerFailures', op: '>=', value: 1 },
      ],
    },
    {
      name: 'at 15 s partition 0 is still stuck at offset 1, after more than 10 attempts at m1',
      faults: [],
      untilMs: 15_000,
      assert: [
        { metric: 'groups.g.committed.0', op: '==', value: 1 },
        { metric: 'groups.g.processedPerPartition.0', op: '==', value: 1 },
        { metric: 'groups.g.handlerFailures', op: '>', value: 10 },
      ],
    },
  ],
  {
    minutes: 3,
    steps: [
      {
        title: 'A record that can never be handled',
        text: 'Partition 0 holds m0 to m3; partition 1 holds n0 and n1. m0 is processed; m1 is poison: every attempt to handle it fails. The consumer retries it with a growing backoff (up to 1 s), and forever. Meanwhile partition 1 is done: n0 and n1, committed offset 2.',
        highlight: ['t', 'consumer', 't->consumer'],
        atMs: 500,
      },
      {
        title: 'The partition is stuck',
        text: 'At 15 s, partition 0’s committed offset is still 1 and m2, m3 wait behind m1, because a partition is consumed in order. m1 has failed more than 10 times.',
        highlight: ['consumer', 't'],
        atMs: 15_000,
        question: {
          prompt: 'The consumer retries m1 forever. What happens to m2 and m3 behind it?',
          choices: ['They are processed meanwhile', 'They wait behind m1', 'They are skipped'],
          answer: 1,
          explanation: 'Within a partition, order is the guarantee: the consumer cannot commit past m1 without giving it up.',
        },
      },
      {
        title: 'Lag that never shrinks',
        text: 'At 30 s: lag 3 (m1, m2, m3), m1 has failed 20 times or more, nothing dead-lettered. Retrying is right for a transient failure; for a poison record it blocks the partition for good. Next: a dead-letter topic.',
        highlight: ['consumer'],
        atMs: 29_900,
      },
    ],
    i18n: {
      'zh-CN': {
        title: 'C4 · 毒消息阻塞了它的分区',
        summary: 'm1 永远无法处理，而消费者无限重试：分区 0 卡在它后面的偏移量 1，m2 和 m3 永远在等，而分区 1 照常进行。',
        lesson: LESSON_4['zh-CN'],
        steps: [
          {
            title: '一条永远无法处理的记录',
            text: '分区 0 中有 m0 到 m3；分区 1 中有 n0 和 n1。m0 被处理；m1 是毒消息：每次处理都失败。消费者以递增的退避时间（最长 1 秒）无限重试它。与此同时分区 1 已经完成：n0 和 n1，已提交的偏移量为 2。',
          },
          {
            title: '分区卡住了',
            text: '15 秒时，分区 0 已提交的偏移量仍然是 1，m2 和 m3 在 m1 后面等待，因为一个分区必须按顺序消费。m1 已经失败了 10 次以上。',
            question: {
              prompt: '消费者无限重试 m1。它后面的 m2 和 m3 会怎样？',
              choices: ['同时被处理', '在 m1 后面等待', '被跳过'],
              explanation: '在一个分区内，顺序就是保证：不放弃 m1，消费者就无法提交越过它的偏移量。',
            },
          },
          {
            title: '永不减少的积压',
            text: '30 秒时：积压为 3（m1、m2、m3），m1 失败了 20 次以上，没有任何东西进入死信。对暂时性故障来说重试是对的；对毒消息来说，它会永远阻塞分区。下一个场景：死信主题。',
          },
        ],
        expectations: ['分区 0 卡在已提交偏移量 1，积压为 3；分区 1 已提交 2', '到 0.5 秒时 m0、n0 和 n1 已完成，m1 已失败', '15 秒时分区 0 仍卡在偏移量 1，m1 已尝试超过 10 次'],
      },
    },
  },
);

export const c4DeadLetterTopic = c4(
  'c4-dead-letter-topic',
  'C4 · A dead-letter topic frees the partition',
  'After 3 failed attempts m1 is parked on T.DLT and the consumer moves on: m2 and m3 are processed and partition 0 commits 4.',
  true,
  [
    {
      name: 'm1 lands in T.DLT; partition 0 committed 4; m0, m2, m3 processed',
      faults: [],
      assert: [
        { metric: 'groups.g.deadLettered', op: '==', value: 1 },
        { metric: 'topics.t\\.dlt.appended', op: '==', value: 1 },
        { metric: 'groups.g.committed.0', op: '==', value: 4 },
        { metric: 'groups.g.committed.1', op: '==', value: 2 },
        { metric: 'groups.g.processedPerPartition.0', op: '==', value: 3 },
        { metric: 'groups.g.lag', op: '==', value: 0 },
        { metric: 'groups.g.handlerFailures', op: '==', value: 3 },
      ],
    },
    {
      name: 'at 0.5 s partition 1 is done and m1 has failed once',
      faults: [],
      untilMs: 500,
      assert: [
        { metric: 'groups.g.committed.1', op: '==', value: 2 },
        { metric: 'groups.g.handlerFailures', op: '==', value: 1 },
      ],
    },
    {
      name: 'by 1.1 s m1 is on T.DLT and partition 0 has committed 4',
      faults: [],
      untilMs: 1100,
      assert: [
        { metric: 'groups.g.deadLettered', op: '==', value: 1 },
        { metric: 'groups.g.committed.0', op: '==', value: 4 },
      ],
    },
  ],
  {
    minutes: 2,
    steps: [
      {
        title: 'Three attempts, no more',
        text: 'The same poison m1, but this consumer gives up after 3 failed attempts. At 0.5 s partition 1 is done (n0, n1) and m1 has failed once.',
        highlight: ['consumer', 't->consumer'],
        atMs: 500,
      },
      {
        title: 'Parked on a dead-letter topic',
        text: 'After its third failure, at 0.82 s, the consumer copies m1 to the dead-letter topic T.DLT and commits past it. m2 and m3 follow at once: by 1.1 s partition 0’s committed offset is 4.',
        highlight: ['consumer->t.dlt', 't.dlt'],
        atMs: 1100,
        question: {
          prompt: 'm1 fails for the third time. What happens to it?',
          choices: ['It is deleted', 'It is copied to T.DLT and the partition moves on', 'It keeps blocking the partition'],
          answer: 1,
          explanation: 'An event cannot be rejected, but it can be set aside: the dead-letter topic keeps it for later, and the partition is free again.',
        },
      },
      {
        title: 'Set aside, not lost',
        text: 'm0, m2 and m3 processed, lag 0, exactly 3 failed attempts. m1 is not dropped: it waits on T.DLT for a person — or a fixed handler — to deal with it, and the partition never stalled for long.',
        highlight: ['t.dlt', 'consumer'],
        atMs: 29_000,
      },
    ],
    i18n: {
      'zh-CN': {
        title: 'C4 · 死信主题释放了分区',
        summary: '失败 3 次后，m1 被放到 T.DLT 上，消费者继续前进：m2 和 m3 被处理，分区 0 提交到 4。',
        lesson: LESSON_4['zh-CN'],
        steps: [
          {
            title: '尝试三次，不再多',
            text: '同样是毒消息 m1，但这个消费者在失败 3 次后放弃。0.5 秒时分区 1 已完成（n0、n1），m1 已失败一次。',
          },
          {
            title: '放到死信主题上',
            text: '第三次失败后（0.82 秒），消费者把 m1 复制到死信主题 T.DLT，并提交越过它的偏移量。m2 和 m3 随即被处理：到 1.1 秒时分区 0 已提交的偏移量为 4。',
            question: {
              prompt: 'm1 第三次失败了。它会怎样？',
              choices: ['被删除', '被复制到 T.DLT，分区继续前进', '继续阻塞分区'],
              explanation: '事件不能被拒绝，但可以被搁置：死信主题把它保留下来以便之后处理，分区重获自由。',
            },
          },
          {
            title: '被搁置，而不是丢失',
            text: 'm0、m2 和 m3 已处理，积压为 0，恰好失败了 3 次。m1 没有被丢弃：它在 T.DLT 上等待有人——或修复后的处理程序——来处理它，而分区从未长时间停滞。',
          },
        ],
        expectations: ['m1 进入 T.DLT；分区 0 提交到 4；m0、m2、m3 已处理', '0.5 秒时分区 1 已完成，m1 失败了一次', '到 1.1 秒时 m1 已在 T.DLT 上，分区 0 已提交到 4'],
      },
    },
  },
);

// ─── C11: order-canceled handled before order-placed ─────────────────────────

const ORDER_STATES = {
  initial: 'ABSENT',
  transitions: {
    'order-placed': { from: ['ABSENT'], to: 'ACTIVE' },
    'order-canceled': { from: ['ACTIVE'], to: 'CANCELED' },
  },
};

export const c11TwoTopics: Scenario = {
  id: 'c11-cancel-before-place',
  title: 'C11 · order-canceled handled before order-placed',
  summary: 'placed and canceled travel on two topics. The placed consumer is 5 s behind, so the cancel arrives first, finds no order and is dropped: order K stays ACTIVE for good.',
  lesson: LESSON_3.en,
  minutes: 3,
  compareWith: 'c11-keyed-topic',
  steps: [
    {
      title: 'Two topics, two speeds',
      text: 'Checkout publishes order-placed K to the topic placed at 0 s; at 1 s the support desk publishes order-canceled K to another topic, canceled. The Order view consumes both, with one consumer group per topic. Handling an order-placed takes it 5 s.',
      highlight: ['placed', 'canceled', 'orders'],
      atMs: 500,
    },
    {
      title: 'The cancel arrives first',
      text: 'order-canceled K is handled at 1.03 s, while order-placed K is still being processed. The Order view has no order K yet (ABSENT), so the cancel cannot apply: it is dropped.',
      highlight: ['canceled->orders', 'orders'],
      atMs: 1100,
      question: {
        prompt: 'order-canceled K reaches the Order view before order-placed K has been applied. What happens to it?',
        choices: ['It waits for order-placed K', 'It is applied: K becomes CANCELED', 'It is dropped: there is no order K yet'],
        answer: 2,
        explanation: 'Two topics (or two partitions) have no order between them: each consumer group moves at its own pace, and a state machine cannot cancel what does not exist yet.',
      },
    },
    {
      title: 'A canceled order comes back to life',
      text: 'At about 5 s order-placed K is finally applied: K becomes ACTIVE — and stays ACTIVE for good, although the customer canceled it. The state is corrupt, and nothing failed loudly.',
      highlight: ['placed->orders', 'orders'],
      atMs: 5100,
    },
  ],
  i18n: {
    'zh-CN': {
      title: 'C11 · order-canceled 先于 order-placed 被处理',
      summary: 'placed 和 canceled 走两个主题。placed 的消费者落后 5 秒，于是取消先到，找不到订单，被丢弃：订单 K 永远停在 ACTIVE。',
      lesson: LESSON_3['zh-CN'],
      steps: [
        {
          title: '两个主题，两种速度',
          text: 'Checkout 在 0 秒把 order-placed K 发布到主题 placed；1 秒时客服把 order-canceled K 发布到另一个主题 canceled。Order view 消费这两个主题，每个主题一个消费者组。处理一个 order-placed 要花它 5 秒。',
        },
        {
          title: '取消先到了',
          text: 'order-canceled K 在 1.03 秒被处理，而 order-placed K 还在处理中。Order view 里还没有订单 K（ABSENT），所以取消无法应用：它被丢弃了。',
          question: {
            prompt: 'order-canceled K 在 order-placed K 被应用之前到达 Order view。它会怎样？',
            choices: ['等待 order-placed K', '被应用：K 变为 CANCELED', '被丢弃：还没有订单 K'],
            explanation: '两个主题（或两个分区）之间没有顺序：每个消费者组按自己的节奏前进，而状态机无法取消一个尚不存在的东西。',
          },
        },
        {
          title: '已取消的订单“复活”了',
          text: '约 5 秒时，order-placed K 终于被应用：K 变为 ACTIVE——并且永远停在 ACTIVE，尽管顾客已经取消了它。状态被破坏了，却没有任何响亮的失败。',
        },
      ],
      expectations: ['取消被丢弃，订单 K 最终为 ACTIVE（错误）', '1.1 秒时取消已被丢弃，K 还不存在'],
    },
  },
  durationMs: 10_000,
  seed: 1,
  networkMs: 10,
  nodes: [
    producer('checkout', 'placed', 'order-placed', 40),
    { kind: 'client', id: 'support', label: 'Support desk', role: 'cancels orders', position: { x: 0, y: 240 }, target: 'canceled', command: 'order-canceled', timeoutMs: 5000, retry: NO_RETRY },
    topic('placed', 'placed', 1, 260, 40),
    topic('canceled', 'canceled', 1, 260, 240),
    consumerService(
      'orders',
      'Order view',
      [
        consumer('orders-placed', 'placed', { processing: { kind: 'const', ms: 5000 } }),
        consumer('orders-canceled', 'canceled', { processing: { kind: 'const', ms: 10 } }),
      ],
      { x: 560, y: 140 },
      { state: ORDER_STATES },
    ),
  ],
  workload: [
    { kind: 'script', client: 'checkout', items: [{ atMs: 0, key: 'K', label: 'K', type: 'order-placed' }] },
    { kind: 'script', client: 'support', items: [{ atMs: 1000, key: 'K', label: 'K', type: 'order-canceled' }] },
  ],
  faults: [],
  expectations: [
    {
      name: 'the cancel is dropped and order K ends ACTIVE (wrong)',
      faults: [],
      assert: [
        { metric: 'state.orders.dropped', op: '==', value: 1 },
        { metric: 'state.orders.ACTIVE', op: '==', value: 1 },
        { metric: 'state.orders.CANCELED', op: '==', value: 0 },
      ],
    },
    {
      name: 'at 1.1 s the cancel has been dropped and K does not exist yet',
      faults: [],
      untilMs: 1100,
      assert: [
        { metric: 'state.orders.dropped', op: '==', value: 1 },
        { metric: 'state.orders.ACTIVE', op: '==', value: 0 },
      ],
    },
  ],
};

export const c11KeyedTopic: Scenario = {
  ...c11TwoTopics,
  id: 'c11-keyed-topic',
  title: 'C11 · One topic keyed by order id',
  summary: 'Both events go to one topic keyed by order id, so they share a partition and are consumed in order: the cancel waits behind the slow placed, and K ends CANCELED.',
  compareWith: 'c11-cancel-before-place',
  steps: [
    {
      title: 'One topic, keyed by order id',
      text: 'Now both events go to one topic, orders, with the order id as the key. Same key, same partition: order-placed K is at offset 0 and order-canceled K at offset 1 of partition 2, in the order they were published.',
      highlight: ['orders-topic', 'checkout->orders-topic', 'support->orders-topic'],
      atMs: 1100,
    },
    {
      title: 'The cancel waits its turn',
      text: 'The consumer handles a partition in offset order, so order-canceled K waits behind the slow order-placed K. At about 5 s K becomes ACTIVE; the cancel has not been touched yet.',
      highlight: ['orders-topic->orders', 'orders'],
      atMs: 5100,
      question: {
        prompt: 'order-canceled K was published at 1 s; order-placed K takes 5 s to handle. When is the cancel handled?',
        choices: ['At once, at about 1 s', 'After order-placed K, in offset order', 'Never'],
        answer: 1,
        explanation: 'Within a partition records are consumed in offset order: the cancel cannot overtake the order it cancels.',
      },
    },
    {
      title: 'CANCELED, as it should be',
      text: 'At about 10 s the cancel is applied: K is CANCELED, nothing dropped, nothing out of order. Kafka keeps order per partition only — so everything that must stay in order has to share a key.',
      highlight: ['orders'],
      atMs: 10_100,
    },
  ],
  i18n: {
    'zh-CN': {
      title: 'C11 · 一个以订单号为键的主题',
      summary: '两个事件进入同一个以订单号为键的主题，于是落在同一个分区并按顺序消费：取消在缓慢的 placed 后面等待，K 最终为 CANCELED。',
      lesson: LESSON_3['zh-CN'],
      steps: [
        {
          title: '一个主题，以订单号为键',
          text: '现在两个事件都进入同一个主题 orders，以订单号为键。同样的键，同样的分区：order-placed K 在分区 2 的偏移量 0，order-canceled K 在偏移量 1，与发布顺序一致。',
        },
        {
          title: '取消排队等候',
          text: '消费者按偏移量顺序处理一个分区，所以 order-canceled K 在缓慢的 order-placed K 后面等待。约 5 秒时 K 变为 ACTIVE；取消还没有被处理。',
          question: {
            prompt: 'order-canceled K 在 1 秒时发布；处理 order-placed K 要 5 秒。取消什么时候被处理？',
            choices: ['立即，约 1 秒时', '在 order-placed K 之后，按偏移量顺序', '永远不会'],
            explanation: '在一个分区内，记录按偏移量顺序被消费：取消无法超越它要取消的订单。',
          },
        },
        {
          title: 'CANCELED，本该如此',
          text: '约 10 秒时取消被应用：K 为 CANCELED，没有丢弃，没有乱序。Kafka 只保证分区内的顺序——所以必须保持顺序的一切都要共享同一个键。',
        },
      ],
      expectations: ['订单 K 最终为 CANCELED，没有丢弃', 'K 的两个事件在同一个分区：偏移量 0 和 1', '约 5 秒时 K 为 ACTIVE，取消仍在等待'],
    },
  },
  nodes: [
    producer('checkout', 'orders-topic', 'order-placed', 40),
    { kind: 'client', id: 'support', label: 'Support desk', role: 'cancels orders', position: { x: 0, y: 240 }, target: 'orders-topic', command: 'order-canceled', timeoutMs: 5000, retry: NO_RETRY },
    topic('orders-topic', 'orders', 3, 260, 140),
    consumerService('orders', 'Order view', [consumer('orders', 'orders-topic', { processing: { kind: 'const', ms: 5000 } })], { x: 560, y: 140 }, { state: ORDER_STATES }),
  ],
  durationMs: 15_000,
  expectations: [
    {
      name: 'order K ends CANCELED, nothing dropped',
      faults: [],
      assert: [
        { metric: 'state.orders.dropped', op: '==', value: 0 },
        { metric: 'state.orders.ACTIVE', op: '==', value: 0 },
        { metric: 'state.orders.CANCELED', op: '==', value: 1 },
        { metric: 'groups.orders.outOfOrder', op: '==', value: 0 },
      ],
    },
    {
      name: "both of K's events are in one partition: offsets 0 and 1",
      faults: [],
      assert: [{ metric: 'topics.orders-topic.partitions.2.logEnd', op: '==', value: 2 }],
    },
    {
      name: 'at about 5 s K is ACTIVE and the cancel is still waiting',
      faults: [],
      untilMs: 5100,
      assert: [
        { metric: 'state.orders.ACTIVE', op: '==', value: 1 },
        { metric: 'state.orders.CANCELED', op: '==', value: 0 },
        { metric: 'groups.orders.lag', op: '==', value: 1 },
      ],
    },
  ],
};

export const kafkaCases: Scenario[] = [c1CommitBeforeCrash, c1CommitAfterCrash, c1CommitAfterDuplicate, c4PoisonBlocks, c4DeadLetterTopic, c11TwoTopics, c11KeyedTopic];
