// One run's metrics so far: how the commands are doing for the client, and how each consumer group
// keeps up. Every value has a stable data-testid (metric-<scenario>-…) and a raw data-value.
import { useMemo, useRef } from 'react';
import { useT } from '../../i18n/i18nStore';
import { plainEqual } from '../../state/plainEqual';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { metricsAt } from '../../view/metricsAt';
import { GROUP_INVARIANTS, InvariantBadges } from '../InvariantBadges';
import { scenarioTexts, useLang } from '../narrative/localize';
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
  const t = useT();
  const title = scenarioTexts(scenario, useLang()).title;
  return (
    <section className="lab-metrics" aria-label={t('metrics.label', { title })} data-testid={`metrics-${scenario.id}`}>
      <h3 className="lab-metrics__title">{t('metrics.title')}</h3>
      {c ? (
        <>
          <dl className="lab-metrics__kpis">
            <div className={`lab-kpi${c.successRate !== undefined && c.successRate < 0.95 ? ' is-bad' : ''}`}>
              <dt>{t('metrics.successRate', { service: c.serviceLabel })}</dt>
              <dd data-testid={id(`${c.service}-successRate`)} data-value={c.successRate ?? ''}>
                {formatPercent(c.successRate)}
              </dd>
            </div>
            <div className="lab-kpi">
              <dt>{t('metrics.p50', { service: c.serviceLabel })}</dt>
              <dd data-testid={id(`${c.service}-p50`)} data-value={c.p50 ?? ''}>
                {formatMs(c.p50)}
              </dd>
            </div>
            <div className="lab-kpi">
              <dt>{t('metrics.p99', { service: c.serviceLabel })}</dt>
              <dd data-testid={id(`${c.service}-p99`)} data-value={c.p99 ?? ''}>
                {formatMs(c.p99)}
              </dd>
            </div>
          </dl>
          <p className="lab-metrics__counts" data-testid={id(`${c.service}-counts`)}>
            {t('metrics.commands', { count: c.submitted, command: c.command })} <span className="is-ok">{t('metrics.ok', { count: c.succeeded })}</span> ·{' '}
            <span className="is-rejected">{t('metrics.rejected', { count: c.rejected })}</span> ·{' '}
            <span className="is-failed">{t('metrics.failed', { count: c.failed })}</span>
            {c.pending > 0 ? t('metrics.waiting', { count: c.pending }) : ''}
          </p>
          {c.committedButFailed > 0 ? (
            <p className="lab-metrics__counts is-failed" data-testid={id(`${c.service}-committedButFailed`)} data-value={c.committedButFailed}>
              ⚠ {t('metrics.committedButFailed', { count: c.committedButFailed })}
            </p>
          ) : null}
        </>
      ) : m.published > 0 || m.groups.length > 0 ? (
        <p className="lab-metrics__counts">
          {t('metrics.published')} <strong data-testid={id('events-published')}>{m.published}</strong>
        </p>
      ) : null}
      <QueueTable side={scenario.id} />
      {m.groups.length > 0 ? (
        <table className="lab-metrics__groups">
          <caption>{t('metrics.groups')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('metrics.group')}</th>
              <th scope="col">{t('metrics.processed')}</th>
              <th scope="col">{t('metrics.lag')}</th>
              <th scope="col">{t('metrics.maxLag')}</th>
              <th scope="col">{t('metrics.lost')}</th>
              {extra.duplicates ? <th scope="col">{t('metrics.duplicates')}</th> : null}
              {extra.deadLettered ? <th scope="col">{t('metrics.deadLettered')}</th> : null}
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
          {t('metrics.noGroups', { service: c.serviceLabel })}
        </p>
      ) : null}
    </section>
  );
}
