import { useT } from '../../i18n/i18nStore';
import { setSpeed } from '../../state/commands';
import { SPEEDS, useLabStore } from '../../state/store';

export function SpeedSelect() {
  const speed = useLabStore((s) => s.speed);
  const t = useT();
  return (
    <label className="lab-field">
      <span className="lab-field__label">{t('controls.speed')}</span>
      <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((v) => (
          <option key={v} value={String(v)}>
            {t('controls.speedValue', { speed: v })}
          </option>
        ))}
      </select>
    </label>
  );
}
