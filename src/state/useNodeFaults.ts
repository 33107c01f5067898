// Whether the learner has this node down / slow at the current t. Booleans, so a clock tick only
// re-renders a node's buttons when one of them flips.
import { activeFault } from './interventions';
import { useLabStore } from './store';

export function useNodeFaults(nodeId: string): { down: boolean; slow: boolean } {
  const down = useLabStore((s) => activeFault(s.interventions, nodeId, 'down', s.t) !== undefined);
  const slow = useLabStore((s) => activeFault(s.interventions, nodeId, 'slow', s.t) !== undefined);
  return { down, slow };
}
