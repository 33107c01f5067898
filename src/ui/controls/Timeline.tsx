// The virtual clock: a scrubber (time travel is just showing the trace at another t) and the
// time as text.
import { currentEndMs, seek } from '../../state/commands';
import { useT } from '../../i18n/i18nStore';
import { useLabStore } from '../../state/store';
import { useRuns } from '../../state/useRuns';
import { formatSeconds } from '../panels/format';

export function Timeline() {
  const t = useLabStore((s) => s.t);
  const tr = useT();
  useRuns(); // re-render when the runs (and so the end) change
  const end = currentEndMs();
  return (
    <div className="lab-timeline">
      <input
        type="range"
        aria-label={tr('controls.timeline')}
        min={0}
        max={end}
        step={100}
        value={Math.min(t, end)}
        aria-valuetext={tr('controls.timelineValue', { t: formatSeconds(t), end: formatSeconds(end) })}
        onChange={(e) => seek(Number(e.target.value))}
      />
      <span className="lab-time">
        <output data-testid="time" aria-label={tr('controls.virtualTime')} data-ms={Math.round(t)}>
          {formatSeconds(t)}
        </output>
        <span className="lab-time__end"> / {formatSeconds(end)}</span>
      </span>
    </div>
  );
}
