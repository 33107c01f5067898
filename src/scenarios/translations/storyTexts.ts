// The English story texts of the built-in scenarios load on demand, like the other languages'
// (scenarioTranslations.ts): in the browser build the scenarios arrive without their step titles,
// texts and questions (about 13 KB gzip of the 200 KB first download; see
// scripts/vite-lazy-story-texts.mjs), and this puts them back from a lazy chunk. The lab starts
// fetching it at once (main.tsx) and waits for it before the first paint when the scenario on
// screen tells a story; the story panel waits for it too (useStoryTexts). Where the sources keep
// their texts (dev server, tests, CLI) nothing is missing and nothing waits.
//
// Custom scenarios (a file, a `?s=` link) carry their own texts and never wait.
import type { Scenario } from '../../engine/types';
import { builtinScenarios } from '../builtins';
import { applyStoryTexts } from './storyTextTable';

const builtins = new Set<Scenario>(builtinScenarios);

/** A built-in scenario whose story has not got its words yet. */
export function storyTextsMissing(scenario: Scenario): boolean {
  return builtins.has(scenario) && (scenario.steps?.some((step) => step.title === '') ?? false);
}

let pending: Promise<void> | null = null;
let failure: string | null = null;
let version = 0;
const listeners = new Set<() => void>();

function changed(): void {
  version++;
  for (const l of listeners) l();
}

/** Fetches the texts once (again after a failure) and puts them into the built-in scenarios. */
export function loadStoryTexts(): Promise<void> {
  if (!builtinScenarios.some(storyTextsMissing)) return Promise.resolve();
  if (!pending) {
    failure = null;
    pending = import('./storyTexts.en').then(
      (m) => {
        applyStoryTexts(builtinScenarios, m.default);
        changed();
      },
      (err: unknown) => {
        // Offline before the chunk was fetched, say: the story panel says so; the next try fetches again.
        pending = null;
        failure = err instanceof Error ? err.message : String(err);
        changed();
        throw err;
      },
    );
    changed();
  }
  return pending;
}

/** Why the last load failed, or null. */
export function storyTextsFailure(): string | null {
  return failure;
}

/** Resolves when `scenario`'s story has its words, or after `maxWaitMs` (a slow network must not blank the page). */
export function storyTextsReady(scenario: Scenario, maxWaitMs = 3000): Promise<void> {
  if (!storyTextsMissing(scenario)) return Promise.resolve();
  return Promise.race([loadStoryTexts().catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}

/** For useSyncExternalStore: changes when a load starts, arrives or fails. */
export function subscribeStoryTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function storyTextsVersion(): number {
  return version;
}
