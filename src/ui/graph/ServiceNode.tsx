// A service (bounded context): its status, how many of its workers are busy, its waiting line,
// and the learner's fault switches.
import type { NodeProps } from '@xyflow/react';
import { useWorldSelector } from '../../state/useWorldSelector';
import type { ServiceFlowNode } from './buildFlow';
import { HiddenHandles } from './HiddenHandles';
import { NodeFaultButtons } from './NodeFaultButtons';
import { StatusBadge } from './StatusBadge';

/** Beyond this many workers the pool is drawn as a bar rather than one square per worker. */
const MAX_WORKER_CELLS = 12;

export function ServiceNode({ id, data }: NodeProps<ServiceFlowNode>) {
  const { spec } = data;
  const view = useWorldSelector((w) => {
    const n = w.nodes[id];
    return { status: n?.status ?? 'up', busy: n?.pool?.busy ?? 0, queued: n?.pool?.queued ?? 0 };
  });
  const { status, busy, queued } = view;
  const workers = spec.workers;
  return (
    <div className={`lab-node lab-node--service is-${status}`} data-testid={`node-${id}`} data-status={status}>
      <HiddenHandles />
      <div className="lab-node__head">
        <span className="lab-node__title">{spec.label}</span>
        <StatusBadge status={status} />
      </div>
      {spec.role ? <div className="lab-node__role">{spec.role}</div> : null}
      <div className="lab-node__pool">
        {workers <= MAX_WORKER_CELLS ? (
          <span className="lab-pool" aria-hidden="true">
            {Array.from({ length: workers }, (_, i) => (
              <span key={i} className={`lab-pool__cell${i < busy ? ' is-busy' : ''}`} />
            ))}
          </span>
        ) : (
          <span className="lab-pool lab-pool--bar" aria-hidden="true">
            <span className="lab-pool__fill" style={{ width: `${Math.min(100, (busy / workers) * 100)}%` }} />
          </span>
        )}
        <span className="lab-node__nums" data-testid={`node-${id}-pool`}>
          {busy}/{workers} busy{queued > 0 ? ` · ${queued} queued` : ''}
        </span>
      </div>
      <NodeFaultButtons nodeId={id} label={spec.label} />
    </div>
  );
}
