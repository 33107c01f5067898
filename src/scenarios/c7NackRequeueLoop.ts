// Case C7 (shared/cases/README.md): a poison message nacked with requeue goes straight back to the
// head of the queue and is redelivered at once, forever; the message behind it never gets a turn.
// A delivery limit with a dead-letter queue breaks the loop.
import type { ClientSpec, QueueSpec, Scenario, ServiceSpec } from '../engine/types';
import { lesson } from './lessons/lessonNames';

/** Lesson 8: commands on a point-to-point queue, and what a handler's nack does to it. */
const LESSON = lesson(8);

const DURATION_MS = 10_000;

const producer: ClientSpec = {
  kind: 'client',
  id: 'producer',
  label: 'Producer',
  role: 'publishes commands',
  position: { x: 0, y: 120 },
  target: 'q',
  command: 'process',
  timeoutMs: 1000,
  retry: { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 },
};

function worker(): ServiceSpec {
  return {
    kind: 'service',
    id: 'worker',
    label: 'Worker',
    role: 'competing consumer · prefetch 1',
    position: { x: 560, y: 0 },
    workers: 1,
    queueLimit: 0,
    endpoints: [],
    consumers: [],
    queueConsumers: [
      {
        queue: 'q',
        instances: 1,
        prefetch: 1,
        processing: { kind: 'const', ms: 1 },
        errorRate: 0,
        // The handler's failure is not transient, but it asks for a requeue all the same.
        onFailure: 'requeue',
        emits: [],
      },
    ],
  };
}

function queue(extra: Partial<QueueSpec>): QueueSpec {
  return { kind: 'queue', id: 'q', label: 'Q', role: 'command queue', position: { x: 280, y: 120 }, ...extra };
}

const common = {
  lesson: LESSON.en,
  minutes: 2,
  durationMs: DURATION_MS,
  seed: 7,
  // No network latency: the nack → requeue → redeliver loop spins once per millisecond of handling.
  networkMs: 0,
  workload: [
    {
      kind: 'script' as const,
      client: 'producer',
      // Published in this order at t = 0: m1 is at the head of the queue, m2 behind it.
      items: [
        { atMs: 0, key: 'm1', label: 'm1', poison: true },
        { atMs: 0, key: 'm2', label: 'm2' },
      ],
    },
  ],
  faults: [],
};

export const c7NackRequeueLoop: Scenario = {
  ...common,
  id: 'c7-nack-requeue-loop',
  title: 'A poison message nacked with requeue blocks the queue',
  summary:
    'The worker fails m1 every time and nacks it with requeue. RabbitMQ puts m1 back at the head of Q and redelivers it at once, ' +
    'about once per millisecond of handling, for ever; with prefetch 1 the worker never gets m2. Q keeps holding 2 messages.',
  compareWith: 'c7-delivery-limit-dlq',
  nodes: [producer, queue({}), worker()],
  steps: [
    {
      title: 'A poison message at the head',
      text: 'Q holds m1, then m2. The worker takes one message at a time (prefetch 1). Handling m1 always fails, in 1 ms, and the worker nacks it with requeue: “put it back, try again”.',
      highlight: ['q', 'worker', 'q->worker'],
      atMs: 2,
    },
    {
      title: 'Straight back to the head',
      text: 'RabbitMQ puts a requeued message back at the head of the queue, so m1 is redelivered at once — about once per millisecond: some 5,000 deliveries by 5 s. With prefetch 1 the worker never gets to m2.',
      highlight: ['q->worker', 'q'],
      atMs: 5000,
      question: {
        prompt: 'm1 is nacked with requeue. Where does it go, and what happens to m2?',
        choices: ['m1 goes to the back; m2 is handled next', 'm1 goes back to the head and is redelivered at once; m2 waits', 'm1 is dropped; m2 is handled'],
        answer: 1,
        explanation: 'A requeued message keeps its place at the head. A handler that can never succeed turns nack-and-requeue into a busy loop.',
      },
    },
    {
      title: '10,000 deliveries, no progress',
      text: 'After 10 s: m1 delivered about 10,000 times, m2 never, not one ack. Q holds 2 messages throughout (1 ready, 1 unacked). Requeueing is for transient failures; a poison message needs a limit and a dead-letter queue.',
      highlight: ['q', 'worker'],
      atMs: 9999,
    },
  ],
  i18n: {
    'zh-CN': {
      title: '用 requeue 否认（nack）的毒消息阻塞了队列',
      summary: '工作者每次都处理 m1 失败，并以 requeue 方式 nack 它。RabbitMQ 把 m1 放回 Q 的队首并立即重新投递，大约每毫秒一次，永不停止；在 prefetch 1 下，工作者永远拿不到 m2。Q 始终有 2 条消息。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '队首的毒消息',
          text: 'Q 中依次是 m1 和 m2。工作者一次只取一条消息（prefetch 1）。处理 m1 总是在 1 毫秒内失败，工作者以 requeue 方式 nack 它：“放回去，再试一次”。',
        },
        {
          title: '直接回到队首',
          text: 'RabbitMQ 把重新入队的消息放回队首，所以 m1 立即被重新投递——大约每毫秒一次：到 5 秒时约投递了 5,000 次。在 prefetch 1 下，工作者永远轮不到 m2。',
          question: {
            prompt: 'm1 被以 requeue 方式 nack。它去了哪里，m2 会怎样？',
            choices: ['m1 去了队尾；接下来处理 m2', 'm1 回到队首并立即被重新投递；m2 一直等待', 'm1 被丢弃；m2 被处理'],
            explanation: '重新入队的消息保留在队首。一个永远不会成功的处理程序把“nack 加 requeue”变成了忙循环。',
          },
        },
        {
          title: '一万次投递，毫无进展',
          text: '10 秒后：m1 被投递了约 10,000 次，m2 一次也没有，没有一个确认。Q 始终有 2 条消息（1 条就绪，1 条未确认）。requeue 适用于暂时性故障；毒消息需要投递次数上限和死信队列。',
        },
      ],
      expectations: ['m1 大约每毫秒被重新投递一次，约 10,000 次', 'm2 从未被投递，也从未有任何确认', '队列始终有 2 条消息（就绪 + 未确认）', '到 5 秒时 m1 已被投递约 5,000 次，m2 一次也没有'],
    },
  },
  expectations: [
    {
      // 1 ms of handling and no network delay: one delivery per virtual ms over 10 s, t = 0 … 10,000
      // inclusive — 10,001 at most. 9,000 leaves room for a slower loop without hiding a stopped one.
      name: 'm1 is redelivered about once per millisecond, about 10,000 times',
      faults: [],
      assert: [
        { metric: 'queues.q.deliveries.m1', op: '>=', value: 9000 },
        { metric: 'queues.q.deliveries.m1', op: '<=', value: 10_001 },
        { metric: 'queues.q.maxDeliveries', op: '>=', value: 9000 },
      ],
    },
    {
      name: 'm2 is never delivered and nothing is ever acked',
      faults: [],
      assert: [
        { metric: 'queues.q.deliveries.m2', op: '==', value: 0 },
        { metric: 'queues.q.acked', op: '==', value: 0 },
        { metric: 'queues.q.deadLettered', op: '==', value: 0 },
      ],
    },
    {
      // depth = ready + unacked, RabbitMQ's "messages": m2 ready, m1 unacked (or ready for an instant).
      name: 'the queue holds 2 messages throughout (ready + unacked)',
      faults: [],
      assert: [
        { metric: 'queues.q.depth', op: '==', value: 2 },
        { metric: 'queues.q.maxDepth', op: '==', value: 2 },
        { metric: 'queues.q.ready', op: '==', value: 1 },
        { metric: 'queues.q.unacked', op: '==', value: 1 },
      ],
    },
    {
      name: 'by 5 s m1 has been delivered about 5,000 times and m2 never',
      faults: [],
      untilMs: 5000,
      assert: [
        { metric: 'queues.q.deliveries.m1', op: '>=', value: 4500 },
        { metric: 'queues.q.deliveries.m1', op: '<=', value: 5001 },
        { metric: 'queues.q.deliveries.m2', op: '==', value: 0 },
      ],
    },
  ],
};

export const c7DeliveryLimitDlq: Scenario = {
  ...common,
  id: 'c7-delivery-limit-dlq',
  title: 'A delivery limit sends the poison message to a dead-letter queue',
  summary:
    'The same poison m1, but Q has a delivery limit of 5 and a dead-letter queue: after its fifth failed delivery m1 is ' +
    'dead-lettered to q-dlq instead of requeued, and the worker handles m2. Q ends empty; the dead-letter queue holds m1 for a person to look at.',
  compareWith: 'c7-nack-requeue-loop',
  nodes: [
    producer,
    queue({ deliveryLimit: 5, deadLetterQueue: 'q-dlq' }),
    worker(),
    { kind: 'queue', id: 'q-dlq', label: 'Q dead letters', role: 'dead-letter queue', position: { x: 560, y: 240 } },
  ],
  steps: [
    {
      title: 'The same poison, with a limit',
      text: 'The same m1 and m2, the same failing handler that nacks with requeue. This time Q has a delivery limit of 5 and a dead-letter queue, q-dlq.',
      highlight: ['q', 'q-dlq'],
      atMs: 2,
    },
    {
      title: 'Dead-lettered, and the queue moves on',
      text: 'm1’s fifth delivery fails too. Over the limit, it is not requeued but dead-lettered to q-dlq; m2 is delivered next and acked — all within 6 ms.',
      highlight: ['q->q-dlq', 'q->worker'],
      atMs: 6,
      question: {
        prompt: 'm1 fails for the fifth time, and 5 is the delivery limit. What happens?',
        choices: ['It is requeued once more', 'It goes to q-dlq and m2 is handled', 'The queue stops'],
        answer: 1,
        explanation: 'The delivery limit turns an endless loop into a bounded one: after N tries the message is set aside on the dead-letter queue.',
      },
    },
    {
      title: 'Empty queue, one dead letter',
      text: 'Q ends empty; q-dlq holds m1 for a person to look at. m1 was delivered exactly 5 times, m2 once.',
      highlight: ['q-dlq'],
      atMs: 9999,
    },
  ],
  i18n: {
    'zh-CN': {
      title: '投递次数上限把毒消息送进死信队列',
      summary: '同样的毒消息 m1，但 Q 有 5 次的投递上限和一个死信队列：第五次投递失败后，m1 不再重新入队，而是进入 q-dlq，工作者处理 m2。Q 最终为空；死信队列保存着 m1，等人来查看。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '同样的毒消息，加上上限',
          text: '同样的 m1 和 m2，同样会失败并以 requeue 方式 nack 的处理程序。这一次 Q 有 5 次的投递上限和一个死信队列 q-dlq。',
        },
        {
          title: '进入死信，队列继续前进',
          text: 'm1 的第五次投递也失败了。超过上限后，它不再重新入队，而是进入死信队列 q-dlq；接着 m2 被投递并确认——全部在 6 毫秒内完成。',
          question: {
            prompt: 'm1 第五次失败，而投递上限是 5。会发生什么？',
            choices: ['再重新入队一次', '进入 q-dlq，m2 被处理', '队列停止'],
            explanation: '投递上限把无休止的循环变成有限的循环：尝试 N 次后，消息被搁置到死信队列中。',
          },
        },
        {
          title: '空的队列，一封死信',
          text: 'Q 最终为空；q-dlq 保存着 m1，等人来查看。m1 恰好被投递了 5 次，m2 一次。',
        },
      ],
      expectations: ['m1 被投递 5 次后进入死信；m2 被确认', 'Q 最终为空，死信队列中有 1 条消息', '到 6 毫秒时 m1 已进入死信，m2 已被确认'],
    },
  },
  expectations: [
    {
      name: 'm1 is delivered 5 times, then dead-lettered; m2 is acked',
      faults: [],
      assert: [
        { metric: 'queues.q.deliveries.m1', op: '==', value: 5 },
        { metric: 'queues.q.deadLettered', op: '==', value: 1 },
        { metric: 'queues.q.deliveries.m2', op: '==', value: 1 },
        { metric: 'queues.q.acked', op: '==', value: 1 },
      ],
    },
    {
      name: 'Q ends empty and the dead-letter queue holds 1 message',
      faults: [],
      assert: [
        { metric: 'queues.q.depth', op: '==', value: 0 },
        { metric: 'queues.q-dlq.depth', op: '==', value: 1 },
        { metric: 'queues.q.dropped', op: '==', value: 0 },
      ],
    },
    {
      name: 'by 6 ms m1 is dead-lettered and m2 acked',
      faults: [],
      untilMs: 6,
      assert: [
        { metric: 'queues.q.deadLettered', op: '==', value: 1 },
        { metric: 'queues.q.acked', op: '==', value: 1 },
      ],
    },
  ],
};

export const c7Scenarios: Scenario[] = [c7NackRequeueLoop, c7DeliveryLimitDlq];
