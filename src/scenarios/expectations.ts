// Expectations are the claims a scenario teaches, as data. The same evaluator runs in the test
// suite, in the command-line runner and in the browser, so what the lab says is what the tests check.
import { computeMetrics, type Metrics } from '../engine/metrics';
import { simulate } from '../engine/simulate';
import type { Assertion, CompareOp, Expectation, FaultSpec, Scenario } from '../engine/types';

export interface ExpectationResult {
  name: string;
  passed: boolean;
  /** One line per assertion: what was compared with what. */
  detail: string;
}

/** Split a metric path on dots; `\.` is a literal dot inside a key (ids like `t.dlt`). */
export function splitMetricPath(path: string): string[] {
  return path.split(/(?<!\\)\./).map((p) => p.replace(/\\\./g, '.'));
}

/** Values at a dotted metric path; `*` matches every key at that level (e.g. `groups.*.lost`). */
export function metricValues(metrics: unknown, path: string): { path: string; value: number }[] {
  const parts = splitMetricPath(path);
  const out: { path: string; value: number }[] = [];
  const walk = (node: unknown, i: number, at: string[]): void => {
    if (i === parts.length) {
      if (typeof node === 'number') out.push({ path: at.map((k) => k.replace(/\./g, '\\.')).join('.'), value: node });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const keys = parts[i] === '*' ? Object.keys(record).sort() : [parts[i]];
    // Own keys only: `constructor` or `toString` in a path names nothing unless the metrics have it.
    for (const key of keys) if (Object.hasOwn(record, key)) walk(record[key], i + 1, [...at, key]);
  };
  walk(metrics, 0, []);
  return out;
}

export function compare(a: number, op: CompareOp, b: number): boolean {
  // A number that is not there (NaN) makes no claim true, not even `!=`.
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    case '!=':
      return !compare(a, '==', b);
  }
}

/** Runs a scenario under given faults, memoised: expectations of one scenario share their runs. */
export class RunCache {
  private readonly runs = new Map<string, ReturnType<typeof simulate>>();
  private readonly metrics = new Map<string, Metrics>();

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
  ) {}

  trace(faults: FaultSpec[], untilMs: number | undefined) {
    const key = JSON.stringify([faults, untilMs ?? null]);
    let trace = this.runs.get(key);
    if (!trace) {
      trace = simulate(this.scenario, { seed: this.seed, interventions: faults, untilMs });
      this.runs.set(key, trace);
    }
    return trace;
  }

  metricsOf(faults: FaultSpec[], untilMs: number | undefined, window?: [number, number]): Metrics {
    const key = JSON.stringify([faults, untilMs ?? null, window ?? null]);
    let m = this.metrics.get(key);
    if (!m) {
      m = computeMetrics(this.trace(faults, untilMs), this.scenario, { window });
      this.metrics.set(key, m);
    }
    return m;
  }
}

function format(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3);
}

function checkAssertion(cache: RunCache, expectation: Expectation, assertion: Assertion): { passed: boolean; detail: string } {
  const metrics = cache.metricsOf(expectation.faults, expectation.untilMs, assertion.window);
  const actual = metricValues(metrics, assertion.metric);
  const where = assertion.window ? ` in [${assertion.window[0] / 1000}s, ${assertion.window[1] / 1000}s)` : '';
  if (actual.length === 0) return { passed: false, detail: `${assertion.metric}: no such metric` };
  const lines: string[] = [];
  let passed = true;
  for (const { path, value } of actual) {
    let target: number;
    let targetText: string;
    if (assertion.baseline) {
      const base = metricValues(cache.metricsOf([], expectation.untilMs, assertion.window), path)[0]?.value ?? NaN;
      target = base * assertion.baseline.factor;
      targetText = `${format(target)} (no-fault run ${format(base)} × ${assertion.baseline.factor})`;
    } else if (assertion.other) {
      const others = metricValues(metrics, assertion.other.metric);
      if (others.length === 0) return { passed: false, detail: `${assertion.other.metric}: no such metric` };
      const other = others[0].value;
      target = other * assertion.other.factor;
      targetText = `${format(target)} (${assertion.other.metric}${assertion.other.factor === 1 ? '' : ` × ${assertion.other.factor}`})`;
    } else {
      target = assertion.value ?? NaN;
      targetText = format(target);
    }
    const ok = compare(value, assertion.op, target);
    passed &&= ok;
    lines.push(`${path}${where} = ${format(value)} ${assertion.op} ${targetText}${ok ? '' : '  ✗'}`);
  }
  return { passed, detail: lines.join('; ') };
}

export function evaluateExpectation(cache: RunCache, expectation: Expectation): ExpectationResult {
  // A claim with nothing to check proves nothing: it fails rather than passing by default.
  if (expectation.assert.length === 0) return { name: expectation.name, passed: false, detail: 'no assertions' };
  const results = expectation.assert.map((a) => checkAssertion(cache, expectation, a));
  return {
    name: expectation.name,
    passed: results.every((r) => r.passed),
    detail: results.map((r) => r.detail).join(' | '),
  };
}

export function evaluateExpectations(scenario: Scenario, seed = scenario.seed): ExpectationResult[] {
  const cache = new RunCache(scenario, seed);
  return scenario.expectations.map((e) => evaluateExpectation(cache, e));
}
