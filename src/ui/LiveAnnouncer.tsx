// Tells screen-reader users what changed, politely and rarely: when a node's status changes while
// playing, and a full summary when playback stops on a moment (pause, step, scrub). Never per frame.
// The sentences themselves (liveSummary.ts) load just after the first paint.
import { useEffect, useState } from 'react';
import { onNarrativeAnnouncement, takeNarrativeAnnouncement } from '../state/narrativeAnnounce';
import { useLabStore } from '../state/store';

type LiveSummary = typeof import('./liveSummary');

const CHECK_EVERY_MS = 1000;
const SETTLE_MS = 400;

export function LiveAnnouncer() {
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live: LiveSummary | undefined;
    let lastSig = '';
    const loading = import('./liveSummary').then((m) => {
      live = m;
      lastSig = m.statusSignature();
      return m;
    });
    let settle: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    const poll = setInterval(() => {
      if (!live || !useLabStore.getState().playing) return;
      const sig = live.statusSignature();
      if (sig !== lastSig) {
        lastSig = sig;
        setMessage(live.summary(false));
      }
    }, CHECK_EVERY_MS);

    // A paused moment (pause, step, scrub, toggle) gets the full picture once things settle.
    const unsubscribe = useLabStore.subscribe((s, prev) => {
      if (s.playing) return;
      if (s.t === prev.t && s.playing === prev.playing && s.interventions === prev.interventions && s.scenarioId === prev.scenarioId && s.view === prev.view) return;
      if (settle !== undefined) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = undefined;
        void loading.then((m) => {
          if (disposed || settle !== undefined) return; // unmounted, or a newer moment is settling
          lastSig = m.statusSignature();
          // The guided story's words first (step, reveal), then the world at that moment: one message.
          const story = takeNarrativeAnnouncement();
          setMessage(story ? `${story} ${m.summary(true)}` : m.summary(true));
        });
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
      disposed = true;
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
