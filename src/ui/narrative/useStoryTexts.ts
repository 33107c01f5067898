// Whether the story of `scenario` can be shown: a built-in's English texts come in a lazy chunk
// (src/scenarios/translations/storyTexts.ts). Normally they are in before the first paint; if
// not (a slow or failed fetch), the panel says so instead of showing empty steps, and fetching
// is tried again when another scenario is opened.
import { useEffect, useSyncExternalStore } from 'react';
import type { Scenario } from '../../engine/types';
import {
  loadStoryTexts,
  storyTextsFailure,
  storyTextsMissing,
  storyTextsVersion,
  subscribeStoryTexts,
} from '../../scenarios/translations/storyTexts';

export type StoryTextsState = { kind: 'ready' } | { kind: 'loading' } | { kind: 'failed'; reason: string };

export function useStoryTexts(scenario: Scenario): StoryTextsState {
  useSyncExternalStore(subscribeStoryTexts, storyTextsVersion);
  const missing = storyTextsMissing(scenario);
  useEffect(() => {
    if (missing) loadStoryTexts().catch(() => undefined);
  }, [missing, scenario]);
  if (!missing) return { kind: 'ready' };
  const reason = storyTextsFailure();
  return reason === null ? { kind: 'loading' } : { kind: 'failed', reason };
}
