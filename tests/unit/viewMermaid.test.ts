import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import { findScenario } from '../../src/scenarios/builtins';
import { escapeMermaidText, mermaidArrowFor, mermaidIds, toMermaidSequence } from '../../src/view/mermaid';
import { sequenceWindow } from '../../src/view/sequence';
import { buildTraceIndex } from '../../src/view/traceIndex';

describe('Mermaid export', () => {
  it('draws requests and events solid, replies and acks dotted, failures and lost messages with a cross', () => {
    expect(mermaidArrowFor('command', false)).toBe('->>');
    expect(mermaidArrowFor('event', false)).toBe('->>');
    expect(mermaidArrowFor('reply', false)).toBe('-->>');
    expect(mermaidArrowFor('ack', false)).toBe('-->>');
    expect(mermaidArrowFor('failure', false)).toBe('-x');
    expect(mermaidArrowFor('command', true)).toBe('-x');
  });

  it('escapes what Mermaid would read as syntax, in one pass', () => {
    expect(escapeMermaidText('a;b')).toBe('a#59;b');
    expect(escapeMermaidText('#1')).toBe('#35;1');
    expect(escapeMermaidText('<b>&')).toBe('#lt;b#gt;#amp;');
    expect(escapeMermaidText('x\ny\r\nz')).toBe('x y z');
    expect(escapeMermaidText('#;')).toBe('#35;#59;');
  });

  it('gives participants plain, unique, non-keyword ids', () => {
    const ids = mermaidIds(['online-orders', 'online_orders', 't.dlt', '3d', 'end', 'checkout']);
    expect([...ids.values()]).toEqual(['online_orders', 'online_orders_2', 't_dlt', 'n_3d', 'end_', 'checkout']);
  });

  it('writes a complete diagram', () => {
    const text = toMermaidSequence({
      comment: 'demo; seed 1',
      participants: [
        { id: 'shop', label: 'Shop' },
        { id: 'checkout', label: 'Check<out>' },
        { id: 'orders-topic', label: 'orders' },
      ],
      arrows: [
        { t: 1000, from: 'shop', to: 'checkout', kind: 'command', label: 'place-order o1' },
        { t: 1100, from: 'checkout', to: 'orders-topic', kind: 'event', label: 'order-placed o1' },
        { t: 1200, from: 'orders-topic', to: 'checkout', kind: 'ack', label: 'ack p0@0' },
        { t: 1300, from: 'checkout', to: 'shop', kind: 'reply', label: '201' },
        { t: 1400, from: 'shop', to: 'checkout', kind: 'command', label: 'place-order o2', lost: true },
        { t: 1500, from: 'checkout', to: 'shop', kind: 'failure', label: '503 refused' },
      ],
    });
    expect(text).toBe(
      [
        'sequenceDiagram',
        '  %% demo; seed 1',
        '  participant shop as Shop',
        '  participant checkout as Check#lt;out#gt;',
        '  participant orders_topic as orders',
        '  shop->>checkout: 1.000 s place-order o1',
        '  checkout->>orders_topic: 1.100 s order-placed o1',
        '  orders_topic-->>checkout: 1.200 s ack p0@0',
        '  checkout-->>shop: 1.300 s 201',
        '  shop-xcheckout: 1.400 s place-order o2 (lost)',
        '  checkout-xshop: 1.500 s 503 refused',
        '',
      ].join('\n'),
    );
  });

  it('exports a real window: one arrow line per hop, every participant declared', () => {
    const scenario = findScenario('checkout-pubsub')!;
    const index = buildTraceIndex(simulate(scenario), scenario);
    const w = sequenceWindow(index, 20_000, 5000);
    const text = toMermaidSequence({ participants: w.lanes, arrows: w.arrows });
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('sequenceDiagram');
    expect(lines.filter((l) => l.startsWith('  participant '))).toHaveLength(scenario.nodes.length);
    expect(lines.filter((l) => /^ {2}\w+(->>|-->>|-x)\w+: /.test(l))).toHaveLength(w.arrows.length);
  });
});
