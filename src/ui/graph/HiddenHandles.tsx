// React Flow only draws an edge between handles. Ours are invisible and centred: the LinkEdge
// computes its own border-to-border line, so where the handles sit does not matter.
import { Handle, Position } from '@xyflow/react';

export function HiddenHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="lab-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="lab-handle" isConnectable={false} />
    </>
  );
}
