// Property tests: the indexed queries must agree with brute-force scans of the trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HopRecord, Scenario, Trace, TraceRecord } from '../../src/engine/types';
import { metricsAt } from '../../src/view/metricsAt';
import { PrefixPercentiles } from '../../src/view/prefixPercentiles';
import { nextDeliveryTime, previousDeliveryTime } from '../../src/view/stepping';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { worldAt } from '../../src/view/worldAt';
import { emptyTrace, hop, makeScenario } from './viewFixtures';

const scenario = makeScenario();

// Durations mix zero, network-like, long (a partner's slow line) and fractional values so that
// several duration classes interleave and class boundaries are exercised.
const duration = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 20 }),
  fc.integer({ min: 100, max: 5000 }),
  fc.double({ min: 0, max: 4, noNaN: true }),
);
const departure = fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 2000, noNaN: true }));

// Some hops are dropped by a cut link: still tokens while they travel, never a delivery.
const hopTrace = fc.array(fc.record({ t: departure, d: duration, lost: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) }), { maxLength: 80 }).map((hops): Trace => {
  const sorted = [...hops].sort((a, b) => a.t - b.t);
  const records: TraceRecord[] = sorted.map((h, i) => ({ ...hop(h.t, h.t + h.d, 'a', 'b', 'event', `e${i}`, i), ...(h.lost ? { lost: true } : {}) }));
  return { ...emptyTrace(), records };
});

/** Query times: arbitrary, plus every departure and arrival exactly (the boundaries). */
function queryTimes(trace: Trace, extra: number[]): number[] {
  const hops = trace.records as HopRecord[];
  return [...extra, ...hops.flatMap((h) => [h.t, h.arriveAt])];
}

const anyTime = fc.array(fc.double({ min: -10, max: 7500, noNaN: true }), { minLength: 1, maxLength: 10 });

describe('view properties', () => {
  it('tokens at t are exactly the hops with t in [departure, arrival)', () => {
    fc.assert(
      fc.property(hopTrace, anyTime, (trace, extra) => {
        const index = buildTraceIndex(trace, scenario);
        for (const t of queryTimes(trace, extra)) {
          const expected = trace.records.flatMap((r, key) =>
            r.type === 'hop' && r.t <= t && t < r.arriveAt ? [{ key, progress: (t - r.t) / (r.arriveAt - r.t) }] : [],
          );
          const actual = worldAt(index, t).tokens.map((x) => ({ key: x.key, progress: x.progress }));
          expect(actual).toEqual(expected);
          for (const x of actual) expect(x.progress >= 0 && x.progress < 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stepping finds the nearest arrival strictly after / before t', () => {
    fc.assert(
      fc.property(hopTrace, anyTime, (trace, extra) => {
        const index = buildTraceIndex(trace, scenario);
        const arrivals = (trace.records as HopRecord[]).filter((h) => !h.lost).map((h) => h.arriveAt);
        for (const t of queryTimes(trace, extra)) {
          const after = arrivals.filter((a) => a > t);
          const before = arrivals.filter((a) => a < t);
          expect(nextDeliveryTime(index, t)).toBe(after.length ? Math.min(...after) : undefined);
          expect(previousDeliveryTime(index, t)).toBe(before.length ? Math.max(...before) : undefined);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('prefix percentiles equal nearest-rank percentiles of the sorted prefix, in any query order', () => {
    const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1e4, noNaN: true })), {
      maxLength: 200,
    });
    const queries = fc.array(fc.record({ k: fc.nat(), p: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(values, queries, (vals, qs) => {
        const pp = new PrefixPercentiles(vals);
        for (const { k: rawK, p } of qs) {
          const k = vals.length === 0 ? 0 : rawK % (vals.length + 1);
          const sorted = vals.slice(0, k).sort((a, b) => a - b);
          const expected = k === 0 ? undefined : sorted[Math.ceil((p * k) / 100) - 1];
          expect(pp.percentile(k, p)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the lag series behind metricsAt agrees with the per-partition lag of worldAt', () => {
    // A topic with 3 partitions read by the fixture's two declared groups; random appends,
    // forward-only commits and retention, several of them often at the same instant.
    const threePartitions: Scenario = {
      ...scenario,
      nodes: scenario.nodes.map((n) => (n.kind === 'topic' ? { ...n, partitions: 3 } : n)),
    };
    const op = fc.record({
      dt: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom('append', 'append', 'commit', 'retention'),
      p: fc.integer({ min: 0, max: 2 }),
      g: fc.constantFrom('ful', 'ana'),
      frac: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const records: TraceRecord[] = [];
        const logEnd = [0, 0, 0];
        const logStart = [0, 0, 0];
        const committed: Record<string, (number | undefined)[]> = { ful: [], ana: [] };
        // Brute force, straight from the definition: lag after every record, and its running max.
        const lagOf = (g: string) => logEnd.reduce((sum, end, p) => sum + end - Math.max(committed[g][p] ?? 0, logStart[p]), 0);
        const maxSoFar: Record<string, number> = { ful: 0, ana: 0 };
        const expectedAt = new Map<number, Record<string, { lag: number; maxLag: number }>>();
        const observe = (at: number) => {
          const snapshot: Record<string, { lag: number; maxLag: number }> = {};
          for (const g of ['ful', 'ana']) {
            maxSoFar[g] = Math.max(maxSoFar[g], lagOf(g));
            snapshot[g] = { lag: lagOf(g), maxLag: maxSoFar[g] };
          }
          expectedAt.set(at, snapshot); // the last record of an instant wins, its max includes the others
        };
        let t = 0;
        let event = 0;
        for (const o of ops) {
          t += o.dt;
          if (o.kind === 'append') {
            records.push({ type: 'append', t, topic: 'orders', partition: o.p, offset: logEnd[o.p]++, event: event++, key: 'k', eventType: 'x' });
            observe(t);
          } else if (o.kind === 'commit') {
            const from = committed[o.g][o.p] ?? logStart[o.p];
            const offset = from + Math.floor(o.frac * (logEnd[o.p] - from + 1));
            if (offset > logEnd[o.p]) continue;
            committed[o.g][o.p] = offset;
            records.push({ type: 'commit', t, group: o.g, topic: 'orders', partition: o.p, offset });
            observe(t);
          } else {
            const start = logStart[o.p] + Math.floor(o.frac * (logEnd[o.p] - logStart[o.p] + 1));
            if (start === logStart[o.p] || start > logEnd[o.p]) continue;
            logStart[o.p] = start;
            records.push({ type: 'retention', t, topic: 'orders', partition: o.p, logStart: start });
            observe(t);
          }
        }
        const index = buildTraceIndex({ ...emptyTrace(), records }, threePartitions);
        for (const g of ['ful', 'ana']) {
          expect(metricsAt(index, -1).groups[g]).toMatchObject({ lag: 0, maxLag: 0 });
          for (const [at, expected] of expectedAt) {
            // At the instant and just after it (nothing changes between instants).
            for (const q of [at, at + 0.5]) {
              const m = metricsAt(index, q).groups[g];
              expect(m.lag).toBe(expected[g].lag);
              expect(m.maxLag).toBe(expected[g].maxLag);
              expect(worldAt(index, q).topics.orders.groups[g].lag).toBe(expected[g].lag);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
