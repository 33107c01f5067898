// Small builders shared by the lesson scenarios, so each lesson file reads as its story: who sends
// what to whom, what goes wrong when, and what the learner should see. Everything they return is
// plain scenario data, with the same defaults a hand-written scenario file would get.
import type {
  Action,
  ClientSpec,
  ConsumerSpec,
  Dist,
  EndpointSpec,
  Position,
  QueueSpec,
  RetryPolicy,
  ServiceSpec,
  TopicSpec,
} from '../../engine/types';

export const NO_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };
/** A producer's few quick retries when the broker does not acknowledge. */
export const PUBLISH_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: 100, multiplier: 2, maxBackoffMs: 2000, jitter: 0.2 };
/** Events cannot be rejected: a consumer retries a failing event until it succeeds. */
export const FOREVER: RetryPolicy = { maxAttempts: Infinity, backoffMs: 500, multiplier: 2, maxBackoffMs: 8000, jitter: 0.2 };

export const ms = (n: number): Dist => ({ kind: 'const', ms: n });
export const around = (medianMs: number): Dist => ({ kind: 'lognormal', medianMs, sigma: 0.3 });

export function client(id: string, label: string, role: string, position: Position, target: string, command: string, extra: Partial<ClientSpec> = {}): ClientSpec {
  return { kind: 'client', id, label, role, position, target, command, timeoutMs: 5000, retry: NO_RETRY, ...extra };
}

export function service(id: string, label: string, role: string, position: Position, extra: Partial<ServiceSpec> = {}): ServiceSpec {
  return { kind: 'service', id, label, role, position, workers: 8, queueLimit: 100, endpoints: [], consumers: [], ...extra };
}

/** A command handler: validates, commits a row, runs its actions in order, answers. */
export function endpoint(name: string, then: Action[], extra: Partial<EndpointSpec> = {}): EndpointSpec {
  return { name, processing: around(100), validate: true, errorRate: 0, then, successStatus: 201, ...extra };
}

export function topic(id: string, position: Position, partitions: number, extra: Partial<TopicSpec> = {}): TopicSpec {
  return { kind: 'topic', id, label: id, role: `topic · ${partitions} partition${partitions > 1 ? 's' : ''}`, position, partitions, autoOffsetReset: 'earliest', ...extra };
}

export function queue(id: string, position: Position, extra: Partial<QueueSpec> = {}): QueueSpec {
  return { kind: 'queue', id, label: id, role: 'point-to-point queue', position, ...extra };
}

export function publish(topicId: string, eventType: string): Action {
  return { kind: 'publish', topic: topicId, eventType, timeoutMs: 2000, retry: PUBLISH_RETRY };
}

/** An at-least-once, idempotent consumer that retries forever: the well-behaved default. */
export function consumer(group: string, topicId: string, extra: Partial<ConsumerSpec> = {}): ConsumerSpec {
  return {
    group,
    topic: topicId,
    instances: 1,
    processing: around(80),
    commit: 'after',
    autoCommitIntervalMs: 0,
    sessionTimeoutMs: 3000,
    rebalanceMs: 500,
    errorRate: 0,
    retry: FOREVER,
    idempotent: true,
    emits: [],
    ...extra,
  };
}

/** Orders arriving as a Poisson stream (the same stream in every scenario with the same seed). */
export function poisson(clientId: string, ratePerSec: number, untilMs: number, invalidShare = 0, fromMs = 0) {
  return { kind: 'poisson' as const, client: clientId, ratePerSec, fromMs, untilMs, invalidShare };
}
