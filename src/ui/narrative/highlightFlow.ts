// The current step's `highlight` list applied to a graph: node ids, or links written `a->b`
// (matched in either direction, like a cut). Highlighted nodes and edges get a class (outline,
// thicker edge) and words: aria-describedby points at the story panel's sentence naming them,
// edges (role="img" in React Flow) say "highlighted" in their label, and nodes carry a visible
// "in focus" tag from the stylesheet.
import type { LabFlowEdge, LabFlowNode } from '../graph/buildFlow';

export const HIGHLIGHT_CLASS = 'lab-hl';
/** The story panel's sentence naming what is highlighted (NarrativePanel renders it). */
export const HIGHLIGHT_NOTE_ID = 'narrative-highlight-note';

export interface Highlight {
  nodes: ReadonlySet<string>;
  /** Unordered pairs, stored as `a->b` with a < b. */
  links: ReadonlySet<string>;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}->${b}` : `${b}->${a}`;
}

export function parseHighlight(items: readonly string[]): Highlight {
  const nodes = new Set<string>();
  const links = new Set<string>();
  for (const item of items) {
    const i = item.indexOf('->');
    if (i > 0) links.add(pairKey(item.slice(0, i).trim(), item.slice(i + 2).trim()));
    else if (item.trim() !== '') nodes.add(item.trim());
  }
  return { nodes, links };
}

export function highlightFlow(
  flow: { nodes: LabFlowNode[]; edges: LabFlowEdge[] },
  highlight: Highlight | null,
  /** The edge's accessible name: "Checkout → online-orders, highlighted in the story". */
  edgeLabel: (from: string, to: string) => string,
): { nodes: LabFlowNode[]; edges: LabFlowEdge[] } {
  if (!highlight || (highlight.nodes.size === 0 && highlight.links.size === 0)) return flow;
  const labelOf = new Map(flow.nodes.map((n) => [n.id, n.data.spec.label]));
  const nodes = flow.nodes.map((n) =>
    highlight.nodes.has(n.id)
      ? ({ ...n, className: HIGHLIGHT_CLASS, domAttributes: { 'aria-describedby': HIGHLIGHT_NOTE_ID } } as LabFlowNode)
      : n,
  );
  const edges = flow.edges.map((e) =>
    highlight.links.has(pairKey(e.source, e.target))
      ? {
          ...e,
          className: HIGHLIGHT_CLASS,
          zIndex: 1,
          ariaLabel: edgeLabel(labelOf.get(e.source) ?? e.source, labelOf.get(e.target) ?? e.target),
          domAttributes: { 'aria-describedby': HIGHLIGHT_NOTE_ID },
        }
      : e,
  );
  return { nodes, edges };
}
