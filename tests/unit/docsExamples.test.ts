// The README points newcomers at docs/examples/: every example there must load and keep its claims.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateExpectations } from '../../src/scenarios/expectations';
import { parseScenarioText } from '../../src/scenarios/scenarioFile';

const dir = path.resolve(__dirname, '../../docs/examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('docs/examples', () => {
  it('has examples', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${file} opens and its expectations pass`, () => {
      const scenario = parseScenarioText(readFileSync(path.join(dir, file), 'utf8'), file);
      const results = evaluateExpectations(scenario);
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(r.passed, `${r.name}: ${r.detail}`).toBe(true);
    });
  }
});
