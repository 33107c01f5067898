// @vitest-environment jsdom
// Guards tests/setup.ts: if the jsdom stubs break, React Flow renders no nodes and every
// component test of the graph fails in confusing ways. This fails first, with a clear name.
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import { render, screen } from '@testing-library/react';
import { MotionGlobalConfig } from 'motion';
import { motion } from 'motion/react';
import { describe, expect, it } from 'vitest';

describe('test setup (jsdom)', () => {
  it('renders React Flow nodes and edges', async () => {
    const nodes: Node[] = [
      { id: 'a', position: { x: 0, y: 0 }, data: { label: 'Checkout' } },
      { id: 'b', position: { x: 200, y: 0 }, data: { label: 'Fulfillment' } },
    ];
    const edges: Edge[] = [{ id: 'a-b', source: 'a', target: 'b' }];
    render(
      <div style={{ width: 800, height: 600 }}>
        <ReactFlow nodes={nodes} edges={edges} fitView />
      </div>,
    );
    expect(await screen.findByText('Checkout')).toBeInTheDocument();
    expect(screen.getByText('Fulfillment')).toBeInTheDocument();
    // Edges are only drawn once React Flow has measured the nodes, i.e. the stubs work.
    await expect.poll(() => document.querySelectorAll('.react-flow__edge').length).toBe(1);
  });

  it('runs motion animations instantly', async () => {
    expect(MotionGlobalConfig.skipAnimations).toBe(true);
    render(<motion.div data-testid="token" initial={{ opacity: 0 }} animate={{ opacity: 1 }} transition={{ duration: 10 }} />);
    await expect.poll(() => screen.getByTestId('token').style.opacity).toBe('1');
  });

  it('provides matchMedia', () => {
    expect(window.matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(false);
  });
});
