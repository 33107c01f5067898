import type { Scenario } from '../engine/types';
import { checkoutPubsub, checkoutSync } from './checkout';

/** Every built-in scenario, in the order the scenario list shows them. */
export const builtinScenarios: Scenario[] = [checkoutSync, checkoutPubsub];

export function findScenario(id: string): Scenario | undefined {
  return builtinScenarios.find((s) => s.id === id);
}
