// Subscribe a component to one slice of the world at the current t. The slice is compared
// structurally with the previous one, so a node whose own numbers did not change this frame
// keeps the same object and does not re-render: a moving token is never a re-render of the graph.
import { useRef } from 'react';
import type { World } from '../view/worldAt';
import { plainEqual } from './plainEqual';
import { useSide } from './SideContext';
import { useLabStore } from './store';
import { worldAtCached } from './worldCache';

export function useWorldSelector<U>(select: (world: World) => U): U {
  const { run } = useSide();
  const prev = useRef<{ value: U } | null>(null);
  return useLabStore((s) => {
    const next = select(worldAtCached(run.index, s.t));
    // Same trick as zustand's useShallow: hand back the old reference when nothing changed.
    if (prev.current && plainEqual(prev.current.value, next)) return prev.current.value;
    prev.current = { value: next };
    return next;
  });
}
