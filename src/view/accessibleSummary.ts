// Short sentences a screen reader can announce about the world at t (an aria-live region).
// Only what changes the learner's picture is said: nodes that are not up, cut links, saturated services,
// each group's lag, queues that hold messages, and the running counts. Healthy detail is collapsed into one sentence.

import type { Scenario } from '../engine/types';
import type { InvariantBreakAt } from './invariantTimeline';
import { consumerDirectory } from './membersAt';
import { EN_SUMMARY_STRINGS, type SummaryStrings } from './summaryStrings';
import type { World } from './worldAt';

/** What the world at t does not hold by itself: read from the run's index and invariant monitors. */
export interface SummaryExtras {
  /** Nodes down at t because a crash fault killed them mid-message (they restart by themselves). */
  crashed?: ReadonlySet<string>;
  /** Invariants broken by t (see breaksAt in invariantTimeline.ts). */
  breaks?: readonly InvariantBreakAt[];
}

function nodeLines(world: World, strings: SummaryStrings, extras: SummaryExtras): string[] {
  const out: string[] = [];
  for (const node of Object.values(world.nodes)) {
    if (node.status === 'up') continue;
    out.push(node.status === 'down' && extras.crashed?.has(node.id) ? strings.nodeCrashed(node.label) : strings.nodeStatus(node.label, node.status));
  }
  if (out.length === 0) out.push(strings.allNodesUp);
  return out;
}

/** Members whose service is down or crashed while the group still gives them partitions. */
function deadMemberLines(world: World, scenario: Scenario, strings: SummaryStrings): string[] {
  const out: string[] = [];
  const dir = consumerDirectory(scenario);
  for (const topic of Object.values(world.topics)) {
    for (const group of Object.values(topic.groups)) {
      for (const member of group.members) {
        const parts = group.assignment[member]?.length ?? 0;
        const host = dir.memberById.get(member)?.service;
        if (parts > 0 && host !== undefined && world.nodes[host]?.status === 'down') out.push(strings.deadMember(member, group.group, parts));
      }
    }
  }
  return out;
}

function breakLines(scenario: Scenario, strings: SummaryStrings, extras: SummaryExtras): string[] {
  const labelOf = new Map(scenario.nodes.map((n) => [n.id, n.label]));
  return (extras.breaks ?? []).map((b) =>
    strings.invariantBroken({
      kind: b.kind,
      subject: b.kind === 'dropped' ? (labelOf.get(b.subject) ?? b.subject) : b.subject,
      count: b.count,
      firstSeconds: b.t / 1000,
    }),
  );
}

/**
 * Only what a learner must hear while the run plays: time, components not up (crashes included),
 * cut links, rebalances, dead members still owning partitions, and broken invariants.
 */
export function describeAlerts(world: World, scenario: Scenario, extras: SummaryExtras = {}, strings: SummaryStrings = EN_SUMMARY_STRINGS): string[] {
  const labelOf = new Map(scenario.nodes.map((n) => [n.id, n.label]));
  const out = [strings.time(world.t / 1000), ...nodeLines(world, strings, extras)];
  for (const link of world.cutLinks) out.push(strings.linkCut(labelOf.get(link.a) ?? link.a, labelOf.get(link.b) ?? link.b));
  for (const topic of Object.values(world.topics)) {
    for (const group of Object.values(topic.groups)) if (group.rebalancing) out.push(strings.rebalancing(group.group, topic.label));
  }
  out.push(...deadMemberLines(world, scenario, strings), ...breakLines(scenario, strings, extras));
  return out;
}

export function describeWorld(world: World, scenario: Scenario, strings: SummaryStrings = EN_SUMMARY_STRINGS, extras: SummaryExtras = {}): string[] {
  const labelOf = new Map(scenario.nodes.map((n) => [n.id, n.label]));
  const out: string[] = [strings.time(world.t / 1000)];

  out.push(...nodeLines(world, strings, extras));
  for (const link of world.cutLinks) out.push(strings.linkCut(labelOf.get(link.a) ?? link.a, labelOf.get(link.b) ?? link.b));

  for (const node of Object.values(world.nodes)) {
    const pool = node.pool;
    if (pool && pool.queued > 0) out.push(strings.saturated(node.label, pool.busy, pool.workers, pool.queued));
  }

  const c = world.counts;
  out.push(
    strings.commands({
      submitted: c.commandsSubmitted,
      ok: c.commandsOk,
      rejected: c.commandsRejected,
      failed: c.commandsFailed,
      pending: c.commandsPending,
    }),
  );
  out.push(strings.eventsPublished(c.eventsPublished));

  for (const topic of Object.values(world.topics)) {
    for (const group of Object.values(topic.groups)) {
      out.push(
        strings.groupLag({
          group: group.group,
          serviceLabel: group.service !== undefined ? labelOf.get(group.service) : undefined,
          topicLabel: topic.label,
          lag: group.lag,
          processed: c.processedByGroup[group.group] ?? 0,
          rebalancing: group.rebalancing,
        }),
      );
    }
  }

  out.push(...deadMemberLines(world, scenario, strings), ...breakLines(scenario, strings, extras));

  for (const queue of Object.values(world.queues)) {
    if (queue.depth > 0 || queue.unacked > 0) out.push(strings.queueDepth(queue.label, queue.depth, queue.unacked));
  }

  out.push(strings.inFlight(world.tokens.length));
  return out;
}
