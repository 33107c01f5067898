import { describe, expect, it } from 'vitest';
import { parseScenarioText, ScenarioError } from '../../src/scenarios/scenarioFile';

function problems(text: string): string {
  try {
    parseScenarioText(text, 'my.json');
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('scenario files', () => {
  it('reports JSON syntax errors with line and column', () => {
    expect(problems('{\n  "id": "x",\n  "nodes": [ , ]\n}')).toMatch(/^my\.json:3: not valid JSON: unexpected ',' \(column 14\)/);
    expect(problems('{"id": "x"')).toMatch(/my\.json:1: not valid JSON: expected ',' or '}', found the end of the file/);
    expect(problems('')).toMatch(/the file ends too early/);
  });

  it('names every problem with its path and line', () => {
    const text = `{
  "id": "Bad Id",
  "nodes": [
    { "kind": "client", "id": "c", "target": "nowhere", "command": "x" },
    { "kind": "topic", "id": "t", "partitions": 0 },
    { "kind": "wizard", "id": "w" }
  ]
}`;
    const message = problems(text);
    expect(message).toContain("my.json:2: id: 'Bad Id' is not a valid id");
    expect(message).toContain('my.json:5: nodes[1].partitions: must be at least 1, found 0');
    expect(message).toContain("my.json:6: nodes[2].kind: expected one of 'client', 'service', 'topic', 'queue', found \"wizard\"");
  });

  it('checks references once the shape is right', () => {
    const message = problems(
      JSON.stringify({ id: 'x', nodes: [{ kind: 'client', id: 'c', target: 'nowhere', command: 'x' }], faults: [{ target: 'ghost', kind: 'down', fromMs: 0 }] }),
    );
    expect(message).toContain("nodes[0].target: 'nowhere' is not a node of this scenario");
    expect(message).toContain("faults[0].target: 'ghost' is not a node of this scenario");
  });

  it('rejects reserved ids, duplicate ids and __proto__ keys', () => {
    expect(problems(JSON.stringify({ id: 'x', nodes: [{ kind: 'service', id: 'groups' }] }))).toContain("'groups' is reserved");
    expect(problems(JSON.stringify({ id: 'x', nodes: [{ kind: 'service', id: 'a' }, { kind: 'service', id: 'a' }] }))).toContain("'a' is used by two nodes");
    expect(problems('{"id":"x","nodes":[],"__proto__":{"polluted":true}}')).toContain('__proto__');
  });

  it('bounds what a file may ask of the browser', () => {
    expect(problems(JSON.stringify({ id: 'x', durationMs: 1e9, nodes: [] }))).toContain('durationMs: must be at most 3600000');
  });

  it('says a number too large for JSON is not finite, in every numeric field', () => {
    const text = `{
  "id": "x",
  "networkMs": 1e400,
  "nodes": [
    { "kind": "client", "id": "c", "target": "s", "command": "do", "retry": { "maxAttempts": 1e400 } },
    { "kind": "service", "id": "s", "endpoints": [{ "name": "do" }] }
  ],
  "workload": [{ "kind": "poisson", "client": "c", "ratePerSec": -1e400 }],
  "expectations": [{ "name": "e", "assert": [{ "metric": "s.successRate", "op": ">", "value": 0, "window": [0, 1e400] }] }]
}`;
    const message = problems(text);
    expect(message).toContain('my.json:3: networkMs: expected a finite number');
    expect(message).toContain('my.json:5: nodes[0].retry.maxAttempts: expected a finite number');
    expect(message).toContain('my.json:8: workload[0].ratePerSec: expected a finite number');
    expect(message).toContain('my.json:9: expectations[0].assert[0].window[1]: expected a finite number');
    expect(message).not.toMatch(/expected a number, found number/);
  });

  it('refuses a fault that starts at or after the run ends (an expectation runs to its own untilMs)', () => {
    const scenario = (faults: unknown[], expectations: unknown[] = []) =>
      JSON.stringify(
        {
          id: 'x',
          durationMs: 60_000,
          nodes: [
            { kind: 'client', id: 'c', target: 's', command: 'do' },
            { kind: 'service', id: 's', endpoints: [{ name: 'do' }] },
          ],
          workload: [{ kind: 'poisson', client: 'c', ratePerSec: 1 }],
          faults,
          expectations,
        },
        null,
        2,
      );
    expect(problems(scenario([{ target: 's', kind: 'down', fromMs: 60_000 }]))).toMatch(/^my\.json:\d+: faults\[0\]\.fromMs: starts at 60s, at or after the run ends \(60s\): it could do nothing$/);
    expect(problems(scenario([{ target: 's', kind: 'down', fromMs: 59_999 }]))).toBe('no error');
    const late = { target: 's', kind: 'down', fromMs: 70_000 };
    const assert = [{ metric: 's.failed', op: '>', value: 0 }];
    expect(problems(scenario([], [{ name: 'long', untilMs: 120_000, faults: [late], assert }]))).toBe('no error');
    expect(problems(scenario([], [{ name: 'short', faults: [late], assert }]))).toContain('expectations[0].faults[0].fromMs: starts at 70s, at or after the run ends (60s)');
  });

  it('refuses a fault value meant for another kind of fault instead of ignoring it', () => {
    const message = problems(JSON.stringify({ id: 'x', nodes: [{ kind: 'service', id: 's' }], faults: [{ target: 's', kind: 'down', fromMs: 0, factor: 10 }] }));
    expect(message).toContain('faults[0].factor: applies to slow faults only, and this is a down fault');
  });

  it('accepts every seed of the documented range 0 … 2^32-1', () => {
    expect(problems(JSON.stringify({ id: 'x', seed: 4_294_967_295, nodes: [] }))).toBe('no error');
    expect(problems(JSON.stringify({ id: 'x', seed: 4_294_967_296, nodes: [] }))).toContain('seed: must be at most 4294967295');
  });

  it('fills defaults so a small file is enough', () => {
    const s = parseScenarioText(
      JSON.stringify({
        id: 'mini',
        nodes: [
          { kind: 'client', id: 'c', target: 's', command: 'do' },
          { kind: 'service', id: 's', endpoints: [{ name: 'do' }] },
        ],
        workload: [{ kind: 'poisson', client: 'c', ratePerSec: 1 }],
      }),
      'mini.json',
    );
    expect(s.durationMs).toBe(60_000);
    expect(s.nodes[1]).toMatchObject({ workers: 8, consumers: [] });
  });
});

describe('scenario files: producer idempotence', () => {
  it('reads idempotentProducer on clients and services (omitted: on, as in Kafka)', () => {
    const s = parseScenarioText(
      JSON.stringify({
        id: 'x',
        nodes: [
          { kind: 'client', id: 'c', target: 't', command: 'e', idempotentProducer: false },
          { kind: 'topic', id: 't' },
          { kind: 'service', id: 's', idempotentProducer: false },
          { kind: 'service', id: 'd' },
        ],
      }),
      'my.json',
    );
    expect(s.nodes.map((n) => (n.kind === 'client' || n.kind === 'service' ? n.idempotentProducer : 'n/a'))).toEqual([false, 'n/a', false, undefined]);
    expect(problems(JSON.stringify({ id: 'x', nodes: [{ kind: 'service', id: 's', idempotentProducer: 'no' }] }))).toMatch(/nodes\[0\]\.idempotentProducer/);
  });
});
