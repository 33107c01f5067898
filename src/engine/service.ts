import { sample } from './dist';
import type { ConsumerGroup, Member } from './consumerGroup';
import type { Receiver, Reply, Request } from './http';
import type { Lifecycle, Sim } from './sim';
import type { Action, EndpointSpec, ServiceSpec } from './types';

interface Job {
  request: Request;
  reply: Reply;
  endpoint: EndpointSpec;
}

/** Runs one downstream action for a request; calls back with the status that action ended with. */
export type ActionRunner = (service: string, action: Action, request: Request, done: (status: number) => void) => void;

export const STATUS_UNKNOWN_ENDPOINT = 404;
export const STATUS_INVALID = 422;
export const STATUS_ERROR = 500;
export const STATUS_DOWNSTREAM = 502;
export const STATUS_BUSY = 503;

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

  constructor(
    private readonly sim: Sim,
    readonly spec: ServiceSpec,
    private readonly runAction: ActionRunner,
  ) {}

  receive(request: Request, reply: Reply): void {
    const endpoint = this.spec.endpoints.find((e) => e.name === request.endpoint);
    if (!endpoint) {
      reply(STATUS_UNKNOWN_ENDPOINT, '404 no such endpoint');
      return;
    }
    const job: Job = { request, reply, endpoint };
    if (this.busy < this.spec.workers) this.start(job);
    else if (this.waiting.length < this.spec.queueLimit) {
      this.waiting.push(job);
      this.recordPool();
    } else reply(STATUS_BUSY, '503 busy');
  }

  onDown(): void {
    // The process is gone: in-flight work and queued requests vanish without an answer.
    this.busy = 0;
    this.waiting.length = 0;
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
      if (endpoint.validate && request.invalid) {
        this.finish(job, STATUS_INVALID, '422 invalid', incarnation);
        return;
      }
      const failRate = 1 - (1 - endpoint.errorRate) * (1 - sim.faultErrorRate(this.spec.id));
      if (random.chance(failRate)) {
        this.finish(job, STATUS_ERROR, '500 error', incarnation);
        return;
      }
      sim.record({ type: 'row', t: sim.now, service: this.spec.id, cmd: request.ref, key: request.key });
      this.runActions(job, 0, incarnation);
    });
  }

  private runActions(job: Job, index: number, incarnation: number): void {
    const actions = job.endpoint.then;
    if (index >= actions.length) {
      this.finish(job, job.endpoint.successStatus, String(job.endpoint.successStatus), incarnation);
      return;
    }
    this.runAction(this.spec.id, actions[index], job.request, (status) => {
      if (this.sim.incarnation(this.spec.id) !== incarnation) return;
      // The row is already committed: a failing downstream now fails a command whose effect stays.
      if (status >= 300) this.finish(job, STATUS_DOWNSTREAM, `502 ${actionTarget(actions[index])} ${status}`, incarnation);
      else this.runActions(job, index + 1, incarnation);
    });
  }

  private finish(job: Job, status: number, label: string, incarnation: number): void {
    if (this.sim.incarnation(this.spec.id) !== incarnation) return;
    job.reply(status, label);
    this.sim.record({
      type: 'handled',
      t: this.sim.now,
      service: this.spec.id,
      endpoint: job.endpoint.name,
      cmd: job.request.ref,
      status,
    });
    this.busy--;
    const next = this.waiting.shift();
    if (next) this.start(next);
    else this.recordPool();
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
