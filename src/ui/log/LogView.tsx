// The log view: one topic's partitions as rows of offsets (scrollable, newest on the right),
// under each a strip per consumer group showing what it has read (committed) and what it still
// owes (lag). Offsets deleted by retention are greyed; dead letters parked from this topic are
// listed. Clicking an offset selects its event everywhere (graph, sequence, inspector).
import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import { withNodes } from '../../i18n/withNodes';
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
  const t = useT();
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
    <section className="lab-logview__part" aria-label={t('log.partition', { p: part.partition })}>
      <h3 className="lab-logview__part-title">
        {t('log.partition', { p: part.partition })}{' '}
        <span className="lab-muted">
          {t('log.partitionMeta', { start: part.logStart, end: part.logEnd })}
          {part.logStart > 0 ? t('log.deletedByRetention', { count: part.logStart }) : ''}
        </span>
      </h3>
      {part.firstShown > 0 ? (
        <p className="lab-muted lab-logview__older">{t('log.older', { last: part.firstShown - 1, count: part.cells.length })}</p>
      ) : null}
      {part.cells.length === 0 ? (
        <p className="lab-muted">{t('log.empty')}</p>
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
            <div className="lab-logview__cells" role="group" aria-label={t('log.offsets', { topic: topic.label, p: part.partition })} data-arrow-keys onKeyDown={onRowKeys}>
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
                    aria-label={
                      t('log.offset', { offset: c.offset, type: c.eventType, label: c.label, key: c.key, time: secondsPrecise(c.t) }) +
                      (c.deleted ? t('log.offsetDeleted') : '') +
                      (c.poison ? t('log.offsetPoison') : '')
                    }
                    title={t('log.offsetTitle', { type: c.eventType, label: c.label, key: c.key, time: secondsPrecise(c.t) })}
                    onClick={() => selectMessage(scenario.id, 'event', c.event, { toggle: true, reveal: false })}
                  >
                    {/* The space keeps "0 m1" two words for the name's checkers; the column layout hides it. */}
                    <span className="lab-logview__offset">{c.offset}</span>{' '}
                    <span className="lab-logview__label">
                      {c.poison ? '☠' : ''}
                      {c.label}
                    </span>
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
            <strong>{g.group}</strong>
            {t('log.committed', { committed: g.committed })} <span className={g.lag > 0 ? 'is-behind' : ''}>{g.lag}</span>
            <span className="lab-muted">{g.member ? t('log.readBy', { member: g.member }) : t('log.unassigned')}</span>
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
  const t = useT();

  if (topics.length === 0) {
    return (
      <p className="lab-muted" data-testid={`log-${scenario.id}`}>
        {t('log.noTopics')}
      </p>
    );
  }
  return (
    <div className="lab-logview" data-testid={`log-${scenario.id}`}>
      <label className="lab-field">
        <span className="lab-field__label">{t('log.topic')}</span>
        <select value={topicId} onChange={(e) => setLogTopic(scenario.id, e.target.value)}>
          {topics.map((tp) => (
            <option key={tp.id} value={tp.id}>
              {tp.isDeadLetterTopic ? t('log.deadLettersOption', { topic: tp.label }) : tp.label}
            </option>
          ))}
        </select>
      </label>
      {model ? (
        <>
          <p className="lab-logview__legend lab-muted">
            <span className="lab-logview__mark is-read" aria-hidden="true" /> {t('log.legendRead')} <span className="lab-logview__mark is-owed" aria-hidden="true" />{' '}
            {t('log.legendOwed')} <span className="lab-logview__mark is-gone" aria-hidden="true" /> {t('log.legendDeleted')}
          </p>
          {model.partitions.map((p) => (
            <PartitionRow key={p.partition} topic={model} part={p} selectedEvent={selectedEvent} />
          ))}
          <section className="lab-logview__dead" aria-label={t('log.deadLetters')}>
            <h3>{t('log.deadLettersFrom', { topic: model.label })}</h3>
            {model.deadLetters.length === 0 ? (
              <p className="lab-muted">{model.isDeadLetterTopic ? t('log.isDeadLetterTopic') : t('log.noneSoFar')}</p>
            ) : (
              <ul className="lab-plain">
                {model.deadLetters.map((d) => (
                  <li key={`${d.group}-${d.partition}-${d.offset}`}>
                    <button type="button" className="lab-linkbtn" onClick={() => selectMessage(scenario.id, 'event', d.event, { reveal: false })}>
                      {d.label}
                    </button>{' '}
                    {withNodes(t('log.parked', { partition: d.partition, offset: d.offset, group: d.group, time: secondsPrecise(d.t) }), {
                      topic: <span className="lab-mono">{d.deadLetterTopic}</span>,
                    })}
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
