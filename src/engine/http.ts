import type { Random } from './random';
import { LABEL_EVENT, LABEL_PRODUCE_ACK } from './traceLog';
import type { NodeHealth, Sim } from './sim';
import type { EventInfo, MessageKind, RetryPolicy } from './types';

/** A request travelling to a node: an HTTP command, or a produce request to a topic. */
export interface Request {
  /** Command id or event id: what the trace's hops refer to. */
  ref: number;
  from: string;
  endpoint: string;
  key: string;
  /** The business label, e.g. `o12`: downstream calls and the events a command causes carry it on. */
  name: string;
  /** The hop's text, e.g. `place-order o12`. Produce and publish requests have none: their hop is labelled by their event. */
  label?: string;
  invalid: boolean;
  poison: boolean;
  /** For produce requests: the event to append. */
  event?: EventInfo;
  partition?: number;
  /**
   * An idempotent producer's sequence number for this record in its partition (the same on every
   * retry), and the incarnation of the producing process (a restarted process is a new producer).
   */
  sequence?: number;
  producerIncarnation?: number;
  /** The command's payload (validated by the handler's schema, when it has one). */
  payload?: Record<string, unknown>;
  /** Same on every retry of one command: lets an idempotent handler recognise a repeat. */
  idempotencyKey?: string;
}

/**
 * The caller's side of one attempt, which a receiver answers through — at most once; a crashed
 * receiver never answers. A broker acknowledging a produce passes the record's partition and
 * offset instead of a label.
 */
export interface Replier {
  reply(status: number, label?: string, partition?: number, offset?: number): void;
}

export interface Receiver {
  receive(request: Request, replier: Replier): void;
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
/** What a caller learns when a call ends: the last status, and how many attempts it took. */
export type CallDone = (status: number, attempts: number) => void;

export function call(
  sim: Sim,
  receivers: ReadonlyMap<string, Receiver>,
  from: string,
  to: string,
  request: Request,
  options: CallOptions,
  done: (status: number, attempts: number) => void,
): void {
  new Call(sim, receivers, sim.healthOf(from), sim.healthOf(to), request, options, done).tryOnce();
}

// The call's state lives in two small objects scheduled with module-level tasks, not in closures:
// a long run makes hundreds of thousands of calls, and six closures each were a large share of all
// the engine allocated.

class Call {
  attempts = 0;
  /** Fetched on the first retry only: most calls never retry (a stream does not depend on when it is fetched). */
  jitter: Random | undefined;
  readonly callerIncarnation: number;

  constructor(
    readonly sim: Sim,
    readonly receivers: ReadonlyMap<string, Receiver>,
    readonly caller: NodeHealth,
    readonly callee: NodeHealth,
    readonly request: Request,
    readonly options: CallOptions,
    readonly done: (status: number, attempts: number) => void,
  ) {
    this.callerIncarnation = caller.incarnation;
  }

  tryOnce(): void {
    if (this.caller.incarnation !== this.callerIncarnation) return;
    const sim = this.sim;
    const attempt = new Attempt(this, ++this.attempts);
    const request = this.request;
    const arrive = request.event
      ? sim.hopBetween(this.caller, this.callee, this.options.kind, LABEL_EVENT, request.ref, 0, 0)
      : sim.hop(this.caller.id, this.callee.id, this.options.kind, request.label ?? request.endpoint, request.ref);
    sim.atArrival(arrive, requestArrived, attempt);
    attempt.timeout = sim.scheduler.timer(this.options.timeoutMs, timedOut, attempt);
  }
}

/** One attempt of a call: the request's trip, the answer's trip back, and the timeout racing them. */
class Attempt implements Replier {
  settled = false;
  /** The timeout's ticket, for cancelling it once the answer came. */
  timeout = -1;
  /** The answer on its way back. */
  status = 0;

  constructor(
    readonly call: Call,
    readonly number: number,
  ) {}

  reply(status: number, label?: string, partition?: number, offset?: number): void {
    const c = this.call;
    const sim = c.sim;
    const kind = status < 300 ? c.options.okKind : 'failure';
    const back =
      partition === undefined
        ? sim.hop(c.callee.id, c.caller.id, kind, label ?? String(status), c.request.ref, status)
        : sim.hopBetween(c.callee, c.caller, kind, LABEL_PRODUCE_ACK, c.request.ref, partition, offset ?? 0, status);
    this.status = status;
    sim.atArrival(back, answerArrived, this);
  }

  settle(status: number): void {
    const c = this.call;
    if (this.settled || c.caller.incarnation !== c.callerIncarnation) return;
    this.settled = true;
    const scheduler = c.sim.scheduler;
    // Answered: the timeout would be a no-op, so drop it instead of carrying it for timeoutMs.
    scheduler.cancel(c.options.timeoutMs, this.timeout);
    const retryable = c.options.retryOn === 'any-failure' ? status >= 300 : isRetryable(status);
    if (retryable && this.number < c.options.retry.maxAttempts) {
      c.jitter ??= c.sim.random(`retry:${c.caller.id}`);
      scheduler.after(backoffDelay(c.options.retry, this.number, c.jitter.next()), retry, c);
    } else {
      c.done(status, this.number);
    }
  }
}

function requestArrived(attempt: Attempt): void {
  const c = attempt.call;
  if (c.callee.downCount > 0) attempt.reply(STATUS_REFUSED, 'refused');
  else c.receivers.get(c.callee.id)!.receive(c.request, attempt);
}

function answerArrived(attempt: Attempt): void {
  attempt.settle(attempt.status);
}

function timedOut(attempt: Attempt): void {
  attempt.settle(STATUS_TIMEOUT);
}

function retry(call: Call): void {
  call.tryOnce();
}
