// A straight edge from border to border. HTTP calls, publishes and subscriptions differ by dash
// pattern and label as well as colour, so they read in greyscale too.
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { useT } from '../../i18n/i18nStore';
import { useSide } from '../../state/SideContext';
import { useWorldSelector } from '../../state/useWorldSelector';
import type { LabFlowEdge } from './buildFlow';
import { EdgeCutButton } from './EdgeCutButton';
import { segmentBetween } from './geometry';
import { netLinks } from './links';
import { useNodeRect } from './useNodeRect';

export function LinkEdge({ id, source, target, data, markerEnd }: EdgeProps<LabFlowEdge>) {
  const { scenario } = useSide();
  const t = useT();
  // One cut button per pair of nodes, on the first edge drawn between them.
  const link = netLinks(scenario).find((l) => l.edgeId === id);
  const a = useNodeRect(source);
  const b = useNodeRect(target);
  // A cut applies to both directions between the two nodes.
  const cut = useWorldSelector((w) =>
    (w.cutLinks ?? []).some((c) => (c.a === source && c.b === target) || (c.a === target && c.b === source)),
  );
  if (!a || !b) return null;
  const { from, to } = segmentBetween(a, b);
  const kind = data?.kind ?? 'http';
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  // Beside the label, not on it: a short edge must still show both.
  const hasLabel = Boolean(data?.label);
  return (
    <g className={`lab-link lab-link--${kind}${cut ? ' is-cut' : ''}`} data-cut={cut || undefined}>
      <BaseEdge id={id} path={`M ${from.x} ${from.y} L ${to.x} ${to.y}`} markerEnd={markerEnd} interactionWidth={0} />
      {cut ? (
        <text className="lab-link__cut" x={mx} y={my + 6} textAnchor="middle">
          {t('graph.cut')}
        </text>
      ) : null}
      {data?.label ? (
        <text className="lab-link__label" x={mx} y={my - 6} textAnchor="middle">
          {data.msg ? t(data.msg.key, data.msg.params) : data.label}
        </text>
      ) : null}
      {link ? <EdgeCutButton link={link} x={mx} y={cut ? my + 22 : hasLabel ? my + 10 : my} /> : null}
    </g>
  );
}
