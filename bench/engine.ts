// Engine throughput benchmark (npm run bench). Not a test: it prints numbers, it asserts nothing.
//
// Budget (shared/DESIGN.md): ≥ 1,000,000 message deliveries per wall-clock second on one core,
// reported beside a bare binary-heap loop doing the same number of scheduling operations (the
// practical limit). A "delivery" is a message handed across an edge: one `hop` record.
//
//   npm run bench                 # median of 5 timed runs after a warm-up
//   npm run bench -- --runs 3     # fewer runs
import { computeMetrics } from '../src/engine/metrics';
import { simulate } from '../src/engine/simulate';
import type { ConsumerSpec, Dist, NodeSpec, Scenario, ServiceSpec } from '../src/engine/types';
import { checkoutPubsub, checkoutSync } from '../src/scenarios/checkout';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

// ─── The big scenario ────────────────────────────────────────────────────────

const RATE_PER_SEC = 4000;
const VIRTUAL_MS = 60_000;
const at = { x: 0, y: 0 };

function consumer(group: string, instances: number, processing: Dist, commit: ConsumerSpec['commit'], autoCommitIntervalMs: number): ConsumerSpec {
  return {
    group,
    topic: 'events',
    instances,
    processing,
    commit,
    autoCommitIntervalMs,
    sessionTimeoutMs: 3000,
    rebalanceMs: 200,
    errorRate: 0.001,
    retry: { maxAttempts: Infinity, backoffMs: 50, multiplier: 2, maxBackoffMs: 2000, jitter: 0.2 },
    idempotent: true,
    emits: [],
  };
}

function consumerService(id: string, consumers: ConsumerSpec[]): ServiceSpec {
  return { kind: 'service', id, label: id, position: at, workers: 1, queueLimit: 0, endpoints: [], consumers };
}

/** A producer at 4000 events/s into 8 partitions, read by 3 groups (10 members), with one outage. */
function bigScenario(): Scenario {
  const nodes: NodeSpec[] = [
    {
      kind: 'client',
      id: 'producer',
      label: 'producer',
      position: at,
      target: 'events',
      command: 'thing-happened',
      timeoutMs: 5000,
      retry: { maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 },
    },
    { kind: 'topic', id: 'events', label: 'events', position: at, partitions: 8, autoOffsetReset: 'earliest' },
    // 4 members × 2 partitions: ~1000 records/s each, 0.4 ms per record.
    consumerService('billing', [consumer('billing', 4, { kind: 'exp', meanMs: 0.4 }, 'after', 0)]),
    // 2 services × 2 members: ~1000 records/s each; auto-commit every second.
    consumerService('shipping-a', [consumer('shipping', 2, { kind: 'uniform', minMs: 0.1, maxMs: 0.6 }, 'after', 1000)]),
    consumerService('shipping-b', [consumer('shipping', 2, { kind: 'uniform', minMs: 0.1, maxMs: 0.6 }, 'after', 1000)]),
    // 2 members × 4 partitions: ~2000 records/s each; at-most-once with auto-commit.
    consumerService('analytics', [consumer('analytics', 2, { kind: 'const', ms: 0.3 }, 'before', 5000)]),
  ];
  return {
    id: 'bench-big',
    title: 'benchmark',
    summary: '',
    lesson: 'bench',
    durationMs: VIRTUAL_MS,
    seed: 1,
    networkMs: 2,
    nodes,
    workload: [{ kind: 'poisson', client: 'producer', ratePerSec: RATE_PER_SEC, fromMs: 0, untilMs: VIRTUAL_MS - 2000, invalidShare: 0 }],
    // shipping-b stops for 5 s: its members crash, the group rebalances twice and catches up.
    faults: [{ target: 'shipping-b', kind: 'down', fromMs: 20_000, untilMs: 25_000 }],
    expectations: [],
  };
}

/** The flagship scenarios stretched to a 10-minute virtual run (the shop closes 4 s before the end). */
function tenMinutes(s: Scenario): Scenario {
  const durationMs = 600_000;
  return {
    ...s,
    durationMs,
    workload: s.workload.map((w) => (w.kind === 'poisson' ? { ...w, untilMs: durationMs - 4000 } : w)),
  };
}

// ─── The bare loop: a minimal binary heap of (time, seq, closure) ───────────

/**
 * The same number of schedule + dispatch operations through a minimal heap, each task a closure
 * that schedules its successor a random delay later, with `pending` tasks in the heap throughout.
 * This is the floor: what the engine's work would cost if components did nothing but schedule.
 * BARE_PENDING matches the engine's own heap on the big scenario (measured with an instrumented
 * scheduler: ≈ 61 tasks on average; call timeouts live in FIFO timer lanes, not in the heap).
 */
const BARE_PENDING = 64;

function bareLoop(operations: number, pending: number): number {
  const times: number[] = [];
  const seqs: number[] = [];
  const tasks: (() => void)[] = [];
  let seq = 0;
  let now = 0;
  let rng = 0x12345678;
  const random = (): number => {
    rng ^= rng << 13;
    rng ^= rng >>> 17;
    rng ^= rng << 5;
    return (rng >>> 0) / 4294967296;
  };
  const push = (time: number, task: () => void): void => {
    const s = seq++;
    let i = tasks.length;
    times.push(time);
    seqs.push(s);
    tasks.push(task);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] < time || (times[parent] === time && seqs[parent] < s)) break;
      times[i] = times[parent];
      seqs[i] = seqs[parent];
      tasks[i] = tasks[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = s;
    tasks[i] = task;
  };
  let dispatched = 0;
  let checksum = 0;
  const task = (): void => {
    checksum += now;
    push(now + random() * 10, task);
  };
  for (let k = 0; k < pending; k++) push(random() * 10, task);
  while (dispatched < operations) {
    now = times[0];
    const run = tasks[0];
    const lastTime = times.pop()!;
    const lastSeq = seqs.pop()!;
    const lastTask = tasks.pop()!;
    const n = tasks.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (r < n && (times[r] < times[l] || (times[r] === times[l] && seqs[r] < seqs[l]))) c = r;
        if (times[c] > lastTime || (times[c] === lastTime && seqs[c] > lastSeq)) break;
        times[i] = times[c];
        seqs[i] = seqs[c];
        tasks[i] = tasks[c];
        i = c;
      }
      times[i] = lastTime;
      seqs[i] = lastSeq;
      tasks[i] = lastTask;
    }
    dispatched++;
    run();
  }
  return checksum;
}

// ─── Measurement ─────────────────────────────────────────────────────────────

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median wall time of RUNS runs after a warm-up; CPU time (this process, GC threads included) beside it. */
function timeIt<T>(label: string, f: () => T): { ms: number; cpuMs: number; result: T } {
  f(); // warm-up: JIT, inline caches
  const times: number[] = [];
  const cpu: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    result = undefined as T; // let the previous run's trace be collected before timing the next
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const ms = median(times);
  const cpuMs = median(cpu);
  console.log(
    `  ${label}: median ${ms.toFixed(0)} ms wall (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), ${cpuMs.toFixed(0)} ms CPU, ${RUNS} runs`,
  );
  return { ms, cpuMs, result };
}

function fmt(perSec: number): string {
  return perSec >= 1e6 ? `${(perSec / 1e6).toFixed(2)}M` : `${(perSec / 1e3).toFixed(0)}k`;
}

const big = bigScenario();
console.log(`Node ${process.version}; ${RUNS} timed runs after a warm-up; median reported.`);
console.log(`big scenario: producer at ${RATE_PER_SEC}/s → topic (8 partitions) → 3 groups / 10 members, ${VIRTUAL_MS / 1000} s virtual, one 5 s outage`);
const stats = { dispatched: 0 };
const engine = timeIt('simulate', () => simulate(big, { stats, maxSteps: Infinity }));
const trace = engine.result;
let hops = 0;
let delivers = 0;
for (const r of trace.records) {
  if (r.type === 'hop') hops++;
  else if (r.type === 'deliver') delivers++;
}
const m = computeMetrics(trace, big);
const groups = Object.entries(m.groups)
  .map(([g, x]) => `${g} ${x.processed}/${x.available} lag ${x.lag}`)
  .join(', ');
console.log(`  ${trace.records.length} records, ${hops} hops, ${delivers} deliver records, ${stats.dispatched} scheduler dispatches; ${groups}`);

const bare = timeIt(`bare heap loop (${stats.dispatched} schedule+dispatch, ${BARE_PENDING} pending)`, () => bareLoop(stats.dispatched, BARE_PENDING));

const sec = engine.ms / 1000;
console.log('');
console.log(`engine: ${fmt(hops / sec)} deliveries/s (hop records; budget ≥ 1.00M/s) — ${fmt(delivers / sec)} deliver records/s, ${fmt(stats.dispatched / sec)} dispatches/s`);
console.log(`        per CPU second: ${fmt(hops / (engine.cpuMs / 1000))} deliveries/s (CPU includes GC threads; wall is what the budget counts)`);
console.log(`bare heap loop: ${fmt(stats.dispatched / (bare.ms / 1000))} dispatches/s`);
console.log(`ratio engine/bare: ${(engine.ms / bare.ms).toFixed(2)}× (budget ≤ 4×)`);

console.log('');
console.log('flagship scenarios, 10 minutes virtual:');
for (const s of [checkoutPubsub, checkoutSync].map(tenMinutes)) {
  const st = { dispatched: 0 };
  const r = timeIt(`${s.id}`, () => simulate(s, { stats: st }));
  const h = r.result.records.filter((x) => x.type === 'hop').length;
  console.log(`  ${s.id}: ${r.result.records.length} records, ${h} hops, ${st.dispatched} dispatches → ${fmt(h / (r.ms / 1000))} deliveries/s`);
}
