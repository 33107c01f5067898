// The guided story's time rules: which step belongs to which t, and where playback must stop.
import { describe, expect, it } from 'vitest';
import type { NarrativeStep } from '../../src/engine/types';
import { firstRevealCrossed, isRevealed, resolveStep, revealTimes, stepAt, stepFits, stepStartMs } from '../../src/state/narrativeModel';

const step = (atMs: number): NarrativeStep => ({ title: `at ${atMs}`, text: '', highlight: [], atMs });

describe('reveal times', () => {
  it('are clamped to the run and never go back in time', () => {
    expect(revealTimes([step(5000), step(3000), step(90_000), step(-4)], 60_000)).toEqual([5000, 5000, 60_000, 60_000]);
  });
});

describe('which step fits t', () => {
  const times = [5000, 12_000, 20_000];

  it('a step runs from the reveal before it to the reveal after it', () => {
    expect(stepFits(times, 0, 0)).toBe(true);
    expect(stepFits(times, 0, 5000)).toBe(true); // step 1 revealed
    expect(stepFits(times, 0, 8000)).toBe(true); // still step 1 (revealed) until Next
    expect(stepFits(times, 0, 12_000)).toBe(false);
    expect(stepFits(times, 1, 4999)).toBe(false);
    expect(stepFits(times, 1, 5000)).toBe(true); // after Next at step 1's reveal point
    expect(stepFits(times, 2, 59_000)).toBe(true); // the last step runs to the end
  });

  it('two reveal points at the same moment still reveal each', () => {
    expect(stepFits([5000, 5000, 9000], 0, 5000)).toBe(true);
    expect(stepFits([5000, 5000, 9000], 1, 5000)).toBe(true);
  });

  it('moving forward lands on the last reveal passed, moving back on the step ahead', () => {
    expect(stepAt(times, 13_000, 'forward')).toBe(1);
    expect(stepAt(times, 2000, 'forward')).toBe(0);
    expect(stepAt(times, 13_000, 'back')).toBe(2);
    expect(stepAt(times, 12_000, 'back')).toBe(1);
    expect(stepAt(times, 30_000, 'back')).toBe(2);
  });

  it('the learner’s step wins when it fits', () => {
    expect(resolveStep(times, 1, 5000)).toBe(1);
    expect(resolveStep(times, 0, 5000)).toBe(0);
    expect(resolveStep(times, 0, 15_000, 'forward')).toBe(1);
    expect(resolveStep(times, 2, 1000, 'back')).toBe(0);
  });

  it('reveal points, crossings and starts', () => {
    expect(isRevealed(times, 1, 11_999)).toBe(false);
    expect(isRevealed(times, 1, 12_000)).toBe(true);
    expect(firstRevealCrossed(times, 4000, 13_000)).toBe(0);
    expect(firstRevealCrossed(times, 5000, 13_000)).toBe(1); // leaving a reveal point does not stop again
    expect(firstRevealCrossed(times, 5000, 6000)).toBeUndefined();
    expect(stepStartMs(times, 0)).toBe(0);
    expect(stepStartMs(times, 2)).toBe(12_000);
  });
});
