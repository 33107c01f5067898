// Every built-in scenario, grouped by lesson (in the order the lessons first appear), each with its
// title, one-line summary, estimated minutes and whether it tells a guided story. A list of
// buttons under one heading per lesson: Tab moves through them, and so do the arrow keys, Home and
// End. Scenario texts are rendered as text, never as markup.
import { useRef, type KeyboardEvent } from 'react';
import type { Scenario } from '../../engine/types';
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import { scenarioTexts } from '../narrative/localize';

export interface LessonGroup {
  lesson: string;
  scenarios: Scenario[];
}

export function groupByLesson(list: readonly Scenario[]): LessonGroup[] {
  const groups: LessonGroup[] = [];
  const byLesson = new Map<string, LessonGroup>();
  for (const s of list) {
    let g = byLesson.get(s.lesson);
    if (!g) {
      g = { lesson: s.lesson, scenarios: [] };
      byLesson.set(s.lesson, g);
      groups.push(g);
    }
    g.scenarios.push(s);
  }
  return groups;
}

function moveFocus(container: HTMLElement | null, from: HTMLElement, key: string): boolean {
  if (!container) return false;
  const items = [...container.querySelectorAll<HTMLButtonElement>('button[data-scenario-id]')];
  const i = items.indexOf(from as HTMLButtonElement);
  if (i < 0) return false;
  let j = i;
  if (key === 'ArrowDown') j = Math.min(items.length - 1, i + 1);
  else if (key === 'ArrowUp') j = Math.max(0, i - 1);
  else if (key === 'Home') j = 0;
  else if (key === 'End') j = items.length - 1;
  else return false;
  items[j].focus();
  return true;
}

export function ScenarioList({
  scenarios,
  currentId,
  lang,
  onChoose,
}: {
  scenarios: readonly Scenario[];
  currentId: string;
  lang: string;
  onChoose: (id: string) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const t = useT();
  const separator = t('scenarios.separator');
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLElement && moveFocus(root.current, e.target, e.key)) e.preventDefault();
  };
  return (
    <div className="lab-scenarios" ref={root} onKeyDown={onKeyDown} data-testid="scenario-list">
      {groupByLesson(scenarios).map((g, gi) => {
        const headingId = `scenario-lesson-${gi}`;
        const lessonText = scenarioTexts(g.scenarios[0], lang).lesson;
        return (
          <section key={g.lesson} className="lab-scenarios__lesson" aria-labelledby={headingId}>
            <h3 id={headingId} className="lab-scenarios__heading">
              {lessonText}
            </h3>
            <ul className="lab-scenarios__items">
              {g.scenarios.map((s) => {
                const texts = scenarioTexts(s, lang);
                const steps = s.steps?.length ?? 0;
                const current = s.id === currentId;
                const base = `scenario-${s.id}`;
                return (
                  // The button is the title (its name); summary and meta sit beside it as its
                  // description. The button's ::after covers the whole card, so all of it is clickable.
                  <li key={s.id} className={`lab-scenarios__item${current ? ' is-current' : ''}`}>
                    <button
                      type="button"
                      className="lab-scenarios__pick"
                      data-scenario-id={s.id}
                      aria-current={current || undefined}
                      aria-describedby={`${base}-summary ${base}-meta`}
                      onClick={() => onChoose(s.id)}
                    >
                      <span className="lab-scenarios__title">{texts.title}</span>
                    </button>
                    <span className="lab-scenarios__summary" id={`${base}-summary`}>
                      {texts.summary}
                    </span>
                    <span className="lab-scenarios__meta" id={`${base}-meta`}>
                      {s.minutes !== undefined ? t('scenarios.minutes', { n: s.minutes }) : null}
                      {s.minutes !== undefined ? separator : null}
                      {steps > 0 ? t('scenarios.steps', { count: steps }) : t('scenarios.freePlay')}
                      {current ? `${separator}${t('scenarios.current')}` : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
