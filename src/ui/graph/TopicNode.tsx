// A topic: an append-only log per partition, drawn as its newest offsets between the log start
// (retention deletes below it) and the log end (the next offset to be written). Under each
// partition, one thin bar per consumer group shows how far that group has committed (filled), the
// committed offset it reads next (the tick) and what it still owes (hollow, with the count). The
// list below gives each group's total lag, who owns which partition, a rebalance in progress and
// any invariant the group has broken so far.
import type { NodeProps } from '@xyflow/react';
import type { Translate } from '../../i18n/format';
import { useT } from '../../i18n/i18nStore';
import { lostOffsetsOf } from '../../state/invariantCache';
import { useSide } from '../../state/SideContext';
import { useWorldSelector } from '../../state/useWorldSelector';
import { consumerDirectory, formatPartitions, lifeAt, type Life } from '../../view/membersAt';
import type { TraceIndex } from '../../view/traceIndex';
import type { LostOffset } from '../../view/invariantTimeline';
import type { World } from '../../view/worldAt';
import type { Trace } from '../../engine/types';
import { GROUP_INVARIANTS, InvariantBadges } from '../InvariantBadges';
import type { TopicFlowNode } from './buildFlow';
import { FaultMenu } from './FaultMenu';
import { groupMarks } from './groupMarks';
import { HiddenHandles } from './HiddenHandles';
import { StatusBadge } from './StatusBadge';

/** Slots shown per partition: enough to see lag build up, few enough to fit a projector. */
const CELLS = 10;

interface Owner {
  member: string;
  parts: readonly number[];
  life: Life;
}

interface TopicModel {
  status: World['nodes'][string]['status'];
  partitions: { p: number; logStart: number; logEnd: number; cells: { offset: number; label: string; type: string; poison: boolean }[] }[];
  groups: {
    id: string;
    lag: number;
    rebalancing: boolean;
    committed: number[];
    owners: Owner[];
    /** `partition:offset` of records this group lost by t. */
    lost: string[];
  }[];
}

function lostBy(list: readonly LostOffset[] | undefined, t: number): string[] {
  const out: string[] = [];
  if (list) for (const l of list) if (l.t <= t) out.push(`${l.partition}:${l.offset}`);
  return out;
}

function selectTopic(
  w: World,
  id: string,
  trace: Trace,
  index: TraceIndex,
  hostOf: (member: string) => string | undefined,
  lost: Map<string, LostOffset[]>,
): TopicModel {
  const topic = w.topics[id];
  const status = w.nodes[id]?.status ?? 'up';
  if (!topic) return { status, partitions: [], groups: [] };
  return {
    status,
    partitions: topic.partitions.map((part) => ({
      p: part.partition,
      logStart: part.logStart,
      logEnd: part.logEnd,
      cells: part.recent
        .slice(-CELLS)
        .map((r) => ({ offset: r.offset, label: r.label, type: r.eventType, poison: trace.events?.[r.event]?.poison === true })),
    })),
    groups: Object.values(topic.groups).map((g) => ({
      id: g.group,
      lag: g.lag,
      rebalancing: g.rebalancing,
      committed: g.partitions.map((gp) => gp.committed),
      owners: g.members.map((m) => {
        const host = hostOf(m);
        return { member: m, parts: g.assignment[m] ?? [], life: host ? lifeAt(index, host, w.t) : 'up' };
      }),
      lost: lostBy(lost.get(g.group), w.t),
    })),
  };
}

/**
 * The offsets a partition row shows: the newest CELLS, right-aligned so the log visibly grows to
 * the right. When more are retained than fit, the first slot becomes "+N" for the older ones.
 */
function slotsOf(logStart: number, logEnd: number): { hidden: number; offsets: number[] } {
  const retained = logEnd - logStart;
  if (retained <= CELLS) return { hidden: 0, offsets: Array.from({ length: CELLS }, (_, i) => logEnd - CELLS + i) };
  const shown = CELLS - 1;
  return { hidden: retained - shown, offsets: Array.from({ length: shown }, (_, i) => logEnd - shown + i) };
}

function lifeText(life: Life, t: Translate): string {
  return life === 'up' ? '' : ` (${t(`graph.life.${life}`)})`;
}

function Owners({ owners }: { owners: Owner[] }) {
  const t = useT();
  if (owners.length === 0) return null;
  return (
    <span className="lab-owners">
      {owners.map((o, i) => (
        <span key={o.member} className={`lab-owner${o.life !== 'up' ? ' is-dead' : ''}`}>
          {i > 0 ? ' · ' : ''}
          {o.life !== 'up' ? <span aria-hidden="true">✗ </span> : null}
          {o.member}
          {lifeText(o.life, t)}: {o.parts.length > 0 ? formatPartitions(o.parts) : t('graph.memberIdle')}
        </span>
      ))}
    </span>
  );
}

export function TopicNode({ id, data }: NodeProps<TopicFlowNode>) {
  const { spec } = data;
  const { scenario, run } = useSide();
  const dir = consumerDirectory(scenario);
  const hostOf = (m: string) => dir.memberById.get(m)?.service;
  const lost = lostOffsetsOf(run.trace);
  const model = useWorldSelector((w) => selectTopic(w, id, run.trace, run.index, hostOf, lost));
  const marks = groupMarks(model.groups.map((g) => g.id));
  const deadLetter = dir.deadLetterTopics.has(id);
  const t = useT();
  const parts = t('graph.partitions', { count: spec.partitions });
  const retention = spec.retentionMs !== undefined ? t('graph.retention', { seconds: spec.retentionMs / 1000 }) : '';
  return (
    <div
      className={`lab-node lab-node--topic${deadLetter ? ' is-dead-letter' : ''} is-${model.status}`}
      data-testid={`node-${id}`}
      data-status={model.status}
    >
      <HiddenHandles />
      <StatusBadge status={model.status} />
      <div className="lab-node__head">
        <span className="lab-node__title">{spec.label}</span>
        <FaultMenu nodeId={id} label={spec.label} />
      </div>
      <div className="lab-node__kind">
        {deadLetter ? (
          <span className="lab-tag lab-tag--dlt" data-testid={`dlt-${id}`}>
            {t('graph.deadLetterTopic')}
          </span>
        ) : (
          t('graph.topic')
        )}{' '}
        · {parts}
        {retention}
      </div>
      <div className="lab-log__row lab-log__legend" aria-hidden="true">
        <span className="lab-log__name" />
        <span className="lab-log__start">{t('graph.logStart')}</span>
        <span className="lab-log__cells-head">{t('graph.logArrow')}</span>
        <span className="lab-log__end">{t('graph.logEnd')}</span>
      </div>
      {model.partitions.map((part) => {
        const { hidden, offsets } = slotsOf(part.logStart, part.logEnd);
        const firstShown = offsets[0];
        return (
          <div key={part.p} className="lab-log" data-testid={`partition-${id}-${part.p}`}>
            <div className="lab-log__row" title={t('graph.partitionTitle', { p: part.p, start: part.logStart, end: part.logEnd })}>
              <span className="lab-log__name">p{part.p}</span>
              <span className="lab-log__start" data-testid={`logstart-${id}-${part.p}`}>
                {part.logStart}
              </span>
              {hidden > 0 ? (
                <span className="lab-log__cell is-more" title={t('graph.olderRecords', { hidden, from: part.logStart, to: firstShown - 1 })}>
                  +{hidden > 999 ? `${Math.floor(hidden / 1000)}k` : hidden}
                </span>
              ) : null}
              {offsets.map((o) => {
                if (o < 0) return <span key={o} className="lab-log__cell is-empty" />;
                if (o < part.logStart) {
                  return <span key={o} className="lab-log__cell is-deleted" title={t('graph.offsetDeleted', { offset: o })} />;
                }
                const cell = part.cells.find((c) => c.offset === o);
                return (
                  <span
                    key={o}
                    className={`lab-log__cell${cell?.poison ? ' is-poison' : ''}`}
                    title={cell ? t(cell.poison ? 'graph.offsetPoison' : 'graph.offsetRecord', { offset: o, type: cell.type, label: cell.label }) : t('graph.offsetEmpty', { offset: o })}
                  >
                    {o}
                  </span>
                );
              })}
              <span className="lab-log__end" data-testid={`logend-${id}-${part.p}`}>
                {part.logEnd}
              </span>
            </div>
            {model.groups.map((g) => {
              const committed = g.committed[part.p] ?? part.logStart;
              const lag = part.logEnd - committed;
              const owner = g.owners.find((o) => o.parts.includes(part.p));
              return (
                <div
                  key={g.id}
                  className="lab-log__row lab-log__group"
                  title={t(owner ? 'graph.groupRowOwned' : 'graph.groupRowUnassigned', { group: g.id, p: part.p, committed, lag, member: owner?.member ?? '' })}
                  data-testid={`committed-${id}-${g.id}-${part.p}`}
                  data-value={committed}
                >
                  <span className="lab-log__name lab-log__mark-name">{marks.get(g.id)}</span>
                  <span className="lab-log__start" />
                  {hidden > 0 ? <span className={`lab-log__bar${committed >= firstShown ? ' is-read' : ' is-owed'}`} /> : null}
                  {offsets.map((o) => (
                    <span
                      key={o}
                      className={`lab-log__bar${g.lost.includes(`${part.p}:${o}`) ? ' is-lost' : o < Math.max(0, part.logStart) ? ' is-empty' : o < committed ? ' is-read' : ' is-owed'}${
                        o === committed ? ' is-next' : ''
                      }`}
                    />
                  ))}
                  <span className="lab-log__end lab-log__owed">{lag > 0 ? lag : ''}</span>
                </div>
              );
            })}
          </div>
        );
      })}
      {model.groups.length > 0 ? (
        <ul className="lab-lags">
          {model.groups.map((g) => (
            <li key={g.id} className={g.lag > 0 ? 'is-behind' : ''} data-testid={`group-${id}-${g.id}`}>
              <span className="lab-lags__line">
                <span className="lab-lags__mark">{marks.get(g.id)}</span> {g.id}: {t('graph.lag')} <strong data-testid={`lag-${id}-${g.id}`}>{g.lag}</strong>
                {g.rebalancing ? (
                  <span className="lab-tag lab-tag--rebalance" data-testid={`rebalancing-${id}-${g.id}`}>
                    <span aria-hidden="true">⟳</span> {t('graph.rebalancing')}
                  </span>
                ) : null}
                <InvariantBadges subject={g.id} kinds={GROUP_INVARIANTS} />
              </span>
              {/* One live member owning every partition is already said by its service node. */}
              {g.owners.length > 1 || g.owners.some((o) => o.life !== 'up') || g.owners.every((o) => o.parts.length < spec.partitions) ? (
                <Owners owners={g.owners} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="lab-node__role">{t('graph.noSubscribers')}</p>
      )}
    </div>
  );
}
