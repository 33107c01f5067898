import { useT } from '../../i18n/i18nStore';
import { reset } from '../../state/commands';

export function ResetButton() {
  const t = useT();
  return (
    <button type="button" className="lab-btn" onClick={reset} title={t('controls.resetTitle')}>
      <span aria-hidden="true" className="lab-btn__icon">
        ↺
      </span>
      {t('controls.reset')}
    </button>
  );
}
