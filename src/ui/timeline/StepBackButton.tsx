// Time travel backwards: to the previous moment a message landed. No undo is involved: the run is
// computed in full, so any earlier t is just another query of the same trace.
import { useT } from '../../i18n/i18nStore';
import { stepBack } from '../../state/commands';

export function StepBackButton() {
  const t = useT();
  return (
    <button
      type="button"
      className="lab-btn"
      onClick={stepBack}
      aria-keyshortcuts="ArrowLeft"
      title={t('controls.stepBackTitle')}
    >
      <span aria-hidden="true" className="lab-btn__icon">
        ❘◀
      </span>
      {t('controls.stepBack')}
    </button>
  );
}
