// The network links of a scenario: one per pair of connected nodes, whatever the edges between
// them carry (a cut drops messages both ways). Named after the first edge drawn between the pair,
// so the edge button and the node menus say the same thing: "Cut link Checkout → online-orders".
import type { Scenario } from '../../engine/types';
import { buildFlow } from './buildFlow';

export interface NetLink {
  /** Source of the first edge between the pair. */
  a: string;
  b: string;
  aLabel: string;
  bLabel: string;
  /** The edge that carries this link's cut button. */
  edgeId: string;
}

const cache = new WeakMap<Scenario, NetLink[]>();

export function netLinks(scenario: Scenario): NetLink[] {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const labels = new Map(scenario.nodes.map((n) => [n.id, n.label]));
  const seen = new Set<string>();
  const links: NetLink[] = [];
  for (const e of buildFlow(scenario).edges) {
    const pair = e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    links.push({ a: e.source, b: e.target, aLabel: labels.get(e.source) ?? e.source, bLabel: labels.get(e.target) ?? e.target, edgeId: e.id });
  }
  cache.set(scenario, links);
  return links;
}

export function linkName(link: NetLink): string {
  return `${link.aLabel} → ${link.bLabel}`;
}
