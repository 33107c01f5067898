import { sample } from './dist';
import type { ConsumerGroup, Member } from './consumerGroup';
import type { CallDone, Receiver, Replier, Request } from './http';
import { validateJson } from './jsonSchema';
import type { Lifecycle, Sim } from './sim';
import type { Action, EndpointSpec, EventInfo, RetryPolicy, ServiceSpec } from './types';

interface Job {
  request: Request;
  replier: Replier;
  endpoint: EndpointSpec;
}

/** Runs one downstream action for a request; calls back with the status that action ended with. */
export type ActionRunner = (service: string, action: Action, request: Request, done: (status: number) => void) => void;

/** What a service needs from the rest of the run. */
export interface ServiceContext {
  runAction: ActionRunner;
  newEvent(type: string, key: string, label: string, source: string, extra?: Partial<EventInfo>): EventInfo;
  produce(from: string, topic: string, event: EventInfo, timeoutMs: number, retry: RetryPolicy, done: CallDone): void;
}

export const STATUS_UNKNOWN_ENDPOINT = 404;
export const STATUS_CONFLICT = 409;
export const STATUS_INVALID = 422;
export const STATUS_ERROR = 500;
export const STATUS_DOWNSTREAM = 502;
export const STATUS_BUSY = 503;

const RELAY_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };

interface OutboxEntry {
  topic: string;
  event: EventInfo;
  timeoutMs: number;
}

/**
 * A bounded context's process: a pool of workers serving commands (validate, commit a row, then the
 * endpoint's actions in order, then answer) and the consumer-group members it hosts. A worker is
 * held until the answer is sent, so a slow downstream call ties up the pool (C14).
 */
export class ServiceNode implements Receiver, Lifecycle {
  private busy = 0;
  private readonly waiting: Job[] = [];
  readonly members: { member: Member; group: ConsumerGroup }[] = [];
  /** Competing consumers of point-to-point queues hosted by this process (see queue.ts). */
  readonly queueConsumers: Lifecycle[] = [];
  /** Durable state (it survives a crash, like a database): idempotency table, counters, outbox. */
  private readonly answered = new Map<string, number>();
  private readonly counters = new Map<string, number>();
  private readonly outbox: OutboxEntry[] = [];
  private relaying = false;

  constructor(
    private readonly sim: Sim,
    readonly spec: ServiceSpec,
    private readonly ctx: ServiceContext,
  ) {
    const relay = spec.endpoints.find((e) => e.outbox)?.outbox;
    if (relay) this.scheduleRelay(relay.relayIntervalMs);
  }

  receive(request: Request, replier: Replier): void {
    const endpoint = this.spec.endpoints.find((e) => e.name === request.endpoint);
    if (!endpoint) {
      replier.reply(STATUS_UNKNOWN_ENDPOINT, '404 no such endpoint');
      return;
    }
    const job: Job = { request, replier, endpoint };
    if (this.busy < this.spec.workers) this.start(job);
    else if (this.waiting.length < this.spec.queueLimit) {
      this.waiting.push(job);
      this.recordPool();
    } else replier.reply(STATUS_BUSY, '503 busy');
  }

  onDown(): void {
    // The process is gone: in-flight work and queued requests vanish without an answer.
    this.busy = 0;
    this.waiting.length = 0;
    this.relaying = false;
    this.recordPool();
    for (const { member, group } of this.members) group.memberCrashed(member);
    for (const consumer of this.queueConsumers) consumer.onDown();
  }

  onUp(): void {
    for (const { member, group } of this.members) group.memberRestarted(member);
    for (const consumer of this.queueConsumers) consumer.onUp();
  }

  private start(job: Job): void {
    this.busy++;
    this.recordPool();
    const sim = this.sim;
    const incarnation = sim.incarnation(this.spec.id);
    const random = sim.random(`service:${this.spec.id}`);
    const duration = sample(job.endpoint.processing, random) * sim.slowFactor(this.spec.id);
    sim.maybeCrashMidway(this.spec.id, duration, job.request.ref);
    sim.scheduler.after(duration, () => {
      if (sim.incarnation(this.spec.id) !== incarnation) return;
      const { request, endpoint } = job;
      const key = request.idempotencyKey;
      if (endpoint.idempotent && key !== undefined && this.answered.has(key)) {
        // A repeat of a command we already handled: answer as before, write nothing.
        const status = this.answered.get(key)!;
        sim.record({ type: 'duplicate-request', t: sim.now, service: this.spec.id, cmd: request.ref, key, status });
        this.finish(job, status === 0 ? STATUS_CONFLICT : status, status === 0 ? '409 in progress' : `${status} duplicate`, incarnation);
        return;
      }
      if (endpoint.validate) {
        const problem = endpoint.schema && request.payload ? validateJson(endpoint.schema, request.payload) : request.invalid ? 'the payload is invalid' : undefined;
        if (problem !== undefined) {
          sim.record({ type: 'invalid', t: sim.now, service: this.spec.id, cmd: request.ref, reason: problem });
          this.finish(job, STATUS_INVALID, '422 invalid', incarnation);
          return;
        }
      }
      const failRate = 1 - (1 - endpoint.errorRate) * (1 - sim.faultErrorRate(this.spec.id));
      if (random.chance(failRate)) {
        this.finish(job, STATUS_ERROR, '500 error', incarnation);
        return;
      }
      this.commit(job);
      if (endpoint.answerAfterWrite !== undefined) {
        this.finish(job, endpoint.answerAfterWrite, `${endpoint.answerAfterWrite} after write`, incarnation);
        return;
      }
      this.runActions(job, 0, incarnation);
    });
  }

  /** One local transaction: the row, its business effect, the idempotency key and any outbox events. */
  private commit(job: Job): void {
    const sim = this.sim;
    const { request, endpoint } = job;
    sim.record({ type: 'row', t: sim.now, service: this.spec.id, cmd: request.ref, key: request.key });
    if (endpoint.effect) {
      const value = (this.counters.get(endpoint.effect.counter) ?? 0) + endpoint.effect.add;
      this.counters.set(endpoint.effect.counter, value);
      sim.record({ type: 'effect', t: sim.now, service: this.spec.id, counter: endpoint.effect.counter, value, cmd: request.ref });
    }
    if (endpoint.idempotent && request.idempotencyKey !== undefined) this.answered.set(request.idempotencyKey, 0);
    if (endpoint.outbox) {
      for (const action of endpoint.then) {
        if (action.kind !== 'publish') continue;
        const event = this.ctx.newEvent(action.eventType, request.key, request.name, this.spec.id, { cmd: request.ref, poison: request.poison, data: request.payload });
        this.outbox.push({ topic: action.topic, event, timeoutMs: action.timeoutMs });
        sim.record({ type: 'outbox', t: sim.now, service: this.spec.id, event: event.id, phase: 'stored' });
      }
    }
  }

  private runActions(job: Job, index: number, incarnation: number): void {
    const actions = job.endpoint.then;
    if (index >= actions.length) {
      this.finish(job, job.endpoint.successStatus, String(job.endpoint.successStatus), incarnation);
      return;
    }
    const action = actions[index];
    // With an outbox, publishing is the relay's job: the command is done once the row is committed.
    if (job.endpoint.outbox && action.kind === 'publish') {
      this.runActions(job, index + 1, incarnation);
      return;
    }
    this.ctx.runAction(this.spec.id, action, job.request, (status) => {
      if (this.sim.incarnation(this.spec.id) !== incarnation) return;
      // The row is already committed: a failing downstream now fails a command whose effect stays.
      if (status >= 300) this.finish(job, STATUS_DOWNSTREAM, `502 ${actionTarget(action)} ${status}`, incarnation);
      else this.runActions(job, index + 1, incarnation);
    });
  }

  private finish(job: Job, status: number, label: string, incarnation: number): void {
    if (this.sim.incarnation(this.spec.id) !== incarnation) return;
    const { request, endpoint } = job;
    if (endpoint.idempotent && request.idempotencyKey !== undefined && this.answered.get(request.idempotencyKey) === 0) {
      // Remember successes only: a failed command did not happen, so its retry must run again.
      if (status < 300) this.answered.set(request.idempotencyKey, status);
      else this.answered.delete(request.idempotencyKey);
    }
    job.replier.reply(status, label);
    this.sim.record({ type: 'handled', t: this.sim.now, service: this.spec.id, endpoint: endpoint.name, cmd: request.ref, status });
    if (status >= 300 && endpoint.publishFailures) {
      // Failed commands can be facts too (for audit or analytics): "order-rejected" happened.
      const { topic, eventType } = endpoint.publishFailures;
      const event = this.ctx.newEvent(eventType, request.key, request.name, this.spec.id, { cmd: request.ref, data: { status } });
      this.ctx.produce(this.spec.id, topic, event, 2000, RELAY_RETRY, () => {});
    }
    this.busy--;
    const next = this.waiting.shift();
    if (next) this.start(next);
    else this.recordPool();
  }

  /** The outbox relay: publishes stored events in order, one at a time, until each is acknowledged. */
  private scheduleRelay(intervalMs: number): void {
    this.sim.scheduler.after(intervalMs, () => {
      this.relayNext();
      this.scheduleRelay(intervalMs);
    });
  }

  private relayNext(): void {
    if (this.relaying || this.outbox.length === 0 || !this.sim.isUp(this.spec.id)) return;
    this.relaying = true;
    const entry = this.outbox[0];
    const incarnation = this.sim.incarnation(this.spec.id);
    this.ctx.produce(this.spec.id, entry.topic, entry.event, entry.timeoutMs, RELAY_RETRY, (status) => {
      // A crash between publishing and marking it sent republishes it: consumers must de-duplicate.
      if (this.sim.incarnation(this.spec.id) !== incarnation) return;
      this.relaying = false;
      if (status >= 300) return; // try again on the next tick
      this.outbox.shift();
      this.sim.record({ type: 'outbox', t: this.sim.now, service: this.spec.id, event: entry.event.id, phase: 'sent' });
      this.relayNext();
    });
  }

  private recordPool(): void {
    this.sim.record({ type: 'pool', t: this.sim.now, node: this.spec.id, busy: this.busy, queued: this.waiting.length });
  }
}

function actionTarget(action: Action): string {
  switch (action.kind) {
    case 'call':
      return action.target;
    case 'publish':
      return action.topic;
    case 'enqueue':
      return action.queue;
  }
}
