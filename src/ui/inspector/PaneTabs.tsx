// The side pane of one run: tabs for Metrics | Inspector | Sequence | Log | Charts (the WAI-ARIA
// tabs pattern: ←/→/Home/End move between tabs, one tab stop), a status line naming the selected
// message (a polite live region: selection changes are announced), and the export actions.
// Everything but the metrics loads on first use (React.lazy): the initial bundle stays small.
import { lazy, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18nStore';
import { clearSelection } from '../../state/selectionCommands';
import { PANE_TABS, type PaneTab } from '../../state/selectionSlice';
import { selectionText } from '../../state/selectionText';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { scenarioTexts, useLang } from '../narrative/localize';
import { MetricsPanel } from '../panels/MetricsPanel';
import './pane.css';

const Inspector = lazy(() => import('./Inspector'));
const SequenceView = lazy(() => import('../sequence/SequenceView'));
const LogView = lazy(() => import('../log/LogView'));
const ChartsPane = lazy(() => import('../charts/ChartsPane'));
const loadExportList = () => import('./ExportList');
const ExportList = lazy(loadExportList);

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
  const t = useT();
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
            <span className="lab-pane__selected-label">{t('pane.selected')}</span> {selectionText(run, mine, t)}
          </>
        ) : (
          t('pane.nothingSelected')
        )}
      </p>
      {mine ? (
        <button type="button" className="lab-btn lab-btn--small" onClick={clearSelection} aria-keyshortcuts="Escape">
          {t('pane.clear')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A disclosure, not a menu: two plain buttons one click away, so the tab row stays one line. The
 * buttons (and the export code) load when it is first opened.
 */
function ExportMenu() {
  const { run } = useSide();
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => ref.current?.removeAttribute('open');
  const t = useT();
  return (
    <details className="lab-pane__export" ref={ref} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="lab-btn lab-btn--small" onPointerEnter={() => void loadExportList()}>
        <span aria-hidden="true" className="lab-pane__export-icon">
          ⤓
        </span>
        <span className="lab-pane__export-text">{t('pane.export')}</span>
      </summary>
      <div className="lab-pane__export-list">
        {open ? (
          <Suspense fallback={null}>
            <ExportList run={run} close={close} />
          </Suspense>
        ) : null}
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
  const t = useT();
  const title = scenarioTexts(scenario, useLang()).title;

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
      aria-label={t('pane.details', { title })}
      data-testid={`pane-${scenario.id}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && useLabStore.getState().selection) {
          e.preventDefault();
          clearSelection();
        }
      }}
    >
      <div className="lab-pane__head">
        <div role="tablist" aria-label={t('pane.tabsOf', { title })} className="lab-pane__tabs" onKeyDown={onTabKey}>
          {PANE_TABS.map((id) => (
            <button
              key={id}
              ref={(el) => {
                if (el) tabRefs.current.set(id, el);
                else tabRefs.current.delete(id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${id}`}
              aria-selected={id === tab}
              aria-controls={`${base}-panel`}
              tabIndex={id === tab ? 0 : -1}
              className="lab-pane__tab"
              onClick={() => setPaneTab(id)}
            >
              {t(`pane.tab.${id}`)}
            </button>
          ))}
        </div>
        <ExportMenu />
      </div>
      <SelectionStatus />
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tab}`} className={`lab-pane__panel lab-pane__panel--${tab}`} tabIndex={0}>
        <Suspense fallback={<p className="lab-pane__loading">{t('app.loading')}</p>}>
          <Panel tab={tab} />
        </Suspense>
      </div>
    </section>
  );
}
