// A small SVG line chart over the whole run, with a vertical cursor at t. The plot stretches to
// its box (non-scaling strokes keep lines crisp); text is HTML around it so it never distorts.
// Accessible as an image with a summary, plus a data table one click away.
import { memo, useMemo, type MouseEvent } from 'react';
import type { Translate } from '../../i18n/format';
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import { seek } from '../../state/commands';
import { useLabStore } from '../../state/store';
import type { Chart, ChartLine, ChartSet } from '../../view/chartSeries';

const W = 1000;
const H = 100;
/** Lines differ by dash as well as colour. */
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4'];

export function formatValue(chart: Chart, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (chart.unit === 'ratio') return `${(v * 100).toFixed(0)}%`;
  if (chart.unit === 'ms') return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
  return String(Math.round(v * 10) / 10);
}

function pathOf(values: (number | null)[], t: number[], endMs: number, top: number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = endMs > 0 ? (t[i] / endMs) * W : 0;
    const y = H - (top > 0 ? (v / top) * H : 0);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  });
  return d;
}

function lineLabel(l: ChartLine, t: Translate): string {
  return l.msg ? t(l.msg.key, l.msg.params) : l.label;
}

function summary(chart: Chart, set: ChartSet, t: Translate): string {
  const parts = chart.lines.map((l) => {
    const label = lineLabel(l, t);
    let best = -1;
    l.values.forEach((v, i) => {
      if (v !== null && (best < 0 || v > (l.values[best] ?? -Infinity))) best = i;
    });
    if (best < 0) return t('charts.noData', { label });
    const low = Math.min(...l.values.filter((v): v is number => v !== null));
    return t('charts.peak', { label, value: formatValue(chart, l.values[best]), time: (set.t[best] / 1000).toFixed(1), low: formatValue(chart, low) });
  });
  return t('charts.summary', { title: t(chart.titleMsg.key, chart.titleMsg.params), parts: parts.join('; ') });
}

function Cursor({ endMs }: { endMs: number }) {
  const t = useLabStore((s) => s.t);
  const x = endMs > 0 ? Math.min(1, t / endMs) * W : 0;
  return <line className="lab-chart__cursor" x1={x} x2={x} y1={0} y2={H} vectorEffect="non-scaling-stroke" />;
}

export const LineChart = memo(function LineChart({ chart, set, now }: { chart: Chart; set: ChartSet; now: Record<string, number | null> | undefined }) {
  const top = chart.unit === 'ratio' ? 1 : Math.max(1, chart.max) * 1.08;
  const paths = useMemo(() => chart.lines.map((l) => pathOf(l.values, set.t, set.endMs, top)), [chart, set, top]);
  const t = useT();
  const label = useMemo(() => summary(chart, set, t), [chart, set, t]);
  const title = t(chart.titleMsg.key, chart.titleMsg.params);
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width > 0) seek(((e.clientX - r.left) / r.width) * set.endMs);
  };
  const tableRows = set.t.map((_, i) => i).filter((i) => i % 10 === 0 || i === set.t.length - 1);
  return (
    <figure className="lab-chart" data-chart={chart.id}>
      <figcaption className="lab-chart__title">{title}</figcaption>
      <ul className="lab-chart__legend">
        {chart.lines.map((l, i) => (
          <li key={l.id} className={`lab-chart__key lab-chart__key--${i % 5}`}>
            <svg width="22" height="8" aria-hidden="true">
              <line x1="1" x2="21" y1="4" y2="4" strokeDasharray={DASHES[i % DASHES.length]} />
            </svg>
            {lineLabel(l, t)} <strong className="lab-chart__now">{formatValue(chart, now?.[l.id])}</strong>
          </li>
        ))}
      </ul>
      <div className="lab-chart__plot">
        <span className="lab-chart__axis lab-chart__axis--top" aria-hidden="true">
          {formatValue(chart, top)}
        </span>
        <span className="lab-chart__axis lab-chart__axis--bottom" aria-hidden="true">
          0
        </span>
        <svg className="lab-chart__svg" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} onClick={onClick}>
          <line className="lab-chart__base" x1={0} x2={W} y1={H} y2={H} vectorEffect="non-scaling-stroke" />
          {chart.lines.map((l, i) => (
            <path
              key={l.id}
              className={`lab-chart__line lab-chart__line--${i % 5}`}
              d={paths[i]}
              strokeDasharray={DASHES[i % DASHES.length]}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          <Cursor endMs={set.endMs} />
        </svg>
      </div>
      <details className="lab-chart__data">
        <summary>{t('charts.dataTable')}</summary>
        <table className="lab-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.time')}</th>
              {chart.lines.map((l) => (
                <th key={l.id} scope="col">
                  {lineLabel(l, t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tableRows.map((i) => (
              <tr key={i}>
                <th scope="row">{(set.t[i] / 1000).toFixed(1)} s</th>
                {chart.lines.map((l) => (
                  <td key={l.id}>{formatValue(chart, l.values[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
});
