// One run on screen: its graph and its side pane (metrics, inspector, sequence, log, charts),
// bound together by the SideContext.
import { useMemo } from 'react';
import type { Run } from '../state/runCache';
import { SideContext } from '../state/SideContext';
import { FlowGraph } from './graph/FlowGraph';
import { PaneTabs } from './inspector/PaneTabs';

export function SidePane({ run }: { run: Run }) {
  const side = useMemo(() => ({ scenario: run.scenario, run }), [run]);
  return (
    <SideContext.Provider value={side}>
      <section className="lab-side" aria-labelledby={`title-${run.scenario.id}`} data-testid={`side-${run.scenario.id}`}>
        <h2 className="lab-side__title" id={`title-${run.scenario.id}`}>
          {run.scenario.title}
        </h2>
        <p className="lab-side__summary">{run.scenario.summary}</p>
        <FlowGraph scenario={run.scenario} error={run.error} />
        <PaneTabs />
      </section>
    </SideContext.Provider>
  );
}
