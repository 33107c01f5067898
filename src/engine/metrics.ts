import { ProcessingJudge } from './invariants';
import type { Scenario, Trace, TraceRecord } from './types';

export interface CommandMetrics {
  submitted: number;
  /** Finished with 2xx. */
  succeeded: number;
  /** Finished with 4xx: the command was wrong (validation); resubmitting it unchanged fails again. */
  rejected: number;
  /** Finished with 5xx or a timeout: a technical failure. */
  failed: number;
  /** Submitted but not finished yet. */
  pending: number;
  /** succeeded / (succeeded + failed): the share of valid commands that worked (rejections are correct answers). */
  successRate: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  meanLatencyMs: number;
  /** Commands whose row was committed but whose caller was told they failed: the sync coupling trap. */
  committedButFailed: number;
  /** Successful commands per second over the window (or the run so far). */
  throughputPerSec: number;
}

/** A service's worker pool over time (time-weighted over the window, or the run so far). */
export interface PoolMetrics {
  workers: number;
  meanBusy: number;
  meanQueued: number;
  maxQueued: number;
}

export interface GroupMetrics {
  topic: string;
  /** Distinct events the group handled successfully (an idempotent skip of a redelivery is not counted twice). */
  processed: number;
  /** Events appended to the group's topic so far. */
  available: number;
  lag: number;
  maxLag: number;
  lost: number;
  /** Extra times an event's effect was applied (processed more than once, not skipped as a duplicate). */
  duplicates: number;
  /** Redeliveries an idempotent consumer recognised and skipped. */
  skippedDuplicates: number;
  deadLettered: number;
  handlerFailures: number;
  rebalances: number;
  /** Events processed after a later event of the same producer and key (src/engine/invariants.ts): corrupt state. */
  outOfOrder: number;
  /** Committed offset per partition (next offset to read). */
  committed: number[];
  /** Distinct events processed, per partition. */
  processedPerPartition: number[];
  /** From the event's creation to its first processing by this group: the eventual-consistency gap. */
  meanDelayMs: number;
  p99DelayMs: number;
}

/** A service's durable store: rows written, business counters, idempotent repeats, outbox. */
export interface StoreMetrics {
  rows: number;
  /** Rows written again for a key already written (a retried or redelivered command applied twice). */
  duplicateRows: number;
  duplicateRequests: number;
  outboxPending: number;
  invalid: number;
  counters: Record<string, number>;
}

/** Per service keeping entity state: how many entities are in each state, and events dropped. */
export type StateMetrics = Record<string, number> & { dropped: number };

export interface Metrics {
  /** Per service that receives client commands (e.g. `checkout`). */
  [service: string]:
    | CommandMetrics
    | Record<string, GroupMetrics>
    | { published: number }
    | Record<string, TopicMetrics>
    | Record<string, StateMetrics>
    | Record<string, QueueMetrics>
    | Record<string, CommandMetrics>
    | Record<string, PoolMetrics>
    | Record<string, StoreMetrics>;
  groups: Record<string, GroupMetrics>;
  state: Record<string, StateMetrics>;
  /** published: appends to business topics; notPublished: records clients gave up sending (to topics and queues). */
  events: { published: number; notPublished: number };
  topics: Record<string, TopicMetrics>;
  queues: Record<string, QueueMetrics>;
  /** Per client: the commands it sent (a client is one kind of caller, e.g. shoppers or browsers). */
  clients: Record<string, CommandMetrics>;
  pool: Record<string, PoolMetrics>;
  store: Record<string, StoreMetrics>;
}

/** A point-to-point queue. depth = ready + unacked: what RabbitMQ's management UI calls "messages". */
export interface QueueMetrics {
  /** Messages appended (publishes confirmed, dead letters received). */
  enqueued: number;
  /** Deliveries that reached a consumer. */
  delivered: number;
  /** Of those, deliveries of a message that had been delivered before. */
  redelivered: number;
  acked: number;
  /** Nacks from a handler (requeued or not); not messages returned by a closed channel. */
  nacked: number;
  /** Unacked messages the broker requeued because their consumer's channel closed (crash). */
  returned: number;
  /** Messages held by the queue at the end (or atMs): ready + unacked. */
  depth: number;
  /** Waiting for a consumer (deliveries on the wire are unacked, as in RabbitMQ). */
  ready: number;
  unacked: number;
  maxDepth: number;
  /** Sent to the dead-letter queue. */
  deadLettered: number;
  /** Rejected or over the delivery limit with no (available) dead-letter queue: gone. */
  dropped: number;
  /** The most deliveries of one copy of a message (what a delivery limit bounds). */
  maxDeliveries: number;
  /** Handler runs that succeeded. */
  handled: number;
  /** Successful handler runs of a message whose handler had already succeeded (its ack was lost): the effect twice. */
  duplicates: number;
  /** Deliveries per message, all its copies together, by message label (`label#id` when two messages share a label). */
  deliveries: Record<string, number>;
}

export interface TopicMetrics {
  appended: number;
  /** When the first record was appended (-1: none yet). */
  firstAppendMs: number;
  partitions: { logStart: number; logEnd: number }[];
}

/** Top-level metric keys that are not per-service command metrics (service ids may not use them). */
export const RESERVED_METRIC_KEYS: readonly string[] = ['groups', 'events', 'topics', 'state', 'queues', 'clients', 'pool', 'store'];

export interface MetricsOptions {
  /** Only records up to this time (inclusive). */
  atMs?: number;
  /** Command metrics over commands submitted in [from, to) only. */
  window?: [number, number];
}

/** Nearest-rank percentile of an ascending array; 0 when empty. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function emptyCommandMetrics(): CommandMetrics {
  return {
    submitted: 0,
    succeeded: 0,
    rejected: 0,
    failed: 0,
    pending: 0,
    successRate: 1,
    p50LatencyMs: 0,
    p99LatencyMs: 0,
    meanLatencyMs: 0,
    committedButFailed: 0,
    throughputPerSec: 0,
  };
}

/** Observers: every number the lab reports about a run, derived from the trace alone. */
export function computeMetrics(trace: Trace, scenario: Scenario, options: MetricsOptions = {}): Metrics {
  const atMs = options.atMs ?? Infinity;
  const window = options.window;
  const commandServices = new Set<string>();
  for (const node of scenario.nodes) {
    if (node.kind === 'client' && scenario.nodes.some((n) => n.id === node.target && n.kind === 'service')) commandServices.add(node.target);
  }
  const groupTopics = new Map<string, string>();
  for (const node of scenario.nodes) if (node.kind === 'service') for (const c of node.consumers) groupTopics.set(c.group, c.topic);

  interface Acc {
    m: CommandMetrics;
    latencies: number[];
    failed: number[];
  }
  const newAcc = (): Acc => ({ m: emptyCommandMetrics(), latencies: [], failed: [] });
  const commands = new Map<number, { service: string; client: string; at: number; inWindow: boolean }>();
  const perService = new Map<string, Acc>();
  for (const s of commandServices) perService.set(s, newAcc());
  const perClient = new Map<string, Acc>();
  for (const node of scenario.nodes) if (node.kind === 'client' && commandServices.has(node.target)) perClient.set(node.id, newAcc());
  const rowsByCommand = new Map<string, Set<number>>();

  // Worker pools, time-weighted over [from, to).
  const poolFrom = window ? window[0] : 0;
  const poolTo = Math.min(window ? window[1] : Infinity, atMs, trace.durationMs);
  const pools = new Map<string, { workers: number; busy: number; queued: number; since: number; busyArea: number; queuedArea: number; maxQueued: number }>();
  for (const node of scenario.nodes) {
    if (node.kind === 'service') pools.set(node.id, { workers: node.workers, busy: 0, queued: 0, since: poolFrom, busyArea: 0, queuedArea: 0, maxQueued: 0 });
  }
  const poolAdvance = (p: { busy: number; queued: number; since: number; busyArea: number; queuedArea: number }, t: number): void => {
    const until = Math.min(Math.max(t, poolFrom), poolTo);
    if (until > p.since) {
      p.busyArea += p.busy * (until - p.since);
      p.queuedArea += p.queued * (until - p.since);
      p.since = until;
    }
  };

  const topics = dict<TopicMetrics>();
  for (const node of scenario.nodes) {
    if (node.kind === 'topic') topics[node.id] = { appended: 0, firstAppendMs: -1, partitions: Array.from({ length: node.partitions }, () => ({ logStart: 0, logEnd: 0 })) };
  }
  const groups = dict<GroupMetrics>();
  const delays = dict<number[]>();
  const rowKeys = dict<Set<string>>();
  const committed = dict<number[]>();
  const lostEvents = dict<Set<number>>();
  const judge = new ProcessingJudge();
  for (const [group, topic] of groupTopics) {
    groups[group] = {
      topic,
      processed: 0,
      available: 0,
      lag: 0,
      maxLag: 0,
      lost: 0,
      duplicates: 0,
      skippedDuplicates: 0,
      deadLettered: 0,
      handlerFailures: 0,
      rebalances: 0,
      outOfOrder: 0,
      committed: [],
      processedPerPartition: topics[topic].partitions.map(() => 0),
      meanDelayMs: 0,
      p99DelayMs: 0,
    };
    delays[group] = [];
    committed[group] = topics[topic].partitions.map(() => 0);
    lostEvents[group] = new Set();
  }
  const groupsByTopic = new Map<string, string[]>();
  for (const [group, topic] of groupTopics) groupsByTopic.set(topic, [...(groupsByTopic.get(topic) ?? []), group]);
  let published = 0;
  let notPublished = 0;
  const store = dict<StoreMetrics>();
  for (const node of scenario.nodes) if (node.kind === 'service') store[node.id] = { rows: 0, duplicateRows: 0, duplicateRequests: 0, outboxPending: 0, invalid: 0, counters: Object.create(null) as Record<string, number> };
  const entityStates = dict<Map<string, string>>();
  const droppedByService = dict<number>();
  const queues = dict<QueueMetrics>();
  const queueIdByLabel = new Map<string, Map<string, number>>();
  /** Per queue, the messages whose handler has succeeded once. */
  const queueHandledOk = new Map<string, Set<number>>();
  for (const node of scenario.nodes) if (node.kind === 'queue') queues[node.id] = emptyQueueMetrics();
  const deadLetterTopics = new Set<string>();
  for (const node of scenario.nodes) {
    if (node.kind === 'service') for (const c of node.consumers) if (c.deadLetterTopic) deadLetterTopics.add(c.deadLetterTopic);
  }

  const lagOf = (group: string): number => {
    const topic = topics[groups[group].topic];
    let lag = 0;
    topic.partitions.forEach((p, i) => (lag += p.logEnd - Math.max(committed[group][i], p.logStart)));
    return lag;
  };

  for (const r of trace.records) {
    if (r.t > atMs) break;
    switch (r.type) {
      case 'command': {
        const inWindow = !window || (r.t >= window[0] && r.t < window[1]);
        commands.set(r.cmd, { service: r.service, client: r.client, at: r.t, inWindow });
        if (!inWindow) break;
        for (const acc of [perService.get(r.service), perClient.get(r.client)]) if (acc) acc.m.submitted++;
        break;
      }
      case 'command-done': {
        const c = commands.get(r.cmd);
        if (!c || !c.inWindow) break;
        for (const acc of [perService.get(c.service), perClient.get(c.client)]) {
          if (!acc) continue;
          if (r.outcome === 'ok') acc.m.succeeded++;
          else if (r.outcome === 'rejected') acc.m.rejected++;
          else {
            acc.m.failed++;
            acc.failed.push(r.cmd);
          }
          acc.latencies.push(r.latencyMs);
        }
        break;
      }
      case 'pool': {
        const p = pools.get(r.node);
        if (!p) break;
        poolAdvance(p, r.t);
        p.busy = r.busy;
        p.queued = r.queued;
        if (r.t >= poolFrom && r.t < poolTo) p.maxQueued = Math.max(p.maxQueued, r.queued);
        break;
      }
      case 'effect':
        store[r.service].counters[r.counter] = r.value;
        break;
      case 'duplicate-request':
        store[r.service].duplicateRequests++;
        break;
      case 'invalid':
        store[r.service].invalid++;
        break;
      case 'outbox':
        store[r.service].outboxPending += r.phase === 'stored' ? 1 : -1;
        break;
      case 'row': {
        store[r.service].rows++;
        const keys = (rowKeys[r.service] ??= new Set());
        if (keys.has(r.key)) store[r.service].duplicateRows++;
        keys.add(r.key);
        let set = rowsByCommand.get(r.service);
        if (!set) rowsByCommand.set(r.service, (set = new Set()));
        set.add(r.cmd);
        break;
      }
      case 'append': {
        const topic = topics[r.topic];
        if (topic.appended === 0) topic.firstAppendMs = r.t;
        topic.appended++;
        topic.partitions[r.partition].logEnd = r.offset + 1;
        // Dead letters are copies of events already counted, not new business events.
        if (!deadLetterTopics.has(r.topic)) published++;
        for (const g of groupsByTopic.get(r.topic) ?? []) {
          groups[g].available++;
          groups[g].maxLag = Math.max(groups[g].maxLag, lagOf(g));
        }
        break;
      }
      case 'retention':
        topics[r.topic].partitions[r.partition].logStart = r.logStart;
        break;
      case 'commit':
        if (committed[r.group]) committed[r.group][r.partition] = r.offset;
        break;
      case 'processed': {
        const g = groups[r.group];
        if (!g) break;
        if (r.skippedDuplicate) {
          g.skippedDuplicates++;
          break;
        }
        const verdict = judge.judge(r.group, trace.events[r.event]);
        if (verdict === 'duplicate') {
          g.duplicates++;
          break;
        }
        g.processed++;
        delays[r.group].push(r.t - trace.events[r.event].time);
        g.processedPerPartition[r.partition]++;
        if (verdict === 'out-of-order') g.outOfOrder++;
        break;
      }
      case 'handler-failed':
        if (groups[r.group]) groups[r.group].handlerFailures++;
        break;
      case 'dead-lettered':
        if (groups[r.group]) groups[r.group].deadLettered++;
        break;
      case 'lost':
        if (lostEvents[r.group] && !lostEvents[r.group].has(r.event)) {
          lostEvents[r.group].add(r.event);
          groups[r.group].lost++;
        }
        break;
      case 'state': {
        const entities = (entityStates[r.service] ??= new Map());
        entities.set(r.key, r.to);
        break;
      }
      case 'dropped':
        droppedByService[r.service] = (droppedByService[r.service] ?? 0) + 1;
        break;
      case 'rebalance':
        if (groups[r.group]) groups[r.group].rebalances++;
        break;
      case 'hop':
      case 'enqueue':
      case 'q-deliver':
      case 'ack':
      case 'nack':
      case 'q-dead-lettered':
        countQueueRecord(queues, queueIdByLabel, trace, r);
        break;
      case 'publish-failed':
        notPublished++;
        break;
      case 'q-handled': {
        const q = queues[r.queue];
        if (!q || !r.ok) break;
        q.handled++;
        let done = queueHandledOk.get(r.queue);
        if (!done) queueHandledOk.set(r.queue, (done = new Set()));
        if (done.has(r.message)) q.duplicates++;
        else done.add(r.message);
        break;
      }
      default:
        break;
    }
  }

  const seconds = (Math.min(window ? window[1] : Infinity, atMs, trace.durationMs) - (window ? window[0] : 0)) / 1000;
  const finish = (acc: Acc, service: string): CommandMetrics => {
    const m = acc.m;
    const sorted = acc.latencies.sort((a, b) => a - b);
    m.pending = m.submitted - (m.succeeded + m.rejected + m.failed);
    m.successRate = m.succeeded + m.failed === 0 ? 1 : m.succeeded / (m.succeeded + m.failed);
    m.p50LatencyMs = percentile(sorted, 0.5);
    m.p99LatencyMs = percentile(sorted, 0.99);
    m.meanLatencyMs = sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const rows = rowsByCommand.get(service);
    m.committedButFailed = rows ? acc.failed.filter((cmd) => rows.has(cmd)).length : 0;
    m.throughputPerSec = seconds > 0 ? m.succeeded / seconds : 0;
    return m;
  };
  const clientTargets = new Map(scenario.nodes.flatMap((n) => (n.kind === 'client' ? [[n.id, n.target] as const] : [])));
  const clients = dict<CommandMetrics>();
  for (const [client, acc] of perClient) clients[client] = finish(acc, clientTargets.get(client)!);
  const pool = dict<PoolMetrics>();
  for (const [id, p] of pools) {
    poolAdvance(p, poolTo);
    const span = poolTo - poolFrom;
    pool[id] = { workers: p.workers, meanBusy: span > 0 ? p.busyArea / span : 0, meanQueued: span > 0 ? p.queuedArea / span : 0, maxQueued: p.maxQueued };
  }
  for (const g of Object.keys(groups)) {
    const sorted = delays[g].sort((a, b) => a - b);
    groups[g].meanDelayMs = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
    groups[g].p99DelayMs = percentile(sorted, 0.99);
    groups[g].lag = lagOf(g);
    groups[g].committed = [...committed[g]];
  }
  const state = dict<StateMetrics>();
  for (const node of scenario.nodes) {
    if (node.kind !== 'service' || !node.state) continue;
    // A prototype-free object: entity states named like `constructor` or `__proto__` are plain keys.
    const counts = Object.assign(Object.create(null), { dropped: droppedByService[node.id] ?? 0 }) as StateMetrics;
    for (const to of Object.values(node.state.transitions)) counts[to.to] ??= 0;
    for (const value of entityStates[node.id]?.values() ?? []) counts[value] = (counts[value] ?? 0) + 1;
    state[node.id] = counts;
  }

  const metrics = Object.assign(dict<unknown>(), { groups, events: { published, notPublished }, topics, state, queues, clients, pool, store }) as Metrics;
  for (const [service, acc] of perService) metrics[service] = finish(acc, service);
  return metrics;
}

/**
 * A dictionary keyed by names from the scenario (node ids, labels, entity states): without a
 * prototype, so `constructor` or `toString` are plain keys like any other.
 */
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function emptyQueueMetrics(): QueueMetrics {
  return {
    enqueued: 0,
    delivered: 0,
    redelivered: 0,
    acked: 0,
    nacked: 0,
    returned: 0,
    depth: 0,
    ready: 0,
    unacked: 0,
    maxDepth: 0,
    deadLettered: 0,
    dropped: 0,
    maxDeliveries: 0,
    handled: 0,
    duplicates: 0,
    deliveries: dict<number>(),
  };
}

/**
 * Queue counts, replayed from the records. A delivery leaves `ready` when it is sent (its hop
 * queue → service), not when it arrives, so ready + unacked never dips while a message travels.
 */
function countQueueRecord(
  queues: Record<string, QueueMetrics>,
  idsByLabel: Map<string, Map<string, number>>,
  trace: Trace,
  r: Extract<TraceRecord, { type: 'hop' | 'enqueue' | 'q-deliver' | 'ack' | 'nack' | 'q-dead-lettered' }>,
): void {
  const messageKey = (queue: string, message: number): string => {
    let ids = idsByLabel.get(queue);
    if (!ids) idsByLabel.set(queue, (ids = new Map()));
    const label = trace.events[message]?.label ?? String(message);
    const owner = ids.get(label);
    if (owner === undefined) ids.set(label, message);
    return owner === undefined || owner === message ? label : `${label}#${message}`;
  };
  if (r.type === 'hop') {
    // A delivery (queue → consumer's service); a dead letter's hop goes queue → queue and is not one.
    const q = queues[r.from];
    if (!q || r.kind !== 'command' || queues[r.to]) return;
    q.ready--;
    q.unacked++;
    return;
  }
  const q = queues[r.queue];
  if (!q) return;
  switch (r.type) {
    case 'enqueue': {
      q.enqueued++;
      q.ready++;
      const key = messageKey(r.queue, r.message);
      q.deliveries[key] ??= 0;
      break;
    }
    case 'q-deliver':
      q.delivered++;
      if (r.redelivered) q.redelivered++;
      q.deliveries[messageKey(r.queue, r.message)]++;
      // Per copy (a publisher's retry may enqueue a message twice; each copy counts its own deliveries).
      q.maxDeliveries = Math.max(q.maxDeliveries, r.delivery);
      break;
    case 'ack':
      q.acked++;
      q.unacked--;
      break;
    case 'nack':
      if (r.channelClosed) q.returned++;
      else q.nacked++;
      q.unacked--;
      if (r.requeue) q.ready++;
      break;
    case 'q-dead-lettered':
      if (r.deadLetterQueue !== undefined) q.deadLettered++;
      else q.dropped++;
      // Over the delivery limit the message was being requeued: it never went back to ready.
      if (r.reason === 'delivery-limit') q.ready--;
      break;
  }
  q.depth = q.ready + q.unacked;
  q.maxDepth = Math.max(q.maxDepth, q.depth);
}
