// The numbers a metrics panel shows, reduced to plain data so an unchanged frame can be skipped.
import type { Scenario } from '../../engine/types';
import type { MetricsAt } from '../../view/metricsAt';

export interface CommandPanel {
  /** The service the client sends commands to (checkout). */
  service: string;
  serviceLabel: string;
  /** The command's name, e.g. place-order. */
  command: string;
  /** The service calls others synchronously: the coupling the compare view is about. */
  callsOthers: boolean;
  submitted: number;
  succeeded: number;
  rejected: number;
  failed: number;
  pending: number;
  /** Failed commands whose row the service committed anyway (the dual-write hazard the sync story shows). */
  committedButFailed: number;
  /**
   * succeeded / (succeeded + failed): the share of VALID commands that worked. Rejections (4xx)
   * are correct answers to bad commands, not failures of the system — the engine's definition
   * (src/engine/metrics.ts), which the scenarios' expectations are written against.
   */
  /** Undefined until a command has succeeded or failed: nothing to measure yet (shown as —, never as 100 %). */
  successRate: number | undefined;
  p50: number | undefined;
  p99: number | undefined;
}

export interface GroupRow {
  id: string;
  processed: number;
  lag: number;
  maxLag: number;
  lost: number;
  duplicates: number;
  deadLettered: number;
}

export interface PanelModel {
  commands: CommandPanel | undefined;
  published: number;
  groups: GroupRow[];
}

/** The service receiving the first client's commands, when a client sends commands to a service. */
export function commandTarget(scenario: Scenario): { service: string; command: string } | undefined {
  for (const n of scenario.nodes) {
    if (n.kind !== 'client') continue;
    const target = scenario.nodes.find((m) => m.id === n.target);
    if (target?.kind === 'service') return { service: target.id, command: n.command };
  }
  return undefined;
}

export function selectPanel(m: MetricsAt, scenario: Scenario): PanelModel {
  const target = commandTarget(scenario);
  let commands: CommandPanel | undefined;
  if (target) {
    const c = m.services[target.service] ?? m.commands;
    const judged = c.succeeded + c.failed;
    const spec = scenario.nodes.find((n) => n.id === target.service);
    commands = {
      service: target.service,
      serviceLabel: spec?.label ?? target.service,
      command: target.command,
      callsOthers: spec?.kind === 'service' && spec.endpoints.some((e) => e.then.some((a) => a.kind === 'call')),
      submitted: c.submitted,
      succeeded: c.succeeded,
      rejected: c.rejected,
      failed: c.failed,
      pending: c.submitted - c.finished,
      committedButFailed: c.committedButFailed,
      successRate: judged === 0 ? undefined : c.succeeded / judged,
      p50: c.p50LatencyMs,
      p99: c.p99LatencyMs,
    };
  }
  return {
    commands,
    published: m.events.published,
    groups: Object.values(m.groups).map((g) => ({
      id: g.group,
      processed: g.processed,
      lag: g.lag,
      maxLag: g.maxLag,
      lost: g.lost,
      duplicates: g.duplicates,
      deadLettered: g.deadLettered,
    })),
  };
}
