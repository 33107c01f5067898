// The share format: parse never throws, bad values become notices and fall back to defaults.
import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../src/engine/types';
import { formatUrl, parseUrl, type ScenarioRef } from '../../src/state/url';

const refs: ScenarioRef[] = [
  { id: 'checkout-sync', seed: 42, durationMs: 60_000, title: 'Sync' },
  { id: 'checkout-pubsub', seed: 42, durationMs: 60_000, title: 'Pub/sub' },
];

describe('parseUrl', () => {
  it('reads scenario, seed, t (seconds), view and faults', () => {
    const { state, notices } = parseUrl('?scenario=checkout-pubsub&seed=7&t=42&view=compare&faults=fulfillment:down:10-30', refs);
    expect(notices).toEqual([]);
    expect(state).toEqual({
      scenarioId: 'checkout-pubsub',
      seed: 7,
      t: 42_000,
      view: 'compare',
      interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }],
    });
  });

  it('defaults for an empty query', () => {
    const { state, notices } = parseUrl('', refs);
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ scenarioId: 'checkout-sync', seed: 42, t: 0, view: 'single', interventions: [] });
  });

  it('explains and falls back on bad values', () => {
    const { state, notices } = parseUrl('?scenario=nope&seed=-3&t=abc&view=grid&faults=x', refs);
    expect(state).toMatchObject({ scenarioId: 'checkout-sync', seed: 42, t: 0, view: 'single', interventions: [] });
    expect(notices).toHaveLength(5);
    expect(notices[0]).toMatch(/Unknown scenario “nope”/);
  });

  it('clamps a time past the end and says so', () => {
    const { state, notices } = parseUrl('?t=999', refs);
    expect(state.t).toBe(60_000);
    expect(notices[0]).toMatch(/past the end/);
  });

  it('round-trips through formatUrl', () => {
    const s = { scenarioId: 'checkout-sync', seed: 3, t: 12_300, view: 'compare' as const, interventions: [{ target: 'inventory', kind: 'slow' as const, fromMs: 1000, factor: 10 }] };
    expect(parseUrl(formatUrl(s), refs).state).toEqual(s);
  });

  it('round-trips every fault kind, with and without its knob', () => {
    const interventions: FaultSpec[] = [
      { target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 },
      { target: 'inventory', kind: 'slow', fromMs: 1000, factor: 10 },
      { target: 'inventory', kind: 'slow', fromMs: 2000, untilMs: 2500, factor: 3.5 },
      { target: 'analytics', kind: 'error', fromMs: 1500, rate: 0.5 },
      { target: 'analytics', kind: 'error', fromMs: 1600, untilMs: 9000, rate: 0.25 },
      { target: 'fulfillment', kind: 'crash', fromMs: 6123, restartMs: 1000 },
      { target: 'fulfillment', kind: 'crash', fromMs: 7000, restartMs: 2500 },
      { target: 'online-orders', kind: 'poison', fromMs: 4000 },
      { target: 'online-orders', kind: 'down', fromMs: 5000, untilMs: 8000 },
      { target: 'checkout->online-orders', kind: 'cut', fromMs: 10_000 },
      { target: 'online-orders->fulfillment', kind: 'cut', fromMs: 12_000, untilMs: 20_000 },
    ];
    const s = { scenarioId: 'checkout-pubsub', seed: 42, t: 20_000, view: 'single' as const, interventions };
    const url = formatUrl(s);
    const { state, notices } = parseUrl(url, refs);
    expect(notices).toEqual([]);
    expect(state).toEqual(s);
    // Defaults are left out of the address; a knob only appears when it differs.
    expect(url).toContain('inventory:slow:1-,');
    expect(url).toContain('inventory:slow:2-2.5:3.5');
    expect(url).toContain('fulfillment:crash:7-:2.5');
  });

  it('fills in the default knob for slow, error and crash', () => {
    const { state } = parseUrl('?faults=a:slow:1-,a:error:1-,a:crash:2-', refs);
    expect(state.interventions).toEqual([
      { target: 'a', kind: 'slow', fromMs: 1000, factor: 10 },
      { target: 'a', kind: 'error', fromMs: 1000, rate: 0.5 },
      { target: 'a', kind: 'crash', fromMs: 2000, restartMs: 1000 },
    ]);
  });

  it('rejects a cut without a link, a link without a cut, and knobs that make no sense', () => {
    const { state, notices } = parseUrl('?faults=a:cut:1-,a->b:down:1-,a:error:1-:1.5,a:down:1-:3,a:slow:1-:0', refs);
    expect(state.interventions).toEqual([]);
    expect(notices).toHaveLength(5);
  });
});


describe('fault values a link may not carry (adversarial review)', () => {
  it('refuses a slow factor below 1 and times beyond an hour, with a notice', async () => {
    const { parseUrl } = await import('../../src/state/url');
    const refs = [{ id: 'checkout-sync', title: 'Checkout', seed: 42, durationMs: 60_000 }];
    const { state, notices } = parseUrl(`?scenario=checkout-sync&faults=fulfillment:slow:0-:0.001,fulfillment:down:${'9'.repeat(400)}-`, refs as never);
    expect(state.interventions).toEqual([]);
    expect(notices.length).toBeGreaterThan(0);
  });
});
