import type { Trace } from './types';

export type InvariantKind = 'lost' | 'duplicate' | 'out-of-order' | 'dropped';

/** Where an invariant first broke: the trace record to jump to, and how often it broke in all. */
export interface InvariantBreak {
  /** Consumer group (or, for `dropped`, the service whose state rejected an event). */
  subject: string;
  kind: InvariantKind;
  recordIndex: number;
  t: number;
  event: number;
  count: number;
}

/**
 * Invariant monitors: every event processed by every group (none lost), at most once in effect (no
 * duplicate), per key in offset order; and no event dropped by an entity in the wrong state.
 */
export function findInvariantBreaks(trace: Trace): InvariantBreak[] {
  const breaks = new Map<string, InvariantBreak>();
  const note = (subject: string, kind: InvariantKind, recordIndex: number, t: number, event: number): void => {
    const key = `${kind}|${subject}`;
    const seen = breaks.get(key);
    if (seen) seen.count++;
    else breaks.set(key, { subject, kind, recordIndex, t, event, count: 1 });
  };
  const processed = new Map<string, Set<number>>();
  const lastByKey = new Map<string, { partition: number; offset: number }>();
  trace.records.forEach((r, i) => {
    switch (r.type) {
      case 'lost':
        note(r.group, 'lost', i, r.t, r.event);
        break;
      case 'processed': {
        if (r.skippedDuplicate) break;
        let set = processed.get(r.group);
        if (!set) processed.set(r.group, (set = new Set()));
        if (set.has(r.event)) {
          note(r.group, 'duplicate', i, r.t, r.event);
          break;
        }
        set.add(r.event);
        const k = `${r.group}|${r.key}`;
        const last = lastByKey.get(k);
        if (last && last.partition === r.partition && last.offset > r.offset) note(r.group, 'out-of-order', i, r.t, r.event);
        else lastByKey.set(k, { partition: r.partition, offset: r.offset });
        break;
      }
      case 'dropped':
        note(r.service, 'dropped', i, r.t, r.event);
        break;
      default:
        break;
    }
  });
  return [...breaks.values()].sort((a, b) => a.recordIndex - b.recordIndex);
}
