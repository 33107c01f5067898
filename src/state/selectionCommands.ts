// Selection commands, shared by the graph's tokens, the sequence view, the log view, the
// inspector and the tests (one definition each, like src/state/commands.ts).
import type { InvariantBreak } from '../engine/invariants';
import type { RefKind } from '../view/refKind';
import { sameSelection, type PaneTab, type Selection } from './selectionSlice';
import { useLabStore } from './store';

/** Tabs that show the selection themselves; from the others, picking a message opens the inspector. */
const SHOWS_SELECTION: readonly PaneTab[] = ['inspector', 'sequence', 'log'];

export interface SelectOptions {
  /** Open the inspector unless the current tab already shows the selection (default true). */
  reveal?: boolean;
  /** Picking the selected message again clears the selection (a toggle, for clicks). */
  toggle?: boolean;
}

function apply(next: Selection, options: SelectOptions): void {
  const s = useLabStore.getState();
  if (options.toggle && sameSelection(s.selection, next)) {
    s.select(null);
    return;
  }
  s.select(next);
  if ((options.reveal ?? true) && !SHOWS_SELECTION.includes(s.paneTab)) s.setPaneTab('inspector');
}

export function selectMessage(scenarioId: string, kind: RefKind, id: number, options: SelectOptions = {}): void {
  apply({ kind, id, scenarioId }, options);
}

export function selectNode(scenarioId: string, nodeId: string, options: SelectOptions = {}): void {
  apply({ kind: 'node', id: nodeId, scenarioId }, options);
}

export function clearSelection(): void {
  useLabStore.getState().select(null);
}

/** Where an invariant first broke: pause there and select the event that broke it. */
export function jumpToBreak(scenarioId: string, b: Pick<InvariantBreak, 't' | 'event'>): void {
  const s = useLabStore.getState();
  s.setPlaying(false);
  s.setT(b.t);
  s.select({ kind: 'event', id: b.event, scenarioId });
}
