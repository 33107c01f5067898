// The lab inside an <iframe> (`?embed=1`): no header, menus or side pane; the graph, the guided
// story and Play / Step / the timeline (hidden with `controls=0`, when the host page drives it by
// postMessage). A link opens the same moment in the full lab. Loaded lazily: only embeds need it.
import type { Run } from '../../state/runCache';
import { shareSearch } from '../../state/urlSync';
import { useWorkshopStore } from '../../state/workshop';
import { pageBase } from '../../workshop/shareLinks';
import { PlayButton } from '../controls/PlayButton';
import { StepButton } from '../controls/StepButton';
import { Timeline } from '../controls/Timeline';
import { LiveAnnouncer } from '../LiveAnnouncer';
import { NarrativePanel } from '../narrative/NarrativePanel';
import { NoticeBanner } from '../NoticeBanner';
import { lazyStrings as S } from '../share/lazyStrings';
import { SidePane } from '../SidePane';
import { StepBackButton } from '../timeline/StepBackButton';
import { WorkshopLayer } from '../workshop/WorkshopLayer';
import './embed.css';
import '../controls/controls.css';

function fullLabHref(): string {
  return `${pageBase(window.location.href)}${shareSearch()}`;
}

export default function EmbedChrome({ runs, compare, title }: { runs: Run[]; compare: boolean; title: string }) {
  const controls = useWorkshopStore((s) => s.controls);
  return (
    <div className={`lab-app lab-app--embed${controls ? '' : ' lab-app--bare'}`} data-testid="embed">
      <h1 className="sr-only">{title}</h1>
      {controls ? (
        <div className="lab-controls lab-embed-controls" role="group" aria-label={S.embedControls} data-testid="embed-controls">
          <div className="lab-controls__group">
            <PlayButton />
            <StepBackButton />
            <StepButton />
          </div>
          <Timeline />
          <a
            className="lab-embed-open"
            href={fullLabHref()}
            target="_blank"
            rel="noopener"
            title={S.openInLabTitle}
            // The moment may have moved since this rendered: link to where the embed is now.
            onClick={(e) => {
              e.currentTarget.href = fullLabHref();
            }}
          >
            {S.openInLab} <span aria-hidden="true">↗</span>
          </a>
        </div>
      ) : null}
      <NoticeBanner />
      <main className={`lab-main${compare ? ' lab-main--compare' : ''}`}>
        <NarrativePanel />
        {runs.map((run) => (
          <SidePane key={run.scenario.id} run={run} />
        ))}
      </main>
      <LiveAnnouncer />
      <WorkshopLayer />
    </div>
  );
}
