// Keep the whole topology in view when the pane changes size (window resize, compare toggle,
// phone rotation): the graph is small, so fitting beats asking learners to pan.
import { useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import { useEffect } from 'react';

export function FitOnResize({ padding }: { padding: number }) {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const ready = useNodesInitialized();
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (ready && width > 0 && height > 0) void fitView({ padding });
  }, [ready, width, height, padding, fitView]);
  return null;
}
