// A topic: an append-only log per partition, drawn as its newest offsets. Under each partition, one
// thin bar per consumer group shows how far that group has read (filled) and what it still owes
// (hollow); the list below gives each group's total lag as a number.
import type { NodeProps } from '@xyflow/react';
import { useWorldSelector } from '../../state/useWorldSelector';
import type { World } from '../../view/worldAt';
import type { TopicFlowNode } from './buildFlow';
import { groupMarks } from './groupMarks';
import { HiddenHandles } from './HiddenHandles';

/** Cells shown per partition: enough to see lag build up, few enough to fit a projector. */
const CELLS = 10;

interface TopicModel {
  partitions: { p: number; logStart: number; logEnd: number; cells: { offset: number; key: string; type: string }[] }[];
  groups: { id: string; lag: number; rebalancing: boolean; committed: number[] }[];
}

function selectTopic(w: World, id: string): TopicModel {
  const topic = w.topics[id];
  if (!topic) return { partitions: [], groups: [] };
  return {
    partitions: topic.partitions.map((part) => ({
      p: part.partition,
      logStart: part.logStart,
      logEnd: part.logEnd,
      cells: part.recent.slice(-CELLS).map((r) => ({ offset: r.offset, key: r.key, type: r.eventType })),
    })),
    groups: Object.values(topic.groups).map((g) => ({
      id: g.group,
      lag: g.lag,
      rebalancing: g.rebalancing,
      committed: g.partitions.map((gp) => gp.committed),
    })),
  };
}

export function TopicNode({ id, data }: NodeProps<TopicFlowNode>) {
  const { spec } = data;
  const model = useWorldSelector((w) => selectTopic(w, id));
  const marks = groupMarks(model.groups.map((g) => g.id));
  return (
    <div className="lab-node lab-node--topic" data-testid={`node-${id}`}>
      <HiddenHandles />
      <div className="lab-node__head">
        <span className="lab-node__title">{spec.label}</span>
        <span className="lab-node__kind">
          topic · {spec.partitions} partition{spec.partitions === 1 ? '' : 's'}
        </span>
      </div>
      {model.partitions.map((part) => {
        // The newest CELLS offsets, right-aligned so the log visibly grows to the right.
        const slots = Array.from({ length: CELLS }, (_, i) => part.logEnd - CELLS + i);
        return (
          <div key={part.p} className="lab-log">
            <div className="lab-log__row">
              <span className="lab-log__name" title={`partition ${part.p}`}>
                p{part.p}
              </span>
              {slots.map((o) => {
                const cell = o >= part.logStart && o >= 0 ? part.cells.find((c) => c.offset === o) : undefined;
                return (
                  <span key={o} className={`lab-log__cell${cell ? '' : ' is-empty'}`} title={cell ? `offset ${o}: ${cell.type} ${cell.key}` : undefined}>
                    {cell ? o : ''}
                  </span>
                );
              })}
              <span className="lab-log__end" title="next offset to be written">
                {part.logEnd}
              </span>
            </div>
            {model.groups.map((g) => {
              const committed = g.committed[part.p] ?? part.logStart;
              return (
                <div key={g.id} className="lab-log__row lab-log__group" title={`${g.id} next reads offset ${committed}`}>
                  <span className="lab-log__name lab-log__mark-name">{marks.get(g.id)}</span>
                  {slots.map((o) => (
                    <span
                      key={o}
                      className={`lab-log__bar${o < Math.max(0, part.logStart) ? ' is-empty' : o < committed ? ' is-read' : ' is-owed'}`}
                    />
                  ))}
                  <span className="lab-log__end lab-log__owed">{part.logEnd - committed > 0 ? part.logEnd - committed : ''}</span>
                </div>
              );
            })}
          </div>
        );
      })}
      {model.groups.length > 0 ? (
        <ul className="lab-lags">
          {model.groups.map((g) => (
            <li key={g.id} className={g.lag > 0 ? 'is-behind' : ''}>
              <span className="lab-lags__mark">{marks.get(g.id)}</span> {g.id}: lag{' '}
              <strong data-testid={`lag-${id}-${g.id}`}>{g.lag}</strong>
              {g.rebalancing ? <em> · rebalancing</em> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="lab-node__role">no subscribers</p>
      )}
    </div>
  );
}
