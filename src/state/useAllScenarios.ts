// The scenarios a learner can pick: the built-ins, plus the custom one while it is open.
import type { Scenario } from '../engine/types';
import { useCustomScenarioStore } from './customScenario';
import { allScenarios } from './scenarioRegistry';

export function useAllScenarios(): readonly Scenario[] {
  useCustomScenarioStore((s) => s.scenario); // re-render when it changes
  return allScenarios();
}
