// Headless runner: the same scenarios, engine and expectations as the browser, as text or JSON.
import { readFileSync, statSync } from 'node:fs';
import { computeMetrics, RESERVED_METRIC_KEYS, type CommandMetrics, type Metrics } from './engine/metrics';
import { SimulationLimitError } from './engine/scheduler';
import { simulate } from './engine/simulate';
import type { Scenario } from './engine/types';
import { builtinScenarios, findScenario } from './scenarios/builtins';
import { evaluateExpectations } from './scenarios/expectations';
import { parseScenarioText, ScenarioError } from './scenarios/scenarioFile';
import { checkFaultTargets, parseArgs, USAGE, UsageError, type CliArgs } from './cliArgs';

function loadScenario(args: CliArgs): Scenario {
  if (args.file !== undefined) {
    let text: string;
    try {
      // Refuse devices, pipes and huge files before reading: /dev/zero must not hang the runner.
      const stat = statSync(args.file);
      if (!stat.isFile()) throw new UsageError(`--file '${args.file}': not a regular file`);
      if (stat.size > 2_000_000) throw new UsageError(`--file '${args.file}': larger than 2 MB`);
      text = readFileSync(args.file, 'utf8');
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`--file '${args.file}': cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    return parseScenarioText(text, args.file);
  }
  const scenario = findScenario(args.scenarioId!);
  if (!scenario) throw new UsageError(`unknown scenario '${args.scenarioId}' (see --list)`);
  return scenario;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * The engine's successRate is succeeded / (succeeded + failed), and 1 when nothing was judged yet
 * (metrics.ts). Printed, that 1 reads as "100% success" for a run where nothing ever finished, so
 * the runner shows no rate then (null in --json); likewise no latency when no command finished.
 */
function judged(m: CommandMetrics): boolean {
  return m.succeeded + m.failed > 0;
}

function finished(m: CommandMetrics): boolean {
  return m.succeeded + m.rejected + m.failed > 0;
}

function successText(m: CommandMetrics): string {
  if (judged(m)) return pct(m.successRate);
  return m.rejected > 0 ? 'n/a (only rejections (4xx) finished)' : 'n/a (no command finished)';
}

type ReportedCommandMetrics = Omit<CommandMetrics, 'successRate' | 'p50LatencyMs' | 'p99LatencyMs' | 'meanLatencyMs'> & {
  successRate: number | null;
  p50LatencyMs: number | null;
  p99LatencyMs: number | null;
  meanLatencyMs: number | null;
};

function reported(m: CommandMetrics): ReportedCommandMetrics {
  const done = finished(m);
  return {
    ...m,
    successRate: judged(m) ? m.successRate : null,
    p50LatencyMs: done ? m.p50LatencyMs : null,
    p99LatencyMs: done ? m.p99LatencyMs : null,
    meanLatencyMs: done ? m.meanLatencyMs : null,
  };
}

/** The metrics as --json prints them: per-service and per-client command metrics through reported(). */
function jsonMetrics(metrics: Metrics): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (key === 'clients') out[key] = Object.fromEntries(Object.entries(metrics.clients).map(([id, m]) => [id, reported(m)]));
    else if (RESERVED_METRIC_KEYS.includes(key)) out[key] = value;
    else out[key] = reported(value as CommandMetrics);
  }
  return out;
}

function describe(metrics: Metrics): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(metrics)) {
    if (RESERVED_METRIC_KEYS.includes(key)) continue;
    const m = value as CommandMetrics;
    lines.push(
      `${key}: ${m.submitted} submitted, ${m.succeeded} ok, ${m.rejected} rejected (4xx), ${m.failed} failed (5xx/timeout), ${m.pending} pending; ` +
        `success ${successText(m)}, ` +
        (finished(m) ? `p50 ${m.p50LatencyMs.toFixed(0)} ms, p99 ${m.p99LatencyMs.toFixed(0)} ms` : 'p50 n/a, p99 n/a') +
        (m.committedButFailed > 0 ? `; ${m.committedButFailed} committed but reported failed` : ''),
    );
  }
  if (metrics.events.published > 0 || Object.keys(metrics.groups).length > 0) {
    lines.push(
      `events published: ${metrics.events.published}` +
        (metrics.events.notPublished > 0 ? `; ${metrics.events.notPublished} never published (the producer gave up on them)` : ''),
    );
  } else if (metrics.events.notPublished > 0) lines.push(`${metrics.events.notPublished} records never published (the producer gave up on them)`);
  for (const [group, g] of Object.entries(metrics.groups)) {
    lines.push(
      `group ${group} (${g.topic}): processed ${g.processed}/${g.available}, lag ${g.lag}, max lag ${g.maxLag}, lost ${g.lost}, duplicates ${g.duplicates}` +
        (g.deadLettered ? `, dead-lettered ${g.deadLettered}` : '') +
        (g.outOfOrder ? `, out of order ${g.outOfOrder}` : ''),
    );
  }
  for (const [queue, q] of Object.entries(metrics.queues)) {
    lines.push(
      `queue ${queue}: enqueued ${q.enqueued}, delivered ${q.delivered} (${q.redelivered} redelivered, most of one message ${q.maxDeliveries}), ` +
        `acked ${q.acked}, nacked ${q.nacked}, now ${q.ready} ready + ${q.unacked} unacked` +
        (q.deadLettered ? `, dead-lettered ${q.deadLettered}` : '') +
        (q.dropped ? `, dropped ${q.dropped}` : '') +
        (q.duplicates ? `, handled twice ${q.duplicates}` : ''),
    );
  }

  return lines;
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let args: CliArgs;
  let scenario: Scenario;
  try {
    args = parseArgs(argv);
    if (args.help) {
      out(USAGE);
      return 0;
    }
    if (args.list) {
      for (const s of builtinScenarios) out(s.id);
      return 0;
    }
    scenario = loadScenario(args);
    checkFaultTargets(args.faults, scenario, args.untilMs ?? scenario.durationMs, args.faultTexts);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ScenarioError) {
      err(`error: ${e.message}`);
      if (e instanceof UsageError) err(USAGE);
      return 2;
    }
    throw e;
  }
  const seed = args.seed ?? scenario.seed;
  let trace;
  let expectations;
  try {
    trace = simulate(scenario, { seed, interventions: args.faults, untilMs: args.untilMs });
    expectations = evaluateExpectations(scenario, seed);
  } catch (e) {
    if (e instanceof SimulationLimitError) {
      err(`error: ${scenario.id}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const metrics = computeMetrics(trace, scenario);
  const allPassed = expectations.every((e) => e.passed);
  if (args.json) {
    out(JSON.stringify({ scenario: scenario.id, seed, untilMs: trace.durationMs, faults: trace.faults, metrics: jsonMetrics(metrics), expectations }, null, 2));
  } else {
    // Scenario files are text from anywhere: control characters (terminal escapes) are not passed through.
    const text = (s: string) => out(s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '\ufffd'));
    text(`${scenario.id} — ${scenario.title} (seed ${seed}, ${trace.durationMs / 1000} s${args.faults.length ? `, faults: ${args.faultTexts.join(' ')}` : ''})`);
    for (const line of describe(metrics)) text(`  ${line}`);
    text('expectations (each runs with its own faults, listed in the scenario):');
    for (const e of expectations) {
      text(`  ${e.passed ? 'PASS' : 'FAIL'}  ${e.name}`);
      text(`        ${e.detail}`);
    }
    out(`${expectations.filter((e) => e.passed).length} passed, ${expectations.filter((e) => !e.passed).length} failed`);
  }
  return allPassed ? 0 : 1;
}

const isEntry = typeof process !== 'undefined' && process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  // `npm run sim -- … | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  );
}
