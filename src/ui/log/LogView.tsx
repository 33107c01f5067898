// The log view: one topic's partitions as rows of offsets (scrollable, newest on the right),
// under each a strip per consumer group showing what it has read (committed) and what it still
// owes (lag). Offsets deleted by retention are greyed; dead letters parked from this topic are
// listed. Clicking an offset selects its event everywhere (graph, sequence, inspector).
import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { plainEqual } from '../../state/plainEqual';
import { selectMessage } from '../../state/selectionCommands';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { worldAtCached } from '../../state/worldCache';
import { logTopicAt, logTopics, type LogPartition, type LogTopic } from '../../view/logView';
import { secondsPrecise } from '../inspector/time';
import './log.css';

function useLogModel(topicId: string | undefined): LogTopic | undefined {
  const { run } = useSide();
  const prev = useRef<LogTopic | undefined>(undefined);
  // Structural equality: a frame in which nothing was appended or committed does not re-render.
  return useLabStore((s) => {
    const next = topicId === undefined ? undefined : logTopicAt(run.index, worldAtCached(run.index, s.t), topicId);
    if (prev.current !== undefined && next !== undefined && plainEqual(prev.current, next)) return prev.current;
    prev.current = next;
    return next;
  });
}

function onRowKeys(e: KeyboardEvent<HTMLDivElement>) {
  const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
  const delta = moves[e.key];
  if (delta === undefined || !(e.target instanceof HTMLElement)) return;
  const all = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-offset]')];
  const i = all.indexOf(e.target as HTMLButtonElement);
  if (i < 0 || all.length === 0) return;
  e.preventDefault();
  const j = delta === -Infinity ? 0 : delta === Infinity ? all.length - 1 : Math.min(all.length - 1, Math.max(0, i + delta));
  all[j].focus();
}

function PartitionRow({ topic, part, selectedEvent }: { topic: LogTopic; part: LogPartition; selectedEvent: number | undefined }) {
  const { scenario } = useSide();
  const scroller = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  // Follow the newest offsets while the learner has not scrolled back to read older ones.
  useEffect(() => {
    const el = scroller.current;
    if (el && atEnd.current) el.scrollLeft = el.scrollWidth;
  }, [part.logEnd]);
  const selectedIndex = part.cells.findIndex((c) => c.event === selectedEvent);
  const roving = selectedIndex >= 0 ? part.cells[selectedIndex].offset : part.cells[part.cells.length - 1]?.offset;
  const columns = `repeat(${Math.max(1, part.cells.length)}, var(--lab-logview-cell))`;
  return (
    <section className="lab-logview__part" aria-label={`Partition ${part.partition}`}>
      <h4 className="lab-logview__part-title">
        Partition {part.partition}{' '}
        <span className="lab-muted">
          · log start {part.logStart} · end {part.logEnd}
          {part.logStart > 0 ? ` · ${part.logStart} deleted by retention` : ''}
        </span>
      </h4>
      {part.firstShown > 0 ? <p className="lab-muted lab-logview__older">Offsets 0–{part.firstShown - 1} are older than the {part.cells.length} drawn here.</p> : null}
      {part.cells.length === 0 ? (
        <p className="lab-muted">Empty: nothing appended yet.</p>
      ) : (
        <div
          className="lab-logview__scroll"
          ref={scroller}
          onScroll={(e) => {
            const el = e.currentTarget;
            atEnd.current = el.scrollLeft + el.clientWidth >= el.scrollWidth - 4;
          }}
        >
          <div className="lab-logview__grid" style={{ '--lab-logview-cols': columns } as CSSProperties}>
            <div className="lab-logview__cells" role="group" aria-label={`Offsets of ${topic.label} partition ${part.partition}`} data-arrow-keys onKeyDown={onRowKeys}>
              {part.cells.map((c) => {
                const selected = c.event === selectedEvent;
                return (
                  <button
                    key={c.offset}
                    type="button"
                    data-offset={c.offset}
                    tabIndex={c.offset === roving ? 0 : -1}
                    className={`lab-logview__cell${c.deleted ? ' is-deleted' : ''}${c.poison ? ' is-poison' : ''}${selected ? ' is-selected' : ''}`}
                    aria-pressed={selected}
                    aria-label={`Offset ${c.offset}: ${c.eventType} ${c.label}, key ${c.key}, appended at ${secondsPrecise(c.t)}${c.deleted ? ', deleted by retention' : ''}${c.poison ? ', poison' : ''}`}
                    title={`${c.eventType} ${c.label} · key ${c.key} · ${secondsPrecise(c.t)}`}
                    onClick={() => selectMessage(scenario.id, 'event', c.event, { toggle: true, reveal: false })}
                  >
                    <span className="lab-logview__offset">{c.offset}</span>
                    <span className="lab-logview__label">{c.poison ? '☠' : ''}{c.label}</span>
                  </button>
                );
              })}
            </div>
            {part.groups.map((g) => (
              <div key={g.group} className="lab-logview__strip" aria-hidden="true">
                {part.cells.map((c) => (
                  <span
                    key={c.offset}
                    className={`lab-logview__mark${c.offset < g.committed ? ' is-read' : c.deleted ? ' is-gone' : ' is-owed'}${c.offset === g.committed ? ' is-next' : ''}`}
                  />
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
      <ul className="lab-plain lab-logview__groups">
        {part.groups.map((g) => (
          <li key={g.group}>
            <strong>{g.group}</strong>: committed {g.committed} · lag <span className={g.lag > 0 ? 'is-behind' : ''}>{g.lag}</span>
            {g.member ? <span className="lab-muted"> · read by {g.member}</span> : <span className="lab-muted"> · unassigned</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function LogView() {
  const { run, scenario } = useSide();
  const topics = useMemo(() => logTopics(run.index), [run]);
  const chosen = useLabStore((s) => s.logTopic[scenario.id]);
  const setLogTopic = useLabStore((s) => s.setLogTopic);
  const selection = useLabStore((s) => s.selection);
  const selectedEvent = selection && selection.scenarioId === scenario.id && selection.kind === 'event' ? selection.id : undefined;
  const topicId = topics.some((tp) => tp.id === chosen) ? chosen : topics[0]?.id;
  const model = useLogModel(topicId);

  if (topics.length === 0) {
    return (
      <p className="lab-muted" data-testid={`log-${scenario.id}`}>
        This run has no topics: its messages go point to point (see the Metrics and Charts tabs for queue depth).
      </p>
    );
  }
  return (
    <div className="lab-logview" data-testid={`log-${scenario.id}`}>
      <label className="lab-field">
        <span className="lab-field__label">Topic</span>
        <select value={topicId} onChange={(e) => setLogTopic(scenario.id, e.target.value)}>
          {topics.map((tp) => (
            <option key={tp.id} value={tp.id}>
              {tp.label}
              {tp.isDeadLetterTopic ? ' (dead letters)' : ''}
            </option>
          ))}
        </select>
      </label>
      {model ? (
        <>
          <p className="lab-logview__legend lab-muted">
            <span className="lab-logview__mark is-read" aria-hidden="true" /> read (committed) <span className="lab-logview__mark is-owed" aria-hidden="true" /> owed (lag){' '}
            <span className="lab-logview__mark is-gone" aria-hidden="true" /> deleted · one strip per group, in the order listed under each partition
          </p>
          {model.partitions.map((p) => (
            <PartitionRow key={p.partition} topic={model} part={p} selectedEvent={selectedEvent} />
          ))}
          <section className="lab-logview__dead" aria-label="Dead letters">
            <h4>Dead letters from {model.label}</h4>
            {model.deadLetters.length === 0 ? (
              <p className="lab-muted">{model.isDeadLetterTopic ? 'This is a dead-letter topic: its records are the parked copies above.' : 'None so far.'}</p>
            ) : (
              <ul className="lab-plain">
                {model.deadLetters.map((d) => (
                  <li key={`${d.group}-${d.partition}-${d.offset}`}>
                    <button type="button" className="lab-linkbtn" onClick={() => selectMessage(scenario.id, 'event', d.event, { reveal: false })}>
                      {d.label}
                    </button>{' '}
                    (partition {d.partition}, offset {d.offset}) parked by {d.group} on <span className="lab-mono">{d.deadLetterTopic}</span> at {secondsPrecise(d.t)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
