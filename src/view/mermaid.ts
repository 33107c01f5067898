// The sequence view's window as Mermaid `sequenceDiagram` text, for pasting into docs and issues.
// Pure and deterministic: participants are the nodes (lanes) in order; requests and events are
// `->>`, replies and acks `-->>`, failures and messages lost on a cut link `-x`.
//
// Escaping: Mermaid reads a message or an alias up to the end of the line, treats `;` as a
// statement break and `#…;` as an entity code, and renders `<`/`>` as HTML. So those characters
// become entity codes (`#59;`, `#35;`, `#lt;`, `#gt;`, `#amp;`), and line breaks become spaces.
// Participant ids must be plain words (a `-` in an id would read as the start of an arrow).

import type { MessageKind } from '../engine/types';

export interface MermaidArrow {
  t: number;
  from: string;
  to: string;
  kind: MessageKind;
  label: string;
  lost?: boolean;
}

export interface MermaidInput {
  /** Nodes, in the order their lifelines are drawn. */
  participants: { id: string; label: string }[];
  arrows: MermaidArrow[];
  /** One comment line at the top (scenario, seed, window). */
  comment?: string;
}

const ENTITY: Record<string, string> = { '#': '#35;', ';': '#59;', '&': '#amp;', '<': '#lt;', '>': '#gt;' };

export function escapeMermaidText(text: string): string {
  // One pass, so the `#` and `;` of an inserted code are never escaped again.
  return text
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(/[#;&<>]/g, (c) => ENTITY[c]);
}

/** A plain-word id for each node id, unique within the diagram. */
export function mermaidIds(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (base === '' || /^[0-9]/.test(base)) base = `n_${base}`;
    // Mermaid keywords cannot name a participant.
    if (/^(end|participant|actor|loop|alt|else|opt|par|and|rect|note|critical|break|box|activate|deactivate|title|autonumber|create|destroy|links?)$/i.test(base)) base = `${base}_`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
    used.add(candidate);
    out.set(id, candidate);
  }
  return out;
}

export function mermaidArrowFor(kind: MessageKind, lost: boolean): '->>' | '-->>' | '-x' {
  if (lost || kind === 'failure') return '-x';
  if (kind === 'reply' || kind === 'ack') return '-->>';
  return '->>';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

export function toMermaidSequence(input: MermaidInput): string {
  const ids = mermaidIds([...input.participants.map((p) => p.id), ...input.arrows.flatMap((a) => [a.from, a.to])]);
  const lines = ['sequenceDiagram'];
  if (input.comment) lines.push(`  %% ${input.comment.replace(/[\r\n]+/g, ' ')}`);
  const declared = new Set<string>();
  const declare = (id: string, label: string) => {
    if (declared.has(id)) return;
    declared.add(id);
    lines.push(`  participant ${ids.get(id)} as ${escapeMermaidText(label) || ids.get(id)}`);
  };
  for (const p of input.participants) declare(p.id, p.label);
  // A hop may name a node the scenario does not declare: it still needs a lifeline.
  for (const a of input.arrows) {
    declare(a.from, a.from);
    declare(a.to, a.to);
  }
  for (const a of input.arrows) {
    const text = escapeMermaidText(`${seconds(a.t)} ${a.label}${a.lost ? ' (lost)' : ''}`);
    lines.push(`  ${ids.get(a.from)}${mermaidArrowFor(a.kind, a.lost === true)}${ids.get(a.to)}: ${text}`);
  }
  return `${lines.join('\n')}\n`;
}
