// Metrics "so far" at virtual time t, from the index alone: counts are binary searches over
// sorted time series, percentiles come from a rank structure over the finished commands, so
// this is cheap enough to call on every animation frame of a 10-minute run.
//
// Definitions are the engine's (computeMetrics in src/engine/metrics.ts, with atMs = t), so the
// panel, the CLI and the scenario expectations agree:
//   - a command counts as finished once its command-done record is at or before t;
//   - successRate = succeeded / (succeeded + failed): rejections (4xx) are correct answers to bad
//     commands, not failures of the system; 1 while nothing was judged;
//   - latency percentiles are nearest-rank over every finished command's latencyMs (the engine
//     says 0 when none finished; here it is undefined, so a panel can show a dash).

import { PrefixPercentiles } from './prefixPercentiles';
import { lastAtOrBefore, upperBound } from './search';
import type { CommandSeries, GroupIndex, TraceIndex } from './traceIndex';

export interface CommandMetricsAt {
  submitted: number;
  finished: number;
  /** Submitted, not finished yet. */
  pending: number;
  /** Finished with 2xx. */
  succeeded: number;
  /** Finished with 4xx: the command itself was wrong. */
  rejected: number;
  /** Finished with 5xx or a timeout: a technical failure. */
  failed: number;
  /** succeeded / (succeeded + failed); 1 while none was judged. */
  successRate: number;
  /** Undefined until a command has finished. */
  p50LatencyMs: number | undefined;
  p99LatencyMs: number | undefined;
  meanLatencyMs: number | undefined;
  /** Failed commands whose row the service committed anyway. */
  committedButFailed: number;
}

export interface GroupMetricsAt {
  group: string;
  /** The topic the scenario declares for the group (else the first one it was seen reading). */
  topic: string | undefined;
  /** Distinct events processed (a redelivery processed again is a duplicate, not a new one). */
  processed: number;
  /** Events appended so far to the topic(s) the group reads. */
  available: number;
  /** Total lag over the group's partitions now. */
  lag: number;
  /** Largest total lag at any moment up to t. */
  maxLag: number;
  /** Distinct events the group will never process (from the trace's `lost` records). */
  lost: number;
  /** Extra, non-idempotent processings of events already processed. */
  duplicates: number;
  /** Redeliveries an idempotent consumer recognised and skipped. */
  skippedDuplicates: number;
  deadLettered: number;
  handlerFailures: number;
  rebalances: number;
  /** Events of one key processed after a later one of the same key: corrupt state. */
  outOfOrder: number;
}

export interface MetricsAt {
  t: number;
  /** Every command, whichever service it was sent to. */
  commands: CommandMetricsAt;
  /** Keyed by the service a command was submitted to. */
  services: Record<string, CommandMetricsAt>;
  groups: Record<string, GroupMetricsAt>;
  events: {
    /** Appends to business topics (dead-letter copies are not new events). */
    published: number;
    /** Every append, per topic (dead-letter topics included). */
    byTopic: Record<string, number>;
    /** Records clients gave up sending. */
    notPublished: number;
  };
}

function percentilesOf(series: CommandSeries): PrefixPercentiles {
  // Built on first use: ranking the latencies is the only super-linear step and many views never need it.
  if (!series.percentiles) series.percentiles = new PrefixPercentiles(series.doneLatency);
  return series.percentiles;
}

export function commandMetricsAt(series: CommandSeries, t: number): CommandMetricsAt {
  const submitted = upperBound(series.submittedT, t);
  const finished = upperBound(series.doneT, t);
  const succeeded = upperBound(series.okT, t);
  const failed = upperBound(series.failedT, t);
  const ranks = finished > 0 ? percentilesOf(series) : undefined;
  return {
    submitted,
    finished,
    pending: submitted - finished,
    succeeded,
    rejected: upperBound(series.rejectedT, t),
    failed,
    successRate: succeeded + failed === 0 ? 1 : succeeded / (succeeded + failed),
    p50LatencyMs: ranks?.percentile(finished, 50),
    p99LatencyMs: ranks?.percentile(finished, 99),
    meanLatencyMs: finished === 0 ? undefined : series.latencySum[finished - 1] / finished,
    committedButFailed: upperBound(series.committedButFailedT, t),
  };
}

export function groupMetricsAt(index: TraceIndex, group: GroupIndex, t: number): GroupMetricsAt {
  const i = lastAtOrBefore(group.lagT, t);
  const firstTopic = group.subscriptions.keys().next();
  let available = 0;
  for (const sub of group.subscriptions.values()) {
    if (sub.since <= t) available += upperBound(index.topics.get(sub.topic)!.appendT, t);
  }
  return {
    group: group.id,
    topic: group.spec?.topic ?? (firstTopic.done ? undefined : firstTopic.value),
    processed: upperBound(group.processedT, t),
    available,
    lag: i < 0 ? 0 : group.lag[i],
    maxLag: i < 0 ? 0 : group.maxLag[i],
    lost: upperBound(group.lostT, t),
    duplicates: upperBound(group.duplicateT, t),
    skippedDuplicates: upperBound(group.skippedDuplicateT, t),
    deadLettered: upperBound(group.deadLetteredT, t),
    handlerFailures: upperBound(group.handlerFailedT, t),
    rebalances: upperBound(group.rebalanceT, t),
    outOfOrder: upperBound(group.outOfOrderT, t),
  };
}

export function metricsAt(index: TraceIndex, t: number): MetricsAt {
  const services: Record<string, CommandMetricsAt> = {};
  for (const [service, series] of index.commandsByService) services[service] = commandMetricsAt(series, t);
  const groups: Record<string, GroupMetricsAt> = {};
  for (const group of index.groups.values()) groups[group.id] = groupMetricsAt(index, group, t);
  const byTopic: Record<string, number> = {};
  for (const topic of index.topics.values()) byTopic[topic.id] = upperBound(topic.appendT, t);
  return {
    t,
    commands: commandMetricsAt(index.commands, t),
    services,
    groups,
    events: { published: upperBound(index.publishedT, t), byTopic, notPublished: upperBound(index.notPublishedT, t) },
  };
}
