// The view helpers behind the graph's messaging semantics: invariant breaks over time, who consumes
// what (named as the engine names members), crashed vs down, unacked per queue consumer, and the
// sentences the live region says about them.
import { describe, expect, it } from 'vitest';
import { findInvariantBreaks } from '../../src/engine/invariants';
import { simulate } from '../../src/engine/simulate';
import type { FaultSpec, Scenario } from '../../src/engine/types';
import { builtinScenarios, findScenario } from '../../src/scenarios/builtins';
import { describeAlerts, describeWorld } from '../../src/view/accessibleSummary';
import { breaksAt, invariantTracks, lostOffsets } from '../../src/view/invariantTimeline';
import { armedCrashesAt, consumerDirectory, formatPartitions, lifeAt, queueConsumersAt } from '../../src/view/membersAt';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { worldAt } from '../../src/view/worldAt';

const CRASH: FaultSpec = { target: 'fulfillment', kind: 'crash', fromMs: 5000, restartMs: 1000 };

function run(id: string, interventions: FaultSpec[] = []) {
  const scenario = findScenario(id)!;
  const trace = simulate(scenario, { interventions });
  return { scenario, trace, index: buildTraceIndex(trace, scenario) };
}

describe('invariant timeline', () => {
  it('agrees with findInvariantBreaks on every built-in scenario: same first breaks, one time per occurrence', () => {
    let broken = 0;
    for (const scenario of builtinScenarios) {
      const trace = simulate(scenario);
      const breaks = findInvariantBreaks(trace);
      const tracks = invariantTracks(trace);
      expect(tracks.map(({ times: _t, ...b }) => b)).toEqual(breaks);
      for (const tr of tracks) {
        expect(tr.times).toHaveLength(tr.count);
        expect(tr.times[0]).toBe(tr.t);
        expect([...tr.times].sort((a, b) => a - b)).toEqual(tr.times);
      }
      broken += tracks.length;
    }
    expect(broken).toBeGreaterThan(0);
  });

  it('a break shows only from the moment it happened, and counts what happened so far (C1)', () => {
    const { trace } = run('c1-commit-before-crash');
    const [lost] = invariantTracks(trace);
    expect(lost).toMatchObject({ kind: 'lost', subject: 'g' });
    expect(breaksAt([lost], lost.t - 1)).toEqual([]);
    expect(breaksAt([lost], lost.t)).toEqual([{ subject: 'g', kind: 'lost', t: lost.t, recordIndex: lost.recordIndex, event: lost.event, count: 1 }]);
    expect(lostOffsets(trace).get('g')).toEqual([{ t: lost.t, partition: 0, offset: 2 }]);
  });
});

describe('consumers', () => {
  it('member ids match the engine’s, on every built-in scenario', () => {
    for (const scenario of builtinScenarios) {
      const trace = simulate(scenario);
      const known = consumerDirectory(scenario).memberById;
      for (const r of trace.records) {
        if (r.type === 'assign') for (const m of Object.keys(r.assignment)) expect(known.get(m)?.group, `${scenario.id}: ${m}`).toBe(r.group);
        if (r.type === 'q-deliver') expect(consumerDirectory(scenario).queueConsumers.map((c) => c.id)).toContain(r.consumer);
      }
    }
  });

  it('knows dead-letter topics and queues', () => {
    expect([...consumerDirectory(findScenario('c4-dead-letter-topic')!).deadLetterTopics]).toEqual(['t.dlt']);
    expect([...consumerDirectory(findScenario('c7-delivery-limit-dlq')!).deadLetterQueues]).toEqual(['q-dlq']);
  });

  it('tells a crash (restarting) from a down fault', () => {
    const { trace, index } = run('checkout-pubsub', [CRASH]);
    const crashAt = index.crashT.get('fulfillment')![0];
    expect(armedCrashesAt(trace, index, 'fulfillment', 4999)).toBe(0);
    expect(armedCrashesAt(trace, index, 'fulfillment', crashAt - 1)).toBe(1);
    expect(armedCrashesAt(trace, index, 'fulfillment', crashAt)).toBe(0);
    expect(lifeAt(index, 'fulfillment', crashAt - 1)).toBe('up');
    expect(lifeAt(index, 'fulfillment', crashAt)).toBe('crashed');
    expect(lifeAt(index, 'fulfillment', crashAt + 999)).toBe('crashed');
    expect(lifeAt(index, 'fulfillment', crashAt + 1000)).toBe('up');
    const c1 = run('c1-commit-before-crash');
    expect(lifeAt(c1.index, 'c1', 3000)).toBe('down');
  });

  it('counts unacked messages per queue consumer, never more than the queue’s total', () => {
    const { scenario, trace, index } = run('c7-delivery-limit-dlq');
    let seen = 0;
    for (let t = 0; t <= scenario.durationMs; t += 7) {
      const held = queueConsumersAt(trace, scenario, 'q', t);
      expect(held.map((c) => c.id)).toEqual(['worker']);
      const total = worldAt(index, t).queues.q.unacked;
      expect(held[0].unacked).toBeLessThanOrEqual(total);
      seen = Math.max(seen, held[0].unacked);
    }
    expect(seen).toBe(1); // prefetch 1
    expect(queueConsumersAt(trace, scenario, 'q', scenario.durationMs)[0].unacked).toBe(0);
  });

  it('formats partition sets compactly', () => {
    expect(formatPartitions([])).toBe('—');
    expect(formatPartitions([2, 0, 1])).toBe('p0–2');
    expect(formatPartitions([0, 1, 3, 5, 6, 7])).toBe('p0, p1, p3, p5–7');
  });
});

describe('announcements', () => {
  it('say crashes, dead members, rebalances, cut links and broken invariants', () => {
    const cut: FaultSpec = { target: 'online-orders->inventory', kind: 'cut', fromMs: 1000 };
    const { scenario, trace, index } = run('checkout-pubsub', [CRASH, cut]);
    const crashAt = index.crashT.get('fulfillment')![0];
    const extras = { crashed: new Set(['fulfillment']) };
    const lines = describeAlerts(worldAt(index, crashAt + 1), scenario, extras);
    expect(lines).toContain('Order Fulfillment crashed in the middle of a message and is restarting.');
    expect(lines).toContain('Member fulfillment of group fulfillment is dead but still owns 3 partitions until the group notices.');
    expect(lines).toContain('The network between online-orders and Inventory is cut.');
    const rebalanceAt = trace.records.find((r) => r.type === 'rebalance' && r.group === 'fulfillment')!.t;
    expect(describeAlerts(worldAt(index, rebalanceAt), scenario)).toContain(
      'Consumer group fulfillment on online-orders is rebalancing: its members pause while partitions move.',
    );

    const c1 = run('c1-commit-before-crash');
    const breaks = breaksAt(invariantTracks(c1.trace), 6000);
    const full = describeWorld(worldAt(c1.index, 6000), c1.scenario as Scenario, undefined, { breaks });
    expect(full).toContain(`Warning: consumer group g lost 1 event (first at ${(breaks[0].t / 1000).toFixed(1)} seconds).`);
  });
});
