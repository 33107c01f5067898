// A fault toggled while the clock sits between two milliseconds (after a Step) is on at once, and
// off at once when toggled back: faults are placed to the ms, so the clock snaps to the nearest one.
import { beforeEach, describe, expect, it } from 'vitest';
import { toggleNodeFault } from '../../src/state/commands';
import { activeFault } from '../../src/state/interventions';
import { initialLabState, useLabStore } from '../../src/state/store';
import { toggleCutNow } from '../../src/state/faultCommands';

const lab = () => useLabStore.getState();

describe('fault toggles between milliseconds', () => {
  beforeEach(() => useLabStore.setState({ ...initialLabState, scenarioId: 'checkout-sync', interventions: [] }));

  it.each([987.6, 988.4, 988.5, 988.9999])('at t = %s ms: one click on, one click off', (t) => {
    lab().setT(t);
    toggleNodeFault('fulfillment', 'down');
    expect(lab().interventions).toHaveLength(1);
    expect(activeFault(lab().interventions, 'fulfillment', 'down', lab().t)).toBeDefined();
    expect(lab().t).toBe(Math.round(t));
    lab().setT(lab().t + 5000.5);
    toggleNodeFault('fulfillment', 'down');
    expect(activeFault(lab().interventions, 'fulfillment', 'down', lab().t)).toBeUndefined();
    expect(lab().interventions).toEqual([{ target: 'fulfillment', kind: 'down', fromMs: Math.round(t), untilMs: Math.round(Math.round(t) + 5000.5) }]);
  });

  it('a cut toggled at a fractional time is open at once', () => {
    lab().setT(1234.5);
    toggleCutNow('checkout', 'fulfillment');
    expect(lab().interventions).toEqual([{ target: 'checkout->fulfillment', kind: 'cut', fromMs: 1235 }]);
    expect(lab().t).toBe(1235);
  });
});
