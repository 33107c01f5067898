// step.assumes: which of a step's assumed faults are missing, and that the field survives the
// build's blanking of story words (scripts/vite-lazy-story-texts.mjs keeps everything but words).
import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../src/engine/types';
import { checkoutPubsub, checkoutSync } from '../../src/scenarios/checkout';
import { missingAssumptions } from '../../src/state/storyAssumes';
import { stripStoryTexts } from '../../scripts/vite-lazy-story-texts.mjs';
import { readFileSync } from 'node:fs';

const OUTAGE: FaultSpec = { target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 };

describe('missingAssumptions', () => {
  const step = checkoutSync.steps![1];

  it('checkout-sync and checkout-pubsub: the outage steps assume Fulfillment down from 10 s to 30 s, step 1 pauses at 10 s', () => {
    for (const s of [checkoutSync, checkoutPubsub]) {
      expect(s.steps![0].atMs).toBe(10_000);
      expect(s.steps![0].assumes).toBeUndefined();
      expect(s.steps![1].assumes).toEqual([OUTAGE]);
      expect(s.steps![2].assumes).toEqual([OUTAGE]);
    }
  });

  it('is the whole list without learner faults, and nothing once an overlapping fault of the same kind is there', () => {
    expect(missingAssumptions(checkoutSync, step, [])).toEqual([OUTAGE]);
    expect(missingAssumptions(checkoutSync, step, [{ target: 'fulfillment', kind: 'down', fromMs: 8000 }])).toEqual([]);
    expect(missingAssumptions(checkoutSync, step, [{ target: 'fulfillment', kind: 'down', fromMs: 12_000, untilMs: 25_000 }])).toEqual([]);
  });

  it('other nodes, other kinds or times that do not overlap do not count', () => {
    expect(missingAssumptions(checkoutSync, step, [{ target: 'analytics', kind: 'down', fromMs: 10_000 }])).toEqual([OUTAGE]);
    expect(missingAssumptions(checkoutSync, step, [{ target: 'fulfillment', kind: 'slow', fromMs: 10_000, factor: 10 }])).toEqual([OUTAGE]);
    expect(missingAssumptions(checkoutSync, step, [{ target: 'fulfillment', kind: 'down', fromMs: 30_000, untilMs: 40_000 }])).toEqual([OUTAGE]);
    expect(missingAssumptions(checkoutSync, checkoutSync.steps![0], [])).toEqual([]);
  });

  it('a fault on a node the scenario lacks is not assumed there', () => {
    expect(missingAssumptions(checkoutSync, { ...step, assumes: [{ target: 'nowhere', kind: 'down', fromMs: 0 }] }, [])).toEqual([]);
  });
});

describe('the build keeps step.assumes', () => {
  it('stripStoryTexts blanks the words of checkout.ts but not its assumes', () => {
    const src = readFileSync(new URL('../../src/scenarios/checkout.ts', import.meta.url), 'utf8');
    const { code } = stripStoryTexts(src, 'checkout.ts');
    expect(code).not.toContain('Fulfillment is down: orders fail');
    expect(code.match(/assumes: fulfillmentOutage/g)).toHaveLength(4);
  });
});
