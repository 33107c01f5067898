// Scenario → React Flow nodes and edges. Pure and computed once per scenario: the graph's shape
// never changes while the clock runs, only the numbers drawn inside the nodes do.
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { ClientSpec, NodeSpec, QueueSpec, Scenario, ServiceSpec, TopicSpec } from '../../engine/types';
import type { Msg } from '../../i18n/format';

/** How two nodes are connected: a synchronous call, a write to a log, or a read from it. */
export type LinkKind = 'http' | 'publish' | 'subscribe';

export interface LinkData extends Record<string, unknown> {
  kind: LinkKind;
  /** English; names of commands and events stay as they are in every language. */
  label: string;
  /** The label as a message, where it is words to translate ("produce", "dead letter"). */
  msg?: Msg;
}

export type ServiceFlowNode = Node<{ spec: ServiceSpec }, 'service'>;
export type TopicFlowNode = Node<{ spec: TopicSpec }, 'topic'>;
export type ClientFlowNode = Node<{ spec: ClientSpec }, 'client'>;
export type QueueFlowNode = Node<{ spec: QueueSpec }, 'queue'>;
export type LabFlowNode = ServiceFlowNode | TopicFlowNode | ClientFlowNode | QueueFlowNode;
export type LabFlowEdge = Edge<LinkData, 'link'>;

/**
 * Scenarios are laid out left to right. On a portrait phone that leaves each node a few pixels
 * wide, so there the picture is turned to flow top to bottom: x and y swap, and the new x is
 * spread a little because nodes are wider than they are tall.
 */
export interface FlowLayout {
  vertical: boolean;
}

const VERTICAL_SPREAD = 1.15;

function place(p: { x: number; y: number }, layout: FlowLayout): { x: number; y: number } {
  return layout.vertical ? { x: p.y * VERTICAL_SPREAD, y: p.x } : p;
}

function toFlowNode(spec: NodeSpec, layout: FlowLayout): LabFlowNode {
  const base = { id: spec.id, position: place(spec.position, layout), draggable: false, selectable: false, connectable: false };
  switch (spec.kind) {
    case 'service':
      return { ...base, type: 'service', data: { spec } };
    case 'topic':
      return { ...base, type: 'topic', data: { spec } };
    case 'client':
      return { ...base, type: 'client', data: { spec } };
    case 'queue':
      return { ...base, type: 'queue', data: { spec } };
  }
}

export function buildFlow(scenario: Scenario, layout: FlowLayout = { vertical: false }): { nodes: LabFlowNode[]; edges: LabFlowEdge[] } {
  const specs = new Map(scenario.nodes.map((n) => [n.id, n]));
  const edges: LabFlowEdge[] = [];
  const seen = new Set<string>();

  const link = (source: string, target: string, kind: LinkKind, label: string, msg?: Msg) => {
    // An edge to a node the scenario does not declare would make React Flow warn and draw nothing.
    if (!specs.has(source) || !specs.has(target)) return;
    const id = `${kind}:${source}->${target}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({
      id,
      source,
      target,
      type: 'link',
      data: msg ? { kind, label, msg } : { kind, label },
      focusable: false,
      selectable: false,
      // currentColor: the arrow takes the colour the stylesheet gives the edge layer (light/dark).
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'currentColor' },
    });
  };

  for (const n of scenario.nodes) {
    if (n.kind === 'client') {
      const target = specs.get(n.target);
      if (target?.kind === 'topic') link(n.id, n.target, 'publish', 'produce', { key: 'graph.linkProduce' });
      else if (target?.kind === 'queue') link(n.id, n.target, 'publish', `enqueue ${n.command}`, { key: 'graph.linkEnqueue', params: { command: n.command } });
      else link(n.id, n.target, 'http', `POST ${n.command}`);
    } else if (n.kind === 'service') {
      for (const ep of n.endpoints) {
        for (const a of ep.then) {
          if (a.kind === 'call') link(n.id, a.target, 'http', `POST ${a.endpoint}`);
          else if (a.kind === 'publish') link(n.id, a.topic, 'publish', a.eventType);
          else link(n.id, a.queue, 'publish', a.messageType);
        }
      }
      for (const c of n.consumers) {
        // Unlabelled: the topic node already lists every group and its lag.
        link(c.topic, n.id, 'subscribe', '');
        for (const e of c.emits) link(n.id, e.topic, 'publish', e.eventType);
        if (c.deadLetterTopic) link(n.id, c.deadLetterTopic, 'publish', 'dead letter', { key: 'graph.linkDeadLetter' });
      }
      for (const q of n.queueConsumers ?? []) {
        link(q.queue, n.id, 'subscribe', '');
        for (const e of q.emits) link(n.id, e.topic, 'publish', e.eventType);
      }
    } else if (n.kind === 'queue') {
      if (n.deadLetterQueue) link(n.id, n.deadLetterQueue, 'publish', 'dead letter', { key: 'graph.linkDeadLetter' });
    }
  }
  return { nodes: scenario.nodes.map((n) => toFlowNode(n, layout)), edges };
}
