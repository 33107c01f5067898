// The inspector: everything the trace knows about the selected message or node, as of the moment
// on screen (nothing from the future: stepping forward reveals it), and the invariants broken so
// far with a way to jump to where each first broke. The full-run detail is computed once per
// (run, selection); each frame only filters it by t.
import { useMemo } from 'react';
import { findInvariantBreaks, type InvariantBreak } from '../../engine/invariants';
import type { Trace } from '../../engine/types';
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import type { MessageKey } from '../../i18n/messages.en';
import { withNodes } from '../../i18n/withNodes';
import { seek } from '../../state/commands';
import { jumpToBreak, selectMessage, selectNode } from '../../state/selectionCommands';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { worldAtCached } from '../../state/worldCache';
import { commandAt, eventAt, inspectCommand, inspectEvent, inspectNodeAt, type HistoryLine, type HopLine } from '../../view/inspect';
import { formatMs } from '../panels/format';
import { secondsPrecise } from './time';

function useClock(): number {
  return useLabStore((s) => s.t);
}

function JumpTime({ ms, label }: { ms: number; label?: string }) {
  const t = useT();
  const time = secondsPrecise(ms);
  return (
    <button
      type="button"
      className="lab-linkbtn lab-time-btn"
      onClick={() => seek(ms)}
      aria-label={label ? t('inspector.jumpToWhat', { time, what: label }) : t('inspector.jumpTo', { time })}
    >
      {secondsPrecise(ms)}
    </button>
  );
}

function History({ lines, later }: { lines: HistoryLine[]; later: number }) {
  const t = useT();
  return (
    <>
      <h4>{t('inspector.history')}</h4>
      {lines.length === 0 ? <p className="lab-muted">{t('inspector.nothingYet')}</p> : null}
      <ol className="lab-history">
        {lines.map((h) => {
          const text = t(h.msg.key, h.msg.params);
          return (
            <li key={h.record} className={`is-${h.tone}`}>
              <JumpTime ms={h.t} label={text} /> <span>{text}</span>
            </li>
          );
        })}
      </ol>
      {later > 0 ? <p className="lab-muted">{t('inspector.later', { count: later })}</p> : null}
    </>
  );
}

function Hops({ hops, t, labelOf }: { hops: HopLine[]; t: number; labelOf: (id: string) => string }) {
  const tr = useT();
  if (hops.length === 0) return null;
  return (
    <table className="lab-table lab-hops">
      <caption>{tr('inspector.hops', { count: hops.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('inspector.sent')}</th>
          <th scope="col">{tr('inspector.fromTo')}</th>
          <th scope="col">{tr('inspector.message')}</th>
          <th scope="col">{tr('inspector.arrives')}</th>
        </tr>
      </thead>
      <tbody>
        {hops.map((h) => (
          <tr key={h.record} className={`lab-hop lab-hop--${h.kind}`}>
            <td>
              <JumpTime ms={h.t} label={`${tr(`kind.${h.kind}`)} ${h.label}`} />
            </td>
            <td>
              {labelOf(h.from)} → {labelOf(h.to)}
            </td>
            <td>
              <span className="lab-kind">{tr(`kind.${h.kind}`)}</span> {h.label}
            </td>
            <td>{h.lost ? <strong className="is-bad">{tr('inspector.lostCut')}</strong> : h.arriveAt > t ? <em>{tr('inspector.inFlight')}</em> : secondsPrecise(h.arriveAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EventInspector({ id }: { id: number }) {
  const { run, scenario } = useSide();
  const t = useClock();
  const tr = useT();
  const detail = useMemo(() => inspectEvent(run.index, id), [run, id]);
  const at = eventAt(detail, t);
  const labelOf = (n: string) => run.index.nodeSpecs.get(n)?.label ?? n;
  const info = detail.info;
  if (!info && detail.hops.length === 0) return <p>{tr('inspector.eventMissing', { id })}</p>;
  return (
    <article className="lab-inspect" aria-labelledby={`inspect-title-${scenario.id}`}>
      <h3 id={`inspect-title-${scenario.id}`}>
        {tr('inspector.event')} <span className="lab-mono">{info?.type}</span> {info?.label}
        {info?.poison ? <span className="lab-itag is-bad">{tr('inspector.poison')}</span> : null}
      </h3>
      {!at.exists && detail.createdAt !== undefined ? (
        <p className="lab-note">
          {withNodes(tr('inspector.notCreated'), { time: <JumpTime ms={detail.createdAt} /> })}
        </p>
      ) : null}
      {detail.envelope ? (
        <>
          <h4>{tr('inspector.envelope')}</h4>
          <dl className="lab-dl lab-mono">
            {Object.entries(detail.envelope).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <h4>{tr('inspector.data')}</h4>
          <pre className="lab-json" data-testid="inspector-data">
            {info?.data !== undefined ? JSON.stringify(info.data, null, 2) : tr('inspector.noPayload')}
          </pre>
        </>
      ) : null}
      {at.appends.length > 0 || detail.enqueues.length > 0 ? (
        <>
          <h4>{tr('inspector.stored')}</h4>
          <ul className="lab-plain">
            {at.appends.map((a) => (
              <li key={`${a.topic}-${a.partition}-${a.offset}`}>
                {withNodes(tr('inspector.storedAt', { partition: a.partition, offset: a.offset, time: secondsPrecise(a.t) }), {
                  topic: <span className="lab-mono">{a.topic}</span>,
                  key: <span className="lab-mono">{info?.key}</span>,
                })}
              </li>
            ))}
            {detail.enqueues
              .filter((q) => q.t <= t)
              .map((q) => (
                <li key={`${q.queue}-${q.t}`}>
                  {withNodes(tr('inspector.queuedAt', { time: secondsPrecise(q.t) }), { queue: <span className="lab-mono">{q.queue}</span> })}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {detail.cmd !== undefined ? (
        <p>
          {withNodes(tr('inspector.recordsCommand'), {
            command: (
              <button type="button" className="lab-linkbtn" onClick={() => selectMessage(scenario.id, 'command', detail.cmd!, { reveal: false })}>
                #{detail.cmd}
              </button>
            ),
          })}
        </p>
      ) : null}
      {at.groups.length > 0 ? (
        <table className="lab-table">
          <caption>{tr('inspector.groups')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('inspector.group')}</th>
              <th scope="col">{tr('inspector.status')}</th>
              <th scope="col">{tr('inspector.attempts')}</th>
              <th scope="col">{tr('inspector.failed')}</th>
              <th scope="col">{tr('inspector.processedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {at.groups.map((g) => (
              <tr key={g.group} className={`is-${g.status}`}>
                <th scope="row">{g.group}</th>
                <td>
                  {tr(`inspector.groupStatus.${g.status}`)}
                  {g.duplicates > 0 ? <strong className="is-bad">{tr('inspector.duplicate', { count: g.duplicates })}</strong> : null}
                </td>
                <td>{g.attempts}</td>
                <td>{g.failures}</td>
                <td>{g.processedAt !== undefined ? secondsPrecise(g.processedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <History lines={at.history} later={at.later} />
      <Hops hops={at.hops} t={t} labelOf={labelOf} />
    </article>
  );
}

function CommandInspector({ id }: { id: number }) {
  const { run, scenario } = useSide();
  const t = useClock();
  const tr = useT();
  const detail = useMemo(() => inspectCommand(run.index, id), [run, id]);
  const at = commandAt(detail, t);
  const labelOf = (n: string) => run.index.nodeSpecs.get(n)?.label ?? n;
  if (detail.submittedAt === undefined) return <p>{tr('inspector.commandMissing', { id })}</p>;
  return (
    <article className="lab-inspect" aria-labelledby={`inspect-title-${scenario.id}`}>
      <h3 id={`inspect-title-${scenario.id}`}>
        {tr('inspector.command')} <span className="lab-mono">{detail.endpoint}</span> {detail.key}
      </h3>
      {!at.exists ? (
        <p className="lab-note">
          {withNodes(tr('inspector.notSent'), { time: <JumpTime ms={detail.submittedAt} /> })}
        </p>
      ) : null}
      <dl className="lab-dl">
        <div>
          <dt>{tr('inspector.fromTo')}</dt>
          <dd>
            {labelOf(detail.client ?? '?')} → {labelOf(detail.service ?? '?')}
          </dd>
        </div>
        <div>
          <dt>{tr('inspector.payload')}</dt>
          <dd>{detail.valid === false ? tr('inspector.invalid') : tr('inspector.valid')}</dd>
        </div>
        <div>
          <dt>{tr('inspector.status')}</dt>
          <dd className={`is-${at.status}`} data-testid="inspector-command-status">
            {tr(`inspector.outcome.${at.status}`)}
          </dd>
        </div>
        {at.done ? (
          <>
            <div>
              <dt>{tr('inspector.answer')}</dt>
              <dd>{at.done.status}</dd>
            </div>
            <div>
              <dt>{tr('inspector.latency')}</dt>
              <dd>{formatMs(at.done.latencyMs)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{tr('inspector.attempts')}</dt>
          <dd>{at.attempts}</dd>
        </div>
      </dl>
      {detail.payload ? (
        <>
          <h4>{tr('inspector.payload')}</h4>
          <pre className="lab-json">{JSON.stringify(detail.payload, null, 2)}</pre>
        </>
      ) : null}
      <h4>{tr('inspector.eventsCaused')}</h4>
      {at.events.length === 0 ? (
        <p className="lab-muted">{detail.events.length > 0 ? tr('inspector.noneYet') : tr('inspector.noneFailed')}</p>
      ) : (
        <ul className="lab-plain">
          {at.events.map((e) => (
            <li key={e.id}>
              <button type="button" className="lab-linkbtn" onClick={() => selectMessage(scenario.id, 'event', e.id, { reveal: false })}>
                {e.type} {e.label} (#{e.id})
              </button>{' '}
              {tr('inspector.eventAt', { time: secondsPrecise(e.time) })}
            </li>
          ))}
        </ul>
      )}
      <History lines={at.history} later={at.later} />
      <Hops hops={at.hops} t={t} labelOf={labelOf} />
    </article>
  );
}

const NODE_KINDS = ['service', 'topic', 'client', 'queue'] as const;
function nodeKindKey(kind: string): MessageKey {
  return `nodeKind.${NODE_KINDS.find((k) => k === kind) ?? 'unknown'}`;
}

function NodeInspector({ id }: { id: string }) {
  const { run, scenario } = useSide();
  const t = useClock();
  const tr = useT();
  const d = inspectNodeAt(run.index, worldAtCached(run.index, t), id);
  if (!d) return <p>{tr('inspector.nodeMissing', { id })}</p>;
  return (
    <article className="lab-inspect" aria-labelledby={`inspect-title-${scenario.id}`}>
      <h3 id={`inspect-title-${scenario.id}`}>
        {d.label} <span className="lab-muted">({tr(nodeKindKey(d.kind))})</span>
      </h3>
      <dl className="lab-dl">
        <div>
          <dt>{tr('inspector.status')}</dt>
          <dd className={`is-${d.status}`}>{tr(`status.${d.status}`)}</dd>
        </div>
        {d.crashes > 0 ? (
          <div>
            <dt>{tr('inspector.crashes')}</dt>
            <dd>{d.crashes}</dd>
          </div>
        ) : null}
        {d.pool ? (
          <>
            <div>
              <dt>{tr('inspector.workersBusy')}</dt>
              <dd>
                {d.pool.busy} / {d.pool.workers}
              </dd>
            </div>
            <div>
              <dt>{tr('inspector.waitingWorker')}</dt>
              <dd>
                {d.pool.queued} / {d.pool.queueLimit}
              </dd>
            </div>
          </>
        ) : null}
        {d.handled !== undefined ? (
          <div>
            <dt>{tr('inspector.answered')}</dt>
            <dd>{tr('inspector.answeredValue', { handled: d.handled, ok: d.handledOk ?? 0 })}</dd>
          </div>
        ) : null}
        {d.processedByGroup.map((g) => (
          <div key={g.group}>
            <dt>{tr('inspector.processedBy', { group: g.group })}</dt>
            <dd>{g.processed}</dd>
          </div>
        ))}
        {d.queue ? (
          <>
            <div>
              <dt>{tr('inspector.queueDepth')}</dt>
              <dd>{d.queue.depth}</dd>
            </div>
            <div>
              <dt>{tr('inspector.unacked')}</dt>
              <dd>{d.queue.unacked}</dd>
            </div>
            <div>
              <dt>{tr('inspector.enqueuedAcked')}</dt>
              <dd>
                {d.queue.enqueued} / {d.queue.acked}
              </dd>
            </div>
            <div>
              <dt>{tr('inspector.redeliveredDead')}</dt>
              <dd>
                {d.queue.redelivered} / {d.queue.deadLettered}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      {d.partitions.length > 0 ? (
        <table className="lab-table">
          <caption>{tr('inspector.partitions')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('inspector.partition')}</th>
              <th scope="col">{tr('inspector.logStart')}</th>
              <th scope="col">{tr('inspector.logEnd')}</th>
            </tr>
          </thead>
          <tbody>
            {d.partitions.map((p) => (
              <tr key={p.partition}>
                <th scope="row">{p.partition}</th>
                <td>{p.logStart}</td>
                <td>{p.logEnd}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {d.committed.length > 0 ? (
        <table className="lab-table">
          <caption>{tr('inspector.committedOffsets')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('inspector.group')}</th>
              <th scope="col">{tr('inspector.topicPartition')}</th>
              <th scope="col">{tr('inspector.committed')}</th>
              <th scope="col">{tr('inspector.lag')}</th>
              <th scope="col">{tr('inspector.member')}</th>
            </tr>
          </thead>
          <tbody>
            {d.committed.map((c) => (
              <tr key={`${c.group}-${c.topic}-${c.partition}`}>
                <th scope="row">{c.group}</th>
                <td>
                  {c.topic} · {c.partition}
                </td>
                <td>{c.committed}</td>
                <td className={c.lag > 0 ? 'is-behind' : ''}>{c.lag}</td>
                <td>{c.member ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}

function NodePicker() {
  const { run, scenario } = useSide();
  const selection = useLabStore((s) => s.selection);
  const value = selection?.kind === 'node' && selection.scenarioId === scenario.id ? selection.id : '';
  const t = useT();
  return (
    <label className="lab-field lab-inspector__picker">
      <span className="lab-field__label">{t('inspector.pickNode')}</span>
      <select value={value} onChange={(e) => (e.target.value ? selectNode(scenario.id, e.target.value, { reveal: false }) : undefined)}>
        <option value="">{t('inspector.choose')}</option>
        {run.index.nodeIds.map((id) => (
          <option key={id} value={id}>
            {run.index.nodeSpecs.get(id)?.label ?? id}
          </option>
        ))}
      </select>
    </label>
  );
}

const breaksCache = new WeakMap<Trace, InvariantBreak[]>();
function breaksOf(trace: Trace): InvariantBreak[] {
  let b = breaksCache.get(trace);
  if (!b) breaksCache.set(trace, (b = findInvariantBreaks(trace)));
  return b;
}

function Invariants() {
  const { run, scenario } = useSide();
  // Only the number of breaks so far matters: re-render when it changes, not every frame.
  const all = breaksOf(run.trace);
  const shown = useLabStore((s) => all.filter((b) => b.t <= s.t).length);
  const breaks = all.slice().sort((a, b) => a.t - b.t).slice(0, shown);
  const later = all.length - shown;
  const t = useT();
  return (
    <section className="lab-invariants" aria-labelledby={`invariants-${scenario.id}`}>
      <h3 id={`invariants-${scenario.id}`}>{t('inspector.invariants')}</h3>
      {breaks.length === 0 ? (
        <p className="is-ok">{t('inspector.noBreaks')}</p>
      ) : (
        <ul className="lab-plain lab-invariants__list">
          {breaks.map((b) => (
            <li key={`${b.kind}-${b.subject}`} className="is-bad">
              <span aria-hidden="true">⚠ </span>
              <strong>{b.subject}</strong>: {t('inspector.breakLine', { what: t(`inspector.break.${b.kind}`), time: secondsPrecise(b.t) })}
              {b.count > 1 ? t('inspector.breakTimes', { count: b.count }) : ''}{' '}
              <button
                type="button"
                className="lab-btn lab-btn--small"
                onClick={() => jumpToBreak(scenario.id, b)}
                aria-label={t('inspector.jumpBreak', { time: secondsPrecise(b.t), subject: b.subject, kind: b.kind })}
              >
                {t('inspector.jumpThere')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {later > 0 ? (
        <p className="lab-muted">
          {t('inspector.laterBreaks', { count: later })}
        </p>
      ) : null}
    </section>
  );
}

export default function Inspector() {
  const { scenario } = useSide();
  const selection = useLabStore((s) => s.selection);
  const mine = selection && selection.scenarioId === scenario.id ? selection : null;
  const t = useT();
  return (
    <div className="lab-inspector" data-testid={`inspector-${scenario.id}`}>
      <NodePicker />
      {mine === null ? (
        <p className="lab-muted">
          {t('inspector.empty')}
        </p>
      ) : mine.kind === 'node' ? (
        <NodeInspector id={mine.id} />
      ) : mine.kind === 'event' ? (
        <EventInspector id={mine.id} />
      ) : (
        <CommandInspector id={mine.id} />
      )}
      <Invariants />
    </div>
  );
}
