// The metrics panel never claims a success rate it cannot measure: until a command has succeeded
// or failed, it shows — (the metric's convention of 1 stays a number for expectations and charts).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import { checkoutSync } from '../../src/scenarios/checkout';
import { selectPanel } from '../../src/ui/panels/selectMetrics';
import { formatPercent } from '../../src/ui/panels/format';
import { metricsAt } from '../../src/view/metricsAt';
import { buildTraceIndex } from '../../src/view/traceIndex';

describe('metrics panel model', () => {
  const index = buildTraceIndex(simulate(checkoutSync), checkoutSync);

  it('has no success rate before a command finished, and shows —', () => {
    const panel = selectPanel(metricsAt(index, 0), checkoutSync);
    expect(panel.commands?.successRate).toBeUndefined();
    expect(formatPercent(panel.commands?.successRate)).toBe('—');
  });

  it('measures it once commands finish', () => {
    const panel = selectPanel(metricsAt(index, 20_000), checkoutSync);
    expect(panel.commands?.successRate).toBeGreaterThan(0);
    expect(formatPercent(panel.commands?.successRate)).toMatch(/^\d+\.\d%$/);
  });
});

describe('committed but failed', () => {
  it('the panel model carries the count the sync story asks the learner to read', () => {
    const outage = simulate(checkoutSync, { interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }] });
    const panel = selectPanel(metricsAt(buildTraceIndex(outage, checkoutSync), 40_000), checkoutSync);
    expect(panel.commands?.committedButFailed).toBeGreaterThan(0);
    expect(panel.commands!.committedButFailed).toBeLessThanOrEqual(panel.commands!.failed);
  });
});
