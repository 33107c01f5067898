// Which fault makes sense where, shared by scenario files, the runner's --fault and (through them)
// shared links: a fault that could do nothing is refused, so a typo never silently changes nothing.
import type { FaultSpec, NodeSpec, Scenario } from '../engine/types';

/** Every pair of nodes a message can travel between, as `a|b` with a < b. */
export function linkedPairs(scenario: Scenario): Set<string> {
  const pairs = new Set<string>();
  const add = (a: string, b: string): void => {
    pairs.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  };
  for (const n of scenario.nodes) {
    if (n.kind === 'client') add(n.id, n.target);
    if (n.kind === 'queue' && n.deadLetterQueue) add(n.id, n.deadLetterQueue);
    if (n.kind !== 'service') continue;
    for (const e of n.endpoints) {
      for (const a of e.then) add(n.id, a.kind === 'call' ? a.target : a.kind === 'publish' ? a.topic : a.queue);
      if (e.publishFailures) add(n.id, e.publishFailures.topic);
    }
    for (const c of n.consumers) {
      add(n.id, c.topic);
      if (c.deadLetterTopic) add(n.id, c.deadLetterTopic);
      for (const e of c.emits) add(n.id, e.topic);
    }
    for (const q of n.queueConsumers ?? []) {
      add(n.id, q.queue);
      for (const e of q.emits) add(n.id, e.topic);
    }
  }
  return pairs;
}

const ALLOWED: Record<FaultSpec['kind'], NodeSpec['kind'][]> = {
  down: ['service', 'topic', 'queue'],
  slow: ['service'],
  error: ['service'],
  crash: ['service'],
  poison: ['topic', 'queue'],
  cut: [],
};

/** Why this fault cannot apply to this scenario, or undefined when it can. Node existence is checked by the caller. */
export function faultProblem(fault: FaultSpec, scenario: Scenario): string | undefined {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  if (fault.kind === 'cut') {
    const ends = fault.target.split('->');
    if (ends.length !== 2) return `a cut takes a link 'a->b', found '${fault.target}'`;
    const [a, b] = ends;
    if (a === b) return `a cut needs two different nodes, found '${fault.target}'`;
    if (!byId.has(a) || !byId.has(b)) return undefined;
    if (!linkedPairs(scenario).has(a < b ? `${a}|${b}` : `${b}|${a}`)) return `no messages travel between '${a}' and '${b}': cutting that link would change nothing`;
    return undefined;
  }
  const node = byId.get(fault.target);
  if (!node) return undefined;
  if (!ALLOWED[fault.kind].includes(node.kind)) return `${fault.kind} applies to a ${ALLOWED[fault.kind].join(' or ')}, and '${fault.target}' is a ${node.kind}`;
  return undefined;
}

/**
 * Why a fault starting at fromMs can do nothing in a run that ends at endMs, or undefined when it
 * can. The run is [0, endMs): a fault from the end on never applies. One wording for scenario files
 * and the runner's --fault (where endMs is --until when given).
 */
export function faultStartProblem(fromMs: number, endMs: number): string | undefined {
  if (fromMs < endMs) return undefined;
  return `starts at ${fromMs / 1000}s, at or after the run ends (${endMs / 1000}s): it could do nothing`;
}

/**
 * Everything that keeps a learner's fault from doing anything in a run of `scenario` ending at endMs:
 * a node that is not there, a kind that does not apply to it, a start at or after the end. One
 * check for the runner's --fault and a link's faults=.
 */
export function faultProblemIn(fault: FaultSpec, scenario: Scenario, endMs = scenario.durationMs): string | undefined {
  const ids = scenario.nodes.map((n) => n.id);
  for (const id of fault.target.split('->')) {
    if (!ids.includes(id)) return `'${id}' is not a node of ${scenario.id} (nodes: ${ids.join(', ')})`;
  }
  return faultProblem(fault, scenario) ?? faultStartProblem(fault.fromMs, endMs);
}
