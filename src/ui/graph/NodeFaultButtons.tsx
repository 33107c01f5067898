// The learner's fault switches on a service. Real buttons (mouse, keyboard, screen readers); the
// node's name is in the accessible name ("Take Order Fulfillment down") but hidden visually,
// because the node already shows it right above. The spaces sit outside the hidden span: name
// computation trims inside it, which would glue the words together.
import { useT } from '../../i18n/i18nStore';
import { withNodes } from '../../i18n/withNodes';
import { toggleNodeFault } from '../../state/commands';
import { useNodeFaults } from '../../state/useNodeFaults';
import { useWorldSelector } from '../../state/useWorldSelector';
import { FaultMenu } from './FaultMenu';

export function NodeFaultButtons({ nodeId, label }: { nodeId: string; label: string }) {
  const { down, slow } = useNodeFaults(nodeId);
  // Down, but not by the learner's switch: the scenario stops it (C1's crash), or a crash fault
  // fired. "Take down" would add nothing, and the learner cannot undo the scenario's own fault.
  const downOtherwise = useWorldSelector((w) => w.nodes[nodeId]?.status === 'down') && !down;
  const t = useT();
  const name = { name: <span className="sr-only">{label}</span> };
  return (
    <div className="lab-node__faults nodrag nopan">
      {downOtherwise ? (
        <button type="button" className="lab-fault-btn is-on" aria-disabled="true" title={t('graph.downOtherwiseTitle')}>
          {withNodes(t('graph.downOtherwise'), name)}
        </button>
      ) : (
        <button type="button" className={`lab-fault-btn${down ? ' is-on' : ''}`} onClick={() => toggleNodeFault(nodeId, 'down')}>
          {withNodes(t(down ? 'graph.bringUp' : 'graph.takeDown'), name)}
        </button>
      )}
      <button type="button" className={`lab-fault-btn${slow ? ' is-on' : ''}`} onClick={() => toggleNodeFault(nodeId, 'slow')}>
        {withNodes(t(slow ? 'graph.makeFast' : 'graph.makeSlow'), name)}
      </button>
      <FaultMenu nodeId={nodeId} label={label} />
    </div>
  );
}
