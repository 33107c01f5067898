// One toggle whose accessible name says what pressing it will do: "Play" or "Pause".
import { togglePlay } from '../../state/commands';
import { useT } from '../../i18n/i18nStore';
import { useLabStore } from '../../state/store';

export function PlayButton() {
  const playing = useLabStore((s) => s.playing);
  const t = useT();
  return (
    <button type="button" className="lab-btn lab-btn--primary" onClick={togglePlay} aria-keyshortcuts="Space" data-testid="play">
      <span aria-hidden="true" className="lab-btn__icon">
        {playing ? '❚❚' : '▶'}
      </span>
      {playing ? t('controls.pause') : t('controls.play')}
    </button>
  );
}
