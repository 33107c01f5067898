import type { Scenario } from '../engine/types';
import { checkoutPubsub, checkoutSync } from './checkout';
import { kafkaCases } from './kafkaCases';

/** Every built-in scenario, in the order the scenario list shows them. */
export const builtinScenarios: Scenario[] = [checkoutSync, checkoutPubsub, ...kafkaCases];

export function findScenario(id: string): Scenario | undefined {
  return builtinScenarios.find((s) => s.id === id);
}
