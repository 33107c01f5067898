// Status in words, not colour alone: a down node says DOWN even in greyscale or on a projector.
import type { NodeStatus } from '../../engine/types';

const TEXT: Record<NodeStatus, string> = { up: 'UP', down: 'DOWN', slow: 'SLOW', erroring: 'ERRORS' };

export function StatusBadge({ status }: { status: NodeStatus }) {
  if (status === 'up') return null;
  return <span className={`lab-badge lab-badge--${status}`}>{TEXT[status]}</span>;
}
