// Whether the guided story shows as its one-line band. The learner's own choice wins; until they
// make one, the story folds beside two graphs on a laptop or projector screen (1280×720 up to about
// 1760 px wide): there its column would leave each graph too narrow to read from the back of a room.
import { useNarrativeStore } from '../../state/narrative';
import { useMediaQuery } from '../useMediaQuery';

const AUTO_FOLD_QUERY = '(min-width: 900px) and (max-width: 1759px) and (min-height: 560px)';

export function useStoryFolded(compare: boolean): boolean {
  const chosen = useNarrativeStore((s) => s.folded);
  const laptop = useMediaQuery(AUTO_FOLD_QUERY);
  return chosen ?? (compare && laptop);
}
