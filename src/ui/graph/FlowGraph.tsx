// The topology of one run as a React Flow graph, with the message tokens in an overlay.
// Nodes and edges come from the scenario only, so the clock never re-renders <ReactFlow>.
import { ReactFlow, type AriaLabelConfig, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import { useMemo, type CSSProperties } from 'react';
import type { Translate } from '../../i18n/format';
import { useT } from '../../i18n/i18nStore';
import { noticeText } from '../../i18n/notices';
import { useMediaQuery } from '../useMediaQuery';
import { useHighlightedFlow } from '../narrative/useNarrativeHighlight';
import type { Scenario } from '../../engine/types';
import { buildFlow, type LabFlowEdge, type LabFlowNode } from './buildFlow';
import { ClientNode } from './ClientNode';
import { FitOnResize } from './FitOnResize';
import { LinkEdge } from './LinkEdge';
import { QueueNode } from './QueueNode';
import { ServiceNode } from './ServiceNode';
import { TokenLayer } from './TokenLayer';
import { TopicNode } from './TopicNode';
import './graph.css';

// Module-level: React Flow warns (and remounts every node) if these objects change identity.
const nodeTypes: NodeTypes = { service: ServiceNode, topic: TopicNode, client: ClientNode, queue: QueueNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };

const FIT_PADDING = 0.04;

// React Flow's own screen-reader hints describe selecting, moving and deleting nodes and edges,
// none of which this graph allows (nothing in it is focusable): say nothing rather than mislead.
const ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': '',
  'node.a11yDescription.keyboardDisabled': '',
  'edge.a11yDescription.default': '',
};

/** Each edge named in words ("HTTP call: Shoppers → Checkout"), not React Flow's "Edge from shoppers to checkout". */
function nameEdges(flow: { nodes: LabFlowNode[]; edges: LabFlowEdge[] }, scenario: Scenario, t: Translate) {
  const label = new Map(scenario.nodes.map((n) => [n.id, n.label]));
  const edges = flow.edges.map((e) => ({
    ...e,
    ariaLabel: t('graph.edgeName', { kind: t(`legend.${e.data?.kind ?? 'http'}`), from: label.get(e.source) ?? e.source, to: label.get(e.target) ?? e.target }),
  }));
  return { nodes: flow.nodes, edges };
}
/** Portrait phones: the graph flows top to bottom (see buildFlow), its fault switches listed under it. */
export const VERTICAL_QUERY = '(max-width: 599px)';

export function FlowGraph({ scenario, error }: { scenario: Scenario; error?: string }) {
  const vertical = useMediaQuery(VERTICAL_QUERY);
  const t = useT();
  const built = useMemo(() => nameEdges(buildFlow(scenario, { vertical }), scenario, t), [scenario, vertical, t]);
  // The guided story's highlights: a new nodes array only when the step changes.
  const { nodes, edges } = useHighlightedFlow(built);
  return (
    <div
      className={`lab-graph${vertical ? ' lab-graph--vertical' : ''}`}
      data-testid={`graph-${scenario.id}`}
      // The highlighted node's tag is drawn by the stylesheet (a ::before): its words come from here.
      style={{ '--lab-hl-tag': JSON.stringify(`◎ ${t('graph.inFocus')}`) } as CSSProperties}
    >
      {error ? (
        <p className="lab-notice" role="alert">
          {noticeText(error, t)}
        </p>
      ) : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode="system"
        ariaLabelConfig={ARIA_LABELS}
        fitView
        fitViewOptions={{ padding: FIT_PADDING }}
        minZoom={0.2}
        maxZoom={1.5}
        // A teaching picture, not an editor: nothing to drag, select, connect or delete, and the
        // page must keep scrolling on phones, so the pane does not capture wheel or touch.
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        panOnDrag={false}
        panOnScroll={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
        // Space is the lab's play/pause key; React Flow would use it to pan.
        panActivationKeyCode={null}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomActivationKeyCode={null}
        disableKeyboardA11y
      >
        <TokenLayer />
        <FitOnResize padding={FIT_PADDING} />
      </ReactFlow>
    </div>
  );
}
