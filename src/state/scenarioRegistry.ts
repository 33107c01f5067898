// Lookup over the built-in scenarios. The first one is the default for a bare or broken URL.
import { builtinScenarios } from '../scenarios/builtins';
import type { Scenario } from '../engine/types';
import { customScenario } from './customScenario';

export const scenarios: readonly Scenario[] = builtinScenarios;

const byId = new Map(scenarios.map((s) => [s.id, s]));

export const DEFAULT_SCENARIO_ID = byId.has('checkout-sync') ? 'checkout-sync' : scenarios[0].id;

/** A custom scenario (opened from a file or a `?s=` link) answers to its id as well. */
function customWithId(id: string): Scenario | undefined {
  const custom = customScenario();
  return custom && custom.id === id ? custom : undefined;
}

export function getScenario(id: string): Scenario {
  return byId.get(id) ?? customWithId(id) ?? byId.get(DEFAULT_SCENARIO_ID)!;
}

export function hasScenario(id: string): boolean {
  return byId.has(id) || customWithId(id) !== undefined;
}

export function isBuiltinScenario(id: string): boolean {
  return byId.has(id);
}

/** The built-ins, then the custom scenario if one is open. */
export function allScenarios(): readonly Scenario[] {
  const custom = customScenario();
  return custom ? [...scenarios, custom] : scenarios;
}

/** The scenario shown beside `id` in the compare view, if it names one that exists. */
export function compareTarget(id: string): Scenario | undefined {
  const main = getScenario(id);
  const other = main.compareWith;
  if (other !== undefined) return other === main.id ? undefined : byId.get(other);
  // Pairs are declared on one side only (checkout-sync → checkout-pubsub); work from either end.
  return scenarios.find((s) => s.compareWith === main.id);
}

/** Scenarios on screen: the chosen one, plus its compareWith partner in the compare view. */
export function visibleScenarios(id: string, view: 'single' | 'compare'): Scenario[] {
  const main = getScenario(id);
  const other = view === 'compare' ? compareTarget(id) : undefined;
  return other ? [main, other] : [main];
}
