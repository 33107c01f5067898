// A point-to-point command queue (RabbitMQ-like): messages waiting (depth) drawn as cells, those
// handed to a worker and not yet acknowledged, and what became of the rest.
import type { NodeProps } from '@xyflow/react';
import { useWorldSelector } from '../../state/useWorldSelector';
import type { QueueFlowNode } from './buildFlow';
import { HiddenHandles } from './HiddenHandles';

/** Waiting messages drawn one cell each up to this many; beyond, the number says it. */
const CELLS = 10;

export function QueueNode({ id, data }: NodeProps<QueueFlowNode>) {
  const { spec } = data;
  const q = useWorldSelector((w) => {
    const v = w.queues?.[id];
    return {
      depth: v?.depth ?? 0,
      unacked: v?.unacked ?? 0,
      acked: v?.acked ?? 0,
      redelivered: v?.redelivered ?? 0,
      nacked: v?.nacked ?? 0,
      deadLettered: v?.deadLettered ?? 0,
    };
  });
  return (
    <div className="lab-node lab-node--queue" data-testid={`node-${id}`}>
      <HiddenHandles />
      <div className="lab-node__head">
        <span className="lab-node__title">{spec.label}</span>
        <span className="lab-node__kind">queue</span>
      </div>
      {spec.role ? <div className="lab-node__role">{spec.role}</div> : null}
      <div className="lab-queue" aria-hidden="true">
        {Array.from({ length: CELLS }, (_, i) => (
          <span key={i} className={`lab-queue__cell${i < q.depth ? ' is-full' : ''}`} />
        ))}
      </div>
      <div className="lab-node__nums" data-testid={`queue-${id}`}>
        {q.depth} waiting · {q.unacked} unacked
      </div>
      <div className="lab-node__nums lab-node__nums--small">
        {q.acked} acked · {q.nacked} nacked · {q.redelivered} redelivered
        {q.deadLettered > 0 || spec.deadLetterQueue ? ` · ${q.deadLettered} dead-lettered` : ''}
      </div>
    </div>
  );
}
