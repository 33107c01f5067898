import type { Random } from './random';
import { LABEL_EVENT, LABEL_PRODUCE_ACK } from './traceLog';
import type { Sim } from './sim';
import type { EventInfo, MessageKind, RetryPolicy } from './types';

/** A request travelling to a node: an HTTP command, or a produce request to a topic. */
export interface Request {
  /** Command id or event id: what the trace's hops refer to. */
  ref: number;
  from: string;
  endpoint: string;
  key: string;
  /** The hop's text, e.g. `place-order o12`. Produce and publish requests have none: their hop is labelled by their event. */
  label?: string;
  invalid: boolean;
  poison: boolean;
  /** For produce requests: the event to append. */
  event?: EventInfo;
  partition?: number;
  /** The command's payload (validated by the handler's schema, when it has one). */
  payload?: Record<string, unknown>;
  /** Same on every retry of one command: lets an idempotent handler recognise a repeat. */
  idempotencyKey?: string;
}

/**
 * Answer a request. Receivers call it at most once; a crashed receiver never calls it. A broker
 * acknowledging a produce passes the record's partition and offset instead of a label.
 */
export type Reply = (status: number, label?: string, partition?: number, offset?: number) => void;

export interface Receiver {
  receive(request: Request, reply: Reply): void;
}

export interface CallOptions {
  timeoutMs: number;
  retry: RetryPolicy;
  /** How the request is drawn (command, or event for a produce). */
  kind: MessageKind;
  /** How a 2xx answer is drawn (reply for commands, ack for produce). */
  okKind: MessageKind;
  /** Retry 4xx answers too (some webhook providers do). Default: only technical failures. */
  retryOn?: 'server-errors' | 'any-failure';
}

export const STATUS_TIMEOUT = 504;
export const STATUS_REFUSED = 503;

/** Technical failures may succeed when retried; validation failures (4xx) never will. */
export function isRetryable(status: number): boolean {
  return status >= 500;
}

export function backoffDelay(policy: RetryPolicy, failedAttempt: number, u: number): number {
  const base = Math.min(policy.maxBackoffMs, policy.backoffMs * Math.pow(policy.multiplier, failedAttempt - 1));
  return Math.max(0, base * (1 + policy.jitter * (2 * u - 1)));
}

/**
 * A synchronous call with a caller-side timeout and retries with backoff. The callee may still be
 * working when the caller gives up (a late reply is ignored): exactly what makes retries duplicate
 * work. If the caller's own process stops, the call dies with it.
 */
export function call(
  sim: Sim,
  receivers: ReadonlyMap<string, Receiver>,
  from: string,
  to: string,
  request: Request,
  options: CallOptions,
  done: (status: number, attempts: number) => void,
): void {
  const scheduler = sim.scheduler;
  const caller = sim.healthOf(from);
  const callee = sim.healthOf(to);
  const callerIncarnation = caller.incarnation;
  // Fetched on the first retry only: most calls never retry (a stream does not depend on when it is fetched).
  let jitter: Random | undefined;
  let attempt = 0;

  const tryOnce = (): void => {
    if (caller.incarnation !== callerIncarnation) return;
    attempt++;
    const thisAttempt = attempt;
    let settled = false;
    let timeout = -1;
    const settle = (status: number): void => {
      if (settled || caller.incarnation !== callerIncarnation) return;
      settled = true;
      // Answered: the timeout would be a no-op, so drop it instead of carrying it for timeoutMs.
      scheduler.cancel(options.timeoutMs, timeout);
      const retryable = options.retryOn === 'any-failure' ? status >= 300 : isRetryable(status);
      if (retryable && thisAttempt < options.retry.maxAttempts) {
        jitter ??= sim.random(`retry:${from}`);
        scheduler.after(backoffDelay(options.retry, thisAttempt, jitter.next()), tryOnce);
      } else {
        done(status, thisAttempt);
      }
    };
    const reply: Reply = (status, label, partition, offset) => {
      const kind = status < 300 ? options.okKind : 'failure';
      const back =
        partition === undefined
          ? sim.hop(to, from, kind, label ?? String(status), request.ref, status)
          : sim.hopBetween(callee, caller, kind, LABEL_PRODUCE_ACK, request.ref, partition, offset ?? 0, status);
      scheduler.at(back, () => settle(status));
    };
    const arrive = request.event
      ? sim.hopBetween(caller, callee, options.kind, LABEL_EVENT, request.ref, 0, 0)
      : sim.hop(from, to, options.kind, request.label ?? request.endpoint, request.ref);
    scheduler.at(arrive, () => {
      if (callee.downCount > 0) reply(STATUS_REFUSED, 'refused');
      else receivers.get(to)!.receive(request, reply);
    });
    timeout = scheduler.timer(options.timeoutMs, () => settle(STATUS_TIMEOUT));
  };
  tryOnce();
}
