// The shoppers (or a producer): where the messages come from. A client sending commands to a
// service shows the outcomes it got; one writing straight to a topic or queue shows what it sent.
import type { NodeProps } from '@xyflow/react';
import { useI18nStore, useT } from '../../i18n/i18nStore';
import { useSide } from '../../state/SideContext';
import { useWorldSelector } from '../../state/useWorldSelector';
import { upperBound } from '../../view/search';
import type { World } from '../../view/worldAt';
import type { ClientFlowNode } from './buildFlow';
import { FaultMenu } from './FaultMenu';
import { HiddenHandles } from './HiddenHandles';

function sentTo(w: World, target: string): number {
  const q = w.queues?.[target];
  if (q) return q.enqueued;
  const topic = w.topics[target];
  return topic ? topic.partitions.reduce((sum, p) => sum + p.logEnd, 0) : 0;
}

function CommandOutcomes() {
  const t = useT();
  const c = useWorldSelector((w) => ({
    ok: w.counts.commandsOk,
    rejected: w.counts.commandsRejected,
    failed: w.counts.commandsFailed,
    pending: w.counts.commandsPending,
  }));
  return (
    <dl className="lab-outcomes">
      <div className="lab-outcome lab-outcome--ok">
        <dt>{t('graph.outcomeOk')}</dt>
        <dd>{c.ok}</dd>
      </div>
      <div className="lab-outcome lab-outcome--rejected">
        <dt>{t('graph.outcomeRejected')}</dt>
        <dd>{c.rejected}</dd>
      </div>
      <div className="lab-outcome lab-outcome--failed">
        <dt>{t('graph.outcomeFailed')}</dt>
        <dd>{c.failed}</dd>
      </div>
      <div className="lab-outcome">
        <dt>{t('graph.outcomeWaiting')}</dt>
        <dd>{c.pending}</dd>
      </div>
    </dl>
  );
}

function SentCount({ id, target }: { id: string; target: string }) {
  const { run } = useSide();
  const sent = useWorldSelector((w) => sentTo(w, target));
  // Records it gave up on (its retries ran out): never published — nobody else would know.
  const notSent = useWorldSelector((w) => upperBound(run.index.notPublishedByClient.get(id) ?? [], w.t));
  const t = useT();
  return (
    <dl className="lab-outcomes">
      <div className="lab-outcome">
        <dt>{t('graph.sent')}</dt>
        <dd>{sent}</dd>
      </div>
      {notSent > 0 ? (
        <div className="lab-outcome lab-outcome--failed" data-testid={`not-sent-${id}`}>
          <dt>{t('graph.notSent')}</dt>
          <dd>{notSent}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function ClientNode({ id, data }: NodeProps<ClientFlowNode>) {
  const { spec } = data;
  const { scenario } = useSide();
  const targetKind = scenario.nodes.find((n) => n.id === spec.target)?.kind;
  const t = useT();
  const role = useI18nStore((s) => (spec.role ? (s.roles[spec.role] ?? spec.role) : undefined));
  return (
    <div className="lab-node lab-node--client" data-testid={`node-${id}`}>
      <HiddenHandles />
      <div className="lab-node__head">
        <span className="lab-node__title">{spec.label}</span>
      </div>
      <div className="lab-node__role">{role ?? t('graph.sendCommand', { command: spec.command })}</div>
      {targetKind === 'service' ? <CommandOutcomes /> : <SentCount id={id} target={spec.target} />}
      <div className="lab-node__faults nodrag nopan">
        <FaultMenu nodeId={id} label={spec.label} />
      </div>
    </div>
  );
}
