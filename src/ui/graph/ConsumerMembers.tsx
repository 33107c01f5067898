// The consumer-group members a service hosts (queue consumers are listed on their queue) ("fulfillment: p0–2"), each with the partitions the
// group's current assignment gives it, and whether it is alive: a crashed member still owns its
// partitions until the group notices (session timeout) and rebalances them to the others.
import { useT } from '../../i18n/i18nStore';
import { useSide } from '../../state/SideContext';
import { useWorldSelector } from '../../state/useWorldSelector';
import { memberActivityAt, type MemberActivity } from '../../view/memberActivity';
import { consumerDirectory, formatPartitions, lifeAt, type Life } from '../../view/membersAt';

/** Beyond this many members, they are drawn as compact chips that wrap. */
const LIST_MAX = 4;

interface Row {
  id: string;
  group: string;
  text: string;
  life: Life;
  /** Its process is cut off from the broker (it misses heartbeats; evicted after its session timeout). */
  cutOff: boolean;
  /** The record in its handler ('' when none), and each failed record it holds for a retry. */
  handling: string;
  failed: string[];
}

function handlingText(a: MemberActivity, t: ReturnType<typeof useT>): string {
  const h = a.handling;
  if (!h) return '';
  return t(h.attempt > 1 ? 'graph.memberRetrying' : 'graph.memberHandling', { partition: h.partition, offset: h.offset, attempt: h.attempt });
}

export function ConsumerMembers({ serviceId }: { serviceId: string }) {
  const { scenario, run } = useSide();
  const t = useT();
  const dir = consumerDirectory(scenario);
  const members = dir.members.filter((m) => m.service === serviceId);
  const several = new Set(members.map((m) => m.group)).size > 1;
  const rows = useWorldSelector((w): Row[] => {
    if (members.length === 0) return [];
    const life = lifeAt(run.index, serviceId, w.t);
    return members.map((m) => {
      const g = w.topics[m.topic]?.groups[m.group];
      const parts = g?.assignment[m.id];
      const text = g === undefined || !(m.id in g.assignment) ? t('graph.memberJoining') : parts && parts.length > 0 ? formatPartitions(parts) : t('graph.memberIdle');
      const a = life === 'up' ? memberActivityAt(run.trace, scenario, m.id, w.t) : undefined;
      const failed = a ? a.failed.map((f) => t('graph.memberFailed', { partition: f.partition, offset: f.offset, attempt: f.attempt })) : [];
      const cutOff = w.cutLinks.some((l) => (l.a === m.topic && l.b === m.service) || (l.b === m.topic && l.a === m.service));
      // No partitions, yet working: an evicted member finishing what it had fetched (a zombie).
      const zombie = parts !== undefined && parts.length === 0 && a !== undefined && (a.handling !== undefined || a.failed.length > 0);
      return { id: m.id, group: m.group, text: zombie ? t('graph.memberEvicted') : text, life, cutOff, handling: a ? handlingText(a, t) : '', failed };
    });
  });
  if (rows.length === 0) return null;
  const compact = rows.length > LIST_MAX;
  return (
    <ul className={`lab-members${compact ? ' lab-members--compact' : ''}`} aria-label={t('graph.consumers')} data-testid={`members-${serviceId}`}>
      {rows.map((r) => (
        <li key={r.id} className={r.life !== 'up' ? 'is-dead' : ''} data-testid={`member-${r.id}`} data-life={r.life}>
          {r.life !== 'up' ? <span aria-hidden="true">✗ </span> : null}
          <span className="lab-members__id">{r.id}</span>
          {several && !compact ? <span className="lab-members__group"> ({r.group})</span> : null}
          {r.life !== 'up' ? <span className="lab-members__life"> ({t(`graph.life.${r.life}`)})</span> : null}
          {r.life === 'up' && r.cutOff ? <span className="lab-members__life is-cut"> ({t('graph.memberCutOff')})</span> : null}
          {': '}
          {r.text}
          {r.handling ? (
            <span className="lab-members__activity" data-testid={`member-${r.id}-handling`}>
              {' · '}
              {r.handling}
            </span>
          ) : null}
          {r.failed.map((f) => (
            <span key={f} className="lab-members__activity is-failed" data-testid={`member-${r.id}-failed`}>
              {' · '}
              {f}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
