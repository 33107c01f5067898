// The guided lessons: every built-in scenario tells a short story (steps with reveal points,
// highlights of real nodes and links, questions with a right answer), in English and Simplified
// Chinese, and the fourteen lessons of MISSION.md are all covered. The claims the stories make are
// expectations, which tests/unit/scenarios.test.ts evaluates; the few claims an expectation cannot
// express (a rejection's wording, equality across scenarios) are checked here.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type { Scenario } from '../../src/engine/types';
import { builtinScenarios, findScenario } from '../../src/scenarios/builtins';
import { evaluateExpectations } from '../../src/scenarios/expectations';
import { LESSONS } from '../../src/scenarios/lessons/lessonNames';
import { buildFlow } from '../../src/ui/graph/buildFlow';
import { applyScenarioTranslations, type TranslationTable } from '../../src/scenarios/translations/scenarioTranslations';
import zhCN from '../../src/scenarios/translations/zh-CN.json';

// Translations ship in their own file (loaded on demand in the browser); attach them as the UI does.
applyScenarioTranslations(builtinScenarios, 'zh-CN', zhCN as TranslationTable);

/** The lesson number of a scenario, from its group name ("7 · Publish/subscribe" → 7). */
function lessonNumber(s: Scenario): number {
  return LESSONS.findIndex((l) => l.en === s.lesson) + 1;
}

/** Links the graph draws, as unordered pairs (a highlight `a->b` matches either direction). */
function drawnLinks(s: Scenario): Set<string> {
  const pairs = new Set<string>();
  for (const e of buildFlow(s).edges) pairs.add([e.source, e.target].sort().join('|'));
  return pairs;
}

describe('guided lessons', () => {
  for (const s of builtinScenarios) {
    describe(s.id, () => {
      it('belongs to one of the fourteen lessons, estimates its minutes and asserts its claims', () => {
        expect(lessonNumber(s), `lesson '${s.lesson}'`).toBeGreaterThan(0);
        expect(s.minutes).toBeGreaterThan(0);
        expect(s.summary.trim().length).toBeGreaterThan(20);
        expect(s.expectations.length).toBeGreaterThan(0);
      });

      it('tells 3–6 steps with increasing reveal points inside the run', () => {
        const steps = s.steps ?? [];
        expect(steps.length).toBeGreaterThanOrEqual(3);
        expect(steps.length).toBeLessThanOrEqual(6);
        let previous = -1;
        for (const step of steps) {
          expect(step.atMs, step.title).toBeGreaterThan(previous);
          expect(step.atMs, step.title).toBeLessThanOrEqual(s.durationMs);
          expect(step.title.trim(), 'a step needs a title').not.toBe('');
          expect(step.text.trim().length, step.title).toBeGreaterThan(20);
          previous = step.atMs;
        }
      });

      it('highlights only nodes and links the graph draws', () => {
        const nodes = new Set(s.nodes.map((n) => n.id));
        const links = drawnLinks(s);
        for (const step of s.steps ?? []) {
          expect(step.highlight.length, `${step.title}: highlight something`).toBeGreaterThan(0);
          for (const h of step.highlight) {
            const link = h.split('->');
            if (link.length === 2) expect(links.has([link[0], link[1]].sort().join('|')), `${step.title}: link ${h}`).toBe(true);
            else expect(nodes.has(h), `${step.title}: node ${h}`).toBe(true);
          }
        }
      });

      it('asks questions with 2–4 choices, a valid answer and an explanation', () => {
        const questions = (s.steps ?? []).flatMap((step) => (step.question ? [step.question] : []));
        expect(questions.length, 'at least one prediction').toBeGreaterThan(0);
        for (const q of questions) {
          expect(q.choices.length).toBeGreaterThanOrEqual(2);
          expect(q.choices.length).toBeLessThanOrEqual(4);
          expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.choices.length, q.prompt).toBe(true);
          expect(q.explanation.trim().length, q.prompt).toBeGreaterThan(10);
        }
      });

      it('is translated into Simplified Chinese, step for step and choice for choice', () => {
        const zh = s.i18n?.['zh-CN'];
        expect(zh, 'a zh-CN translation').toBeDefined();
        if (!zh) return;
        const cjk = /[\u4e00-\u9fff]/;
        expect(zh.title).toMatch(cjk);
        expect(zh.summary).toMatch(cjk);
        expect(zh.lesson).toBe(LESSONS[lessonNumber(s) - 1]['zh-CN']);
        const steps = s.steps ?? [];
        expect(zh.steps?.length).toBe(steps.length);
        steps.forEach((step, i) => {
          const t = zh.steps?.[i];
          expect(t?.title, `step ${i + 1} title`).toMatch(cjk);
          expect(t?.text, `step ${i + 1} text`).toMatch(cjk);
          if (step.question) {
            expect(t?.question?.prompt, `step ${i + 1} question`).toMatch(cjk);
            expect(t?.question?.choices?.length, `step ${i + 1} choices`).toBe(step.question.choices.length);
            expect(t?.question?.explanation, `step ${i + 1} explanation`).toMatch(cjk);
          } else expect(t?.question, `step ${i + 1} has no question to translate`).toBeUndefined();
        });
        expect(zh.expectations?.length, 'one translated name per expectation').toBe(s.expectations.length);
        for (const name of zh.expectations ?? []) expect(name).toMatch(cjk);
      });
    });
  }

  it('covers every lesson of MISSION.md, listed in lesson order', () => {
    const numbers = builtinScenarios.map(lessonNumber);
    for (let n = 1; n <= LESSONS.length; n++) expect(numbers, `lesson ${n}`).toContain(n);
    // The scenario list groups by lesson in order of first appearance: keep the lessons in order.
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('a validation failure names the field it failed on (what the 422 says)', () => {
    const reasons = (id: string) => simulate(findScenario(id)!).records.flatMap((r) => (r.type === 'invalid' ? [r.reason] : []));
    expect(reasons('command-validation')).toEqual(Array(4).fill("'card.expiry' must be at least 202607"));
    expect(reasons('webhook-partner-events')).toEqual(["'amount' must be at least 0.01"]);
  });

  it('adding subscribers changes nothing upstream: Checkout answers identically with 0, 1 or 20 (20 seeds)', () => {
    const ids = ['pubsub-zero-subscribers', 'pubsub-one-subscriber', 'pubsub-twenty-subscribers'];
    for (let seed = 1; seed <= 20; seed++) {
      const [none, one, twenty] = ids.map((id) => {
        const s = findScenario(id)!;
        return computeMetrics(simulate(s, { seed }), s);
      });
      expect(one.checkout, `seed ${seed}`).toEqual(none.checkout);
      expect(twenty.checkout, `seed ${seed}`).toEqual(none.checkout);
      expect(Object.keys(twenty.groups)).toHaveLength(20);
    }
  });

  it('the lesson expectations are claims, not luck: they hold for 20 other seeds', () => {
    // Scenarios whose numbers depend on the seed (Poisson arrivals, random processing times).
    const seeded = [
      'command-technical-failure',
      'consumer-outage-catch-up',
      'consumer-outage-retention',
      'checkout-sync-two-calls',
      'pubsub-zero-subscribers',
      'pubsub-one-subscriber',
      'pubsub-scale-consumers',
      'async-command-queue',
      'publish-failed-commands',
      'event-chain',
      'recipes-search',
    ];
    for (const id of seeded) {
      const scenario = findScenario(id)!;
      for (let seed = 200; seed < 220; seed++) {
        for (const r of evaluateExpectations(scenario, seed)) expect(r.passed, `${id} seed ${seed}: ${r.name}: ${r.detail}`).toBe(true);
      }
    }
  }, 120_000); // ~20 runs of each seeded lesson: seconds on a loaded machine, not a hot loop
});
