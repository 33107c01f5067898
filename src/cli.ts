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

function describe(metrics: Metrics): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(metrics)) {
    if (RESERVED_METRIC_KEYS.includes(key)) continue;
    const m = value as CommandMetrics;
    lines.push(
      `${key}: ${m.submitted} submitted, ${m.succeeded} ok, ${m.rejected} rejected (4xx), ${m.failed} failed (5xx/timeout), ${m.pending} pending; ` +
        `success ${pct(m.successRate)}, p50 ${m.p50LatencyMs.toFixed(0)} ms, p99 ${m.p99LatencyMs.toFixed(0)} ms` +
        (m.committedButFailed > 0 ? `; ${m.committedButFailed} committed but reported failed` : ''),
    );
  }
  if (metrics.events.published > 0 || Object.keys(metrics.groups).length > 0) lines.push(`events published: ${metrics.events.published}`);
  for (const [group, g] of Object.entries(metrics.groups)) {
    lines.push(
      `group ${group} (${g.topic}): processed ${g.processed}/${g.available}, lag ${g.lag}, max lag ${g.maxLag}, lost ${g.lost}, duplicates ${g.duplicates}` +
        (g.deadLettered ? `, dead-lettered ${g.deadLettered}` : '') +
        (g.outOfOrder ? `, out of order ${g.outOfOrder}` : ''),
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
    checkFaultTargets(args.faults, scenario);
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
    out(JSON.stringify({ scenario: scenario.id, seed, untilMs: trace.durationMs, faults: trace.faults, metrics, expectations }, null, 2));
  } else {
    out(`${scenario.id} — ${scenario.title} (seed ${seed}, ${trace.durationMs / 1000} s${args.faults.length ? `, faults: ${argv.filter((_, i) => argv[i - 1] === '--fault').join(' ')}` : ''})`);
    for (const line of describe(metrics)) out(`  ${line}`);
    out('expectations (each runs with its own faults, listed in the scenario):');
    for (const e of expectations) out(`  ${e.passed ? 'PASS' : 'FAIL'}  ${e.name}\n        ${e.detail}`);
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
