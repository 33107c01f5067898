// What the current step highlights, as a stable object: it changes when the step changes, never
// on a clock tick, so the graph's nodes are rebuilt only then.
import { useMemo } from 'react';
import { storyOf, useNarrativeStore } from '../../state/narrative';
import { getScenario } from '../../state/scenarioRegistry';
import { useLabStore } from '../../state/store';
import type { LabFlowEdge, LabFlowNode } from '../graph/buildFlow';
import { highlightFlow, parseHighlight, type Highlight } from './highlightFlow';
import { useT } from '../../i18n/i18nStore';

export function useNarrativeHighlight(): Highlight | null {
  const scenarioId = useLabStore((s) => s.scenarioId);
  const index = useNarrativeStore((s) => s.index);
  const guided = useNarrativeStore((s) => s.guided);
  return useMemo(() => {
    if (!guided) return null;
    const step = storyOf(getScenario(scenarioId)).steps[index];
    return step ? parseHighlight(step.highlight) : null;
  }, [scenarioId, index, guided]);
}

/** The graph with the current step's highlights applied (the same objects when nothing is highlighted). */
export function useHighlightedFlow(flow: { nodes: LabFlowNode[]; edges: LabFlowEdge[] }): { nodes: LabFlowNode[]; edges: LabFlowEdge[] } {
  const highlight = useNarrativeHighlight();
  const t = useT();
  return useMemo(
    () => highlightFlow(flow, highlight, (from, to) => t('graph.highlightedEdge', { from, to, note: t('narrative.highlightedNode') })),
    [flow, highlight, t],
  );
}
