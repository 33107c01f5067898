// Statistical tests against textbook results (shared/cases/README.md, "Textbook results"): small
// scenarios built in code, fixed seeds, and tolerances derived from the sampling error of each
// estimate (stated next to each check). A run is deterministic, so a test either always passes or
// always fails; the tolerances say how unlucky a correct engine would have to be for a seed to fail.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics, type CommandMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type { ConsumerSpec, Dist, EndpointSpec, NodeSpec, RetryPolicy, Scenario, ServiceSpec, Trace, TraceRecord } from '../../src/engine/types';

const NO_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };
const at = { x: 0, y: 0 };

function client(target: string, command: string, retry: RetryPolicy = NO_RETRY): NodeSpec {
  return { kind: 'client', id: 'clients', label: 'clients', position: at, target, command, timeoutMs: 1e9, retry };
}

function service(id: string, endpoint: Omit<EndpointSpec, 'validate' | 'successStatus'> | undefined, workers: number, consumers: ConsumerSpec[] = []): ServiceSpec {
  return {
    kind: 'service',
    id,
    label: id,
    position: at,
    workers,
    queueLimit: 1e9,
    endpoints: endpoint ? [{ ...endpoint, validate: false, successStatus: 200 }] : [],
    consumers,
  };
}

function scenario(id: string, nodes: NodeSpec[], opts: { networkMs: number; ratePerSec: number; untilMs: number; durationMs: number }): Scenario {
  return {
    id,
    title: id,
    summary: '',
    lesson: 'textbook',
    durationMs: opts.durationMs,
    seed: 1,
    networkMs: opts.networkMs,
    nodes,
    workload: [{ kind: 'poisson', client: 'clients', ratePerSec: opts.ratePerSec, fromMs: 0, untilMs: opts.untilMs, invalidShare: 0 }],
    faults: [],
    expectations: [],
  };
}

function call(target: string, endpoint: string, retry: RetryPolicy = NO_RETRY) {
  return { kind: 'call' as const, target, endpoint, timeoutMs: 1e9, retry };
}

type Rec<T extends TraceRecord['type']> = Extract<TraceRecord, { type: T }>;
function recordsOf<T extends TraceRecord['type']>(trace: Trace, type: T): Rec<T>[] {
  return trace.records.filter((r): r is Rec<T> => r.type === type);
}

/** Time-average of busy + queued at `node` over [0, until], from its `pool` records (0 before the first). */
function timeAverageInSystem(trace: Trace, node: string, until: number): number {
  let area = 0;
  let last = 0;
  let n = 0;
  for (const r of trace.records) {
    if (r.type !== 'pool' || r.node !== node) continue;
    if (r.t > until) break;
    area += n * (r.t - last);
    last = r.t;
    n = r.busy + r.queued;
  }
  area += n * (until - last);
  return area / until;
}

/** ±k binomial standard errors around p for n trials. */
function binomialBand(p: number, n: number, k = 4): number {
  return k * Math.sqrt((p * (1 - p)) / n);
}

describe('M/M/1 (one worker, exponential service, Poisson arrivals)', () => {
  // λ = 8/s, μ = 10/s (mean service 100 ms), ρ = 0.8, networkMs 0 so latency = time in system.
  // Arrivals for 20 000 s (≈ 160 000 customers), then 200 s to drain.
  const T = 20_000_000;
  const s = scenario('mm1', [client('server', 'job'), service('server', { name: 'job', processing: { kind: 'exp', meanMs: 100 }, errorRate: 0, then: [] }, 1)], {
    networkMs: 0,
    ratePerSec: 8,
    untilMs: T,
    durationMs: T + 200_000,
  });
  let m: CommandMetrics;
  let L: number;
  beforeAll(() => {
    const trace = simulate(s);
    m = computeMetrics(trace, s, { window: [0, T] }).server as CommandMetrics;
    L = timeAverageInSystem(trace, 'server', T);
  }, 60_000);

  it('mean time in system ≈ 1/(μ−λ) = 0.5 s and mean number in system ≈ ρ/(1−ρ) = 4, within ±10%', () => {
    // Tolerance: queue-length samples of an M/M/1 are strongly autocorrelated at ρ = 0.8. Whitt's
    // asymptotic variance of the time-average number in system is 2ρ(1+ρ)/(1−ρ)⁴ per mean service
    // time (= 0.1 s): 18 000 × 0.1 s / T ⇒ sd ≈ 0.095 over 20 000 s, i.e. 2.4 % of 4. By Little's
    // law W̄ ≈ L̄/λ carries the same relative error (plus 0.4 % from the arrival count). ±10 % is
    // therefore > 4 standard errors: wide enough never to flake on a correct engine, narrow enough
    // to catch a wrong service rate (a 10 % slower server gives W = 0.71 s, L = 5.7). Checked over
    // seeds 1–10: sd of L̄ 0.100, sd of W̄ 12 ms (2.4 %), as predicted.
    expect(m.submitted).toBeGreaterThan(150_000);
    expect(m.pending).toBe(0);
    expect(m.meanLatencyMs / 500).toBeGreaterThan(0.9);
    expect(m.meanLatencyMs / 500).toBeLessThan(1.1);
    expect(L / 4).toBeGreaterThan(0.9);
    expect(L / 4).toBeLessThan(1.1);
  });

  it("Little's law on the same run: time-average number in system = λ_measured × mean time in system, within ±3%", () => {
    // Little's law holds per sample path; over [0, T] the only discrepancy is the handful of
    // customers still in the system at T (≈ 4 × 0.5 s against 160 000 × 0.5 s): ≪ 3 %. This checks
    // that the pool records (busy/queued) and the command latencies tell the same story.
    const lambda = m.submitted / (T / 1000);
    const littleL = lambda * (m.meanLatencyMs / 1000);
    expect(Math.abs(L / littleL - 1)).toBeLessThan(0.03);
  });
});

describe('serial synchronous chain', () => {
  // clients → front, which calls b, c, d in turn (no retries); b, c, d fail 1 % of requests each.
  // Plenty of workers so nothing queues: latencies are pure processing + network.
  const net = 10;
  const means = { front: 20, b: 30, c: 40, d: 50 };
  const exp = (meanMs: number): Dist => ({ kind: 'exp', meanMs });
  const s = scenario(
    'serial-chain',
    [
      client('front', 'order'),
      service('front', { name: 'order', processing: exp(means.front), errorRate: 0, then: [call('b', 'step'), call('c', 'step'), call('d', 'step')] }, 10_000),
      service('b', { name: 'step', processing: exp(means.b), errorRate: 0.01, then: [] }, 10_000),
      service('c', { name: 'step', processing: exp(means.c), errorRate: 0.01, then: [] }, 10_000),
      service('d', { name: 'step', processing: exp(means.d), errorRate: 0.01, then: [] }, 10_000),
    ],
    { networkMs: net, ratePerSec: 200, untilMs: 500_000, durationMs: 520_000 },
  );
  let trace: Trace;
  let m: CommandMetrics;
  beforeAll(() => {
    trace = simulate(s);
    m = computeMetrics(trace, s).front as CommandMetrics;
  }, 60_000);

  it('availability is the product: success ≈ 0.99³ ≈ 0.9703 (±4 binomial standard errors)', () => {
    // ≈ 100 000 commands: σ = √(p(1−p)/n) ≈ 0.00054, so the band is ≈ ±0.0022.
    const p = 0.99 ** 3;
    const n = m.succeeded + m.failed;
    expect(n).toBeGreaterThan(95_000);
    expect(m.pending).toBe(0);
    expect(Math.abs(m.successRate - p)).toBeLessThan(binomialBand(p, n));
  });

  it('latencies add: mean latency of a successful command ≈ Σ means + 2 × networkMs per hop (±4 standard errors)', () => {
    // Hops: clients→front, front→b, front→c, front→d, each there and back: 8 × 10 ms. Per-command
    // sd = √(20² + 30² + 40² + 50²) ≈ 73.5 ms, so over ≈ 97 000 successes the standard error of
    // the mean is ≈ 0.24 ms: the band is ≈ ±1 ms around 220 ms.
    const expected = means.front + means.b + means.c + means.d + 2 * net * 4;
    const ok = recordsOf(trace, 'command-done').filter((d) => d.outcome === 'ok');
    const mean = ok.reduce((a, d) => a + d.latencyMs, 0) / ok.length;
    const sd = Math.sqrt(means.front ** 2 + means.b ** 2 + means.c ** 2 + means.d ** 2);
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(ok.length));
  });
});

describe('n independent attempts with failure probability q', () => {
  // q = 0.3, n = 3 ⇒ success 1 − 0.3³ = 0.973, and the mean number of attempts 1 + q + q² = 1.39.
  const q = 0.3;
  const retry3: RetryPolicy = { maxAttempts: 3, backoffMs: 10, multiplier: 2, maxBackoffMs: 100, jitter: 0.5 };
  const flaky = (id: string) => service(id, { name: 'work', processing: { kind: 'const', ms: 5 }, errorRate: q, then: [] }, 10_000);
  const pSuccess = 1 - q ** 3;
  const meanAttempts = 1 + q + q * q;
  // Attempts per command take 1, 2, 3 with probabilities 0.7, 0.21, 0.09: sd ≈ 0.646.
  const attemptsSd = Math.sqrt(1 * 0.7 + 4 * 0.21 + 9 * 0.09 - meanAttempts ** 2);

  it("a service's call with retry.maxAttempts 3: success ≈ 0.973, attempts ≈ 1.39 (±4 standard errors)", () => {
    // 30 000 commands: success band ≈ ±0.0037; mean-attempts band ≈ ±0.015.
    const s = scenario('attempts-call', [client('front', 'order'), service('front', { name: 'order', processing: { kind: 'const', ms: 1 }, errorRate: 0, then: [call('flaky', 'work', retry3)] }, 10_000), flaky('flaky')], {
      networkMs: 5,
      ratePerSec: 100,
      untilMs: 300_000,
      durationMs: 310_000,
    });
    const trace = simulate(s);
    const m = computeMetrics(trace, s).front as CommandMetrics;
    const n = m.succeeded + m.failed;
    expect(n).toBeGreaterThan(29_000);
    expect(Math.abs(m.successRate - pSuccess)).toBeLessThan(binomialBand(pSuccess, n));
    const attempts = trace.records.filter((r) => r.type === 'hop' && r.from === 'front' && r.to === 'flaky' && r.kind === 'command').length;
    expect(Math.abs(attempts / n - meanAttempts)).toBeLessThan((4 * attemptsSd) / Math.sqrt(n));
  });

  it("the client's own retry policy (maxAttempts 3) gives the same law, attempt by attempt", () => {
    const s = scenario('attempts-client', [client('flaky', 'work', retry3), flaky('flaky')], { networkMs: 5, ratePerSec: 100, untilMs: 300_000, durationMs: 310_000 });
    const trace = simulate(s);
    const done = recordsOf(trace, 'command-done');
    const n = done.length;
    expect(n).toBeGreaterThan(29_000);
    const ok = done.filter((d) => d.outcome === 'ok').length;
    expect(Math.abs(ok / n - pSuccess)).toBeLessThan(binomialBand(pSuccess, n));
    // Distribution of attempts: P(k) = q^(k−1)(1−q) for k < 3, and q² for k = 3 (success or not).
    const share = (k: number) => done.filter((d) => d.attempts === k).length / n;
    for (const [k, p] of [
      [1, 1 - q],
      [2, q * (1 - q)],
      [3, q * q],
    ] as const) {
      expect(Math.abs(share(k) - p), `P(attempts = ${k})`).toBeLessThan(binomialBand(p, n));
    }
  });
});

describe('fan-out: N calls each slow with probability p', () => {
  it('P(some call slow) = 1 − (1−p)^N (±4 binomial standard errors)', () => {
    // Each call's processing is exponential with mean m: P(X > m·ln(1/p)) = p exactly. With p = 0.1
    // and N = 3 calls: 1 − 0.9³ = 0.271. 30 000 commands: band ≈ ±0.010.
    const p = 0.1;
    const meanMs = 50;
    const threshold = meanMs * Math.log(1 / p);
    const net = 5;
    const targets = ['x', 'y', 'z'];
    const s = scenario(
      'fan-out',
      [
        client('front', 'order'),
        service('front', { name: 'order', processing: { kind: 'const', ms: 1 }, errorRate: 0, then: targets.map((t) => call(t, 'part')) }, 10_000),
        ...targets.map((t) => service(t, { name: 'part', processing: { kind: 'exp', meanMs }, errorRate: 0, then: [] }, 10_000)),
      ],
      { networkMs: net, ratePerSec: 100, untilMs: 300_000, durationMs: 310_000 },
    );
    const trace = simulate(s);
    // A call's processing time = its `handled` time − the request's arrival (no queueing: 10 000 workers).
    const arrivals = new Map<string, number>();
    for (const r of trace.records) if (r.type === 'hop' && r.from === 'front' && targets.includes(r.to)) arrivals.set(`${r.to}|${r.ref}`, r.arriveAt);
    const slow = new Set<number>();
    const commands = new Set<number>();
    for (const h of recordsOf(trace, 'handled')) {
      if (!targets.includes(h.service)) continue;
      commands.add(h.cmd);
      if (h.t - arrivals.get(`${h.service}|${h.cmd}`)! > threshold) slow.add(h.cmd);
    }
    const n = commands.size;
    expect(n).toBeGreaterThan(29_000);
    const expected = 1 - (1 - p) ** targets.length;
    expect(Math.abs(slow.size / n - expected)).toBeLessThan(binomialBand(expected, n));
  });
});

describe('λ > μ: a consumer group falling behind', () => {
  it('lag grows at λ − μ per second (±5%)', () => {
    // Producer → topic (1 partition) at λ = 40/s (Poisson); one consumer, 100 ms per record (μ = 10/s).
    // Between t1 = 100 s and t2 = 500 s the consumer handles exactly μ·400 = 4000 records; appends
    // are Poisson with mean 16 000 and sd √16 000 ≈ 126, so lag growth = 12 000 ± 126 (1.05 %):
    // ±5 % is ≈ 4.7 standard errors.
    const consumer: ConsumerSpec = {
      group: 'readers',
      topic: 'events',
      instances: 1,
      processing: { kind: 'const', ms: 100 },
      commit: 'after',
      autoCommitIntervalMs: 0,
      sessionTimeoutMs: 10_000,
      rebalanceMs: 0,
      errorRate: 0,
      retry: NO_RETRY,
      idempotent: false,
      emits: [],
    };
    const s = scenario(
      'overload',
      [
        client('events', 'event-happened'),
        { kind: 'topic', id: 'events', label: 'events', position: at, partitions: 1, autoOffsetReset: 'earliest' },
        service('reader', undefined, 1, [consumer]),
      ],
      { networkMs: 5, ratePerSec: 40, untilMs: 600_000, durationMs: 600_000 },
    );
    const trace = simulate(s);
    const t1 = 100_000;
    const t2 = 500_000;
    const lag1 = computeMetrics(trace, s, { atMs: t1 }).groups.readers.lag;
    const lag2 = computeMetrics(trace, s, { atMs: t2 }).groups.readers.lag;
    const expected = ((40 - 10) * (t2 - t1)) / 1000;
    expect(lag1).toBeGreaterThan(2000);
    expect(Math.abs((lag2 - lag1) / expected - 1)).toBeLessThan(0.05);
    // The consumer works flat out at μ: 10 records per second, to the record.
    const processedBetween = recordsOf(trace, 'processed').filter((p) => p.t > t1 && p.t <= t2).length;
    expect(Math.abs(processedBetween - (10 * (t2 - t1)) / 1000)).toBeLessThanOrEqual(1);
  });
});
