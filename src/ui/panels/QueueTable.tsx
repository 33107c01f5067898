// Point-to-point queues of a run at t: what waits, what a worker holds, and what became of it.
import { useT } from '../../i18n/i18nStore';
import { useWorldSelector } from '../../state/useWorldSelector';

export function QueueTable({ side }: { side: string }) {
  const rows = useWorldSelector((w) =>
    Object.values(w.queues ?? {}).map((q) => ({
      id: q.id,
      label: q.label,
      depth: q.depth,
      unacked: q.unacked,
      acked: q.acked,
      redelivered: q.redelivered,
      deadLettered: q.deadLettered,
      dropped: q.dropped,
      handledTwice: q.handledTwice,
    })),
  );
  const t = useT();
  if (rows.length === 0) return null;
  // Columns for what should not happen appear once it has.
  const dropped = rows.some((q) => q.dropped > 0);
  const twice = rows.some((q) => q.handledTwice > 0);
  const id = (q: string, name: string) => `metric-${side}-queue-${q}-${name}`;
  return (
    <div className="lab-metrics__scroll">
      <table className="lab-metrics__groups lab-metrics__groups--dense">
        <caption>{t('metrics.queues')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metrics.queue')}</th>
            <th scope="col">{t('metrics.waitingCol')}</th>
            <th scope="col">{t('metrics.unacked')}</th>
            <th scope="col">{t('metrics.acked')}</th>
            <th scope="col">{t('metrics.redelivered')}</th>
            <th scope="col">{t('metrics.deadLetteredCol')}</th>
            {dropped ? <th scope="col">{t('metrics.droppedCol')}</th> : null}
            {twice ? <th scope="col">{t('metrics.handledTwiceCol')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((q) => (
            <tr key={q.id}>
              <th scope="row">{q.label}</th>
              <td data-testid={id(q.id, 'depth')} data-value={q.depth}>
                {q.depth}
              </td>
              <td data-testid={id(q.id, 'unacked')} data-value={q.unacked}>
                {q.unacked}
              </td>
              <td data-testid={id(q.id, 'acked')} data-value={q.acked}>
                {q.acked}
              </td>
              <td data-testid={id(q.id, 'redelivered')} data-value={q.redelivered}>
                {q.redelivered}
              </td>
              <td data-testid={id(q.id, 'deadLettered')} data-value={q.deadLettered}>
                {q.deadLettered}
              </td>
              {dropped ? (
                <td data-testid={id(q.id, 'dropped')} data-value={q.dropped} className={q.dropped > 0 ? 'is-bad' : undefined}>
                  {q.dropped}
                </td>
              ) : null}
              {twice ? (
                <td data-testid={id(q.id, 'handledTwice')} data-value={q.handledTwice} className={q.handledTwice > 0 ? 'is-bad' : undefined}>
                  {q.handledTwice}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
