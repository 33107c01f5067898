// The learner's fault commands beyond down/slow (those live in commands.ts), defined once and used
// by the node menus, the edge buttons and the tests. Each appends to the interventions at the
// current t; the runs are recomputed from them.
import { armFault, toggleCut, toggleFault, type OneShotKind, type ToggleKind } from './interventions';
import { useLabStore } from './store';

export function toggleFaultNow(nodeId: string, kind: ToggleKind): void {
  const s = useLabStore.getState();
  s.setInterventions(toggleFault(s.interventions, nodeId, kind, s.t));
}

export function armFaultNow(nodeId: string, kind: OneShotKind): void {
  const s = useLabStore.getState();
  s.setInterventions(armFault(s.interventions, nodeId, kind, s.t));
}

export function toggleCutNow(a: string, b: string): void {
  const s = useLabStore.getState();
  s.setInterventions(toggleCut(s.interventions, a, b, s.t));
}

/** Show the moment something happened: pause there, so it stays on screen. */
export function jumpTo(t: number): void {
  const s = useLabStore.getState();
  s.setPlaying(false);
  s.setT(t);
}
