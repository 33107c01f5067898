// The learner's fault commands beyond down/slow (those live in commands.ts), defined once and used
// by the node menus, the edge buttons and the tests. Each appends to the interventions at the
// current t; the runs are recomputed from them.
import type { FaultSpec } from '../engine/types';
import { armFault, toggleCut, toggleFault, type OneShotKind, type ToggleKind } from './interventions';
import { useLabStore } from './store';

/**
 * Change the learner's faults at the current moment. Faults are placed to the millisecond (as links
 * write them), so a clock between two milliseconds (after a Step) first snaps to the nearest one:
 * a fault added at t is then on at t, and one closed at t is off at t.
 */
export function editFaultsNow(edit: (list: FaultSpec[], t: number) => FaultSpec[]): void {
  const s = useLabStore.getState();
  const t = Math.round(s.t);
  if (t !== s.t) s.setT(t);
  s.setInterventions(edit(useLabStore.getState().interventions, t));
}

export function toggleFaultNow(nodeId: string, kind: ToggleKind): void {
  editFaultsNow((list, t) => toggleFault(list, nodeId, kind, t));
}

export function armFaultNow(nodeId: string, kind: OneShotKind): void {
  editFaultsNow((list, t) => armFault(list, nodeId, kind, t));
}

export function toggleCutNow(a: string, b: string): void {
  editFaultsNow((list, t) => toggleCut(list, a, b, t));
}

/** Show the moment something happened: pause there, so it stays on screen. */
export function jumpTo(t: number): void {
  const s = useLabStore.getState();
  s.setPlaying(false);
  s.setT(t);
}
