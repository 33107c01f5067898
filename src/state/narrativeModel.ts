// The guided story's time logic, pure: which step belongs to which moment. No store, no React,
// so the rules below are unit-tested on their own.
//
// Step i is *about* the moment times[i] (its reveal point). Before it, the step sets the scene and
// asks its question; at and after it, the answer is revealed. So one t can belong to two steps:
// between times[i] and times[i+1] the story is either "step i, revealed" (the learner has not
// pressed Next yet) or "step i+1, not yet revealed" (they have). The step index the learner chose
// breaks that tie; t alone decides everything else.
import type { NarrativeStep } from '../engine/types';

/**
 * Reveal points made safe to play through: never past the end of the run, never earlier than the
 * step before (a story told out of order would otherwise send Next backwards in time).
 */
export function revealTimes(steps: readonly NarrativeStep[], endMs: number): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const s of steps) {
    const at = Number.isFinite(s.atMs) ? Math.min(Math.max(0, s.atMs), endMs) : endMs;
    prev = Math.max(prev, at);
    out.push(prev);
  }
  return out;
}

/** Can step i be the one shown at time t? (From the reveal before it up to the reveal after it.) */
export function stepFits(times: readonly number[], i: number, t: number): boolean {
  if (i < 0 || i >= times.length) return false;
  const from = i === 0 ? 0 : times[i - 1];
  if (t < from) return false;
  if (i === times.length - 1) return true;
  return t <= times[i] || t < times[i + 1];
}

/**
 * The step for t when the learner's index does not fit. Moving forward (playing, scrubbing ahead)
 * lands on the last reveal point passed, shown revealed: scrubbing past a reveal reveals it.
 * Moving back lands on the step still ahead of t, its question not yet answered by the picture.
 */
export function stepAt(times: readonly number[], t: number, direction: 'forward' | 'back'): number {
  const n = times.length;
  if (n === 0) return 0;
  if (direction === 'forward') {
    let j = 0;
    for (let i = 0; i < n; i++) if (times[i] <= t) j = i;
    return j;
  }
  for (let i = 0; i < n; i++) if (times[i] >= t) return i;
  return n - 1;
}

/** The learner's step if it fits t, otherwise the one t implies. */
export function resolveStep(times: readonly number[], hint: number, t: number, direction: 'forward' | 'back' = 'back'): number {
  if (times.length === 0) return 0;
  return stepFits(times, hint, t) ? hint : stepAt(times, t, direction);
}

export function isRevealed(times: readonly number[], i: number, t: number): boolean {
  return i >= 0 && i < times.length && t >= times[i];
}

/** The first reveal point crossed when time moves from `from` (exclusive) to `to` (inclusive). */
export function firstRevealCrossed(times: readonly number[], from: number, to: number): number | undefined {
  for (let i = 0; i < times.length; i++) if (times[i] > from && times[i] <= to) return i;
  return undefined;
}

/** Where step i's story starts: the reveal point before it (the moment Next left off), or 0. */
export function stepStartMs(times: readonly number[], i: number): number {
  return i <= 0 ? 0 : times[i - 1];
}
