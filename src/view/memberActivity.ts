// What each consumer-group member's handler is doing at t: handling a record, or holding one that
// failed (waiting to retry it, or parking it on a dead-letter topic). A member's partitions alone
// do not say that a lone consumer is working flat out, or that it is stuck on one record (C4); the
// member's row in the graph does, in text.
//
// Read from the trace: `deliver` starts handling, `processed` ends it, `handler-failed` leaves the
// record held (blocking retry: nothing after it in that partition overtakes it), `dead-lettered`
// releases it. A crash or stop of the hosting process and a new assignment of the group void
// whatever a member held (the engine drops it and starts over from the committed offsets).
import type { Scenario, Trace } from '../engine/types';
import { consumerDirectory } from './membersAt';
import { lastAtOrBefore } from './search';

/** A record of one partition, and which attempt at it. */
export interface HeldRecord {
  partition: number;
  offset: number;
  /** 1-based: the attempt in the handler, or the last one that failed. */
  attempt: number;
}

export interface MemberActivity {
  /** The record in the handler now, if any (a member handles one at a time). */
  handling: HeldRecord | undefined;
  /**
   * Records that failed and wait for their retry (or their trip to the dead-letter topic), by
   * partition order: each blocks its own partition while the member serves the others.
   */
  failed: HeldRecord[];
}

const IDLE: MemberActivity = { handling: undefined, failed: [] };

interface Series {
  t: number[];
  state: MemberActivity[];
}

const cache = new WeakMap<Trace, Map<string, Series>>();

function seriesOf(trace: Trace, scenario: Scenario): Map<string, Series> {
  const hit = cache.get(trace);
  if (hit) return hit;
  const dir = consumerDirectory(scenario);
  const byMember = new Map<string, Series>();
  const current = new Map<string, MemberActivity>();
  const membersOfService = new Map<string, string[]>();
  const membersOfGroup = new Map<string, string[]>();
  const memberOf = new Map(dir.members.map((m) => [m.id, m]));
  /** Cut links, as `a|b` with a < b. */
  const cut = new Set<string>();
  const pair = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const m of dir.members) {
    byMember.set(m.id, { t: [], state: [] });
    membersOfService.set(m.service, [...(membersOfService.get(m.service) ?? []), m.id]);
    membersOfGroup.set(m.group, [...(membersOfGroup.get(m.group) ?? []), m.id]);
  }
  const now = (member: string): MemberActivity => current.get(member) ?? IDLE;
  const set = (member: string, t: number, state: MemberActivity): void => {
    const s = byMember.get(member);
    if (!s) return;
    current.set(member, state);
    // One entry per instant: the state after the instant's last record.
    if (s.t.length > 0 && s.t[s.t.length - 1] === t) s.state[s.state.length - 1] = state;
    else {
      s.t.push(t);
      s.state.push(state);
    }
  };
  const withoutPartition = (failed: HeldRecord[], partition: number): HeldRecord[] => failed.filter((f) => f.partition !== partition);
  const idleAll = (members: string[] | undefined, t: number): void => {
    for (const m of members ?? []) if (now(m) !== IDLE) set(m, t, IDLE);
  };
  for (const r of trace.records) {
    switch (r.type) {
      case 'deliver': {
        // A retry takes the failed record back into the handler.
        const handling = { partition: r.partition, offset: r.offset, attempt: r.attempt };
        set(r.member, r.t, { handling, failed: withoutPartition(now(r.member).failed, r.partition) });
        break;
      }
      case 'processed':
        set(r.member, r.t, { handling: undefined, failed: now(r.member).failed });
        break;
      case 'handler-failed': {
        const failed = [...withoutPartition(now(r.member).failed, r.partition), { partition: r.partition, offset: r.offset, attempt: r.attempt }];
        set(r.member, r.t, { handling: undefined, failed: failed.sort((a, b) => a.partition - b.partition) });
        break;
      }
      case 'dead-lettered':
        for (const m of membersOfGroup.get(r.group) ?? []) {
          const { handling, failed } = now(m);
          if (failed.some((f) => f.partition === r.partition && f.offset === r.offset)) set(m, r.t, { handling, failed: withoutPartition(failed, r.partition) });
        }
        break;
      case 'crash':
        idleAll(membersOfService.get(r.node), r.t);
        break;
      case 'node':
        if (r.status === 'down') idleAll(membersOfService.get(r.node), r.t);
        break;
      case 'link':
        if (r.cut) cut.add(pair(r.a, r.b));
        else cut.delete(pair(r.a, r.b));
        break;
      case 'assign':
        // A new assignment starts every member over from the committed offsets — but a member cut off
        // from the broker (evicted) is left out of it and goes on with what it had fetched.
        idleAll(
          membersOfGroup.get(r.group)?.filter((id) => {
            const m = memberOf.get(id)!;
            return !cut.has(pair(m.topic, m.service));
          }),
          r.t,
        );
        break;
    }
  }
  cache.set(trace, byMember);
  return byMember;
}

/** The member's handler at t (idle before its first record and for members the trace never names). */
export function memberActivityAt(trace: Trace, scenario: Scenario, memberId: string, t: number): MemberActivity {
  const s = seriesOf(trace, scenario).get(memberId);
  if (!s) return IDLE;
  const i = lastAtOrBefore(s.t, t);
  return i < 0 ? IDLE : s.state[i];
}
