// The story's part of the address: `step=N` (1-based) while following the story, `story=off` in
// free play, nothing for a scenario without a story. Read after the rest of the URL (it needs
// the scenario and t), and like the rest it never throws: a bad value is a notice and a fallback.
import { notice } from '../i18n/notices';
import { stepFits, stepAt, stepStartMs } from './narrativeModel';
import { storyOf, useNarrativeStore } from './narrative';
import { getScenario } from './scenarioRegistry';
import { useLabStore, type LabState } from './store';

function quote(v: string): string {
  const s = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return `“${s}”`;
}

/** Applies `step` / `story` from the search string to the stores; returns the notices to show. */
export function initNarrativeFromUrl(search: string): string[] {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const lab = useLabStore.getState();
  const scenario = getScenario(lab.scenarioId);
  const { steps, times } = storyOf(scenario);
  const rawStep = params.get('step');
  const rawStory = params.get('story');

  let guided = true;
  if (rawStory !== null) {
    if (rawStory === 'off') guided = false;
    else if (rawStory !== 'on') notices.push(notice('notice.badStory', { value: quote(rawStory) }));
  }

  // Without a step in the link, t alone says where the story is (the last reveal passed).
  let index = stepAt(times, lab.t, 'forward');

  if (rawStep !== null) {
    const n = Number(rawStep);
    if (steps.length === 0) {
      notices.push(notice('notice.noStory', { title: scenario.title, value: quote(rawStep) }));
    } else if (rawStep.trim() === '' || !Number.isInteger(n) || n < 1) {
      notices.push(notice('notice.badStep', { value: quote(rawStep), total: steps.length, shown: index + 1 }));
    } else {
      if (n > steps.length) {
        notices.push(notice('notice.pastLastStep', { value: quote(rawStep), total: steps.length }));
      }
      index = Math.min(n, steps.length) - 1;
      if (!stepFits(times, index, lab.t)) {
        // A hand-written link (a step with no time, or a time outside it): open the step at its start.
        // (A t the link got wrong has its own notice already: this one only for a valid t elsewhere.)
        const start = stepStartMs(times, index);
        if (params.get('t') !== null && lab.t !== 0) notices.push(notice('notice.timeOutsideStep', { value: quote(params.get('t') ?? ''), step: index + 1, start: start / 1000 }));
        useLabStore.setState({ t: start });
      }
    }
  }
  useNarrativeStore.setState({ index, guided });
  return notices;
}

/** `&step=N` or `&story=off` for the address bar (empty for a scenario without a story). */
export function narrativeSearch(s: LabState): string {
  const { steps } = storyOf(getScenario(s.scenarioId));
  if (steps.length === 0) return '';
  const { guided, index } = useNarrativeStore.getState();
  if (!guided) return '&story=off';
  return `&step=${Math.min(Math.max(0, index), steps.length - 1) + 1}`;
}

/** Calls back when the story's part of the address may have changed. */
export function subscribeNarrativeUrl(callback: () => void): () => void {
  return useNarrativeStore.subscribe((s, prev) => {
    if (s.index !== prev.index || s.guided !== prev.guided) callback();
  });
}
