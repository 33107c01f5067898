// The words of a guided story, apart from its structure: each step's title and text, and its
// question's prompt, choices and explanation. The browser build ships the built-in scenarios
// without them (scripts/vite-lazy-story-texts.mjs) and brings them back from a lazy chunk
// (storyTexts.ts); what stays in the scenario is what the story's logic needs (how many steps,
// their moments, highlights, which has a question and its answer's index).
import type { Scenario, ScenarioTranslation } from '../../engine/types';

/** One step's words, in the shape of a translation's step. */
export type StepText = NonNullable<ScenarioTranslation['steps']>[number];

/** Each built-in scenario's step words, by scenario id. */
export type StoryTextTable = Record<string, StepText[]>;

export function storyTextTable(scenarios: readonly Scenario[]): StoryTextTable {
  const table: StoryTextTable = {};
  for (const s of scenarios) {
    if (!s.steps?.length) continue;
    table[s.id] = s.steps.map(({ title, text, question: q }) =>
      q ? { title, text, question: { prompt: q.prompt, choices: q.choices, explanation: q.explanation } } : { title, text },
    );
  }
  return table;
}

/** Puts the words back into the scenarios' steps, in place (scenario objects are shared singletons). */
export function applyStoryTexts(scenarios: readonly Scenario[], table: StoryTextTable): void {
  for (const s of scenarios) {
    const texts = table[s.id];
    if (!texts || !s.steps) continue;
    s.steps.forEach((step, i) => {
      const t = texts[i];
      if (!t) return;
      if (t.title !== undefined) step.title = t.title;
      if (t.text !== undefined) step.text = t.text;
      const q = step.question;
      const tq = t.question;
      if (q && tq) {
        if (tq.prompt !== undefined) q.prompt = tq.prompt;
        if (tq.choices !== undefined) q.choices = tq.choices;
        if (tq.explanation !== undefined) q.explanation = tq.explanation;
      }
    });
  }
}
