// What the live region says about the world at t, in the interface language: the alerts while
// playing, the full picture on a paused moment. Loaded right after the first paint (LiveAnnouncer
// imports it lazily): nothing is announced before the learner does something.
import '../i18n/messages.details.en';
import { useI18nStore } from '../i18n/i18nStore';
import { currentRuns } from '../state/commands';
import { invariantTracksOf } from '../state/invariantCache';
import type { Run } from '../state/runCache';
import { useLabStore } from '../state/store';
import { worldAtCached } from '../state/worldCache';
import { describeAlerts, describeWorld, type SummaryExtras } from '../view/accessibleSummary';
import { breaksAt } from '../view/invariantTimeline';
import { lifeAt } from '../view/membersAt';
import { summaryStringsFor, type SummaryStrings } from '../view/summaryStrings';
import { scenarioTexts } from './narrative/localize';

/** Crashes and broken invariants at t: what the world alone does not say. */
function extrasAt(run: Run, t: number): SummaryExtras {
  const crashed = new Set<string>();
  for (const id of run.index.crashT.keys()) if (lifeAt(run.index, id, t) === 'crashed') crashed.add(id);
  return { crashed, breaks: breaksAt(invariantTracksOf(run.trace), t) };
}

// The sentences in the interface language, worded again only when it changes.
let worded: { t: unknown; strings: SummaryStrings } | undefined;
function strings(): SummaryStrings {
  const { t } = useI18nStore.getState();
  if (worded?.t !== t) worded = { t, strings: summaryStringsFor(t) };
  return worded.strings;
}

// Everything that, when it changes while playing, is worth an announcement: node status (a crash
// included), cut links, rebalances, and the first (or another) break of an invariant.
export function statusSignature(): string {
  const { t } = useLabStore.getState();
  return currentRuns()
    .map((run) => describeAlerts(worldAtCached(run.index, t), run.scenario, extrasAt(run, t), strings()).slice(1).join(' '))
    .join('|');
}

export function summary(full: boolean): string {
  const { t } = useLabStore.getState();
  const { lang, t: tr } = useI18nStore.getState();
  const runs = currentRuns();
  return runs
    .map((run) => {
      const world = worldAtCached(run.index, t);
      const extras = extrasAt(run, t);
      // While playing, only the alerts matter (status, crashes, cuts, rebalances, broken invariants); counts churn.
      const lines = full ? describeWorld(world, run.scenario, strings(), extras) : describeAlerts(world, run.scenario, extras, strings());
      return runs.length > 1 ? tr('summary.scenario', { title: scenarioTexts(run.scenario, lang).title, text: lines.join(' ') }) : lines.join(' ');
    })
    .join(' ');
}
