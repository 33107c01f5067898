// Series for the charts pane: lag per consumer group, command latency p50/p99, success rate and
// queue depth over the whole run, sampled at evenly spaced times (200 by default). Built once per
// run (the UI memoises by index) and read by a cursor at t, which asks `chartValuesAt` for the
// exact values at t rather than the nearest sample.
//
// Lag and queue depth are instantaneous. Latency and success rate are over a sliding window (the
// commands that finished in the last `windowMs`), not "so far" like the metrics panel: a
// cumulative percentile barely moves once a run is long, and the chart is there to show the
// outage dip and the recovery. Same definitions otherwise (engine's metrics): nearest-rank
// percentiles, success = ok / (ok + failed), rejections (4xx) excluded.

import { tEn, type Msg } from '../i18n/format';
import '../i18n/messages.details.en';
import { groupMetricsAt } from './metricsAt';
import { lastAtOrBefore, upperBound } from './search';
import type { CommandSeries, TraceIndex } from './traceIndex';

export type ChartId = 'lag' | 'latency' | 'success' | 'queues';

export interface ChartLine {
  id: string;
  /** Names (groups, queues) as they are; words in English, with `msg` to translate them. */
  label: string;
  msg?: Msg;
  /** null where the value is undefined (no command finished in the window). */
  values: (number | null)[];
}

export interface Chart {
  id: ChartId;
  /** In English; `titleMsg` words it in the learner's language. */
  title: string;
  titleMsg: Msg;
  unit: 'messages' | 'ms' | 'ratio';
  lines: ChartLine[];
  /** Largest value of any line (0 when all are null or 0). */
  max: number;
}

export interface ChartSet {
  /** Sample times, ascending, from 0 to the run's end. */
  t: number[];
  endMs: number;
  windowMs: number;
  charts: Chart[];
}

export interface ChartOptions {
  samples?: number;
  windowMs?: number;
}

/** Nearest-rank percentile of an unsorted list (the engine's definition); undefined when empty. */
export function nearestRank(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p * sorted.length) / 100)));
  return sorted[rank - 1];
}

/** Commands finished in (t - windowMs, t]: their latencies, and how many succeeded / failed. */
export function windowStats(series: CommandSeries, t: number, windowMs: number): { latencies: number[]; ok: number; failed: number } {
  const lo = upperBound(series.doneT, t - windowMs);
  const hi = upperBound(series.doneT, t);
  return {
    latencies: series.doneLatency.slice(lo, hi),
    ok: upperBound(series.okT, t) - upperBound(series.okT, t - windowMs),
    failed: upperBound(series.failedT, t) - upperBound(series.failedT, t - windowMs),
  };
}

/** The command series the charts follow: the one service clients talk to, else all commands. */
export function primaryCommands(index: TraceIndex): { series: CommandSeries; label: string; msg?: Msg } | undefined {
  const used = [...index.commandsByService.values()].filter((s) => s.submittedT.length > 0);
  if (used.length === 1) {
    const s = used[0];
    return { series: s, label: index.nodeSpecs.get(s.service!)?.label ?? s.service! };
  }
  if (index.commands.submittedT.length > 0) return { series: index.commands, label: tEn('charts.allCommands'), msg: { key: 'charts.allCommands' } };
  return undefined;
}

interface Sampler {
  chart: Omit<Chart, 'lines' | 'max' | 'title'>;
  lines: { id: string; label: string; msg?: Msg; at: (t: number) => number | null }[];
}

function samplers(index: TraceIndex, windowMs: number): Sampler[] {
  const out: Sampler[] = [];
  const groups = [...index.groups.values()];
  if (groups.length > 0) {
    out.push({
      chart: { id: 'lag', titleMsg: { key: 'charts.lag' }, unit: 'messages' },
      lines: groups.map((g) => ({ id: g.id, label: g.id, at: (t: number) => groupMetricsAt(index, g, t).lag })),
    });
  }
  const primary = primaryCommands(index);
  if (primary) {
    const { series, label, msg } = primary;
    const sec = windowMs / 1000;
    // The series' name is a node's label, or words ("All commands") worded with the title.
    const titled = (key: 'charts.latency' | 'charts.success'): Msg => ({ key, params: { label: msg ?? label, seconds: sec } });
    out.push({
      chart: { id: 'latency', titleMsg: titled('charts.latency'), unit: 'ms' },
      lines: [
        { id: 'p50', label: 'p50', at: (t) => nearestRank(windowStats(series, t, windowMs).latencies, 50) ?? null },
        { id: 'p99', label: 'p99', at: (t) => nearestRank(windowStats(series, t, windowMs).latencies, 99) ?? null },
      ],
    });
    out.push({
      chart: { id: 'success', titleMsg: titled('charts.success'), unit: 'ratio' },
      lines: [
        {
          id: 'success',
          label: tEn('charts.successRate'),
          msg: { key: 'charts.successRate' },
          at: (t) => {
            const w = windowStats(series, t, windowMs);
            return w.ok + w.failed === 0 ? null : w.ok / (w.ok + w.failed);
          },
        },
      ],
    });
  }
  const queues = [...index.queues.values()];
  if (queues.length > 0) {
    out.push({
      chart: { id: 'queues', titleMsg: { key: 'charts.queues' }, unit: 'messages' },
      lines: queues.map((q) => ({
        id: q.id,
        label: q.spec?.label ?? q.id,
        at: (t: number) => {
          const i = lastAtOrBefore(q.stateT, t);
          return i < 0 ? 0 : q.depth[i];
        },
      })),
    });
  }
  return out;
}

export function buildChartSeries(index: TraceIndex, options: ChartOptions = {}): ChartSet {
  const samples = Math.max(2, Math.floor(options.samples ?? 200));
  const windowMs = options.windowMs ?? 5000;
  const endMs = index.endMs;
  const t: number[] = [];
  for (let i = 0; i < samples; i++) t.push((endMs * i) / (samples - 1));
  const charts: Chart[] = samplers(index, windowMs).map((s) => {
    let max = 0;
    const lines = s.lines.map((l) => {
      const values = t.map((ti) => {
        const v = l.at(ti);
        if (v !== null && v > max) max = v;
        return v;
      });
      return l.msg ? { id: l.id, label: l.label, msg: l.msg, values } : { id: l.id, label: l.label, values };
    });
    return { ...s.chart, title: tEn(s.chart.titleMsg.key, s.chart.titleMsg.params), lines, max };
  });
  return { t, endMs, windowMs, charts };
}

/** The exact value of every line of every chart at t (not the nearest sample). */
export function chartValuesAt(index: TraceIndex, t: number, windowMs = 5000): Record<ChartId, Record<string, number | null>> {
  const out = {} as Record<ChartId, Record<string, number | null>>;
  for (const s of samplers(index, windowMs)) {
    const values: Record<string, number | null> = {};
    for (const l of s.lines) values[l.id] = l.at(t);
    out[s.chart.id] = values;
  }
  return out;
}
