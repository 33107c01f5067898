// Pure helpers for the learner's faults. A toggle never rewrites the past: "down at t" appends a
// fault from t, "up at t" closes the fault that is open at t. The run is then recomputed, and since
// the engine is deterministic everything before t stays exactly as it was.
import type { FaultKind, FaultSpec } from '../engine/types';

/** The engine's defaults (src/engine/types.ts), written out so a fault reads the same in the URL and in tests. */
export const DEFAULT_SLOW_FACTOR = 10;
export const DEFAULT_ERROR_RATE = 0.5;
export const DEFAULT_RESTART_MS = 1000;

/** Faults with a start and an end, switched on and off. */
export type ToggleKind = Extract<FaultKind, 'down' | 'slow' | 'error'>;
/** Faults that fire once: armed at t, they act on the next message (crash) or record (poison). */
export type OneShotKind = Extract<FaultKind, 'crash' | 'poison'>;

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
    if (kind === 'slow') added.factor = factor ?? DEFAULT_SLOW_FACTOR;
    if (kind === 'error') added.rate = DEFAULT_ERROR_RATE;
    return [...list, added];
  }
  return closeFault(list, open, t);
}

function closeFault(list: FaultSpec[], open: FaultSpec, t: number): FaultSpec[] {
  // Closing a fault at the very moment it started means it never happened: drop it.
  if (Math.round(t) <= open.fromMs) return list.filter((f) => f !== open);
  return list.map((f) => (f === open ? { ...f, untilMs: Math.round(t) } : f));
}

/**
 * Arm a one-shot fault at t: a crash kills the node halfway through the next message it handles
 * (it restarts restartMs later); a poison makes the next record appended to a topic or queue
 * unprocessable. Pressing twice arms two: each fires once.
 */
export function armFault(list: FaultSpec[], target: string, kind: OneShotKind, t: number): FaultSpec[] {
  const added: FaultSpec = { target, kind, fromMs: Math.round(t) };
  if (kind === 'crash') added.restartMs = DEFAULT_RESTART_MS;
  return [...list, added];
}

/** The fault target naming the network link between two nodes (a cut works in both directions). */
export function linkTarget(a: string, b: string): string {
  return `${a}->${b}`;
}

/** The learner's cut of the link between a and b open at t, whichever way round it was named. */
export function activeCut(list: FaultSpec[], a: string, b: string, t: number): FaultSpec | undefined {
  const ab = linkTarget(a, b);
  const ba = linkTarget(b, a);
  return list.find((f) => f.kind === 'cut' && (f.target === ab || f.target === ba) && isOpenAt(f, t));
}

/** Cut the link between a and b at t, or restore it if the learner's cut is open at t. */
export function toggleCut(list: FaultSpec[], a: string, b: string, t: number): FaultSpec[] {
  const open = activeCut(list, a, b, t);
  if (!open) return [...list, { target: linkTarget(a, b), kind: 'cut', fromMs: Math.round(t) }];
  return closeFault(list, open, t);
}

/** Only the faults whose node(s) exist in a scenario: the compare side may lack some nodes. */
export function faultsFor(list: FaultSpec[], nodeIds: ReadonlySet<string>): FaultSpec[] {
  // A cut's target is `a->b`: both ends must exist.
  return list.filter((f) => f.target.split('->').every((id) => nodeIds.has(id)));
}
