// A node's box in flow coordinates, once React Flow has measured it.
import { useInternalNode } from '@xyflow/react';
import type { Rect } from './geometry';

export function useNodeRect(id: string): Rect | undefined {
  const node = useInternalNode(id);
  if (!node?.measured.width || !node.measured.height) return undefined;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width, height: node.measured.height };
}
