// Runs are derived data: (scenario, seed, interventions) → trace → index. Memoised here so every
// component asking for the same run shares one object, and toggling back to an earlier set of
// faults (a common thing to do while exploring) costs nothing.
import { notice } from '../i18n/notices';
import { simulate } from '../engine/simulate';
import type { FaultSpec, Scenario, Trace } from '../engine/types';
import { buildTraceIndex, type TraceIndex } from '../view/traceIndex';
import { faultsFor } from './interventions';

export interface Run {
  scenario: Scenario;
  trace: Trace;
  index: TraceIndex;
  /** Where playback stops. */
  endMs: number;
  /** The run could not be computed: the message is shown instead of the graph's activity. */
  error?: string;
}

const MAX_CACHED = 12;
/** Runs on screen at once at most (the compare view). */
const ON_SCREEN = 2;
/**
 * The cached runs hold at most this many trace records between them (the two newest are kept
 * whatever their size): each record is an object in the view's index, so a dozen huge runs would
 * take gigabytes — a 300-character link can describe one.
 */
let maxCachedRecords = 1_500_000;
/**
 * A tab stops a run at this many scheduler steps (the engine's own limit, for the runner, is 3 M):
 * about a million records, a few hundred MB once indexed. The flagship's 10 minutes take 15 k.
 */
export const BROWSER_MAX_STEPS = 1_000_000;
let maxSteps = BROWSER_MAX_STEPS;
const cache = new Map<string, Run>();

/** Smaller limits, for tests of the limits themselves (they need no huge runs then). Empties the cache. */
export function limitRunCache(limits: { maxRecords?: number; maxSteps?: number }): void {
  maxCachedRecords = limits.maxRecords ?? 1_500_000;
  maxSteps = limits.maxSteps ?? BROWSER_MAX_STEPS;
  cache.clear();
}

function recordsOf(run: Run): number {
  return run.trace.records.length;
}

/** Drops the runs of one scenario id (a custom scenario replaced by another with the same id). */
export function forgetRuns(scenarioId: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(`${scenarioId}|`)) cache.delete(key);
}

function keyOf(scenario: Scenario, seed: number, faults: FaultSpec[]): string {
  return `${scenario.id}|${seed}|${JSON.stringify(faults)}`;
}

export function getRun(scenario: Scenario, seed: number, interventions: FaultSpec[]): Run {
  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  const faults = faultsFor(interventions, nodeIds);
  const key = keyOf(scenario, seed, faults);
  const hit = cache.get(key);
  if (hit) {
    // Refresh recency: Map keeps insertion order, so the first key is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const run = compute(scenario, seed, faults);
  cache.set(key, run);
  let total = 0;
  for (const r of cache.values()) total += recordsOf(r);
  // Least recently used first; never the two most recent (the compare view shows two runs at once:
  // evicting one of them would recompute both on every look).
  while (cache.size > ON_SCREEN && (cache.size > MAX_CACHED || total > maxCachedRecords)) {
    const oldest = cache.keys().next().value!;
    total -= recordsOf(cache.get(oldest)!);
    cache.delete(oldest);
  }
  return run;
}

function compute(scenario: Scenario, seed: number, faults: FaultSpec[]): Run {
  try {
    const trace = simulate(scenario, { seed, interventions: faults, untilMs: scenario.durationMs, maxSteps });
    const index = buildTraceIndex(trace, scenario);
    return { scenario, trace, index, endMs: scenario.durationMs };
  } catch (e) {
    // An engine bug must not blank the page: show an empty run and say what went wrong.
    const trace: Trace = { scenarioId: scenario.id, seed, durationMs: scenario.durationMs, faults, records: [], events: [] };
    const index = buildTraceIndex(trace, scenario);
    const message = e instanceof Error ? e.message : String(e);
    return { scenario, trace, index, endMs: scenario.durationMs, error: notice('app.simulationFailed', { title: scenario.title, message }) };
  }
}
