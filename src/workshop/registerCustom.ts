// Puts a validated custom scenario into the lab's one custom slot and opens it. Shared by the file
// opener, the `?s=` link loader and the audience window.
import type { Scenario } from '../engine/types';
import { customIdFor, useCustomScenarioStore } from '../state/customScenario';
import { forgetRuns } from '../state/runCache';
import { isBuiltinScenario } from '../state/scenarioRegistry';
import { encodeScenarioJson } from './shareCodec';

export interface Registered {
  scenario: Scenario;
  /** Resolves once the link encoding is known (null when the scenario is too large for a link). */
  encoded: Promise<string | null>;
}

/**
 * Registers the scenario (renamed if a built-in has its id) without touching the clock, faults or
 * selection: the caller decides when to switch to it. `encoded` may be passed when already known.
 */
export function registerCustomScenario(scenario: Scenario, json: string, source: string, encoded?: string): Registered {
  const id = customIdFor(scenario.id, isBuiltinScenario);
  const registered = id === scenario.id ? scenario : { ...scenario, id };
  // Runs are cached by scenario id: a new scenario under the same id must not see the old ones.
  forgetRuns(id);
  useCustomScenarioStore.setState({ scenario: registered, json, encoded: encoded ?? null, source });
  const pending =
    encoded !== undefined
      ? Promise.resolve(encoded)
      : encodeScenarioJson(json).then(
          (e) => e,
          () => null,
        );
  void pending.then((e) => {
    // Still the same scenario (not replaced meanwhile)?
    if (useCustomScenarioStore.getState().json === json && e !== null) useCustomScenarioStore.setState({ encoded: e });
  });
  return { scenario: registered, encoded: pending };
}
