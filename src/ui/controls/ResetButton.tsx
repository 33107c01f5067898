import { reset } from '../../state/commands';

export function ResetButton() {
  return (
    <button type="button" className="lab-btn" onClick={reset} title="Back to 0 s and remove your faults">
      <span aria-hidden="true" className="lab-btn__icon">
        ↺
      </span>
      Reset
    </button>
  );
}
