// A step whose text takes a learner fault for granted ("Fulfillment is down", step.assumes) shown on
// a run without it — the learner removed it, or toggled it off by following an earlier step's
// instruction once the lab had added it. Without this, the reveal would contradict the metrics on
// screen. It says so in words and offers to put the fault back.
import type { NarrativeStep, Scenario } from '../../engine/types';
import { useT } from '../../i18n/i18nStore';
import { useLabStore } from '../../state/store';
import { assumedFaultText, missingAssumptions } from '../../state/storyAssumes';

export function StepAssumptionWarning({ scenario, step }: { scenario: Scenario; step: NarrativeStep }) {
  const t = useT();
  const interventions = useLabStore((s) => s.interventions);
  const missing = missingAssumptions(scenario, step, interventions);
  if (missing.length === 0) return null;
  const what = missing.map((f) => assumedFaultText(scenario, f, t)).join('; ');
  return (
    <div className="lab-narrative__assumption" role="status" data-testid="narrative-assumption-missing">
      <p>
        <span aria-hidden="true">⚠ </span>
        {t('narrative.assumptionMissing', { what })}
      </p>
      <button type="button" className="lab-btn" onClick={() => useLabStore.getState().setInterventions([...useLabStore.getState().interventions, ...missing])}>
        {t('narrative.assumptionRestore')}
      </button>
    </div>
  );
}
