// The guided story beside the graph: the current step (n of N, title, text), what it highlights,
// its question, and Previous / Next. The step comes from the narrative store, which keeps it
// consistent with the clock; this component only reads it and calls the story's commands.
import { useEffect, useRef, type ReactNode } from 'react';
import type { Scenario } from '../../engine/types';
import { announceNarrative } from '../../state/narrativeAnnounce';
import {
  answerOf,
  continueStory,
  nextStep,
  previousStep,
  restartStory,
  setGuided,
  storyOf,
  useNarrativeStore,
} from '../../state/narrative';
import { getScenario } from '../../state/scenarioRegistry';
import { useLabStore } from '../../state/store';
import { formatSeconds } from '../panels/format';
import { HIGHLIGHT_NOTE_ID, parseHighlight } from './highlightFlow';
import { scenarioTexts, stepTexts, useLang } from './localize';
import { outcomeText, QuestionBox } from './QuestionBox';
import { stringsFor, type NarrativeStrings } from './strings';
import { StepAssumptionWarning } from './StepAssumptionWarning';
import { StoryFoldButton } from './StoryFoldButton';
import { useStoryFolded } from './useStoryFolded';
import { useStoryTexts } from './useStoryTexts';
import './narrative.css';

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="lab-narrative__text">
            {p}
          </p>
        ))}
    </>
  );
}

function highlightNames(scenario: Scenario, items: readonly string[], S: NarrativeStrings): string[] {
  const label = new Map(scenario.nodes.map((n) => [n.id, n.label]));
  const { nodes, links } = parseHighlight(items);
  const out = [...nodes].map((id) => label.get(id) ?? id);
  for (const l of links) {
    const [a, b] = l.split('->');
    // Keep the author's direction for the words when they wrote it.
    const written = items.find((x) => x.replace(/\s/g, '') === `${b}->${a}`) ? [b, a] : [a, b];
    out.push(S.link(label.get(written[0]) ?? written[0], label.get(written[1]) ?? written[1]));
  }
  return out;
}

/** Turns what happened in the story into words for the live region. */
function useStoryAnnouncements(scenario: Scenario, lang: string, wordsIn: boolean): void {
  const event = useNarrativeStore((s) => s.event);
  const guided = useNarrativeStore((s) => s.guided);
  useEffect(() => {
    if (!event || !guided || !wordsIn || event.scenarioId !== scenario.id) return;
    const S = stringsFor(lang);
    const { steps, times } = storyOf(scenario);
    const step = stepTexts(scenario, event.index, lang);
    if (!step) return;
    const n = event.index + 1;
    const answer = answerOf(scenario.id, event.index);
    const q = step.question;
    if (event.kind === 'answer' && q) {
      announceNarrative(S.announceAnswer(typeof answer === 'number' ? (q.choices[answer] ?? '') : null));
      return;
    }
    const revealed = useLabStore.getState().t >= times[event.index];
    if (event.kind === 'reveal' || revealed) {
      const outcome = q ? S.revealOutcome(q.choices[q.answer] ?? '', outcomeText(q, answer, S), q.explanation) : undefined;
      announceNarrative(S.announceReveal(n, step.title, formatSeconds(times[event.index]), outcome));
      return;
    }
    announceNarrative(S.announceStep(n, steps.length, step.title, q && answer === undefined ? q.prompt : undefined));
    // Only a new event speaks; a re-render must not repeat it.
  }, [event?.seq]);
}

/** `compare`: two runs side by side, where the story may start folded (see useStoryFolded). */
export function NarrativePanel({ compare = false }: { compare?: boolean }) {
  const scenarioId = useLabStore((s) => s.scenarioId);
  const guided = useNarrativeStore((s) => s.guided);
  const lang = useLang();
  const scenario = getScenario(scenarioId);
  const words = useStoryTexts(scenario);
  useStoryAnnouncements(scenario, lang, words.kind === 'ready');
  const { steps } = storyOf(scenario);
  // No story yet: the graph is the whole page (free play). The scenario list says so.
  if (steps.length === 0) return null;
  const S = stringsFor(lang);
  if (!guided) {
    return (
      <section className="lab-narrative lab-narrative--band lab-narrative--hidden" aria-label={S.panelLabel} data-testid="narrative">
        <p className="lab-narrative__hidden-note">{S.hiddenNote(steps.length)}</p>
        <button type="button" className="lab-btn" onClick={() => setGuided(true)}>
          {S.showStory}
        </button>
      </section>
    );
  }
  if (words.kind !== 'ready') {
    // The built-in stories' words arrive in a lazy chunk, normally before the first paint: never empty steps meanwhile.
    return (
      <section className="lab-narrative lab-narrative--band lab-narrative--hidden" aria-label={S.panelLabel} aria-busy={words.kind === 'loading'} data-testid="narrative">
        <p className="lab-narrative__hidden-note" role="status">
          {words.kind === 'loading' ? S.loading : S.loadFailed(words.reason)}
        </p>
      </section>
    );
  }
  return <StoryPanel scenario={scenario} lang={lang} S={S} compare={compare} />;
}

function StoryPanel({ scenario, lang, S, compare }: { scenario: Scenario; lang: string; S: NarrativeStrings; compare: boolean }) {
  const folded = useStoryFolded(compare);
  const { steps, times } = storyOf(scenario);
  const stored = useNarrativeStore((s) => s.index);
  const i = Math.min(Math.max(0, stored), steps.length - 1);
  const at = times[i];
  const revealed = useLabStore((s) => s.t >= at);
  const atMoment = useLabStore((s) => s.t === at);
  const playing = useLabStore((s) => s.playing);
  const answer = useNarrativeStore((s) => s.answers[scenario.id]?.[i]);
  const step = stepTexts(scenario, i, lang)!;
  const q = step.question;
  const last = i === steps.length - 1;
  const names = highlightNames(scenario, step.highlight, S);
  const texts = scenarioTexts(scenario, lang);
  const scroller = useRef<HTMLDivElement>(null);

  // A new step starts at its top; a reveal brings the answer into view (the panel scrolls inside).
  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 });
  }, [scenario.id, i]);
  useEffect(() => {
    if (revealed) scroller.current?.querySelector('[data-testid="narrative-reveal"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [revealed, i]);

  let status: ReactNode;
  if (revealed) {
    status = <p className="lab-narrative__status">{atMoment ? S.pausedAt(formatSeconds(at)) : S.momentAt(formatSeconds(at))}</p>;
  } else if (playing) {
    status = <p className="lab-narrative__status">{S.playingTo(formatSeconds(at))}</p>;
  } else if (q && answer === undefined) {
    status = <p className="lab-narrative__status">{S.answerHint}</p>;
  } else {
    status = (
      <div className="lab-narrative__continue">
        <button type="button" className="lab-btn lab-btn--primary" onClick={continueStory}>
          {S.continue}
        </button>
        <p className="lab-narrative__status">{S.continueHint}</p>
      </div>
    );
  }

  return (
    <section
      className={`lab-narrative${folded ? ' lab-narrative--band lab-narrative--folded' : ''}`}
      aria-labelledby="narrative-title"
      data-testid="narrative"
      data-step={i + 1}
      data-revealed={revealed}
    >
      <div className="lab-narrative__head">
        <div className="lab-narrative__where">
          <p className="lab-narrative__count" data-testid="narrative-count">
            {S.stepOf(i + 1, steps.length)}
          </p>
          <ol className="lab-narrative__dots" aria-hidden="true">
            {steps.map((_, k) => (
              <li key={k} className={k < i ? 'is-done' : k === i ? 'is-current' : undefined} />
            ))}
          </ol>
          {folded ? (
            // Folded: the step's title (the heading) stands in for its text; a tag says a prediction waits.
            <>
              <h2 className="lab-narrative__title lab-narrative__peek" id="narrative-title">
                {step.title}
              </h2>
              {q && answer === undefined && !revealed ? <span className="lab-question__tag">{S.predict}</span> : null}
            </>
          ) : (
            <p className="lab-narrative__kicker" title={texts.lesson}>
              {S.storyOf(texts.lesson)}
            </p>
          )}
        </div>
        <StoryFoldButton folded={folded} controls="narrative-scroll" S={S} />
        {folded ? null : (
          <button type="button" className="lab-btn lab-btn--quiet" onClick={() => setGuided(false)}>
            {S.hideStory}
          </button>
        )}
      </div>
      {/* Focusable: a long step scrolls here, and a keyboard must be able to scroll it too. */}
      <div
        className="lab-narrative__scroll"
        id="narrative-scroll"
        ref={scroller}
        tabIndex={0}
        role="group"
        aria-labelledby="narrative-title"
        hidden={folded}
      >
        <div className="lab-narrative__story">
          {folded ? null : (
            <h2 className="lab-narrative__title" id="narrative-title">
              {step.title}
            </h2>
          )}
          <Paragraphs text={step.text} />
          {names.length > 0 ? (
            <p className="lab-narrative__highlights" id={HIGHLIGHT_NOTE_ID}>
              <span className="lab-narrative__hl-icon" aria-hidden="true">
                ◎
              </span>{' '}
              {S.highlightedIntro} {S.list(names)}
            </p>
          ) : null}
        </div>
        <StepAssumptionWarning scenario={scenario} step={steps[i]} />
        {q ? <QuestionBox question={q} answer={answer} revealed={revealed} S={S} /> : null}
        <div className="lab-narrative__state">{status}</div>
        {last && revealed ? (
          <div className="lab-narrative__end">
            <p>{S.endOfStory}</p>
            <button type="button" className="lab-btn" onClick={restartStory}>
              {S.restart}
            </button>
          </div>
        ) : null}
      </div>
      <nav className="lab-narrative__nav" aria-label={S.panelLabel}>
        <button type="button" className="lab-btn" aria-disabled={i === 0 || undefined} onClick={previousStep}>
          {S.previous}
        </button>
        <button type="button" className="lab-btn lab-btn--next" aria-disabled={last || undefined} onClick={nextStep}>
          {S.next}
        </button>
      </nav>
    </section>
  );
}
