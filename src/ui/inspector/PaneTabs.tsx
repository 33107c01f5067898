// The side pane of one run: tabs for Metrics | Inspector | Sequence | Log | Charts (the WAI-ARIA
// tabs pattern: ←/→/Home/End move between tabs, one tab stop), a status line naming the selected
// message (a polite live region: selection changes are announced), and the export actions.
// Everything but the metrics loads on first use (React.lazy): the initial bundle stays small.
import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { clearSelection } from '../../state/selectionCommands';
import { PANE_TABS, type PaneTab } from '../../state/selectionSlice';
import { selectionText } from '../../state/selectionText';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { MetricsPanel } from '../panels/MetricsPanel';
import { exportMermaid, exportTrace } from './exportRun';
import './pane.css';

const Inspector = lazy(() => import('./Inspector'));
const SequenceView = lazy(() => import('../sequence/SequenceView'));
const LogView = lazy(() => import('../log/LogView'));
const ChartsPane = lazy(() => import('../charts/ChartsPane'));

const TAB_LABELS: Record<PaneTab, string> = {
  metrics: 'Metrics',
  inspector: 'Inspector',
  sequence: 'Sequence',
  log: 'Log',
  charts: 'Charts',
};

function Panel({ tab }: { tab: PaneTab }) {
  switch (tab) {
    case 'metrics':
      return <MetricsPanel />;
    case 'inspector':
      return <Inspector />;
    case 'sequence':
      return <SequenceView />;
    case 'log':
      return <LogView />;
    case 'charts':
      return <ChartsPane />;
  }
}

function SelectionStatus() {
  const { run } = useSide();
  const selection = useLabStore((s) => s.selection);
  const mine = selection && selection.scenarioId === run.scenario.id ? selection : null;
  return (
    <div className={`lab-pane__selection${mine ? '' : ' is-empty'}`}>
      <p
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={`lab-pane__selected${mine ? '' : ' sr-only'}`}
        data-testid={`selection-${run.scenario.id}`}
      >
        {mine ? (
          <>
            <span className="lab-pane__selected-label">Selected:</span> {selectionText(run, mine)}
          </>
        ) : (
          'Nothing selected.'
        )}
      </p>
      {mine ? (
        <button type="button" className="lab-btn lab-btn--small" onClick={clearSelection} aria-keyshortcuts="Escape">
          Clear
        </button>
      ) : null}
    </div>
  );
}

/** A disclosure, not a menu: two plain buttons one click away, so the tab row stays one line. */
function ExportMenu() {
  const { run } = useSide();
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => ref.current?.removeAttribute('open');
  return (
    <details className="lab-pane__export" ref={ref}>
      <summary className="lab-btn lab-btn--small">
        <span aria-hidden="true" className="lab-pane__export-icon">
          ⤓
        </span>
        <span className="lab-pane__export-text">Export</span>
      </summary>
      <div className="lab-pane__export-list">
        <button
          type="button"
          className="lab-btn lab-btn--small"
          onClick={() => {
            exportTrace(run);
            close();
          }}
          title="Download this run's trace as JSON (with scenario id, seed and your faults)"
        >
          Export trace
        </button>
        <button
          type="button"
          className="lab-btn lab-btn--small"
          onClick={() => {
            void exportMermaid(run);
            close();
          }}
          title="Download the sequence view's time window as a Mermaid sequenceDiagram"
        >
          Export Mermaid
        </button>
      </div>
    </details>
  );
}

export function PaneTabs() {
  const { scenario } = useSide();
  const tab = useLabStore((s) => s.paneTab);
  const setPaneTab = useLabStore((s) => s.setPaneTab);
  const tabRefs = useRef(new Map<PaneTab, HTMLButtonElement>());
  const base = `pane-${scenario.id}`;

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = PANE_TABS.indexOf(tab);
    let next: PaneTab | undefined;
    if (e.key === 'ArrowRight') next = PANE_TABS[(i + 1) % PANE_TABS.length];
    else if (e.key === 'ArrowLeft') next = PANE_TABS[(i - 1 + PANE_TABS.length) % PANE_TABS.length];
    else if (e.key === 'Home') next = PANE_TABS[0];
    else if (e.key === 'End') next = PANE_TABS[PANE_TABS.length - 1];
    if (!next) return;
    e.preventDefault();
    setPaneTab(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <section
      className="lab-pane"
      aria-label={`Details: ${scenario.title}`}
      data-testid={`pane-${scenario.id}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && useLabStore.getState().selection) {
          e.preventDefault();
          clearSelection();
        }
      }}
    >
      <div className="lab-pane__head">
        <div role="tablist" aria-label={`Details of ${scenario.title}`} className="lab-pane__tabs" onKeyDown={onTabKey}>
          {PANE_TABS.map((t) => (
            <button
              key={t}
              ref={(el) => {
                if (el) tabRefs.current.set(t, el);
                else tabRefs.current.delete(t);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t}`}
              aria-selected={t === tab}
              aria-controls={`${base}-panel`}
              tabIndex={t === tab ? 0 : -1}
              className="lab-pane__tab"
              onClick={() => setPaneTab(t)}
            >
              {TAB_LABELS[t]}
            </button>
          ))}
        </div>
        <ExportMenu />
      </div>
      <SelectionStatus />
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tab}`} className={`lab-pane__panel lab-pane__panel--${tab}`} tabIndex={0}>
        <Suspense fallback={<p className="lab-pane__loading">Loading…</p>}>
          <Panel tab={tab} />
        </Suspense>
      </div>
    </section>
  );
}
