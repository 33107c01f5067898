// The one UI store: playback, the chosen scenario/seed/view and the learner's interventions.
// It holds plain data only. Traces and view models are derived from it (see runCache.ts), never
// stored here, so a change of interventions cannot leave a stale trace behind.
import { create } from 'zustand';
import type { FaultSpec } from '../engine/types';
import { notice } from '../i18n/notices';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';

export type ViewMode = 'single' | 'compare';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

export interface LabState {
  scenarioId: string;
  seed: number;
  view: ViewMode;
  /** Virtual time shown, in ms. Owned by the UI; the engine only reads it through the view model. */
  t: number;
  playing: boolean;
  speed: number;
  /** Faults appended by the learner, applied to every visible run (node ids match across variants). */
  interventions: FaultSpec[];
  /** Problems found in the URL etc., shown as text. */
  notices: string[];
}

export interface LabActions {
  setScenario(id: string, seed: number): void;
  setSeed(seed: number): void;
  setView(view: ViewMode): void;
  setT(t: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setInterventions(interventions: FaultSpec[]): void;
  reset(): void;
  addNotice(text: string): void;
  dismissNotices(): void;
}

export type LabStore = LabState & LabActions & SelectionSlice;

export const initialLabState: LabState = {
  scenarioId: 'checkout-sync',
  seed: 1,
  view: 'single',
  t: 0,
  playing: false,
  speed: 1,
  interventions: [],
  notices: [],
};

export const useLabStore = create<LabStore>()((set) => ({
  ...initialLabState,
  ...createSelectionSlice(set),
  // A new scenario is a new experiment: its story and expectations assume none of the learner's
  // faults, and their node ids may not even exist there. All of them go (even on nodes with the
  // same id: Compare is the way to run two scenarios under the same faults), and the banner says so.
  setScenario: (scenarioId, seed) =>
    set((s) => {
      const next = { scenarioId, seed, t: 0, playing: false, interventions: [] };
      const n = s.interventions.length;
      if (n === 0) return next;
      const text = notice('notice.faultsCleared', { count: n });
      return { ...next, notices: s.notices.includes(text) ? s.notices : [...s.notices, text] };
    }),
  // The seed only decides which random orders arrive when: the faults name nodes and times of the
  // same scenario, which all still exist, so they stay (and stay in the address).
  setSeed: (seed) => set({ seed }),
  setView: (view) => set({ view }),
  setT: (t) => set({ t: Math.max(0, t) }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  setInterventions: (interventions) => set({ interventions }),
  // Notices are about the experiment Reset discards (faults added, cleared or left out): they go too.
  reset: () => set({ t: 0, playing: false, interventions: [], notices: [] }),
  addNotice: (text) => set((s) => (s.notices.includes(text) ? s : { notices: [...s.notices, text] })),
  dismissNotices: () => set({ notices: [] }),
}));
