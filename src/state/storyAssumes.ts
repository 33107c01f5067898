// A story step may take for granted a fault the learner was asked to add earlier ("take Order
// Fulfillment down when the story pauses"): its text, question and reveal describe that outage.
// Opening such a step (a `step=N` link, an embed, Next without doing it) must not show a run that
// contradicts them, so the lab adds the missing faults as ordinary interventions — in the graph,
// the metrics and the address like any fault the learner adds — and says so in the notice banner.
// A learner's own fault on the same node, of the same kind, overlapping in time counts as there.
import type { FaultSpec, NarrativeStep, Scenario } from '../engine/types';
import type { Translate } from '../i18n/format';
import { notice } from '../i18n/notices';
import { faultsFor } from './interventions';
import { formatFault } from './url';

/** The learner's fault on the same target, of the same kind, overlapping the assumed one in time. */
function covers(have: FaultSpec, want: FaultSpec): boolean {
  if (have.target !== want.target || have.kind !== want.kind) return false;
  const haveEnd = have.untilMs ?? Infinity;
  const wantEnd = want.untilMs ?? Infinity;
  // One-shot faults (crash, poison) have no end: the same moment counts as the same fault.
  if (have.fromMs === want.fromMs) return true;
  return have.fromMs < wantEnd && want.fromMs < haveEnd;
}

/** The step's assumed faults that are not there yet (only those whose nodes exist in the scenario). */
export function missingAssumptions(scenario: Scenario, step: NarrativeStep | undefined, interventions: readonly FaultSpec[]): FaultSpec[] {
  if (!step?.assumes?.length) return [];
  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  return faultsFor(step.assumes, nodeIds).filter((want) => !interventions.some((have) => covers(have, want)));
}

function seconds(ms: number): string {
  return String(ms / 1000);
}

/** What an assumed fault means, in words: "Order Fulfillment is down from 10 s to 30 s". */
export function assumedFaultText(scenario: Scenario, f: FaultSpec, t: Translate): string {
  if (f.kind === 'down' && f.untilMs !== undefined) {
    const node = scenario.nodes.find((n) => n.id === f.target);
    return t('narrative.assumedDown', { node: node?.label ?? f.target, from: seconds(f.fromMs), until: seconds(f.untilMs) });
  }
  return t('narrative.assumedFault', { fault: formatFault(f) });
}

/** The notice saying a step's fault was added (worded through notice(), so it follows the language). */
export function assumedNotice(scenario: Scenario, stepIndex: number, f: FaultSpec): string {
  const step = stepIndex + 1;
  if (f.kind === 'down' && f.untilMs !== undefined) {
    const node = scenario.nodes.find((n) => n.id === f.target);
    return notice('notice.stepAssumesDown', { step, node: node?.label ?? f.target, from: seconds(f.fromMs), until: seconds(f.untilMs) });
  }
  return notice('notice.stepAssumes', { step, fault: formatFault(f) });
}
