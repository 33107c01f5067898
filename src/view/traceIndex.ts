// One linear pass over a trace that turns it into per-entity time series, so that every
// "state of the world at t" question becomes a binary search instead of a replay.
//
// Why series of parallel number arrays rather than arrays of objects: a 10-minute run holds
// ~500k records, and the index must be rebuilt whenever an intervention recomputes the run.
// Parallel arrays of numbers are packed by V8 (8 bytes an entry, no per-entry object), and
// anything bigger than a number (a hop's label, an append's key) is not copied: the series
// stores the record's position in `trace.records` and the query reads the record itself.
//
// Conventions every query follows:
//   - "at t" means after every record whose t <= t has happened (a record at exactly t counts);
//   - a hop is in flight on [hop.t, hop.arriveAt): visible when it leaves, gone when it lands;
//   - where a number also exists in the engine's computeMetrics (src/engine/metrics.ts), it is
//     defined the same way, so the panel at the end of a run shows what the CLI and the
//     scenario expectations see (tests/unit/viewEngineAgreement.test.ts checks this).

import { ProcessingJudge } from '../engine/invariants';
import type {
  CommandOutcome,
  ConsumerSpec,
  NodeSpec,
  NodeStatus,
  QueueSpec,
  Scenario,
  TopicSpec,
  Trace,
  TraceRecord,
} from '../engine/types';
import { PrefixPercentiles } from './prefixPercentiles';

/** Hops whose durations lie within a factor of two of each other, sorted by departure. */
export interface HopClass {
  /** Longest duration in this class: a hop in flight at t departed in (t - maxDurationMs, t]. */
  maxDurationMs: number;
  depart: number[];
  arrive: number[];
  /** Position of the hop in trace.records: the token's stable key. */
  record: number[];
}

export interface NodeSeries {
  t: number[];
  status: NodeStatus[];
}

export interface PoolSeries {
  t: number[];
  busy: number[];
  queued: number[];
}

export interface PartitionSeries {
  /** appendT[o] = time offset o was appended (offsets start at 0 and are contiguous). */
  appendT: number[];
  /** appendRecord[o] = position of offset o's append record in trace.records. */
  appendRecord: number[];
  retentionT: number[];
  retentionLogStart: number[];
}

export interface TopicIndex {
  id: string;
  spec: TopicSpec | undefined;
  partitions: PartitionSeries[];
  /** Every append to this topic, any partition: "events published to this topic so far". */
  appendT: number[];
}

export interface CommitSeries {
  t: number[];
  offset: number[];
}

/** A group reading a topic. Declared ones exist from the start; others from their first record. */
export interface Subscription {
  group: string;
  topic: string;
  /** -Infinity when declared in the scenario, else the time of the first record that revealed it. */
  since: number;
  /** Per partition; undefined until the group first commits that partition. */
  commits: (CommitSeries | undefined)[];
}

/**
 * Where a group reads a partition from: its committed offset (0 before any commit, Kafka's
 * "earliest"), but never below the log start, because records deleted by retention are lost
 * (reported by `lost` records), not owed. Same rule as the engine's metrics.
 */
export function readPosition(committed: number | undefined, logStart: number): number {
  return Math.max(committed ?? 0, logStart);
}

export interface GroupIndex {
  id: string;
  /** Service that declares the consumer (the first one, if several share the group id). */
  service: string | undefined;
  spec: ConsumerSpec | undefined;
  /** Keyed by topic id, in the order they became known. */
  subscriptions: Map<string, Subscription>;
  assignT: number[];
  assignRecord: number[];
  rebalanceT: number[];
  /** Total lag over all subscribed partitions as a step function (one entry per distinct t). */
  lagT: number[];
  /** Lag after the last record at lagT[i]. */
  lag: number[];
  /**
   * Largest lag up to and including lagT[i], counting momentary values inside one instant (an
   * append followed by a commit at the same t): the engine's maxLag is sampled after each append.
   */
  maxLag: number[];
  /** First non-duplicate processing of each distinct event. */
  processedT: number[];
  /** Every further non-skipped processing of an already processed event (an extra side effect). */
  duplicateT: number[];
  /** Redeliveries an idempotent consumer recognised and skipped. */
  skippedDuplicateT: number[];
  /** First processings that came after a later offset of the same key (corrupt state). */
  outOfOrderT: number[];
  handlerFailedT: number[];
  deadLetteredT: number[];
  /**
   * First `lost` record of each distinct event: events this group will never process
   * (committed past while unprocessed, or deleted by retention before it got to them).
   */
  lostT: number[];
}

/** A point-to-point queue: its depth and unacked count as step functions, and its traffic. */
export interface QueueIndex {
  id: string;
  spec: QueueSpec | undefined;
  /** Times at which depth/unacked are reported; depth[i] and unacked[i] hold from stateT[i] on. */
  stateT: number[];
  depth: number[];
  unacked: number[];
  enqueuedT: number[];
  deliveredT: number[];
  /** Deliveries of a message that had been delivered before (after a nack or a consumer crash). */
  redeliveredT: number[];
  ackedT: number[];
  /** Nacks from a handler. */
  nackedT: number[];
  /** Unacked messages the broker requeued because their consumer's channel closed (a crash). */
  returnedT: number[];
  /** Sent to the dead-letter queue. */
  deadLetteredT: number[];
  /** Rejected or over the limit with no (available) dead-letter queue: gone. */
  droppedT: number[];
  /** Successful handler runs of a message already handled once (its ack was lost). */
  handledTwiceT: number[];
}

/** A network link between two nodes, cut and restored by `cut` faults. */
export interface LinkSeries {
  a: string;
  b: string;
  t: number[];
  cut: boolean[];
}

/** Commands and their outcomes, for all commands or for those aimed at one service. */
export interface CommandSeries {
  /** Undefined for the series of all commands. */
  service: string | undefined;
  submittedT: number[];
  doneT: number[];
  /** doneLatency[i] belongs to doneT[i]: percentiles read prefixes of this array. */
  doneLatency: number[];
  /** latencySum[i] = doneLatency[0] + … + doneLatency[i]: the mean so far is one lookup. */
  latencySum: number[];
  okT: number[];
  rejectedT: number[];
  failedT: number[];
  /**
   * Failed commands whose row the service had committed anyway (the caller timed out or a later
   * step failed): counted at the later of the failure and the row. The sync coupling trap.
   */
  committedButFailedT: number[];
  /** Built on the first percentile query (sorting costs O(n log n); many views never ask). */
  percentiles: PrefixPercentiles | undefined;
}

export interface TraceIndex {
  trace: Trace;
  scenario: Scenario;
  /** Last moment anything happens: the run's duration, last record or last arrival. */
  endMs: number;
  /** Scenario nodes in declaration order, then undeclared nodes in order of first appearance. */
  nodeIds: string[];
  nodeSpecs: Map<string, NodeSpec>;
  nodeStatus: Map<string, NodeSeries>;
  pools: Map<string, PoolSeries>;
  /** Per node, when a crash fault killed it mid-message. */
  crashT: Map<string, number[]>;
  /** Keyed `a->b` as the trace names the link. */
  links: Map<string, LinkSeries>;
  hopCount: number;
  maxHopDurationMs: number;
  /** Non-empty duration classes, shortest first. */
  hopClasses: HopClass[];
  /** Every delivered hop's arriveAt, ascending: what Step walks through (dropped hops never land). */
  arrivals: Float64Array;
  /** Declared topics first, then topics first seen in records. */
  topics: Map<string, TopicIndex>;
  groups: Map<string, GroupIndex>;
  /** Declared queues first, then queues first seen in records. */
  queues: Map<string, QueueIndex>;
  commands: CommandSeries;
  /** Keyed by the service a command was submitted to; services clients target are always present. */
  commandsByService: Map<string, CommandSeries>;
  /** Appends to business topics: dead-letter topics hold copies, not new events (as the engine counts). */
  publishedT: number[];
  /** When a client gave up on a record it was writing straight to a topic or queue: all, and per client. */
  notPublishedT: number[];
  notPublishedByClient: Map<string, number[]>;
}

/** Thrown when a trace breaks the ordering the binary searches rely on (an engine bug). */
export class TraceContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceContractError';
  }
}

function newCommandSeries(service: string | undefined): CommandSeries {
  return {
    service,
    submittedT: [],
    doneT: [],
    doneLatency: [],
    latencySum: [],
    okT: [],
    rejectedT: [],
    failedT: [],
    committedButFailedT: [],
    percentiles: undefined,
  };
}

function newGroup(id: string, service: string | undefined, spec: ConsumerSpec | undefined): GroupIndex {
  return {
    id,
    service,
    spec,
    subscriptions: new Map(),
    assignT: [],
    assignRecord: [],
    rebalanceT: [],
    lagT: [],
    lag: [],
    maxLag: [],
    processedT: [],
    duplicateT: [],
    skippedDuplicateT: [],
    outOfOrderT: [],
    handlerFailedT: [],
    deadLetteredT: [],
    lostT: [],
  };
}

/** Duration class c holds durations in (2^(c-1), 2^c]; class 0 holds (0, 1]. */
function durationClass(d: number): number {
  return d <= 1 ? 0 : Math.ceil(Math.log2(d));
}

function outcomeSeries(s: CommandSeries, outcome: CommandOutcome): number[] {
  switch (outcome) {
    case 'ok':
      return s.okT;
    case 'rejected':
      return s.rejectedT;
    case 'failed':
      return s.failedT;
  }
}

// Build-time companions of the index entities: the running values the pass needs (current log
// bounds, committed offsets, lag, seen events) live here and are dropped when the build returns.
// Holding direct references also saves a Map lookup per record on the hot paths (appends fan
// out to every reading group).

interface TopicBuild {
  index: TopicIndex;
  logEnd: number[];
  logStart: number[];
  /** Subscriptions whose lag moves when this topic's log moves. */
  readers: SubscriptionBuild[];
}

interface GroupBuild {
  index: GroupIndex;
  lag: number;
  /** The engine may report one event lost twice (a crash, then retention): count it once. */
  lost: Set<number>;
  subs: Map<string, SubscriptionBuild>;
}

interface SubscriptionBuild {
  sub: Subscription;
  group: GroupBuild;
  topic: TopicBuild;
  /** Per partition; undefined = never committed. */
  committed: (number | undefined)[];
  /** Per partition: what it adds to the group's lag now (logEnd − read position). */
  owed: number[];
}

export function buildTraceIndex(trace: Trace, scenario: Scenario): TraceIndex {
  const records = trace.records;

  // ── Entities known from the scenario, so views can list them before they have records ──
  const nodeIds: string[] = [];
  const nodeSpecs = new Map<string, NodeSpec>();
  const nodeStatus = new Map<string, NodeSeries>();
  const pools = new Map<string, PoolSeries>();
  const crashT = new Map<string, number[]>();
  const links = new Map<string, LinkSeries>();
  const topics = new Map<string, TopicIndex>();
  const groups = new Map<string, GroupIndex>();
  const queues = new Map<string, QueueIndex>();
  const commands = newCommandSeries(undefined);
  const commandsByService = new Map<string, CommandSeries>();
  const publishedT: number[] = [];
  const notPublishedT: number[] = [];
  const notPublishedByClient = new Map<string, number[]>();

  /** Build state, keyed like `topics` and `groups`. */
  const topicBuilds = new Map<string, TopicBuild>();
  const groupBuilds = new Map<string, GroupBuild>();
  /** Series of the service each unfinished command was sent to, so its outcome lands there too. */
  const seriesOfCommand = new Map<number, CommandSeries>();
  /** Per service, commands it committed a row for; and failed commands still without a row. */
  const rowsOf = new Map<string, Set<number>>();
  const failedWithoutRow = new Map<string, Set<number>>();
  /** Where dead letters go: appends there are not counted as published events. */
  const deadLetterTopics = new Set<string>();

  const ensureNode = (id: string): void => {
    if (!nodeStatus.has(id)) {
      nodeIds.push(id);
      nodeStatus.set(id, { t: [], status: [] });
    }
  };

  const ensureTopic = (id: string): TopicBuild => {
    let tb = topicBuilds.get(id);
    if (!tb) {
      const index: TopicIndex = { id, spec: undefined, partitions: [], appendT: [] };
      topics.set(id, index);
      tb = { index, logEnd: [], logStart: [], readers: [] };
      topicBuilds.set(id, tb);
    }
    return tb;
  };

  const ensurePartition = (tb: TopicBuild, p: number): PartitionSeries => {
    const parts = tb.index.partitions;
    while (parts.length <= p) {
      parts.push({ appendT: [], appendRecord: [], retentionT: [], retentionLogStart: [] });
      tb.logEnd.push(0);
      tb.logStart.push(0);
    }
    return parts[p];
  };

  const ensureQueue = (id: string): QueueIndex => {
    let queue = queues.get(id);
    if (!queue) {
      queue = {
        id,
        spec: undefined,
        stateT: [],
        depth: [],
        unacked: [],
        enqueuedT: [],
        deliveredT: [],
        redeliveredT: [],
        ackedT: [],
        nackedT: [],
        returnedT: [],
        deadLetteredT: [],
        droppedT: [],
        handledTwiceT: [],
      };
      queues.set(id, queue);
    }
    return queue;
  };

  /** `enqueue` reports no unacked count: it leaves the previous one standing. */
  const setQueueState = (queue: QueueIndex, t: number, depth: number, unacked: number | undefined): void => {
    const n = queue.stateT.length;
    queue.stateT.push(t);
    queue.depth.push(depth);
    queue.unacked.push(unacked ?? (n > 0 ? queue.unacked[n - 1] : 0));
  };

  const ensureGroup = (id: string): GroupBuild => {
    let gb = groupBuilds.get(id);
    if (!gb) {
      const index = newGroup(id, undefined, undefined);
      groups.set(id, index);
      gb = { index, lag: 0, lost: new Set(), subs: new Map() };
      groupBuilds.set(id, gb);
    }
    return gb;
  };

  /**
   * Lag is a step function per group: records at the same t share one entry holding the value
   * after the last of them, while the max keeps any higher momentary value in between.
   */
  const setLag = (gb: GroupBuild, t: number, lag: number): void => {
    gb.lag = lag;
    const g = gb.index;
    const n = g.lagT.length;
    if (n > 0 && g.lagT[n - 1] === t) {
      g.lag[n - 1] = lag;
      if (lag > g.maxLag[n - 1]) g.maxLag[n - 1] = lag;
    } else {
      g.lagT.push(t);
      g.lag.push(lag);
      g.maxLag.push(Math.max(n > 0 ? g.maxLag[n - 1] : 0, lag));
    }
  };

  /** Recompute what one partition adds to the group's lag after its log or offset moved. */
  const refreshOwed = (sb: SubscriptionBuild, p: number, t: number): void => {
    const owed = sb.topic.logEnd[p] - readPosition(sb.committed[p], sb.topic.logStart[p]);
    const delta = owed - (sb.owed[p] ?? 0);
    sb.owed[p] = owed;
    if (delta !== 0) setLag(sb.group, t, sb.group.lag + delta);
  };

  /**
   * A declared subscription exists before any record (every log is empty: it owes nothing).
   * One discovered mid-run starts owing what is in the log, computed by the caller once it
   * has applied the discovering record (so a discovering commit is not first owed, then paid).
   */
  const newSubscription = (gb: GroupBuild, topicId: string, since: number): SubscriptionBuild => {
    const tb = ensureTopic(topicId);
    const sub: Subscription = { group: gb.index.id, topic: topicId, since, commits: [] };
    gb.index.subscriptions.set(topicId, sub);
    const sb: SubscriptionBuild = { sub, group: gb, topic: tb, committed: [], owed: [] };
    gb.subs.set(topicId, sb);
    tb.readers.push(sb);
    return sb;
  };

  const ensureSubscription = (gb: GroupBuild, topicId: string, t: number): SubscriptionBuild => {
    let sb = gb.subs.get(topicId);
    if (!sb) {
      sb = newSubscription(gb, topicId, t);
      for (let p = 0; p < sb.topic.logEnd.length; p++) refreshOwed(sb, p, t);
    }
    return sb;
  };

  for (const node of scenario.nodes) {
    nodeSpecs.set(node.id, node);
    ensureNode(node.id);
    if (node.kind === 'topic') {
      const tb = ensureTopic(node.id);
      tb.index.spec = node;
      ensurePartition(tb, node.partitions - 1);
    } else if (node.kind === 'queue') {
      ensureQueue(node.id).spec = node;
    } else if (node.kind === 'service') {
      pools.set(node.id, { t: [], busy: [], queued: [] });
      for (const c of node.consumers) if (c.deadLetterTopic !== undefined) deadLetterTopics.add(c.deadLetterTopic);
    }
  }
  // Services that clients send commands to report command metrics even before the first one.
  for (const node of scenario.nodes) {
    if (node.kind === 'client' && nodeSpecs.get(node.target)?.kind === 'service' && !commandsByService.has(node.target)) {
      commandsByService.set(node.target, newCommandSeries(node.target));
    }
  }
  for (const node of scenario.nodes) {
    if (node.kind !== 'service') continue;
    for (const consumer of node.consumers) {
      const gb = ensureGroup(consumer.group);
      if (gb.index.spec === undefined) {
        gb.index.spec = consumer;
        gb.index.service = node.id;
      }
      if (!gb.subs.has(consumer.topic)) newSubscription(gb, consumer.topic, -Infinity);
    }
  }

  // ── The pass ──
  /** Queue messages whose handler has succeeded, as `queue\0message`. */
  const queueHandled = new Set<string>();
  /** Duplicates and order, by the engine's own rules. */
  const judge = new ProcessingJudge();
  let hopCount = 0;
  let maxHopDurationMs = 0;
  const classes = new Map<number, HopClass>();
  const arrivalsList: number[] = [];
  let prevT = -Infinity;
  /** Latest record time or hop arrival: a hop may land after the last record is written. */
  let lastT = -Infinity;

  for (let i = 0; i < records.length; i++) {
    const r: TraceRecord = records[i];
    if (r.t < prevT) {
      throw new TraceContractError(`trace.records[${i}] at t=${r.t} comes after t=${prevT}: records must be sorted by t`);
    }
    prevT = r.t;
    if (r.t > lastT) lastT = r.t;

    switch (r.type) {
      case 'hop': {
        const d = r.arriveAt - r.t;
        if (!(d >= 0)) throw new TraceContractError(`trace.records[${i}]: hop arrives (${r.arriveAt}) before it departs (${r.t})`);
        hopCount++;
        // A hop dropped by a cut link still sets off (the token shows it), but delivers nothing.
        if (!r.lost) arrivalsList.push(r.arriveAt);
        if (r.arriveAt > lastT) lastT = r.arriveAt;
        // A zero-length hop is never in flight; it only matters to Step, via `arrivals`.
        if (d > 0) {
          if (d > maxHopDurationMs) maxHopDurationMs = d;
          const c = durationClass(d);
          let cls = classes.get(c);
          if (!cls) {
            cls = { maxDurationMs: 0, depart: [], arrive: [], record: [] };
            classes.set(c, cls);
          }
          if (d > cls.maxDurationMs) cls.maxDurationMs = d;
          cls.depart.push(r.t);
          cls.arrive.push(r.arriveAt);
          cls.record.push(i);
        }
        break;
      }
      case 'node': {
        ensureNode(r.node);
        const s = nodeStatus.get(r.node)!;
        s.t.push(r.t);
        s.status.push(r.status);
        break;
      }
      case 'crash': {
        ensureNode(r.node);
        let s = crashT.get(r.node);
        if (!s) crashT.set(r.node, (s = []));
        s.push(r.t);
        break;
      }
      case 'link': {
        const key = `${r.a}->${r.b}`;
        let s = links.get(key);
        if (!s) links.set(key, (s = { a: r.a, b: r.b, t: [], cut: [] }));
        s.t.push(r.t);
        s.cut.push(r.cut);
        break;
      }
      case 'pool': {
        ensureNode(r.node);
        let s = pools.get(r.node);
        if (!s) {
          s = { t: [], busy: [], queued: [] };
          pools.set(r.node, s);
        }
        s.t.push(r.t);
        s.busy.push(r.busy);
        s.queued.push(r.queued);
        break;
      }
      case 'command': {
        commands.submittedT.push(r.t);
        let s = commandsByService.get(r.service);
        if (!s) {
          s = newCommandSeries(r.service);
          commandsByService.set(r.service, s);
        }
        s.submittedT.push(r.t);
        seriesOfCommand.set(r.cmd, s);
        break;
      }
      case 'command-done': {
        const s = seriesOfCommand.get(r.cmd);
        seriesOfCommand.delete(r.cmd); // a command finishes once; keep the map small
        const targets = s !== undefined ? [commands, s] : [commands];
        for (const series of targets) {
          const n = series.doneT.length;
          series.doneT.push(r.t);
          series.doneLatency.push(r.latencyMs);
          series.latencySum.push((n > 0 ? series.latencySum[n - 1] : 0) + r.latencyMs);
          outcomeSeries(series, r.outcome).push(r.t);
        }
        if (r.outcome === 'failed' && s !== undefined) {
          const service = s.service!;
          if (rowsOf.get(service)?.has(r.cmd)) {
            commands.committedButFailedT.push(r.t);
            s.committedButFailedT.push(r.t);
          } else {
            let waiting = failedWithoutRow.get(service);
            if (!waiting) failedWithoutRow.set(service, (waiting = new Set()));
            waiting.add(r.cmd);
          }
        }
        break;
      }
      case 'row': {
        let rows = rowsOf.get(r.service);
        if (!rows) rowsOf.set(r.service, (rows = new Set()));
        rows.add(r.cmd);
        // The caller already gave up, and now the order exists anyway.
        const waiting = failedWithoutRow.get(r.service);
        if (waiting?.delete(r.cmd)) {
          commands.committedButFailedT.push(r.t);
          commandsByService.get(r.service)?.committedButFailedT.push(r.t);
        }
        break;
      }
      case 'append': {
        const tb = ensureTopic(r.topic);
        const part = ensurePartition(tb, r.partition);
        if (r.offset !== part.appendT.length) {
          throw new TraceContractError(
            `trace.records[${i}]: ${r.topic}[${r.partition}] appends offset ${r.offset}, expected ${part.appendT.length} (offsets start at 0 and are contiguous)`,
          );
        }
        part.appendT.push(r.t);
        part.appendRecord.push(i);
        tb.index.appendT.push(r.t);
        if (!deadLetterTopics.has(r.topic)) publishedT.push(r.t);
        tb.logEnd[r.partition] = r.offset + 1;
        for (const sb of tb.readers) refreshOwed(sb, r.partition, r.t);
        break;
      }
      case 'retention': {
        const tb = ensureTopic(r.topic);
        const part = ensurePartition(tb, r.partition);
        part.retentionT.push(r.t);
        part.retentionLogStart.push(r.logStart);
        tb.logStart[r.partition] = r.logStart;
        // Groups positioned before the new log start no longer owe the deleted records.
        for (const sb of tb.readers) refreshOwed(sb, r.partition, r.t);
        break;
      }
      case 'commit': {
        const gb = ensureGroup(r.group);
        const known = gb.subs.get(r.topic);
        const sb = known ?? newSubscription(gb, r.topic, r.t);
        ensurePartition(sb.topic, r.partition);
        let series = sb.sub.commits[r.partition];
        if (!series) {
          series = { t: [], offset: [] };
          sb.sub.commits[r.partition] = series;
        }
        series.t.push(r.t);
        series.offset.push(r.offset);
        sb.committed[r.partition] = r.offset;
        if (known) refreshOwed(sb, r.partition, r.t);
        else for (let p = 0; p < sb.topic.logEnd.length; p++) refreshOwed(sb, p, r.t);
        break;
      }
      case 'assign': {
        const group = ensureGroup(r.group).index;
        group.assignT.push(r.t);
        group.assignRecord.push(i);
        break;
      }
      case 'rebalance': {
        ensureGroup(r.group).index.rebalanceT.push(r.t);
        break;
      }
      case 'deliver': {
        // Delivery itself changes no state the views show; it does reveal the subscription.
        ensureSubscription(ensureGroup(r.group), r.topic, r.t);
        break;
      }
      case 'processed': {
        const gb = ensureGroup(r.group);
        ensureSubscription(gb, r.topic, r.t);
        if (r.skippedDuplicate) {
          // An idempotent consumer's no-op: neither a new processing nor a duplicate effect.
          gb.index.skippedDuplicateT.push(r.t);
          break;
        }
        const verdict = judge.judge(r.group, trace.events[r.event]);
        if (verdict === 'duplicate') {
          gb.index.duplicateT.push(r.t);
          break;
        }
        gb.index.processedT.push(r.t);
        if (verdict === 'out-of-order') gb.index.outOfOrderT.push(r.t);
        break;
      }
      case 'handler-failed': {
        const gb = ensureGroup(r.group);
        ensureSubscription(gb, r.topic, r.t);
        gb.index.handlerFailedT.push(r.t);
        break;
      }
      case 'dead-lettered': {
        const gb = ensureGroup(r.group);
        ensureSubscription(gb, r.topic, r.t);
        gb.index.deadLetteredT.push(r.t);
        break;
      }
      case 'lost': {
        const gb = ensureGroup(r.group);
        ensureSubscription(gb, r.topic, r.t);
        if (!gb.lost.has(r.event)) {
          gb.lost.add(r.event);
          gb.index.lostT.push(r.t);
        }
        break;
      }
      case 'enqueue': {
        const queue = ensureQueue(r.queue);
        queue.enqueuedT.push(r.t);
        setQueueState(queue, r.t, r.depth, undefined);
        break;
      }
      case 'q-deliver': {
        const queue = ensureQueue(r.queue);
        queue.deliveredT.push(r.t);
        if (r.redelivered) queue.redeliveredT.push(r.t);
        setQueueState(queue, r.t, r.depth, r.unacked);
        break;
      }
      case 'ack': {
        const queue = ensureQueue(r.queue);
        queue.ackedT.push(r.t);
        setQueueState(queue, r.t, r.depth, r.unacked);
        break;
      }
      case 'nack': {
        const queue = ensureQueue(r.queue);
        (r.channelClosed ? queue.returnedT : queue.nackedT).push(r.t);
        setQueueState(queue, r.t, r.depth, r.unacked);
        break;
      }
      case 'q-dead-lettered': {
        const queue = ensureQueue(r.queue);
        (r.deadLetterQueue !== undefined ? queue.deadLetteredT : queue.droppedT).push(r.t);
        break;
      }
      case 'publish-failed': {
        notPublishedT.push(r.t);
        let mine = notPublishedByClient.get(r.client);
        if (!mine) notPublishedByClient.set(r.client, (mine = []));
        mine.push(r.t);
        break;
      }
      case 'q-handled': {
        if (!r.ok) break;
        const key = `${r.queue}\u0000${r.message}`;
        if (queueHandled.has(key)) ensureQueue(r.queue).handledTwiceT.push(r.t);
        else queueHandled.add(key);
        break;
      }
      case 'handled':
      case 'state':
      case 'dropped':
        // Not shown by the view yet: per-entity business state (and events dropped for arriving
        // in the wrong state) will need their own per-service series when a panel shows them.
        break;
      default:
        // A record type newer than this view: ignored until the view learns to show it. (Not a
        // compile-time `never` check: the contract grows while the engine is written, and that
        // must not break the build; the agreement tests catch numbers that drift.)
        break;
    }
  }

  const arrivals = Float64Array.from(arrivalsList);
  arrivals.sort(); // typed-array sort is numeric; hop arrivals are only nearly sorted by departure

  const hopClasses = [...classes.entries()].sort((a, b) => a[0] - b[0]).map(([, cls]) => cls);

  return {
    trace,
    scenario,
    endMs: Math.max(trace.durationMs, lastT === -Infinity ? 0 : lastT),
    nodeIds,
    nodeSpecs,
    nodeStatus,
    pools,
    crashT,
    links,
    hopCount,
    maxHopDurationMs,
    hopClasses,
    arrivals,
    topics,
    groups,
    queues,
    commands,
    commandsByService,
    publishedT,
    notPublishedT,
    notPublishedByClient,
  };
}
