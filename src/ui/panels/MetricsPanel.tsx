// One run's metrics so far: how the commands are doing for the client, and how each consumer group
// keeps up. Every value has a stable data-testid (metric-<scenario>-…) and a raw data-value.
import { useMemo, useRef } from 'react';
import { plainEqual } from '../../state/plainEqual';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { metricsAt } from '../../view/metricsAt';
import { GROUP_INVARIANTS, InvariantBadges } from '../InvariantBadges';
import { formatMs, formatPercent } from './format';
import { QueueTable } from './QueueTable';
import { selectPanel, type PanelModel } from './selectMetrics';
import './metrics.css';

function usePanelModel(): PanelModel {
  const { run, scenario } = useSide();
  const prev = useRef<PanelModel | null>(null);
  return useLabStore((s) => {
    const next = selectPanel(metricsAt(run.index, s.t), scenario);
    if (prev.current && plainEqual(prev.current, next)) return prev.current;
    prev.current = next;
    return next;
  });
}

export function MetricsPanel() {
  const { scenario, run } = useSide();
  const m = usePanelModel();
  // Optional columns are chosen from the whole run, so they do not pop in halfway through.
  const extra = useMemo(() => {
    const end = Object.values(metricsAt(run.index, run.endMs).groups);
    return { duplicates: end.some((g) => g.duplicates > 0), deadLettered: end.some((g) => g.deadLettered > 0) };
  }, [run]);
  const id = (name: string) => `metric-${scenario.id}-${name}`;
  const c = m.commands;
  return (
    <section className="lab-metrics" aria-label={`Metrics: ${scenario.title}`} data-testid={`metrics-${scenario.id}`}>
      <h3 className="lab-metrics__title">Metrics so far</h3>
      {c ? (
        <>
          <dl className="lab-metrics__kpis">
            <div className={`lab-kpi${c.successRate < 0.95 ? ' is-bad' : ''}`}>
              <dt>{c.serviceLabel} success rate</dt>
              <dd data-testid={id(`${c.service}-successRate`)} data-value={c.successRate}>
                {formatPercent(c.successRate)}
              </dd>
            </div>
            <div className="lab-kpi">
              <dt>{c.serviceLabel} latency p50</dt>
              <dd data-testid={id(`${c.service}-p50`)} data-value={c.p50 ?? ''}>
                {formatMs(c.p50)}
              </dd>
            </div>
            <div className="lab-kpi">
              <dt>{c.serviceLabel} latency p99</dt>
              <dd data-testid={id(`${c.service}-p99`)} data-value={c.p99 ?? ''}>
                {formatMs(c.p99)}
              </dd>
            </div>
          </dl>
          <p className="lab-metrics__counts" data-testid={id(`${c.service}-counts`)}>
            {c.submitted} {c.command} commands: <span className="is-ok">✓ {c.succeeded} ok</span> ·{' '}
            <span className="is-rejected">✎ {c.rejected} rejected (invalid)</span> ·{' '}
            <span className="is-failed">✗ {c.failed} failed</span>
            {c.pending > 0 ? ` · … ${c.pending} waiting` : ''}
          </p>
        </>
      ) : m.published > 0 || m.groups.length > 0 ? (
        <p className="lab-metrics__counts">
          Events published: <strong data-testid={id('events-published')}>{m.published}</strong>
        </p>
      ) : null}
      <QueueTable side={scenario.id} />
      {m.groups.length > 0 ? (
        <table className="lab-metrics__groups">
          <caption>Consumer groups</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Processed</th>
              <th scope="col">Lag</th>
              <th scope="col">Max lag</th>
              <th scope="col">Lost</th>
              {extra.duplicates ? <th scope="col">Duplicates</th> : null}
              {extra.deadLettered ? <th scope="col">Dead-lettered</th> : null}
            </tr>
          </thead>
          <tbody>
            {m.groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  {g.id}
                  <InvariantBadges subject={g.id} kinds={GROUP_INVARIANTS} />
                </th>
                <td data-testid={id(`group-${g.id}-processed`)} data-value={g.processed}>
                  {g.processed}
                </td>
                <td data-testid={id(`group-${g.id}-lag`)} data-value={g.lag} className={g.lag > 0 ? 'is-behind' : ''}>
                  {g.lag}
                </td>
                <td data-testid={id(`group-${g.id}-maxLag`)} data-value={g.maxLag}>
                  {g.maxLag}
                </td>
                <td data-testid={id(`group-${g.id}-lost`)} data-value={g.lost} className={g.lost > 0 ? 'is-bad' : ''}>
                  {g.lost}
                </td>
                {extra.duplicates ? (
                  <td data-testid={id(`group-${g.id}-duplicates`)} data-value={g.duplicates} className={g.duplicates > 0 ? 'is-bad' : ''}>
                    {g.duplicates}
                  </td>
                ) : null}
                {extra.deadLettered ? (
                  <td data-testid={id(`group-${g.id}-deadLettered`)} data-value={g.deadLettered}>
                    {g.deadLettered}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : c?.callsOthers ? (
        <p className="lab-metrics__note">
          No consumer groups: {c.serviceLabel} calls the other services directly and waits for each answer.
        </p>
      ) : null}
    </section>
  );
}
