// The scheduler's heap and FIFO lanes must run tasks in exactly the order one sorted list by
// (time, scheduling order) would, whatever mix of `at`, `timer` and `cancel` a run makes: the
// engine's determinism rests on it. Checked against a plain reference model with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler, SimulationLimitError } from '../../src/engine/scheduler';

type Op =
  | { kind: 'at'; delay: number }
  | { kind: 'timer'; delay: number }
  | { kind: 'cancel'; which: number }
  | { kind: 'chain'; delay: number; lane: boolean };

/** What a task does when it runs: schedule more ops (so tasks are also scheduled from inside tasks). */
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('at' as const), delay: fc.oneof(fc.constantFrom(0, 1, 2, 5), fc.double({ min: 0, max: 50, noNaN: true })) }),
  fc.record({ kind: fc.constant('timer' as const), delay: fc.constantFrom(0, 2, 5, 30) }),
  fc.record({ kind: fc.constant('cancel' as const), which: fc.nat(1000) }),
  fc.record({ kind: fc.constant('chain' as const), delay: fc.constantFrom(0, 2, 5), lane: fc.boolean() }),
);

interface RefTask {
  time: number;
  seq: number;
  id: number;
  cancelled: boolean;
}

describe('Scheduler', () => {
  it('runs heap tasks and lane tasks in (time, scheduling order), with cancels, like a sorted list (property)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 400 }), fc.integer({ min: 10, max: 400 }), (ops, until) => {
        const scheduler = new Scheduler();
        const ran: number[] = [];
        // Reference model: every scheduled task with its due time and sequence number.
        const ref: RefTask[] = [];
        let refNow = 0;
        let seq = 0;
        let nextId = 0;
        const tickets: { delay: number; ticket: number; ref: RefTask }[] = [];
        let cursor = 0;

        const schedule = (op: Op, now: number): void => {
          const id = nextId++;
          const task = (): void => {
            ran.push(id);
            // Each task performs the next op of the script, so work is also scheduled mid-run.
            if (cursor < ops.length) perform(ops[cursor++], scheduler.now);
          };
          if (op.kind === 'at' || (op.kind === 'chain' && !op.lane)) {
            ref.push({ time: Math.max(now, now + op.delay), seq: seq++, id, cancelled: false });
            scheduler.at(now + op.delay, task);
          } else if (op.kind === 'timer' || op.kind === 'chain') {
            const r = { time: now + op.delay, seq: seq++, id, cancelled: false };
            ref.push(r);
            tickets.push({ delay: op.delay, ticket: scheduler.timer(op.delay, task), ref: r });
          }
        };
        const perform = (op: Op, now: number): void => {
          if (op.kind === 'cancel') {
            if (tickets.length === 0) return;
            const t = tickets[op.which % tickets.length];
            scheduler.cancel(t.delay, t.ticket);
            if (!ran.includes(t.ref.id)) t.ref.cancelled = true;
            return;
          }
          schedule(op, now);
        };

        // The first ten ops happen at t = 0, the rest from inside tasks as they run.
        while (cursor < Math.min(10, ops.length)) perform(ops[cursor++], 0);
        scheduler.run(until);

        // Replay the reference: repeatedly take the earliest (time, seq) live task due by `until`.
        const expected: number[] = [];
        const done = new Set<number>();
        for (;;) {
          let best: RefTask | undefined;
          for (const r of ref) {
            if (done.has(r.id) || r.cancelled || r.time > until) continue;
            if (!best || r.time < best.time || (r.time === best.time && r.seq < best.seq)) best = r;
          }
          if (!best) break;
          done.add(best.id);
          refNow = best.time;
          expected.push(best.id);
          if (expected.length > ran.length) break;
        }
        expect(ran).toEqual(expected.slice(0, ran.length));
        expect(ran.length).toBe(expected.length);
        expect(refNow).toBeLessThanOrEqual(until);
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('keeps tickets valid while a lane grows far past its first capacity', () => {
    const scheduler = new Scheduler();
    const ran: number[] = [];
    const tickets: number[] = [];
    for (let i = 0; i < 5000; i++) tickets.push(scheduler.timer(7, () => ran.push(i)));
    for (let i = 0; i < 5000; i += 3) scheduler.cancel(7, tickets[i]);
    expect(scheduler.size).toBe(5000 - Math.ceil(5000 / 3));
    scheduler.run(100);
    expect(ran).toEqual([...Array(5000).keys()].filter((i) => i % 3 !== 0));
    expect(scheduler.size).toBe(0);
  });

  it('interleaves a lane and the heap by scheduling order when times tie', () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    scheduler.timer(5, () => ran.push('lane-1'));
    scheduler.at(5, () => ran.push('heap-2'));
    scheduler.timer(5, () => ran.push('lane-3'));
    scheduler.after(5, () => ran.push('heap-4'));
    scheduler.run(10);
    expect(ran).toEqual(['lane-1', 'heap-2', 'lane-3', 'heap-4']);
  });

  it('stops a run that never lets time pass', () => {
    const scheduler = new Scheduler();
    const again = (): void => scheduler.timer(0, again) as unknown as void;
    scheduler.timer(0, again);
    expect(() => scheduler.run(10, 1000)).toThrow(SimulationLimitError);
  });
});

describe('Scheduler step limit', () => {
  it('a run that needs exactly maxDispatches tasks ends; one more task is refused', () => {
    const make = (): Scheduler => {
      const s = new Scheduler();
      for (let i = 0; i < 5; i++) s.at(i, () => {});
      s.timer(2, () => {});
      return s;
    };
    expect(() => make().run(100, 6)).not.toThrow();
    expect(() => make().run(100, 5)).toThrow(SimulationLimitError);
  });
});
