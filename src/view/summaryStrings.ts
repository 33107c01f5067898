// Every sentence the accessible summary can say, in one place, so a zh-CN table can sit beside
// the English one later without touching the logic that picks which sentences to say.

import type { InvariantKind } from '../engine/invariants';
import type { NodeStatus } from '../engine/types';

export interface CommandCounts {
  submitted: number;
  ok: number;
  rejected: number;
  failed: number;
  pending: number;
}

export interface GroupLagFacts {
  group: string;
  /** Label of the service that owns the group, when known. */
  serviceLabel: string | undefined;
  topicLabel: string;
  lag: number;
  processed: number;
  rebalancing: boolean;
}

export interface InvariantFacts {
  kind: InvariantKind;
  /** Consumer group id, or for `dropped` the label of the service whose entity state dropped events. */
  subject: string;
  count: number;
  /** When it first broke. */
  firstSeconds: number;
}

export interface SummaryStrings {
  time(seconds: number): string;
  nodeStatus(label: string, status: Exclude<NodeStatus, 'up'>): string;
  /** Down because a crash fault killed it in the middle of a message; it restarts by itself. */
  nodeCrashed(label: string): string;
  /** A group is moving partitions between its members (work pauses meanwhile). */
  rebalancing(group: string, topicLabel: string): string;
  /** Consumer members that are dead (their service down or crashed) and still hold partitions. */
  deadMember(member: string, group: string, partitions: number): string;
  invariantBroken(facts: InvariantFacts): string;
  allNodesUp: string;
  linkCut(a: string, b: string): string;
  saturated(label: string, busy: number, workers: number, queued: number): string;
  inFlight(count: number): string;
  commands(counts: CommandCounts): string;
  eventsPublished(count: number): string;
  queueDepth(label: string, depth: number, unacked: number): string;
  groupLag(facts: GroupLagFacts): string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const EN_SUMMARY_STRINGS: SummaryStrings = {
  time: (seconds) => `At ${seconds.toFixed(1)} seconds.`,
  nodeStatus: (label, status) => {
    switch (status) {
      case 'down':
        return `${label} is down.`;
      case 'slow':
        return `${label} is slow.`;
      case 'erroring':
        return `${label} is failing requests.`;
    }
  },
  nodeCrashed: (label) => `${label} crashed in the middle of a message and is restarting.`,
  rebalancing: (group, topicLabel) => `Consumer group ${group} on ${topicLabel} is rebalancing: its members pause while partitions move.`,
  deadMember: (member, group, partitions) =>
    `Member ${member} of group ${group} is dead but still owns ${plural(partitions, 'partition', 'partitions')} until the group notices.`,
  invariantBroken: ({ kind, subject, count, firstSeconds }) => {
    const first = `first at ${firstSeconds.toFixed(1)} seconds`;
    switch (kind) {
      case 'lost':
        return `Warning: consumer group ${subject} lost ${plural(count, 'event', 'events')} (${first}).`;
      case 'duplicate':
        return `Warning: consumer group ${subject} processed ${plural(count, 'event', 'events')} twice (${first}).`;
      case 'out-of-order':
        return `Warning: consumer group ${subject} processed ${plural(count, 'event', 'events')} out of order (${first}).`;
      case 'dropped':
        return `Warning: ${subject} dropped ${plural(count, 'event', 'events')} that arrived in the wrong state (${first}).`;
    }
  },
  allNodesUp: 'All components are up.',
  linkCut: (a, b) => `The network between ${a} and ${b} is cut.`,
  saturated: (label, busy, workers, queued) =>
    `${label} is saturated: ${busy} of ${workers} workers busy, ${plural(queued, 'request', 'requests')} waiting.`,
  inFlight: (count) => (count === 0 ? 'No messages in flight.' : `${plural(count, 'message', 'messages')} in flight.`),
  commands: ({ submitted, ok, rejected, failed, pending }) =>
    submitted === 0
      ? 'No commands submitted yet.'
      : `${plural(submitted, 'command', 'commands')} submitted: ${ok} succeeded, ${rejected} rejected, ${failed} failed` +
        (pending > 0 ? `, ${pending} in progress.` : '.'),
  eventsPublished: (count) =>
    count === 0 ? 'No events published yet.' : `${plural(count, 'event', 'events')} published.`,
  queueDepth: (label, depth, unacked) =>
    `${label} holds ${plural(depth, 'message', 'messages')} waiting and ${unacked} being handled.`,
  groupLag: ({ group, serviceLabel, topicLabel, lag, processed, rebalancing }) => {
    const who = serviceLabel !== undefined ? `Consumer group ${group} (${serviceLabel})` : `Consumer group ${group}`;
    const state = lag === 0 ? 'is caught up' : `is ${plural(lag, 'event', 'events')} behind`;
    const extra = rebalancing ? ', rebalancing' : '';
    return `${who} on ${topicLabel} ${state}${extra}; ${processed} processed.`;
  },
};
