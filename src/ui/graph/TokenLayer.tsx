// Messages in flight, drawn in ONE svg inside React Flow's viewport (so pan/zoom apply for free).
// This is the only component that re-renders on every frame; nodes and edges do not.
// Positions are a pure function of (trace, t): progress along the edge between node borders.
import { useStore, useStoreApi, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { worldAtCached } from '../../state/worldCache';
import { useReducedMotion } from '../useReducedMotion';
import { CORRIDOR, pointAt, segmentBetween, textBeside, upperNormal, type Rect } from './geometry';
import { TokenShape } from './TokenShape';
import { useTokenPicking } from '../inspector/useTokenPicking';

/** Token labels are drawn only when few are in flight: 300 labels are noise, not information. */
const MAX_LABELLED = 24;
/** Requests and replies on the same pair of nodes travel this far either side of the edge. */
const LANE_PX = 6;

// A string of every node box: changes only when a node moves or is measured, so this
// subscription (unlike the clock's) almost never fires.
const rectSignature = (s: ReactFlowState): string => {
  let sig = '';
  for (const [id, n] of s.nodeLookup) {
    sig += `${id}:${n.internals.positionAbsolute.x},${n.internals.positionAbsolute.y},${n.measured.width ?? 0},${n.measured.height ?? 0};`;
  }
  return sig;
};

function rectsOf(s: ReactFlowState): Map<string, Rect> {
  const rects = new Map<string, Rect>();
  for (const [id, n] of s.nodeLookup) {
    if (!n.measured.width || !n.measured.height) continue;
    rects.set(id, { ...n.internals.positionAbsolute, width: n.measured.width, height: n.measured.height });
  }
  return rects;
}

export function TokenLayer() {
  const { run } = useSide();
  const t = useLabStore((s) => s.t);
  const reduced = useReducedMotion();
  useStore(rectSignature); // re-render when boxes change; the values are read below
  const flow = useStoreApi();
  const rects = rectsOf(flow.getState());
  const tokens = worldAtCached(run.index, t).tokens;
  const labelled = tokens.length <= MAX_LABELLED;
  const picking = useTokenPicking(run, tokens);

  return (
    <ViewportPortal>
      <svg className="lab-tokens" data-testid="token-layer" data-count={tokens.length} {...picking.svgProps}>
        {tokens.map((tok) => {
          const a = rects.get(tok.from);
          const b = rects.get(tok.to);
          if (!a || !b) return null;
          // Reduced motion: no gliding; the token sits at whichever end it is nearer to.
          const progress = reduced ? (tok.progress < 0.5 ? 0 : 1) : tok.progress;
          const p = pointAt(segmentBetween(a, b, LANE_PX), progress);
          const showLabel = labelled || picking.isSelected(tok);
          // Under the edge, clear of its corridor: the edge's own label is on the upper side.
          let spot = null;
          if (showLabel) {
            const n = upperNormal(a, b);
            spot = textBeside(pointAt(segmentBetween(a, b), progress), { x: -n.x, y: -n.y }, CORRIDOR + 2, 40);
          }
          return (
            <g
              key={tok.key}
              className={`lab-token lab-token--${tok.kind}${picking.isSelected(tok) ? ' is-selected' : ''}`}
              transform={`translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`}
              data-kind={tok.kind}
              {...picking.tokenProps(tok)}
            >
              <circle className="lab-token__hit" r={13} />
              <TokenShape kind={tok.kind} status={tok.status} />
              {spot ? (
                <text className="lab-token__label" x={(spot.x - p.x).toFixed(1)} y={(spot.y - p.y).toFixed(1)} textAnchor={spot.anchor}>
                  {tok.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </ViewportPortal>
  );
}
