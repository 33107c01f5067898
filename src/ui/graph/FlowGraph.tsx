// The topology of one run as a React Flow graph, with the message tokens in an overlay.
// Nodes and edges come from the scenario only, so the clock never re-renders <ReactFlow>.
import { ReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import { useMediaQuery } from '../useMediaQuery';
import { useHighlightedFlow } from '../narrative/useNarrativeHighlight';
import type { Scenario } from '../../engine/types';
import { buildFlow } from './buildFlow';
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
/** Portrait phones: the graph flows top to bottom (see buildFlow). */
const VERTICAL_QUERY = '(max-width: 599px)';

export function FlowGraph({ scenario, error }: { scenario: Scenario; error?: string }) {
  const vertical = useMediaQuery(VERTICAL_QUERY);
  const built = useMemo(() => buildFlow(scenario, { vertical }), [scenario, vertical]);
  // The guided story's highlights: a new nodes array only when the step changes.
  const { nodes, edges } = useHighlightedFlow(built);
  return (
    <div className={`lab-graph${vertical ? ' lab-graph--vertical' : ''}`} data-testid={`graph-${scenario.id}`}>
      {error ? (
        <p className="lab-notice" role="alert">
          {error}
        </p>
      ) : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode="system"
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
