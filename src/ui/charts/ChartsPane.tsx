// Charts over the whole run: consumer lag per group, command latency p50/p99 and success rate
// (over a sliding window), queue depth. The lines are computed once per run; only the cursor and
// the "now" values follow t. Clicking a chart moves the clock there.
import { useMemo, useRef } from 'react';
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import { withNodes } from '../../i18n/withNodes';
import { plainEqual } from '../../state/plainEqual';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { chartValuesAt, type ChartId } from '../../view/chartSeries';
import { chartSetOf } from './chartCache';
import { LineChart } from './LineChart';
import './charts.css';

type Now = Record<ChartId, Record<string, number | null>>;

function NowSeconds() {
  const t = useLabStore((s) => s.t);
  return <>{(t / 1000).toFixed(1)} s</>;
}

export default function ChartsPane() {
  const { run, scenario } = useSide();
  const set = useMemo(() => chartSetOf(run.index), [run]);
  const prev = useRef<Now | null>(null);
  const t = useT();
  const now = useLabStore((s) => {
    const next = chartValuesAt(run.index, s.t, set.windowMs);
    if (prev.current && plainEqual(prev.current, next)) return prev.current;
    prev.current = next;
    return next;
  });
  return (
    <div className="lab-charts" data-testid={`charts-${scenario.id}`}>
      {set.charts.length === 0 ? <p className="lab-muted">{t('charts.nothing')}</p> : null}
      <p className="lab-muted lab-charts__note">{withNodes(t('charts.note'), { time: <NowSeconds /> })}</p>
      {set.charts.map((c) => (
        <LineChart key={c.id} chart={c} set={set} now={now[c.id]} />
      ))}
    </div>
  );
}
