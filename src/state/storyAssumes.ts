// A story step may take for granted a fault the learner was asked to add earlier ("take Order
// Fulfillment down when the story pauses"): its text, question and reveal describe that outage.
// Opening such a step (a `step=N` link, an embed, Next without doing it) must not show a run that
// contradicts them, so the lab adds the missing faults as ordinary interventions — in the graph,
// the metrics and the address like any fault the learner adds — and says so in the notice banner.
// A learner's own fault on the same node, of the same kind, overlapping in time counts as there (no
// second copy is added); one that differs from the story's (it never ends, or ends too early) is
// pointed out by the story panel, which offers to put it right (assumptionMismatches).
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

/** How far a learner's hand-placed start or end may be from the story's and still be "the same outage". */
const TOLERANCE_MS = 1000;

/**
 * Is the learner's fault the one the step describes — same node and kind, started within a second of
 * it, and ended within a second of it (or still open while there is time to end it)? Stricter than
 * covers(): an outage that never ends, or ends far too early, makes the story's later claims false.
 */
function matches(have: FaultSpec, want: FaultSpec, t: number): boolean {
  if (have.target !== want.target || have.kind !== want.kind) return false;
  if (Math.abs(have.fromMs - want.fromMs) > TOLERANCE_MS) return false;
  if (want.untilMs === undefined) return have.untilMs === undefined;
  if (have.untilMs === undefined) return t < want.untilMs + TOLERANCE_MS;
  return Math.abs(have.untilMs - want.untilMs) <= TOLERANCE_MS;
}

/** A fault the step takes for granted, and the learner's faults of that node and kind that differ from it. */
export interface AssumptionMismatch {
  want: FaultSpec;
  /** The learner's own version (overlapping it in time), if any: the warning says how it differs. */
  have: FaultSpec[];
}

/**
 * The step's assumed faults that the run on screen does not have as the step describes them, at t:
 * missing, or there but different (an outage still on long after the story has it end).
 */
export function assumptionMismatches(scenario: Scenario, step: NarrativeStep | undefined, interventions: readonly FaultSpec[], t: number): AssumptionMismatch[] {
  if (!step?.assumes?.length) return [];
  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  return faultsFor(step.assumes, nodeIds)
    .filter((want) => !interventions.some((have) => matches(have, want, t)))
    .map((want) => ({ want, have: interventions.filter((have) => covers(have, want)) }));
}

/** The learner's faults with each mismatch put right: their version replaced by the story's. */
export function withAssumptions(interventions: readonly FaultSpec[], mismatches: readonly AssumptionMismatch[]): FaultSpec[] {
  const replaced = new Set(mismatches.flatMap((m) => m.have));
  return [...interventions.filter((f) => !replaced.has(f)), ...mismatches.map((m) => m.want)];
}

function seconds(ms: number): string {
  return String(ms / 1000);
}

/** The learner's version of an assumed fault, in words: "down from 10 s and never back up". */
export function learnerFaultText(f: FaultSpec, t: Translate): string {
  if (f.kind !== 'down') return formatFault(f);
  return f.untilMs === undefined ? t('narrative.yoursOpen', { from: seconds(f.fromMs) }) : t('narrative.yoursClosed', { from: seconds(f.fromMs), until: seconds(f.untilMs) });
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
