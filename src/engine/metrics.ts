import type { Scenario, Trace } from './types';

export interface CommandMetrics {
  submitted: number;
  /** Finished with 2xx. */
  succeeded: number;
  /** Finished with 4xx: the command was wrong (validation); resubmitting it unchanged fails again. */
  rejected: number;
  /** Finished with 5xx or a timeout: a technical failure. */
  failed: number;
  /** Submitted but not finished yet. */
  pending: number;
  /** succeeded / (succeeded + failed): the share of valid commands that worked (rejections are correct answers). */
  successRate: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  meanLatencyMs: number;
  /** Commands whose row was committed but whose caller was told they failed: the sync coupling trap. */
  committedButFailed: number;
}

export interface GroupMetrics {
  topic: string;
  /** Distinct events the group handled successfully (an idempotent skip of a redelivery is not counted twice). */
  processed: number;
  /** Events appended to the group's topic so far. */
  available: number;
  lag: number;
  maxLag: number;
  lost: number;
  /** Extra times an event's effect was applied (processed more than once, not skipped as a duplicate). */
  duplicates: number;
  /** Redeliveries an idempotent consumer recognised and skipped. */
  skippedDuplicates: number;
  deadLettered: number;
  handlerFailures: number;
  rebalances: number;
  /** Events of the same key processed in a different order than their offsets: corrupt state. */
  outOfOrder: number;
}

export interface Metrics {
  /** Per service that receives client commands (e.g. `checkout`). */
  [service: string]: CommandMetrics | Record<string, GroupMetrics> | { published: number } | Record<string, TopicMetrics>;
  groups: Record<string, GroupMetrics>;
  events: { published: number };
  topics: Record<string, TopicMetrics>;
}

export interface TopicMetrics {
  appended: number;
  partitions: { logStart: number; logEnd: number }[];
}

export interface MetricsOptions {
  /** Only records up to this time (inclusive). */
  atMs?: number;
  /** Command metrics over commands submitted in [from, to) only. */
  window?: [number, number];
}

/** Nearest-rank percentile of an ascending array; 0 when empty. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function emptyCommandMetrics(): CommandMetrics {
  return {
    submitted: 0,
    succeeded: 0,
    rejected: 0,
    failed: 0,
    pending: 0,
    successRate: 1,
    p50LatencyMs: 0,
    p99LatencyMs: 0,
    meanLatencyMs: 0,
    committedButFailed: 0,
  };
}

/** Observers: every number the lab reports about a run, derived from the trace alone. */
export function computeMetrics(trace: Trace, scenario: Scenario, options: MetricsOptions = {}): Metrics {
  const atMs = options.atMs ?? Infinity;
  const window = options.window;
  const commandServices = new Set<string>();
  for (const node of scenario.nodes) {
    if (node.kind === 'client' && scenario.nodes.some((n) => n.id === node.target && n.kind === 'service')) commandServices.add(node.target);
  }
  const groupTopics = new Map<string, string>();
  for (const node of scenario.nodes) if (node.kind === 'service') for (const c of node.consumers) groupTopics.set(c.group, c.topic);

  const commands = new Map<number, { service: string; at: number; inWindow: boolean }>();
  const latencies = new Map<string, number[]>();
  const perService = new Map<string, CommandMetrics>();
  for (const s of commandServices) {
    perService.set(s, emptyCommandMetrics());
    latencies.set(s, []);
  }
  const rowsByCommand = new Map<string, Set<number>>();
  const failedCommands = new Map<string, Set<number>>();

  const topics: Record<string, TopicMetrics> = {};
  for (const node of scenario.nodes) {
    if (node.kind === 'topic') topics[node.id] = { appended: 0, partitions: Array.from({ length: node.partitions }, () => ({ logStart: 0, logEnd: 0 })) };
  }
  const groups: Record<string, GroupMetrics> = {};
  const committed: Record<string, number[]> = {};
  const processedCount: Record<string, Map<number, number>> = {};
  const lostEvents: Record<string, Set<number>> = {};
  const lastByKey: Record<string, Map<string, { partition: number; offset: number }>> = {};
  for (const [group, topic] of groupTopics) {
    groups[group] = {
      topic,
      processed: 0,
      available: 0,
      lag: 0,
      maxLag: 0,
      lost: 0,
      duplicates: 0,
      skippedDuplicates: 0,
      deadLettered: 0,
      handlerFailures: 0,
      rebalances: 0,
      outOfOrder: 0,
    };
    committed[group] = topics[topic].partitions.map(() => 0);
    processedCount[group] = new Map();
    lostEvents[group] = new Set();
    lastByKey[group] = new Map();
  }
  const groupsByTopic = new Map<string, string[]>();
  for (const [group, topic] of groupTopics) groupsByTopic.set(topic, [...(groupsByTopic.get(topic) ?? []), group]);
  let published = 0;
  const deadLetterTopics = new Set<string>();
  for (const node of scenario.nodes) {
    if (node.kind === 'service') for (const c of node.consumers) if (c.deadLetterTopic) deadLetterTopics.add(c.deadLetterTopic);
  }

  const lagOf = (group: string): number => {
    const topic = topics[groups[group].topic];
    let lag = 0;
    topic.partitions.forEach((p, i) => (lag += p.logEnd - Math.max(committed[group][i], p.logStart)));
    return lag;
  };

  for (const r of trace.records) {
    if (r.t > atMs) break;
    switch (r.type) {
      case 'command': {
        const inWindow = !window || (r.t >= window[0] && r.t < window[1]);
        commands.set(r.cmd, { service: r.service, at: r.t, inWindow });
        const m = perService.get(r.service);
        if (m && inWindow) m.submitted++;
        break;
      }
      case 'command-done': {
        const c = commands.get(r.cmd);
        if (!c || !c.inWindow) break;
        const m = perService.get(c.service);
        if (!m) break;
        if (r.outcome === 'ok') m.succeeded++;
        else if (r.outcome === 'rejected') m.rejected++;
        else {
          m.failed++;
          let set = failedCommands.get(c.service);
          if (!set) failedCommands.set(c.service, (set = new Set()));
          set.add(r.cmd);
        }
        latencies.get(c.service)!.push(r.latencyMs);
        break;
      }
      case 'row': {
        let set = rowsByCommand.get(r.service);
        if (!set) rowsByCommand.set(r.service, (set = new Set()));
        set.add(r.cmd);
        break;
      }
      case 'append': {
        const topic = topics[r.topic];
        topic.appended++;
        topic.partitions[r.partition].logEnd = r.offset + 1;
        // Dead letters are copies of events already counted, not new business events.
        if (!deadLetterTopics.has(r.topic)) published++;
        for (const g of groupsByTopic.get(r.topic) ?? []) {
          groups[g].available++;
          groups[g].maxLag = Math.max(groups[g].maxLag, lagOf(g));
        }
        break;
      }
      case 'retention':
        topics[r.topic].partitions[r.partition].logStart = r.logStart;
        break;
      case 'commit':
        if (committed[r.group]) committed[r.group][r.partition] = r.offset;
        break;
      case 'processed': {
        const g = groups[r.group];
        if (!g) break;
        if (r.skippedDuplicate) {
          g.skippedDuplicates++;
          break;
        }
        const count = processedCount[r.group].get(r.event) ?? 0;
        processedCount[r.group].set(r.event, count + 1);
        if (count === 0) g.processed++;
        else g.duplicates++;
        if (count > 0) break;
        // Offsets are only comparable within a partition; one key always maps to one partition.
        const last = lastByKey[r.group].get(r.key);
        if (last && last.partition === r.partition && last.offset > r.offset) g.outOfOrder++;
        else lastByKey[r.group].set(r.key, { partition: r.partition, offset: r.offset });
        break;
      }
      case 'handler-failed':
        if (groups[r.group]) groups[r.group].handlerFailures++;
        break;
      case 'dead-lettered':
        if (groups[r.group]) groups[r.group].deadLettered++;
        break;
      case 'lost':
        if (lostEvents[r.group] && !lostEvents[r.group].has(r.event)) {
          lostEvents[r.group].add(r.event);
          groups[r.group].lost++;
        }
        break;
      case 'rebalance':
        if (groups[r.group]) groups[r.group].rebalances++;
        break;
      default:
        break;
    }
  }

  for (const [service, m] of perService) {
    const sorted = latencies.get(service)!.sort((a, b) => a - b);
    const finished = m.succeeded + m.rejected + m.failed;
    m.pending = m.submitted - finished;
    m.successRate = m.succeeded + m.failed === 0 ? 1 : m.succeeded / (m.succeeded + m.failed);
    m.p50LatencyMs = percentile(sorted, 0.5);
    m.p99LatencyMs = percentile(sorted, 0.99);
    m.meanLatencyMs = sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const rows = rowsByCommand.get(service);
    let orphans = 0;
    for (const cmd of failedCommands.get(service) ?? []) if (rows?.has(cmd)) orphans++;
    m.committedButFailed = orphans;
  }
  for (const g of Object.keys(groups)) groups[g].lag = lagOf(g);

  const metrics = { groups, events: { published }, topics } as Metrics;
  for (const [service, m] of perService) metrics[service] = m;
  return metrics;
}
