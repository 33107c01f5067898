// Every sentence the accessible summary can say, in one place: worded from the message catalogue
// (src/i18n), so the live region speaks the learner's language without touching the logic that
// picks which sentences to say.

import type { InvariantKind } from '../engine/invariants';
import type { NodeStatus } from '../engine/types';
import { tEn, type Translate } from '../i18n/format';
import '../i18n/messages.details.en';

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

/** The sentences worded by a translator: English by default, the learner's language in the lab. */
export function summaryStringsFor(t: Translate): SummaryStrings {
  return {
    time: (seconds) => t('summary.time', { seconds: seconds.toFixed(1) }),
    nodeStatus: (label, status) => t(status === 'down' ? 'summary.down' : status === 'slow' ? 'summary.slow' : 'summary.erroring', { label }),
    nodeCrashed: (label) => t('summary.crashed', { label }),
    rebalancing: (group, topicLabel) => t('summary.rebalancing', { group, topic: topicLabel }),
    deadMember: (member, group, partitions) => t('summary.deadMember', { member, group, count: partitions }),
    invariantBroken: ({ kind, subject, count, firstSeconds }) => {
      const key = kind === 'lost' ? 'summary.lost' : kind === 'duplicate' ? 'summary.duplicate' : kind === 'out-of-order' ? 'summary.outOfOrder' : 'summary.dropped';
      return t(key, { subject, count, first: firstSeconds.toFixed(1) });
    },
    allNodesUp: t('summary.allUp'),
    linkCut: (a, b) => t('summary.linkCut', { a, b }),
    saturated: (label, busy, workers, queued) => t('summary.saturated', { label, busy, workers, count: queued }),
    inFlight: (count) => (count === 0 ? t('summary.noInFlight') : t('summary.inFlight', { count })),
    commands: ({ submitted, ok, rejected, failed, pending }) =>
      submitted === 0
        ? t('summary.noCommands')
        : t(pending > 0 ? 'summary.commandsPending' : 'summary.commands', { count: submitted, ok, rejected, failed, pending }),
    eventsPublished: (count) => (count === 0 ? t('summary.noEvents') : t('summary.events', { count })),
    queueDepth: (label, depth, unacked) => t('summary.queueDepth', { label, count: depth, unacked }),
    groupLag: ({ group, serviceLabel, topicLabel, lag, processed, rebalancing }) => {
      const who = serviceLabel !== undefined ? t('summary.groupOf', { group, service: serviceLabel }) : t('summary.group', { group });
      const params = { who, topic: topicLabel, count: lag, processed };
      if (lag === 0) return t(rebalancing ? 'summary.groupCaughtUpRebalancing' : 'summary.groupCaughtUp', params);
      return t(rebalancing ? 'summary.groupBehindRebalancing' : 'summary.groupBehind', params);
    },
  };
}

export const EN_SUMMARY_STRINGS: SummaryStrings = summaryStringsFor(tEn);
