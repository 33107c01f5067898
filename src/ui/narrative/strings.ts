// Every word the guided story puts on screen or in the live region, as
// functions over the message catalogue (src/i18n/messages.*.ts), so components ask for "stepOf"
// rather than build sentences. Scenario texts themselves come from the scenario (see localize.ts).
import { tEn, type Translate } from '../../i18n/format';
import { useI18nStore } from '../../i18n/i18nStore';

export interface NarrativeStrings {
  panelLabel: string;
  storyOf(lesson: string): string;
  stepOf(n: number, total: number): string;
  previous: string;
  next: string;
  continue: string;
  continueHint: string;
  answerHint: string;
  playingTo(seconds: string): string;
  pausedAt(seconds: string): string;
  momentAt(seconds: string): string;
  highlightedIntro: string;
  highlightedNode: string;
  link(from: string, to: string): string;
  /** Joins the names of what is highlighted. */
  list(items: readonly string[]): string;
  predict: string;
  skip: string;
  yourAnswer(choice: string): string;
  /** "Your prediction: … You were right." as one sentence pair (punctuation differs by language). */
  yourAnswerJudged(choice: string, right: boolean): string;
  skipped: string;
  notAnswered: string;
  right: string;
  wrong: string;
  answerIs(choice: string): string;
  /** The revealed answer, the learner's outcome and why, for the live region. */
  revealOutcome(choice: string, outcome: string, explanation: string): string;
  choiceCorrectMark: string;
  choiceYoursMark: string;
  whyHeading: string;
  endOfStory: string;
  restart: string;
  hideStory: string;
  showStory: string;
  foldStory: string;
  unfoldStory: string;
  hiddenNote(steps: number): string;
  /** While the story's words are on their way (a lazy chunk), or could not come. */
  loading: string;
  loadFailed(reason: string): string;
  announceStep(n: number, total: number, title: string, question?: string): string;
  announceReveal(n: number, title: string, seconds: string, outcome?: string): string;
  announceAnswer(choice: string | null): string;
}

export function narrativeStrings(t: Translate): NarrativeStrings {
  return {
    panelLabel: t('narrative.panel'),
    storyOf: (lesson) => lesson,
    stepOf: (n, total) => t('narrative.stepOf', { n, total }),
    previous: t('narrative.previous'),
    next: t('narrative.next'),
    continue: t('narrative.continue'),
    continueHint: t('narrative.continueHint'),
    answerHint: t('narrative.answerHint'),
    playingTo: (time) => t('narrative.playingTo', { time }),
    pausedAt: (time) => t('narrative.pausedAt', { time }),
    momentAt: (time) => t('narrative.momentAt', { time }),
    highlightedIntro: t('narrative.highlightedIntro'),
    highlightedNode: t('narrative.highlightedNode'),
    link: (from, to) => t('narrative.link', { from, to }),
    list: (items) => items.join(t('narrative.listSeparator')),
    predict: t('narrative.predict'),
    skip: t('narrative.skip'),
    yourAnswer: (choice) => t('narrative.yourAnswer', { choice }),
    yourAnswerJudged: (choice, right) => t(right ? 'narrative.yourAnswerRight' : 'narrative.yourAnswerWrong', { choice }),
    skipped: t('narrative.skipped'),
    notAnswered: t('narrative.notAnswered'),
    right: t('narrative.right'),
    wrong: t('narrative.wrong'),
    answerIs: (choice) => t('narrative.answerIs', { choice }),
    revealOutcome: (choice, outcome, explanation) => t('narrative.revealOutcome', { choice, outcome, explanation }),
    choiceCorrectMark: t('narrative.choiceCorrect'),
    choiceYoursMark: t('narrative.choiceYours'),
    whyHeading: t('narrative.why'),
    endOfStory: t('narrative.end'),
    restart: t('narrative.restart'),
    hideStory: t('narrative.hide'),
    showStory: t('narrative.show'),
    foldStory: t('narrative.fold'),
    unfoldStory: t('narrative.unfold'),
    hiddenNote: (count) => t('narrative.hiddenNote', { count }),
    loading: t('narrative.loading'),
    loadFailed: (reason) => t('narrative.loadFailed', { reason }),
    announceStep: (n, total, title, question) =>
      t('narrative.announceStep', { n, total, title }) + (question ? ` ${t('narrative.announcePredict', { question })}` : ''),
    announceReveal: (n, title, time, outcome) => t('narrative.announceReveal', { n, title, time }) + (outcome ? ` ${outcome}` : ''),
    announceAnswer: (choice) => (choice === null ? t('narrative.announceSkipped') : t('narrative.announceAnswer', { choice })),
  };
}

export const en: NarrativeStrings = narrativeStrings(tEn);

const cache = new WeakMap<Translate, NarrativeStrings>();

/** The strings for a language: the loaded catalogue when it is the interface language, else English. */
export function stringsFor(lang: string): NarrativeStrings {
  const { lang: current, t } = useI18nStore.getState();
  if (lang !== current) return en;
  let s = cache.get(t);
  if (!s) cache.set(t, (s = narrativeStrings(t)));
  return s;
}
