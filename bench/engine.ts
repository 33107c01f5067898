// Engine throughput benchmark (npm run bench). Not a test: it prints numbers, it asserts nothing.
//
// Budget (shared/DESIGN.md): ≥ 1,000,000 message deliveries per wall-clock second on one core,
// reported beside a bare binary-heap loop doing the same number of scheduling operations (the
// practical limit). A "delivery" is a message handed across an edge: one `hop` record.
//
// The engine writes its trace column-wise (src/engine/traceLog.ts); records as objects are built
// when somebody reads them. The timed run is the simulation with its complete trace; turning every
// record into an object is timed on its own line below, so nobody mistakes one for the other.
//
//   npm run bench                 # median of 5 timed runs after a warm-up (bundled by esbuild: scripts/bench.mjs)
//   npm run bench -- --runs 3     # fewer runs
import { computeMetrics } from '../src/engine/metrics';
import { simulate } from '../src/engine/simulate';
import type { Scenario } from '../src/engine/types';
import { bigScenario, RATE_PER_SEC, VIRTUAL_MS } from './bigScenario';
import { checkoutPubsub, checkoutSync } from '../src/scenarios/checkout';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

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
 * BARE_PENDING matches the tasks the engine has pending on the big scenario, all of which a bare
 * loop would keep in its one heap (measured with an instrumented scheduler: on average 13 in the
 * engine's heap + 49 hop arrivals in its network FIFO lane ≈ 62; call timeouts, in a lane of their
 * own and nearly all cancelled, are left out as before). The engine's own heap is smaller because
 * fixed-delay tasks skip it, so the bench also prints the ratio against a bare heap that small.
 */
const BARE_PENDING = 64;
const ENGINE_HEAP_PENDING = 16;

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
const log = trace.log!;
let hops = 0;
let delivers = 0;
for (let i = 0; i < log.length; i++) {
  const type = log.typeAt(i);
  if (type === 'hop') hops++;
  else if (type === 'deliver') delivers++;
}
const materialise = timeIt('every record as an object (trace.records, not part of the budget)', () => simulate(big, { maxSteps: Infinity }).records.length);
const m = computeMetrics(trace, big);
const groups = Object.entries(m.groups)
  .map(([g, x]) => `${g} ${x.processed}/${x.available} lag ${x.lag}`)
  .join(', ');
console.log(`  ${log.length} records, ${hops} hops, ${delivers} deliver records, ${stats.dispatched} scheduler dispatches; ${groups}`);

const bare = timeIt(`bare heap loop (${stats.dispatched} schedule+dispatch, ${BARE_PENDING} pending)`, () => bareLoop(stats.dispatched, BARE_PENDING));
const bareSmall = timeIt(`bare heap loop (${stats.dispatched} schedule+dispatch, ${ENGINE_HEAP_PENDING} pending)`, () => bareLoop(stats.dispatched, ENGINE_HEAP_PENDING));

const sec = engine.ms / 1000;
console.log('');
console.log(`engine: ${fmt(hops / sec)} deliveries/s (hop records; budget ≥ 1.00M/s) — ${fmt(delivers / sec)} deliver records/s, ${fmt(stats.dispatched / sec)} dispatches/s`);
console.log(`        per CPU second: ${fmt(hops / (engine.cpuMs / 1000))} deliveries/s (CPU includes GC threads; wall is what the budget counts)`);
console.log(`bare heap loop: ${fmt(stats.dispatched / (bare.ms / 1000))} dispatches/s`);
console.log(`ratio engine/bare: ${(engine.ms / bare.ms).toFixed(2)}× (budget ≤ 4×)`);
console.log(`        against a bare heap of ${ENGINE_HEAP_PENDING} pending (the size of the engine's own heap): ${(engine.ms / bareSmall.ms).toFixed(2)}×`);
console.log(`simulate + trace.records as objects: ${materialise.ms.toFixed(0)} ms → ${fmt(hops / (materialise.ms / 1000))} deliveries/s`);

console.log('');
console.log('flagship scenarios, 10 minutes virtual:');
for (const s of [checkoutPubsub, checkoutSync].map(tenMinutes)) {
  const st = { dispatched: 0 };
  const r = timeIt(`${s.id}`, () => simulate(s, { stats: st }));
  const h = r.result.records.filter((x) => x.type === 'hop').length;
  console.log(`  ${s.id}: ${r.result.records.length} records, ${h} hops, ${st.dispatched} dispatches → ${fmt(h / (r.ms / 1000))} deliveries/s`);
}
