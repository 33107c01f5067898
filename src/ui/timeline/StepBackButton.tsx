// Time travel backwards: to the previous moment a message landed. No undo is involved: the run is
// computed in full, so any earlier t is just another query of the same trace.
import { stepBack } from '../../state/commands';

export function StepBackButton() {
  return (
    <button
      type="button"
      className="lab-btn"
      onClick={stepBack}
      aria-keyshortcuts="ArrowLeft"
      title="Jump back to the previous moment a message arrived (←)"
    >
      <span aria-hidden="true" className="lab-btn__icon">
        ❘◀
      </span>
      Step back
    </button>
  );
}
