import { ConsumerGroup, Member, type Publication } from './consumerGroup';
import { EntityState } from './entityState';
import { consumerNames } from './memberNames';
import { call, type CallDone, type Receiver, type Request } from './http';
import { QueueConsumer, QueueNode } from './queue';
import { fixPayload, makePayload } from './payload';
import { ServiceNode, type ActionRunner } from './service';
import { Sim } from './sim';
import { TopicNode } from './topic';
import type { Action, ClientSpec, EventInfo, FaultSpec, RetryPolicy, Scenario, ScriptItem, Trace } from './types';

export interface SimulateOptions {
  /** Defaults to the scenario's seed. */
  seed?: number;
  /** Faults the learner added (appended to the scenario's own). */
  interventions?: FaultSpec[];
  /** Defaults to the scenario's duration. */
  untilMs?: number;
  /** Out-parameter for benchmarks: filled with the number of scheduler tasks the run dispatched. */
  stats?: { dispatched: number };
  /** Stop with a SimulationLimitError after this many scheduler tasks (a run that never lets time pass). */
  maxSteps?: number;
}

/** Far above any built-in scenario (a 10-minute flagship run takes 15 k; the benchmark passes its own limit), and stops a runaway run before it exhausts a browser tab's memory. */
export const DEFAULT_MAX_STEPS = 3_000_000;

/** How consumers publish chained events and dead letters: a few quick retries, then report failure. */
const CONSUMER_PUBLISH = { timeoutMs: 5000, retry: { maxAttempts: 5, backoffMs: 200, multiplier: 2, maxBackoffMs: 5000, jitter: 0 } };

/**
 * Run a scenario: a pure function of (scenario, seed, interventions, untilMs). The scenario must be
 * valid (see src/scenarios/validateScenario.ts); the engine trusts it.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): Trace {
  const seed = options.seed ?? scenario.seed;
  const untilMs = options.untilMs ?? scenario.durationMs;
  const faults = [...scenario.faults, ...(options.interventions ?? [])];
  const sim = new Sim(seed, scenario.networkMs);
  const receivers = new Map<string, Receiver>();
  const topics = new Map<string, TopicNode>();
  const services = new Map<string, ServiceNode>();
  const groups = new Map<string, ConsumerGroup>();
  const queues = new Map<string, QueueNode>();

  const newEvent = (type: string, key: string, label: string, source: string, extra?: Partial<EventInfo>): EventInfo => {
    const event: EventInfo = { id: sim.events.length, type, key, label, source, time: sim.now, poison: false };
    if (extra) Object.assign(event, extra); // not a spread: that cost a per-event object clone on the hot path
    sim.events.push(event);
    return event;
  };

  /** Producers with enable.idempotence=false (the default is on, as in Kafka since 3.0). */
  const nonIdempotentProducers = new Set(
    scenario.nodes.flatMap((n) => ((n.kind === 'service' || n.kind === 'client') && n.idempotentProducer === false ? [n.id] : [])),
  );

  // Kafka's producer picks the partition (the key's hash, or the next in turn for a keyless record)
  // before it sends; an idempotent one numbers its records per partition, so the broker can drop a
  // retry it already appended and refuse one that would overtake an earlier record.
  // `done` is typed CallDone (not `(status) => void`) so it can be handed to call() as it is:
  // a callback whose second parameter meant something else would not type-check.
  const produce = (from: string, topic: string, event: EventInfo, timeoutMs: number, retry: RetryPolicy, done: CallDone, partition?: number): void => {
    const topicNode = topics.get(topic)!;
    const request: Request = {
      ref: event.id,
      from,
      endpoint: 'produce',
      key: event.key,
      name: event.label,
      invalid: false,
      poison: event.poison,
      event,
      partition: topicNode.choosePartition({ key: event.key, partition }),
    };
    if (nonIdempotentProducers.has(from)) {
      call(sim, receivers, from, topic, request, { timeoutMs, retry, kind: 'event', okKind: 'ack' }, done);
      return;
    }
    const incarnation = sim.incarnation(from);
    const sequence = topicNode.nextSequence(from, incarnation, request.partition!);
    request.sequence = sequence;
    request.producerIncarnation = incarnation;
    call(sim, receivers, from, topic, request, { timeoutMs, retry, kind: 'event', okKind: 'ack' }, (status, attempts) => {
      if (status >= 300) topicNode.abandonSequence(from, incarnation, request.partition!, sequence);
      done(status, attempts);
    });
  };

  /** Publish a message to a point-to-point queue; the broker's confirm is the 2xx answer. */
  const enqueue = (from: string, queue: string, message: EventInfo, timeoutMs: number, retry: RetryPolicy, done: (status: number) => void): void => {
    const request: Request = { ref: message.id, from, endpoint: 'publish', key: message.key, name: message.label, invalid: false, poison: message.poison, event: message };
    call(sim, receivers, from, queue, request, { timeoutMs, retry, kind: 'command', okKind: 'ack' }, (status) => done(status));
  };

  const runAction: ActionRunner = (service, action: Action, request, done) => {
    switch (action.kind) {
      case 'call': {
        const downstream: Request = { ...request, from: service, endpoint: action.endpoint, label: `${action.endpoint} ${request.name}`, invalid: false };
        const options = { timeoutMs: action.timeoutMs, retry: action.retry, kind: 'command' as const, okKind: 'reply' as const };
        if (action.async) {
          // Fire and forget: the caller moves on; retries live in this process's memory only.
          call(sim, receivers, service, action.target, downstream, options, () => {});
          done(202);
        } else call(sim, receivers, service, action.target, downstream, options, (status) => done(status));
        return;
      }
      case 'publish': {
        const event = newEvent(action.eventType, request.key, request.name, service, { cmd: request.ref, poison: request.poison, data: request.payload });
        produce(service, action.topic, event, action.timeoutMs, action.retry, done);
        return;
      }
      case 'enqueue': {
        const message = newEvent(action.messageType, request.key, request.name, service, { cmd: request.ref, poison: request.poison, data: request.payload });
        enqueue(service, action.queue, message, action.timeoutMs, action.retry, done);
        return;
      }
    }
  };

  const publish = (from: string, topic: string, what: Publication, done: (ok: boolean) => void): void => {
    const event =
      what.kind === 'copy'
        ? sim.events[what.event]
        : newEvent(what.eventType, sim.events[what.cause].key, sim.events[what.cause].label, from);
    produce(from, topic, event, CONSUMER_PUBLISH.timeoutMs, CONSUMER_PUBLISH.retry, (status) => done(status < 300));
  };

  for (const node of scenario.nodes) {
    if (node.kind === 'topic') {
      const topic = new TopicNode(sim, node);
      topics.set(node.id, topic);
      receivers.set(node.id, topic);
      sim.registerNode(node.id, topic);
    } else if (node.kind === 'queue') {
      const queue = new QueueNode(sim, node, queues);
      queues.set(node.id, queue);
      receivers.set(node.id, queue);
      sim.registerNode(node.id, queue);
    }
  }
  for (const node of scenario.nodes) {
    if (node.kind === 'service') {
      const service = new ServiceNode(sim, node, { runAction, newEvent, produce });
      services.set(node.id, service);
      receivers.set(node.id, service);
      sim.registerNode(node.id, service);
      const state = node.state ? new EntityState(sim, node.id, node.state) : undefined;
      for (const name of consumerNames(node)) {
        if (name.kind === 'member') {
          const spec = node.consumers[name.index];
          let group = groups.get(spec.group);
          if (!group) {
            group = new ConsumerGroup(spec.group, topics.get(spec.topic)!, sim, publish);
            groups.set(spec.group, group);
          }
          const member = new Member(name.id, node.id, spec, group, sim, state);
          group.addMember(member);
          service.members.push({ member, group });
        } else {
          const spec = node.queueConsumers![name.index];
          const queue = queues.get(spec.queue)!;
          const consumer = new QueueConsumer(name.id, node.id, spec, queue, sim, publish);
          queue.addConsumer(consumer);
          service.queueConsumers.push(consumer);
        }
      }
    } else if (node.kind === 'client') {
      sim.registerNode(node.id);
    }
  }
  for (const group of groups.values()) group.start();

  const clients = new Map(scenario.nodes.filter((n): n is ClientSpec => n.kind === 'client').map((c) => [c.id, c]));
  /** A producing client's send ended: acknowledged (nothing more to do), or given up — then the record was never published. */
  const gaveUp = (client: ClientSpec, event: EventInfo, status: number): void => {
    if (status < 300) return;
    sim.record({ type: 'publish-failed', t: sim.now, client: client.id, target: client.target, event: event.id, status });
  };
  let nextCommand = 0;
  const submit = (client: ClientSpec, item: ScriptItem, fallbackKey: string): void => {
    const key = item.key ?? fallbackKey;
    const label = item.label ?? key;
    if (topics.has(client.target)) {
      const event = newEvent(item.type ?? client.command, key, label, client.id, item.poison ? { poison: true } : undefined);
      produce(client.id, client.target, event, client.timeoutMs, client.retry, (status) => gaveUp(client, event, status), item.partition);
      return;
    }
    if (queues.has(client.target)) {
      const message = newEvent(item.type ?? client.command, key, label, client.id, item.poison ? { poison: true } : undefined);
      enqueue(client.id, client.target, message, client.timeoutMs, client.retry, (status) => gaveUp(client, message, status));
      return;
    }
    const payload = makePayload(client.payload, key, item.invalid ?? false, sim.random(`payload:${client.id}`));
    const idempotencyKey = item.id ?? (client.idempotencyKeys ? `${client.id}-${nextCommand}` : undefined);
    sendCommand(client, item.type ?? client.command, key, label, item.invalid ?? false, item.poison ?? false, payload, idempotencyKey);
  };

  const sendCommand = (
    client: ClientSpec,
    endpoint: string,
    key: string,
    label: string,
    invalid: boolean,
    poison: boolean,
    payload: Record<string, unknown>,
    idempotencyKey: string | undefined,
  ): void => {
    const cmd = nextCommand++;
    const submittedAt = sim.now;
    sim.record({ type: 'command', t: submittedAt, cmd, client: client.id, service: client.target, endpoint, key, valid: !invalid });
    const request: Request = { ref: cmd, from: client.id, endpoint, key, name: label, label: `${endpoint} ${label}`, invalid, poison, payload, idempotencyKey };
    const options = { timeoutMs: client.timeoutMs, retry: client.retry, kind: 'command' as const, okKind: 'reply' as const, retryOn: client.retryOn };
    call(sim, receivers, client.id, client.target, request, options, (status, attempts) => {
      sim.record({
        type: 'command-done',
        t: sim.now,
        cmd,
        client: client.id,
        outcome: status < 300 ? 'ok' : status < 500 ? 'rejected' : 'failed',
        status,
        latencyMs: sim.now - submittedAt,
        attempts,
      });
      if (status >= 400 && status < 500 && client.onRejected) {
        // A validation failure: resubmitting the same command fails again, so the sender fixes it first.
        sim.record({ type: 'parked', t: sim.now, client: client.id, cmd, reason: `${status}` });
        sim.scheduler.after(client.onRejected.fixAfterMs, () =>
          sendCommand(client, endpoint, key, label, false, poison, fixPayload(client.payload, key), idempotencyKey),
        );
      }
    });
  };

  /** Script workloads seen so far per client: the second one's default keys must not repeat the first's. */
  const scriptsOfClient = new Map<string, number>();
  scenario.workload.forEach((workload, index) => {
    const client = clients.get(workload.client)!;
    if (workload.kind === 'script') {
      const nth = (scriptsOfClient.get(client.id) ?? 0) + 1;
      scriptsOfClient.set(client.id, nth);
      const prefix = nth === 1 ? `${client.id}-` : `${client.id}-${nth}-`;
      workload.items.forEach((item, i) => sim.scheduler.at(item.atMs, () => submit(client, item, `${prefix}${i}`)));
      return;
    }
    // Poisson arrivals, drawn lazily from the workload's own stream: both variants of a scenario see
    // the same orders at the same times whatever else happens.
    const random = sim.random(`workload:${index}`);
    // Keys o1, o2… for the first generator, p1, q1… for the next: distinct across generators, still
    // short on a token. Past twelve generators the letters come round again with a number (o2_1…).
    const nth = scenario.workload.slice(0, index).filter((w) => w.kind === 'poisson').length;
    const letter = String.fromCharCode('o'.charCodeAt(0) + (nth % 12));
    const prefix = nth < 12 ? letter : `${letter}${Math.floor(nth / 12) + 1}_`;
    // One arrival is pending at a time, so one task function serves them all (no closure per order).
    let n = 0;
    let nextAt = 0;
    const meanGap = 1000 / workload.ratePerSec;
    const scheduleAfter = (t: number): void => {
      const at = t + random.exponential(meanGap);
      if (at >= workload.untilMs) return;
      nextAt = at;
      sim.scheduler.at(at, arrive);
    };
    const arrive = (): void => {
      n++;
      const key = `${prefix}${n}`;
      submit(client, { atMs: nextAt, key, invalid: random.chance(workload.invalidShare) }, key);
      scheduleAfter(nextAt);
    };
    scheduleAfter(workload.fromMs);
  });

  sim.scheduleFaults(faults);
  sim.scheduler.run(untilMs, options.maxSteps ?? DEFAULT_MAX_STEPS);
  if (options.stats) options.stats.dispatched = sim.scheduler.dispatched;
  const log = sim.log;
  const trace: Trace = {
    scenarioId: scenario.id,
    seed,
    durationMs: untilMs,
    faults,
    // Objects are built on first read: a headless run that only needs a few numbers never pays for millions of them.
    get records() {
      return log.toArray();
    },
    events: sim.events,
  };
  Object.defineProperty(trace, 'log', { value: log, enumerable: false });
  return trace;
}
