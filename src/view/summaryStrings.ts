// Every sentence the accessible summary can say, in one place, so a zh-CN table can sit beside
// the English one later without touching the logic that picks which sentences to say.

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

export interface SummaryStrings {
  time(seconds: number): string;
  nodeStatus(label: string, status: Exclude<NodeStatus, 'up'>): string;
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
