// Scenario files: JSON in, a validated Scenario out, or errors that name file, path and line.
// Optional fields get the defaults a hand-written file would expect, so small files stay small.
import type {
  Action,
  Assertion,
  ConsumerSpec,
  Dist,
  EndpointSpec,
  Expectation,
  FaultSpec,
  NodeSpec,
  QueueConsumerSpec,
  RetryPolicy,
  Scenario,
  ScriptItem,
  StateMachineSpec,
  WorkloadSpec,
  JsonSchema,
  NarrativeStep,
  PayloadSpec,
  ScenarioTranslation,
} from '../engine/types';
import { RESERVED_METRIC_KEYS } from '../engine/metrics';
import { consumerNames } from '../engine/memberNames';
import { UNSAFE_KEYS } from '../engine/payload';
import { faultProblem, faultStartProblem } from './faultRules';
import { JsonSyntaxError, parseJsonWithPositions } from './jsonWithPositions';

export interface ScenarioProblem {
  path: string;
  line?: number;
  message: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
  }
}

/** Limits that keep a shared or imported scenario from freezing the learner's browser. */
export const LIMITS = { maxDurationMs: 3_600_000, maxNodes: 40, maxRatePerSec: 2000, maxScriptItems: 10_000, maxPartitions: 64, maxInstances: 32, maxWorkloads: 50 };
const ID = /^[a-z0-9][a-z0-9._-]{0,39}$/;
const RESERVED_IDS = new Set(RESERVED_METRIC_KEYS);

type Obj = Record<string, unknown>;

class Reader {
  readonly problems: ScenarioProblem[] = [];
  constructor(private readonly lines: Map<string, number>) {}

  problem(path: string, message: string): void {
    if (this.problems.length < 50) this.problems.push({ path, line: this.lines.get(path), message });
  }
  obj(v: unknown, path: string): Obj | undefined {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
    this.problem(path, `expected an object, found ${kindOf(v)}`);
    return undefined;
  }
  arr(v: unknown, path: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.problem(path, `expected a list, found ${kindOf(v)}`);
    return [];
  }
  str(o: Obj, key: string, path: string, fallback?: string, pattern?: RegExp): string {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || v.length === 0) {
      this.problem(join(path, key), v === undefined ? 'is required (a text)' : `expected a text, found ${kindOf(v)}`);
      return fallback ?? '';
    }
    if (v.length > 2000) this.problem(join(path, key), 'is longer than 2000 characters');
    if (pattern && !pattern.test(v)) this.problem(join(path, key), `'${v}' is not a valid id (lowercase letters, digits, '.', '_' or '-', at most 40)`);
    return v;
  }
  num(o: Obj, key: string, path: string, opts: { min?: number; max?: number; int?: boolean; fallback?: number; infinity?: boolean }): number {
    const v = o[key];
    if (v === undefined && opts.fallback !== undefined) return opts.fallback;
    if (opts.infinity && v === 'Infinity') return Infinity;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      const expected = opts.infinity ? `a number or the text "Infinity"` : 'a number';
      this.problem(
        join(path, key),
        v === undefined
          ? `is required (${expected})`
          : typeof v === 'number'
            ? `expected a finite number, found a number too large to represent (${v})`
            : `expected ${expected}, found ${kindOf(v)}`,
      );
      return opts.fallback ?? opts.min ?? 0;
    }
    if (opts.int && !Number.isInteger(v)) this.problem(join(path, key), `expected a whole number, found ${v}`);
    if (opts.min !== undefined && v < opts.min) this.problem(join(path, key), `must be at least ${opts.min}, found ${v}`);
    if (opts.max !== undefined && v > opts.max) this.problem(join(path, key), `must be at most ${opts.max}, found ${v}`);
    return v;
  }
  bool(o: Obj, key: string, path: string, fallback: boolean): boolean {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') this.problem(join(path, key), `expected true or false, found ${kindOf(v)}`);
    return v === true;
  }
  oneOfNumber<T extends number>(o: Obj, key: string, path: string, options: readonly T[], fallback: T): T {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !options.includes(v as T)) {
      this.problem(join(path, key), `expected one of ${options.join(', ')}, found ${kindOf(v)}`);
      return fallback;
    }
    return v as T;
  }
  oneOf<T extends string>(o: Obj, key: string, path: string, options: readonly T[], fallback?: T): T {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || !options.includes(v as T)) {
      this.problem(join(path, key), `expected one of ${options.map((x) => `'${x}'`).join(', ')}, found ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
      return fallback ?? options[0];
    }
    return v as T;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function kindOf(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function readDist(r: Reader, v: unknown, path: string): Dist {
  const o = r.obj(v, path);
  if (!o) return { kind: 'const', ms: 0 };
  const kind = r.oneOf(o, 'kind', path, ['const', 'exp', 'uniform', 'lognormal'] as const);
  const ms = { min: 0, max: 3_600_000 };
  switch (kind) {
    case 'const':
      return { kind, ms: r.num(o, 'ms', path, ms) };
    case 'exp':
      return { kind, meanMs: r.num(o, 'meanMs', path, ms) };
    case 'uniform': {
      const minMs = r.num(o, 'minMs', path, ms);
      const maxMs = r.num(o, 'maxMs', path, ms);
      if (maxMs < minMs) r.problem(join(path, 'maxMs'), 'must not be less than minMs');
      return { kind, minMs, maxMs };
    }
    case 'lognormal':
      return { kind, medianMs: r.num(o, 'medianMs', path, ms), sigma: r.num(o, 'sigma', path, { min: 0, max: 3 }) };
  }
}

const NO_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, multiplier: 1, maxBackoffMs: 0, jitter: 0 };

function readRetry(r: Reader, v: unknown, path: string, fallback: RetryPolicy): RetryPolicy {
  if (v === undefined) return fallback;
  const o = r.obj(v, path);
  if (!o) return fallback;
  return {
    maxAttempts: r.num(o, 'maxAttempts', path, { min: 1, max: 1_000_000, int: true, infinity: true, fallback: fallback.maxAttempts }),
    backoffMs: r.num(o, 'backoffMs', path, { min: 0, max: 3_600_000, fallback: fallback.backoffMs }),
    multiplier: r.num(o, 'multiplier', path, { min: 1, max: 10, fallback: fallback.multiplier }),
    maxBackoffMs: r.num(o, 'maxBackoffMs', path, { min: 0, max: 3_600_000, fallback: Math.max(fallback.maxBackoffMs, 1000) }),
    jitter: r.num(o, 'jitter', path, { min: 0, max: 1, fallback: fallback.jitter }),
  };
}

function readPayload(r: Reader, v: unknown, path: string): PayloadSpec {
  const o = r.obj(v, path) ?? {};
  const valid = r.obj(o.valid ?? {}, join(path, 'valid')) ?? {};
  const invalid = r.arr(o.invalid ?? [], join(path, 'invalid')).flatMap((x, i) => {
    const ip = `${join(path, 'invalid')}[${i}]`;
    const io = r.obj(x, ip);
    if (!io) return [];
    const p = r.str(io, 'path', ip);
    if (p.split('.').some((k) => UNSAFE_KEYS.has(k))) r.problem(join(ip, 'path'), `'${p}' goes through a reserved name (__proto__, constructor, prototype)`);
    return [{ path: p, value: io.value, reason: r.str(io, 'reason', ip, '') }];
  });
  return { valid, invalid };
}

const SCHEMA_TYPES = ['object', 'string', 'number', 'integer', 'boolean', 'array'] as const;

/** A JSON Schema in the subset the engine validates with (jsonSchema.ts); unknown keywords are refused, not ignored. */
function readSchema(r: Reader, v: unknown, path: string, depth: number): JsonSchema {
  const o = r.obj(v, path);
  if (!o || depth > 10) return {};
  const schema: JsonSchema = {};
  for (const [key, value] of Object.entries(o)) {
    const kp = join(path, key);
    switch (key) {
      case 'type':
        schema.type = r.oneOf(o, 'type', path, SCHEMA_TYPES);
        break;
      case 'properties': {
        const props = r.obj(value, kp) ?? {};
        schema.properties = {};
        for (const [name, sub] of Object.entries(props)) schema.properties[name] = readSchema(r, sub, join(kp, name), depth + 1);
        break;
      }
      case 'items':
        schema.items = readSchema(r, value, kp, depth + 1);
        break;
      case 'required':
        schema.required = r.arr(value, kp).filter((x): x is string => typeof x === 'string');
        break;
      case 'enum':
        schema.enum = r.arr(value, kp).filter((x): x is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof x));
        break;
      case 'pattern':
        schema.pattern = r.str(o, 'pattern', path);
        try {
          new RegExp(schema.pattern, 'u');
        } catch {
          r.problem(kp, `'${schema.pattern}' is not a valid regular expression`);
        }
        // A quantified group that itself contains a quantifier, like (a+)+, can take exponential time.
        if (schema.pattern.length > 200 || /\([^)]*[+*}][^)]*\)\s*[+*{]/.test(schema.pattern)) {
          r.problem(kp, `'${schema.pattern.slice(0, 40)}' is refused: nested quantifiers (or a pattern over 200 characters) can freeze the lab`);
        }
        break;
      case 'additionalProperties':
        schema.additionalProperties = r.bool(o, key, path, true);
        break;
      case 'description':
        schema.description = r.str(o, key, path);
        break;
      case 'minimum':
      case 'maximum':
      case 'minLength':
      case 'maxLength':
      case 'minItems':
        schema[key] = r.num(o, key, path, {});
        break;
      default:
        r.problem(kp, `'${key}' is not a JSON Schema keyword the lab supports`);
    }
  }
  return schema;
}

function readEffect(r: Reader, v: unknown, path: string): { counter: string; add: number } {
  const o = r.obj(v, path) ?? {};
  return { counter: r.str(o, 'counter', path), add: r.num(o, 'add', path, { min: -1e9, max: 1e9 }) };
}

function readSteps(r: Reader, v: unknown, path: string, durationMs: number): NarrativeStep[] {
  return r.arr(v, path).flatMap((x, i) => {
    const sp = `${path}[${i}]`;
    const so = r.obj(x, sp);
    if (!so) return [];
    const step: NarrativeStep = {
      title: r.str(so, 'title', sp),
      text: r.str(so, 'text', sp),
      highlight: r.arr(so.highlight ?? [], join(sp, 'highlight')).filter((h): h is string => typeof h === 'string'),
      atMs: r.num(so, 'atMs', sp, { min: 0, max: durationMs }),
    };
    if (so.question !== undefined) {
      const qp = join(sp, 'question');
      const qo = r.obj(so.question, qp) ?? {};
      const choices = r.arr(qo.choices, join(qp, 'choices')).filter((c): c is string => typeof c === 'string');
      if (choices.length < 2) r.problem(join(qp, 'choices'), 'give at least two choices');
      step.question = { prompt: r.str(qo, 'prompt', qp), choices, answer: r.num(qo, 'answer', qp, { min: 0, max: Math.max(0, choices.length - 1), int: true }), explanation: r.str(qo, 'explanation', qp) };
    }
    // The learner faults the step takes for granted (added for the learner when missing).
    if (so.assumes !== undefined) {
      const ap = join(sp, 'assumes');
      step.assumes = r.arr(so.assumes, ap).flatMap((f, j) => {
        const fault = readFault(r, f, `${ap}[${j}]`);
        return fault ? [fault] : [];
      });
    }
    return [step];
  });
}

function readAction(r: Reader, v: unknown, path: string): Action | undefined {
  const o = r.obj(v, path);
  if (!o) return undefined;
  const kind = r.oneOf(o, 'kind', path, ['call', 'publish', 'enqueue'] as const);
  const timeoutMs = r.num(o, 'timeoutMs', path, { min: 1, max: 3_600_000, fallback: 2000 });
  const retry = readRetry(r, o.retry, join(path, 'retry'), NO_RETRY);
  if (kind === 'call') return { kind, target: r.str(o, 'target', path), endpoint: r.str(o, 'endpoint', path), timeoutMs, retry, ...(o.async !== undefined ? { async: r.bool(o, 'async', path, false) } : {}) };
  if (kind === 'publish') return { kind, topic: r.str(o, 'topic', path), eventType: r.str(o, 'eventType', path), timeoutMs, retry };
  return { kind, queue: r.str(o, 'queue', path), messageType: r.str(o, 'messageType', path), timeoutMs, retry };
}

function readEmits(r: Reader, v: unknown, path: string): { topic: string; eventType: string }[] {
  if (v === undefined) return [];
  return r.arr(v, path).flatMap((e, i) => {
    const o = r.obj(e, `${path}[${i}]`);
    return o ? [{ topic: r.str(o, 'topic', `${path}[${i}]`), eventType: r.str(o, 'eventType', `${path}[${i}]`) }] : [];
  });
}

function readNode(r: Reader, v: unknown, path: string, index: number): NodeSpec | undefined {
  const o = r.obj(v, path);
  if (!o) return undefined;
  const kind = r.oneOf(o, 'kind', path, ['client', 'service', 'topic', 'queue'] as const);
  const id = r.str(o, 'id', path, undefined, ID);
  if (RESERVED_IDS.has(id)) r.problem(join(path, 'id'), `'${id}' is reserved for metrics; choose another id`);
  const label = r.str(o, 'label', path, id);
  const role = typeof o.role === 'string' ? o.role : undefined;
  const p = o.position === undefined ? { x: 250 * index, y: 0 } : r.obj(o.position, join(path, 'position'));
  const position = p ? { x: r.num(p, 'x', join(path, 'position'), { min: -100_000, max: 100_000, fallback: 0 }), y: r.num(p, 'y', join(path, 'position'), { min: -100_000, max: 100_000, fallback: 0 }) } : { x: 0, y: 0 };
  const base = { id, label, position, ...(role ? { role } : {}) };
  switch (kind) {
    case 'client':
      return {
        ...base,
        kind,
        target: r.str(o, 'target', path),
        command: r.str(o, 'command', path),
        timeoutMs: r.num(o, 'timeoutMs', path, { min: 1, max: 3_600_000, fallback: 10_000 }),
        retry: readRetry(r, o.retry, join(path, 'retry'), NO_RETRY),
        ...(o.retryOn !== undefined ? { retryOn: r.oneOf(o, 'retryOn', path, ['server-errors', 'any-failure'] as const) } : {}),
        ...(o.onRejected !== undefined ? { onRejected: { fixAfterMs: r.num(r.obj(o.onRejected, join(path, 'onRejected')) ?? {}, 'fixAfterMs', join(path, 'onRejected'), { min: 0, max: 3_600_000 }) } } : {}),
        ...(o.idempotencyKeys !== undefined ? { idempotencyKeys: r.bool(o, 'idempotencyKeys', path, false) } : {}),
        ...(o.idempotentProducer !== undefined ? { idempotentProducer: r.bool(o, 'idempotentProducer', path, true) } : {}),
        ...(o.payload !== undefined ? { payload: readPayload(r, o.payload, join(path, 'payload')) } : {}),
      };
    case 'topic':
      return {
        ...base,
        kind,
        partitions: r.num(o, 'partitions', path, { min: 1, max: LIMITS.maxPartitions, int: true, fallback: 1 }),
        ...(o.retentionMs !== undefined ? { retentionMs: r.num(o, 'retentionMs', path, { min: 100, max: 1e12 }) } : {}),
        autoOffsetReset: r.oneOf(o, 'autoOffsetReset', path, ['earliest', 'latest'] as const, 'earliest'),
      };
    case 'queue':
      return {
        ...base,
        kind,
        ...(o.deliveryLimit !== undefined ? { deliveryLimit: r.num(o, 'deliveryLimit', path, { min: 1, max: 1_000_000, int: true }) } : {}),
        ...(o.deadLetterQueue !== undefined ? { deadLetterQueue: r.str(o, 'deadLetterQueue', path) } : {}),
      };
    case 'service': {
      const endpoints: EndpointSpec[] = r.arr(o.endpoints ?? [], join(path, 'endpoints')).flatMap((e, i) => {
        const ep = `${join(path, 'endpoints')}[${i}]`;
        const eo = r.obj(e, ep);
        if (!eo) return [];
        return [
          {
            name: r.str(eo, 'name', ep),
            processing: readDist(r, eo.processing ?? { kind: 'const', ms: 50 }, join(ep, 'processing')),
            validate: r.bool(eo, 'validate', ep, true),
            errorRate: r.num(eo, 'errorRate', ep, { min: 0, max: 1, fallback: 0 }),
            then: r.arr(eo.then ?? [], join(ep, 'then')).flatMap((a, j) => {
              const action = readAction(r, a, `${join(ep, 'then')}[${j}]`);
              return action ? [action] : [];
            }),
            successStatus: r.oneOfNumber(eo, 'successStatus', ep, [200, 201, 202] as const, 200),
            ...(eo.schema !== undefined ? { schema: readSchema(r, eo.schema, join(ep, 'schema'), 0) } : {}),
            ...(eo.idempotent !== undefined ? { idempotent: r.bool(eo, 'idempotent', ep, false) } : {}),
            ...(eo.effect !== undefined ? { effect: readEffect(r, eo.effect, join(ep, 'effect')) } : {}),
            ...(eo.answerAfterWrite !== undefined ? { answerAfterWrite: r.num(eo, 'answerAfterWrite', ep, { min: 200, max: 599, int: true }) } : {}),
            ...(eo.outbox !== undefined ? { outbox: { relayIntervalMs: r.num(r.obj(eo.outbox, join(ep, 'outbox')) ?? {}, 'relayIntervalMs', join(ep, 'outbox'), { min: 10, max: 3_600_000, fallback: 500 }) } } : {}),
            ...(eo.publishFailures !== undefined ? { publishFailures: readEmits(r, [eo.publishFailures], join(ep, 'publishFailures'))[0] } : {}),
          },
        ];
      });
      const consumers: ConsumerSpec[] = r.arr(o.consumers ?? [], join(path, 'consumers')).flatMap((c, i) => {
        const cp = `${join(path, 'consumers')}[${i}]`;
        const co = r.obj(c, cp);
        if (!co) return [];
        const dlt = co.deadLetterTopic;
        return [
          {
            group: r.str(co, 'group', cp, undefined, ID),
            topic: r.str(co, 'topic', cp),
            instances: r.num(co, 'instances', cp, { min: 1, max: LIMITS.maxInstances, int: true, fallback: 1 }),
            processing: readDist(r, co.processing ?? { kind: 'const', ms: 50 }, join(cp, 'processing')),
            commit: r.oneOf(co, 'commit', cp, ['before', 'after'] as const, 'after'),
            autoCommitIntervalMs: r.num(co, 'autoCommitIntervalMs', cp, { min: 0, max: 3_600_000, fallback: 0 }),
            sessionTimeoutMs: r.num(co, 'sessionTimeoutMs', cp, { min: 1, max: 3_600_000, fallback: 10_000 }),
            rebalanceMs: r.num(co, 'rebalanceMs', cp, { min: 0, max: 3_600_000, fallback: 500 }),
            errorRate: r.num(co, 'errorRate', cp, { min: 0, max: 1, fallback: 0 }),
            retry: readRetry(r, co.retry, join(cp, 'retry'), { maxAttempts: Infinity, backoffMs: 500, multiplier: 2, maxBackoffMs: 8000, jitter: 0.2 }),
            ...(dlt !== undefined ? { deadLetterTopic: r.str(co, 'deadLetterTopic', cp) } : {}),
            idempotent: r.bool(co, 'idempotent', cp, false),
            emits: readEmits(r, co.emits, join(cp, 'emits')),
          },
        ];
      });
      const queueConsumers: QueueConsumerSpec[] = r.arr(o.queueConsumers ?? [], join(path, 'queueConsumers')).flatMap((c, i) => {
        const cp = `${join(path, 'queueConsumers')}[${i}]`;
        const co = r.obj(c, cp);
        if (!co) return [];
        return [
          {
            queue: r.str(co, 'queue', cp),
            instances: r.num(co, 'instances', cp, { min: 1, max: LIMITS.maxInstances, int: true, fallback: 1 }),
            prefetch: r.num(co, 'prefetch', cp, { min: 1, max: 10_000, int: true, fallback: 1 }),
            processing: readDist(r, co.processing ?? { kind: 'const', ms: 50 }, join(cp, 'processing')),
            errorRate: r.num(co, 'errorRate', cp, { min: 0, max: 1, fallback: 0 }),
            onFailure: r.oneOf(co, 'onFailure', cp, ['requeue', 'reject'] as const, 'requeue'),
            emits: readEmits(r, co.emits, join(cp, 'emits')),
          },
        ];
      });
      return {
        ...base,
        kind,
        workers: r.num(o, 'workers', path, { min: 1, max: 10_000, int: true, fallback: 8 }),
        queueLimit: r.num(o, 'queueLimit', path, { min: 0, max: 1_000_000, int: true, fallback: 100 }),
        endpoints,
        consumers,
        ...(queueConsumers.length ? { queueConsumers } : {}),
        ...(o.state !== undefined ? { state: readStateMachine(r, o.state, join(path, 'state')) } : {}),
        ...(o.idempotentProducer !== undefined ? { idempotentProducer: r.bool(o, 'idempotentProducer', path, true) } : {}),
      };
    }
  }
}

function readStateMachine(r: Reader, v: unknown, path: string): StateMachineSpec {
  const o = r.obj(v, path) ?? {};
  const transitions: StateMachineSpec['transitions'] = {};
  const t = r.obj(o.transitions ?? {}, join(path, 'transitions')) ?? {};
  for (const [eventType, spec] of Object.entries(t)) {
    const tp = join(join(path, 'transitions'), eventType);
    const so = r.obj(spec, tp);
    if (!so) continue;
    const from = r.arr(so.from, join(tp, 'from')).filter((x): x is string => typeof x === 'string');
    transitions[eventType] = { from, to: r.str(so, 'to', tp) };
  }
  return { initial: r.str(o, 'initial', path, 'ABSENT'), transitions };
}

function readFault(r: Reader, v: unknown, path: string): FaultSpec | undefined {
  const o = r.obj(v, path);
  if (!o) return undefined;
  const fault: FaultSpec = {
    target: r.str(o, 'target', path),
    kind: r.oneOf(o, 'kind', path, ['down', 'slow', 'error', 'crash', 'poison', 'cut'] as const),
    fromMs: r.num(o, 'fromMs', path, { min: 0, max: LIMITS.maxDurationMs }),
  };
  if (o.restartMs !== undefined) fault.restartMs = r.num(o, 'restartMs', path, { min: 0, max: LIMITS.maxDurationMs });
  if (o.untilMs !== undefined) {
    fault.untilMs = r.num(o, 'untilMs', path, { min: 0, max: LIMITS.maxDurationMs });
    if (fault.untilMs <= fault.fromMs) r.problem(join(path, 'untilMs'), 'must be after fromMs');
  }
  if (o.factor !== undefined) fault.factor = r.num(o, 'factor', path, { min: 1, max: 1000 });
  if (o.rate !== undefined) fault.rate = r.num(o, 'rate', path, { min: 0, max: 1 });
  // A value for another kind of fault would be silently ignored (the runner's --fault refuses it too).
  for (const [key, kind] of [['factor', 'slow'], ['rate', 'error'], ['restartMs', 'crash']] as const) {
    if (o[key] !== undefined && o.kind === fault.kind && fault.kind !== kind) r.problem(join(path, key), `applies to ${kind} faults only, and this is a ${fault.kind} fault`);
  }
  return fault;
}

function readWorkload(r: Reader, v: unknown, path: string, durationMs: number): WorkloadSpec | undefined {
  const o = r.obj(v, path);
  if (!o) return undefined;
  const kind = r.oneOf(o, 'kind', path, ['poisson', 'script'] as const);
  const client = r.str(o, 'client', path);
  if (kind === 'poisson') {
    return {
      kind,
      client,
      ratePerSec: r.num(o, 'ratePerSec', path, { min: 0.001, max: LIMITS.maxRatePerSec }),
      fromMs: r.num(o, 'fromMs', path, { min: 0, max: LIMITS.maxDurationMs, fallback: 0 }),
      untilMs: r.num(o, 'untilMs', path, { min: 0, max: LIMITS.maxDurationMs, fallback: durationMs }),
      invalidShare: r.num(o, 'invalidShare', path, { min: 0, max: 1, fallback: 0 }),
    };
  }
  const items = r.arr(o.items, join(path, 'items'));
  if (items.length > LIMITS.maxScriptItems) r.problem(join(path, 'items'), `at most ${LIMITS.maxScriptItems} items`);
  return {
    kind,
    client,
    items: items.slice(0, LIMITS.maxScriptItems).flatMap((it, i) => {
      const ip = `${join(path, 'items')}[${i}]`;
      const io = r.obj(it, ip);
      if (!io) return [];
      const item: ScriptItem = { atMs: r.num(io, 'atMs', ip, { min: 0, max: LIMITS.maxDurationMs }) };
      if (io.key !== undefined) item.key = typeof io.key === 'string' ? io.key : (r.problem(join(ip, 'key'), 'expected a text'), '');
      if (io.label !== undefined) item.label = r.str(io, 'label', ip);
      if (io.type !== undefined) item.type = r.str(io, 'type', ip);
      if (io.invalid !== undefined) item.invalid = r.bool(io, 'invalid', ip, false);
      if (io.poison !== undefined) item.poison = r.bool(io, 'poison', ip, false);
      if (io.id !== undefined) item.id = r.str(io, 'id', ip);
      if (io.partition !== undefined) item.partition = r.num(io, 'partition', ip, { min: 0, max: LIMITS.maxPartitions - 1, int: true });
      return [item];
    }),
  };
}

function readExpectation(r: Reader, v: unknown, path: string): Expectation | undefined {
  const o = r.obj(v, path);
  if (!o) return undefined;
  if (Array.isArray(o.assert) && o.assert.length === 0) r.problem(join(path, 'assert'), 'give at least one assertion: a claim with nothing to check proves nothing');
  return {
    name: r.str(o, 'name', path),
    faults: r.arr(o.faults ?? [], join(path, 'faults')).flatMap((f, i) => {
      const fault = readFault(r, f, `${join(path, 'faults')}[${i}]`);
      return fault ? [fault] : [];
    }),
    ...(o.untilMs !== undefined ? { untilMs: r.num(o, 'untilMs', path, { min: 1, max: LIMITS.maxDurationMs }) } : {}),
    assert: r.arr(o.assert, join(path, 'assert')).flatMap((a, i) => {
      const ap = `${join(path, 'assert')}[${i}]`;
      const ao = r.obj(a, ap);
      if (!ao) return [];
      const assertion: Assertion = { metric: r.str(ao, 'metric', ap), op: r.oneOf(ao, 'op', ap, ['<', '<=', '>', '>=', '==', '!='] as const) };
      if (ao.value !== undefined) assertion.value = r.num(ao, 'value', ap, {});
      if (ao.baseline !== undefined) {
        const b = r.obj(ao.baseline, join(ap, 'baseline'));
        if (b) assertion.baseline = { factor: r.num(b, 'factor', join(ap, 'baseline'), { min: 0, fallback: 1 }) };
      }
      if (ao.other !== undefined) {
        const b = r.obj(ao.other, join(ap, 'other'));
        if (b) assertion.other = { metric: r.str(b, 'metric', join(ap, 'other')), factor: r.num(b, 'factor', join(ap, 'other'), { min: 0, fallback: 1 }) };
      }
      if (ao.window !== undefined) {
        const w = r.arr(ao.window, join(ap, 'window'));
        if (w.length !== 2) r.problem(join(ap, 'window'), `expected [fromMs, toMs], found a list of ${w.length}`);
        else {
          // Through the same number reader as every other field: finite, in range.
          const wp = join(ap, 'window');
          const before = r.problems.length;
          const from = r.num({ 'window[0]': w[0] }, 'window[0]', ap, { min: 0, max: LIMITS.maxDurationMs });
          const to = r.num({ 'window[1]': w[1] }, 'window[1]', ap, { min: 0, max: LIMITS.maxDurationMs });
          if (r.problems.length > before) {
            // Already explained.
          } else if (!(to > from)) r.problem(wp, `expected [fromMs, toMs] with fromMs < toMs, found [${from}, ${to}]`);
          else assertion.window = [from, to];
        }
      }
      if ([assertion.value, assertion.baseline, assertion.other].filter((x) => x !== undefined).length !== 1) r.problem(ap, 'give exactly one of value, baseline or other');
      return [assertion];
    }),
  };
}

/**
 * Translations are texts only, in the shape of ScenarioTranslation: the UI puts each field where
 * the English one goes, so a list where a text belongs (or an object where a list of choices does)
 * is refused here, with its path, instead of breaking the page.
 */
function readTranslations(r: Reader, v: unknown, path: string): Record<string, ScenarioTranslation> {
  const o = r.obj(v, path) ?? {};
  const out: Record<string, ScenarioTranslation> = {};
  const text = (value: unknown, p: string): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    r.problem(p, `expected a text, found ${kindOf(value)}`);
    return undefined;
  };
  const texts = (value: unknown, p: string): string[] | undefined => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      r.problem(p, `expected a list of texts, found ${kindOf(value)}`);
      return undefined;
    }
    return value.map((x, i) => text(x, `${p}[${i}]`) ?? '');
  };
  const fields = (value: unknown, p: string, allowed: readonly string[]): Record<string, unknown> | undefined => {
    const obj = r.obj(value, p);
    if (!obj) return undefined;
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) r.problem(join(p, k), `is not a translatable field (${allowed.join(', ')})`);
    return obj;
  };
  for (const [lang, t] of Object.entries(o)) {
    const lp = join(path, lang);
    if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(lang)) r.problem(lp, `'${lang}' is not a language tag like zh-CN`);
    const to = fields(t, lp, ['title', 'summary', 'lesson', 'steps', 'expectations']);
    if (!to) continue;
    const tr: ScenarioTranslation = {};
    const title = text(to.title, join(lp, 'title'));
    if (title !== undefined) tr.title = title;
    const summary = text(to.summary, join(lp, 'summary'));
    if (summary !== undefined) tr.summary = summary;
    const lesson = text(to.lesson, join(lp, 'lesson'));
    if (lesson !== undefined) tr.lesson = lesson;
    const expectations = texts(to.expectations, join(lp, 'expectations'));
    if (expectations !== undefined) tr.expectations = expectations;
    if (to.steps !== undefined && to.steps !== null) {
      const sp = join(lp, 'steps');
      tr.steps = r.arr(to.steps, sp).map((step, i) => {
        const so = fields(step, `${sp}[${i}]`, ['title', 'text', 'question']);
        if (!so) return {};
        const st: NonNullable<ScenarioTranslation['steps']>[number] = {};
        const stepTitle = text(so.title, join(`${sp}[${i}]`, 'title'));
        if (stepTitle !== undefined) st.title = stepTitle;
        const stepText = text(so.text, join(`${sp}[${i}]`, 'text'));
        if (stepText !== undefined) st.text = stepText;
        if (so.question !== undefined && so.question !== null) {
          const qp = join(`${sp}[${i}]`, 'question');
          const qo = fields(so.question, qp, ['prompt', 'choices', 'explanation']);
          if (qo) {
            const q: NonNullable<NonNullable<ScenarioTranslation['steps']>[number]['question']> = {};
            const prompt = text(qo.prompt, join(qp, 'prompt'));
            if (prompt !== undefined) q.prompt = prompt;
            const choices = texts(qo.choices, join(qp, 'choices'));
            if (choices !== undefined) q.choices = choices;
            const explanation = text(qo.explanation, join(qp, 'explanation'));
            if (explanation !== undefined) q.explanation = explanation;
            st.question = q;
          }
        }
        return st;
      });
    }
    out[lang] = tr;
  }
  return out;
}

/** Cross-references: every id a scenario mentions must exist and be of the right kind. */
function checkReferences(r: Reader, s: Scenario): void {
  const byId = new Map<string, NodeSpec>();
  s.nodes.forEach((n, i) => {
    if (byId.has(n.id)) r.problem(`nodes[${i}].id`, `'${n.id}' is used by two nodes`);
    byId.set(n.id, n);
  });
  const expect = (id: string, kinds: NodeSpec['kind'][], path: string): void => {
    const n = byId.get(id);
    if (!n) r.problem(path, `'${id}' is not a node of this scenario`);
    else if (!kinds.includes(n.kind)) r.problem(path, `'${id}' is a ${n.kind}, expected a ${kinds.join(' or ')}`);
  };
  const groupTopic = new Map<string, string>();
  const consumerPaths = new Map<string, string>();
  const clashing = new Set<string>();
  s.nodes.forEach((n, i) => {
    const p = `nodes[${i}]`;
    if (n.kind === 'client') expect(n.target, ['service', 'topic', 'queue'], `${p}.target`);
    if (n.kind === 'queue' && n.deadLetterQueue) {
      expect(n.deadLetterQueue, ['queue'], `${p}.deadLetterQueue`);
      if (n.deadLetterQueue === n.id) r.problem(`${p}.deadLetterQueue`, `a dead-letter queue must differ from the queue it protects ('${n.id}'): a rejected message would come straight back`);
    }
    if (n.kind !== 'service') return;
    n.endpoints.forEach((e, j) => {
      e.then.forEach((a, k) => {
        const ap = `${p}.endpoints[${j}].then[${k}]`;
        if (a.kind === 'call') expect(a.target, ['service'], `${ap}.target`);
        if (a.kind === 'publish') expect(a.topic, ['topic'], `${ap}.topic`);
        if (a.kind === 'enqueue') expect(a.queue, ['queue'], `${ap}.queue`);
      });
      if (e.publishFailures) expect(e.publishFailures.topic, ['topic'], `${p}.endpoints[${j}].publishFailures.topic`);
    });
    // Consumers are named after their service (src/engine/memberNames.ts): two with one name would
    // be one member to the group (service `s` with 2 instances and a service `s-1`, say).
    consumerNames(n).forEach((name) => {
      const list = name.kind === 'member' ? 'consumers' : 'queueConsumers';
      const where = `${p}.${list}[${name.index}]`;
      const first = consumerPaths.get(name.id);
      if (first === undefined) consumerPaths.set(name.id, where);
      else if (!clashing.has(where)) {
        clashing.add(where);
        r.problem(where, `its consumer would be named '${name.id}', like the one of ${first}: rename a service, or declare a group once per service`);
      }
    });
    n.consumers.forEach((c, j) => {
      const cp = `${p}.consumers[${j}]`;
      expect(c.topic, ['topic'], `${cp}.topic`);
      if (c.deadLetterTopic) expect(c.deadLetterTopic, ['topic'], `${cp}.deadLetterTopic`);
      if (c.deadLetterTopic === c.topic) r.problem(`${cp}.deadLetterTopic`, `a dead-letter topic must differ from the topic it protects ('${c.topic}'): a failing record would be re-read forever`);
      c.emits.forEach((e, k) => expect(e.topic, ['topic'], `${cp}.emits[${k}].topic`));
      const seen = groupTopic.get(c.group);
      if (seen !== undefined && seen !== c.topic) r.problem(`${cp}.group`, `group '${c.group}' already consumes '${seen}'; a group reads one topic`);
      groupTopic.set(c.group, c.topic);
    });
    (n.queueConsumers ?? []).forEach((c, j) => {
      expect(c.queue, ['queue'], `${p}.queueConsumers[${j}].queue`);
      c.emits.forEach((e, k) => expect(e.topic, ['topic'], `${p}.queueConsumers[${j}].emits[${k}].topic`));
    });
  });
  s.workload.forEach((w, i) => {
    expect(w.client, ['client'], `workload[${i}].client`);
    const client = byId.get(w.client);
    const topic = client?.kind === 'client' ? byId.get(client.target) : undefined;
    if (w.kind === 'script' && topic?.kind === 'topic') {
      w.items.forEach((item, j) => {
        if (item.partition !== undefined && item.partition >= topic.partitions) r.problem(`workload[${i}].items[${j}].partition`, `topic '${topic.id}' has ${topic.partitions} partition(s): partition ${item.partition} does not exist`);
      });
    }
  });
  const totalRate = s.workload.reduce((sum, w) => sum + (w.kind === 'poisson' ? w.ratePerSec : 0), 0);
  if (totalRate > LIMITS.maxRatePerSec) r.problem('workload', `the generators add up to ${totalRate} per second; at most ${LIMITS.maxRatePerSec}`);
  const checkFault = (f: FaultSpec, path: string): void => {
    for (const id of f.kind === 'cut' ? f.target.split('->') : [f.target]) {
      if (!byId.has(id)) r.problem(path, `'${id}' is not a node of this scenario`);
    }
    const problem = faultProblem(f, s);
    if (problem) r.problem(path, problem);
  };
  // A fault from the run's end on can do nothing (the same rule, and words, as the runner's --fault).
  // An expectation's faults run until its own untilMs when it has one.
  const checkStart = (f: FaultSpec, path: string, endMs: number): void => {
    const problem = faultStartProblem(f.fromMs, endMs);
    if (problem) r.problem(path, problem);
  };
  s.faults.forEach((f, i) => {
    checkFault(f, `faults[${i}].target`);
    checkStart(f, `faults[${i}].fromMs`, s.durationMs);
  });
  s.steps?.forEach((step, i) =>
    step.assumes?.forEach((f, j) => {
      checkFault(f, `steps[${i}].assumes[${j}].target`);
      checkStart(f, `steps[${i}].assumes[${j}].fromMs`, s.durationMs);
    }),
  );
  s.expectations.forEach((e, i) =>
    e.faults.forEach((f, j) => {
      checkFault(f, `expectations[${i}].faults[${j}].target`);
      checkStart(f, `expectations[${i}].faults[${j}].fromMs`, e.untilMs ?? s.durationMs);
    }),
  );
  if (s.compareWith !== undefined && !ID.test(s.compareWith)) r.problem('compareWith', 'is not a valid scenario id');
}

/** Validate an already-parsed value as a Scenario (used for files, URLs and imports alike). */
export function validateScenario(value: unknown, file = 'scenario', lines = new Map<string, number>()): Scenario {
  const r = new Reader(lines);
  const o = r.obj(value, '');
  if (!o) throw new ScenarioError(file, r.problems);
  const durationMs = r.num(o, 'durationMs', '', { min: 1000, max: LIMITS.maxDurationMs, fallback: 60_000 });
  const nodesRaw = r.arr(o.nodes, 'nodes');
  if (Array.isArray(o.workload) && o.workload.length > LIMITS.maxWorkloads) r.problem('workload', `at most ${LIMITS.maxWorkloads} generators`);
  if (nodesRaw.length > LIMITS.maxNodes) r.problem('nodes', `at most ${LIMITS.maxNodes} nodes`);
  const scenario: Scenario = {
    id: r.str(o, 'id', '', undefined, ID),
    title: r.str(o, 'title', '', typeof o.id === 'string' ? o.id : 'Untitled'),
    summary: r.str(o, 'summary', '', ' '),
    lesson: r.str(o, 'lesson', '', 'Custom scenarios'),
    durationMs,
    seed: r.num(o, 'seed', '', { min: 0, max: 2 ** 32 - 1, int: true, fallback: 1 }),
    networkMs: r.num(o, 'networkMs', '', { min: 0, max: 60_000, fallback: 20 }),
    nodes: nodesRaw.slice(0, LIMITS.maxNodes).flatMap((n, i) => {
      const node = readNode(r, n, `nodes[${i}]`, i);
      return node ? [node] : [];
    }),
    workload: r.arr(o.workload ?? [], 'workload').slice(0, LIMITS.maxWorkloads).flatMap((w, i) => {
      const spec = readWorkload(r, w, `workload[${i}]`, durationMs);
      return spec ? [spec] : [];
    }),
    faults: r.arr(o.faults ?? [], 'faults').flatMap((f, i) => {
      const fault = readFault(r, f, `faults[${i}]`);
      return fault ? [fault] : [];
    }),
    expectations: r.arr(o.expectations ?? [], 'expectations').flatMap((e, i) => {
      const ex = readExpectation(r, e, `expectations[${i}]`);
      return ex ? [ex] : [];
    }),
  };
  if (typeof o.compareWith === 'string') scenario.compareWith = o.compareWith;
  if (o.minutes !== undefined) scenario.minutes = r.num(o, 'minutes', '', { min: 0, max: 600 });
  if (o.steps !== undefined) scenario.steps = readSteps(r, o.steps, 'steps', durationMs);
  if (o.i18n !== undefined) scenario.i18n = readTranslations(r, o.i18n, 'i18n');
  if (r.problems.length === 0) checkReferences(r, scenario);
  if (r.problems.length > 0) throw new ScenarioError(file, r.problems);
  return scenario;
}

/** Parse a scenario file's text. Errors name the file, the line and the path of every problem found. */
export function parseScenarioText(text: string, file: string): Scenario {
  if (text.length > 2_000_000) throw new ScenarioError(file, [{ path: '', message: 'the file is larger than 2 MB' }]);
  let located;
  try {
    // Editors on some systems start UTF-8 files with an invisible byte-order mark: not an error.
    located = parseJsonWithPositions(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new ScenarioError(file, [{ path: '', line: e.line, message: `not valid JSON: ${e.message} (column ${e.column})` }]);
    throw e;
  }
  return validateScenario(located.value, file, located.lines);
}
