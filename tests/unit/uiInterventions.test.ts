import { describe, expect, it } from 'vitest';
import { activeCut, activeFault, armFault, faultsFor, toggleCut, toggleFault } from '../../src/state/interventions';

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

describe('every fault kind', () => {
  it('error rate toggles like down, with the default rate spelled out', () => {
    const on = toggleFault([], 'inventory', 'error', 4000);
    expect(on).toEqual([{ target: 'inventory', kind: 'error', fromMs: 4000, rate: 0.5 }]);
    expect(toggleFault(on, 'inventory', 'error', 9000)).toEqual([{ target: 'inventory', kind: 'error', fromMs: 4000, rate: 0.5, untilMs: 9000 }]);
  });

  it('slow, error and down on one node are independent switches', () => {
    let list = toggleFault([], 'a', 'down', 1000);
    list = toggleFault(list, 'a', 'slow', 1000);
    list = toggleFault(list, 'a', 'error', 1000);
    list = toggleFault(list, 'a', 'slow', 2000);
    expect(activeFault(list, 'a', 'down', 2500)).toBeDefined();
    expect(activeFault(list, 'a', 'error', 2500)).toBeDefined();
    expect(activeFault(list, 'a', 'slow', 2500)).toBeUndefined();
  });

  it('crash and poison are one-shot: each press appends a fault at t (rounded), never closes one', () => {
    const once = armFault([], 'fulfillment', 'crash', 6123.4);
    expect(once).toEqual([{ target: 'fulfillment', kind: 'crash', fromMs: 6123, restartMs: 1000 }]);
    const twice = armFault(once, 'fulfillment', 'crash', 6123.4);
    expect(twice).toHaveLength(2);
    expect(armFault([], 'online-orders', 'poison', 2000)).toEqual([{ target: 'online-orders', kind: 'poison', fromMs: 2000 }]);
  });

  it('a cut names the link a->b and is restored from either end', () => {
    const cut = toggleCut([], 'checkout', 'online-orders', 10_000);
    expect(cut).toEqual([{ target: 'checkout->online-orders', kind: 'cut', fromMs: 10_000 }]);
    expect(activeCut(cut, 'online-orders', 'checkout', 12_000)).toBe(cut[0]);
    const restored = toggleCut(cut, 'online-orders', 'checkout', 20_000);
    expect(restored).toEqual([{ target: 'checkout->online-orders', kind: 'cut', fromMs: 10_000, untilMs: 20_000 }]);
    expect(activeCut(restored, 'checkout', 'online-orders', 20_000)).toBeUndefined();
    // Cut again later: a second window, the first kept.
    expect(toggleCut(restored, 'checkout', 'online-orders', 25_000)).toHaveLength(2);
    // Restored at the instant it was cut: it never happened.
    expect(toggleCut(cut, 'checkout', 'online-orders', 10_000)).toEqual([]);
  });

  it('faultsFor keeps a cut only where both ends exist', () => {
    const list = toggleCut(armFault([], 'fulfillment', 'crash', 0), 'checkout', 'online-orders', 0);
    expect(faultsFor(list, new Set(['checkout', 'fulfillment']))).toEqual([list[0]]);
    expect(faultsFor(list, new Set(['checkout', 'fulfillment', 'online-orders']))).toEqual(list);
  });
});
