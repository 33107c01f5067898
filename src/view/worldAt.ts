// The state of the world at virtual time t, read from a TraceIndex with binary searches.
// The UI calls this every animation frame, so it allocates only what it returns and touches
// only the entities it reports on: O(entities · log records + messages in flight).

import type { HopRecord, MessageKind, NodeSpec, NodeStatus, TraceRecord } from '../engine/types';
import { lastAtOrBefore, lowerBound, upperBound } from './search';
import { readPosition, type GroupIndex, type PartitionSeries, type Subscription, type TraceIndex } from './traceIndex';

/** A message in flight along the edge from → to. */
export interface Token {
  /** Position of the hop in trace.records: stable across frames (and across reruns that share the prefix). */
  key: number;
  kind: MessageKind;
  label: string;
  status: number | undefined;
  from: string;
  to: string;
  ref: number;
  departAt: number;
  arriveAt: number;
  /** 0 when it leaves `from`, approaching 1 as it reaches `to` (linear in time). */
  progress: number;
  /** Dropped by a cut link: it sets off but never arrives (the UI may fade it out). */
  lost: boolean;
}

export interface PoolView {
  busy: number;
  queued: number;
  /** Capacity, from ServiceSpec.workers. */
  workers: number;
  /** Capacity of the waiting line, from ServiceSpec.queueLimit. */
  queueLimit: number;
}

export interface NodeView {
  id: string;
  /** Undefined for a node that appears in the trace but not in the scenario. */
  kind: NodeSpec['kind'] | undefined;
  label: string;
  status: NodeStatus;
  /** Services only. */
  pool: PoolView | undefined;
  /** Times a crash fault killed it mid-message so far. */
  crashes: number;
}

export interface RecentRecord {
  offset: number;
  t: number;
  key: string;
  eventType: string;
  event: number;
  /** The event's short label (`o12`), or its key when the trace has no envelope for it. */
  label: string;
}

export interface PartitionView {
  partition: number;
  /** First offset still in the log (retention moves it). */
  logStart: number;
  /** Next offset to be written: last appended offset + 1. */
  logEnd: number;
  /** The newest retained records, oldest first. */
  recent: RecentRecord[];
}

export interface GroupPartitionView {
  partition: number;
  /**
   * Next offset the group will read: its committed offset (0 before its first commit), or the
   * log start if retention deleted past it (those records are lost, not owed).
   */
  committed: number;
  /** logEnd − committed. */
  lag: number;
  /** Member the partition is assigned to, if any. */
  member: string | undefined;
}

export interface GroupView {
  group: string;
  topic: string;
  /** Service declaring the consumer; undefined for a group seen only in the trace. */
  service: string | undefined;
  /**
   * Members named in the current assignment, in its order (empty before the first `assign`).
   * The engine lists every member it knows, so a crashed one appears with no partitions.
   */
  members: string[];
  /** The current `assign` record's map, shared not copied: treat as read-only. */
  assignment: Readonly<Record<string, readonly number[]>>;
  partitions: GroupPartitionView[];
  /** Sum of the partitions' lag on this topic. */
  lag: number;
  /** A rebalance started and no assignment has followed it yet. */
  rebalancing: boolean;
}

export interface TopicView {
  id: string;
  label: string;
  partitions: PartitionView[];
  /** Groups reading this topic, keyed by group id. */
  groups: Record<string, GroupView>;
}

export interface QueueView {
  id: string;
  label: string;
  /**
   * Messages ready: waiting to be delivered (RabbitMQ's "ready"), as the trace's `depth` fields
   * report it. The metric `queues.<q>.depth` is ready + unacked (RabbitMQ's "messages"); the UI
   * therefore says "ready", never "depth", for this number.
   */
  depth: number;
  /** Messages delivered and not yet acked or nacked. */
  unacked: number;
  enqueued: number;
  delivered: number;
  redelivered: number;
  acked: number;
  /** Nacks from a handler. */
  nacked: number;
  /** Requeued by the broker because the consumer's channel closed (a crash). */
  returned: number;
  /** Sent to the dead-letter queue. */
  deadLettered: number;
  /** Rejected or over the limit with no (available) dead-letter queue: gone. */
  dropped: number;
  /** Handled successfully a second time (its first ack was lost). */
  handledTwice: number;
}

/** A network link currently cut: messages setting off along it are dropped. */
export interface CutLink {
  a: string;
  b: string;
}

export interface WorldCounts {
  commandsSubmitted: number;
  commandsOk: number;
  commandsRejected: number;
  commandsFailed: number;
  /** Submitted and not finished yet. */
  commandsPending: number;
  /** Appends to business topics (dead-letter copies excluded). */
  eventsPublished: number;
  /** Records clients gave up sending (to a topic or queue): never published. */
  notPublished: number;
  /** Distinct events each group has processed (duplicates not counted). */
  processedByGroup: Record<string, number>;
}

export interface World {
  t: number;
  /** In-flight messages, in trace order. */
  tokens: Token[];
  /** Keyed by node id, scenario order first. */
  nodes: Record<string, NodeView>;
  /** Keyed by topic id, scenario order first. */
  topics: Record<string, TopicView>;
  /** Point-to-point queues keyed by queue id, scenario order first. */
  queues: Record<string, QueueView>;
  /** Links cut at t, in the order they were first cut. */
  cutLinks: CutLink[];
  counts: WorldCounts;
}

export interface WorldOptions {
  /** How many of the newest records each partition lists. Default 12. */
  recentLimit?: number;
}

const EMPTY_ASSIGNMENT: Readonly<Record<string, readonly number[]>> = Object.freeze({});

/** Hops with hop.t <= t < hop.arriveAt, in trace order, without scanning the whole trace. */
export function tokensAt(index: TraceIndex, t: number): Token[] {
  const keys: number[] = [];
  for (const cls of index.hopClasses) {
    // Every hop in this class lasts at most maxDurationMs, so one still in flight at t departed
    // no earlier than t − maxDurationMs. Because durations in a class differ by at most 2×,
    // most of this window really is in flight: the scan stays proportional to the output.
    // lowerBound keeps the boundary hop: the arriveAt check below is the exact test.
    const lo = lowerBound(cls.depart, t - cls.maxDurationMs);
    const hi = upperBound(cls.depart, t, lo);
    for (let i = lo; i < hi; i++) if (cls.arrive[i] > t) keys.push(cls.record[i]);
  }
  // Classes interleave in time; the UI wants one stable order (trace order).
  if (index.hopClasses.length > 1) keys.sort((a, b) => a - b);
  const records = index.trace.records;
  const tokens: Token[] = new Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const hop = records[keys[k]] as HopRecord;
    tokens[k] = {
      key: keys[k],
      kind: hop.kind,
      label: hop.label,
      status: hop.status,
      from: hop.from,
      to: hop.to,
      ref: hop.ref,
      departAt: hop.t,
      arriveAt: hop.arriveAt,
      progress: (t - hop.t) / (hop.arriveAt - hop.t),
      lost: hop.lost === true,
    };
  }
  return tokens;
}

export function nodeStatusAt(index: TraceIndex, nodeId: string, t: number): NodeStatus {
  const s = index.nodeStatus.get(nodeId);
  if (!s) return 'up';
  const i = lastAtOrBefore(s.t, t);
  return i < 0 ? 'up' : s.status[i];
}

function nodesAt(index: TraceIndex, t: number): Record<string, NodeView> {
  const nodes: Record<string, NodeView> = {};
  for (const id of index.nodeIds) {
    const spec = index.nodeSpecs.get(id);
    let pool: PoolView | undefined;
    if (spec?.kind === 'service') {
      const s = index.pools.get(id)!;
      const i = lastAtOrBefore(s.t, t);
      pool = {
        busy: i < 0 ? 0 : s.busy[i],
        queued: i < 0 ? 0 : s.queued[i],
        workers: spec.workers,
        queueLimit: spec.queueLimit,
      };
    }
    const crashes = index.crashT.get(id);
    nodes[id] = {
      id,
      kind: spec?.kind,
      label: spec?.label ?? id,
      status: nodeStatusAt(index, id, t),
      pool,
      crashes: crashes ? upperBound(crashes, t) : 0,
    };
  }
  return nodes;
}

function logStartAt(part: PartitionSeries, t: number): number {
  const i = lastAtOrBefore(part.retentionT, t);
  return i < 0 ? 0 : part.retentionLogStart[i];
}

function groupViewAt(
  group: GroupIndex,
  sub: Subscription,
  parts: PartitionSeries[],
  ends: number[],
  starts: number[],
  t: number,
  records: readonly TraceRecord[],
): GroupView {
  const a = lastAtOrBefore(group.assignT, t);
  const assignment =
    a < 0 ? EMPTY_ASSIGNMENT : (records[group.assignRecord[a]] as Extract<TraceRecord, { type: 'assign' }>).assignment;
  const ownerOf: (string | undefined)[] = new Array(parts.length).fill(undefined);
  const members = Object.keys(assignment);
  for (const m of members) for (const p of assignment[m]) if (p < ownerOf.length) ownerOf[p] = m;

  const partitions: GroupPartitionView[] = new Array(parts.length);
  let lag = 0;
  for (let p = 0; p < parts.length; p++) {
    const commits = sub.commits[p];
    const c = commits ? lastAtOrBefore(commits.t, t) : -1;
    const committed = readPosition(c < 0 ? undefined : commits!.offset[c], starts[p]);
    const partLag = ends[p] - committed;
    lag += partLag;
    partitions[p] = { partition: p, committed, lag: partLag, member: ownerOf[p] };
  }
  const lastRebalance = lastAtOrBefore(group.rebalanceT, t);
  const rebalancing = lastRebalance >= 0 && (a < 0 || group.assignT[a] < group.rebalanceT[lastRebalance]);
  return { group: group.id, topic: sub.topic, service: group.service, members, assignment, partitions, lag, rebalancing };
}

function topicsAt(index: TraceIndex, t: number, recentLimit: number): Record<string, TopicView> {
  const records = index.trace.records;
  const topics: Record<string, TopicView> = {};
  // Log bounds at t per topic, computed once and shared by every group reading the topic.
  const bounds = new Map<string, { ends: number[]; starts: number[] }>();
  for (const topic of index.topics.values()) {
    const ends: number[] = [];
    const starts: number[] = [];
    const partitions: PartitionView[] = topic.partitions.map((part, p) => {
      const logEnd = upperBound(part.appendT, t); // offsets are 0..n-1, so the count is the end
      const logStart = logStartAt(part, t);
      ends.push(logEnd);
      starts.push(logStart);
      const recent: RecentRecord[] = [];
      for (let o = Math.max(logStart, logEnd - recentLimit); o < logEnd; o++) {
        const r = records[part.appendRecord[o]] as Extract<TraceRecord, { type: 'append' }>;
        const label = index.trace.events?.[r.event]?.label ?? r.key;
        recent.push({ offset: o, t: r.t, key: r.key, eventType: r.eventType, event: r.event, label });
      }
      return { partition: p, logStart, logEnd, recent };
    });
    topics[topic.id] = { id: topic.id, label: topic.spec?.label ?? topic.id, partitions, groups: {} };
    bounds.set(topic.id, { ends, starts });
  }
  for (const group of index.groups.values()) {
    for (const sub of group.subscriptions.values()) {
      if (sub.since > t) continue; // revealed by a later record: not part of the world yet
      const { ends, starts } = bounds.get(sub.topic)!;
      const parts = index.topics.get(sub.topic)!.partitions;
      topics[sub.topic].groups[group.id] = groupViewAt(group, sub, parts, ends, starts, t, records);
    }
  }
  return topics;
}

function queuesAt(index: TraceIndex, t: number): Record<string, QueueView> {
  const queues: Record<string, QueueView> = {};
  for (const q of index.queues.values()) {
    const i = lastAtOrBefore(q.stateT, t);
    queues[q.id] = {
      id: q.id,
      label: q.spec?.label ?? q.id,
      depth: i < 0 ? 0 : q.depth[i],
      unacked: i < 0 ? 0 : q.unacked[i],
      enqueued: upperBound(q.enqueuedT, t),
      delivered: upperBound(q.deliveredT, t),
      redelivered: upperBound(q.redeliveredT, t),
      acked: upperBound(q.ackedT, t),
      nacked: upperBound(q.nackedT, t),
      returned: upperBound(q.returnedT, t),
      deadLettered: upperBound(q.deadLetteredT, t),
      dropped: upperBound(q.droppedT, t),
      handledTwice: upperBound(q.handledTwiceT, t),
    };
  }
  return queues;
}

function cutLinksAt(index: TraceIndex, t: number): CutLink[] {
  const cut: CutLink[] = [];
  for (const link of index.links.values()) {
    const i = lastAtOrBefore(link.t, t);
    if (i >= 0 && link.cut[i]) cut.push({ a: link.a, b: link.b });
  }
  return cut;
}

function countsAt(index: TraceIndex, t: number): WorldCounts {
  const c = index.commands;
  const submitted = upperBound(c.submittedT, t);
  const processedByGroup: Record<string, number> = {};
  for (const group of index.groups.values()) processedByGroup[group.id] = upperBound(group.processedT, t);
  return {
    commandsSubmitted: submitted,
    commandsOk: upperBound(c.okT, t),
    commandsRejected: upperBound(c.rejectedT, t),
    commandsFailed: upperBound(c.failedT, t),
    commandsPending: submitted - upperBound(c.doneT, t),
    eventsPublished: upperBound(index.publishedT, t),
    notPublished: upperBound(index.notPublishedT, t),
    processedByGroup,
  };
}

export function worldAt(index: TraceIndex, t: number, options: WorldOptions = {}): World {
  const recentLimit = Math.max(0, options.recentLimit ?? 12);
  return {
    t,
    tokens: tokensAt(index, t),
    nodes: nodesAt(index, t),
    topics: topicsAt(index, t, recentLimit),
    queues: queuesAt(index, t),
    cutLinks: cutLinksAt(index, t),
    counts: countsAt(index, t),
  };
}
