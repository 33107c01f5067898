// Tells screen-reader users what changed, politely and rarely: when a node's status changes while
// playing, and a full summary when playback stops on a moment (pause, step, scrub). Never per frame.
import { useEffect, useState } from 'react';
import { currentRuns } from '../state/commands';
import { onNarrativeAnnouncement, takeNarrativeAnnouncement } from '../state/narrativeAnnounce';
import { invariantTracksOf } from '../state/invariantCache';
import type { Run } from '../state/runCache';
import { useLabStore } from '../state/store';
import { worldAtCached } from '../state/worldCache';
import { describeAlerts, describeWorld, type SummaryExtras } from '../view/accessibleSummary';
import { breaksAt } from '../view/invariantTimeline';
import { lifeAt } from '../view/membersAt';

const CHECK_EVERY_MS = 1000;
const SETTLE_MS = 400;

/** Crashes and broken invariants at t: what the world alone does not say. */
function extrasAt(run: Run, t: number): SummaryExtras {
  const crashed = new Set<string>();
  for (const id of run.index.crashT.keys()) if (lifeAt(run.index, id, t) === 'crashed') crashed.add(id);
  return { crashed, breaks: breaksAt(invariantTracksOf(run.trace), t) };
}

// Everything that, when it changes while playing, is worth an announcement: node status (a crash
// included), cut links, rebalances, and the first (or another) break of an invariant.
function statusSignature(): string {
  const { t } = useLabStore.getState();
  return currentRuns()
    .map((run) => describeAlerts(worldAtCached(run.index, t), run.scenario, extrasAt(run, t)).slice(1).join(' '))
    .join('|');
}

function summary(full: boolean): string {
  const { t } = useLabStore.getState();
  const runs = currentRuns();
  return runs
    .map((run) => {
      const world = worldAtCached(run.index, t);
      const extras = extrasAt(run, t);
      // While playing, only the alerts matter (status, crashes, cuts, rebalances, broken invariants); counts churn.
      const lines = full ? describeWorld(world, run.scenario, undefined, extras) : describeAlerts(world, run.scenario, extras);
      return runs.length > 1 ? `${run.scenario.title}: ${lines.join(' ')}` : lines.join(' ');
    })
    .join(' ');
}

export function LiveAnnouncer() {
  const [message, setMessage] = useState('');

  useEffect(() => {
    let lastSig = statusSignature();
    let settle: ReturnType<typeof setTimeout> | undefined;

    const poll = setInterval(() => {
      if (!useLabStore.getState().playing) return;
      const sig = statusSignature();
      if (sig !== lastSig) {
        lastSig = sig;
        setMessage(summary(false));
      }
    }, CHECK_EVERY_MS);

    // A paused moment (pause, step, scrub, toggle) gets the full picture once things settle.
    const unsubscribe = useLabStore.subscribe((s, prev) => {
      if (s.playing) return;
      if (s.t === prev.t && s.playing === prev.playing && s.interventions === prev.interventions && s.scenarioId === prev.scenarioId && s.view === prev.view) return;
      if (settle !== undefined) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = undefined;
        lastSig = statusSignature();
        // The guided story's words first (step, reveal), then the world at that moment: one message.
        const story = takeNarrativeAnnouncement();
        setMessage(story ? `${story} ${summary(true)}` : summary(true));
      }, SETTLE_MS);
    });

    // Story words with no paused summary coming (e.g. Next onto a question) are spoken at once.
    const offNarrative = onNarrativeAnnouncement(() => {
      queueMicrotask(() => {
        if (settle !== undefined) return;
        const story = takeNarrativeAnnouncement();
        if (story) setMessage(story);
      });
    });

    return () => {
      clearInterval(poll);
      if (settle !== undefined) clearTimeout(settle);
      unsubscribe();
      offNarrative();
    };
  }, []);

  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {message}
    </div>
  );
}
