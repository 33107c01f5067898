// Tells screen-reader users what changed, politely and rarely: when a node's status changes while
// playing, and a full summary when playback stops on a moment (pause, step, scrub). Never per frame.
import { useEffect, useState } from 'react';
import { currentRuns } from '../state/commands';
import { useLabStore } from '../state/store';
import { worldAtCached } from '../state/worldCache';
import { describeWorld } from '../view/accessibleSummary';

const CHECK_EVERY_MS = 1000;
const SETTLE_MS = 400;

function statusSignature(): string {
  const { t } = useLabStore.getState();
  return currentRuns()
    .map((run) => {
      const w = worldAtCached(run.index, t);
      return Object.values(w.nodes)
        .map((n) => `${n.id}=${n.status}`)
        .join(',');
    })
    .join('|');
}

function summary(full: boolean): string {
  const { t } = useLabStore.getState();
  const runs = currentRuns();
  return runs
    .map((run) => {
      let lines = describeWorld(worldAtCached(run.index, t), run.scenario);
      // While playing, only the first lines (time and node status) matter; counts churn.
      if (!full) lines = lines.filter((l, i) => i === 0 || / is (down|slow|failing)|All components/.test(l));
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
        lastSig = statusSignature();
        setMessage(summary(true));
      }, SETTLE_MS);
    });

    return () => {
      clearInterval(poll);
      if (settle !== undefined) clearTimeout(settle);
      unsubscribe();
    };
  }, []);

  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {message}
    </div>
  );
}
