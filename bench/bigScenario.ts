// The benchmark's big scenario, shared by `npm run bench` and profiling scripts.
import type { ConsumerSpec, Dist, NodeSpec, Scenario, ServiceSpec } from '../src/engine/types';

export const RATE_PER_SEC = 4000;
export const VIRTUAL_MS = 60_000;
const at = { x: 0, y: 0 };

function consumer(group: string, instances: number, processing: Dist, commit: ConsumerSpec['commit'], autoCommitIntervalMs: number): ConsumerSpec {
  return {
    group,
    topic: 'events',
    instances,
    processing,
    commit,
    autoCommitIntervalMs,
    sessionTimeoutMs: 3000,
    rebalanceMs: 200,
    errorRate: 0.001,
    retry: { maxAttempts: Infinity, backoffMs: 50, multiplier: 2, maxBackoffMs: 2000, jitter: 0.2 },
    idempotent: true,
    emits: [],
  };
}

function consumerService(id: string, consumers: ConsumerSpec[]): ServiceSpec {
  return { kind: 'service', id, label: id, position: at, workers: 1, queueLimit: 0, endpoints: [], consumers };
}

/** A producer at 4000 events/s into 8 partitions, read by 3 groups (10 members), with one outage. */
export function bigScenario(): Scenario {
  const nodes: NodeSpec[] = [
    {
      kind: 'client',
      id: 'producer',
      label: 'producer',
      position: at,
      target: 'events',
      command: 'thing-happened',
      timeoutMs: 5000,
      retry: { maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 },
    },
    { kind: 'topic', id: 'events', label: 'events', position: at, partitions: 8, autoOffsetReset: 'earliest' },
    // 4 members × 2 partitions: ~1000 records/s each, 0.4 ms per record.
    consumerService('billing', [consumer('billing', 4, { kind: 'exp', meanMs: 0.4 }, 'after', 0)]),
    // 2 services × 2 members: ~1000 records/s each; auto-commit every second.
    consumerService('shipping-a', [consumer('shipping', 2, { kind: 'uniform', minMs: 0.1, maxMs: 0.6 }, 'after', 1000)]),
    consumerService('shipping-b', [consumer('shipping', 2, { kind: 'uniform', minMs: 0.1, maxMs: 0.6 }, 'after', 1000)]),
    // 2 members × 4 partitions: ~2000 records/s each; at-most-once with auto-commit.
    consumerService('analytics', [consumer('analytics', 2, { kind: 'const', ms: 0.3 }, 'before', 5000)]),
  ];
  return {
    id: 'bench-big',
    title: 'benchmark',
    summary: '',
    lesson: 'bench',
    durationMs: VIRTUAL_MS,
    seed: 1,
    networkMs: 2,
    nodes,
    workload: [{ kind: 'poisson', client: 'producer', ratePerSec: RATE_PER_SEC, fromMs: 0, untilMs: VIRTUAL_MS - 2000, invalidShare: 0 }],
    // shipping-b stops for 5 s: its members crash, the group rebalances twice and catches up.
    faults: [{ target: 'shipping-b', kind: 'down', fromMs: 20_000, untilMs: 25_000 }],
    expectations: [],
  };
}

