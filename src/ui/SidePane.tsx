// One run on screen: its graph and its side pane (metrics, inspector, sequence, log, charts),
// bound together by the SideContext. On a phone, the graph's fault switches follow it as a list.
import { lazy, Suspense, useMemo } from 'react';
import type { Run } from '../state/runCache';
import { SideContext } from '../state/SideContext';
import { FlowGraph, VERTICAL_QUERY } from './graph/FlowGraph';
import { PaneTabs } from './inspector/PaneTabs';
import { scenarioTexts, useLang } from './narrative/localize';
import { useMediaQuery } from './useMediaQuery';

// Only phones show it: out of everyone else's first download.
const NodeFaultList = lazy(() => import('./graph/NodeFaultList'));

export function SidePane({ run }: { run: Run }) {
  const side = useMemo(() => ({ scenario: run.scenario, run }), [run]);
  const texts = scenarioTexts(run.scenario, useLang());
  const phone = useMediaQuery(VERTICAL_QUERY);
  return (
    <SideContext.Provider value={side}>
      <section className="lab-side" aria-labelledby={`title-${run.scenario.id}`} data-testid={`side-${run.scenario.id}`}>
        <h2 className="lab-side__title" id={`title-${run.scenario.id}`}>
          {texts.title}
        </h2>
        <p className="lab-side__summary">{texts.summary}</p>
        <FlowGraph scenario={run.scenario} error={run.error} />
        {phone ? (
          <Suspense fallback={null}>
            <NodeFaultList />
          </Suspense>
        ) : null}
        <PaneTabs />
      </section>
    </SideContext.Provider>
  );
}
