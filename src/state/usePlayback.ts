// The one playback loop: while playing, each animation frame advances the virtual clock by
// wall-clock dt × speed. Nothing else moves time, and the model never depends on frames.
import { useEffect } from 'react';
import { currentEndMs } from './commands';
import { useLabStore } from './store';
import { useWorkshopStore } from './workshop';

/** A frame later than this (tab in background, debugger) is treated as this long, not a leap. */
const MAX_FRAME_MS = 100;

export function usePlayback(): void {
  const playing = useLabStore((s) => s.playing);

  useEffect(() => {
    // An audience window's clock is the presenter's (it arrives by message), never its own.
    if (!playing || useWorkshopStore.getState().audience) return;
    let raf = 0;
    let last: number | undefined;
    const tick = (now: number) => {
      const s = useLabStore.getState();
      if (!s.playing) return;
      const dt = last === undefined ? 0 : Math.min(now - last, MAX_FRAME_MS);
      last = now;
      const end = currentEndMs();
      const t = s.t + dt * s.speed;
      if (t >= end) {
        s.setT(end);
        s.setPlaying(false);
        return;
      }
      if (dt > 0) s.setT(t);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing]);
}
