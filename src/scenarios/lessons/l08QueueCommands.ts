// Lesson 8 (MISSION §5): a command whose processing is slow is split. Checkout does the quick
// checks at once, puts the rest on a point-to-point queue and answers 202 Accepted; competing
// workers (our own code: still coupled) finish it and publish the outcome event, which tells the
// shopper later. Each queued message goes to exactly one worker. Case C7 (c7NackRequeueLoop.ts)
// finishes the lesson: what a handler that nacks with requeue does to a queue.
import type { Scenario, ServiceSpec } from '../../engine/types';
import { c7DeliveryLimitDlq, c7NackRequeueLoop } from '../c7NackRequeueLoop';
import { lesson } from './lessonNames';
import { around, client, consumer, endpoint, ms, poisson, queue, service, topic } from './parts';

const LESSON = lesson(8);

/** One of three competing consumers: our own code, charging one card at a time (prefetch 1). */
function worker(id: string, y: number): ServiceSpec {
  return service(id, `Payment worker ${id.slice(-1)}`, 'competing consumer · prefetch 1', { x: 630, y }, {
    workers: 1,
    queueConsumers: [
      { queue: 'payment-jobs', instances: 1, prefetch: 1, processing: around(1200), errorRate: 0, onFailure: 'requeue', emits: [{ topic: 'payment-outcomes', eventType: 'payment-completed' }] },
    ],
  });
}

export const asyncCommandQueue: Scenario = {
  id: 'async-command-queue',
  title: 'An accepted command, finished by competing workers',
  summary: 'Checkout validates place-order, enqueues charge-card on a point-to-point queue and answers 202 at once. Three payment workers compete for the messages, each handled by exactly one of them, and publish payment-completed; Notifications tells the shopper the outcome.',
  lesson: LESSON.en,
  minutes: 4,
  steps: [
    {
      title: 'Quick checks, then 202',
      text: 'Checkout validates place-order in 50 ms — an invalid one gets 422 at once and is never queued — then enqueues a charge-card message on payment-jobs and answers 202 Accepted: the command is accepted, not done. Every answer arrives in under 0.5 s.',
      highlight: ['checkout', 'checkout->payment-jobs', 'shoppers->checkout'],
      atMs: 5000,
    },
    {
      title: 'Competing workers',
      text: 'Three payment workers consume payment-jobs, one message at a time each (prefetch 1), and the broker gives each message to exactly one of them. Charging a card takes about 1.2 s, so when orders bunch up, messages wait in the queue.',
      highlight: ['payment-jobs', 'worker-1', 'worker-2', 'worker-3'],
      atMs: 15_000,
      question: {
        prompt: 'Three workers consume the same queue. How many of them handle a given charge-card message?',
        choices: ['All three', 'Exactly one', 'One, and the others check its work'],
        answer: 1,
        explanation: 'A point-to-point queue hands each message to one consumer: the workers compete for messages and share the work.',
      },
    },
    {
      title: 'The later outcome',
      text: 'When a worker has charged the card it acks the message and publishes payment-completed to payment-outcomes; Notifications consumes it and tells the shopper. The shopper got 202 long before, so the shop must show the outcome later — an email, an order status page.',
      highlight: ['payment-outcomes', 'notifications', 'payment-outcomes->notifications'],
      atMs: 25_000,
    },
    {
      title: 'A worker crashes mid-message',
      text: 'At 30 s worker 2 crashes halfway through a charge. Its channel closes and the broker puts the unacked message back in the queue; it is delivered again (redelivered) to a worker that is up, and completed. Until the crash, no message had been delivered twice.',
      highlight: ['worker-2', 'payment-jobs'],
      atMs: 34_000,
      question: {
        prompt: 'Worker 2 dies halfway through a message it has not acked. What happens to that message?',
        choices: ['It is lost', 'The broker requeues it and delivers it again', 'It goes to the dead-letter queue'],
        answer: 1,
        explanation: 'The broker keeps a delivered message until it is acked; a closed channel returns its unacked messages to the queue. That is at-least-once delivery, so handlers should be idempotent.',
      },
    },
    {
      title: 'Done once each — and still coupled',
      text: 'In the end every accepted order has exactly one payment-completed event and Notifications handled each; the queue is empty. But the workers are our own code, doing our command on a queue we chose for them: this is a command made asynchronous, still coupled — not an event anyone may subscribe to.',
      highlight: ['payment-jobs', 'payment-outcomes'],
      atMs: 59_000,
    },
  ],
  i18n: {
    'zh-CN': {
      title: '已受理的命令，由竞争的工作者完成',
      summary: 'Checkout 验证 place-order，把 charge-card 放入点对点队列后立即回答 202。三个支付工作者竞争消息，每条消息只由其中一个处理，处理后发布 payment-completed；Notifications 把结果告诉顾客。',
      lesson: LESSON['zh-CN'],
      steps: [
        {
          title: '快速检查，然后 202',
          text: 'Checkout 用 50 毫秒验证 place-order——无效的立即得到 422，永远不会进入队列——然后把一条 charge-card 消息放入 payment-jobs，回答 202 Accepted：命令被受理了，但还没有完成。每个回答都在 0.5 秒内到达。',
        },
        {
          title: '竞争的工作者',
          text: '三个支付工作者消费 payment-jobs，每个一次处理一条消息（prefetch 1），Broker 把每条消息只交给其中一个。扣款约需 1.2 秒，所以订单扎堆时，消息会在队列中等待。',
          question: {
            prompt: '三个工作者消费同一个队列。一条 charge-card 消息会由几个工作者处理？',
            choices: ['三个都处理', '恰好一个', '一个处理，其余的检查它的工作'],
            explanation: '点对点队列把每条消息交给一个消费者：工作者们竞争消息，分担工作。',
          },
        },
        {
          title: '之后的结果',
          text: '工作者扣款完成后确认（ack）消息，并把 payment-completed 发布到 payment-outcomes；Notifications 消费它并通知顾客。顾客早就得到了 202，所以商店必须在之后告诉他结果——一封邮件，一个订单状态页。',
        },
        {
          title: '工作者在处理消息时崩溃',
          text: '30 秒时，工作者 2 在一次扣款进行到一半时崩溃。它的通道关闭，Broker 把未确认的消息放回队列；它被再次投递（redelivered）给一个在线的工作者并完成处理。在崩溃之前，没有任何消息被投递过两次。',
          question: {
            prompt: '工作者 2 在处理一条尚未确认的消息时死掉了。这条消息会怎样？',
            choices: ['丢失', 'Broker 把它重新入队并再次投递', '进入死信队列'],
            explanation: 'Broker 会保留已投递的消息，直到它被确认；通道关闭时，未确认的消息回到队列。这就是至少一次投递，所以处理者应当具有幂等性。',
          },
        },
        {
          title: '各完成一次——但仍然耦合',
          text: '最终每个已受理的订单恰好有一个 payment-completed 事件，Notifications 处理了每一个；队列为空。但工作者是我们自己的代码，在我们为它们选定的队列上执行我们的命令：这是变成异步的命令，仍然耦合——而不是任何人都可以订阅的事件。',
        },
      ],
      expectations: [
        'Checkout 在 0.5 秒内回答 202；无效订单得到 422，永远不会进入队列',
        '订单扎堆时，消息在队列中等待',
        '崩溃之前，每条消息只投递一次，只交给一个工作者',
        '工作者 2 在处理中崩溃：Broker 把消息重新入队，再次投递并完成',
        '每个已受理的订单有一个 payment-completed，Notifications 处理了每一个',
      ],
    },
  },
  durationMs: 60_000,
  seed: 8,
  networkMs: 100,
  nodes: [
    client('shoppers', 'Shoppers', 'place orders', { x: 0, y: 170 }, 'checkout', 'place-order'),
    service('checkout', 'Checkout', 'quick checks, then 202', { x: 210, y: 170 }, {
      endpoints: [
        endpoint('place-order', [{ kind: 'enqueue', queue: 'payment-jobs', messageType: 'charge-card', timeoutMs: 2000, retry: { maxAttempts: 3, backoffMs: 200, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 } }], {
          processing: ms(50),
          successStatus: 202,
        }),
      ],
    }),
    queue('payment-jobs', { x: 420, y: 150 }),
    worker('worker-1', 20),
    worker('worker-2', 170),
    worker('worker-3', 320),
    topic('payment-outcomes', { x: 860, y: 60 }, 1),
    service('notifications', 'Notifications', 'tells the shopper', { x: 860, y: 300 }, { consumers: [consumer('notifications', 'payment-outcomes')] }),
  ],
  workload: [poisson('shoppers', 2, 45_000, 0.1)],
  // Worker 2 crashes in the middle of the first message it takes after 30 s.
  faults: [{ target: 'worker-2', kind: 'crash', fromMs: 30_000, restartMs: 3000 }],
  expectations: [
    {
      name: 'Checkout answers 202 in under 0.5 s; invalid orders get 422 and are never queued',
      faults: [],
      assert: [
        { metric: 'clients.shoppers.p99LatencyMs', op: '<', value: 500 },
        { metric: 'checkout.rejected', op: '>', value: 0 },
        { metric: 'queues.payment-jobs.enqueued', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
      ],
    },
    {
      name: 'when orders bunch up, messages wait in the queue',
      faults: [],
      assert: [{ metric: 'queues.payment-jobs.maxDepth', op: '>', value: 2 }],
    },
    {
      name: 'until the crash, every message is delivered once, to one worker',
      faults: [],
      untilMs: 29_900,
      assert: [
        { metric: 'queues.payment-jobs.redelivered', op: '==', value: 0 },
        { metric: 'queues.payment-jobs.maxDeliveries', op: '==', value: 1 },
      ],
    },
    {
      name: 'worker 2 crashes mid-message: the broker requeues it and it is delivered again and completed',
      faults: [],
      assert: [
        { metric: 'queues.payment-jobs.returned', op: '==', value: 1 },
        { metric: 'queues.payment-jobs.redelivered', op: '==', value: 1 },
        { metric: 'queues.payment-jobs.acked', op: '==', other: { metric: 'queues.payment-jobs.enqueued', factor: 1 } },
        { metric: 'queues.payment-jobs.depth', op: '==', value: 0 },
      ],
    },
    {
      name: 'one payment-completed per accepted order, and Notifications handles each',
      faults: [],
      assert: [
        { metric: 'topics.payment-outcomes.appended', op: '==', other: { metric: 'checkout.succeeded', factor: 1 } },
        { metric: 'groups.notifications.processed', op: '==', other: { metric: 'topics.payment-outcomes.appended', factor: 1 } },
      ],
    },
  ],
};

export const lesson08: Scenario[] = [asyncCommandQueue, c7NackRequeueLoop, c7DeliveryLimitDlq];
