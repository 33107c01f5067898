// Scrub budget (DESIGN.md): jumping to any t of a 10-minute virtual run must take < 50 ms.
//
// Builds a 10-minute run of checkout-pubsub (the shipped scenario closes the shop at 56 s, so a
// variant keeps the shoppers coming for 596 s), with Fulfillment down 2–5 min to keep lag and
// retries realistic. Index build is timed and reported separately (it happens once per run). Then
// for 1000 seeded-random t it times what a jump costs the UI: worldAt + metricsAt, plus the
// rendering prep of the panes that read t (metrics panel model, sequence window, log view, chart
// cursor, inspector of a selected event). Run: npm run bench:scrub
import { performance } from 'node:perf_hooks';
import { simulate } from '../src/engine/simulate';
import type { Scenario, WorkloadSpec } from '../src/engine/types';
import { checkoutPubsub } from '../src/scenarios/checkout';
import { selectPanel } from '../src/ui/panels/selectMetrics';
import { chartValuesAt } from '../src/view/chartSeries';
import { eventAt, inspectEvent } from '../src/view/inspect';
import { logTopicAt } from '../src/view/logView';
import { metricsAt } from '../src/view/metricsAt';
import { sequenceWindow } from '../src/view/sequence';
import { buildTraceIndex } from '../src/view/traceIndex';
import { worldAt } from '../src/view/worldAt';

const DURATION_MS = 600_000;
const SAMPLES = 1000;
/** `--rate=20` runs a heavier shop (orders per second); the default is the scenario's own rate. */
const rateArg = process.argv.find((a) => a.startsWith('--rate='));
const RATE = rateArg ? Number(rateArg.slice('--rate='.length)) : undefined;

const scenario: Scenario = {
  ...checkoutPubsub,
  id: 'checkout-pubsub-10min',
  durationMs: DURATION_MS,
  workload: checkoutPubsub.workload.map((w): WorkloadSpec => (w.kind === 'poisson' ? { ...w, untilMs: DURATION_MS - 4000, ratePerSec: RATE ?? w.ratePerSec } : w)),
};

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return `median ${at(50).toFixed(3)} ms · p95 ${at(95).toFixed(3)} ms · max ${s[s.length - 1].toFixed(3)} ms`;
}

// A seeded generator so every run of the bench scrubs the same times (mulberry32).
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let t0 = performance.now();
const trace = simulate(scenario, {
  untilMs: DURATION_MS,
  interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 120_000, untilMs: 300_000 }],
});
const simulateMs = performance.now() - t0;

t0 = performance.now();
const index = buildTraceIndex(trace, scenario);
// Lazily built structures (percentile ranks, the inspector's per-message index) belong to the
// index build too: they are built once, on the first query that needs them.
metricsAt(index, index.endMs);
const selected = trace.events[Math.floor(trace.events.length / 2)].id;
const eventDetail = inspectEvent(index, selected);
const buildMs = performance.now() - t0;

const rate = scenario.workload[0].kind === 'poisson' ? scenario.workload[0].ratePerSec : 0;
console.log(`scenario ${scenario.id}: ${(DURATION_MS / 60_000).toFixed(0)} virtual minutes at ${rate} orders/s, ${trace.records.length.toLocaleString('en')} records, ${trace.events.length.toLocaleString('en')} events`);
console.log(`simulate ${simulateMs.toFixed(0)} ms · index build (excluded below) ${buildMs.toFixed(0)} ms`);

const random = rng(20260101);
const times = Array.from({ length: SAMPLES }, () => random() * index.endMs);

// Warm the JIT on other times so the first samples do not measure compilation.
for (let i = 0; i < 50; i++) {
  const t = random() * index.endMs;
  worldAt(index, t);
  metricsAt(index, t);
}

const core: number[] = [];
const full: number[] = [];
let sink = 0;
for (const t of times) {
  const a = performance.now();
  const world = worldAt(index, t);
  const metrics = metricsAt(index, t);
  const b = performance.now();
  const panel = selectPanel(metrics, scenario);
  const seq = sequenceWindow(index, t, 5000);
  const log = logTopicAt(index, world, 'online-orders');
  const cursor = chartValuesAt(index, t);
  const inspected = eventAt(eventDetail, t);
  const c = performance.now();
  core.push(b - a);
  full.push(c - a);
  sink += world.tokens.length + (panel.commands?.submitted ?? 0) + seq.arrows.length + (log?.partitions.length ?? 0) + Object.keys(cursor).length + inspected.hops.length;
}

console.log(`worldAt + metricsAt at ${SAMPLES} random t: ${stats(core)}`);
console.log(`  + rendering prep (panel model, sequence window, log view, chart cursor, inspector): ${stats(full)}`);
const worst = Math.max(...full);
console.log(worst < 50 ? `within the 50 ms scrub budget (worst ${worst.toFixed(1)} ms)` : `OVER the 50 ms scrub budget (worst ${worst.toFixed(1)} ms)`);
if (sink < 0) console.log(sink);
