// Scenario files that broke the lab once (an adversarial review, tests/fixtures/hostile/): each is
// now refused with its path, or runs as it should.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import { evaluateExpectations } from '../../src/scenarios/expectations';
import { parseScenarioText, ScenarioError } from '../../src/scenarios/scenarioFile';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), 'utf8');

function problems(name: string): string {
  try {
    parseScenarioText(fixture(name), name);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('hostile scenario files', () => {
  it.each([
    ['i18n-summary-obj.json', /i18n\.zh-CN\.summary: expected a text, found an object/],
    ['i18n-choices-string.json', /i18n\.zh-CN\.steps\[0\]\.question\.choices: expected a list of texts/],
    ['i18n-step-text-obj.json', /i18n\.zh-CN\.steps\[0\]\.text: expected a text, found an object/],
    ['publishFailures-missing.json', /publishFailures\.topic: 'nonexistent' is not a node of this scenario/],
    ['publishFailures-client.json', /publishFailures\.topic: 'web' is a client, expected a topic/],
    ['dupmember.json', /its consumer would be named 's-1', like the one of nodes\[2\]\.consumers\[0\]/],
    ['dupmember2.json', /nodes\[2\]\.consumers\[1\]: its consumer would be named 's\/g'/],
    ['nan-expect.json', /expectations\[1\]\.assert: give at least one assertion/],
  ])('%s is refused with its path', (name, message) => {
    expect(problems(name)).toMatch(message);
  });

  it('a translation field that is not translatable is named', () => {
    const s = JSON.stringify({ id: 'x', nodes: [], i18n: { 'zh-CN': { title: 'x', colour: 'red', steps: [{ txt: 'a' }] } } });
    let message = '';
    try {
      parseScenarioText(s, 'my.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/i18n\.zh-CN\.colour: is not a translatable field/);
    expect(message).toMatch(/i18n\.zh-CN\.steps\[0\]\.txt: is not a translatable field/);
  });

  it('a queue cannot be its own dead-letter queue', () => {
    const s = JSON.stringify({ id: 'x', nodes: [{ kind: 'queue', id: 'q', deadLetterQueue: 'q' }] });
    expect(() => parseScenarioText(s, 'my.json')).toThrow(/nodes\[0\]\.deadLetterQueue: a dead-letter queue must differ from the queue it protects/);
  });

  it('ids and labels named like Object.prototype members are plain keys in the metrics', () => {
    const service = parseScenarioText(fixture('constructor-min.json'), 'constructor-min.json');
    const m = computeMetrics(simulate(service), service) as unknown as Record<string, { succeeded: number } | undefined>;
    expect(m['constructor']?.succeeded).toBe(1);
    const queue = parseScenarioText(fixture('queue-label-constructor.json'), 'queue-label-constructor.json');
    expect(computeMetrics(simulate(queue), queue).queues.jobs.maxDeliveries).toBe(1);
    for (const r of evaluateExpectations(queue)) expect(r.passed, r.detail).toBe(true);
  });

  it('default keys never repeat across generators or scripts: no false duplicate rows', () => {
    for (const name of ['thirteen-generators.json', 'two-scripts.json']) {
      const s = parseScenarioText(fixture(name), name);
      const m = computeMetrics(simulate(s), s);
      expect(m.store.orders.duplicateRows, name).toBe(0);
    }
  });
});

describe('expectations that cannot be checked fail', () => {
  const base = { id: 'x', nodes: [{ kind: 'client', id: 'c', target: 't', command: 'e' }, { kind: 'topic', id: 't' }], workload: [{ kind: 'script', client: 'c', items: [{ atMs: 0 }] }] };
  const run = (assert: unknown[]) => evaluateExpectations(parseScenarioText(JSON.stringify({ ...base, expectations: [{ name: 'claim', assert }] }), 'x.json'))[0];

  it('an `other` metric that does not exist fails, even with !=', () => {
    const r = run([{ metric: 'topics.t.appended', op: '!=', other: { metric: 'topics.nope.appended' } }]);
    expect(r).toMatchObject({ passed: false });
    expect(r.detail).toMatch(/topics\.nope\.appended: no such metric/);
  });

  it('a path through a prototype member names nothing', () => {
    expect(run([{ metric: 'topics.constructor', op: '!=', value: 1 }])).toMatchObject({ passed: false, detail: 'topics.constructor: no such metric' });
  });
});
