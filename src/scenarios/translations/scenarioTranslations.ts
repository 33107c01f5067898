// Scenario texts in other languages live in their own chunk, one file per language: only a learner
// who picks the language downloads it (they would cost a fifth of the JS budget otherwise).
import type { Scenario, ScenarioTranslation } from '../../engine/types';

export type TranslationTable = Record<string, ScenarioTranslation>;

export const SCENARIO_LANGUAGES: readonly string[] = ['zh-CN'];

export async function loadScenarioTranslations(lang: string): Promise<TranslationTable> {
  if (lang === 'zh-CN') return (await import('./zh-CN.json')).default as TranslationTable;
  return {};
}

/** Attach a language's texts to the scenarios, in place (scenario objects are shared singletons). */
export function applyScenarioTranslations(scenarios: readonly Scenario[], lang: string, table: TranslationTable): void {
  for (const s of scenarios) {
    const t = table[s.id];
    if (t) s.i18n = { ...(s.i18n ?? {}), [lang]: t };
  }
}
