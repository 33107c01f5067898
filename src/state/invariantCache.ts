// Invariant monitors are a pass over the whole trace: run once per run (a trace is never mutated,
// and a new set of interventions is a new trace), shared by the graph, the metrics and the live region.
import type { Trace } from '../engine/types';
import { invariantTracks, lostOffsets, type InvariantTrack, type LostOffset } from '../view/invariantTimeline';

const tracksCache = new WeakMap<Trace, InvariantTrack[]>();
const lostCache = new WeakMap<Trace, Map<string, LostOffset[]>>();

export function invariantTracksOf(trace: Trace): InvariantTrack[] {
  let tracks = tracksCache.get(trace);
  if (!tracks) {
    tracks = invariantTracks(trace);
    tracksCache.set(trace, tracks);
  }
  return tracks;
}

export function lostOffsetsOf(trace: Trace): Map<string, LostOffset[]> {
  let lost = lostCache.get(trace);
  if (!lost) {
    lost = lostOffsets(trace);
    lostCache.set(trace, lost);
  }
  return lost;
}
