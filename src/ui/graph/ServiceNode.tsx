// A service (bounded context): its status, how many of its workers are busy, its waiting line,
// and the learner's fault switches.
import type { NodeProps } from '@xyflow/react';
import { useRoleText, useT } from '../../i18n/i18nStore';
import { useSide } from '../../state/SideContext';
import { useWorldSelector } from '../../state/useWorldSelector';
import { armedCrashesAt, lifeAt } from '../../view/membersAt';
import { InvariantBadges, SERVICE_INVARIANTS } from '../InvariantBadges';
import type { ServiceFlowNode } from './buildFlow';
import { ConsumerMembers } from './ConsumerMembers';
import { HiddenHandles } from './HiddenHandles';
import { NodeFaultButtons } from './NodeFaultButtons';
import { StatusBadge } from './StatusBadge';

/** Beyond this many workers the pool is drawn as a bar rather than one square per worker. */
const MAX_WORKER_CELLS = 12;

export function ServiceNode({ id, data }: NodeProps<ServiceFlowNode>) {
  const { spec } = data;
  const { run } = useSide();
  const view = useWorldSelector((w) => {
    const n = w.nodes[id];
    return {
      status: n?.status ?? 'up',
      busy: n?.pool?.busy ?? 0,
      queued: n?.pool?.queued ?? 0,
      crashed: lifeAt(run.index, id, w.t) === 'crashed',
      armed: armedCrashesAt(run.trace, run.index, id, w.t),
    };
  });
  const { status, busy, queued, crashed, armed } = view;
  const workers = spec.workers;
  const t = useT();
  const role = useRoleText(spec.role ?? '');
  return (
    <div className={`lab-node lab-node--service is-${status}${crashed ? ' is-crashed' : ''}`} data-testid={`node-${id}`} data-status={status} data-crashed={crashed || undefined}>
      <HiddenHandles />
      <div className="lab-node__head">
        <span className="lab-node__title">{spec.label}</span>
        {crashed ? <span className="lab-badge lab-badge--crashed">{t('graph.crashed')}</span> : <StatusBadge status={status} />}
        {armed > 0 ? (
          <span className="lab-badge lab-badge--armed" data-testid={`crash-armed-${id}`} title={t('graph.crashArmedTitle')}>
            <span aria-hidden="true">⚡</span> {t('graph.crashArmed')}
            {armed > 1 ? ` ×${armed}` : ''}
          </span>
        ) : null}
      </div>
      {spec.role ? <div className="lab-node__role">{role}</div> : null}
      {/* A process that serves no command (a pure consumer) has no worker pool worth drawing: its
          members' rows say what each handler is doing. */}
      {spec.endpoints.length > 0 ? (
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
            {t('graph.busy', { busy, workers })}
            {queued > 0 ? t('graph.queued', { queued }) : ''}
          </span>
        </div>
      ) : null}
      <ConsumerMembers serviceId={id} />
      <InvariantBadges subject={id} kinds={SERVICE_INVARIANTS} />
      <NodeFaultButtons nodeId={id} label={spec.label} />
    </div>
  );
}
