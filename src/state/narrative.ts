// The guided story's state and commands: which step the learner is on, their answers, and whether
// they follow the story at all. Kept beside the lab store rather than inside it: the story only
// reads the clock and moves it (time travel is just setting t), it owns nothing else.
//
// The step shown is derived from t and the learner's step index (see narrativeModel.ts); a
// subscription below keeps the index consistent whenever t moves, and pauses playback when it
// reaches the current step's reveal point.
import { create } from 'zustand';
import type { NarrativeStep, Scenario } from '../engine/types';
import { firstRevealCrossed, isRevealed, resolveStep, revealTimes, stepStartMs } from './narrativeModel';
import { getScenario } from './scenarioRegistry';
import { assumedNotice, missingAssumptions } from './storyAssumes';
import { useLabStore, type LabState } from './store';
import { useWorkshopStore } from './workshop';

/** A choice index, or the learner chose not to guess. */
export type Answer = number | 'skipped';

/** What just happened in the story, for the live region (worded by the UI, in the learner's language). */
export interface NarrativeEvent {
  seq: number;
  kind: 'step' | 'reveal' | 'answer';
  scenarioId: string;
  index: number;
}

export interface NarrativeState {
  /** The learner's step (0-based) in the current scenario: the tie-breaker at a reveal point. */
  index: number;
  /** Follow the story (pause at reveal points, highlight) or explore freely. */
  guided: boolean;
  /** scenario id → step index → answer. Kept when switching scenarios, so coming back keeps them. */
  answers: Record<string, Record<number, Answer>>;
  /** Language of the scenario texts, kept equal to the interface language by src/i18n/setLanguage.ts. */
  lang: string;
  event: NarrativeEvent | null;
  /**
   * The learner folded the story to one line (true) or unfolded it (false); null until they do,
   * and the layout decides (folded beside two graphs on a laptop screen, where they need the width).
   */
  folded: boolean | null;
}

export const initialNarrativeState: NarrativeState = { index: 0, guided: true, answers: {}, lang: 'en', event: null, folded: null };

export const useNarrativeStore = create<NarrativeState>()(() => ({ ...initialNarrativeState }));

/** usePlayback's longest frame: longer gaps (a background tab) are clamped to this. */
const MAX_FRAME_MS = 100;

let seq = 0;
function emit(kind: NarrativeEvent['kind'], index: number): void {
  const scenarioId = useLabStore.getState().scenarioId;
  useNarrativeStore.setState({ event: { seq: ++seq, kind, scenarioId, index } });
}

/** The story of the scenario the narrative belongs to (the left one in the compare view). */
export interface Story {
  scenario: Scenario;
  steps: readonly NarrativeStep[];
  /** Reveal point of each step, made monotonic and clamped to the run. */
  times: number[];
}

const storyCache = new WeakMap<Scenario, Story>();

export function storyOf(scenario: Scenario): Story {
  let s = storyCache.get(scenario);
  if (!s) {
    const steps = scenario.steps ?? [];
    s = { scenario, steps, times: revealTimes(steps, scenario.durationMs) };
    storyCache.set(scenario, s);
  }
  return s;
}

export function currentStory(): Story {
  return storyOf(getScenario(useLabStore.getState().scenarioId));
}

export function hasStory(scenario: Scenario): boolean {
  return (scenario.steps?.length ?? 0) > 0;
}

/** The step shown now. */
export function currentStepIndex(): number {
  const { times } = currentStory();
  return resolveStep(times, useNarrativeStore.getState().index, useLabStore.getState().t);
}

export function answerOf(scenarioId: string, index: number): Answer | undefined {
  return useNarrativeStore.getState().answers[scenarioId]?.[index];
}

/** Step i asks a question the learner has not answered (nor chosen to skip) yet. */
function waitsForAnswer(scenarioId: string, steps: readonly NarrativeStep[], i: number): boolean {
  return steps[i]?.question !== undefined && answerOf(scenarioId, i) === undefined;
}

function setIndex(index: number, announce = true): void {
  if (useNarrativeStore.getState().index === index) return;
  useNarrativeStore.setState({ index });
  if (announce) emit('step', index);
}

// ─── Commands (buttons, keyboard and tests all call these) ─────────────────────────────────────

/** Moves on: to the end of this step's moment, then plays on to the next one (unless it asks first). */
export function nextStep(): void {
  const { steps, times } = currentStory();
  const i = currentStepIndex();
  if (i >= steps.length - 1) return;
  const lab = useLabStore.getState();
  const t = Math.max(lab.t, times[i]);
  const next = i + 1;
  const asks = waitsForAnswer(lab.scenarioId, steps, next);
  setIndex(next, false);
  // The jump itself is not playback (it must not stop at the reveal point it lands on); then play on.
  useLabStore.setState({ t, playing: false });
  if (useNarrativeStore.getState().guided && t < times[next] && !asks) useLabStore.getState().setPlaying(true);
  emit('step', next);
}

/** Back to the previous step's moment, shown revealed. Time travel is free: it only sets t. */
export function previousStep(): void {
  const { times } = currentStory();
  const i = currentStepIndex();
  if (i <= 0) return;
  setIndex(i - 1, false);
  useLabStore.setState({ t: times[i - 1], playing: false });
  emit('step', i - 1);
}

/** Opens step i at its start (a shared link, or "Restart the story" with i = 0). */
export function goToStep(i: number): void {
  const { steps, times } = currentStory();
  if (steps.length === 0) return;
  const k = Math.min(Math.max(0, i), steps.length - 1);
  setIndex(k, false);
  useLabStore.setState({ t: stepStartMs(times, k), playing: false });
  emit('step', k);
}

/** The learner's prediction (or their choice not to guess); playback then continues to the reveal. */
export function answerQuestion(answer: Answer): void {
  const { steps, times } = currentStory();
  const i = currentStepIndex();
  const lab = useLabStore.getState();
  if (!steps[i]?.question || isRevealed(times, i, lab.t) || answerOf(lab.scenarioId, i) !== undefined) return;
  useNarrativeStore.setState((s) => ({
    answers: { ...s.answers, [lab.scenarioId]: { ...s.answers[lab.scenarioId], [i]: answer } },
  }));
  emit('answer', i);
  if (useNarrativeStore.getState().guided) lab.setPlaying(true);
}

/** Plays on to the current step's reveal point (for steps without a question). */
export function continueStory(): void {
  const { times } = currentStory();
  const i = currentStepIndex();
  if (isRevealed(times, i, useLabStore.getState().t)) return;
  useLabStore.getState().setPlaying(true);
}

/** Forget this scenario's answers and start its story again from 0 s. */
export function restartStory(): void {
  const id = useLabStore.getState().scenarioId;
  useNarrativeStore.setState((s) => {
    const answers = { ...s.answers };
    delete answers[id];
    return { answers };
  });
  goToStep(0);
}

/** Fold the story to its one-line band, or unfold it; the step, answers and pauses are unchanged. */
export function setFolded(folded: boolean): void {
  useNarrativeStore.setState({ folded });
}

export function setGuided(guided: boolean): void {
  useNarrativeStore.setState({ guided });
  if (guided) emit('step', currentStepIndex());
}

// ─── Keeping the story consistent with the clock ────────────────────────────────────────────────

function onLabChange(s: LabState, prev: LabState): void {
  if (s.scenarioId !== prev.scenarioId) {
    // A new story starts where the clock is (setScenario puts it at 0).
    const { times } = storyOf(getScenario(s.scenarioId));
    useNarrativeStore.setState({ index: resolveStep(times, 0, s.t) });
    return;
  }
  if (s.t === prev.t) return;
  const { steps, times } = storyOf(getScenario(s.scenarioId));
  if (steps.length === 0) return;
  const { index, guided } = useNarrativeStore.getState();

  // A playback frame moves t by at most MAX_FRAME_MS × speed (usePlayback); a bigger jump while
  // playing is a seek (the timeline dragged, Next), which must not stop at a reveal it passes.
  const frame = s.playing && prev.playing && s.t > prev.t && s.t - prev.t <= MAX_FRAME_MS * s.speed + 1;
  if (guided && frame) {
    // Playing on past a revealed step (Play instead of Next, e.g. after Previous or a step=N link)
    // into a step that asks: stop where the frame started, on that step, its question not yet
    // answered by the picture. Checked before the reveal points, since a fast frame may cross the
    // next step's reveal point too and would otherwise reveal the answer before the question was asked.
    // (Not in an audience window: the presenter's answers are not mirrored there, its pauses are.)
    const ask = index + 1;
    const asks = index < steps.length - 1 && prev.t >= times[index] && times[ask] > prev.t && waitsForAnswer(s.scenarioId, steps, ask);
    if (asks && !useWorkshopStore.getState().audience) {
      setIndex(ask, false);
      useLabStore.setState({ t: prev.t, playing: false });
      emit('step', ask);
      return;
    }
    // The reveal point: playback stops exactly there, whatever the frame rate or speed.
    const k = firstRevealCrossed(times, prev.t, s.t);
    if (k !== undefined) {
      setIndex(k, false);
      useLabStore.setState({ t: times[k], playing: false });
      emit('reveal', k);
      return;
    }
    // Playing on past a revealed step (Play instead of Next) opens the next step's story.
    if (index < steps.length - 1 && s.t > times[index]) {
      setIndex(index + 1);
      return;
    }
  }
  const next = resolveStep(times, index, s.t, s.t > prev.t ? 'forward' : 'back');
  if (next !== index) {
    // A seek (the timeline, Step, a jump) is the learner exploring: it adds no assumed faults.
    seeking = true;
    try {
      setIndex(next, false);
    } finally {
      seeking = false;
    }
    emit(isRevealed(times, next, s.t) ? 'reveal' : 'step', next);
  } else if (isRevealed(times, index, s.t) && !isRevealed(times, index, prev.t)) {
    // Stepped or scrubbed past the reveal point of the step on screen: it is revealed, say so.
    emit('reveal', index);
  }
}

let seeking = false;

useLabStore.subscribe(onLabChange);

// ─── The faults a step takes for granted ───────────────────────────────────────────────────────

/**
 * The step on screen assumes faults the learner was asked to add (step.assumes): add the missing
 * ones as ordinary interventions and say so. Runs whenever the step or the guided mode changes
 * (Next, Play into it, a `step=N` link, an embed's step; not a seek on the timeline, which is the
 * learner exploring), not when the learner edits faults: a
 * fault they remove while on the step stays removed. Not in an audience window, which mirrors the
 * presenter's faults.
 */
export function applyStepAssumptions(): void {
  if (held || seeking) return;
  // The learner's step, not the one t resolves to: Next and a link set the step before the clock.
  const { guided, index: i } = useNarrativeStore.getState();
  if (!guided || useWorkshopStore.getState().audience) return;
  const lab = useLabStore.getState();
  const { scenario, steps } = currentStory();
  const missing = missingAssumptions(scenario, steps[i], lab.interventions);
  if (missing.length === 0) return;
  lab.setInterventions([...lab.interventions, ...missing]);
  for (const f of missing) lab.addNotice(assumedNotice(scenario, i, f));
}

useNarrativeStore.subscribe((s, prev) => {
  if (s.index !== prev.index || s.guided !== prev.guided) applyStepAssumptions();
});

let held = false;

/**
 * Runs fn (reading a link: scenario, t and faults first, then the step and `story=off`) without
 * adding assumed faults half-way, then adds those the step it ends on assumes.
 */
export function withStepAssumptionsHeld(fn: () => void): void {
  held = true;
  try {
    fn();
  } finally {
    held = false;
  }
  applyStepAssumptions();
}
