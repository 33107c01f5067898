import type { Scenario } from '../engine/types';
import { c7Scenarios } from './c7NackRequeueLoop';
import { checkoutPubsub, checkoutSync } from './checkout';
import { c14Pubsub, c14Sync } from './c14SlowDownstream';
import { kafkaCases } from './kafkaCases';
import { webhookCases } from './webhookCases';

/** Every built-in scenario, in the order the scenario list shows them. */
export const builtinScenarios: Scenario[] = [checkoutSync, checkoutPubsub, c14Sync, c14Pubsub, ...kafkaCases, ...c7Scenarios, ...webhookCases];

export function findScenario(id: string): Scenario | undefined {
  return builtinScenarios.find((s) => s.id === id);
}
