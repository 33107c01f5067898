import { describe, expect, it } from 'vitest';
import { findInvariantBreaks } from '../../src/engine/invariants';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import { findScenario } from '../../src/scenarios/builtins';

describe('invariant monitors', () => {
  it('point at the record where an event was first lost (C1)', () => {
    const trace = simulate(findScenario('c1-commit-before-crash')!);
    const breaks = findInvariantBreaks(trace);
    expect(breaks).toHaveLength(1);
    const [lost] = breaks;
    expect(lost).toMatchObject({ subject: 'g', kind: 'lost', count: 1 });
    expect(trace.records[lost.recordIndex]).toMatchObject({ type: 'lost', offset: 2 });
    expect(trace.events[lost.event].label).toBe('m2');
  });

  it('point at the first duplicate (C1, crash before the commit)', () => {
    const trace = simulate(findScenario('c1-commit-after-duplicate')!);
    const [dup] = findInvariantBreaks(trace);
    expect(dup).toMatchObject({ kind: 'duplicate', subject: 'g', count: 1 });
    expect(trace.records[dup.recordIndex]).toMatchObject({ type: 'processed', member: 'c2', offset: 2 });
  });

  it('report the dropped cancel of C11 and nothing for the keyed fix', () => {
    const broken = findInvariantBreaks(simulate(findScenario('c11-cancel-before-place')!));
    expect(broken.map((b) => `${b.kind}:${b.subject}`)).toEqual(['dropped:orders']);
    expect(findInvariantBreaks(simulate(findScenario('c11-keyed-topic')!))).toEqual([]);
  });

  it('agree with the metrics counts and stay silent on a healthy run', () => {
    const s = findScenario('checkout-pubsub')!;
    expect(findInvariantBreaks(simulate(s, { interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }] }))).toEqual([]);
    const c1 = findScenario('c1-commit-before-crash')!;
    const trace = simulate(c1);
    expect(findInvariantBreaks(trace).find((b) => b.kind === 'lost')!.count).toBe(computeMetrics(trace, c1).groups.g.lost);
  });
});
