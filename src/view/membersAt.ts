// Who consumes what, and whether they are alive at t: consumer-group members and queue consumers,
// named exactly as the engine names them (src/engine/memberNames.ts), so a member in an `assign`
// record can be traced back to the service that hosts it.
import { consumerNames } from '../engine/memberNames';
import type { Scenario, Trace } from '../engine/types';
import { lastAtOrBefore, upperBound } from './search';
import type { TraceIndex } from './traceIndex';

export interface MemberSpec {
  id: string;
  service: string;
  group: string;
  topic: string;
}

export interface QueueConsumerSpecRef {
  id: string;
  service: string;
  queue: string;
}

export interface ConsumerDirectory {
  members: MemberSpec[];
  memberById: Map<string, MemberSpec>;
  queueConsumers: QueueConsumerSpecRef[];
  /** Topics some consumer parks failed records on. */
  deadLetterTopics: Set<string>;
  /** Queues some queue dead-letters into. */
  deadLetterQueues: Set<string>;
}

const directories = new WeakMap<Scenario, ConsumerDirectory>();

export function consumerDirectory(scenario: Scenario): ConsumerDirectory {
  const hit = directories.get(scenario);
  if (hit) return hit;
  const members: MemberSpec[] = [];
  const queueConsumers: QueueConsumerSpecRef[] = [];
  const deadLetterTopics = new Set<string>();
  const deadLetterQueues = new Set<string>();
  for (const node of scenario.nodes) {
    if (node.kind === 'queue' && node.deadLetterQueue) deadLetterQueues.add(node.deadLetterQueue);
    if (node.kind !== 'service') continue;
    for (const c of node.consumers) if (c.deadLetterTopic) deadLetterTopics.add(c.deadLetterTopic);
    for (const name of consumerNames(node)) {
      if (name.kind === 'member') members.push({ id: name.id, service: node.id, group: name.of, topic: node.consumers[name.index].topic });
      else queueConsumers.push({ id: name.id, service: node.id, queue: name.of });
    }
  }
  const dir = { members, memberById: new Map(members.map((m) => [m.id, m])), queueConsumers, deadLetterTopics, deadLetterQueues };
  directories.set(scenario, dir);
  return dir;
}

/** A process's life at t: running, stopped by a down fault, or dead after a crash (and restarting). */
export type Life = 'up' | 'down' | 'crashed';

export function lifeAt(index: TraceIndex, nodeId: string, t: number): Life {
  const s = index.nodeStatus.get(nodeId);
  if (!s) return 'up';
  const i = lastAtOrBefore(s.t, t);
  if (i < 0 || s.status[i] !== 'down') return 'up';
  // The crash record and the status change it causes share one instant.
  const crashes = index.crashT.get(nodeId);
  const c = crashes ? lastAtOrBefore(crashes, t) : -1;
  return c >= 0 && crashes![c] >= s.t[i] ? 'crashed' : 'down';
}

/** Crash faults armed on a node by t that have not fired yet (each fires on the next message it handles). */
export function armedCrashesAt(trace: Trace, index: TraceIndex, nodeId: string, t: number): number {
  let armed = 0;
  for (const f of trace.faults) if (f.kind === 'crash' && f.target === nodeId && f.fromMs <= t) armed++;
  if (armed === 0) return 0;
  const crashes = index.crashT.get(nodeId);
  return Math.max(0, armed - (crashes ? upperBound(crashes, t) : 0));
}

// ── Unacked messages per queue consumer ──────────────────────────────────────────────────────
// The engine reports a queue's unacked total; per consumer, count the deliveries it received and
// has not acked or nacked yet (a closed channel nacks them all back to the queue).

interface ConsumerSeries {
  t: number[];
  unacked: number[];
}

const queueSeries = new WeakMap<Trace, Map<string, Map<string, ConsumerSeries>>>();

function seriesOf(trace: Trace): Map<string, Map<string, ConsumerSeries>> {
  const hit = queueSeries.get(trace);
  if (hit) return hit;
  const byQueue = new Map<string, Map<string, ConsumerSeries>>();
  const held = new Map<string, Set<number>>();
  const note = (queue: string, consumer: string, t: number, size: number) => {
    let byConsumer = byQueue.get(queue);
    if (!byConsumer) byQueue.set(queue, (byConsumer = new Map()));
    let s = byConsumer.get(consumer);
    if (!s) byConsumer.set(consumer, (s = { t: [], unacked: [] }));
    // One entry per instant: the value after the instant's last record.
    if (s.t.length > 0 && s.t[s.t.length - 1] === t) s.unacked[s.unacked.length - 1] = size;
    else {
      s.t.push(t);
      s.unacked.push(size);
    }
  };
  for (const r of trace.records) {
    if (r.type !== 'q-deliver' && r.type !== 'ack' && r.type !== 'nack') continue;
    const k = `${r.queue}|${r.consumer}`;
    let set = held.get(k);
    if (!set) held.set(k, (set = new Set()));
    if (r.type === 'q-deliver') set.add(r.message);
    else set.delete(r.message);
    note(r.queue, r.consumer, r.t, set.size);
  }
  queueSeries.set(trace, byQueue);
  return byQueue;
}

export interface QueueConsumerView {
  id: string;
  service: string;
  unacked: number;
}

export function queueConsumersAt(trace: Trace, scenario: Scenario, queueId: string, t: number): QueueConsumerView[] {
  const byConsumer = seriesOf(trace).get(queueId);
  return consumerDirectory(scenario)
    .queueConsumers.filter((c) => c.queue === queueId)
    .map((c) => {
      const s = byConsumer?.get(c.id);
      const i = s ? lastAtOrBefore(s.t, t) : -1;
      return { id: c.id, service: c.service, unacked: i < 0 ? 0 : s!.unacked[i] };
    });
}

/** `p0–2, p5` for [0, 1, 2, 5]: a member's partitions in a few characters. */
export function formatPartitions(parts: readonly number[]): string {
  if (parts.length === 0) return '—';
  const sorted = [...parts].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (let i = 1; i <= sorted.length; i++) {
    const p = sorted[i];
    if (p === prev + 1) {
      prev = p;
      continue;
    }
    runs.push(start === prev ? `p${start}` : prev === start + 1 ? `p${start}, p${prev}` : `p${start}–${prev}`);
    start = prev = p;
  }
  return runs.join(', ');
}
