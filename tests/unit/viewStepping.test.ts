import { describe, expect, it } from 'vitest';
import { nextDeliveryTime, previousDeliveryTime } from '../../src/view/stepping';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { emptyTrace, hop, makeScenario, makeTrace } from './viewFixtures';

// Arrivals in the fixture: 10, 20, 22, 30, 40, 1080 (out of order in the trace: 22 is listed before 20).
const index = buildTraceIndex(makeTrace(), makeScenario());

describe('stepping', () => {
  it('jumps to the next arrival strictly after t', () => {
    expect(nextDeliveryTime(index, -5)).toBe(10);
    expect(nextDeliveryTime(index, 10)).toBe(20);
    expect(nextDeliveryTime(index, 15)).toBe(20);
    expect(nextDeliveryTime(index, 20)).toBe(22);
    expect(nextDeliveryTime(index, 40)).toBe(1080);
    expect(nextDeliveryTime(index, 1080)).toBeUndefined();
  });

  it('jumps to the previous arrival strictly before t', () => {
    expect(previousDeliveryTime(index, 0)).toBeUndefined();
    expect(previousDeliveryTime(index, 10)).toBeUndefined();
    expect(previousDeliveryTime(index, 10.5)).toBe(10);
    expect(previousDeliveryTime(index, 22)).toBe(20);
    expect(previousDeliveryTime(index, 5000)).toBe(1080);
  });

  it('skips messages dropped by a cut link: they never land', () => {
    const cut = buildTraceIndex(
      { ...emptyTrace(), records: [hop(0, 10, 'a', 'b', 'event', 'e', 1), { ...hop(1, 5, 'a', 'b', 'event', 'e', 2), lost: true }] },
      makeScenario(),
    );
    expect(nextDeliveryTime(cut, 0)).toBe(10);
    expect(previousDeliveryTime(cut, 10)).toBeUndefined();
  });

  it('has nowhere to go in an empty trace', () => {
    const empty = buildTraceIndex(emptyTrace(), makeScenario());
    expect(nextDeliveryTime(empty, 0)).toBeUndefined();
    expect(previousDeliveryTime(empty, 0)).toBeUndefined();
  });
});
