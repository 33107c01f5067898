import { describe, expect, it } from 'vitest';
import { activeFault, toggleFault } from '../../src/state/interventions';

describe('toggleFault', () => {
  it('appends a fault from t, then closes it at a later t', () => {
    const down = toggleFault([], 'fulfillment', 'down', 10_000);
    expect(down).toEqual([{ target: 'fulfillment', kind: 'down', fromMs: 10_000 }]);
    const up = toggleFault(down, 'fulfillment', 'down', 30_000);
    expect(up).toEqual([{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }]);
    expect(activeFault(up, 'fulfillment', 'down', 20_000)).toBeDefined();
    expect(activeFault(up, 'fulfillment', 'down', 30_000)).toBeUndefined();
  });

  it('a fault closed at the instant it started never happened', () => {
    expect(toggleFault(toggleFault([], 'a', 'down', 5), 'a', 'down', 5)).toEqual([]);
  });

  it('after the window closed, the same node can go down again (the past is kept)', () => {
    const once = toggleFault(toggleFault([], 'a', 'down', 1000), 'a', 'down', 2000);
    const again = toggleFault(once, 'a', 'down', 3000);
    expect(again).toHaveLength(2);
  });
});
