// Keeps the address bar and the store in step. Read once at start-up (before the first render, so
// the first paint is already the linked moment), then written with replaceState: the back button
// should leave the lab, not rewind playback frame by frame.
import { initLanguageFromUrl, langSearch, subscribeLangUrl } from '../i18n/langUrl';
import { withStepAssumptionsHeld } from './narrative';
import { initNarrativeFromUrl, narrativeSearch, subscribeNarrativeUrl } from './narrativeUrl';
import { useCustomScenarioStore } from './customScenario';
import type { FaultSpec, Scenario } from '../engine/types';
import { notice } from '../i18n/notices';
import { faultProblemIn } from '../scenarios/faultRules';
import { allScenarios, compareTarget, DEFAULT_SCENARIO_ID, hasScenario, visibleScenarios } from './scenarioRegistry';
import { useLabStore, type LabState } from './store';
import { formatFault, formatUrl, parseUrl } from './url';
import { modeSearch, useWorkshopStore } from './workshop';

/** While playing, the address changes at most this often (browsers rate-limit replaceState). */
const PLAYING_THROTTLE_MS = 500;

export function initFromUrl(search: string = window.location.search): void {
  const refs = allScenarios().map((s) => {
    const partner = compareTarget(s.id);
    return { id: s.id, seed: s.seed, durationMs: s.durationMs, title: s.title, ...(partner ? { compareDurationMs: Math.max(s.durationMs, partner.durationMs) } : {}) };
  });
  const { state, notices } = parseUrl(search, refs, DEFAULT_SCENARIO_ID);
  if (hasScenario(state.scenarioId)) state.interventions = checkedLinkFaults(state.interventions, visibleScenarios(state.scenarioId, state.view), notices);
  const store = useLabStore.getState();
  // A step that assumes a fault (step.assumes) gets it once the whole link is read: after its own
  // faults (no duplicate) and `story=off` (free play assumes nothing).
  withStepAssumptionsHeld(() => {
    useLabStore.setState({
      scenarioId: hasScenario(state.scenarioId) ? state.scenarioId : refs[0].id,
      seed: state.seed,
      t: state.t,
      view: state.view,
      interventions: state.interventions,
      speed: state.speed ?? 1,
      playing: false,
    });
    for (const n of notices) store.addNotice(n);
    // The story's step (needs the scenario and t just set).
    for (const n of initNarrativeFromUrl(search)) store.addNotice(n);
  });
  // The interface language (`lang=zh-CN`): starts loading it; main.tsx waits for it before the first paint.
  for (const n of initLanguageFromUrl(search)) store.addNotice(n);
}

/**
 * A link's faults that can do something in one of the scenarios on screen (the compare view runs
 * both under the same faults); each other one is left out with a notice saying why — the runner and
 * scenario files refuse the same faults, for the same reasons (src/scenarios/faultRules.ts).
 */
function checkedLinkFaults(faults: FaultSpec[], visible: readonly Scenario[], notices: string[]): FaultSpec[] {
  return faults.filter((f) => {
    const problems = visible.map((s) => faultProblemIn(f, s));
    if (problems.some((p) => p === undefined)) return true;
    notices.push(notice('notice.faultLeftOut', { fault: `“${formatFault(f)}”`, reason: problems[0]! }));
    return false;
  });
}

/** `&s=…` when the custom scenario is on screen and its encoding is known (always last: it is long). */
function customSearch(s: LabState): string {
  const custom = useCustomScenarioStore.getState();
  return custom.scenario?.id === s.scenarioId && custom.encoded ? `&s=${custom.encoded}` : '';
}

/** What a share link holds: the experiment (scenario, seed, t, speed, view, faults, story step) in its language, not the page's mode. */
export function shareSearch(s: LabState = useLabStore.getState()): string {
  return formatUrl({ scenarioId: s.scenarioId, seed: s.seed, t: s.t, view: s.view, interventions: s.interventions, speed: s.speed }) + narrativeSearch(s) + langSearch() + customSearch(s);
}

function urlOf(s: LabState): string {
  const share = shareSearch(s);
  const custom = share.lastIndexOf('&s=');
  // The page's mode (embed, present, audience…) goes before the long custom scenario.
  return custom < 0 ? share + modeSearch() : share.slice(0, custom) + modeSearch() + share.slice(custom);
}

/** Starts mirroring the store into the address bar; returns the unsubscribe function. */
export function startUrlSync(): () => void {
  let lastWritten = '';
  let lastWriteAt = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const write = () => {
    pending = undefined;
    const search = urlOf(useLabStore.getState());
    if (search === lastWritten) return;
    lastWritten = search;
    lastWriteAt = performance.now();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  };

  write();
  const unsubscribe = useLabStore.subscribe((s) => {
    if (!s.playing) {
      // A pause, a seek or a toggle is a moment worth keeping exactly: write now.
      if (pending !== undefined) clearTimeout(pending);
      write();
      return;
    }
    if (pending !== undefined) return;
    const wait = Math.max(0, PLAYING_THROTTLE_MS - (performance.now() - lastWriteAt));
    pending = setTimeout(write, wait);
  });
  // A step chosen without moving the clock (Next onto a question) is worth keeping too.
  const unsubscribeNarrative = subscribeNarrativeUrl(() => {
    if (!useLabStore.getState().playing) write();
  });
  // Presenter mode toggled, an audience channel opened, a custom scenario's link computed.
  const unsubscribeWorkshop = useWorkshopStore.subscribe((w, prev) => {
    if (w.present !== prev.present || w.channel !== prev.channel) write();
  });
  const unsubscribeCustom = useCustomScenarioStore.subscribe(write);
  const unsubscribeLang = subscribeLangUrl(write);
  return () => {
    unsubscribe();
    unsubscribeNarrative();
    unsubscribeWorkshop();
    unsubscribeCustom();
    unsubscribeLang();
    if (pending !== undefined) clearTimeout(pending);
  };
}
