// The share format: parse never throws, bad values become notices and fall back to defaults.
import { describe, expect, it } from 'vitest';
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
});
