// Property tests of the Kafka-like event bus: random topologies, workloads and fault schedules,
// built as Scenario objects, run headless; the delivery guarantees are checked on the trace itself
// and on computeMetrics. Seed with FC_SEED=<n> to replay a run; failures print seed and path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consumerNames } from '../../src/engine/memberNames';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type { CommitMode, ConsumerSpec, Dist, FaultSpec, NodeSpec, Scenario, ServiceSpec, Trace, TraceRecord } from '../../src/engine/types';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 20240611;
/** Scale every numRuns (FC_RUNS_SCALE=10 for a long soak; the test timeout scales with it). */
const SCALE = process.env.FC_RUNS_SCALE !== undefined ? Number(process.env.FC_RUNS_SCALE) : 1;
const runs = (n: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * SCALE)) });
const TIMEOUT_MS = 60_000 * Math.max(1, SCALE);

/**
 * Time given to the system after the last produce and the last fault end. The slowest drain the
 * generators allow: ≤ 40 records on one partition, processing ≤ 1 s, errorRate < 0.5 (≈ 1 failed
 * attempt per record on average, each costing a handler run and a backoff ≤ 4 s) ⇒ ≈ 40 × 6 s =
 * 4 min at the very worst, plus a crash fault firing late (restart ≤ 10 s), session timeouts
 * ≤ 5 s and rebalances ≤ 1 s. 400 s leaves a margin; idle virtual time costs only auto-commit ticks.
 */
const DRAIN_MS = 400_000;
const TOPIC = 'orders';
const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];

// ─── Generators ──────────────────────────────────────────────────────────────

// Mostly quick handlers, sometimes a slow one (0.3–1 s): slow handlers keep members busy across
// faults and rebalances, where the interesting interleavings are.
const dist: fc.Arbitrary<Dist> = fc.oneof(
  { arbitrary: fc.integer({ min: 300, max: 1000 }).map((ms): Dist => ({ kind: 'const', ms })), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 150 }).map((ms): Dist => ({ kind: 'const', ms })), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 100 }).map((meanMs): Dist => ({ kind: 'exp', meanMs })), weight: 2 },
  {
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 120 })).map(([minMs, span]): Dist => ({ kind: 'uniform', minMs, maxMs: minMs + span })),
    weight: 2,
  },
);

interface HostGen {
  /** Index into the service pool. */
  service: number;
  instances: number;
  processing: Dist;
  errorRate: number;
  backoffMs: number;
  multiplier: number;
  maxBackoffMs: number;
  jitter: number;
  sessionTimeoutMs: number;
  rebalanceMs: number;
}

interface GroupGen {
  commit: CommitMode;
  autoCommitIntervalMs: number;
  idempotent: boolean;
  hosts: HostGen[];
}

/**
 * down / crash / error: a consumer service's process; cut: the link between the topic and a consumer
 * service (its heartbeats stop: evicted after its session timeout, a zombie until the link is back);
 * broker-down: the topic's broker; producer-cut: the link producer–topic (requests or their
 * acknowledgements dropped: the idempotent producer's retries must append each record once, in order).
 */
type FaultGenKind = 'down' | 'crash' | 'error' | 'cut' | 'broker-down' | 'producer-cut';

interface WorldGen {
  /** Produce times and fault times are drawn on [0, 25 s] and squeezed into [0, horizon]: short horizons crowd faults, retries and rebalances together. */
  horizonMs: number;
  partitions: number;
  networkMs: number;
  groups: GroupGen[];
  items: { atMs: number; key: string }[];
  faults: { kind: FaultGenKind; service: number; fromMs: number; lengthMs: number; rate: number; asIntervention: boolean }[];
}

const host: fc.Arbitrary<HostGen> = fc.record({
  service: fc.integer({ min: 0, max: 3 }),
  instances: fc.integer({ min: 1, max: 3 }),
  processing: dist,
  errorRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.49, noNaN: true })),
  // ≥ 10 ms: a 0 ms handler retried after 0 ms under an error fault of rate 1 never lets virtual
  // time advance (a Zeno loop: the run would never end).
  backoffMs: fc.integer({ min: 10, max: 500 }),
  multiplier: fc.constantFrom(1, 2, 10),
  maxBackoffMs: fc.constantFrom(1000, 4000),
  jitter: fc.constantFrom(0, 0.2, 0.5),
  sessionTimeoutMs: fc.integer({ min: 10, max: 5000 }),
  rebalanceMs: fc.integer({ min: 0, max: 1000 }),
});

const group: fc.Arbitrary<GroupGen> = fc.record({
  commit: fc.constantFrom<CommitMode>('after', 'before'),
  autoCommitIntervalMs: fc.oneof(fc.constant(0), fc.integer({ min: 200, max: 3000 })),
  idempotent: fc.boolean(),
  hosts: fc.uniqueArray(host, { minLength: 1, maxLength: 2, selector: (h) => h.service }),
});

const world: fc.Arbitrary<WorldGen> = fc.record({
  horizonMs: fc.constantFrom(2_000, 6_000, 25_000),
  partitions: fc.integer({ min: 1, max: 4 }),
  networkMs: fc.constantFrom(0, 1, 10, 60),
  groups: fc.array(group, { minLength: 1, maxLength: 3 }),
  items: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 20_000 }), key: fc.constantFrom(...KEYS) }), { minLength: 1, maxLength: 40 }),
  faults: fc.array(
    fc.record({
      // down: stopped from..until; crash: dies halfway through the next record it handles after
      // fromMs and restarts lengthMs later; error: extra failure rate from..until.
      kind: fc.constantFrom<FaultGenKind>('down', 'down', 'crash', 'error', 'cut', 'cut', 'broker-down', 'producer-cut'),
      service: fc.nat(),
      fromMs: fc.integer({ min: 0, max: 25_000 }),
      lengthMs: fc.integer({ min: 1, max: 10_000 }),
      rate: fc.double({ min: 0.1, max: 1, noNaN: true }),
      asIntervention: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
});

interface Built {
  scenario: Scenario;
  interventions: FaultSpec[];
  gen: WorldGen;
}

const NEVER_GIVE_UP = Infinity;

function build(gen: WorldGen): Built {
  const services = new Map<string, ConsumerSpec[]>();
  gen.groups.forEach((g, gi) => {
    for (const h of g.hosts) {
      const id = `s${h.service}`;
      const consumer: ConsumerSpec = {
        group: `g${gi}`,
        topic: TOPIC,
        instances: h.instances,
        processing: h.processing,
        commit: g.commit,
        autoCommitIntervalMs: g.autoCommitIntervalMs,
        sessionTimeoutMs: h.sessionTimeoutMs,
        rebalanceMs: h.rebalanceMs,
        errorRate: h.errorRate,
        retry: { maxAttempts: NEVER_GIVE_UP, backoffMs: h.backoffMs, multiplier: h.multiplier, maxBackoffMs: h.maxBackoffMs, jitter: h.jitter },
        idempotent: g.idempotent,
        emits: [],
      };
      services.set(id, [...(services.get(id) ?? []), consumer]);
    }
  });
  const serviceIds = [...services.keys()].sort();
  const nodes: NodeSpec[] = [
    {
      kind: 'client',
      id: 'producer',
      label: 'producer',
      position: { x: 0, y: 0 },
      target: TOPIC,
      command: 'order-placed',
      // Retries for far longer than any broker outage or producer cut the generator makes (≤ 10 s).
      timeoutMs: 1000,
      retry: { maxAttempts: 200, backoffMs: 50, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 },
    },
    { kind: 'topic', id: TOPIC, label: TOPIC, position: { x: 0, y: 0 }, partitions: gen.partitions, autoOffsetReset: 'earliest' },
    ...serviceIds.map(
      (id): ServiceSpec => ({ kind: 'service', id, label: id, position: { x: 0, y: 0 }, workers: 1, queueLimit: 10, endpoints: [], consumers: services.get(id)! }),
    ),
  ];
  const scenarioFaults: FaultSpec[] = [];
  const interventions: FaultSpec[] = [];
  const squeeze = (ms: number): number => Math.round((ms * gen.horizonMs) / 25_000);
  const faults = gen.faults.map((f) => ({ ...f, fromMs: squeeze(f.fromMs), lengthMs: Math.max(1, squeeze(f.lengthMs)) }));
  const items = gen.items.map((i) => ({ atMs: squeeze(i.atMs), key: i.key }));
  for (const f of faults) {
    const target = serviceIds[f.service % serviceIds.length];
    const untilMs = f.fromMs + f.lengthMs;
    const fault: FaultSpec =
      f.kind === 'crash'
        ? { target, kind: 'crash', fromMs: f.fromMs, restartMs: f.lengthMs }
        : f.kind === 'error'
          ? { target, kind: 'error', fromMs: f.fromMs, untilMs, rate: f.rate }
          : f.kind === 'cut'
            ? { target: `${TOPIC}->${target}`, kind: 'cut', fromMs: f.fromMs, untilMs }
            : f.kind === 'broker-down'
              ? { target: TOPIC, kind: 'down', fromMs: f.fromMs, untilMs }
              : f.kind === 'producer-cut'
                ? { target: `producer->${TOPIC}`, kind: 'cut', fromMs: f.fromMs, untilMs }
                : { target, kind: 'down', fromMs: f.fromMs, untilMs };
    (f.asIntervention ? interventions : scenarioFaults).push(fault);
  }
  const lastActivity = Math.max(0, ...items.map((i) => i.atMs), ...faults.map((f) => f.fromMs + f.lengthMs));
  const scenario: Scenario = {
    id: 'kafka-property',
    title: 'generated',
    summary: '',
    lesson: 'properties',
    durationMs: lastActivity + DRAIN_MS,
    seed: 7,
    networkMs: gen.networkMs,
    nodes,
    workload: [{ kind: 'script', client: 'producer', items }],
    faults: scenarioFaults,
    expectations: [],
  };
  return { scenario, interventions, gen };
}

const built = world.map(build);
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

function run(b: Built, seed: number): Trace {
  return simulate(b.scenario, { seed, interventions: b.interventions });
}

function groupsOf(b: Built): { id: string; spec: GroupGen }[] {
  return b.gen.groups.map((spec, i) => ({ id: `g${i}`, spec }));
}

type Rec<T extends TraceRecord['type']> = Extract<TraceRecord, { type: T }>;
function recordsOf<T extends TraceRecord['type']>(trace: Trace, type: T): Rec<T>[] {
  return trace.records.filter((r): r is Rec<T> => r.type === type);
}

/** Last committed offset per partition of a group (0 = never committed; earliest reset starts there). */
function finalCommitted(trace: Trace, groupId: string, partitions: number): number[] {
  const committed = Array.from({ length: partitions }, () => 0);
  for (const c of recordsOf(trace, 'commit')) if (c.group === groupId) committed[c.partition] = c.offset;
  return committed;
}

// ─── Properties ──────────────────────────────────────────────────────────────

describe('Kafka-like bus: properties over random topologies, workloads and faults', () => {
  it('the idempotent producer appends every scripted record exactly once and each key in the order produced, through broker outages and cut links', () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const trace = run(b, seed);
        const appends = recordsOf(trace, 'append');
        expect(appends.length).toBe(b.gen.items.length);
        expect(new Set(appends.map((a) => a.event)).size).toBe(appends.length);
        // Offsets are dense per partition: 0, 1, 2, ...
        const next = Array.from({ length: b.gen.partitions }, () => 0);
        for (const a of appends) expect(a.offset).toBe(next[a.partition]++);
        // Events are numbered as produced: per key, the log holds them in that order.
        const lastByKey = new Map<string, number>();
        for (const a of appends) {
          expect(a.event, `key ${a.key}: event ${a.event} appended after ${lastByKey.get(a.key)}`).toBeGreaterThan(lastByKey.get(a.key) ?? -1);
          lastByKey.set(a.key, a.event);
        }
      }),
      runs(1000),
    );
  }, TIMEOUT_MS);

  it("commit 'after' (at-least-once): once drained, every event is processed by every group, in key order, nothing lost", () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const trace = run(b, seed);
        const metrics = computeMetrics(trace, b.scenario);
        const appended = recordsOf(trace, 'append');
        const processed = recordsOf(trace, 'processed');
        for (const { id, spec } of groupsOf(b)) {
          if (spec.commit !== 'after') continue;
          const mine = processed.filter((p) => p.group === id);
          const seen = new Set(mine.map((p) => p.event));
          for (const a of appended) expect(seen.has(a.event), `${id} never processed event ${a.event} (p${a.partition}@${a.offset})`).toBe(true);
          expect(recordsOf(trace, 'lost').filter((l) => l.group === id)).toEqual([]);
          const m = metrics.groups[id];
          expect(m.lost).toBe(0);
          expect(m.processed).toBe(appended.length);
          expect(m.available).toBe(appended.length);
          expect(m.lag).toBe(0);
          expect(m.outOfOrder).toBe(0);
          expectFirstProcessingInKeyOrder(mine);
        }
      }),
      runs(8000),
    );
  }, TIMEOUT_MS);

  it("first processing per key follows offset order in every group, whatever the commit mode", () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const trace = run(b, seed);
        const metrics = computeMetrics(trace, b.scenario);
        const processed = recordsOf(trace, 'processed');
        for (const { id } of groupsOf(b)) {
          expectFirstProcessingInKeyOrder(processed.filter((p) => p.group === id));
          expect(metrics.groups[id].outOfOrder).toBe(0);
        }
      }),
      runs(1000),
    );
  }, TIMEOUT_MS);

  it('idempotent consumers apply each event once: duplicates == 0, every redelivery is a skippedDuplicate', () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const trace = run(b, seed);
        const metrics = computeMetrics(trace, b.scenario);
        const processed = recordsOf(trace, 'processed');
        for (const { id, spec } of groupsOf(b)) {
          if (!spec.idempotent) continue;
          const applied = new Set<number>();
          let skipped = 0;
          for (const p of processed) {
            if (p.group !== id) continue;
            // The first successful handling applies the effect; every later one must be skipped.
            expect(p.skippedDuplicate, `${id} event ${p.event} at t=${p.t}`).toBe(applied.has(p.event));
            if (p.skippedDuplicate) skipped++;
            applied.add(p.event);
          }
          expect(metrics.groups[id].duplicates).toBe(0);
          expect(metrics.groups[id].skippedDuplicates).toBe(skipped);
        }
      }),
      runs(1000),
    );
  }, TIMEOUT_MS);

  it('committed offsets per (group, partition) never decrease and never pass the log end', () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const trace = run(b, seed);
        const last = new Map<string, number>();
        const logEnd = Array.from({ length: b.gen.partitions }, () => 0);
        for (const r of trace.records) {
          if (r.type === 'append') logEnd[r.partition] = r.offset + 1;
          if (r.type !== 'commit') continue;
          const key = `${r.group}/${r.partition}`;
          const before = last.get(key);
          if (before !== undefined) expect(r.offset, `${key} at t=${r.t}`).toBeGreaterThan(before);
          expect(r.offset).toBeLessThanOrEqual(logEnd[r.partition]);
          last.set(key, r.offset);
        }
      }),
      runs(1000),
    );
  }, TIMEOUT_MS);

  it('assignments: no partition has two owners, only live members own, all partitions owned when anyone alive can reach the broker', () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const trace = run(b, seed);
        const down = new Set<string>();
        const cut = new Set<string>();
        const serviceOf = memberServices(b);
        for (const r of trace.records) {
          if (r.type === 'node') {
            if (r.status === 'down') down.add(r.node);
            else down.delete(r.node);
          }
          if (r.type === 'link' && r.a === TOPIC) {
            if (r.cut) cut.add(r.b);
            else cut.delete(r.b);
          }
          if (r.type !== 'assign') continue;
          const owners = new Map<number, string>();
          for (const [member, partitions] of Object.entries(r.assignment)) {
            const service = serviceOf.get(`${r.group}|${member}`);
            expect(service, `unknown member ${member} of ${r.group}`).toBeDefined();
            if (partitions.length > 0) expect(down.has(service!), `${member} is down but owns ${partitions} at t=${r.t}`).toBe(false);
            for (const p of partitions) {
              expect(owners.has(p), `${r.group} p${p} owned by ${owners.get(p)} and ${member} at t=${r.t}`).toBe(false);
              expect(p >= 0 && p < b.gen.partitions).toBe(true);
              owners.set(p, member);
            }
          }
          // Either every partition is owned, or none is: then no live member could reach the broker
          // (an evicted member waits for its link; one cut but not yet evicted may still own).
          const anyAlive = [...serviceOf.entries()].some(([k, s]) => k.startsWith(`${r.group}|`) && !down.has(s));
          const anyReachable = [...serviceOf.entries()].some(([k, s]) => k.startsWith(`${r.group}|`) && !down.has(s) && !cut.has(s));
          expect([0, b.gen.partitions], `${r.group} at t=${r.t}`).toContain(owners.size);
          if (anyReachable) expect(owners.size, `${r.group} at t=${r.t}`).toBe(b.gen.partitions);
          if (!anyAlive) expect(owners.size, `${r.group} at t=${r.t}`).toBe(0);
        }
      }),
      runs(3000),
    );
  }, TIMEOUT_MS);

  it("commit 'before' (at-most-once): nothing is processed twice, and nothing disappears without a `lost` record", () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const trace = run(b, seed);
        const metrics = computeMetrics(trace, b.scenario);
        const appended = recordsOf(trace, 'append');
        const processed = recordsOf(trace, 'processed');
        const lost = recordsOf(trace, 'lost');
        for (const { id, spec } of groupsOf(b)) {
          if (spec.commit !== 'before') continue;
          const counts = new Map<number, number>();
          for (const p of processed) if (p.group === id) counts.set(p.event, (counts.get(p.event) ?? 0) + 1);
          if (spec.autoCommitIntervalMs === 0) {
            // A synchronous commit precedes the handler, so a record can never be handed over twice.
            // Not with auto-commit: a record handled before the next tick is redelivered after a
            // crash (Kafka's enable.auto.commit is neither at-most- nor at-least-once), so for
            // auto-commit only the "nothing disappears silently" half is claimed.
            for (const [event, n] of counts) expect(n, `${id} processed event ${event} ${n} times`).toBe(1);
          }
          const lostHere = new Set(lost.filter((l) => l.group === id).map((l) => l.event));
          const committed = finalCommitted(trace, id, b.gen.partitions);
          for (const a of appended) {
            if (counts.has(a.event)) {
              expect(lostHere.has(a.event), `${id} event ${a.event} reported lost but processed`).toBe(false);
              continue;
            }
            const pending = a.offset >= committed[a.partition];
            expect(lostHere.has(a.event) || pending, `${id} silently skipped p${a.partition}@${a.offset} (event ${a.event}); committed ${committed[a.partition]}`).toBe(true);
          }
          expect(metrics.groups[id].lost).toBe(lostHere.size);
          expect(metrics.groups[id].processed + metrics.groups[id].lost).toBeLessThanOrEqual(appended.length);
        }
      }),
      runs(8000),
    );
  }, TIMEOUT_MS);

  it('a failed record is retried when its backoff is due, unless its member is busy or its group is rebalancing', () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const trace = run(b, seed);
        expectRetriesOnTime(b, trace);
      }),
      runs(5000),
    );
  }, TIMEOUT_MS);

  it('determinism: the same scenario, seed and interventions give the identical trace', () => {
    fc.assert(
      fc.property(built, seeds, (b, seed) => {
        const first = JSON.stringify(run(b, seed));
        const second = JSON.stringify(run(structuredClone(b), seed));
        expect(second).toBe(first);
      }),
      runs(500),
    );
  }, TIMEOUT_MS);
});

function memberServices(b: Built): Map<string, string> {
  // Member ids as simulate() names them (src/engine/memberNames.ts), by `group|member`.
  const out = new Map<string, string>();
  for (const node of b.scenario.nodes) {
    if (node.kind !== 'service') continue;
    for (const name of consumerNames(node)) if (name.kind === 'member') out.set(`${name.of}|${name.id}`, node.id);
  }
  return out;
}

/**
 * With jitter 0 a retry is due exactly at failure time + min(maxBackoff, backoff × multiplier^(attempt−1)).
 * At that instant the member must hand over a record (this one, or another partition's that is
 * also ready), unless its handler is still busy. Windows touched by a rebalance, an assignment or a
 * stop of the member's service are not judged: those legitimately move or void retries. Nor, for a
 * member that commits synchronously before handling (at-most-once), are windows in which it cannot
 * reach the coordinator (broker stopped, link cut): it hands nothing over until it can commit.
 */
function expectRetriesOnTime(b: Built, trace: Trace): void {
  const specOf = new Map<string, ConsumerSpec>();
  const serviceOf = memberServices(b);
  for (const node of b.scenario.nodes) {
    if (node.kind !== 'service') continue;
    for (const c of node.consumers) for (const [key, service] of serviceOf) if (service === node.id && key.startsWith(`${c.group}|`)) specOf.set(key, c);
  }
  const records = trace.records;
  // A group is rebalancing from a `rebalance` record until its next `assign`.
  const rebalancing = new Set<string>();
  let brokerDown = false;
  const cut = new Set<string>();
  const coordinatorEvent = (r: TraceRecord, service: string): boolean =>
    (r.type === 'node' && r.node === TOPIC) || (r.type === 'link' && r.a === TOPIC && r.b === service);
  records.forEach((f, index) => {
    if (f.type === 'rebalance') rebalancing.add(f.group);
    if (f.type === 'assign') rebalancing.delete(f.group);
    if (f.type === 'node' && f.node === TOPIC) brokerDown = f.status === 'down';
    if (f.type === 'link' && f.a === TOPIC) {
      if (f.cut) cut.add(f.b);
      else cut.delete(f.b);
    }
    if (f.type !== 'handler-failed' || rebalancing.has(f.group)) return;
    const key = `${f.group}|${f.member}`;
    const spec = specOf.get(key)!;
    if (spec.retry.jitter !== 0) return;
    const commitsFirst = spec.commit === 'before' && spec.autoCommitIntervalMs === 0;
    if (commitsFirst && (brokerDown || cut.has(serviceOf.get(key)!))) return;
    const due = f.t + Math.min(spec.retry.maxBackoffMs, spec.retry.backoffMs * Math.pow(spec.retry.multiplier, f.attempt - 1));
    if (due > trace.durationMs) return;
    const service = serviceOf.get(key)!;
    let busy = false;
    let handedOverAtDue = false;
    for (let i = index + 1; i < records.length && records[i].t <= due; i++) {
      const r = records[i];
      if ((r.type === 'rebalance' || r.type === 'assign') && r.group === f.group) return;
      if (r.type === 'node' && r.node === service && r.status === 'down') return;
      if (commitsFirst && coordinatorEvent(r, service)) return;
      if (r.type === 'deliver' && r.group === f.group && r.member === f.member) {
        busy = true;
        if (r.t === due) handedOverAtDue = true;
      }
      if ((r.type === 'processed' || r.type === 'handler-failed') && r.group === f.group && r.member === f.member) busy = false;
    }
    expect(handedOverAtDue || busy, `${f.member} (${f.group}) left p${f.partition}@${f.offset} waiting: retry due at ${due} after the failure at ${f.t}`).toBe(true);
  });
}

function expectFirstProcessingInKeyOrder(processed: Rec<'processed'>[]): void {
  const seen = new Set<number>();
  const lastByKey = new Map<string, { partition: number; offset: number; t: number }>();
  for (const p of processed) {
    if (seen.has(p.event)) continue;
    seen.add(p.event);
    const last = lastByKey.get(p.key);
    if (last) {
      expect(p.partition, `key ${p.key} in two partitions`).toBe(last.partition);
      expect(p.offset, `key ${p.key}: p${p.partition}@${p.offset} first processed at t=${p.t} after @${last.offset} (t=${last.t})`).toBeGreaterThan(last.offset);
    }
    lastByKey.set(p.key, { partition: p.partition, offset: p.offset, t: p.t });
  }
}

// ─── Retention ───────────────────────────────────────────────────────────────

/** The same worlds with a short retention: records are deleted while groups are down, slow or busy. */
const builtWithRetention = fc
  .tuple(world, fc.constantFrom(300, 1_000, 3_000), fc.constantFrom<'earliest' | 'latest'>('earliest', 'latest'))
  .map(([gen, retentionMs, autoOffsetReset]) => {
    const b = build(gen);
    const nodes = b.scenario.nodes.map((n): NodeSpec => (n.kind === 'topic' ? { ...n, retentionMs, autoOffsetReset } : n));
    return { ...b, scenario: { ...b.scenario, nodes } };
  });

describe('Kafka-like bus with retention: properties', () => {
  it('every record is processed, counted lost once, or still ahead of the committed offset — never lost and processed both', () => {
    fc.assert(
      fc.property(builtWithRetention, seeds, (b, seed) => {
        const trace = run(b, seed);
        const appended = recordsOf(trace, 'append');
        const processed = recordsOf(trace, 'processed');
        const lost = recordsOf(trace, 'lost');
        const metrics = computeMetrics(trace, b.scenario);
        for (const { id } of groupsOf(b)) {
          const at = (r: { partition: number; offset: number }): string => `p${r.partition}@${r.offset}`;
          const lostHere = lost.filter((l) => l.group === id).map(at);
          expect(new Set(lostHere).size, `${id} counted a record lost twice`).toBe(lostHere.length);
          const lostSet = new Set(lostHere);
          const processedHere = new Set(processed.filter((p) => p.group === id).map(at));
          for (const key of processedHere) expect(lostSet.has(key), `${id} ${key} reported lost but processed`).toBe(false);
          const committed = finalCommitted(trace, id, b.gen.partitions);
          for (const a of appended) {
            const key = at(a);
            if (processedHere.has(key) || lostSet.has(key)) continue;
            expect(a.offset >= committed[a.partition], `${id} silently skipped ${key}; committed ${committed[a.partition]}`).toBe(true);
          }
          expect(metrics.groups[id].lost).toBe(new Set(lost.filter((l) => l.group === id).map((l) => l.event)).size);
        }
      }),
      runs(1500),
    );
  }, TIMEOUT_MS);
});
