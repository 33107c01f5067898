// A point-to-point command queue (RabbitMQ-like): competing consumers, prefetch, ack / nack /
// requeue, redelivery when a consumer's channel closes, a delivery limit and a dead-letter queue.
//
// Trace conventions (what the view and metrics rely on):
// - every queue record's `depth` is the queue's READY messages after the operation;
// - `unacked` on q-deliver / ack / nack is the queue's total of delivered-but-unsettled messages,
//   counted from the moment a delivery is sent (as RabbitMQ counts them), so ready + unacked is
//   what RabbitMQ's management UI calls "messages";
// - a delivery is the hop queue → service (kind 'command'); its q-deliver is recorded on arrival;
// - ack / nack are recorded when they reach the broker (the broker's view), after a hop back;
// - a channel that closes (consumer crash, broker restart) returns its unacked messages: one
//   `nack` record each with requeue: true and channelClosed: true.
import { sample } from './dist';
import type { Publisher } from './consumerGroup';
import type { Receiver, Replier, Request } from './http';
import type { Random } from './random';
import type { Lifecycle, Sim } from './sim';
import type { QueueConsumerSpec, QueueSpec, TraceRecord } from './types';

/**
 * How long a connection whose messages a cut link dropped stays open before the broker declares it
 * dead (RabbitMQ's default heartbeat timeout). Until then its unacked messages are stuck with it.
 */
export const HEARTBEAT_TIMEOUT_MS = 60_000;

/** One copy of a message in a queue. A publisher's retry may enqueue the same event twice: two copies. */
interface QueuedMessage {
  event: number;
  /** Deliveries sent so far (RabbitMQ's delivery count; redelivered = this was > 0 before). */
  deliveries: number;
  /** Position in enqueue order: returned messages go back in this order. */
  seq: number;
}

interface Delivery {
  tag: number;
  channel: number;
  message: number;
}

/** A double-ended queue on a ring buffer: O(1) at both ends (requeue goes to the head). */
class Deque<T> {
  private items: (T | undefined)[] = new Array<T | undefined>(16);
  private head = 0;
  length = 0;

  pushBack(item: T): void {
    this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = item;
    this.length++;
  }

  pushFront(item: T): void {
    this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = item;
    this.length++;
  }

  popFront(): T {
    const item = this.items[this.head] as T;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return item;
  }

  private grow(): void {
    const cap = this.items.length;
    if (this.length < cap) return;
    const next = new Array<T | undefined>(cap * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) & (cap - 1)];
    this.items = next;
    this.head = 0;
  }
}

/**
 * One consumer (a channel with basic.qos prefetch) inside a service. The broker side of it — which
 * deliveries it holds unacknowledged — lives here too, but only the QueueNode touches it. The
 * client side handles arrived deliveries one at a time in arrival order, as RabbitMQ client
 * libraries dispatch a channel's deliveries serially: a slow message holds up the ones behind it.
 */
export class QueueConsumer implements Lifecycle {
  /** Broker side: messages sent on the current channel and not yet settled, by delivery tag. */
  readonly unacked = new Map<number, QueuedMessage>();
  /** Bumped whenever the channel closes: deliveries, acks and nacks of an older channel are void. */
  channel = 0;
  /** The broker declared the connection dead while the link was still cut: no deliveries until it is back. */
  disconnected = false;
  private readonly inbox: Delivery[] = [];
  private busy = false;
  private random: Random | undefined;

  constructor(
    readonly id: string,
    readonly service: string,
    readonly spec: QueueConsumerSpec,
    private readonly queue: QueueNode,
    private readonly sim: Sim,
    private readonly publish: Publisher,
  ) {}

  /** May the broker send this consumer another message now? */
  get hasCredit(): boolean {
    return this.unacked.size < this.spec.prefetch && !this.disconnected && this.sim.isUp(this.service);
  }

  /** The service's process stopped: work in hand vanishes and the broker sees the channel close. */
  onDown(): void {
    this.busy = false;
    this.queue.channelClosed(this);
  }

  onUp(): void {
    this.queue.dispatch();
  }

  /** The channel closed: deliveries that arrived on it but were not started are gone with it. */
  dropInbox(): void {
    this.inbox.length = 0;
  }

  receive(delivery: Delivery): void {
    this.inbox.push(delivery);
    this.pump();
  }

  private pump(): void {
    if (this.busy || this.inbox.length === 0) return;
    this.handle(this.inbox.shift()!);
  }

  private handle(delivery: Delivery): void {
    const sim = this.sim;
    this.busy = true;
    const incarnation = sim.incarnation(this.service);
    const random = (this.random ??= sim.random(`queue-consumer:${this.id}`));
    const duration = sample(this.spec.processing, random) * sim.slowFactor(this.service);
    sim.maybeCrashMidway(this.service, duration, delivery.message);
    sim.scheduler.after(duration, () => {
      if (sim.incarnation(this.service) !== incarnation) return;
      const event = sim.events[delivery.message];
      const failRate = 1 - (1 - this.spec.errorRate) * (1 - sim.faultErrorRate(this.service));
      const ok = !event.poison && !random.chance(failRate);
      sim.record({ type: 'q-handled', t: sim.now, queue: this.queue.id, consumer: this.id, message: delivery.message, ok });
      if (!ok || this.spec.emits.length === 0) {
        this.settle(delivery, ok);
        return;
      }
      // The outcome events are published BEFORE the ack (at-least-once): acked first, a failed or
      // interrupted publish would lose them for good. A publish that fails nacks the message, so it
      // is handled again; a crash between publishing and acking redelivers it — a duplicate outcome.
      let pending = this.spec.emits.length;
      let allOk = true;
      for (const emit of this.spec.emits) {
        this.publish(this.service, emit.topic, { kind: 'new', eventType: emit.eventType, cause: delivery.message }, (published) => {
          if (sim.incarnation(this.service) !== incarnation) return;
          allOk &&= published;
          if (--pending === 0) this.settle(delivery, allOk);
        });
      }
    });
  }

  /** The handler is done with a delivery: ack or nack it to the broker, then take the next one. */
  private settle(delivery: Delivery, ok: boolean): void {
    const sim = this.sim;
    this.busy = false;
    // On a channel that has closed meanwhile (broker restart) the ack cannot be sent: the broker
    // has already requeued the message, so the handler's effects will happen again.
    if (delivery.channel === this.channel) {
      const event = sim.events[delivery.message];
      const arrive = sim.hop(this.service, this.queue.id, ok ? 'ack' : 'failure', `${ok ? 'ack' : 'nack'} ${event.label}`, delivery.message);
      if (arrive === Infinity) this.queue.connectionLost(this, delivery.channel);
      else sim.scheduler.at(arrive, () => this.queue.settle(this, delivery, ok));
    }
    this.pump();
  }
}

/**
 * The broker's queue. Publishes append at the tail (a publisher confirm answers them); ready
 * messages go round-robin to consumers with prefetch credit, each to exactly one of them.
 */
export class QueueNode implements Receiver, Lifecycle {
  readonly consumers: QueueConsumer[] = [];
  private readonly ready = new Deque<QueuedMessage>();
  private cursor = 0;
  private seq = 0;
  private nextTag = 0;
  private unackedTotal = 0;
  /** Consumers whose connection dropped a message on a cut link, with the channel it happened on. */
  private readonly broken = new Map<QueueConsumer, number>();

  constructor(
    private readonly sim: Sim,
    readonly spec: QueueSpec,
    /** Every queue of the run, to find the dead-letter queue. */
    private readonly queues: ReadonlyMap<string, QueueNode>,
  ) {
    sim.onLinkRestored(() => this.linkRestored());
  }

  get id(): string {
    return this.spec.id;
  }

  get readyCount(): number {
    return this.ready.length;
  }

  get unackedCount(): number {
    return this.unackedTotal;
  }

  addConsumer(consumer: QueueConsumer): void {
    this.consumers.push(consumer);
  }

  receive(request: Request, replier: Replier): void {
    this.append(request.event!.id);
    replier.reply(200, 'ack');
    this.dispatch();
  }

  /** The broker stopped: every channel closes; durable messages wait for its return. */
  onDown(): void {
    for (const c of this.consumers) this.channelClosed(c);
  }

  onUp(): void {
    this.dispatch();
  }

  append(eventId: number): void {
    if (this.sim.takePoison(this.id)) this.sim.events[eventId].poison = true;
    this.ready.pushBack({ event: eventId, deliveries: 0, seq: this.seq++ });
    this.sim.record({ type: 'enqueue', t: this.sim.now, queue: this.id, message: eventId, depth: this.ready.length });
  }

  /** Hand ready messages, head first, round-robin to the consumers that have prefetch credit. */
  dispatch(): void {
    if (!this.sim.isUp(this.id)) return;
    const consumers = this.consumers;
    const n = consumers.length;
    while (this.ready.length > 0) {
      let chosen = -1;
      for (let k = 0; k < n; k++) {
        const i = (this.cursor + k) % n;
        if (consumers[i].hasCredit) {
          chosen = i;
          break;
        }
      }
      if (chosen < 0) return;
      this.cursor = (chosen + 1) % n;
      this.deliver(this.ready.popFront(), consumers[chosen]);
    }
  }

  private deliver(message: QueuedMessage, consumer: QueueConsumer): void {
    const sim = this.sim;
    message.deliveries++;
    const delivery = message.deliveries;
    const tag = ++this.nextTag;
    const channel = consumer.channel;
    consumer.unacked.set(tag, message);
    this.unackedTotal++;
    const event = sim.events[message.event];
    const arrive = sim.hop(this.id, consumer.service, 'command', `${event.type} ${event.label}`, message.event);
    if (arrive === Infinity) {
      this.connectionLost(consumer, channel);
      return;
    }
    sim.scheduler.at(arrive, () => {
      // The channel closed while the message travelled: the broker has already requeued it.
      if (channel !== consumer.channel) return;
      sim.record({
        type: 'q-deliver',
        t: sim.now,
        queue: this.id,
        consumer: consumer.id,
        message: message.event,
        delivery,
        redelivered: delivery > 1,
        depth: this.ready.length,
        unacked: this.unackedTotal,
      });
      consumer.receive({ tag, channel, message: message.event });
    });
  }

  /** An ack or nack reached the broker. One for a closed channel, or reaching a stopped broker, is lost. */
  settle(consumer: QueueConsumer, delivery: Delivery, ok: boolean): void {
    if (!this.sim.isUp(this.id) || delivery.channel !== consumer.channel) return;
    const message = consumer.unacked.get(delivery.tag);
    if (!message) return;
    consumer.unacked.delete(delivery.tag);
    this.unackedTotal--;
    const base = { t: this.sim.now, queue: this.id, consumer: consumer.id, message: message.event };
    if (ok) {
      this.sim.record({ type: 'ack', ...base, depth: this.ready.length, unacked: this.unackedTotal });
    } else {
      const requeue = consumer.spec.onFailure === 'requeue';
      const overLimit = requeue && this.limitReached(message);
      if (requeue && !overLimit) this.ready.pushFront(message);
      this.sim.record({ type: 'nack', ...base, requeue, depth: this.ready.length, unacked: this.unackedTotal });
      if (!requeue) this.deadLetter(message, 'rejected');
      else if (overLimit) this.deadLetter(message, 'delivery-limit');
    }
    this.dispatch();
  }

  /**
   * A consumer's channel closed: its unacked messages go back to the head of the queue in their
   * original order, to be redelivered (redelivered = true) to whoever has credit — at-least-once.
   */
  channelClosed(consumer: QueueConsumer): void {
    consumer.channel++;
    consumer.dropInbox();
    if (consumer.unacked.size === 0) return;
    const returned = [...consumer.unacked.values()].sort((a, b) => a.seq - b.seq);
    consumer.unacked.clear();
    this.unackedTotal -= returned.length;
    const overLimit = returned.map((m) => this.limitReached(m));
    for (let i = returned.length - 1; i >= 0; i--) if (!overLimit[i]) this.ready.pushFront(returned[i]);
    returned.forEach((message, i) => {
      this.sim.record({
        type: 'nack',
        t: this.sim.now,
        queue: this.id,
        consumer: consumer.id,
        message: message.event,
        requeue: true,
        depth: this.ready.length,
        unacked: this.unackedTotal,
        channelClosed: true,
      });
      if (overLimit[i]) this.deadLetter(message, 'delivery-limit');
    });
    this.dispatch();
  }

  /**
   * A cut link dropped a delivery or an ack: over TCP that means the connection is broken. The broker
   * finds out when the link comes back (the connection resets) or at the heartbeat timeout,
   * whichever is first; then the channel closes and its unacked messages are requeued.
   */
  connectionLost(consumer: QueueConsumer, channel: number): void {
    if (this.broken.get(consumer) === channel) return;
    this.broken.set(consumer, channel);
    this.sim.scheduler.after(HEARTBEAT_TIMEOUT_MS, () => {
      if (this.broken.get(consumer) !== channel) return;
      this.broken.delete(consumer);
      if (channel !== consumer.channel) return;
      if (this.sim.isCut(this.id, consumer.service)) consumer.disconnected = true;
      this.channelClosed(consumer);
    });
  }

  private linkRestored(): void {
    for (const consumer of this.consumers) {
      if (this.sim.isCut(this.id, consumer.service)) continue;
      const channel = this.broken.get(consumer);
      if (channel !== undefined) {
        this.broken.delete(consumer);
        if (channel === consumer.channel) this.channelClosed(consumer);
      }
      consumer.disconnected = false;
    }
    this.dispatch();
  }

  /**
   * Quorum queues' delivery-limit: a message returned more times than the limit is dead-lettered
   * (rabbit_fifo counts each return and dead-letters once the count exceeds the limit), so a limit
   * of N allows N + 1 deliveries.
   */
  private limitReached(message: QueuedMessage): boolean {
    const limit = this.spec.deliveryLimit;
    return limit !== undefined && message.deliveries > limit;
  }

  /**
   * Route a message to the dead-letter queue (the same message id) or drop it. Like RabbitMQ's
   * default at-most-once dead-lettering, a message whose dead-letter queue is unavailable is dropped.
   */
  private deadLetter(message: QueuedMessage, reason: 'rejected' | 'delivery-limit'): void {
    const sim = this.sim;
    const dlqId = this.spec.deadLetterQueue;
    const dlq = dlqId !== undefined ? this.queues.get(dlqId) : undefined;
    const target = dlq && sim.isUp(dlq.id) && !sim.isCut(this.id, dlq.id) ? dlq : undefined;
    const record: Extract<TraceRecord, { type: 'q-dead-lettered' }> = { type: 'q-dead-lettered', t: sim.now, queue: this.id, message: message.event, reason };
    if (target) record.deadLetterQueue = target.id;
    sim.record(record);
    if (!target) return;
    const event = sim.events[message.event];
    const arrive = sim.hop(this.id, target.id, 'command', `${event.type} ${event.label}`, message.event);
    sim.scheduler.at(arrive, () => {
      target.append(message.event);
      target.dispatch();
    });
  }
}
