// worldAt is cheap but not free, and many components read the same frame (every node, the token
// layer, the live region). One cached world per run index per t means one computation per frame.
import type { TraceIndex } from '../view/traceIndex';
import { worldAt, type World } from '../view/worldAt';

const last = new WeakMap<TraceIndex, World>();

export function worldAtCached(index: TraceIndex, t: number): World {
  const hit = last.get(index);
  if (hit && hit.t === t) return hit;
  const w = worldAt(index, t);
  last.set(index, w);
  return w;
}
