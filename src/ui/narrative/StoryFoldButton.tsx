// Collapse the story to one line (step, title, Previous / Next) or expand it again. A disclosure:
// aria-expanded says which, and the words on the button say what a press does.
import { setFolded } from '../../state/narrative';
import type { NarrativeStrings } from './strings';

export function StoryFoldButton({ folded, controls, S }: { folded: boolean; controls: string; S: NarrativeStrings }) {
  return (
    <button
      type="button"
      className="lab-btn lab-btn--quiet lab-narrative__fold"
      aria-expanded={!folded}
      aria-controls={controls}
      data-testid="narrative-fold"
      onClick={() => setFolded(!folded)}
    >
      <span aria-hidden="true" className="lab-narrative__fold-icon">
        {folded ? '▾' : '▴'}
      </span>{' '}
      {folded ? S.unfoldStory : S.foldStory}
    </button>
  );
}
