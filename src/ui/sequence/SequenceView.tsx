// The sequence view: a lifeline per node, an arrow per hop that set off in the last few seconds,
// time flowing down to "now" at the bottom. It scrolls with t, in step with the graph: a message
// still travelling is drawn up to where it is now. Arrows are buttons (one tab stop, ↑/↓ move,
// Enter selects) named in words; the selected message's arrows stand out, the rest fade.
import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import { selectMessage, selectNode } from '../../state/selectionCommands';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import type { RefKind } from '../../view/refKind';
import { arrowName, sequenceWindow, type SeqArrow } from '../../view/sequence';
import { secondsPrecise } from '../inspector/time';
import { useElementSize } from './useElementSize';
import './sequence.css';

const WINDOWS = [2000, 5000, 10_000, 30_000];
const GUTTER = 46;
const HEADER = 44;
const FOOTER = 18;
const MIN_PLOT_H = 160;
const MIN_LANE = 56;
/** Above this many arrows, only the selected message's arrows are labelled. */
const MAX_LABELLED = 120;
const LABEL_H = 12;
const CHAR_W = 6.2;

function tickStep(windowMs: number): number {
  return windowMs <= 5000 ? 1000 : windowMs <= 10_000 ? 2000 : 5000;
}

function truncate(s: string, px: number): string {
  const n = Math.max(3, Math.floor(px / CHAR_W));
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/**
 * Which arrows get a label: the selected message's first, then the newest, each only where its
 * text does not overlap one already placed (arrows sent together would print on top of each other).
 */
function labelSlots(
  arrows: readonly SeqArrow[],
  geometry: (a: SeqArrow) => { x1: number; x2: number; y: number },
  isSelected: (a: SeqArrow) => boolean,
  all: boolean,
): Set<number> {
  const placed: { l: number; r: number; y: number }[] = [];
  const out = new Set<number>();
  const order = [...arrows.filter(isSelected), ...(all ? [...arrows].reverse().filter((a) => !isSelected(a)) : [])];
  for (const a of order) {
    const g = geometry(a);
    const span = Math.abs(g.x2 - g.x1);
    if (span < 30) continue;
    const textW = Math.min(span - 8, a.label.length * CHAR_W);
    const mid = (g.x1 + g.x2) / 2;
    const box = { l: mid - textW / 2, r: mid + textW / 2, y: g.y };
    if (placed.some((p) => Math.abs(p.y - box.y) < LABEL_H && p.l < box.r + 4 && box.l < p.r + 4)) continue;
    placed.push(box);
    out.add(a.record);
  }
  return out;
}

function pickFrom(scenarioId: string, target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const arrow = target.closest('[data-ref-kind]');
  if (arrow) {
    selectMessage(scenarioId, arrow.getAttribute('data-ref-kind') as RefKind, Number(arrow.getAttribute('data-ref')), { toggle: true, reveal: false });
    return true;
  }
  const lane = target.closest('[data-node]');
  if (lane) {
    selectNode(scenarioId, lane.getAttribute('data-node')!, { reveal: false });
    return true;
  }
  return false;
}

export default function SequenceView() {
  const { run, scenario } = useSide();
  const t = useLabStore((s) => s.t);
  const windowMs = useLabStore((s) => s.sequenceWindowMs);
  const setWindow = useLabStore((s) => s.setSequenceWindowMs);
  const tr = useT();
  const selection = useLabStore((s) => s.selection);
  const sel = selection && selection.scenarioId === scenario.id && selection.kind !== 'node' ? selection : null;
  const selectedNode = selection && selection.scenarioId === scenario.id && selection.kind === 'node' ? selection.id : null;
  const [wrapRef, size] = useElementSize<HTMLDivElement>({ width: 560, height: 440 });
  const width = size.width;
  const plotH = Math.max(MIN_PLOT_H, size.height - HEADER - FOOTER - 2);

  const w = sequenceWindow(run.index, t, windowMs);
  const labelOf = useMemo(() => {
    const m = new Map(w.lanes.map((l) => [l.id, l.label]));
    return (id: string) => m.get(id) ?? id;
  }, [w.lanes]);

  const lanes = w.lanes;
  const laneW = Math.max(MIN_LANE, (width - GUTTER - 8) / Math.max(1, lanes.length));
  const svgW = Math.round(GUTTER + laneW * lanes.length + 8);
  const svgH = HEADER + plotH + FOOTER;
  const laneX = new Map(lanes.map((l, i) => [l.id, GUTTER + laneW * (i + 0.5)]));
  // Names alternate between two rows when a lane is too narrow for one, so each gets two lanes' width.
  const stagger = lanes.some((l) => laneW < l.label.length * CHAR_W + 8);
  const y = (ms: number) => HEADER + ((ms - w.from) / windowMs) * plotH;
  const isSel = (a: SeqArrow) => sel !== null && a.ref === sel.id && a.refKind === sel.kind;
  const labelled = labelSlots(w.arrows, (a) => ({ x1: laneX.get(a.from) ?? GUTTER, x2: laneX.get(a.to) ?? GUTTER, y: y(a.t) }), isSel, w.arrows.length <= MAX_LABELLED);
  const roving = (w.arrows.find(isSel) ?? w.arrows[w.arrows.length - 1])?.record;
  const inFlight = w.arrows.filter((a) => a.inFlight && !a.lost).length;
  const uid = `seq-${scenario.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const ticks: number[] = [];
  const step = tickStep(windowMs);
  for (let s = Math.ceil(w.from / step) * step; s <= t; s += step) if (s >= 0) ticks.push(s);

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      if (pickFrom(scenario.id, e.target)) e.preventDefault();
      return;
    }
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    const delta = moves[e.key];
    if (delta === undefined || !(e.target instanceof Element)) return;
    const all = [...e.currentTarget.querySelectorAll<SVGGElement>('[data-ref-kind]')];
    if (all.length === 0) return;
    e.preventDefault();
    const i = all.indexOf(e.target.closest('[data-ref-kind]') as SVGGElement);
    const j = delta === -Infinity ? 0 : delta === Infinity ? all.length - 1 : Math.min(all.length - 1, Math.max(0, (i < 0 ? all.length : i) + delta));
    all[j].focus();
  };

  return (
    <div className="lab-seq" data-testid={`sequence-${scenario.id}`}>
      <div className="lab-seq__bar">
        <label className="lab-field">
          <span className="lab-field__label">{tr('sequence.window')}</span>
          <select value={String(windowMs)} onChange={(e) => setWindow(Number(e.target.value))}>
            {WINDOWS.map((ms) => (
              <option key={ms} value={String(ms)}>
                {tr('sequence.last', { seconds: ms / 1000 })}
              </option>
            ))}
          </select>
        </label>
        <p className="lab-seq__summary" id={`${uid}-summary`}>
          {w.from < 0
            ? tr('sequence.sentSoFar', { count: w.arrows.length, to: secondsPrecise(t) })
            : tr('sequence.sentFrom', { count: w.arrows.length, from: secondsPrecise(Math.max(0, w.from)), to: secondsPrecise(t) })}
          {inFlight > 0 ? tr('sequence.inFlight', { count: inFlight }) : ''}
          {w.omitted > 0 ? tr('sequence.omitted', { count: w.omitted }) : ''}
        </p>
      </div>
      <div className="lab-seq__scroll" ref={wrapRef}>
        <svg
          className={`lab-seq__svg${sel ? ' has-selection' : ''}`}
          width={svgW}
          height={svgH}
          viewBox={`0 0 ${svgW} ${svgH}`}
          role="group"
          aria-label={tr('sequence.label', { from: secondsPrecise(Math.max(0, w.from)), to: secondsPrecise(t) })}
          aria-describedby={`${uid}-summary`}
          onClick={(e: MouseEvent<SVGSVGElement>) => pickFrom(scenario.id, e.target)}
          onKeyDown={onKeyDown}
        >
          <defs>
            {(['command', 'reply', 'event', 'ack', 'failure'] as const).map((k) => (
              <marker key={k} id={`${uid}-head-${k}`} className={`lab-seq__head lab-seq__head--${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
                {k === 'failure' ? <path d="M1 1 L9 9 M9 1 L1 9" /> : <path d="M0 0 L10 5 L0 10 Z" />}
              </marker>
            ))}
          </defs>
          {ticks.map((s) => (
            <g key={s} className="lab-seq__tick" aria-hidden="true">
              <line x1={GUTTER - 6} x2={svgW - 4} y1={y(s)} y2={y(s)} />
              <text x={GUTTER - 8} y={y(s) + 4} textAnchor="end">
                {tr('sequence.seconds', { seconds: s / 1000 })}
              </text>
            </g>
          ))}
          {lanes.map((l, i) => {
            const x = laneX.get(l.id)!;
            const row = stagger && i % 2 === 0 ? 1 : 0;
            return (
              <g key={l.id} className={`lab-seq__lane${selectedNode === l.id ? ' is-selected' : ''}`} data-node={l.id} aria-hidden="true">
                <line x1={x} x2={x} y1={HEADER - 6 - row * 13} y2={HEADER + plotH} />
                <text x={x} y={HEADER - 10 - row * 13} textAnchor="middle">
                  <title>{l.label}</title>
                  {truncate(l.label, (stagger ? 2 * laneW : laneW) - 8)}
                </text>
              </g>
            );
          })}
          <g className="lab-seq__now" aria-hidden="true">
            <line x1={GUTTER - 6} x2={svgW - 4} y1={HEADER + plotH} y2={HEADER + plotH} />
            <text x={svgW - 6} y={HEADER + plotH + 13} textAnchor="end">
              {tr('sequence.now', { time: secondsPrecise(t) })}
            </text>
          </g>
          {w.arrows.map((a) => {
            const x1 = laneX.get(a.from) ?? GUTTER;
            const x2full = laneX.get(a.to) ?? GUTTER;
            const y1 = y(a.t);
            const endT = Math.min(a.arriveAt, t);
            const frac = a.arriveAt > a.t ? (endT - a.t) / (a.arriveAt - a.t) : 1;
            // A lost message stops halfway, where the cut link dropped it.
            const f = a.lost ? Math.min(frac, 0.5) : frac;
            const x2 = x1 + (x2full - x1) * f;
            const y2 = y(a.t + (a.arriveAt - a.t) * f);
            const selected = isSel(a);
            const refused = a.kind === 'reply' && a.status !== undefined && a.status >= 400;
            const head = a.lost ? 'failure' : a.kind;
            const showHead = a.lost ? frac >= 0.5 : !a.inFlight || a.kind === 'failure';
            const mid = (x1 + x2full) / 2;
            return (
              <g
                key={a.record}
                className={`lab-seq__arrow lab-seq__arrow--${a.kind}${refused ? ' is-refused' : ''}${a.lost ? ' is-lost' : ''}${a.inFlight ? ' is-inflight' : ''}${selected ? ' is-selected' : ''}`}
                data-ref={a.ref}
                data-ref-kind={a.refKind}
                data-record={a.record}
                role="button"
                tabIndex={a.record === roving ? 0 : -1}
                aria-pressed={selected}
                aria-label={arrowName(a, labelOf, tr)}
              >
                <line className="lab-seq__hit" x1={x1} y1={y1} x2={x2 === x1 ? x1 + 0.01 : x2} y2={y2} />
                <line className="lab-seq__line" x1={x1} y1={y1} x2={x2} y2={y2} markerEnd={showHead ? `url(#${uid}-head-${head})` : undefined} />
                {labelled.has(a.record) ? (
                  <text className="lab-seq__label" x={mid} y={y1 - 4} textAnchor="middle">
                    {truncate(a.label, Math.abs(x2full - x1) - 8)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <p className="lab-muted lab-seq__help">
        {tr('sequence.help')}
      </p>
    </div>
  );
}
