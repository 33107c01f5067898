// The cases in shared/cases/README.md, asserted on the trace itself (which records, by label),
// beyond the counts the scenarios' own expectations check.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type { Trace } from '../../src/engine/types';
import { findScenario } from '../../src/scenarios/builtins';

function processedLabels(trace: Trace, group: string): string[] {
  return trace.records.flatMap((r) => (r.type === 'processed' && r.group === group && !r.skippedDuplicate ? [trace.events[r.event].label] : []));
}

function run(id: string) {
  const scenario = findScenario(id)!;
  const trace = simulate(scenario);
  return { scenario, trace, metrics: computeMetrics(trace, scenario) };
}

describe('C1 — commit timing and a crash', () => {
  it('commit before processing: m2 lost, the rest processed once, committed 5', () => {
    const { trace, metrics } = run('c1-commit-before-crash');
    expect(processedLabels(trace, 'g')).toEqual(['m0', 'm1', 'm3', 'm4']);
    const lost = trace.records.filter((r) => r.type === 'lost');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ offset: 2, reason: 'committed-before-processing' });
    expect(metrics.groups.g).toMatchObject({ lost: 1, duplicates: 0, committed: [5] });
  });

  it('commit after processing: C2 processes m2, nothing lost', () => {
    const { trace, metrics } = run('c1-commit-after-crash');
    expect(processedLabels(trace, 'g')).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    const byC2 = trace.records.filter((r) => r.type === 'processed' && r.member === 'c2').map((r) => (r.type === 'processed' ? trace.events[r.event].label : ''));
    expect(byC2).toEqual(['m2', 'm3', 'm4']);
    expect(metrics.groups.g).toMatchObject({ lost: 0, duplicates: 0, committed: [5] });
  });

  it('crash after processing but before the commit: m2 processed twice', () => {
    const { trace, metrics } = run('c1-commit-after-duplicate');
    expect(processedLabels(trace, 'g')).toEqual(['m0', 'm1', 'm2', 'm2', 'm3', 'm4']);
    expect(metrics.groups.g).toMatchObject({ lost: 0, duplicates: 1, committed: [5] });
  });
});

describe('C4 — a poison record', () => {
  it('retry forever: partition 0 stuck at 1, lag 3, attempts keep growing; partition 1 unaffected', () => {
    const { scenario, trace, metrics } = run('c4-poison-blocks-partition');
    expect(processedLabels(trace, 'g').sort()).toEqual(['m0', 'n0', 'n1']);
    expect(metrics.groups.g).toMatchObject({ committed: [1, 2], lag: 3, deadLettered: 0 });
    const attemptsBy = (t: number) => computeMetrics(trace, scenario, { atMs: t }).groups.g.handlerFailures;
    expect(attemptsBy(10_000)).toBeGreaterThan(attemptsBy(5_000));
    expect(attemptsBy(30_000)).toBeGreaterThan(attemptsBy(10_000));
  });

  it('with a dead-letter topic after 3 attempts: m1 parked on T.DLT, partition 0 committed 4', () => {
    const { trace, metrics } = run('c4-dead-letter-topic');
    expect(processedLabels(trace, 'g').sort()).toEqual(['m0', 'm2', 'm3', 'n0', 'n1']);
    const dlt = trace.records.filter((r) => r.type === 'append' && r.topic === 't.dlt');
    expect(dlt.map((r) => (r.type === 'append' ? trace.events[r.event].label : ''))).toEqual(['m1']);
    expect(metrics.groups.g).toMatchObject({ committed: [4, 2], lag: 0, deadLettered: 1 });
  });
});

describe('C11 — order across topics', () => {
  it('two topics: the cancel is dropped and K stays ACTIVE', () => {
    const { trace, metrics } = run('c11-cancel-before-place');
    expect(metrics.state.orders).toMatchObject({ dropped: 1, ACTIVE: 1, CANCELED: 0 });
    const dropped = trace.records.find((r) => r.type === 'dropped');
    expect(dropped).toMatchObject({ key: 'K', state: 'ABSENT', eventType: 'order-canceled' });
  });

  it('one topic keyed by order id: K ends CANCELED, nothing dropped', () => {
    const { metrics } = run('c11-keyed-topic');
    expect(metrics.state.orders).toMatchObject({ dropped: 0, ACTIVE: 0, CANCELED: 1 });
  });
});
