// Case C7 (shared/cases/README.md): a nack-and-requeue loop with no dead-letter queue, and the same
// poison message with a delivery limit (or reject) and a dead-letter queue. Values asserted on the
// metrics of the built-in scenarios, as the learner sees them.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/engine/metrics';
import { simulate } from '../../src/engine/simulate';
import type { QueueSpec, Scenario, ServiceSpec } from '../../src/engine/types';
import { findScenario } from '../../src/scenarios/builtins';
import { c7DeliveryLimitDlq, c7NackRequeueLoop } from '../../src/scenarios/c7NackRequeueLoop';
import { evaluateExpectations } from '../../src/scenarios/expectations';

const queuesOf = (scenario: Scenario) => computeMetrics(simulate(scenario), scenario).queues;

describe('C7 — nack-and-requeue loop', () => {
  it('is registered as a built-in scenario, both variants', () => {
    expect(findScenario('c7-nack-requeue-loop')).toBe(c7NackRequeueLoop);
    expect(findScenario('c7-delivery-limit-dlq')).toBe(c7DeliveryLimitDlq);
  });

  it('requeue, no limit: m1 delivered ~10,000 times, m2 never, 0 acks, depth stays 2', () => {
    const q = queuesOf(c7NackRequeueLoop).q;
    // One delivery per millisecond (1 ms handling, networkMs 0) from t = 0 to t = 10,000 inclusive:
    // 10,001 at most; well above 9,000 unless the loop is slowed down by something it should not be.
    expect(q.deliveries.m1).toBeGreaterThanOrEqual(9000);
    expect(q.deliveries.m1).toBeLessThanOrEqual(10_001);
    expect(q.deliveries.m1).toBe(10_001); // the exact value this engine gives
    expect(q.redelivered).toBe(q.deliveries.m1 - 1);
    expect(q.deliveries.m2).toBe(0);
    expect(q.acked).toBe(0);
    // depth = ready + unacked (RabbitMQ's "messages"): m2 ready, m1 unacked.
    expect(q.depth).toBe(2);
    expect(q.maxDepth).toBe(2);
    expect(q.ready).toBe(1);
    expect(q.unacked).toBe(1);
    expect(q.deadLettered + q.dropped).toBe(0);
  });

  it('the depth stays 2 at every moment, not only at the end', () => {
    const trace = simulate(c7NackRequeueLoop);
    for (const atMs of [0, 1, 2500, 5000.5, 9999]) {
      expect(computeMetrics(trace, c7NackRequeueLoop, { atMs }).queues.q.depth, `at ${atMs} ms`).toBe(2);
    }
  });

  it('delivery limit 5 + dead-letter queue: m1 dead-lettered after 6 deliveries (returned more than 5 times), m2 acked, depth 0, DLQ 1', () => {
    const { q, 'q-dlq': dlq } = queuesOf(c7DeliveryLimitDlq);
    expect(q.deadLettered).toBe(1);
    expect(q.deliveries.m1).toBe(6);
    expect(q.deliveries.m2).toBe(1);
    expect(q.acked).toBe(1);
    expect(q.depth).toBe(0);
    expect(dlq.depth).toBe(1);
    expect(dlq.deliveries).toEqual({ m1: 0 });
  });

  it('nack without requeue + dead-letter queue: the same outcome after one delivery', () => {
    const reject: Scenario = {
      ...c7DeliveryLimitDlq,
      nodes: c7DeliveryLimitDlq.nodes.map((n) => {
        if (n.kind === 'queue' && n.id === 'q') return { ...n, deliveryLimit: undefined } satisfies QueueSpec;
        if (n.kind === 'service') return { ...n, queueConsumers: n.queueConsumers!.map((c) => ({ ...c, onFailure: 'reject' as const })) } satisfies ServiceSpec;
        return n;
      }),
    };
    const { q, 'q-dlq': dlq } = queuesOf(reject);
    expect(q).toMatchObject({ deadLettered: 1, acked: 1, depth: 0 });
    expect(q.deliveries).toEqual({ m1: 1, m2: 1 });
    expect(dlq.depth).toBe(1);
  });

  it('both scenarios’ own expectations hold', () => {
    for (const s of [c7NackRequeueLoop, c7DeliveryLimitDlq]) {
      const results = evaluateExpectations(s);
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(r.passed, `${s.id}: ${r.name}: ${r.detail}`).toBe(true);
    }
  });
});
