// A command's business label travels with it: downstream calls and the events it causes carry the
// very label the client gave, spaces included (it used to be re-parsed from the hop's text, which
// kept only the last word).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import type { Scenario } from '../../src/engine/types';
import { checkoutPubsub, checkoutSync } from '../../src/scenarios/checkout';

function oneOrder(base: Scenario): Scenario {
  const client = base.nodes.find((n) => n.kind === 'client')!;
  return { ...base, durationMs: 10_000, workload: [{ kind: 'script', client: client.id, items: [{ atMs: 100, key: 'o-12', label: 'order 12' }] }] };
}

describe('request names', () => {
  it('an event published for a command carries the command label', () => {
    const trace = simulate(oneOrder(checkoutPubsub));
    expect(trace.events.length).toBeGreaterThan(0);
    for (const event of trace.events) expect(event.label).toBe('order 12');
    expect(trace.records.some((r) => r.type === 'hop' && r.label === `${trace.events[0].type} order 12`)).toBe(true);
  });

  it('a downstream call is labelled with its endpoint and the command label', () => {
    const trace = simulate(oneOrder(checkoutSync));
    const calls = trace.records.filter((r) => r.type === 'hop' && r.kind === 'command');
    expect(calls.length).toBeGreaterThan(1);
    for (const hop of calls) expect(hop.type === 'hop' && hop.label.endsWith(' order 12')).toBe(true);
  });
});
