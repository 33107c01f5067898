// @vitest-environment jsdom
// A link's faults are checked like the runner's --fault and scenario files' faults: one that could
// do nothing is left out with a notice saying why, instead of being kept silently (and written back).
import { beforeEach, describe, expect, it } from 'vitest';
import { initialLabState, useLabStore } from '../../src/state/store';
import { initFromUrl } from '../../src/state/urlSync';
import { parseUrl } from '../../src/state/url';

const lab = () => useLabStore.getState();

describe('faults in a link', () => {
  beforeEach(() => useLabStore.setState({ ...initialLabState, notices: [], interventions: [] }));

  it.each([
    ['fulfilment:down:10-30', /“fulfilment:down:10-30” was left out: 'fulfilment' is not a node of checkout-sync \(nodes: shoppers, checkout, fulfillment, inventory, analytics\)/],
    ['checkout:poison:1-', /poison applies to a topic or queue, and 'checkout' is a service/],
    ['shoppers:down:1-2', /down applies to a service or topic or queue, and 'shoppers' is a client/],
    ['fulfillment:down:3000-', /starts at 3000s, at or after the run ends \(60s\): it could do nothing/],
    ['shoppers->fulfillment:cut:0-', /no messages travel between 'shoppers' and 'fulfillment'/],
    ['fulfillment:down:30-10', /the end must come at least 1 ms after the start/],
    ['fulfillment:crash:10-20', /crash happens once: give only a start, e\.g\. “fulfillment:crash:10”/],
  ])('%s is left out, and the notice says why', (fault, why) => {
    initFromUrl(`?scenario=checkout-sync&story=off&faults=${fault},inventory:down:5-6`);
    expect(lab().interventions).toEqual([{ target: 'inventory', kind: 'down', fromMs: 5000, untilMs: 6000 }]);
    expect(lab().notices.join('\n')).toMatch(why);
  });

  it('in the compare view a fault that applies to either scenario is kept', () => {
    // online-orders exists only in checkout-pubsub.
    initFromUrl('?scenario=checkout-sync&view=compare&story=off&faults=online-orders:down:10-20');
    expect(lab().interventions).toEqual([{ target: 'online-orders', kind: 'down', fromMs: 10_000, untilMs: 20_000 }]);
    expect(lab().notices).toEqual([]);
  });

  it('the compare view keeps a time past the main scenario’s end but within its partner’s', () => {
    const refs = [
      { id: 'a', seed: 1, durationMs: 20_000, title: 'A', compareDurationMs: 40_000 },
      { id: 'b', seed: 1, durationMs: 40_000, title: 'B' },
    ];
    expect(parseUrl('?scenario=a&view=compare&t=35', refs).state.t).toBe(35_000);
    expect(parseUrl('?scenario=a&t=35', refs).state.t).toBe(20_000);
  });

  it('seeds and times are plain decimals, as the runner takes them', () => {
    const refs = [{ id: 'a', seed: 7, durationMs: 20_000, title: 'A' }];
    for (const bad of ['0x10', '1e3', ' 5', '-1']) {
      const { state, notices } = parseUrl(`?scenario=a&seed=${encodeURIComponent(bad)}&t=${encodeURIComponent(bad)}`, refs);
      expect(state.seed, bad).toBe(7);
      expect(state.t, bad).toBe(0);
      expect(notices, bad).toHaveLength(2);
    }
  });

  it('a start alone means until the end, as `from-` does; stray commas are ignored', () => {
    initFromUrl('?scenario=checkout-pubsub&story=off&faults=online-orders:poison:10,,fulfillment:down:5-,');
    expect(lab().interventions).toEqual([
      { target: 'online-orders', kind: 'poison', fromMs: 10_000 },
      { target: 'fulfillment', kind: 'down', fromMs: 5000 },
    ]);
    expect(lab().notices).toEqual([]);
  });
});
