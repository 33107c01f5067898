// The built-in stories' English words leave the browser's first download (the build blanks them in
// the scenario sources: scripts/vite-lazy-story-texts.mjs) and come back from a lazy chunk
// (src/scenarios/translations/storyTexts.ts). Here: the build takes out exactly the words, of every
// step, and the table puts back exactly what it took.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SOURCE, stripStoryTexts } from '../../scripts/vite-lazy-story-texts.mjs';
import type { Scenario } from '../../src/engine/types';
import { builtinScenarios } from '../../src/scenarios/builtins';
import { storyTextsMissing } from '../../src/scenarios/translations/storyTexts';
import table from '../../src/scenarios/translations/storyTexts.en';
import { applyStoryTexts, storyTextTable } from '../../src/scenarios/translations/storyTextTable';

const SCENARIOS_DIR = path.resolve(import.meta.dirname, '../../src/scenarios');

function scenarioSources(dir = SCENARIOS_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? scenarioSources(p) : SCENARIO_SOURCE.test(p) ? [p] : [];
  });
}

/** What the build leaves of a scenario: the same, with every step's words blank. */
function blanked(s: Scenario): Scenario {
  return {
    ...s,
    steps: s.steps?.map((st) => ({
      ...st,
      title: '',
      text: '',
      question: st.question && { ...st.question, prompt: '', choices: [], explanation: '' },
    })),
  };
}

describe('story texts in a lazy chunk', () => {
  it('the build blanks the words of each literal step, and nothing else', () => {
    const source = `export const s: Scenario = {
      id: 'x', title: 'Kept title', summary: 'Kept summary',
      nodes: [{ id: 'a', label: 'A', role: 'r', title: 'not a step' }],
      steps: [
        { title: 'First', text: 'One.', highlight: ['a'], atMs: 100 },
        { 'title': 'Second', text: \`Two.\`, highlight: [], atMs: 200,
          question: { prompt: 'Which?', choices: ['p', 'q'], answer: 1, explanation: 'Because.' } },
        ...shared,
      ],
    };`;
    const { code, steps } = stripStoryTexts(source);
    expect(steps).toBe(2);
    for (const gone of ['First', 'One.', 'Second', 'Two.', 'Which?', "'p'", 'Because.']) expect(code).not.toContain(gone);
    for (const kept of ['Kept title', 'Kept summary', 'not a step', "highlight: ['a']", 'atMs: 200', 'answer: 1', '...shared']) expect(code).toContain(kept);
    expect(code).toContain("question: { prompt: '', choices: [], answer: 1, explanation: '' }");
  });

  it('every step of every built-in scenario is one the build takes out (none stays in the first download)', () => {
    const stripped = scenarioSources().reduce((n, f) => n + stripStoryTexts(fs.readFileSync(f, 'utf8'), f).steps, 0);
    const steps = builtinScenarios.reduce((n, s) => n + (s.steps?.length ?? 0), 0);
    expect(steps).toBeGreaterThan(0);
    expect(stripped).toBe(steps);
  });

  it('the table puts back exactly the words the build took out', () => {
    expect(table).toEqual(storyTextTable(builtinScenarios));
    const shipped = builtinScenarios.map(blanked);
    applyStoryTexts(shipped, JSON.parse(JSON.stringify(table)));
    expect(shipped).toEqual(builtinScenarios);
  });

  it('only a built-in scenario without its words waits for them; a custom one has its own', () => {
    for (const s of builtinScenarios) expect(storyTextsMissing(s), s.id).toBe(false);
    const custom = blanked(builtinScenarios.find((s) => s.steps?.length)!);
    expect(storyTextsMissing(custom)).toBe(false);
  });
});
