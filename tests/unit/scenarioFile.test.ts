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
