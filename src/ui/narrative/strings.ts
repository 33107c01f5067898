// Every word the guided story and the scenario list put on screen or in the live region, in one
// place so the zh-CN interface (a later issue) translates a table, not components. Scenario texts
// themselves come from the scenario (see localize.ts).

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
  predict: string;
  skip: string;
  yourAnswer(choice: string): string;
  skipped: string;
  notAnswered: string;
  right: string;
  wrong: string;
  answerIs(choice: string): string;
  choiceCorrectMark: string;
  choiceYoursMark: string;
  whyHeading: string;
  endOfStory: string;
  restart: string;
  hideStory: string;
  showStory: string;
  hiddenNote(steps: number): string;
  announceStep(n: number, total: number, title: string, question?: string): string;
  announceReveal(n: number, title: string, seconds: string, outcome?: string): string;
  announceAnswer(choice: string | null): string;
  // Scenario list
  scenariosButton: string;
  scenariosTitle: string;
  scenariosIntro: string;
  close: string;
  minutes(n: number): string;
  steps(n: number): string;
  freePlay: string;
  current: string;
}

export const en: NarrativeStrings = {
  panelLabel: 'Guided story',
  storyOf: (lesson) => lesson,
  stepOf: (n, total) => `Step ${n} of ${total}`,
  previous: 'Previous step',
  next: 'Next step',
  continue: 'Continue',
  continueHint: 'Continue (or press Play) to watch it happen.',
  answerHint: 'Make your prediction, or skip it: the simulation then runs on to the moment that answers it.',
  playingTo: (s) => `Running on to ${s}…`,
  pausedAt: (s) => `Paused at ${s}: the moment this step is about.`,
  momentAt: (s) => `This step's moment: ${s}.`,
  highlightedIntro: 'Highlighted in the graph:',
  highlightedNode: 'highlighted in the story',
  link: (from, to) => `the link ${from} → ${to}`,
  predict: 'Predict',
  skip: 'Skip',
  yourAnswer: (c) => `Your prediction: ${c}`,
  skipped: 'You skipped this prediction.',
  notAnswered: 'You did not make a prediction.',
  right: 'You were right.',
  wrong: 'Not this time.',
  answerIs: (c) => `Answer: ${c}`,
  choiceCorrectMark: 'correct answer',
  choiceYoursMark: 'your prediction',
  whyHeading: 'Why',
  endOfStory: 'End of the story. Keep exploring: break a service, scrub the timeline, or pick another scenario.',
  restart: 'Restart the story',
  hideStory: 'Hide the story',
  showStory: 'Show the story',
  hiddenNote: (n) => `Free play: the guided story (${n} ${n === 1 ? 'step' : 'steps'}) is hidden and playback will not pause.`,
  announceStep: (n, total, title, question) => `Step ${n} of ${total}: ${title}.${question ? ` Predict: ${question}` : ''}`,
  announceReveal: (n, title, s, outcome) => `Step ${n}, ${title}: paused at ${s}.${outcome ? ` ${outcome}` : ''}`,
  announceAnswer: (c) => (c === null ? 'Prediction skipped. Running on to the answer.' : `Prediction: ${c}. Running on to the answer.`),
  scenariosButton: 'Scenarios',
  scenariosTitle: 'Scenarios',
  scenariosIntro: 'Each scenario tells one part of the story, grouped by lesson. Pick one to open it.',
  close: 'Close',
  minutes: (n) => `about ${n} min`,
  steps: (n) => `${n} ${n === 1 ? 'step' : 'steps'}`,
  freePlay: 'free play',
  current: 'open now',
};

const tables: Record<string, NarrativeStrings> = { en };

/** The UI strings for a language; English until a translation is added to `tables`. */
export function stringsFor(lang: string): NarrativeStrings {
  return tables[lang] ?? en;
}
