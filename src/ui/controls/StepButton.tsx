import { useT } from '../../i18n/i18nStore';
import { step } from '../../state/commands';

export function StepButton() {
  const t = useT();
  return (
    <button type="button" className="lab-btn" onClick={step} aria-keyshortcuts="ArrowRight" title={t('controls.stepTitle')}>
      <span aria-hidden="true" className="lab-btn__icon">
        ▶❘
      </span>
      {t('controls.step')}
    </button>
  );
}
