// Scenarios grouped by lesson, as the scenario files declare them.
import { chooseScenario } from '../../state/commands';
import { useAllScenarios } from '../../state/useAllScenarios';
import { useT } from '../../i18n/i18nStore';
import { useLabStore } from '../../state/store';
import { scenarioTexts, useLang } from '../narrative/localize';

export function ScenarioSelect() {
  // The built-ins, and a custom scenario (from a file or a link) while one is open.
  const scenarios = useAllScenarios();
  const lessons = [...new Set(scenarios.map((s) => s.lesson))];
  const scenarioId = useLabStore((s) => s.scenarioId);
  const t = useT();
  const lang = useLang();
  return (
    <label className="lab-field lab-field--grow">
      <span className="lab-field__label">{t('controls.scenario')}</span>
      <select value={scenarioId} onChange={(e) => chooseScenario(e.target.value)}>
        {lessons.map((lesson) => (
          <optgroup key={lesson} label={scenarioTexts(scenarios.find((s) => s.lesson === lesson)!, lang).lesson}>
            {scenarios
              .filter((s) => s.lesson === lesson)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {scenarioTexts(s, lang).title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
