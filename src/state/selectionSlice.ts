// The selection slice of the lab store: which message or node the learner picked (in the graph,
// the sequence view, the log or the inspector), and which tab of the side pane is open. Plain
// data, like the rest of the store. A selection names its run's scenario: in the compare view
// the two runs number their events independently, so an event id means nothing on the other side.
// A selection whose scenario is not on screen is simply not shown (no clean-up needed on a
// scenario change), and one whose id is not in a recomputed run shows as "not in this run".

export type Selection =
  | { kind: 'command' | 'event'; id: number; scenarioId: string }
  | { kind: 'node'; id: string; scenarioId: string };

export const PANE_TABS = ['metrics', 'inspector', 'sequence', 'log', 'charts'] as const;
export type PaneTab = (typeof PANE_TABS)[number];

export interface SelectionState {
  selection: Selection | null;
  paneTab: PaneTab;
  /** How much time the sequence view shows, ending at t. */
  sequenceWindowMs: number;
  /** Topic shown in the log view, per scenario (undefined = the first topic). */
  logTopic: Record<string, string>;
}

export interface SelectionActions {
  select(selection: Selection | null): void;
  setPaneTab(tab: PaneTab): void;
  setSequenceWindowMs(ms: number): void;
  setLogTopic(scenarioId: string, topic: string): void;
}

export type SelectionSlice = SelectionState & SelectionActions;

export const initialSelectionState: SelectionState = {
  selection: null,
  paneTab: 'metrics',
  sequenceWindowMs: 5000,
  logTopic: {},
};

type SetState = (partial: Partial<SelectionState> | ((s: SelectionState) => Partial<SelectionState>)) => void;

export function createSelectionSlice(set: SetState): SelectionSlice {
  return {
    ...initialSelectionState,
    select: (selection) => set({ selection }),
    setPaneTab: (paneTab) => set({ paneTab }),
    setSequenceWindowMs: (sequenceWindowMs) => set({ sequenceWindowMs }),
    setLogTopic: (scenarioId, topic) => set((s) => ({ logTopic: { ...s.logTopic, [scenarioId]: topic } })),
  };
}

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id && a.scenarioId === b.scenarioId);
}
