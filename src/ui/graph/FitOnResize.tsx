// Keep the whole topology in view when the pane changes size (window resize, compare toggle,
// phone rotation): the graph is small, so fitting beats asking learners to pan.
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';

// Every visible node has been measured. Not useNodesInitialized(): React Flow 12 only updates
// that flag when the `nodes` prop changes, and ours never do after the first render, so it stayed
// false and no resize (window, compare toggle, presenter mode) ever refitted the graph.
const allMeasured = (s: ReactFlowState): boolean => {
  if (s.nodeLookup.size === 0) return false;
  for (const n of s.nodeLookup.values()) if (!n.hidden && !(n.measured.width && n.measured.height)) return false;
  return true;
};

export function FitOnResize({ padding }: { padding: number }) {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const ready = useStore(allMeasured);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (ready && width > 0 && height > 0) void fitView({ padding });
  }, [ready, width, height, padding, fitView]);
  return null;
}
