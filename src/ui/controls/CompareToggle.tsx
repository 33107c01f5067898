// Switches between one run and the side-by-side comparison with the scenario's partner.
import { setView } from '../../state/commands';
import { compareTarget } from '../../state/scenarioRegistry';
import { useT } from '../../i18n/i18nStore';
import { useLabStore } from '../../state/store';
import { scenarioTexts, useLang } from '../narrative/localize';

export function CompareToggle() {
  const view = useLabStore((s) => s.view);
  const scenarioId = useLabStore((s) => s.scenarioId);
  const partner = compareTarget(scenarioId);
  const t = useT();
  const lang = useLang();
  if (!partner) return null;
  const on = view === 'compare';
  return (
    <button
      type="button"
      className={`lab-btn${on ? ' is-on' : ''}`}
      aria-pressed={on}
      onClick={() => setView(on ? 'single' : 'compare')}
      title={t('controls.compareTitle', { title: scenarioTexts(partner, lang).title })}
    >
      <span aria-hidden="true" className="lab-btn__icon">
        ◫
      </span>
      {t('controls.compare')}
    </button>
  );
}
