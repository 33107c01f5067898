// The runs on screen, recomputed only when what determines them changes (scenario, seed, view,
// interventions) — never on a clock tick.
import { useMemo } from 'react';
import { getRun, type Run } from './runCache';
import { visibleScenarios } from './scenarioRegistry';
import { useLabStore } from './store';

export function useRuns(): Run[] {
  const scenarioId = useLabStore((s) => s.scenarioId);
  const view = useLabStore((s) => s.view);
  const seed = useLabStore((s) => s.seed);
  const interventions = useLabStore((s) => s.interventions);
  return useMemo(
    () => visibleScenarios(scenarioId, view).map((sc) => getRun(sc, seed, interventions)),
    [scenarioId, view, seed, interventions],
  );
}
