// A straight edge from border to border. HTTP calls, publishes and subscriptions differ by dash
// pattern and label as well as colour, so they read in greyscale too.
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { useT } from '../../i18n/i18nStore';
import { useSide } from '../../state/SideContext';
import { useWorldSelector } from '../../state/useWorldSelector';
import type { LabFlowEdge } from './buildFlow';
import { EdgeCutButton } from './EdgeCutButton';
import { CORRIDOR, segmentBetween, textBeside, upperNormal } from './geometry';
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
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  // Tokens travel in a corridor along the edge. The label sits on its upper side, the cut button
  // on the other (token labels too, see TokenLayer), each clear of it: a passing token never hides
  // the label, and a click on a token never lands on the button (an accidental cut).
  const n = upperNormal(a, b);
  const label = data?.label ? textBeside(mid, n, CORRIDOR + 2) : null;
  // Clear of the tokens' click circles too (13 px round a lane's centre: 19 px from the line); the
  // button's half extent along the normal is about 11 × 10 px, "⟲ restore" about 36 × 10 px.
  const reach = CORRIDOR + 8 + (cut ? 36 : 11) * Math.abs(n.x) + 10 * Math.abs(n.y);
  return (
    <g className={`lab-link lab-link--${kind}${cut ? ' is-cut' : ''}`} data-cut={cut || undefined}>
      <BaseEdge id={id} path={`M ${from.x} ${from.y} L ${to.x} ${to.y}`} markerEnd={markerEnd} interactionWidth={0} />
      {cut ? (
        <text className="lab-link__cut" x={mid.x} y={mid.y + 6} textAnchor="middle">
          {t('graph.cut')}
        </text>
      ) : null}
      {label && data ? (
        <text className="lab-link__label" x={label.x} y={label.y} textAnchor={label.anchor}>
          {data.msg ? t(data.msg.key, data.msg.params) : data.label}
        </text>
      ) : null}
      {link ? <EdgeCutButton link={link} x={mid.x - n.x * reach} y={mid.y - n.y * reach} /> : null}
    </g>
  );
}
