// A point-to-point command queue (RabbitMQ-like): messages ready to deliver (depth) drawn as cells,
// those each consumer holds and has not acknowledged yet, and what became of the rest, dead
// letters included.
import type { NodeProps } from '@xyflow/react';
import { useRoleText, useT } from '../../i18n/i18nStore';
import { useSide } from '../../state/SideContext';
import { useWorldSelector } from '../../state/useWorldSelector';
import { consumerDirectory, queueConsumersAt } from '../../view/membersAt';
import type { QueueFlowNode } from './buildFlow';
import { InvariantBadges, QUEUE_INVARIANTS } from '../InvariantBadges';
import { FaultMenu } from './FaultMenu';
import { HiddenHandles } from './HiddenHandles';
import { StatusBadge } from './StatusBadge';

/** Ready messages drawn one cell each up to this many; beyond, the number says it. */
const CELLS = 10;

export function QueueNode({ id, data }: NodeProps<QueueFlowNode>) {
  const { spec } = data;
  const { scenario, run } = useSide();
  const isDeadLetterQueue = consumerDirectory(scenario).deadLetterQueues.has(id);
  const t = useT();
  const role = useRoleText(spec.role ?? '');
  const q = useWorldSelector((w) => {
    const v = w.queues?.[id];
    return {
      status: w.nodes[id]?.status ?? 'up',
      depth: v?.depth ?? 0,
      unacked: v?.unacked ?? 0,
      acked: v?.acked ?? 0,
      redelivered: v?.redelivered ?? 0,
      nacked: v?.nacked ?? 0,
      deadLettered: v?.deadLettered ?? 0,
      dropped: v?.dropped ?? 0,
      consumers: queueConsumersAt(run.trace, scenario, id, w.t),
    };
  });
  return (
    <div className={`lab-node lab-node--queue is-${q.status}${isDeadLetterQueue ? ' is-dead-letter' : ''}`} data-testid={`node-${id}`} data-status={q.status}>
      <HiddenHandles />
      <StatusBadge status={q.status} />
      <div className="lab-node__head">
        <span className="lab-node__title">{spec.label}</span>
        <FaultMenu nodeId={id} label={spec.label} />
      </div>
      <div className="lab-node__kind">
        {isDeadLetterQueue ? <span className="lab-tag lab-tag--dlt">{t('graph.deadLetterQueue')}</span> : spec.role ? role : t('graph.queue')}
      </div>
      <div className="lab-queue" aria-hidden="true">
        {Array.from({ length: CELLS }, (_, i) => (
          <span key={i} className={`lab-queue__cell${i < q.depth ? ' is-full' : ''}`} />
        ))}
        {q.depth > CELLS ? <span className="lab-queue__more">+{q.depth - CELLS}</span> : null}
      </div>
      <div className="lab-node__nums" data-testid={`queue-${id}`}>
        {t('graph.queueNums', { depth: q.depth, unacked: q.unacked })}
      </div>
      {q.consumers.length > 0 ? (
        <ul className="lab-members lab-members--queue" aria-label={t('graph.unackedPerConsumer')}>
          {q.consumers.map((c) => (
            <li key={c.id} data-testid={`unacked-${id}-${c.id}`} data-value={c.unacked}>
              <span className="lab-members__id">{c.id}</span>: {t('graph.unacked', { unacked: c.unacked })}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="lab-node__nums lab-node__nums--small">
        {t('graph.queueDone', { acked: q.acked, nacked: q.nacked, redelivered: q.redelivered })}
      </div>
      {spec.deadLetterQueue ? (
        <div className={`lab-node__nums lab-node__nums--small${q.deadLettered > 0 ? ' is-bad' : ''}`} data-testid={`deadlettered-${id}`}>
          <span aria-hidden="true">☠</span>{' '}
          {t('graph.deadLetteredTo', { count: q.deadLettered, target: scenario.nodes.find((n) => n.id === spec.deadLetterQueue)?.label ?? spec.deadLetterQueue })}
        </div>
      ) : null}
      {/* Rejected or over the limit with nowhere to go (no dead-letter queue, or it was down): gone. */}
      {q.dropped > 0 ? (
        <div className="lab-node__nums lab-node__nums--small is-bad" data-testid={`dropped-${id}`}>
          <span aria-hidden="true">✗</span> {t('graph.queueDropped', { count: q.dropped })}
        </div>
      ) : null}
      <InvariantBadges subject={id} kinds={QUEUE_INVARIANTS} />
    </div>
  );
}
