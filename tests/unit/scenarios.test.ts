import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import { computeMetrics } from '../../src/engine/metrics';
import { builtinScenarios, findScenario } from '../../src/scenarios/builtins';
import { evaluateExpectations } from '../../src/scenarios/expectations';
import { validateScenario } from '../../src/scenarios/scenarioFile';

describe('built-in scenarios', () => {
  it('have unique ids and pass their own validation', () => {
    const ids = builtinScenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Round-trip through JSON as a shared link or exported file would (Infinity is written as the text "Infinity").
    for (const s of builtinScenarios) {
      const json = JSON.parse(JSON.stringify(s, (_k, v) => (v === Infinity ? 'Infinity' : v)));
      // The file format covers every field: reading the JSON back gives the very same scenario.
      expect(validateScenario(json, s.id)).toEqual(s);
    }
  });

  for (const scenario of builtinScenarios) {
    it(`${scenario.id}: every expectation holds`, () => {
      const results = evaluateExpectations(scenario);
      for (const r of results) expect(r.passed, `${r.name}: ${r.detail}`).toBe(true);
      expect(results.length).toBeGreaterThan(0);
    });
  }

  it('the flagship expectations hold for 30 other seeds too (they are claims, not luck)', () => {
    for (const id of ['checkout-sync', 'checkout-pubsub']) {
      const scenario = findScenario(id)!;
      for (let seed = 100; seed < 130; seed++) {
        for (const r of evaluateExpectations(scenario, seed)) expect(r.passed, `${id} seed ${seed}: ${r.name}: ${r.detail}`).toBe(true);
      }
    }
  });

  it('a run is a pure function of scenario, seed and interventions', () => {
    const scenario = findScenario('checkout-pubsub')!;
    const faults = [{ target: 'fulfillment', kind: 'down' as const, fromMs: 12_345, untilMs: 23_456 }];
    const a = JSON.stringify(simulate(scenario, { seed: 7, interventions: faults }));
    const b = JSON.stringify(simulate(scenario, { seed: 7, interventions: faults }));
    expect(a).toBe(b);
    expect(JSON.stringify(simulate(scenario, { seed: 8, interventions: faults }))).not.toBe(a);
  });

  it('an intervention at t leaves everything before t unchanged (so toggling a fault while playing forks the run)', () => {
    const scenario = findScenario('checkout-sync')!;
    const base = simulate(scenario).records;
    const forked = simulate(scenario, { interventions: [{ target: 'inventory', kind: 'down', fromMs: 20_000 }] }).records;
    const before = (rs: typeof base) => JSON.stringify(rs.filter((r) => r.t < 20_000));
    expect(before(forked)).toBe(before(base));
  });

  it('both checkout variants see the same orders at the same times (shared workload stream)', () => {
    const submitted = (id: string) =>
      simulate(findScenario(id)!).records.flatMap((r) => (r.type === 'command' ? [`${r.t}|${r.key}|${r.valid}`] : []));
    expect(submitted('checkout-sync')).toEqual(submitted('checkout-pubsub'));
  });

  it('trace records are in time order', () => {
    for (const scenario of builtinScenarios) {
      const records = simulate(scenario).records;
      for (let i = 1; i < records.length; i++) expect(records[i].t).toBeGreaterThanOrEqual(records[i - 1].t);
    }
  });

  it('pub/sub: a Fulfillment outage leaves checkout untouched, Fulfillment catches up and nothing is lost', () => {
    const scenario = findScenario('checkout-pubsub')!;
    const outage = [{ target: 'fulfillment', kind: 'down' as const, fromMs: 10_000, untilMs: 30_000 }];
    const base = computeMetrics(simulate(scenario), scenario);
    const faulty = computeMetrics(simulate(scenario, { interventions: outage }), scenario);
    expect(faulty.checkout).toEqual(base.checkout);
    const during = computeMetrics(simulate(scenario, { interventions: outage }), scenario, { atMs: 29_000 });
    expect(during.groups.fulfillment.lag).toBeGreaterThan(10);
    expect(during.groups.inventory.lag).toBeLessThan(5);
    expect(faulty.groups.fulfillment.lag).toBe(0);
    for (const g of Object.values(faulty.groups)) {
      expect(g.processed).toBe(faulty.events.published);
      expect(g.lost).toBe(0);
      expect(g.duplicates).toBe(0);
    }
  });
});
