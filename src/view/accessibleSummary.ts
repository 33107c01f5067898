// Short sentences a screen reader can announce about the world at t (an aria-live region).
// Only what changes the learner's picture is said: nodes that are not up, cut links, saturated services,
// each group's lag, queues that hold messages, and the running counts. Healthy detail is collapsed into one sentence.

import type { Scenario } from '../engine/types';
import { EN_SUMMARY_STRINGS, type SummaryStrings } from './summaryStrings';
import type { World } from './worldAt';

export function describeWorld(world: World, scenario: Scenario, strings: SummaryStrings = EN_SUMMARY_STRINGS): string[] {
  const labelOf = new Map(scenario.nodes.map((n) => [n.id, n.label]));
  const out: string[] = [strings.time(world.t / 1000)];

  let allUp = true;
  for (const node of Object.values(world.nodes)) {
    if (node.status === 'up') continue;
    allUp = false;
    out.push(strings.nodeStatus(node.label, node.status));
  }
  if (allUp) out.push(strings.allNodesUp);
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

  for (const queue of Object.values(world.queues)) {
    if (queue.depth > 0 || queue.unacked > 0) out.push(strings.queueDepth(queue.label, queue.depth, queue.unacked));
  }

  out.push(strings.inFlight(world.tokens.length));
  return out;
}
