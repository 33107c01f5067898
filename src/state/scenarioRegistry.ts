// Lookup over the built-in scenarios. The first one is the default for a bare or broken URL.
import { builtinScenarios } from '../scenarios/builtins';
import type { Scenario } from '../engine/types';

export const scenarios: readonly Scenario[] = builtinScenarios;

const byId = new Map(scenarios.map((s) => [s.id, s]));

export const DEFAULT_SCENARIO_ID = byId.has('checkout-sync') ? 'checkout-sync' : scenarios[0].id;

export function getScenario(id: string): Scenario {
  return byId.get(id) ?? byId.get(DEFAULT_SCENARIO_ID)!;
}

export function hasScenario(id: string): boolean {
  return byId.has(id);
}

/** The scenario shown beside `id` in the compare view, if it names one that exists. */
export function compareTarget(id: string): Scenario | undefined {
  const main = getScenario(id);
  const other = main.compareWith;
  if (other !== undefined) return byId.get(other);
  // Pairs are declared on one side only (checkout-sync → checkout-pubsub); work from either end.
  return scenarios.find((s) => s.compareWith === main.id);
}

/** Scenarios on screen: the chosen one, plus its compareWith partner in the compare view. */
export function visibleScenarios(id: string, view: 'single' | 'compare'): Scenario[] {
  const main = getScenario(id);
  const other = view === 'compare' ? compareTarget(id) : undefined;
  return other ? [main, other] : [main];
}
