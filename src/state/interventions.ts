// Pure helpers for the learner's faults. A toggle never rewrites the past: "down at t" appends a
// fault from t, "up at t" closes the fault that is open at t. The run is then recomputed, and since
// the engine is deterministic everything before t stays exactly as it was.
import type { FaultKind, FaultSpec } from '../engine/types';

export function isOpenAt(f: FaultSpec, t: number): boolean {
  return f.fromMs <= t && (f.untilMs === undefined || t < f.untilMs);
}

export function activeFault(list: FaultSpec[], target: string, kind: FaultKind, t: number): FaultSpec | undefined {
  return list.find((f) => f.target === target && f.kind === kind && isOpenAt(f, t));
}

export function toggleFault(list: FaultSpec[], target: string, kind: FaultKind, t: number, factor?: number): FaultSpec[] {
  const open = activeFault(list, target, kind, t);
  if (!open) {
    const added: FaultSpec = { target, kind, fromMs: Math.round(t) };
    if (kind === 'slow') added.factor = factor ?? 10;
    return [...list, added];
  }
  // Closing a fault at the very moment it started means it never happened: drop it.
  if (Math.round(t) <= open.fromMs) return list.filter((f) => f !== open);
  return list.map((f) => (f === open ? { ...f, untilMs: Math.round(t) } : f));
}

/** Only the faults whose node(s) exist in a scenario: the compare side may lack some nodes. */
export function faultsFor(list: FaultSpec[], nodeIds: ReadonlySet<string>): FaultSpec[] {
  // A cut's target is `a->b`: both ends must exist.
  return list.filter((f) => f.target.split('->').every((id) => nodeIds.has(id)));
}
