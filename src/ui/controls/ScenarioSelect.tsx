// Scenarios grouped by lesson, as the scenario files declare them.
import { chooseScenario } from '../../state/commands';
import { scenarios } from '../../state/scenarioRegistry';
import { useLabStore } from '../../state/store';

const lessons = [...new Set(scenarios.map((s) => s.lesson))];

export function ScenarioSelect() {
  const scenarioId = useLabStore((s) => s.scenarioId);
  return (
    <label className="lab-field lab-field--grow">
      <span className="lab-field__label">Scenario</span>
      <select value={scenarioId} onChange={(e) => chooseScenario(e.target.value)}>
        {lessons.map((lesson) => (
          <optgroup key={lesson} label={lesson}>
            {scenarios
              .filter((s) => s.lesson === lesson)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
