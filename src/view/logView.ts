// The log view's model: one topic's partitions as rows of offsets at t, each consumer group's
// committed offset and lag per partition, retention's log start (offsets before it are deleted)
// and the dead letters parked from this topic so far. Log bounds and offsets come from the
// World at t (same numbers as the graph and the metrics); the cells read the append records.

import type { TraceRecord } from '../engine/types';
import { upperBound } from './search';
import type { TraceIndex } from './traceIndex';
import type { World } from './worldAt';

export interface LogCell {
  offset: number;
  event: number;
  label: string;
  key: string;
  eventType: string;
  t: number;
  /** Before the log start: deleted by retention (shown greyed). */
  deleted: boolean;
  poison: boolean;
}

export interface LogGroupRow {
  group: string;
  /** Next offset the group reads (its committed offset, or the log start). */
  committed: number;
  lag: number;
  member: string | undefined;
}

export interface LogPartition {
  partition: number;
  logStart: number;
  logEnd: number;
  /** Offsets [firstShown, logEnd) are in `cells`; older ones are summarised, not drawn. */
  firstShown: number;
  cells: LogCell[];
  groups: LogGroupRow[];
}

export interface DeadLetterLine {
  t: number;
  group: string;
  partition: number;
  offset: number;
  event: number;
  label: string;
  deadLetterTopic: string;
}

export interface LogTopic {
  id: string;
  label: string;
  /** Some consumer parks failed records here. */
  isDeadLetterTopic: boolean;
  partitions: LogPartition[];
  /** Records of this topic dead-lettered so far (by any group), oldest first. */
  deadLetters: DeadLetterLine[];
}

export interface LogTopicRef {
  id: string;
  label: string;
  isDeadLetterTopic: boolean;
}

function deadLetterTopicIds(index: TraceIndex): Set<string> {
  const ids = new Set<string>();
  for (const g of index.groups.values()) if (g.spec?.deadLetterTopic) ids.add(g.spec.deadLetterTopic);
  return ids;
}

export function logTopics(index: TraceIndex): LogTopicRef[] {
  const dlt = deadLetterTopicIds(index);
  return [...index.topics.values()].map((tp) => ({ id: tp.id, label: tp.spec?.label ?? tp.id, isDeadLetterTopic: dlt.has(tp.id) }));
}

type DeadLettered = Extract<TraceRecord, { type: 'dead-lettered' }>;

interface DeadLetterIndex {
  /** By origin topic: dead-lettered records in trace order, with their times for a search. */
  byTopic: Map<string, { t: number[]; records: DeadLettered[] }>;
}

const deadLetterIndexes = new WeakMap<TraceIndex, DeadLetterIndex>();

function deadLetterIndexOf(index: TraceIndex): DeadLetterIndex {
  const hit = deadLetterIndexes.get(index);
  if (hit) return hit;
  const byTopic = new Map<string, { t: number[]; records: DeadLettered[] }>();
  for (const r of index.trace.records) {
    if (r.type !== 'dead-lettered') continue;
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = { t: [], records: [] }));
    list.t.push(r.t);
    list.records.push(r);
  }
  const built = { byTopic };
  deadLetterIndexes.set(index, built);
  return built;
}

/** The topic's log at world.t. Undefined for an unknown topic. */
export function logTopicAt(index: TraceIndex, world: World, topicId: string, maxCells = 200): LogTopic | undefined {
  const topicIndex = index.topics.get(topicId);
  const topicView = world.topics[topicId];
  if (!topicIndex || !topicView) return undefined;
  const records = index.trace.records;
  const events = index.trace.events ?? [];
  const partitions: LogPartition[] = topicView.partitions.map((pv) => {
    const series = topicIndex.partitions[pv.partition];
    const firstShown = Math.max(0, pv.logEnd - maxCells);
    const cells: LogCell[] = [];
    for (let o = firstShown; o < pv.logEnd; o++) {
      const r = records[series.appendRecord[o]] as Extract<TraceRecord, { type: 'append' }>;
      const info = events[r.event];
      cells.push({
        offset: o,
        event: r.event,
        label: info?.label ?? r.key,
        key: r.key,
        eventType: r.eventType,
        t: r.t,
        deleted: o < pv.logStart,
        poison: info?.poison === true,
      });
    }
    const groups: LogGroupRow[] = Object.values(topicView.groups).map((g) => {
      const gp = g.partitions[pv.partition];
      return { group: g.group, committed: gp?.committed ?? 0, lag: gp?.lag ?? 0, member: gp?.member };
    });
    return { partition: pv.partition, logStart: pv.logStart, logEnd: pv.logEnd, firstShown, cells, groups };
  });
  const dl = deadLetterIndexOf(index).byTopic.get(topicId);
  const deadLetters: DeadLetterLine[] = [];
  if (dl) {
    const n = upperBound(dl.t, world.t);
    for (let i = 0; i < n; i++) {
      const r = dl.records[i];
      deadLetters.push({
        t: r.t,
        group: r.group,
        partition: r.partition,
        offset: r.offset,
        event: r.event,
        label: events[r.event]?.label ?? String(r.event),
        deadLetterTopic: r.deadLetterTopic,
      });
    }
  }
  return {
    id: topicId,
    label: topicView.label,
    isDeadLetterTopic: deadLetterTopicIds(index).has(topicId),
    partitions,
    deadLetters,
  };
}
