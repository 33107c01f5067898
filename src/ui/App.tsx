// The page: header, controls, then one run or two side by side. Playback, Space, the URL and the
// live region are wired here once for the whole lab.
import { useEffect } from 'react';
import { useLabStore } from '../state/store';
import { startUrlSync } from '../state/urlSync';
import { usePlayback } from '../state/usePlayback';
import { useRuns } from '../state/useRuns';
import { useSpaceToTogglePlay } from '../state/useSpaceToTogglePlay';
import { KeyboardHelp } from './timeline/KeyboardHelp';
import { useStepKeys } from './timeline/useStepKeys';
import { ControlsBar } from './controls/ControlsBar';
import { Legend } from './Legend';
import { LiveAnnouncer } from './LiveAnnouncer';
import { NarrativePanel } from './narrative/NarrativePanel';
import { NoticeBanner } from './NoticeBanner';
import { ScenarioListButton } from './scenarios/ScenarioListButton';
import { SidePane } from './SidePane';
import './App.css';

export function App({ syncUrl = true }: { syncUrl?: boolean }) {
  usePlayback();
  useSpaceToTogglePlay();
  useStepKeys();
  useEffect(() => (syncUrl ? startUrlSync() : undefined), [syncUrl]);
  const runs = useRuns();
  const view = useLabStore((s) => s.view);
  const compare = view === 'compare' && runs.length > 1;

  return (
    <div className="lab-app">
      <header className="lab-header">
        <h1>Commands &amp; Events Lab</h1>
        <p className="lab-header__tagline">Commands ask, events tell: pick a scenario, break a service, watch what happens.</p>
        <ScenarioListButton />
      </header>
      <ControlsBar />
      <NoticeBanner />
      <main className={`lab-main${compare ? ' lab-main--compare' : ''}`}>
        <NarrativePanel />
        {runs.map((run) => (
          <SidePane key={run.scenario.id} run={run} />
        ))}
      </main>
      <footer className="lab-footer">
        <Legend />
        <KeyboardHelp />
      </footer>
      <LiveAnnouncer />
    </div>
  );
}
