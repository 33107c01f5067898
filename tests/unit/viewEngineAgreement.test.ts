// The view model's metrics at t must be the engine's metrics with atMs = t: the panel, the CLI and
// the scenario expectations then show one set of numbers. Runs the real engine on the built-in
// scenarios and on harsher variants (errors, dead letters, retention, at-most-once commits).
import { describe, expect, it } from 'vitest';
import { computeMetrics, type CommandMetrics, type GroupMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type { FaultSpec, Scenario, TopicSpec } from '../../src/engine/types';
import { checkoutPubsub, checkoutSync } from '../../src/scenarios/checkout';
import { metricsAt } from '../../src/view/metricsAt';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { worldAt } from '../../src/view/worldAt';

const outage: FaultSpec[] = [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }];

/** Pub/sub with every consumer-side trouble switched on, so rare records show up in the trace. */
function harsh(): Scenario {
  const s: Scenario = structuredClone(checkoutPubsub);
  s.id = 'checkout-pubsub-harsh';
  s.durationMs = 40_000;
  s.nodes.push({
    kind: 'topic',
    id: 'orders-dlt',
    label: 'orders-dlt',
    position: { x: 0, y: 0 },
    partitions: 1,
    autoOffsetReset: 'earliest',
  });
  for (const n of s.nodes) {
    if (n.kind === 'topic' && n.id === 'online-orders') (n as TopicSpec).retentionMs = 4000;
    if (n.kind !== 'service') continue;
    for (const c of n.consumers) {
      c.errorRate = 0.3;
      c.retry = { maxAttempts: 2, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 };
      c.deadLetterTopic = 'orders-dlt';
      c.idempotent = c.group !== 'analytics';
      if (c.group === 'inventory') c.commit = 'before';
      c.instances = 2;
    }
  }
  return s;
}

const runs: { name: string; scenario: Scenario; faults: FaultSpec[] }[] = [
  { name: 'sync, no faults', scenario: checkoutSync, faults: [] },
  { name: 'sync, fulfillment down', scenario: checkoutSync, faults: outage },
  { name: 'pub/sub, fulfillment down', scenario: checkoutPubsub, faults: outage },
  {
    name: 'pub/sub harsh: fulfillment down then slow, inventory erroring, analytics crashing, a cut link',
    scenario: harsh(),
    faults: [
      ...outage,
      { target: 'fulfillment', kind: 'slow', fromMs: 30_000, factor: 5 },
      { target: 'inventory', kind: 'error', fromMs: 5000, untilMs: 20_000, rate: 0.5 },
      { target: 'analytics', kind: 'crash', fromMs: 12_000, restartMs: 1500 },
      { target: 'checkout->online-orders', kind: 'cut', fromMs: 21_000, untilMs: 23_000 },
    ],
  },
];

function commandServices(scenario: Scenario): string[] {
  const services = new Set(scenario.nodes.filter((n) => n.kind === 'service').map((n) => n.id));
  return [...new Set(scenario.nodes.flatMap((n) => (n.kind === 'client' && services.has(n.target) ? [n.target] : [])))];
}

const COMMAND_FIELDS = ['submitted', 'succeeded', 'rejected', 'failed', 'pending', 'successRate', 'committedButFailed'] as const;
const GROUP_FIELDS = [
  'processed',
  'available',
  'lag',
  'maxLag',
  'lost',
  'duplicates',
  'skippedDuplicates',
  'deadLettered',
  'handlerFailures',
  'rebalances',
  'outOfOrder',
] as const;

describe('view metrics agree with the engine', () => {
  for (const run of runs) {
    it(run.name, () => {
      const trace = simulate(run.scenario, { interventions: run.faults });
      const index = buildTraceIndex(trace, run.scenario);
      const checkpoints = [0, 5_000, 10_000, 12_345, 20_000, 29_999, 30_000, 45_000, run.scenario.durationMs, Infinity];
      for (const at of checkpoints) {
        const engine = computeMetrics(trace, run.scenario, { atMs: at });
        const view = metricsAt(index, at);
        const where = `${run.name} at ${at}`;

        expect(view.events.published, where).toBe(engine.events.published);
        for (const [topic, tm] of Object.entries(engine.topics)) {
          expect(view.events.byTopic[topic], `${where} ${topic}`).toBe(tm.appended);
          const world = worldAt(index, at).topics[topic];
          expect(world.partitions.map((p) => ({ logStart: p.logStart, logEnd: p.logEnd })), `${where} ${topic}`).toEqual(tm.partitions);
        }
        for (const [group, gm] of Object.entries(engine.groups) as [string, GroupMetrics][]) {
          const vm = view.groups[group];
          expect(vm.topic, `${where} ${group}`).toBe(gm.topic);
          for (const f of GROUP_FIELDS) expect(vm[f], `${where} ${group}.${f}`).toBe(gm[f]);
        }
        // Command metrics are keyed by the services clients send commands to (Metrics has other
        // top-level keys too, and gains more as the engine grows).
        for (const key of commandServices(run.scenario)) {
          const em = engine[key] as CommandMetrics;
          expect(em, `${where} engine ${key}`).toBeDefined();
          const vm = view.services[key];
          expect(vm, `${where} service ${key}`).toBeDefined();
          for (const f of COMMAND_FIELDS) expect(vm[f], `${where} ${key}.${f}`).toBe(em[f]);
          // The engine reports 0 where nothing finished yet; the view says "no value".
          expect(vm.p50LatencyMs ?? 0, `${where} ${key}.p50`).toBe(em.p50LatencyMs);
          expect(vm.p99LatencyMs ?? 0, `${where} ${key}.p99`).toBe(em.p99LatencyMs);
          expect(vm.meanLatencyMs ?? 0, `${where} ${key}.mean`).toBeCloseTo(em.meanLatencyMs, 6);
        }
      }
    });
  }

  it('finds in-flight tokens on a real trace exactly as a linear scan does', () => {
    const trace = simulate(checkoutPubsub, { interventions: outage });
    const index = buildTraceIndex(trace, checkoutPubsub);
    for (let t = 0; t <= checkoutPubsub.durationMs; t += 997) {
      const expected = trace.records.flatMap((r, key) => (r.type === 'hop' && r.t <= t && t < r.arriveAt ? [key] : []));
      expect(worldAt(index, t).tokens.map((x) => x.key)).toEqual(expected);
    }
  });
});
