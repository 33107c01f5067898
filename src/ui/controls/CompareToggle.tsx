// Switches between one run and the side-by-side comparison with the scenario's partner.
import { setView } from '../../state/commands';
import { compareTarget } from '../../state/scenarioRegistry';
import { useLabStore } from '../../state/store';

export function CompareToggle() {
  const view = useLabStore((s) => s.view);
  const scenarioId = useLabStore((s) => s.scenarioId);
  const partner = compareTarget(scenarioId);
  if (!partner) return null;
  const on = view === 'compare';
  return (
    <button
      type="button"
      className={`lab-btn${on ? ' is-on' : ''}`}
      aria-pressed={on}
      onClick={() => setView(on ? 'single' : 'compare')}
      title={`Run side by side with “${partner.title}”, same clock, orders and faults`}
    >
      <span aria-hidden="true" className="lab-btn__icon">
        ◫
      </span>
      Compare
    </button>
  );
}
