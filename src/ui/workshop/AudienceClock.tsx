// The audience window's header line: whom it follows (and whether the presenter is still there),
// and the presenter's virtual time, large and read-only, where the controls would be. Loaded
// lazily: only audience windows need it.
import { currentEndMs } from '../../state/commands';
import { useLabStore } from '../../state/store';
import { useRuns } from '../../state/useRuns';
import { useWorkshopStore } from '../../state/workshop';
import { formatSeconds } from '../panels/format';
import { lazyStrings as S } from '../share/lazyStrings';

export default function AudienceClock() {
  const t = useLabStore((s) => s.t);
  const playing = useLabStore((s) => s.playing);
  const follow = useWorkshopStore((s) => s.follow);
  useRuns(); // re-render when the runs (and so the end) change
  const end = currentEndMs();
  return (
    <div className="lab-audience">
      <p className={`lab-audience__status lab-audience__status--${follow}`} role="status" data-testid="audience-banner">
        {follow === 'waiting' ? S.audienceWaiting : follow === 'following' ? S.audienceFollowing : S.audienceEnded}
      </p>
      <p className="lab-audience__clock lab-time">
        <span className="lab-audience__state" aria-label={playing ? S.audiencePlaying : S.audiencePaused}>
          {playing ? '▶' : '❚❚'}
        </span>{' '}
        <output data-testid="time" aria-label={S.audienceTime} data-ms={Math.round(t)}>
          {formatSeconds(t)}
        </output>
        <span className="lab-time__end"> / {formatSeconds(end)}</span>
      </p>
    </div>
  );
}
