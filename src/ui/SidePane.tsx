// One run on screen: its graph and its side pane (metrics, inspector, sequence, log, charts),
// bound together by the SideContext.
import { useMemo } from 'react';
import type { Run } from '../state/runCache';
import { SideContext } from '../state/SideContext';
import { FlowGraph } from './graph/FlowGraph';
import { PaneTabs } from './inspector/PaneTabs';
import { scenarioTexts, useLang } from './narrative/localize';

export function SidePane({ run }: { run: Run }) {
  const side = useMemo(() => ({ scenario: run.scenario, run }), [run]);
  const texts = scenarioTexts(run.scenario, useLang());
  return (
    <SideContext.Provider value={side}>
      <section className="lab-side" aria-labelledby={`title-${run.scenario.id}`} data-testid={`side-${run.scenario.id}`}>
        <h2 className="lab-side__title" id={`title-${run.scenario.id}`}>
          {texts.title}
        </h2>
        <p className="lab-side__summary">{texts.summary}</p>
        <FlowGraph scenario={run.scenario} error={run.error} />
        <PaneTabs />
      </section>
    </SideContext.Provider>
  );
}
