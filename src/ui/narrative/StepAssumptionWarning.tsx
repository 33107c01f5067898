// A step whose text takes a learner fault for granted ("Fulfillment is down from 10 s to 30 s",
// step.assumes) shown on a run without it as described — removed, never ended, ended too early,
// or toggled off by following an earlier step's instruction once the lab had added it. Without
// this, the reveal would contradict the metrics on screen. It says so in words and offers to put
// the story's fault in place of the learner's version.
import type { NarrativeStep, Scenario } from '../../engine/types';
import { useT } from '../../i18n/i18nStore';
import { useLabStore } from '../../state/store';
import { assumedFaultText, assumptionMismatches, learnerFaultText, withAssumptions, type AssumptionMismatch } from '../../state/storyAssumes';

export function StepAssumptionWarning({ scenario, step }: { scenario: Scenario; step: NarrativeStep }) {
  const t = useT();
  // A string, so the clock re-renders this only when the verdict changes (an open outage that
  // passes the story's end becomes a mismatch while playing).
  const verdict = useLabStore((s) => JSON.stringify(assumptionMismatches(scenario, step, s.interventions, s.t)));
  const mismatches = JSON.parse(verdict) as AssumptionMismatch[];
  if (mismatches.length === 0) return null;
  const what = mismatches.map((m) => assumedFaultText(scenario, m.want, t)).join('; ');
  const yours = mismatches.flatMap((m) => m.have.map((f) => learnerFaultText(f, t)));
  const put = () => {
    const lab = useLabStore.getState();
    lab.setInterventions(withAssumptions(lab.interventions, assumptionMismatches(scenario, step, lab.interventions, lab.t)));
  };
  return (
    <div className="lab-narrative__assumption" role="status" data-testid="narrative-assumption-missing">
      <p>
        <span aria-hidden="true">⚠ </span>
        {yours.length === 0 ? t('narrative.assumptionMissing', { what }) : t('narrative.assumptionDiffers', { what, yours: yours.join('; ') })}
      </p>
      <button type="button" className="lab-btn" onClick={put}>
        {yours.length === 0 ? t('narrative.assumptionRestore') : t('narrative.assumptionReplace')}
      </button>
    </div>
  );
}
