// The contract between scenarios (data), the engine (pure simulation) and the view (trace → world at t).
// Everything here is plain data: serialisable, comparable, and the same in the browser, tests and CLI.
import type { TraceLog } from './traceLog';

/** A duration distribution, in virtual milliseconds. Sampled from the engine's seeded source. */
export type Dist =
  | { kind: 'const'; ms: number }
  | { kind: 'exp'; meanMs: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'lognormal'; medianMs: number; sigma: number };

/** Retry policy for a caller, a consumer or a partner. maxAttempts counts the first try; Infinity retries forever. */
export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: number;
  multiplier: number;
  maxBackoffMs: number;
  /** 0..1: each delay is scaled by a uniform factor in [1 - jitter, 1 + jitter]. */
  jitter: number;
}

// ─── Topology ────────────────────────────────────────────────────────────────

export interface Position {
  x: number;
  y: number;
}

interface BaseNode {
  /** Lowercase id used in faults, the CLI and metrics (e.g. `fulfillment`). */
  id: string;
  label: string;
  /** Short role shown under the label, e.g. "bounded context". */
  role?: string;
  position: Position;
}

/** A source of commands (shoppers, a partner) or of records produced straight onto a topic/queue. */
export interface ClientSpec extends BaseNode {
  kind: 'client';
  /** A service (HTTP command), a topic (produce) or a queue (publish). */
  target: string;
  /** The endpoint / command name on the target service, e.g. `place-order`. */
  command: string;
  timeoutMs: number;
  retry: RetryPolicy;
  /**
   * Which answers the client retries: only technical failures (5xx, timeouts — the default), or
   * any non-2xx (some webhook providers retry 4xx too).
   */
  retryOn?: 'server-errors' | 'any-failure';
  /** After a 4xx the client parks the command, fixes it and sends it again this much later. */
  onRejected?: { fixAfterMs: number };
  /** Send an idempotency key with each command, the same on every retry. */
  idempotencyKeys?: boolean;
  /** For a client that produces to a topic: see ServiceSpec.idempotentProducer. */
  idempotentProducer?: boolean;
  /** Payload of each command: a valid template, and the ways an invalid one is broken. */
  payload?: PayloadSpec;
}

/** `{key}` in a string value is replaced by the command's key. */
export interface PayloadSpec {
  valid: Record<string, unknown>;
  /** One is picked (seeded) for each invalid command: the field set to a value the schema rejects. */
  invalid: { path: string; value: unknown; reason: string }[];
}

/** The subset of JSON Schema the lab validates command payloads with. */
export interface JsonSchema {
  type?: 'object' | 'string' | 'number' | 'integer' | 'boolean' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: (string | number | boolean)[];
  minItems?: number;
  description?: string;
}

/** What a command handler does after validating and committing, in order. */
export type Action =
  | {
      kind: 'call';
      /** Target service id. */
      target: string;
      endpoint: string;
      timeoutMs: number;
      retry: RetryPolicy;
      /** Fire and forget: answer without waiting; retry in the background (in memory: a crash forgets it). */
      async?: boolean;
    }
  | { kind: 'publish'; topic: string; eventType: string; timeoutMs: number; retry: RetryPolicy }
  | { kind: 'enqueue'; queue: string; messageType: string; timeoutMs: number; retry: RetryPolicy };

export interface EndpointSpec {
  /** Command name, e.g. `place-order` or `ship-order`. */
  name: string;
  processing: Dist;
  /** Reject invalid payloads with 422 (validation is the command handler's job). */
  validate: boolean;
  /** Probability of a transient technical failure (500) per request. */
  errorRate: number;
  then: Action[];
  /** Status answered on success. */
  successStatus: 200 | 201 | 202;
  /** Validate the payload against this schema (422 naming the failing field). */
  schema?: JsonSchema;
  /** Remember idempotency keys / event ids: a repeat gets the first answer again and writes nothing. */
  idempotent?: boolean;
  /** The business effect of the committed row, e.g. add 10 to `balance`. */
  effect?: { counter: string; add: number };
  /** A buggy handler that writes, then answers this status anyway (case C8). */
  answerAfterWrite?: number;
  /** Publish through a transactional outbox: the event is stored with the row and a relay publishes it. */
  outbox?: { relayIntervalMs: number };
  /** Also publish failed commands (validation or technical) as events, for audit or analytics. */
  publishFailures?: { topic: string; eventType: string };
}

/** How a consumer group member commits offsets. */
export type CommitMode = 'before' | 'after';

export interface ConsumerSpec {
  group: string;
  topic: string;
  /** Instances of this consumer inside the service (threads/processes): members of the group. */
  instances: number;
  processing: Dist;
  /** before = at-most-once (commit on hand-over), after = at-least-once (commit once processed). */
  commit: CommitMode;
  /** 0 = commit synchronously per record; otherwise auto-commit every N ms. */
  autoCommitIntervalMs: number;
  /** A dead member is noticed after this long, then the group rebalances. */
  sessionTimeoutMs: number;
  /** Processing stalls for this long during a rebalance. */
  rebalanceMs: number;
  /** Probability a handling attempt fails (transient). Poison records always fail. */
  errorRate: number;
  retry: RetryPolicy;
  /** After retry.maxAttempts failed attempts, park the record here; without it the partition blocks. */
  deadLetterTopic?: string;
  /** De-duplicate by event id: a redelivered event is acknowledged as a no-op. */
  idempotent: boolean;
  /** Event chain: each processed event makes the consumer publish these. */
  emits: { topic: string; eventType: string }[];
}

/** A competing consumer of a point-to-point queue (RabbitMQ-like). */
export interface QueueConsumerSpec {
  queue: string;
  /** Consumer instances (channels) in this service; each message goes to exactly one of them. */
  instances: number;
  /** Unacknowledged messages a consumer may hold at once (basic.qos prefetch). */
  prefetch: number;
  processing: Dist;
  /** Probability a handling attempt fails (transient). Poison messages always fail. */
  errorRate: number;
  /** On failure: nack with requeue (back to the head of the queue) or without (dead-letter or drop). */
  onFailure: 'requeue' | 'reject';
  /** Answer to publish for each acked message (e.g. the later outcome of an accepted command). */
  emits: { topic: string; eventType: string }[];
}

/** Business state kept by a service, keyed by entity (order id): what consumed events do to it. */
export interface StateMachineSpec {
  /** State of an entity before any event. */
  initial: string;
  /** eventType → allowed current states and the state after. Not allowed ⇒ the event is dropped. */
  transitions: Record<string, { from: string[]; to: string }>;
}

export interface ServiceSpec extends BaseNode {
  kind: 'service';
  /** Concurrent request handlers. A handler is held for the whole request, downstream calls included. */
  workers: number;
  /** Requests waiting for a worker beyond this are rejected with 503. */
  queueLimit: number;
  endpoints: EndpointSpec[];
  consumers: ConsumerSpec[];
  queueConsumers?: QueueConsumerSpec[];
  /** Entity state updated by consumed events (shared by all consumers in this service). */
  state?: StateMachineSpec;
  /**
   * Kafka's enable.idempotence (on by default since Kafka 3.0; default here too): the broker drops
   * a retried produce it already appended and keeps each partition in the order this process sent
   * to it. Off, a retry after a lost acknowledgement appends the record twice, and a retry may land
   * behind a later record of the same key.
   */
  idempotentProducer?: boolean;
}

export interface QueueSpec extends BaseNode {
  kind: 'queue';
  /**
   * Quorum queues' delivery-limit: a message returned (nacked with requeue, or requeued by a closed
   * channel) more than this many times is dead-lettered or dropped instead, so it is delivered at
   * most deliveryLimit + 1 times.
   */
  deliveryLimit?: number;
  /** Where rejected / over-limit messages go; without it they are dropped. */
  deadLetterQueue?: string;
}

export interface TopicSpec extends BaseNode {
  kind: 'topic';
  partitions: number;
  /** Records older than this are deleted from the log; undefined = keep forever. */
  retentionMs?: number;
  /** What a group with no valid committed offset starts from. */
  autoOffsetReset: 'earliest' | 'latest';
}

export type NodeSpec = ClientSpec | ServiceSpec | TopicSpec | QueueSpec;

// ─── Workload ───────────────────────────────────────────────────────────────

export interface ScriptItem {
  atMs: number;
  /** Record / order key. Defaults to a fresh order id. */
  key?: string;
  /** Human label shown on the token, e.g. `m2`. Defaults to the key. */
  label?: string;
  /** Payload fails validation (e.g. expired card). */
  invalid?: boolean;
  /** No handler can ever process it. */
  poison?: boolean;
  /** Event/command type override (e.g. `order-canceled`). */
  type?: string;
  /** Explicit partition (for produce-to-topic clients). */
  partition?: number;
  /** Event id / idempotency key: two items with the same id are the same event delivered twice. */
  id?: string;
}

export type WorkloadSpec =
  | {
      kind: 'poisson';
      client: string;
      ratePerSec: number;
      fromMs: number;
      untilMs: number;
      /** Share of orders whose payload fails validation. */
      invalidShare: number;
    }
  | { kind: 'script'; client: string; items: ScriptItem[] };

// ─── Faults (scheduled by scenarios or appended by the learner: interventions) ─

/**
 * down: the process stops (in-flight work is lost) until untilMs. slow: processing × factor.
 * error: extra technical-failure probability. crash: from fromMs, the node crashes halfway through
 * the next message it handles and restarts restartMs later. poison: the next record appended to the
 * target topic or queue at or after fromMs can never be handled. cut: the network link between two
 * nodes (target `a->b`, both directions) drops every message that sets off while it lasts.
 */
export type FaultKind = 'down' | 'slow' | 'error' | 'crash' | 'poison' | 'cut';

export interface FaultSpec {
  /** A node id, or `from->to` for a cut. */
  target: string;
  kind: FaultKind;
  fromMs: number;
  /** Undefined = until the end of the run. */
  untilMs?: number;
  /** slow: processing time multiplier (default 10). */
  factor?: number;
  /** error: probability of a technical failure per attempt (default 0.5). */
  rate?: number;
  /** crash: how long the node stays down after crashing (default 1000). */
  restartMs?: number;
}

// ─── Expectations ─────────────────────────────────────────────────────────

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Assertion {
  /** Dotted path into Metrics, e.g. `checkout.successRate` or `groups.*.lost` (every group). */
  metric: string;
  op: CompareOp;
  /** Compare to a constant ... */
  value?: number;
  /** ... or to the same metric in the no-fault run of the same scenario and seed, times factor. */
  baseline?: { factor: number };
  /** ... or to another metric of this run, times factor. */
  other?: { metric: string; factor: number };
  /** Compute metrics over commands submitted in [from, to) ms only. */
  window?: [number, number];
}

export interface Expectation {
  name: string;
  /** The faults this claim is about (in addition to the scenario's own). */
  faults: FaultSpec[];
  untilMs?: number;
  assert: Assertion[];
}

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  /** Lesson group in the scenario list. */
  lesson: string;
  durationMs: number;
  seed: number;
  /** Default one-way network latency between nodes. */
  networkMs: number;
  nodes: NodeSpec[];
  workload: WorkloadSpec[];
  faults: FaultSpec[];
  expectations: Expectation[];
  /** Scenario ids that run side by side with this one in the compare view. */
  compareWith?: string;
  /** Estimated minutes to work through the story. */
  minutes?: number;
  /** The guided story: one step at a time, predict then observe. */
  steps?: NarrativeStep[];
  /** Translations of the texts, by language tag (e.g. `zh-CN`); missing texts fall back to English. */
  i18n?: Record<string, ScenarioTranslation>;
}

export interface NarrativeStep {
  title: string;
  text: string;
  /** Node ids, or links `a->b`, the step is about: highlighted in the graph. */
  highlight: string[];
  /** The moment the step is about: playback pauses here (the reveal point). */
  atMs: number;
  /** Predict before you see: asked before the reveal point, answered after it. */
  question?: { prompt: string; choices: string[]; answer: number; explanation: string };
  /**
   * Faults the learner was asked to add that this step's text, question and reveal take for granted.
   * Opening or reaching the step without them adds them as ordinary interventions, with a notice
   * (src/state/storyAssumes.ts); a learner fault on the same node, of the same kind, overlapping
   * in time counts as already there.
   */
  assumes?: FaultSpec[];
}

export interface ScenarioTranslation {
  title?: string;
  summary?: string;
  lesson?: string;
  steps?: { title?: string; text?: string; question?: { prompt?: string; choices?: string[]; explanation?: string } }[];
  expectations?: string[];
}

// ─── Trace ─────────────────────────────────────────────────────────────────

export type MessageKind = 'command' | 'reply' | 'event' | 'ack' | 'failure';

/** A message travelling along an edge: the unit the graph animates and Step jumps between. */
export interface HopRecord {
  type: 'hop';
  t: number;
  arriveAt: number;
  from: string;
  to: string;
  kind: MessageKind;
  /** Short text on the token: `place-order o12`, `201`, `order-placed o12 @3`. */
  label: string;
  /** HTTP-like status on replies/failures. */
  status?: number;
  /** Command id or event id this hop belongs to. */
  ref: number;
  /** Dropped by a cut link: it never arrives. */
  lost?: boolean;
}

export type CommandOutcome = 'ok' | 'rejected' | 'failed';

export type LostReason = 'committed-before-processing' | 'retention' | 'offset-reset';

export type TraceRecord =
  | HopRecord
  | {
      type: 'command';
      t: number;
      cmd: number;
      client: string;
      service: string;
      endpoint: string;
      key: string;
      valid: boolean;
    }
  | {
      type: 'command-done';
      t: number;
      cmd: number;
      client: string;
      outcome: CommandOutcome;
      status: number;
      latencyMs: number;
      attempts: number;
    }
  /** A service committed the command's effect (a row). committedButFailed is derived from these. */
  | { type: 'row'; t: number; service: string; cmd: number; key: string }
  | { type: 'handled'; t: number; service: string; endpoint: string; cmd: number; status: number }
  | {
      type: 'append';
      t: number;
      topic: string;
      partition: number;
      offset: number;
      event: number;
      key: string;
      eventType: string;
    }
  | {
      type: 'deliver';
      t: number;
      group: string;
      member: string;
      topic: string;
      partition: number;
      offset: number;
      event: number;
      attempt: number;
    }
  | {
      type: 'processed';
      t: number;
      group: string;
      member: string;
      topic: string;
      partition: number;
      offset: number;
      event: number;
      key: string;
      /** A redelivery an idempotent consumer recognised and skipped. */
      skippedDuplicate: boolean;
    }
  | {
      type: 'handler-failed';
      t: number;
      group: string;
      member: string;
      topic: string;
      partition: number;
      offset: number;
      event: number;
      attempt: number;
    }
  | {
      type: 'dead-lettered';
      t: number;
      group: string;
      topic: string;
      partition: number;
      offset: number;
      event: number;
      deadLetterTopic: string;
    }
  | { type: 'commit'; t: number; group: string; topic: string; partition: number; offset: number }
  /** An event this group will never process: committed past while unprocessed, or deleted by retention. */
  | {
      type: 'lost';
      t: number;
      group: string;
      topic: string;
      partition: number;
      offset: number;
      event: number;
      /** Committed past while unprocessed; deleted by retention before it was read; or skipped by auto.offset.reset=latest. */
      reason: LostReason;
    }
  | {
      type: 'assign';
      t: number;
      group: string;
      /** member id → partitions of the group's topic. */
      assignment: Record<string, number[]>;
    }
  | { type: 'rebalance'; t: number; group: string; reason: string }
  /** Point-to-point queue: a message enqueued, delivered to one consumer, acked, nacked, dead-lettered or dropped. */
  | { type: 'enqueue'; t: number; queue: string; message: number; depth: number }
  | {
      type: 'q-deliver';
      t: number;
      queue: string;
      consumer: string;
      message: number;
      /** Delivery count including this one. */
      delivery: number;
      redelivered: boolean;
      depth: number;
      unacked: number;
    }
  /** A client writing straight to a topic or queue gave up on a record: it was never published. */
  | { type: 'publish-failed'; t: number; client: string; target: string; event: number; status: number }
  /** A queue consumer's handler finished a delivery (ok: it succeeded; its ack or nack follows). */
  | { type: 'q-handled'; t: number; queue: string; consumer: string; message: number; ok: boolean }
  | { type: 'ack'; t: number; queue: string; consumer: string; message: number; depth: number; unacked: number }
  | {
      type: 'nack';
      t: number;
      queue: string;
      consumer: string;
      message: number;
      requeue: boolean;
      depth: number;
      unacked: number;
      /** Not a handler's nack: the consumer's channel closed (crash, broker restart) and the broker requeued it. */
      channelClosed?: boolean;
    }
  | { type: 'q-dead-lettered'; t: number; queue: string; message: number; deadLetterQueue?: string; reason: 'rejected' | 'delivery-limit' }
  /** A service's entity state changed because of an event, or an event found the entity in the wrong state. */
  | { type: 'state'; t: number; service: string; key: string; from: string; to: string; event: number }
  | { type: 'dropped'; t: number; service: string; key: string; state: string; event: number; eventType: string }
  | { type: 'node'; t: number; node: string; status: NodeStatus }
  | { type: 'link'; t: number; a: string; b: string; cut: boolean }
  /** A committed row changed a business counter (e.g. a balance). */
  | { type: 'effect'; t: number; service: string; counter: string; value: number; cmd: number }
  /** An idempotent handler recognised a repeated key: answered again, wrote nothing. */
  | { type: 'duplicate-request'; t: number; service: string; cmd: number; key: string; status: number }
  /** Transactional outbox: the event stored with the row, then sent by the relay. */
  | { type: 'outbox'; t: number; service: string; event: number; phase: 'stored' | 'sent' }
  /** A client parked a rejected command to fix it, and later resubmitted it. */
  | { type: 'parked'; t: number; client: string; cmd: number; reason: string }
  /** Why a command was rejected (validation), naming the field. */
  | { type: 'invalid'; t: number; service: string; cmd: number; reason: string }
  /** A crash fault fired: the node died in the middle of a message. */
  | { type: 'crash'; t: number; node: string; ref: number }
  | { type: 'pool'; t: number; node: string; busy: number; queued: number }
  | { type: 'retention'; t: number; topic: string; partition: number; logStart: number };

export type NodeStatus = 'up' | 'down' | 'slow' | 'erroring';

/** Links cut by faults appear in the trace as `link` records. */

export type TraceRecordType = TraceRecord['type'];

/** An event's self-contained envelope (CloudEvents-like attributes), by id. */
export interface EventInfo {
  id: number;
  type: string;
  key: string;
  /** Short human label, e.g. `o12` or `m2`. */
  label: string;
  /** Producer node id (CloudEvents `source`). */
  source: string;
  /** Virtual ms when the producer created it (CloudEvents `time`). */
  time: number;
  poison: boolean;
  /** The command it records, when it came from one. */
  cmd?: number;
  /** The payload (CloudEvents `data`), already validated by the command handler. */
  data?: Record<string, unknown>;
}

/** The outcome of one run. `records` is sorted by t (ties in scheduling order). */
export interface Trace {
  scenarioId: string;
  seed: number;
  durationMs: number;
  faults: FaultSpec[];
  /** Every record as an object. A simulated trace builds them from `log` on first read. */
  readonly records: TraceRecord[];
  /** Events by id (index = id). */
  events: EventInfo[];
  /** The engine's column-wise storage of `records` (not enumerable: exports carry `records`). */
  readonly log?: TraceLog;
}
