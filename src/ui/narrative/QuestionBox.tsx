// Predict, then observe: the step's question with its choices as buttons. Before the reveal point
// the learner picks one (or skips) and the simulation runs on; at the reveal point the box says the
// right answer, whether the prediction was right, and why. All of it is plain text.
import type { NarrativeStep } from '../../engine/types';
import { answerQuestion, type Answer } from '../../state/narrative';
import type { NarrativeStrings } from './strings';

type Question = NonNullable<NarrativeStep['question']>;

export function outcomeText(q: Question, answer: Answer | undefined, S: NarrativeStrings): string {
  if (answer === undefined) return S.notAnswered;
  if (answer === 'skipped') return S.skipped;
  return S.yourAnswerJudged(q.choices[answer] ?? '', answer === q.answer);
}

export function QuestionBox({
  question,
  answer,
  revealed,
  S,
}: {
  question: Question;
  answer: Answer | undefined;
  revealed: boolean;
  S: NarrativeStrings;
}) {
  const locked = revealed || answer !== undefined;
  const right = typeof answer === 'number' && answer === question.answer;
  return (
    <div className={`lab-question${revealed ? ' is-revealed' : ''}`} role="group" aria-labelledby="narrative-question" data-testid="narrative-question">
      <p className="lab-question__prompt" id="narrative-question">
        <span className="lab-question__tag">{S.predict}</span> {question.prompt}
      </p>
      <ul className="lab-question__choices">
        {question.choices.map((choice, k) => {
          const mine = answer === k;
          const correct = revealed && k === question.answer;
          const cls = ['lab-question__choice', mine ? 'is-mine' : '', correct ? 'is-correct' : '', revealed && mine && !correct ? 'is-wrong' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <li key={k}>
              <button
                type="button"
                className={cls}
                aria-pressed={mine}
                aria-disabled={locked || undefined}
                onClick={() => {
                  if (!locked) answerQuestion(k);
                }}
              >
                <span className="lab-question__letter" aria-hidden="true">
                  {String.fromCharCode(65 + k)}
                </span>
                <span className="lab-question__text">{choice}</span>
                {correct ? <span className="lab-question__mark">✓ {S.choiceCorrectMark}</span> : null}
                {mine && !correct ? <span className="lab-question__mark">{S.choiceYoursMark}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      {!locked ? (
        <button type="button" className="lab-btn lab-question__skip" onClick={() => answerQuestion('skipped')}>
          {S.skip}
        </button>
      ) : null}
      {revealed ? (
        <div className={`lab-reveal${right ? ' is-right' : ''}`} data-testid="narrative-reveal">
          <p className="lab-reveal__answer">
            <strong>{S.answerIs(question.choices[question.answer] ?? '')}</strong>
          </p>
          <p className="lab-reveal__outcome" data-testid="narrative-outcome">
            {right ? '✓ ' : ''}
            {outcomeText(question, answer, S)}
          </p>
          <h3 className="lab-reveal__why">{S.whyHeading}</h3>
          <p className="lab-reveal__explanation">{question.explanation}</p>
        </div>
      ) : null}
    </div>
  );
}
