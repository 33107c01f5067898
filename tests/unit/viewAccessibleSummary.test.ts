import { describe, expect, it } from 'vitest';
import { describeWorld } from '../../src/view/accessibleSummary';
import { EN_SUMMARY_STRINGS, type SummaryStrings } from '../../src/view/summaryStrings';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { worldAt } from '../../src/view/worldAt';
import { makeScenario, makeTrace } from './viewFixtures';

const scenario = makeScenario();
const index = buildTraceIndex(makeTrace(), scenario);

describe('describeWorld', () => {
  it('says what is wrong, how far behind each group is and the running counts', () => {
    expect(describeWorld(worldAt(index, 30), scenario)).toEqual([
      'At 0.0 seconds.',
      'Order Fulfillment is down.',
      'Checkout is saturated: 2 of 2 workers busy, 1 request waiting.',
      '2 commands submitted: 1 succeeded, 0 rejected, 0 failed, 1 in progress.',
      '1 event published.',
      'Consumer group ful (Order Fulfillment) on Online orders is 1 event behind; 0 processed.',
      'Consumer group ana (Analytics) on Online orders is 1 event behind; 0 processed.',
      '1 message in flight.',
    ]);
  });

  it('collapses a healthy world and names groups without a service', () => {
    const lines = describeWorld(worldAt(index, 2000), scenario);
    expect(lines).toContain('At 2.0 seconds.');
    expect(lines).toContain('All components are up.');
    expect(lines).toContain('3 commands submitted: 1 succeeded, 1 rejected, 1 failed.');
    expect(lines).toContain('Consumer group audit on Online orders is 1 event behind; 0 processed.');
    expect(lines).toContain('No messages in flight.');
  });

  it('mentions a rebalance and a caught-up group', () => {
    const lines = describeWorld(worldAt(index, 65), scenario);
    expect(lines).toContain('Consumer group ful (Order Fulfillment) on Online orders is 2 events behind, rebalancing; 1 processed.');
    const before = describeWorld(worldAt(index, -1), scenario);
    expect(before).toContain('Consumer group ana (Analytics) on Online orders is caught up; 0 processed.');
    expect(before).toContain('No commands submitted yet.');
  });

  it('takes its sentences from a replaceable table', () => {
    const shout: SummaryStrings = { ...EN_SUMMARY_STRINGS, time: (s) => `T=${s}` };
    expect(describeWorld(worldAt(index, 1500), scenario, shout)[0]).toBe('T=1.5');
  });
});
