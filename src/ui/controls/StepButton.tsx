import { step } from '../../state/commands';

export function StepButton() {
  return (
    <button type="button" className="lab-btn" onClick={step} aria-keyshortcuts="ArrowRight" title="Jump to the next moment a message arrives (→)">
      <span aria-hidden="true" className="lab-btn__icon">
        ▶❘
      </span>
      Step
    </button>
  );
}
