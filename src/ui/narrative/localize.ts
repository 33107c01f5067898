// Scenario texts in the learner's language: Scenario.i18n[lang] where a text is translated,
// English otherwise. The language is the interface language (src/i18n): switching it loads the
// scenarios' translations first (setLanguage.ts), so they are attached by the time this reads them.
import type { NarrativeStep, Scenario } from '../../engine/types';
import { useI18nStore } from '../../i18n/i18nStore';
import { stringsFor, type NarrativeStrings } from './strings';

export function useLang(): string {
  return useI18nStore((s) => s.lang);
}

export function useStrings(): NarrativeStrings {
  return stringsFor(useLang());
}

export interface ScenarioTexts {
  title: string;
  summary: string;
  lesson: string;
}

export function scenarioTexts(scenario: Scenario, lang: string): ScenarioTexts {
  const tr = lang === 'en' ? undefined : scenario.i18n?.[lang];
  return {
    title: tr?.title || scenario.title,
    summary: tr?.summary || scenario.summary,
    lesson: tr?.lesson || scenario.lesson,
  };
}

export function stepTexts(scenario: Scenario, index: number, lang: string): NarrativeStep | undefined {
  const step = scenario.steps?.[index];
  if (!step) return undefined;
  const tr = lang === 'en' ? undefined : scenario.i18n?.[lang]?.steps?.[index];
  if (!tr) return step;
  const q = step.question;
  const tq = tr.question;
  return {
    ...step,
    title: tr.title || step.title,
    text: tr.text || step.text,
    question: q
      ? {
          ...q,
          prompt: tq?.prompt || q.prompt,
          // Only a complete translation of the choices replaces them: the answer is an index.
          choices: tq?.choices && tq.choices.length === q.choices.length ? tq.choices : q.choices,
          explanation: tq?.explanation || q.explanation,
        }
      : undefined,
  };
}
