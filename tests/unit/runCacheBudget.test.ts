// The run cache keeps the lab's memory bounded: a dozen runs at most, and at most 1.5 M trace
// records between them; a runaway run stops at the browser's step limit with a message.
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/types';
import { parseScenarioText } from '../../src/scenarios/scenarioFile';
import { BROWSER_MAX_STEPS, getRun, limitRunCache } from '../../src/state/runCache';

function busy(ratePerSec: number, durationMs: number): Scenario {
  return parseScenarioText(
    JSON.stringify({
      id: `busy-${ratePerSec}-${durationMs}`,
      durationMs,
      nodes: [
        { kind: 'client', id: 'p', target: 't', command: 'e' },
        { kind: 'topic', id: 't', partitions: 4 },
        { kind: 'service', id: 'c', consumers: [{ group: 'g', topic: 't', processing: { kind: 'const', ms: 0 } }] },
      ],
      workload: [{ kind: 'poisson', client: 'p', ratePerSec, fromMs: 0, untilMs: durationMs }],
    }),
    'busy.json',
  );
}

describe('run cache', () => {
  afterEach(() => limitRunCache({}));

  it('a run past the step limit stops with a message instead of exhausting the tab (a million steps in a tab)', () => {
    expect(BROWSER_MAX_STEPS).toBe(1_000_000);
    limitRunCache({ maxSteps: 20_000 });
    const run = getRun(busy(2000, 3_600_000), 1, []);
    expect(run.error).toMatch(/stopped after 20,000 steps/);
  });

  it('evicts the least recently used runs once they hold too many records, but keeps the newest', () => {
    const big = busy(200, 20_000);
    const faults = (i: number) => [{ target: 'c', kind: 'down' as const, fromMs: 1000 + i, untilMs: 2000 }];
    const size = getRun(big, 1, faults(0)).trace.records.length;
    // Budget: a bit more than three of these runs.
    limitRunCache({ maxRecords: Math.round(3.5 * size) });
    const runs = [0, 1, 2, 3].map((i) => getRun(big, 1, faults(i)));
    for (const r of runs) expect(r.error).toBeUndefined();
    // The newest is cached (same object again); the oldest was dropped (recomputed: a new object).
    expect(getRun(big, 1, faults(3))).toBe(runs[3]);
    expect(getRun(big, 1, faults(0))).not.toBe(runs[0]);
  }, 60_000);
});
