// The invariant monitors (src/engine/invariants.ts) say where each invariant FIRST broke and how
// often it broke over the whole run. A badge at time t must show only what has happened by t, so
// this adds the time of every occurrence: "1 lost" appears at the moment of the loss, not before,
// and the count grows as the learner plays. Both the first breaks and the occurrence times come from
// the engine's monitors (invariantOccurrences), so the two cannot disagree.
import { firstBreaks, invariantOccurrences, type InvariantBreak, type InvariantKind } from '../engine/invariants';
import type { Trace } from '../engine/types';
import { upperBound } from './search';

export interface InvariantTrack extends InvariantBreak {
  /** When each occurrence happened, ascending; times.length === count. */
  times: number[];
}

/** One invariant broken by time t, for a badge or a sentence. */
export interface InvariantBreakAt {
  subject: string;
  kind: InvariantKind;
  /** When it first broke: where "jump to the break" goes. */
  t: number;
  recordIndex: number;
  event: number;
  /** Occurrences up to and including t. */
  count: number;
}

const keyOf = (kind: InvariantKind, subject: string): string => `${kind}|${subject}`;

export function invariantTracks(trace: Trace): InvariantTrack[] {
  const occurrences = invariantOccurrences(trace);
  if (occurrences.length === 0) return [];
  const times = new Map<string, number[]>();
  for (const o of occurrences) {
    const key = keyOf(o.kind, o.subject);
    const list = times.get(key);
    if (list) list.push(o.t);
    else times.set(key, [o.t]);
  }
  return firstBreaks(occurrences).map((b) => ({ ...b, times: times.get(keyOf(b.kind, b.subject))! }));
}

/** The invariants broken by time t (first break at or before t), in the order they first broke. */
export function breaksAt(tracks: readonly InvariantTrack[], t: number): InvariantBreakAt[] {
  const out: InvariantBreakAt[] = [];
  for (const track of tracks) {
    if (track.t > t) continue;
    out.push({ subject: track.subject, kind: track.kind, t: track.t, recordIndex: track.recordIndex, event: track.event, count: upperBound(track.times, t) });
  }
  return out;
}

/** An offset a group will never process, and since when: what the log draws as a lost record. */
export interface LostOffset {
  t: number;
  partition: number;
  offset: number;
}

/** Per group, its `lost` records in trace (time) order. */
export function lostOffsets(trace: Trace): Map<string, LostOffset[]> {
  const byGroup = new Map<string, LostOffset[]>();
  for (const r of trace.records) {
    if (r.type !== 'lost') continue;
    let list = byGroup.get(r.group);
    if (!list) byGroup.set(r.group, (list = []));
    list.push({ t: r.t, partition: r.partition, offset: r.offset });
  }
  return byGroup;
}
