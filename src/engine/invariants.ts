import type { EventInfo, Trace } from './types';

export type InvariantKind = 'lost' | 'duplicate' | 'out-of-order' | 'dropped';

/** One time an invariant broke: the trace record it broke at. */
export interface InvariantOccurrence {
  /**
   * Consumer group; for `dropped`, the service whose state rejected an event; for a point-to-point
   * queue's breaks (a message handled twice, or dropped), the queue.
   */
  subject: string;
  kind: InvariantKind;
  recordIndex: number;
  t: number;
  event: number;
}

/** Where an invariant first broke: the trace record to jump to, and how often it broke in all. */
export interface InvariantBreak extends InvariantOccurrence {
  count: number;
}

/** What a consumer group's `processed` record means for its invariants. */
export type ProcessingVerdict = 'first' | 'duplicate' | 'out-of-order';

/**
 * The rules for a group's processed records, in one place (the engine's metrics, the monitors and
 * the view's index all judge with it). A record processed again is a duplicate. A first processing
 * is out of order when the group has already processed a LATER event of the same producer and key:
 * Kafka promises per-key order only from one producer, through one partition, so that is what a
 * consumer may rely on — and what breaks when a key's events travel different partitions or topics,
 * or a producer's retry overtakes (events are numbered in the order they were created). Events
 * without a key promise no order.
 */
export class ProcessingJudge {
  private readonly processed = new Map<string, Set<number>>();
  /** Newest event id processed, by group, producer and key. */
  private readonly newest = new Map<string, number>();

  judge(group: string, event: EventInfo): ProcessingVerdict {
    let set = this.processed.get(group);
    if (!set) this.processed.set(group, (set = new Set()));
    if (set.has(event.id)) return 'duplicate';
    set.add(event.id);
    if (event.key === '') return 'first';
    const k = `${group}\u0000${event.source}\u0000${event.key}`;
    const newest = this.newest.get(k);
    if (newest !== undefined && newest > event.id) return 'out-of-order';
    this.newest.set(k, event.id);
    return 'first';
  }
}

/**
 * Invariant monitors, every time one breaks, in trace order: every event processed by every group
 * (none lost), at most once in effect (no duplicate), per producer and key in the order produced;
 * no event dropped by an entity in the wrong state; and every message of a point-to-point queue
 * handled exactly once (not twice after a lost ack, not dropped).
 */
export function invariantOccurrences(trace: Trace): InvariantOccurrence[] {
  const out: InvariantOccurrence[] = [];
  const note = (subject: string, kind: InvariantKind, recordIndex: number, t: number, event: number): void => {
    out.push({ subject, kind, recordIndex, t, event });
  };
  const judge = new ProcessingJudge();
  /** Events already reported lost, per group: an event is lost once, however many copies of it went. */
  const lostEvents = new Set<string>();
  /** Queue messages whose handler succeeded, per queue. */
  const handledOk = new Map<string, Set<number>>();
  trace.records.forEach((r, i) => {
    switch (r.type) {
      case 'lost': {
        const k = `${r.group}\u0000${r.event}`;
        if (lostEvents.has(k)) break;
        lostEvents.add(k);
        note(r.group, 'lost', i, r.t, r.event);
        break;
      }
      case 'processed': {
        if (r.skippedDuplicate) break;
        const verdict = judge.judge(r.group, trace.events[r.event]);
        if (verdict !== 'first') note(r.group, verdict, i, r.t, r.event);
        break;
      }
      case 'dropped':
        note(r.service, 'dropped', i, r.t, r.event);
        break;
      case 'q-handled': {
        if (!r.ok) break;
        let set = handledOk.get(r.queue);
        if (!set) handledOk.set(r.queue, (set = new Set()));
        if (set.has(r.message)) note(r.queue, 'duplicate', i, r.t, r.message);
        else set.add(r.message);
        break;
      }
      case 'q-dead-lettered':
        // Rejected or over the limit with no dead-letter queue to take it: the command is gone.
        if (r.deadLetterQueue === undefined) note(r.queue, 'lost', i, r.t, r.message);
        break;
      default:
        break;
    }
  });
  return out;
}

/** Each invariant that broke, at its first break, with how often it broke; in the order they first broke. */
export function findInvariantBreaks(trace: Trace): InvariantBreak[] {
  return firstBreaks(invariantOccurrences(trace));
}

/** The first occurrence of each (kind, subject), with its count. */
export function firstBreaks(occurrences: readonly InvariantOccurrence[]): InvariantBreak[] {
  const breaks = new Map<string, InvariantBreak>();
  for (const o of occurrences) {
    const key = `${o.kind}|${o.subject}`;
    const seen = breaks.get(key);
    if (seen) seen.count++;
    else breaks.set(key, { ...o, count: 1 });
  }
  return [...breaks.values()].sort((a, b) => a.recordIndex - b.recordIndex);
}
