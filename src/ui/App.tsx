// The page: header, controls, then one run or two side by side. Playback, Space, the URL and the
// live region are wired here once for the whole lab.
import { lazy, Suspense, useEffect } from 'react';
import { useT } from '../i18n/i18nStore';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { useLabStore } from '../state/store';
import { startUrlSync } from '../state/urlSync';
import { usePlayback } from '../state/usePlayback';
import { useRuns } from '../state/useRuns';
import { useWorkshopStore } from '../state/workshop';
import { ControlsBar } from './controls/ControlsBar';
import { ShortcutsButton } from './shortcuts/ShortcutsButton';
import { useShortcuts } from './shortcuts/useShortcuts';
import { WorkshopLayer } from './workshop/WorkshopLayer';
import { WorkshopMenu } from './workshop/WorkshopMenu';
import { Legend } from './Legend';
import { LiveAnnouncer } from './LiveAnnouncer';
import { NarrativePanel } from './narrative/NarrativePanel';
import { NoticeBanner } from './NoticeBanner';
import { ScenarioListButton } from './scenarios/ScenarioListButton';
import { SidePane } from './SidePane';
import './App.css';

// Only an embed or an audience window needs these: out of everyone else's first download.
const EmbedChrome = lazy(() => import('./embed/EmbedChrome'));
const AudienceClock = lazy(() => import('./workshop/AudienceClock'));

export function App({ syncUrl = true }: { syncUrl?: boolean }) {
  usePlayback();
  useShortcuts();
  useEffect(() => (syncUrl ? startUrlSync() : undefined), [syncUrl]);
  const runs = useRuns();
  const view = useLabStore((s) => s.view);
  const compare = view === 'compare' && runs.length > 1;
  const t = useT();
  const embed = useWorkshopStore((s) => s.embed);
  const present = useWorkshopStore((s) => s.present);
  // An audience window follows its presenter: nothing on it can be operated.
  const audience = useWorkshopStore((s) => s.audience);
  if (embed) {
    return (
      <Suspense fallback={null}>
        <EmbedChrome runs={runs} compare={compare} title={t('app.title')} />
      </Suspense>
    );
  }

  return (
    <div className={`lab-app${present ? ' lab-app--present' : ''}${audience ? ' lab-app--audience' : ''}`}>
      <header className="lab-header">
        <h1>{t('app.title')}</h1>
        <p className="lab-header__tagline">{t('app.tagline')}</p>
        {audience ? (
          <Suspense fallback={null}>
            <AudienceClock />
          </Suspense>
        ) : (
          <>
            <ScenarioListButton />
            <WorkshopMenu />
            <LanguageSelect />
          </>
        )}
      </header>
      {audience ? null : <ControlsBar />}
      <NoticeBanner />
      <main className={`lab-main${compare ? ' lab-main--compare' : ''}`} inert={audience || undefined}>
        <NarrativePanel compare={compare} />
        {runs.map((run) => (
          <SidePane key={run.scenario.id} run={run} />
        ))}
      </main>
      <footer className="lab-footer">
        <Legend />
        <ShortcutsButton />
      </footer>
      <LiveAnnouncer />
      <WorkshopLayer />
    </div>
  );
}
