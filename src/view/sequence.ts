// The sequence view's model: every hop that set off in a window of time ending at t, as arrows
// between lanes (one lane per node). Read straight from trace.records with one binary search,
// so it is exact (trace order, zero-length hops included) and costs O(log n + records in window).

import { tEn, type Translate } from '../i18n/format';
import '../i18n/messages.details.en';
import type { HopRecord, MessageKind } from '../engine/types';
import { recordsUpTo } from './inspect';
import { hopRefKind, type RefKind } from './refKind';
import type { TraceIndex } from './traceIndex';

export interface SeqLane {
  id: string;
  label: string;
}

export interface SeqArrow {
  /** Position of the hop in trace.records: stable key. */
  record: number;
  t: number;
  arriveAt: number;
  from: string;
  to: string;
  kind: MessageKind;
  label: string;
  status: number | undefined;
  /** Dropped by a cut link. */
  lost: boolean;
  /** Still travelling at t (drawn up to where it is now). */
  inFlight: boolean;
  ref: number;
  refKind: RefKind;
}

export interface SequenceWindow {
  /** The window is (from, to]: hops that departed after `from` and at or before `to` (= t). */
  from: number;
  to: number;
  lanes: SeqLane[];
  arrows: SeqArrow[];
  /** Hops in the window left out to respect the limit (the oldest go first). */
  omitted: number;
}

/** Lanes in scenario order; nodes with no hops at all in the run are still lanes (they exist). */
export function sequenceLanes(index: TraceIndex): SeqLane[] {
  return index.nodeIds.map((id) => ({ id, label: index.nodeSpecs.get(id)?.label ?? id }));
}

export function sequenceWindow(index: TraceIndex, t: number, windowMs: number, limit = 400): SequenceWindow {
  const records = index.trace.records;
  const from = t - windowMs;
  const hi = recordsUpTo(records, t);
  const lo = recordsUpTo(records, from);
  const arrows: SeqArrow[] = [];
  let total = 0;
  // Newest first so the limit keeps the most recent; reversed once at the end.
  for (let i = hi - 1; i >= lo; i--) {
    const r = records[i];
    if (r.type !== 'hop') continue;
    total++;
    if (arrows.length >= limit) continue;
    const hop = r as HopRecord;
    arrows.push({
      record: i,
      t: hop.t,
      arriveAt: hop.arriveAt,
      from: hop.from,
      to: hop.to,
      kind: hop.kind,
      label: hop.label,
      status: hop.status,
      lost: hop.lost === true,
      inFlight: hop.arriveAt > t,
      ref: hop.ref,
      refKind: hopRefKind(index, hop),
    });
  }
  arrows.reverse();
  return { from, to: t, lanes: sequenceLanes(index), arrows, omitted: total - arrows.length };
}

/** Accessible name of one arrow: what, from where to where, when, and how it ended. */
export function arrowName(a: SeqArrow, labelOf: (id: string) => string, t: Translate = tEn): string {
  const key = a.lost ? 'sequence.arrowLost' : a.inFlight ? 'sequence.arrowInFlight' : 'sequence.arrow';
  return t(key, { kind: t(`kind.${a.kind}`), label: a.label, from: labelOf(a.from), to: labelOf(a.to), time: `${(a.t / 1000).toFixed(3)} s` });
}
