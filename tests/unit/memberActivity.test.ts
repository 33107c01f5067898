// What a member's handler is doing at t, read from the trace (src/view/memberActivity.ts): the graph
// shows it in the member's row, so it must agree with the engine's records.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import { findScenario } from '../../src/scenarios/builtins';
import { memberActivityAt } from '../../src/view/memberActivity';

function run(id: string) {
  const scenario = findScenario(id)!;
  return { scenario, trace: simulate(scenario) };
}

describe('memberActivityAt', () => {
  it('C4 retry forever: the consumer holds the poison record p0@1, its attempt count growing, and still serves p1', () => {
    const { scenario, trace } = run('c4-poison-blocks-partition');
    const failures = trace.records.flatMap((r) => (r.type === 'handler-failed' ? [r] : []));
    expect(failures.length).toBeGreaterThan(3);
    const member = failures[0].member;
    const last = failures[failures.length - 1];
    expect(memberActivityAt(trace, scenario, member, last.t).failed).toEqual([{ partition: 0, offset: 1, attempt: failures.length }]);
    // Between two failures p0@1 is in the handler again or held: never gone, never another p0 offset.
    for (let i = 1; i < failures.length; i++) {
      const a = memberActivityAt(trace, scenario, member, (failures[i - 1].t + failures[i].t) / 2);
      const p0 = a.handling?.partition === 0 ? a.handling : a.failed.find((f) => f.partition === 0);
      expect(p0).toMatchObject({ partition: 0, offset: 1 });
    }
    // The first failure comes while p1 still has records: the member handles p1@1 meanwhile.
    const first = memberActivityAt(trace, scenario, member, failures[0].t);
    expect(first.failed).toEqual([{ partition: 0, offset: 1, attempt: 1 }]);
    expect(first.handling).toMatchObject({ partition: 1, offset: 1, attempt: 1 });
  });

  it('C4 with a dead-letter topic: m1 held after each failed attempt, released when parked; idle at the end', () => {
    const { scenario, trace } = run('c4-dead-letter-topic');
    const parked = trace.records.find((r) => r.type === 'dead-lettered')!;
    const failures = trace.records.flatMap((r) => (r.type === 'handler-failed' ? [r] : []));
    const member = failures[0].member;
    expect(memberActivityAt(trace, scenario, member, failures[2].t).failed).toEqual([{ partition: 0, offset: 1, attempt: 3 }]);
    expect(memberActivityAt(trace, scenario, member, parked.t).failed).toEqual([]);
    expect(memberActivityAt(trace, scenario, member, scenario.durationMs)).toEqual({ handling: undefined, failed: [] });
  });

  it('every deliver record is shown as handling that record, with its attempt, from that instant on', () => {
    const { scenario, trace } = run('checkout-pubsub');
    let checked = 0;
    for (const r of trace.records) {
      if (r.type !== 'deliver') continue;
      const h = memberActivityAt(trace, scenario, r.member, r.t).handling;
      // A handler can also finish within the instant; otherwise the record is in the handler now.
      if (h) {
        expect(h).toEqual({ partition: r.partition, offset: r.offset, attempt: r.attempt });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a stop voids what the member held: C1 consumer c1 is idle from its crash on', () => {
    const { scenario, trace } = run('c1-commit-before-crash');
    const stop = trace.records.find((r) => r.type === 'node' && r.node === 'c1' && r.status === 'down')!;
    expect(memberActivityAt(trace, scenario, 'c1', stop.t - 1).handling).toMatchObject({ partition: 0, offset: 2 });
    expect(memberActivityAt(trace, scenario, 'c1', stop.t)).toEqual({ handling: undefined, failed: [] });
  });

  it('an unknown member is idle', () => {
    const { scenario, trace } = run('c1-commit-before-crash');
    expect(memberActivityAt(trace, scenario, 'nobody', 1000)).toEqual({ handling: undefined, failed: [] });
  });
});
