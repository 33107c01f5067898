// The inspector: everything the trace knows about the selected message or node, as of the moment
// on screen (nothing from the future: stepping forward reveals it), and the invariants broken so
// far with a way to jump to where each first broke. The full-run detail is computed once per
// (run, selection); each frame only filters it by t.
import { useMemo } from 'react';
import { findInvariantBreaks, type InvariantBreak, type InvariantKind } from '../../engine/invariants';
import type { Trace } from '../../engine/types';
import { seek } from '../../state/commands';
import { jumpToBreak, selectMessage, selectNode } from '../../state/selectionCommands';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { worldAtCached } from '../../state/worldCache';
import { commandAt, eventAt, inspectCommand, inspectEvent, inspectNodeAt, type HistoryLine, type HopLine } from '../../view/inspect';
import { formatMs } from '../panels/format';
import { secondsPrecise } from './time';

function useT(): number {
  return useLabStore((s) => s.t);
}

function JumpTime({ ms, label }: { ms: number; label?: string }) {
  return (
    <button type="button" className="lab-linkbtn lab-time-btn" onClick={() => seek(ms)} aria-label={`Jump to ${secondsPrecise(ms)}${label ? `: ${label}` : ''}`}>
      {secondsPrecise(ms)}
    </button>
  );
}

function History({ lines, later }: { lines: HistoryLine[]; later: number }) {
  return (
    <>
      <h4>History</h4>
      {lines.length === 0 ? <p className="lab-muted">Nothing yet.</p> : null}
      <ol className="lab-history">
        {lines.map((h) => (
          <li key={h.record} className={`is-${h.tone}`}>
            <JumpTime ms={h.t} label={h.text} /> <span>{h.text}</span>
          </li>
        ))}
      </ol>
      {later > 0 ? <p className="lab-muted">{later} more step{later === 1 ? '' : 's'} later in the run: play or step forward to see them.</p> : null}
    </>
  );
}

function Hops({ hops, t, labelOf }: { hops: HopLine[]; t: number; labelOf: (id: string) => string }) {
  if (hops.length === 0) return null;
  return (
    <table className="lab-table lab-hops">
      <caption>Hops ({hops.length})</caption>
      <thead>
        <tr>
          <th scope="col">Sent</th>
          <th scope="col">From → to</th>
          <th scope="col">Message</th>
          <th scope="col">Arrives</th>
        </tr>
      </thead>
      <tbody>
        {hops.map((h) => (
          <tr key={h.record} className={`lab-hop lab-hop--${h.kind}`}>
            <td>
              <JumpTime ms={h.t} label={`${h.kind} ${h.label}`} />
            </td>
            <td>
              {labelOf(h.from)} → {labelOf(h.to)}
            </td>
            <td>
              <span className="lab-kind">{h.kind}</span> {h.label}
            </td>
            <td>{h.lost ? <strong className="is-bad">lost (link cut)</strong> : h.arriveAt > t ? <em>in flight</em> : secondsPrecise(h.arriveAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STATUS_TEXT = {
  waiting: 'waiting (owes it)',
  'in-progress': 'handling',
  retrying: 'failed, will retry',
  processed: '✓ processed',
  'dead-lettered': 'dead-lettered',
  lost: '✗ LOST',
} as const;

function EventInspector({ id }: { id: number }) {
  const { run, scenario } = useSide();
  const t = useT();
  const detail = useMemo(() => inspectEvent(run.index, id), [run, id]);
  const at = eventAt(detail, t);
  const labelOf = (n: string) => run.index.nodeSpecs.get(n)?.label ?? n;
  const info = detail.info;
  if (!info && detail.hops.length === 0) return <p>Event #{id} does not exist in this run (the faults changed it).</p>;
  return (
    <article className="lab-inspect" aria-labelledby={`inspect-title-${scenario.id}`}>
      <h3 id={`inspect-title-${scenario.id}`}>
        Event <span className="lab-mono">{info?.type}</span> {info?.label}
        {info?.poison ? <span className="lab-itag is-bad">poison</span> : null}
      </h3>
      {!at.exists && detail.createdAt !== undefined ? (
        <p className="lab-note">
          Not created yet: it happens at <JumpTime ms={detail.createdAt} />.
        </p>
      ) : null}
      {detail.envelope ? (
        <>
          <h4>Envelope (CloudEvents 1.0)</h4>
          <dl className="lab-dl lab-mono">
            {Object.entries(detail.envelope).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <h4>data</h4>
          <pre className="lab-json" data-testid="inspector-data">
            {info?.data !== undefined ? JSON.stringify(info.data, null, 2) : '(no payload)'}
          </pre>
        </>
      ) : null}
      {at.appends.length > 0 || detail.enqueues.length > 0 ? (
        <>
          <h4>Where it is stored</h4>
          <ul className="lab-plain">
            {at.appends.map((a) => (
              <li key={`${a.topic}-${a.partition}-${a.offset}`}>
                <span className="lab-mono">{a.topic}</span> · partition {a.partition} · offset {a.offset} (key <span className="lab-mono">{info?.key}</span>, at{' '}
                {secondsPrecise(a.t)})
              </li>
            ))}
            {detail.enqueues
              .filter((q) => q.t <= t)
              .map((q) => (
                <li key={`${q.queue}-${q.t}`}>
                  queue <span className="lab-mono">{q.queue}</span> (at {secondsPrecise(q.t)})
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {detail.cmd !== undefined ? (
        <p>
          Records command{' '}
          <button type="button" className="lab-linkbtn" onClick={() => selectMessage(scenario.id, 'command', detail.cmd!, { reveal: false })}>
            #{detail.cmd}
          </button>
          .
        </p>
      ) : null}
      {at.groups.length > 0 ? (
        <table className="lab-table">
          <caption>Consumer groups</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Failed</th>
              <th scope="col">Processed at</th>
            </tr>
          </thead>
          <tbody>
            {at.groups.map((g) => (
              <tr key={g.group} className={`is-${g.status}`}>
                <th scope="row">{g.group}</th>
                <td>
                  {STATUS_TEXT[g.status]}
                  {g.duplicates > 0 ? <strong className="is-bad"> + {g.duplicates} duplicate</strong> : null}
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

const OUTCOME_TEXT = { pending: 'pending (no answer yet)', ok: '✓ succeeded', rejected: '✎ rejected (invalid, 4xx)', failed: '✗ failed (technical)' } as const;

function CommandInspector({ id }: { id: number }) {
  const { run, scenario } = useSide();
  const t = useT();
  const detail = useMemo(() => inspectCommand(run.index, id), [run, id]);
  const at = commandAt(detail, t);
  const labelOf = (n: string) => run.index.nodeSpecs.get(n)?.label ?? n;
  if (detail.submittedAt === undefined) return <p>Command #{id} does not exist in this run.</p>;
  return (
    <article className="lab-inspect" aria-labelledby={`inspect-title-${scenario.id}`}>
      <h3 id={`inspect-title-${scenario.id}`}>
        Command <span className="lab-mono">{detail.endpoint}</span> {detail.key}
      </h3>
      {!at.exists ? (
        <p className="lab-note">
          Not sent yet: it is sent at <JumpTime ms={detail.submittedAt} />.
        </p>
      ) : null}
      <dl className="lab-dl">
        <div>
          <dt>From → to</dt>
          <dd>
            {labelOf(detail.client ?? '?')} → {labelOf(detail.service ?? '?')}
          </dd>
        </div>
        <div>
          <dt>Payload</dt>
          <dd>{detail.valid === false ? 'invalid (fails validation)' : 'valid'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd className={`is-${at.status}`} data-testid="inspector-command-status">
            {OUTCOME_TEXT[at.status]}
          </dd>
        </div>
        {at.done ? (
          <>
            <div>
              <dt>Answer</dt>
              <dd>{at.done.status}</dd>
            </div>
            <div>
              <dt>Latency</dt>
              <dd>{formatMs(at.done.latencyMs)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>Attempts</dt>
          <dd>{at.attempts}</dd>
        </div>
      </dl>
      {detail.payload ? (
        <>
          <h4>Payload</h4>
          <pre className="lab-json">{JSON.stringify(detail.payload, null, 2)}</pre>
        </>
      ) : null}
      <h4>Events it caused</h4>
      {at.events.length === 0 ? (
        <p className="lab-muted">{detail.events.length > 0 ? 'None yet.' : 'None: a command that did not succeed is not a fact.'}</p>
      ) : (
        <ul className="lab-plain">
          {at.events.map((e) => (
            <li key={e.id}>
              <button type="button" className="lab-linkbtn" onClick={() => selectMessage(scenario.id, 'event', e.id, { reveal: false })}>
                {e.type} {e.label} (#{e.id})
              </button>{' '}
              at {secondsPrecise(e.time)}
            </li>
          ))}
        </ul>
      )}
      <History lines={at.history} later={at.later} />
      <Hops hops={at.hops} t={t} labelOf={labelOf} />
    </article>
  );
}

function NodeInspector({ id }: { id: string }) {
  const { run, scenario } = useSide();
  const t = useT();
  const d = inspectNodeAt(run.index, worldAtCached(run.index, t), id);
  if (!d) return <p>Node {id} is not in this run.</p>;
  return (
    <article className="lab-inspect" aria-labelledby={`inspect-title-${scenario.id}`}>
      <h3 id={`inspect-title-${scenario.id}`}>
        {d.label} <span className="lab-muted">({d.kind})</span>
      </h3>
      <dl className="lab-dl">
        <div>
          <dt>Status</dt>
          <dd className={`is-${d.status}`}>{d.status}</dd>
        </div>
        {d.crashes > 0 ? (
          <div>
            <dt>Crashes</dt>
            <dd>{d.crashes}</dd>
          </div>
        ) : null}
        {d.pool ? (
          <>
            <div>
              <dt>Workers busy</dt>
              <dd>
                {d.pool.busy} / {d.pool.workers}
              </dd>
            </div>
            <div>
              <dt>Waiting for a worker</dt>
              <dd>
                {d.pool.queued} / {d.pool.queueLimit}
              </dd>
            </div>
          </>
        ) : null}
        {d.handled !== undefined ? (
          <div>
            <dt>Commands answered</dt>
            <dd>
              {d.handled} ({d.handledOk} with 2xx)
            </dd>
          </div>
        ) : null}
        {d.processedByGroup.map((g) => (
          <div key={g.group}>
            <dt>Events processed ({g.group})</dt>
            <dd>{g.processed}</dd>
          </div>
        ))}
        {d.queue ? (
          <>
            <div>
              <dt>Queue depth</dt>
              <dd>{d.queue.depth}</dd>
            </div>
            <div>
              <dt>Unacked</dt>
              <dd>{d.queue.unacked}</dd>
            </div>
            <div>
              <dt>Enqueued / acked</dt>
              <dd>
                {d.queue.enqueued} / {d.queue.acked}
              </dd>
            </div>
            <div>
              <dt>Redelivered / dead-lettered</dt>
              <dd>
                {d.queue.redelivered} / {d.queue.deadLettered}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      {d.partitions.length > 0 ? (
        <table className="lab-table">
          <caption>Partitions</caption>
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col">Log start</th>
              <th scope="col">Log end</th>
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
          <caption>Committed offsets</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Topic · partition</th>
              <th scope="col">Committed</th>
              <th scope="col">Lag</th>
              <th scope="col">Member</th>
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
  return (
    <label className="lab-field lab-inspector__picker">
      <span className="lab-field__label">Inspect a node</span>
      <select value={value} onChange={(e) => (e.target.value ? selectNode(scenario.id, e.target.value, { reveal: false }) : undefined)}>
        <option value="">Choose…</option>
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

const BREAK_TEXT: Record<InvariantKind, string> = {
  lost: 'an event was lost',
  duplicate: 'an event was processed twice',
  'out-of-order': 'events of one key were processed out of order',
  dropped: 'an event was dropped (entity in the wrong state)',
};

function Invariants() {
  const { run, scenario } = useSide();
  // Only the number of breaks so far matters: re-render when it changes, not every frame.
  const all = breaksOf(run.trace);
  const shown = useLabStore((s) => all.filter((b) => b.t <= s.t).length);
  const breaks = all.slice().sort((a, b) => a.t - b.t).slice(0, shown);
  const later = all.length - shown;
  return (
    <section className="lab-invariants" aria-labelledby={`invariants-${scenario.id}`}>
      <h3 id={`invariants-${scenario.id}`}>Invariants</h3>
      {breaks.length === 0 ? (
        <p className="is-ok">✓ None broken so far: every event processed by every group, once, in key order; nothing lost or dropped.</p>
      ) : (
        <ul className="lab-plain lab-invariants__list">
          {breaks.map((b) => (
            <li key={`${b.kind}-${b.subject}`} className="is-bad">
              <span aria-hidden="true">⚠ </span>
              <strong>{b.subject}</strong>: {BREAK_TEXT[b.kind]} — first at {secondsPrecise(b.t)}
              {b.count > 1 ? ` (${b.count} times in the whole run)` : ''}{' '}
              <button
                type="button"
                className="lab-btn lab-btn--small"
                onClick={() => jumpToBreak(scenario.id, b)}
                aria-label={`Jump to ${secondsPrecise(b.t)}, where ${b.subject} first broke (${b.kind}), and select the event`}
              >
                Jump there
              </button>
            </li>
          ))}
        </ul>
      )}
      {later > 0 ? (
        <p className="lab-muted">
          {later} more invariant{later === 1 ? ' breaks' : 's break'} later in this run.
        </p>
      ) : null}
    </section>
  );
}

export default function Inspector() {
  const { scenario } = useSide();
  const selection = useLabStore((s) => s.selection);
  const mine = selection && selection.scenarioId === scenario.id ? selection : null;
  return (
    <div className="lab-inspector" data-testid={`inspector-${scenario.id}`}>
      <NodePicker />
      {mine === null ? (
        <p className="lab-muted">
          Nothing selected. Click a token on the graph, an arrow in the Sequence tab or an offset in the Log tab — or choose a node above.
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
