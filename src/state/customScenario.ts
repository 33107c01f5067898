// The one custom scenario slot: a scenario opened from a file or a shared link (`?s=`). Kept
// beside the built-ins (scenarioRegistry.ts resolves ids here too); loading another replaces it.
// Its JSON and, once computed, its `s` encoding travel with it so the link can be written at once.
import { create } from 'zustand';
import type { Scenario } from '../engine/types';

export interface CustomScenarioState {
  scenario: Scenario | null;
  /** Compact JSON of the scenario as written (what a link encodes). */
  json: string | null;
  /** base64url(deflate-raw(json)) for `?s=`, or null while unknown / too large to share. */
  encoded: string | null;
  /** Where it came from, for messages: a file name or "the link". */
  source: string;
}

export const useCustomScenarioStore = create<CustomScenarioState>()(() => ({ scenario: null, json: null, encoded: null, source: '' }));

export function customScenario(): Scenario | null {
  return useCustomScenarioStore.getState().scenario;
}

/** The id a custom scenario is listed under: its own, unless a built-in already uses it. */
export function customIdFor(id: string, isBuiltin: (id: string) => boolean): string {
  if (!isBuiltin(id)) return id;
  for (let n = 1; ; n++) {
    const candidate = `${id}-custom${n === 1 ? '' : `-${n}`}`;
    if (!isBuiltin(candidate)) return candidate;
  }
}
