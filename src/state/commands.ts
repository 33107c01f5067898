// Every learner command, defined once and used by the buttons, the keyboard and the tests
// (the excalidraw "action" idea). They read and write the store; runs are derived on demand.
import type { FaultKind } from '../engine/types';
import { nextDeliveryTime, previousDeliveryTime } from '../view/stepping';
import { toggleFault } from './interventions';
import { editFaultsNow } from './faultCommands';
import { getRun, type Run } from './runCache';
import { getScenario, visibleScenarios } from './scenarioRegistry';
import { useLabStore, type ViewMode } from './store';

/** The runs on screen right now (one, or two side by side), with the current interventions. */
export function currentRuns(): Run[] {
  const s = useLabStore.getState();
  return visibleScenarios(s.scenarioId, s.view).map((sc) => getRun(sc, s.seed, s.interventions));
}

/** Where the shared clock stops: the longest of the visible runs. */
export function currentEndMs(): number {
  return Math.max(...currentRuns().map((r) => r.endMs));
}

export function togglePlay(): void {
  const s = useLabStore.getState();
  if (s.playing) {
    s.setPlaying(false);
    return;
  }
  // Pressing Play at the end replays from the start rather than doing nothing.
  if (s.t >= currentEndMs()) s.setT(0);
  s.setPlaying(true);
}

/** Jump to the next moment a message lands, on any visible side; pauses so the moment stays. */
export function step(): void {
  const s = useLabStore.getState();
  const end = currentEndMs();
  let next = Infinity;
  for (const run of currentRuns()) {
    const n = nextDeliveryTime(run.index, s.t);
    if (n !== undefined && n !== null && n > s.t && n < next) next = n;
  }
  s.setPlaying(false);
  s.setT(Math.min(next === Infinity ? end : next, end));
}

/** Jump back to the previous moment a message landed, on any visible side (0 when none); pauses. */
export function stepBack(): void {
  const s = useLabStore.getState();
  let prev = -Infinity;
  for (const run of currentRuns()) {
    const p = previousDeliveryTime(run.index, s.t);
    if (p !== undefined && p < s.t && p > prev) prev = p;
  }
  s.setPlaying(false);
  s.setT(prev === -Infinity ? 0 : prev);
}

export function reset(): void {
  useLabStore.getState().reset();
}

export function seek(t: number): void {
  const s = useLabStore.getState();
  s.setT(Math.min(Math.max(0, t), currentEndMs()));
}

export function setSpeed(speed: number): void {
  useLabStore.getState().setSpeed(speed);
}

export function chooseScenario(id: string): void {
  useLabStore.getState().setScenario(id, getScenario(id).seed);
}

export function setView(view: ViewMode): void {
  useLabStore.getState().setView(view);
}

/** Down/up or slow/fast for one node at the current time; applied to every visible variant. */
export function toggleNodeFault(nodeId: string, kind: FaultKind): void {
  editFaultsNow((list, t) => toggleFault(list, nodeId, kind, t));
}
