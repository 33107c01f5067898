// Parsing of the headless runner's arguments, kept apart from I/O so tests can call it directly.
import type { FaultKind, FaultSpec, Scenario } from './engine/types';
import { faultProblemIn } from './scenarios/faultRules';

export interface CliArgs {
  list: boolean;
  help: boolean;
  scenarioId?: string;
  file?: string;
  seed?: number;
  untilMs?: number;
  faults: FaultSpec[];
  /** Each --fault as typed, beside faults (same order), for messages. */
  faultTexts: string[];
  json: boolean;
}

/** Fault times beyond this are no time at all: the longest run (--until) is a day. */
const MAX_FAULT_SECONDS = 86_400;

/** The largest seed: seeds are unsigned 32-bit integers, as in the browser (`seed=`). */
export const MAX_SEED = 2 ** 32 - 1;

export class UsageError extends Error {}

export const USAGE = `usage: npm run sim -- <scenario> [--seed N] [--until SECONDS] [--fault NODE:KIND@FROM-TO]... [--json]
       npm run sim -- --file scenario.json [options]
       npm run sim -- --list

  --fault NODE:KIND@FROM-TO   KIND is down, slow[=FACTOR], error[=RATE], crash[=RESTART_SECONDS]
                              (dies halfway through its next message) or poison (the next record
                              appended to that topic/queue can never be handled); A->B:cut@FROM-TO
                              cuts the link between two nodes. FROM and TO in seconds; TO may be
                              left out (until the end), e.g. fulfillment:down@10-30; crash and
                              poison happen once and take only FROM
  --seed N                    an integer from 0 to 4294967295 (2^32-1; default: the scenario's)
  --until SECONDS             how long to run, 0.001 to 86400 (default: the scenario's duration)
  --json                      print one JSON object on stdout
exit status: 0 all expectations pass, 1 one fails, 2 bad arguments or scenario file`;

const NODE_ID = '[a-z0-9][a-z0-9._-]*';
const FAULT = new RegExp(`^(${NODE_ID}(?:->${NODE_ID})?):(down|slow|error|crash|poison|cut)(?:=([0-9]*\\.?[0-9]+))?@([0-9]*\\.?[0-9]+)(?:-([0-9]*\\.?[0-9]+)?)?$`);

export function parseFault(text: string): FaultSpec {
  const m = FAULT.exec(text);
  if (!m && FAULT.test(text.toLowerCase())) throw new UsageError(`--fault '${text}': node ids and kinds are lowercase, e.g. '${text.toLowerCase()}'`);
  if (!m) throw new UsageError(`--fault '${text}': expected NODE:KIND@FROM-TO (KIND: down, slow[=FACTOR], error[=RATE], crash[=RESTART_S], poison; or A->B:cut@FROM-TO), e.g. fulfillment:down@10-30`);
  const [, target, kind, value, from, to] = m;
  const isLink = target.includes('->');
  if (isLink !== (kind === 'cut')) throw new UsageError(`--fault '${text}': ${kind === 'cut' ? 'cut takes a link A->B' : `${kind} takes a node, not a link`}`);
  const seconds = (v: string, what: string): number => {
    const n = Number(v);
    if (!(n <= MAX_FAULT_SECONDS)) throw new UsageError(`--fault '${text}': ${what} must be at most ${MAX_FAULT_SECONDS} s, found ${v.length > 20 ? `${v.slice(0, 20)}…` : v}`);
    return Math.round(n * 1000);
  };
  const fault: FaultSpec = { target, kind: kind as FaultKind, fromMs: seconds(from, 'the start') };
  if (to !== undefined) {
    // A crash fires once, on the next message; poison marks the next record: neither lasts.
    if (kind === 'crash' || kind === 'poison') throw new UsageError(`--fault '${text}': ${kind} happens once (${kind === 'crash' ? 'on its next message' : 'to the next record'}): give only a start, e.g. ${target}:${kind}@${from}`);
    fault.untilMs = seconds(to, 'the end');
  }
  if (fault.untilMs !== undefined && fault.untilMs <= fault.fromMs) throw new UsageError(`--fault '${text}': the end must come at least 1 ms after the start (times are in seconds, rounded to ms)`);
  if (value !== undefined) {
    const v = Number(value);
    if (kind === 'slow') {
      if (!(v >= 1 && v <= 1000)) throw new UsageError(`--fault '${text}': a slow factor must be from 1 to 1000`);
      fault.factor = v;
    } else if (kind === 'error') {
      if (!(v > 0 && v <= 1)) throw new UsageError(`--fault '${text}': an error rate must be in (0, 1]`);
      fault.rate = v;
    } else if (kind === 'crash') {
      if (!(v > 0 && v <= 3600)) throw new UsageError(`--fault '${text}': a crash's restart time must be from 0.001 to 3600 seconds`);
      fault.restartMs = Math.round(v * 1000);
    } else throw new UsageError(`--fault '${text}': ${kind} takes no value`);
  }
  return fault;
}

function takeValue(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return v;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { list: false, help: false, faults: [], faultTexts: [], json: false };
  const once = (flag: string, given: unknown): void => {
    if (given !== undefined) throw new UsageError(`${flag} given twice`);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--list':
        args.list = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      case '--json':
        args.json = true;
        break;
      case '--seed': {
        once(a, args.seed);
        const v = takeValue(argv, i++, a);
        if (!/^\d+$/.test(v) || Number(v) > MAX_SEED) throw new UsageError(`--seed '${v}': expected a whole number from 0 to ${MAX_SEED} (2^32-1)`);
        args.seed = Number(v);
        break;
      }
      case '--until': {
        once(a, args.untilMs);
        const v = takeValue(argv, i++, a);
        const n = Number(v);
        if (!/^\d*\.?\d+$/.test(v) || !(n >= 0.001) || n > 86_400) throw new UsageError(`--until '${v}': expected seconds, from 0.001 to 86400`);
        args.untilMs = Math.round(n * 1000);
        break;
      }
      case '--fault': {
        const v = takeValue(argv, i++, a);
        args.faults.push(parseFault(v));
        args.faultTexts.push(v);
        break;
      }
      case '--file':
        once(a, args.file);
        args.file = takeValue(argv, i++, a);
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
        if (args.scenarioId !== undefined) throw new UsageError(`one scenario at a time: got '${args.scenarioId}' and '${a}'`);
        args.scenarioId = a;
    }
  }
  if (args.help) return args;
  if (args.list) {
    if (args.scenarioId !== undefined || args.file !== undefined) throw new UsageError('--list takes no scenario: give --list alone, or a scenario id or --file');
    return args;
  }
  if (args.scenarioId !== undefined && args.file !== undefined) throw new UsageError(`give a scenario id or --file, not both: got '${args.scenarioId}' and --file '${args.file}'`);
  if (args.scenarioId === undefined && args.file === undefined) throw new UsageError('name a scenario (see --list) or give --file scenario.json');
  return args;
}

/**
 * Faults must name nodes of the scenario and be able to do something in this run: a typo should not
 * silently do nothing. endMs is when the run ends: --until when given, else the scenario's duration.
 */
export function checkFaultTargets(faults: FaultSpec[], scenario: Scenario, endMs = scenario.durationMs, texts: string[] = []): void {
  faults.forEach((f, i) => {
    const problem = faultProblemIn(f, scenario, endMs);
    if (problem) throw new UsageError(`--fault '${texts[i] ?? `${f.target}:${f.kind}@${f.fromMs / 1000}`}': ${problem}`);
  });
}
